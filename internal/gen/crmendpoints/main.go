// Command crmendpoints writes catalog/endpoints_crm.yaml, the Zoho CRM endpoint rows, and
// catalog/testdata/crm-sources.tsv, the operations it read, from two of Zoho's published
// sources:
//
//   - zoho/crm-oas, the CRM OpenAPI files: v8.0/*.json give each operation's method, path,
//     operationId and security list;
//   - zoho/zohocrm-nodejs-sdk-8.0, the official Node SDK: each lib/core/**/*_operations.js
//     method builds its path by literal concatenation and sets its method by constant;
//   - optionally zoho/zohocrm-python-sdk-8.0, the Python SDK, built the same way
//     (zohocrmsdk/src/**/*_operations.py): a cross-check of the Node SDK.
//
// It is run by hand, never at lint time, and needs no network: both sources are git
// repositories already on disk (a bare git directory or a checkout), read with
// `git -C <dir> ls-tree` and `git show` at HEAD, so the commit written into the output is the
// one read. From the repository root:
//
//	git clone --bare https://github.com/zoho/crm-oas /tmp/crm-oas
//	git clone --bare https://github.com/zoho/zohocrm-nodejs-sdk-8.0 /tmp/crm-node
//	git clone --bare https://github.com/zoho/zohocrm-python-sdk-8.0 /tmp/crm-python
//	go run ./internal/gen/crmendpoints -oas /tmp/crm-oas -sdk /tmp/crm-node -sdk-python /tmp/crm-python
//
// The scope of each row is derived by package derive (see its doc), which the catalog's
// tests also run on the committed extract. The rows whose scope falls back from the narrow
// one (a derived scope the catalog lacks) are listed on standard error.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/gen/crmendpoints/derive"
)

func main() {
	oasDir := flag.String("oas", "", "git directory (bare or checkout) of github.com/zoho/crm-oas")
	sdkDir := flag.String("sdk", "", "git directory (bare or checkout) of github.com/zoho/zohocrm-nodejs-sdk-8.0")
	pySDKDir := flag.String("sdk-python", "", "git directory of github.com/zoho/zohocrm-python-sdk-8.0 (optional, a cross-check)")
	out := flag.String("out", "catalog", "the catalog directory to write into")
	flag.Parse()
	if *oasDir == "" || *sdkDir == "" {
		flag.Usage()
		os.Exit(2)
	}
	log.SetFlags(0)
	log.SetPrefix("crmendpoints: ")

	oas, err := readOAS(*oasDir)
	if err != nil {
		log.Fatal(err)
	}
	sdk, err := readSDK(*sdkDir, nodeSDK)
	if err != nil {
		log.Fatal(err)
	}
	ops := append(oas, sdk...)
	var py []derive.Op
	if *pySDKDir != "" {
		if py, err = readSDK(*pySDKDir, pythonSDK); err != nil {
			log.Fatal(err)
		}
		ops = append(ops, py...)
	}
	derive.SortOps(ops)

	c := catalog.Default()
	known := func(s string) bool { return c.Resolve(s, catalog.CRM).Problem == catalog.OK }
	rows := derive.Rows(ops, known)

	var tsv bytes.Buffer
	comment := "Operations read by internal/gen/crmendpoints (generated with endpoints_crm.yaml; DO NOT EDIT).\n" +
		"One line per operation: crm-oas v8.0 operations and the Node and Python SDK 8.0 operations; security is crm-oas's list."
	if err := derive.WriteExtract(&tsv, comment, ops); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*out, "testdata", "crm-sources.tsv"), tsv.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	text := derive.FormatFile(derive.Header(ops), rows)
	if err := os.WriteFile(filepath.Join(*out, "endpoints_crm.yaml"), []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if r.Note != "" {
			fmt.Fprintf(os.Stderr, "%s %s %v: %s\n", r.Method, r.Path, r.Requires, r.Note)
		}
		if len(r.Requires) > 0 && len(r.Requires[0]) > 0 && r.Requires[0][0] != "" {
			n++
		}
	}
	fmt.Fprintf(os.Stderr, "%d crm-oas, %d Node SDK and %d Python SDK operations, %d rows written, %d left out\n",
		len(oas), len(sdk), len(py), n, len(rows)-n)
}

// repo reads files at HEAD of a git directory.
type repo struct{ dir, name, commit string }

func openRepo(dir, name string) (*repo, error) {
	out, err := git(dir, "rev-parse", "HEAD")
	if err != nil {
		return nil, err
	}
	return &repo{dir: dir, name: name, commit: strings.TrimSpace(out)}, nil
}

func (r *repo) source() string { return r.name + "@" + r.commit[:7] }

func (r *repo) files(under, suffix string) ([]string, error) {
	out, err := git(r.dir, "ls-tree", "-r", "--name-only", "HEAD", under)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, n := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasSuffix(n, suffix) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names, nil
}

func (r *repo) read(name string) ([]byte, error) {
	out, err := git(r.dir, "show", "HEAD:"+name)
	return []byte(out), err
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s in %s: %v: %s", strings.Join(args, " "), dir, err, stderr.String())
	}
	return string(out), nil
}

