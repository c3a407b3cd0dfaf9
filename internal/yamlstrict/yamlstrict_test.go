package yamlstrict

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0]
}

func TestMapping(t *testing.T) {
	r := Reader{File: "p.yaml"}
	tests := []struct {
		src, want string // want: the error, "" for none
	}{
		{"a: 1\nb: [x]\n", ""},
		{"base: &b {x: 1}\nother: *b\n", ""},
		{"a: 1\na: 2\n", `p.yaml:2:1: duplicate key "a"`},
		{"[1, 2]\n", "p.yaml:1:1: want a mapping"},
		{"? [complex]\n: 1\n", "p.yaml:1:3: want a plain key"},
	}
	for _, tt := range tests {
		var keys []string
		err := r.Mapping(parse(t, tt.src), func(key string, k, v *yaml.Node) error {
			keys = append(keys, key)
			return nil
		})
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%q: error %q, want %q (keys %v)", tt.src, got, tt.want, keys)
		}
	}
	// An error from the callback stops the walk and is returned as it is.
	stop := errors.New("stop")
	n := 0
	if err := r.Mapping(parse(t, "a: 1\nb: 2\n"), func(string, *yaml.Node, *yaml.Node) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("callback error: %v after %d keys", err, n)
	}
}

func TestStrAndScalars(t *testing.T) {
	r := Reader{File: "c.yaml"}
	m := parse(t, "s: text\nn: null\nl: [a, b]\nbad: [a, [b]]\nnulls: [a, ~]\nm: {x: 1}\n").Content
	get := func(key string) *yaml.Node {
		for i := 0; i+1 < len(m); i += 2 {
			if m[i].Value == key {
				return m[i+1]
			}
		}
		t.Fatalf("no %s", key)
		return nil
	}
	if s, err := r.Str(get("s")); s != "text" || err != nil {
		t.Errorf("Str(text) = %q, %v", s, err)
	}
	for _, key := range []string{"n", "l", "m"} {
		if _, err := r.Str(get(key)); err == nil || !strings.Contains(err.Error(), "want a string") {
			t.Errorf("Str(%s): %v", key, err)
		}
	}
	if l, err := r.Scalars(get("l")); err != nil || len(l) != 2 || l[1].Value != "b" {
		t.Errorf("Scalars(l) = %v, %v", l, err)
	}
	for key, want := range map[string]string{"bad": "c.yaml:4:10: want a string", "nulls": "c.yaml:5:12: want a string", "s": "c.yaml:1:4: want a list"} {
		if _, err := r.Scalars(get(key)); err == nil || err.Error() != want {
			t.Errorf("Scalars(%s) = %v, want %s", key, err, want)
		}
	}
}

func TestDecodeError(t *testing.T) {
	r := Reader{File: "x.yaml"}
	for _, tt := range []struct {
		src  string
		want string
	}{
		{"a: b\n  c: d\n", "x.yaml:2:1: mapping values are not allowed in this context"},
		{"a: 'unterminated\n", "x.yaml:2:1: found unexpected end of stream"}, // line 2 exists: the empty last line
		{"a: \"x\x01\"\n", "x.yaml: control characters are not allowed"},
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tt.src), &n)
		if err == nil {
			t.Fatalf("%q parsed", tt.src)
		}
		if got := r.DecodeError(err, []byte(tt.src)).Error(); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.src, got, tt.want)
		}
	}
	// A line past the end is kept within the file.
	if got := r.DecodeError(errors.New("yaml: line 9: broken"), []byte("a\nb")); got.Line != 2 {
		t.Errorf("line past the end: %v", got)
	}
}

func TestCountLines(t *testing.T) {
	for src, want := range map[string]int{"": 1, "a": 1, "a\n": 2, "a\r\nb": 2, "a\rb": 2, "a\u0085b\u2028c\u2029d": 4} {
		if got := CountLines([]byte(src)); got != want {
			t.Errorf("CountLines(%q) = %d, want %d", src, got, want)
		}
	}
}
