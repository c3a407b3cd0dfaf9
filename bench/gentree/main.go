// Command gentree writes a reproducible tree of configuration and source files for the
// benchmarks: files of about -size bytes each, a -ratio of them carrying Zoho scopes (some
// wrong), the rest ordinary configuration that mentions no scope. With -layout k8s the tree
// is Kubernetes-like instead: YAML manifests whose scopes sit deep under one spec: block,
// and JSON files of 400-entry env arrays.
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("out", "", "directory to create (must not exist)")
	files := flag.Int("files", 2000, "number of files")
	size := flag.Int("size", 20<<10, "approximate bytes per file")
	ratio := flag.Float64("ratio", 0.02, "fraction of files that carry scopes")
	seed := flag.Uint64("seed", 1, "random seed")
	layout := flag.String("layout", "mixed", "mixed (config and source files of every kind) or k8s")
	flag.Parse()
	if *out == "" {
		log.Fatal("gentree: -out is required")
	}
	if _, err := os.Stat(*out); err == nil {
		log.Fatalf("gentree: %s exists", *out)
	}
	r := rand.New(rand.NewPCG(*seed, *seed))
	kinds := []string{".yaml", ".json", ".js", ".env", ".py", ".yml"}
	scopes := []string{"ZohoCRM.modules.leads.READ", "ZohoCRM.modules.ALL", "ZohoCRM.users.REED",
		"ZOHOPEOPLE.forms.ALL", "ZohoCRM.settings.fields.READ", "ZohoCRM.modules.contacts.CREATE"}
	words := strings.Fields("service replicas image port timeout retries cache region bucket queue " +
		"worker endpoint logging level format enabled disabled memory cpu limits requests database " +
		"user password host name version labels annotations selector template volume mount path")
	withScopes := int(float64(*files) * *ratio)
	if *layout == "k8s" {
		k8s(*out, *files, *size, withScopes, r, scopes)
		return
	}
	for i := range *files {
		kind := kinds[i%len(kinds)]
		dir := filepath.Join(*out, fmt.Sprintf("svc%03d", i/50), fmt.Sprintf("pkg%d", i%7))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		var b strings.Builder
		for b.Len() < *size {
			k, v := words[r.IntN(len(words))], words[r.IntN(len(words))]
			n := r.IntN(10000)
			switch kind {
			case ".json":
				fmt.Fprintf(&b, "{\"%s_%d\": \"%s-%d\"},\n", k, n, v, n)
			case ".js":
				fmt.Fprintf(&b, "const %s%d = \"%s.%d\";\n", k, n, v, n)
			case ".env":
				fmt.Fprintf(&b, "%s_%d=%s-%d\n", strings.ToUpper(k), n, v, n)
			case ".py":
				fmt.Fprintf(&b, "%s_%d = '%s/%d'\n", k, n, v, n)
			default:
				fmt.Fprintf(&b, "%s_%d: %s-%d\n", k, n, v, n)
			}
		}
		body := b.String()
		if kind == ".json" {
			body = "[" + strings.TrimSuffix(body, ",\n") + "]\n"
		}
		if i%(*files/max(withScopes, 1)) == 0 && withScopes > 0 {
			s := scopes[r.IntN(len(scopes))] + "," + scopes[r.IntN(len(scopes))]
			switch kind {
			case ".json":
				body = "{\"scope\": \"" + s + "\", \"rest\": " + body + "}\n"
			case ".js":
				body = "const scope = \"" + s + "\";\n" + body
			case ".env":
				body = "ZOHO_SCOPE=" + s + "\n" + body
			case ".py":
				body = "ZOHO_SCOPE = '" + s + "'\n" + body
			default:
				body = "scope: " + s + "\n" + body
			}
		}
		name := filepath.Join(dir, fmt.Sprintf("f%04d%s", i, kind))
		if kind == ".env" {
			name = filepath.Join(dir, fmt.Sprintf("f%04d.env", i))
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// k8s writes a Kubernetes-like tree: Deployments whose containers' env lists grow to the
// size asked, one container's env holding ZOHO_SCOPE in the files that carry scopes (deep
// under spec:, so that no top-level entry mentions Zoho alone), and JSON files that are
// arrays of 400 env entries.
func k8s(out string, files, size, withScopes int, r *rand.Rand, scopes []string) {
	for i := range files {
		dir := filepath.Join(out, fmt.Sprintf("ns%02d", i/100), fmt.Sprintf("app%03d", i%37))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		carries := withScopes > 0 && i%(files/max(withScopes, 1)) == 0
		var b strings.Builder
		name := filepath.Join(dir, fmt.Sprintf("deploy%04d.yaml", i))
		if i%5 == 4 {
			name = filepath.Join(dir, fmt.Sprintf("env%04d.json", i))
			b.WriteString("[\n")
			for j := 0; j < 400; j++ {
				if j > 0 {
					b.WriteString(",\n")
				}
				v := fmt.Sprintf("value-%d", r.IntN(100000))
				if carries && j == 200 {
					v = scopes[r.IntN(len(scopes))] + "," + scopes[r.IntN(len(scopes))]
					fmt.Fprintf(&b, "  {\"name\": \"ZOHO_SCOPE\", \"value\": %q}", v)
					continue
				}
				fmt.Fprintf(&b, "  {\"name\": \"VAR_%d\", \"value\": %q}", j, v)
			}
			b.WriteString("\n]\n")
		} else {
			fmt.Fprintf(&b, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-%d\n  labels:\n    app: app-%d\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n", i, i)
			for c := 0; b.Len() < size; c++ {
				fmt.Fprintf(&b, "        - name: c%d\n          image: registry.example.com/app:%d.%d\n          env:\n", c, r.IntN(10), r.IntN(100))
				for j := 0; j < 20; j++ {
					if carries && c == 1 && j == 7 {
						fmt.Fprintf(&b, "            - name: ZOHO_SCOPE\n              value: %s,%s\n", scopes[r.IntN(len(scopes))], scopes[r.IntN(len(scopes))])
						continue
					}
					fmt.Fprintf(&b, "            - name: VAR_%d\n              value: \"%d\"\n", j, r.IntN(100000))
				}
			}
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
