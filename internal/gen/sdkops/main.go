// Command sdkops writes httpcalls/sdk_crm.tsv, the operations of Zoho CRM's official Node and
// Python SDKs (API v8) with what each needs to name its request: the HTTP method and path
// template of each operation (read from catalog/testdata/crm-sources.tsv, which
// internal/gen/crmendpoints derived from the SDKs' sources) and the parameters of its
// class's constructor (read from the SDKs' sources here), which fill the path's variables
// of the same name: new RecordOperations('Leads').getRecords() is GET /crm/v8/Leads.
//
// It is run by hand, never at lint time, and needs no network: the SDKs are git
// repositories already on disk, read with `git show` at the commit crm-sources.tsv names.
// From the repository root:
//
//	git clone --bare https://github.com/zoho/zohocrm-nodejs-sdk-8.0 /tmp/crm-node
//	git clone --bare https://github.com/zoho/zohocrm-python-sdk-8.0 /tmp/crm-python
//	go run ./internal/gen/sdkops -sdk /tmp/crm-node -sdk-python /tmp/crm-python
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
)

func main() {
	node := flag.String("sdk", "", "git directory of github.com/zoho/zohocrm-nodejs-sdk-8.0")
	python := flag.String("sdk-python", "", "git directory of github.com/zoho/zohocrm-python-sdk-8.0")
	sources := flag.String("sources", "catalog/testdata/crm-sources.tsv", "the operations internal/gen/crmendpoints read")
	out := flag.String("out", "httpcalls/sdk_crm.tsv", "the table to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("sdkops: ")
	if *node == "" || *python == "" {
		flag.Usage()
		os.Exit(2)
	}
	rows, err := readRows(*sources, map[string]sdk{
		"github.com/zoho/zohocrm-nodejs-sdk-8.0": {dir: *node, lang: "js", ctor: regexp.MustCompile(`(?m)^\s*constructor\(([^)]*)\)`)},
		"github.com/zoho/zohocrm-python-sdk-8.0": {dir: *python, lang: "python", ctor: regexp.MustCompile(`(?m)^\s*def __init__\(self,?\s*([^)]*)\)`)},
	})
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("# Zoho CRM SDK operations (API v8), written by internal/gen/sdkops (DO NOT EDIT).\n")
	for _, src := range sourceList(rows) {
		b.WriteString("# source: " + src + "\n")
	}
	b.WriteString("# lang\tmajor\tclass\toperation\tmethod\tpath\tconstructor parameters\tfile\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d operations", len(rows))
}

type sdk struct {
	dir  string
	lang string
	ctor *regexp.Regexp
}

// readRows joins each SDK operation of the sources with its class's constructor
// parameters.
func readRows(sources string, sdks map[string]sdk) ([]string, error) {
	f, err := os.Open(sources)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	params := map[string]string{} // source file: its constructor's parameters
	clear(sdkSources)
	var rows []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 5 {
			continue
		}
		repo, commit, _ := strings.Cut(cols[0], "@")
		s, ok := sdks[repo]
		if !ok {
			continue
		}
		file := cols[1]
		key := repo + ":" + file
		if _, ok := params[key]; !ok {
			src, err := exec.Command("git", "-C", s.dir, "show", commit+":"+file).Output()
			if err != nil {
				return nil, fmt.Errorf("%s %s: %v", repo, file, err)
			}
			ps := ""
			if m := s.ctor.FindSubmatch(src); m != nil {
				ps = paramNames(string(m[1]))
			}
			params[key] = ps
		}
		class, op, _ := strings.Cut(cols[2], ".")
		rows = append(rows, strings.Join([]string{s.lang, "8", class, op, cols[3], cols[4], params[key], file}, "\t"))
		sdkSources[s.lang] = cols[0]
	}
	sort.Strings(rows)
	return rows, sc.Err()
}

// sources are the SDK (repository@commit) each language's rows were read from.
var sdkSources = map[string]string{}

func sourceList([]string) []string {
	var out []string
	for lang, src := range sdkSources {
		out = append(out, lang+" "+src)
	}
	sort.Strings(out)
	return out
}

// paramNames reads "a, b=null, c" as "a,b,c".
func paramNames(list string) string {
	var names []string
	for _, p := range strings.Split(list, ",") {
		name, _, _ := strings.Cut(strings.TrimSpace(p), "=")
		name, _, _ = strings.Cut(name, ":")
		if name = strings.TrimSpace(name); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ",")
}
