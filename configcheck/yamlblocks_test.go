package configcheck

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/report"
)

// yamlFindings judges a YAML text with the extraction extract gives, as checkBytes does.
func yamlFindings(data []byte, extract func([]byte) (extraction, *parseError)) []report.Finding {
	ex, err := extract(data)
	ex.texts = append(ex.texts, sweepCredentials(data, redact.Find(data, true))...)
	fs, _, _ := checkExtraction("x.yaml", "x.yaml", YAML, data, opts(), ex, err)
	return report.Sort(fs)
}

func wholeYAML(data []byte) (extraction, *parseError) { return yamlParse(data) }

func blockYAML(data []byte) (extraction, *parseError) {
	return yamlSets(data, newPrefilter(opts().Catalog))
}

// k8sPadding is what surrounds a scope in a real manifest: deep mappings, env lists,
// block scalars and flow sequences that mention no needle.
func k8sPadding(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		id := strconvItoa(i)
		b.WriteString("  worker" + id + ":\n    replicas: 3\n    labels: {app: w" + id + ", tier: \"back\"}\n" +
			"    containers:\n    - name: w" + id + "\n      image: registry.example.com/w:1.2\n      args: [\"--port\", '80']\n" +
			"      env:\n        - name: LOG_LEVEL\n          value: info\n        - name: DB_URL\n          value: postgres://db:5432/app\n" +
			"      command: |\n        echo start\n          indented: not a key\n        exec app\n")
	}
	return b.String()
}

// nest puts a document under spec.config of a manifest padded around it.
func nest(doc string) string {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: Thing\nspec:\n")
	b.WriteString(k8sPadding(6 << 10))
	b.WriteString("  config:\n")
	for _, line := range strings.SplitAfter(doc, "\n") {
		if strings.TrimSpace(line) != "" {
			b.WriteString("    ")
		}
		b.WriteString(line)
	}
	if !strings.HasSuffix(doc, "\n") {
		b.WriteString("\n")
	}
	b.WriteString(k8sPadding(6 << 10))
	return b.String()
}

// pad puts a document first, top-level padding after it.
func pad(doc string) string {
	if !strings.HasSuffix(doc, "\n") {
		doc += "\n"
	}
	return doc + "padding:\n" + k8sPadding(10<<10)
}

// yamlShapes are the places scopes, tokens and authorization URLs sit in real YAML.
var yamlShapes = map[string]string{
	"env-list":     "env:\n  - name: ZOHO_SCOPE\n    value: ZohoCRM.settings.ALL\n  - name: OTHER\n    value: x\n",
	"compact-list": "scopes:\n- ZohoCRM.users.READ\n- ZohoCRM.users.READ\n- Foo.bar.READ\n",
	"scope-key":    "oauth:\n  scope: Foo.bar.REED\n",
	"flow-list":    "scopes: [ZohoCRM.modules.leads.READ, \"ZohoCRM.modules.leeds.READ\", 'AaaServer.profile.READ']\n",
	"block-scalar": "notes: |\n  needs ZohoCRM.modules.ALLL\n    and: ZohoCRM.users.READ\nafter: 1\n",
	"folded":       "desc: >-\n  scope=ZohoCRM.modules.ALL,ZohoCRM.modules.ALL\n",
	"quoted-key":   "\"client_scopes\": \"ZohoCRM.users.READ ZohoCRM.org.READ\"\n",
	"openapi": "security:\n  - oauth2:\n      - ZohoCRM.modules.ALL\n      - ZohoCRM.modules.leads.READ\n" +
		"components:\n  securitySchemes:\n    oauth2:\n      flows:\n        authorizationCode:\n          scopes:\n            ZohoCRM.modules.ALL: all\n            Foo.bar.READ: other\n",
	"credential-hosts": "zoho:\n  refresh_token: 1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210\n" +
		"  endpoints:\n    accounts: https://accounts.zoho.eu\n    api: https://www.zohoapis.com\n",
	"credential-far": "client:\n  auth:\n    access_token: placeholder\n  region:\n    deep:\n      api: https://www.zohoapis.in/crm/v8\n      accounts: https://accounts.zoho.com\n",
	"secret":         "creds:\n  client_secret: 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b\n  client_id: 1000.ABCDEFGHIJ\n",
	"auth-url":       "login:\n  url: https://accounts.example.com/oauth/v2/auth?scope=ZohoCRM.users.READ&client_id=x\n",
	"auth-relative":  "login:\n  path: /oauth/v2/auth?response_type=code&scope=ZohoCRM.users.READ ZohoCRM.org.READ\n",
	"anchors":        "base: &b\n  scope: ZohoCRM.users.READ\nother:\n  <<: *b\n  name: x\n",
	"tags":           "scopes: !!seq\n  - !!str ZohoCRM.modules.ALLL\n",
	"comments":       "# ZohoCRM.modules.ALL in a comment\nkeys: # trailing ZohoCRM.x.ALLL\n  - ZohoCRM.users.READ # ok\n",
	"suppressed":     "scopes:\n  # zscopelint:ignore ZS103\n  - ZohoCRM.modules.leeds.READ\n",
	"seq-of-seq":     "sets:\n  - - ZohoCRM.users.READ\n    - ZohoCRM.users.READ\n  - - ZohoCRM.org.READ\n",
	"crlf":           "oauth:\r\n  scopes:\r\n    - ZohoCRM.users.READ\r\n    - ZohoCRM.users.READ\r\n",
	"multi-doc":      "a: 1\n---\nscopes:\n  - ZohoCRM.users.READ\n  - ZohoCRM.users.READ\n...\n---\nb: ZohoCRM.modules.ALLL\n",
	"unclosed-flow":  "scopes: [ZohoCRM.users.READ,\n  ZohoCRM.users.READ]\n",
	"explicit-key":   "? ZohoCRM.users.READ\n: x\n",
}

