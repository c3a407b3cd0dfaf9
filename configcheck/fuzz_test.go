package configcheck

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzExtractor feeds arbitrary bytes to one extractor through CheckBytes: no panic, every
// position inside the file, every fix edit inside it and not reversed.
func fuzzExtractor(f *testing.F, kind Kind, glob string) { fuzzFile(f, "f", kind, glob) }

// fuzzFile fuzzes the extractor of kind on a file named name (its language, for a lexical
// file).
func fuzzFile(f *testing.F, name string, kind Kind, glob string) {
	seeds, _ := filepath.Glob(glob)
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("scope: ZohoCRM.modules.ALLL\n"))
	f.Add([]byte(`{"scopes": ["ZohoCRM.users.READ", "ZohoCRM.users.READ"]}`))
	f.Add([]byte("ZOHO_SCOPE=\"ZohoCRM.users.READ,ZohoCRM.users.READ\"\n"))
	f.Add([]byte("const s = ['ZohoCRM.users.READ', \"ZohoCRM.users.READ\"]; // ZohoCRM.x.ALLL\n"))
	o := opts()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		lines := newLineIndex(data)
		fs, _ := CheckBytes(name, kind, data, o)
		for _, fd := range fs {
			if fd.Line < 1 || fd.Col < 1 || fd.Line > len(lines.starts) {
				t.Fatalf("finding at %d:%d outside the file: %+v", fd.Line, fd.Col, fd)
			}
			if fd.Fix == nil {
				continue
			}
			for _, e := range fd.Fix.Edits {
				if e.Start < 0 || e.End > len(data) || e.Start > e.End {
					t.Fatalf("edit %d..%d outside the file of %d bytes", e.Start, e.End, len(data))
				}
			}
		}
	})
}

func FuzzYAML(f *testing.F)    { fuzzExtractor(f, YAML, "testdata/yaml/*.yaml") }
func FuzzJSON(f *testing.F)    { fuzzExtractor(f, JSON, "testdata/json/*.json") }
func FuzzEnv(f *testing.F)     { fuzzExtractor(f, Env, "testdata/env/.env") }
func FuzzLexical(f *testing.F) { fuzzExtractor(f, Lexical, "testdata/lexical/*") }

// FuzzLexicalJS and FuzzLexicalPython fuzz the files read through their language's lexer.
func FuzzLexicalJS(f *testing.F)     { fuzzFile(f, "f.js", Lexical, "testdata/*/*.js") }
func FuzzLexicalPython(f *testing.F) { fuzzFile(f, "f.py", Lexical, "testdata/*/*.py") }
