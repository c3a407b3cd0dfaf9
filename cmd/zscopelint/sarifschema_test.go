package main

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// envSARIFSchema names the SARIF 2.1.0 JSON schema file (sarif-2.1.0-rtm.5.json, the
// OASIS schema that Microsoft's @microsoft/jest-sarif package ships); .ci/run fetches it
// with npm and sets it. It is not committed: it is not ours.
const envSARIFSchema = "ZSCOPELINT_SARIF_SCHEMA"

var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	return c.Compile(os.Getenv(envSARIFSchema))
})

// validateSARIF checks a SARIF log against the SARIF 2.1.0 schema. Without the schema it
// says so and checks nothing more: CI always has it.
func validateSARIF(t *testing.T, log string) {
	t.Helper()
	if os.Getenv(envSARIFSchema) == "" {
		t.Logf("SARIF not validated against the schema: set %s (.ci/run does)", envSARIFSchema)
		if os.Getenv("CI") != "" {
			t.Errorf("%s is not set in CI", envSARIFSchema)
		}
		return
	}
	schema, err := sarifSchema()
	if err != nil {
		t.Fatalf("the SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("the SARIF log does not validate against the SARIF 2.1.0 schema:\n%v", err)
	}
}

// TestValidateSARIFCanFail: the validator rejects what the schema forbids.
func TestValidateSARIFCanFail(t *testing.T) {
	t.Parallel()
	if os.Getenv(envSARIFSchema) == "" {
		t.Skipf("set %s to validate SARIF (.ci/run does)", envSARIFSchema)
	}
	schema, err := sarifSchema()
	if err != nil {
		t.Fatal(err)
	}
	var bad any
	must(t, json.Unmarshal([]byte(`{"version": "2.1.0", "runs": [{"results": [{"level": "loud", "message": {"text": "x"}}]}]}`), &bad))
	if schema.Validate(bad) == nil {
		t.Error("a run without a tool and a result with level loud validate")
	}
}