// The cutter finds exactly what parsing the whole file finds: same findings, positions and
// fixes, on every shape alone, nested deep in a padded manifest, and on the YAML files of
// the repository's corpora, nested the same way.
func TestNeedleBlocksMatchWholeFile(t *testing.T) {
	var inputs []namedText
	for name, doc := range yamlShapes {
		inputs = append(inputs, namedText{name, doc}, namedText{name + "/nested", nest(doc)}, namedText{name + "/padded", pad(doc)})
	}
	for _, c := range corpusFiles(t, 8, "testdata/*/*.yaml", "../testdata/accuracy/*/*.yaml", "../examples/*/*.yaml", "../*.yml", "../*.yaml", "../rules/*.yaml", "../catalog/*.yaml") {
		inputs = append(inputs, c, namedText{c.name + "/nested", nest(c.text)}, namedText{c.name + "/padded", pad(c.text)})
	}
	cut, invalid := 0, 0
	for _, in := range inputs {
		data := []byte(in.text)
		if _, _, ok := yamlNeedleText(data, newPrefilter(opts().Catalog)); ok {
			cut++
		}
		if _, err := yamlParse(data); err != nil {
			// The cutter reports errors only in what it parses; such inputs are compared
			// by TestNeedleBlocksInvalid.
			invalid++
			continue
		}
		want, got := yamlFindings(data, wholeYAML), yamlFindings(data, blockYAML)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: the needle blocks find otherwise than the whole file (-whole +blocks):\n%s", in.name, d)
		}
	}
	// The comparison means something only if the cutter did the work: every nested shape
	// but those it must give up on is cut.
	for name, doc := range yamlShapes {
		_, _, ok := yamlNeedleText([]byte(nest(doc)), newPrefilter(opts().Catalog))
		giveUp := name == "unclosed-flow" || name == "explicit-key"
		if ok == giveUp {
			t.Errorf("%s: cut = %v, want %v", name, ok, !giveUp)
		}
	}
	if invalid > len(inputs)/4 {
		t.Errorf("%d of %d inputs do not parse whole: the comparison covers too little", invalid, len(inputs))
	}
	t.Logf("%d of %d inputs cut to needle blocks; %d do not parse whole", cut, len(inputs), invalid)
}

// What the cutter keeps of a manifest: the lines above the block and the block.
func TestNeedleBlocksKeep(t *testing.T) {
	doc := "apiVersion: v1\nspec:\n" + k8sPadding(5<<10) + "  template:\n    spec:\n      containers:\n" +
		"      - name: app\n        image: x\n        env:\n        - name: A\n          value: b\n" +
		"        - name: ZOHO_SCOPE\n          value: ZohoCRM.settings.ALL\n" + k8sPadding(5<<10)
	kept, _, ok := yamlNeedleText([]byte(doc), newPrefilter(opts().Catalog))
	if !ok {
		t.Fatal("not cut")
	}
	// The element that names the scope, not its siblings: each element is a mapping of its own.
	want := "spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n" +
		"        - name: ZOHO_SCOPE\n          value: ZohoCRM.settings.ALL\n"
	if diff := cmp.Diff(want, string(kept)); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
}

// FuzzNeedleBlocks: on any text that parses, the needle blocks find what the whole file
// finds.
func FuzzNeedleBlocks(f *testing.F) {
	for _, doc := range yamlShapes {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if len(doc) > 4<<10 {
			return
		}
		data := []byte(nest(string(doc)))
		if _, err := yamlParse(data); err != nil {
			return
		}
		want, got := yamlFindings(data, wholeYAML), yamlFindings(data, blockYAML)
		if !withinContract(data, want) {
			return
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("needle blocks differ (-whole +blocks):\n%s", d)
		}
	})
}

