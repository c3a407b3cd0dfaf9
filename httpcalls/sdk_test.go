package httpcalls

import (
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/srclex"
)

// TestSDKTableAgainstEndpoints: each SDK operation whose path holds a module, the module
// filled with Leads and every other variable left unknown, is either an endpoint that needs
// a Leads scope (or a scope of no module) or an unresolved call: never another module's
// scope. The counts are logged: the rows the endpoint table lacks are catalog work.
func TestSDKTableAgainstEndpoints(t *testing.T) {
	t.Parallel()
	c := catalog.Default()
	var resolved, unresolved, rows int
	perLang := map[srclex.Lang]int{}
	for k := range sdkOps() {
		perLang[k.lang]++
	}
	for _, lang := range []srclex.Lang{srclex.JS, srclex.Python, srclex.PHP} {
		if perLang[lang] < 400 {
			t.Errorf("%s SDK: %d operations, want the SDK's (417 to 425)", lang, perLang[lang])
		}
	}
	for k, op := range sdkOps() {
		if k.lang != srclex.JS {
			continue // the Python and PHP rows have the Node rows' paths (the generator checks)
		}
		rows++
		if strings.HasPrefix(op.path, "/{") {
			continue // a URL the server sent (a download link): not a path of the SDK's
		}
		url := sdkHost
		if strings.Contains(op.path, "://") {
			url = ""
		}
		rest := op.path
		for {
			open := strings.IndexByte(rest, '{')
			if open < 0 {
				url += rest
				break
			}
			closeAt := strings.IndexByte(rest[open:], '}') + open
			v := rest[open+1 : closeAt]
			url += rest[:open]
			if strings.EqualFold(v, "moduleAPIName") || strings.EqualFold(v, "module") {
				url += "Leads"
			} else {
				url += catalog.Unknown
			}
			rest = rest[closeAt+1:]
		}
		req, ok := c.Requirement(op.method, url)
		if !ok {
			t.Errorf("%s.%s: %s %s is not a Zoho API path", k.class, k.op, op.method, op.path)
			continue
		}
		if req.Unresolved != "" {
			unresolved++
			continue
		}
		resolved++
		if !strings.Contains(op.path, "{moduleAPIName}") {
			continue
		}
		for _, opt := range req.Options {
			for _, clause := range opt {
				for _, alt := range clause {
					if strings.HasPrefix(alt, "ZohoCRM.modules.") && !strings.HasPrefix(alt, "ZohoCRM.modules.leads.") && alt != "ZohoCRM.modules.ALL" && !strings.HasPrefix(alt, "ZohoCRM.modules.*") {
						t.Errorf("%s.%s (%s %s) for Leads needs %s", k.class, k.op, op.method, op.path, alt)
					}
				}
			}
		}
	}
	t.Logf("Node SDK 8.0: %d operations, %d resolve to an endpoint, %d unresolved", rows, resolved, unresolved)
	if rows < 400 {
		t.Errorf("%d Node operations, want the SDK's 425", rows)
	}
}
