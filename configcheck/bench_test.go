package configcheck

import (
	"strings"
	"testing"
)

// Texts the prefilter meets: the shapes of configuration and code it reads most, none of
// them holding a needle (the common case: the whole text is searched).
func prefilterTexts() map[string][]byte {
	k8s := k8sPadding(1 << 20)
	var py, prose, jsonEnv strings.Builder
	for i := 0; py.Len() < 1<<20; i++ {
		py.WriteString("def handler_" + strconvItoa(i) + "(request, *args, **kwargs):\n    \"\"\"Return the value of os.path.join(base, name).\"\"\"\n    return self.client.get(url, timeout=30.0)\n")
	}
	for prose.Len() < 1<<20 {
		prose.WriteString("The quick brown fox jumps over the lazy dog. Version 1.2.3 was released on 2024-05-01; see docs/index.md for details.\n")
	}
	jsonEnv.WriteString(`{"env": [`)
	for i := 0; jsonEnv.Len() < 1<<20; i++ {
		jsonEnv.WriteString(`{"name": "VAR_` + strconvItoa(i) + `", "value": "postgres://db.internal:5432/app?sslmode=disable"},`)
	}
	jsonEnv.WriteString(`{}]}`)
	return map[string][]byte{"k8s-yaml": []byte(k8s), "python": []byte(py.String()), "prose": []byte(prose.String()), "json-env": []byte(jsonEnv.String())}
}

// BenchmarkPrefilter: the prefilter's cost per MB (b.SetBytes) on texts without a needle.
func BenchmarkPrefilter(b *testing.B) {
	pf := newPrefilter(opts().Catalog)
	for name, data := range prefilterTexts() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if pf.scan(data) != 0 {
					b.Fatal("a needle in the benchmark text")
				}
			}
		})
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