// withinContract reports whether every finding of the whole file is one the cutter promises
// to keep: on a line that matters by itself, or in the block of one. Findings on a line
// that names no service, no operation and no telling key, in a block where nothing else
// does either (ZoCRM..0EAD under a key named x), are what the cutter gives up on purpose.
func withinContract(data []byte, want []report.Finding) bool {
	lines, ok := cutLines(data, nil)
	if !ok {
		return true // parsed whole
	}
	pf := newPrefilter(opts().Catalog)
	for _, f := range want {
		if f.Line < 1 || f.Line > len(lines) {
			return false
		}
		// The finding's line, or a line of its parent's block, must matter by itself.
		i := f.Line - 1
		for lines[i].kind == lineContent {
			i = int(lines[i].owner)
		}
		root := i
		if lines[i].parent >= 0 {
			root = int(lines[i].parent)
		}
		found := false
		for j := root; j < len(lines) && lines[j].start < lines[root].end2 && !found; j++ {
			text := data[lines[j].start:lines[j].end]
			hasOp := false
			eachOperation(text, func(int) { hasOp = true })
			found = lines[j].matters || pf.holds(text) || hasOp
		}
		if !found && f.Check.ID != "ZS001" {
			return false
		}
	}
	return true
}

// jsonFindings judges a JSON text as checkBytes does, with or without the prefilter's
// pruning.
func jsonFindings(data []byte, pf *prefilter) []report.Finding {
	ex, err := jsonSets(data, pf)
	ex.texts = append(ex.texts, sweepCredentials(data, redact.Find(data, true))...)
	fs, _, _ := checkExtraction("x.json", "x.json", JSON, data, opts(), ex, err)
	return report.Sort(fs)
}

var jsonShapes = map[string]string{
	"env-entry":    `{"name": "ZOHO_SCOPE", "value": "ZohoCRM.settings.ALL,ZohoCRM.settings.ALL"}`,
	"scope-key":    `{"oauth": {"scope": "ZohCRM.users.read"}}`,
	"scopes-list":  `{"scopes": ["ZohoCRM.users.READ", "ZohoCRM.users.READ", "attendance.READ"]}`,
	"misspelt":     `{"crm": {"perms": ["ZohCRM.modules.ALL", "x.y.z"]}}`,
	"security":     `{"paths": {"/x": {"get": {"security": [{"oauth2": ["Foo.bar.read", "ZohoCRM.users.READ"]}]}}}}`,
	"openapi-map":  `{"flows": {"authorizationCode": {"scopes": {"ZohoCRM.modules.ALL": "all", "Foo.bar.READ": "x"}}}}`,
	"credential":   `{"zoho": {"refresh_token": "placeholder", "urls": {"a": "https://accounts.zoho.eu", "b": "https://www.zohoapis.com"}}}`,
	"secret":       `{"creds": {"client_secret": "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b"}}`,
	"auth-url":     `{"login": {"url": "https://{{accounts}}/oauth/v2/auth?scope=ZohoCRM.users.READ"}}`,
	"escapes":      `{"a": {"s": "ZohoCRM.users.READ,Zoho\u0043RM.users.READ"}}`,
	"comments":     "{\n  // ZohoCRM.modules.ALL\n  \"a\": {/* x */ \"scopes\": [\"ZohoCRM.users.READ\", \"ZohoCRM.users.READ\",]},\n}",
	"token-values": `{"a": {"t": "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210"}}`,
}

// padJSON puts a JSON value in the middle of a 400-entry environment list.
func padJSON(doc string) string {
	var b strings.Builder
	b.WriteString(`{"spec": {"env": [`)
	for i := 0; i < 400; i++ {
		if i == 200 {
			b.WriteString(`{"name": "X", "value": ` + doc + `}, `)
		}
		b.WriteString(`{"name": "VAR_` + strconvItoa(i) + `", "value": "postgres://db:5432/app", "n": [1, 2, {"k": "v"}]}, `)
	}
	b.WriteString(`{}]}}`)
	return b.String()
}

// Passing over what holds nothing finds exactly what reading every value finds.
func TestJSONPruningMatchesWholeFile(t *testing.T) {
	var inputs []namedText
	for name, doc := range jsonShapes {
		inputs = append(inputs, namedText{name, doc}, namedText{name + "/padded", padJSON(doc)})
	}
	for _, c := range corpusFiles(t, 3, "testdata/*/*.json", "../testdata/accuracy/*/*.json", "../cmd/zscopelint/testdata/*.json") {
		inputs = append(inputs, c, namedText{c.name + "/padded", padJSON(c.text)})
	}
	pf := newPrefilter(opts().Catalog)
	for _, in := range inputs {
		data := []byte(in.text)
		want, got := jsonFindings(data, nil), jsonFindings(data, pf)
		if len(want) == 0 && !strings.Contains(in.name, "golden") {
			t.Errorf("%s: no findings: the input tests nothing", in.name)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: pruned parse finds otherwise (-whole +pruned):\n%s", in.name, d)
		}
	}
}

// The pruning passes over the entries that hold nothing: the comparison above means
// something only if it does.
func TestJSONPruningPassesOver(t *testing.T) {
	data := []byte(padJSON(jsonShapes["env-entry"]))
	pf := newPrefilter(opts().Catalog)
	whole := testing.AllocsPerRun(5, func() { jsonSets(data, nil) })
	pruned := testing.AllocsPerRun(5, func() { jsonSets(data, pf) })
	if pruned*10 > whole {
		t.Errorf("allocations: pruned %.0f, whole %.0f: want a tenth at most", pruned, whole)
	}
}
