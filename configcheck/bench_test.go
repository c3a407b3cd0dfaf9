package configcheck

import (
	"github.com/zscopelint/zscopelint/srclex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Texts the prefilter meets: the shapes of configuration and code it reads most, none of
// them holding a needle (the common case: the whole text is searched).
func prefilterTexts() map[string][]byte {
	k8s := k8sPadding(1 << 20)
	var py, prose, jsonEnv, js strings.Builder
	for i := 0; py.Len() < 1<<20; i++ {
		py.WriteString("def handler_" + strconvItoa(i) + "(request, *args, **kwargs):\n    \"\"\"Return the value of os.path.join(base, name).\"\"\"\n    return self.client.get(url, timeout=30.0)\n")
	}
	for prose.Len() < 1<<20 {
		prose.WriteString("The quick brown fox jumps over the lazy dog. Version 1.2.3 was released on 2024-05-01; see docs/index.md for details.\n")
	}
	for i := 0; js.Len() < 1<<20; i++ {
		js.WriteString("// Copyright (c) Example, Inc. See LICENSE.md in the project's root for details.\n" +
			"import { useState, useEffect } from './hooks/state.js';\n" +
			"export function handler_" + strconvItoa(i) + "(request, response) {\n" +
			"  const url = new URL(request.url, 'https://example.com/api/v1/items');\n" +
			"  if (this.options.debug) console.log(`fetching ${url.pathname}`, response.status);\n" +
			"  return this.client.get(url.toString(), { timeout: 30 * 1000 }).then((res) => res.data.items.map((item) => item.id / 2));\n}\n")
	}
	jsonEnv.WriteString(`{"env": [`)
	for i := 0; jsonEnv.Len() < 1<<20; i++ {
		jsonEnv.WriteString(`{"name": "VAR_` + strconvItoa(i) + `", "value": "postgres://db.internal:5432/app?sslmode=disable"},`)
	}
	jsonEnv.WriteString(`{}]}`)
	return map[string][]byte{"k8s-yaml": []byte(k8s), "python": []byte(py.String()), "prose": []byte(prose.String()), "js": []byte(js.String()), "json-env": []byte(jsonEnv.String())}
}

// BenchmarkPrefilter: the prefilter's cost per MB (b.SetBytes) on texts without a needle,
// the four-pass search it replaced (old, the oracle of TestPrefilterAgreesWithOracle) beside
// the one pass (new), so that one run gives their ratio. PREFILTER_BENCH_FILES, a list of
// files separated by the OS's list separator, adds texts of one's own (npm packages'
// JavaScript concatenated, say), which may hold needles.
func BenchmarkPrefilter(b *testing.B) {
	pf := newPrefilter(opts().Catalog)
	old := newOldPrefilter(pf, opts().Catalog)
	texts := prefilterTexts()
	var names []string
	for name := range texts {
		names = append(names, name)
	}
	sort.Strings(names)
	if files := os.Getenv("PREFILTER_BENCH_FILES"); files != "" {
		for _, f := range filepath.SplitList(files) {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			texts[f] = data
			names = append(names, f)
		}
	}
	for _, name := range names {
		data := texts[name]
		want := old.scan(data)
		for _, impl := range []struct {
			name string
			scan func([]byte) hits
		}{{"old", old.scan}, {"new", pf.scan}} {
			b.Run(filepath.Base(name)+"/"+impl.name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if impl.scan(data) != want {
						b.Fatal("the prefilters differ")
					}
				}
			})
		}
		if _, ok := prefilterTexts()[name]; ok && want != 0 {
			b.Fatalf("%s: a needle in the benchmark text", name)
		}
	}
}