// readOAS reads every operation of crm-oas v8.0/*.json.
func readOAS(dir string) ([]derive.Op, error) {
	r, err := openRepo(dir, "zoho/crm-oas")
	if err != nil {
		return nil, err
	}
	names, err := r.files("v8.0/", ".json")
	if err != nil {
		return nil, err
	}
	type operation struct {
		OperationID string                 `json:"operationId"`
		Security    *[]map[string][]string `json:"security"`
	}
	var ops []derive.Op
	for _, name := range names {
		data, err := r.read(name)
		if err != nil {
			return nil, err
		}
		var doc struct {
			Security []map[string][]string                 `json:"security"`
			Paths    map[string]map[string]json.RawMessage `json:"paths"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		for path, item := range doc.Paths {
			for method, raw := range item {
				m := strings.ToUpper(method)
				if derive.OperationOf(m) == "" {
					continue // parameters, servers, ...
				}
				var op operation
				if err := json.Unmarshal(raw, &op); err != nil {
					return nil, fmt.Errorf("%s %s %s: %v", name, method, path, err)
				}
				sec := doc.Security
				if op.Security != nil {
					sec = *op.Security
				}
				var scopes []string
				for _, req := range sec {
					keys := make([]string, 0, len(req))
					for k := range req {
						keys = append(keys, k)
					}
					slices.Sort(keys)
					for _, k := range keys {
						scopes = append(scopes, req[k]...)
					}
				}
				ops = append(ops, derive.Op{Source: r.source(), File: name, Name: op.OperationID,
					Method: m, Path: path, Security: scopes})
			}
		}
	}
	return ops, nil
}

// sdkSyntax is how one SDK's generated *_operations files spell an operation: its class,
// its methods, each piece of the path it concatenates and its HTTP method constant.
type sdkSyntax struct {
	repo, dir, suffix string
	class, method     *regexp.Regexp
	// concat matches one piece of the path: a literal (group 1) or a field (group 2).
	concat, http *regexp.Regexp
	// field turns the field a piece names into the parameter's name.
	field func(string) string
}

var (
	nodeSDK = sdkSyntax{
		repo: "github.com/zoho/zohocrm-nodejs-sdk-8.0", dir: "lib/core/", suffix: "_operations.js",
		class:  regexp.MustCompile(`(?m)^class (\w+)\s*\{`),
		method: regexp.MustCompile(`(?m)^\tasync (\w+)\(`),
		concat: regexp.MustCompile(`apiPath = apiPath\.concat\((?:"([^"]*)"|([\w.]+)\.toString\(\))\);`),
		http:   regexp.MustCompile(`setHttpMethod\(Constants\.REQUEST_METHOD_(\w+)\)`),
		field:  func(f string) string { return strings.TrimPrefix(f, "this.") },
	}
	pythonSDK = sdkSyntax{
		repo: "github.com/zoho/zohocrm-python-sdk-8.0", dir: "zohocrmsdk/src/", suffix: "_operations.py",
		class:  regexp.MustCompile(`(?m)^class (\w+)\(object\):`),
		method: regexp.MustCompile(`(?m)^\tdef (\w+)\(`),
		concat: regexp.MustCompile(`api_path = api_path \+ (?:'([^']*)'|str\(([\w.]+)\))`),
		http:   regexp.MustCompile(`set_http_method\(Constants\.REQUEST_METHOD_(\w+)\)`),
		field:  func(f string) string { return strings.TrimLeft(strings.TrimPrefix(f, "self."), "_") },
	}
)

// readSDK reads every operation of an SDK's *_operations files: the path its concatenation
// builds (a parameter spelt {name}) and its method constant. A method without one is a
// helper (__init__, a private function), not an API call.
func readSDK(dir string, syn sdkSyntax) ([]derive.Op, error) {
	r, err := openRepo(dir, syn.repo)
	if err != nil {
		return nil, err
	}
	names, err := r.files(syn.dir, syn.suffix)
	if err != nil {
		return nil, err
	}
	var ops []derive.Op
	for _, name := range names {
		data, err := r.read(name)
		if err != nil {
			return nil, err
		}
		text := string(data)
		cm := syn.class.FindStringSubmatch(text)
		if cm == nil {
			return nil, fmt.Errorf("%s: no class", name)
		}
		locs := syn.method.FindAllStringSubmatchIndex(text, -1)
		for i, loc := range locs {
			end := len(text)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			body := text[loc[1]:end]
			hm := syn.http.FindStringSubmatch(body)
			if hm == nil {
				continue
			}
			var path strings.Builder
			for _, c := range syn.concat.FindAllStringSubmatch(body, -1) {
				if c[2] != "" {
					path.WriteString("{" + syn.field(c[2]) + "}")
				} else {
					path.WriteString(c[1])
				}
			}
			ops = append(ops, derive.Op{Source: r.source(), File: name, Name: cm[1] + "." + text[loc[2]:loc[3]],
				Method: hm[1], Path: path.String()})
		}
	}
	return ops, nil
}
