// Command sdkops writes httpcalls/sdk_crm.tsv, the operations of Zoho CRM's official Node,
// Python and PHP SDKs (API v8) with what each needs to name its request: the HTTP method
// and path template of each operation and the parameters of its class's constructor, which
// fill the path's variables of the same name: new RecordOperations('Leads').getRecords() is
// GET /crm/v8/Leads. The Node and Python operations are those of
// catalog/testdata/crm-sources.tsv (internal/gen/crmendpoints derived them from the SDKs'
// sources); the PHP SDK's are read here, the same way (each *Operations.php method builds
// $apiPath by concatenation and sets its method by constant); the constructors' parameters
// are read from each SDK's sources.
//
// It is run by hand, never at lint time, and needs no network: the SDKs are git
// repositories already on disk, read with `git show` at the commit crm-sources.tsv names.
// From the repository root:
//
//	git clone --bare https://github.com/zoho/zohocrm-nodejs-sdk-8.0 /tmp/crm-node
//	git clone --bare https://github.com/zoho/zohocrm-python-sdk-8.0 /tmp/crm-python
//	git clone --bare https://github.com/zoho/zohocrm-php-sdk-8.0 /tmp/crm-php
//	go run ./internal/gen/cmd/sdkops -sdk /tmp/crm-node -sdk-python /tmp/crm-python -sdk-php /tmp/crm-php
package sdkops

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

// Main runs the generator with the command line's flags (internal/gen/cmd/sdkops).
func Main() {
	node := flag.String("sdk", "", "git directory of github.com/zoho/zohocrm-nodejs-sdk-8.0")
	python := flag.String("sdk-python", "", "git directory of github.com/zoho/zohocrm-python-sdk-8.0")
	php := flag.String("sdk-php", "", "git directory of github.com/zoho/zohocrm-php-sdk-8.0")
	sources := flag.String("sources", "catalog/testdata/crm-sources.tsv", "the operations internal/gen/crmendpoints read")
	out := flag.String("out", "httpcalls/sdk_crm.tsv", "the table to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("sdkops: ")
	if *node == "" || *python == "" || *php == "" {
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
	phpRows, err := readPHP(*php)
	if err != nil {
		log.Fatal(err)
	}
	rows = append(rows, phpRows...)
	sort.Strings(rows)
	crossCheck(rows)
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

const phpRepo = "github.com/zoho/zohocrm-php-sdk-8.0"

var (
	phpClass  = regexp.MustCompile(`^src/com/zoho/crm/api/.*/(\w+Operations)\.php$`)
	phpCtor   = regexp.MustCompile(`function __Construct\(([^)]*)\)`)
	phpMethod = regexp.MustCompile(`(?m)^\s*public function (\w+)\(`)
	phpPiece  = regexp.MustCompile(`\$apiPath=\$apiPath\.\((?:'([^']*)'|strval\(\$this->(\w+)\)|strval\(\$(\w+)\)|\$this->(\w+)|\$(\w+))\)`)
	phpVerb   = regexp.MustCompile(`setHttpMethod\(Constants::REQUEST_METHOD_(\w+)\)`)
)

// readPHP reads the operations of the PHP SDK: each public method of a *Operations class
// that sets an API path, its path's pieces (literals, the constructor's fields and the
// method's parameters as {name}) and its method.
func readPHP(dir string) ([]string, error) {
	commit, err := exec.Command("git", "-C", dir, "rev-parse", "--short=7", "HEAD").Output()
	if err != nil {
		return nil, err
	}
	src := phpRepo + "@" + strings.TrimSpace(string(commit))
	sdkSources["php"] = src
	files, err := exec.Command("git", "-C", dir, "ls-tree", "-r", "--name-only", "HEAD").Output()
	if err != nil {
		return nil, err
	}
	var rows []string
	for _, file := range strings.Split(string(files), "\n") {
		m := phpClass.FindStringSubmatch(file)
		if m == nil {
			continue
		}
		body, err := exec.Command("git", "-C", dir, "show", "HEAD:"+file).Output()
		if err != nil {
			return nil, err
		}
		ctor := ""
		if c := phpCtor.FindSubmatch(body); c != nil {
			var names []string
			for _, p := range strings.Split(string(c[1]), ",") {
				if i := strings.IndexByte(p, '$'); i >= 0 {
					name, _, _ := strings.Cut(p[i+1:], "=")
					names = append(names, strings.TrimSpace(name))
				}
			}
			ctor = strings.Join(names, ",")
		}
		starts := phpMethod.FindAllSubmatchIndex(body, -1)
		for k, st := range starts {
			end := len(body)
			if k+1 < len(starts) {
				end = starts[k+1][0]
			}
			method := body[st[0]:end]
			name := string(body[st[2]:st[3]])
			verb := phpVerb.FindSubmatch(method)
			pieces := phpPiece.FindAllSubmatch(method, -1)
			if verb == nil || len(pieces) == 0 || name == "__Construct" {
				continue
			}
			var path strings.Builder
			for _, p := range pieces {
				switch {
				case len(p[1]) > 0:
					path.Write(p[1])
				default:
					for _, v := range p[2:] {
						if len(v) > 0 {
							path.WriteString("{" + string(v) + "}")
						}
					}
				}
			}
			rows = append(rows, strings.Join([]string{"php", "8", m[1], name, string(verb[1]), path.String(), ctor, file}, "\t"))
		}
	}
	return rows, nil
}

// crossCheck logs how many PHP operations have the Node SDK's method and path.
func crossCheck(rows []string) {
	node := map[string]string{}
	for _, r := range rows {
		if c := strings.Split(r, "\t"); c[0] == "js" {
			node[c[2]+"."+c[3]] = c[4] + " " + c[5]
		}
	}
	same, php := 0, 0
	for _, r := range rows {
		if c := strings.Split(r, "\t"); c[0] == "php" {
			php++
			if node[c[2]+"."+c[3]] == c[4]+" "+c[5] {
				same++
			}
		}
	}
	log.Printf("PHP: %d operations, %d with the Node SDK's method and path", php, same)
}