// yamlBenchFiles are YAML files of the shapes the scan meets, each holding one scope set.
func yamlBenchFiles() map[string][]byte {
	return map[string][]byte{
		"k8s-deep":         []byte(nest(yamlShapes["env-list"])),
		"k8s-multi-doc":    []byte(strings.Repeat("---\napiVersion: v1\nkind: ConfigMap\ndata:\n"+k8sPadding(2<<10), 4) + "---\n" + yamlShapes["compact-list"]),
		"openapi-top":      []byte(pad(yamlShapes["openapi"])),
		"small-config-1KB": []byte(yamlShapes["credential-hosts"] + yamlShapes["compact-list"] + strings.Repeat("key: value\n", 60)),
	}
}

// BenchmarkYAMLExtraction: extracting a YAML file of each shape, needle blocks against the
// whole-file parse, with allocation counts.
func BenchmarkYAMLExtraction(b *testing.B) {
	pf := newPrefilter(opts().Catalog)
	for name, data := range yamlBenchFiles() {
		b.Run(name+"/blocks", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				yamlSets(data, pf)
			}
		})
		b.Run(name+"/whole", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				yamlParse(data)
			}
		})
	}
}

// BenchmarkJSONExtraction: extracting a JSON file of each shape.
func BenchmarkJSONExtraction(b *testing.B) {
	var env strings.Builder
	env.WriteString(`{"containers": [{"name": "app", "env": [`)
	for i := 0; i < 400; i++ {
		env.WriteString(`{"name": "VAR_` + strconvItoa(i) + `", "value": "postgres://db.internal:5432/app"},`)
	}
	env.WriteString(`{"name": "ZOHO_SCOPE", "value": "ZohoCRM.modules.ALL,ZohoCRM.users.READ"}]}]}`)
	files := map[string][]byte{
		"env-400":    []byte(env.String()),
		"scopes-1KB": []byte(`{"oauth": {"client_id": "x", "scopes": ["ZohoCRM.users.READ", "ZohoCRM.users.READ", "ZohoCRM.org.READ"]}, "pad": "` + strings.Repeat("x", 900) + `"}`),
	}
	pf := newPrefilter(opts().Catalog)
	for name, data := range files {
		b.Run(name+"/pruned", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				jsonSets(data, pf)
			}
		})
		b.Run(name+"/whole", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				jsonSets(data, nil)
			}
		})
	}
}

// sourceBenchFiles are source files in the shapes a scope list is found in: a module of
// constants (hundreds of assignments, one scope list) in JavaScript and Python, and a
// JavaScript module of functions that make requests.
func sourceBenchFiles() map[string][]byte {
	var js, py, calls strings.Builder
	js.WriteString("const scope = \"ZohoCRM.modules.leads.READ,ZohoCRM.users.READ\";\n")
	py.WriteString("ZOHO_SCOPE = 'ZohoCRM.modules.leads.READ,ZohoCRM.users.READ'\n")
	calls.WriteString("const axios = require('axios');\nconst SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'];\n")
	for i := 0; js.Len() < 20<<10; i++ {
		n := strconvItoa(i)
		js.WriteString("const setting" + n + " = \"template." + n + "\";\n")
		py.WriteString("SETTING_" + n + " = 'template." + n + "'\n")
	}
	for i := 0; calls.Len() < 20<<10; i++ {
		n := strconvItoa(i)
		calls.WriteString("\n// fetch" + n + " reads one page of leads.\nasync function fetch" + n + "(token, page) {\n" +
			"  const url = `${base}/crm/v8/Leads?page=${page}&per_page=" + n + "`;\n" +
			"  const res = await axios.get(url, { headers: { Authorization: 'Zoho-oauthtoken ' + token } });\n" +
			"  return res.data.data.map((r) => ({ id: r.id, name: r.Full_Name }));\n}\n")
	}
	return map[string][]byte{"constants.js": []byte(js.String()), "constants.py": []byte(py.String()), "requests.js": []byte(calls.String())}
}

// BenchmarkSourceExtraction: reading the scope sets of a JavaScript or Python file, with
// allocation counts.
func BenchmarkSourceExtraction(b *testing.B) {
	pf := newPrefilter(opts().Catalog)
	for name, data := range sourceBenchFiles() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				lexicalSets(data, pf, srclex.LangOf(name), nil)
			}
		})
	}
}
