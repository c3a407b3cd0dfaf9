package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/internal/gen/extract"
)

// generatedProducts pairs each generated endpoint file with the extract it is derived
// from, and the service its scopes belong to.
// base is the API base a call's URL starts with, standing for the root's first segment.
var generatedProducts = []struct {
	file, extract, service, root, base string
}{
	{"endpoints_books.yaml", "testdata/books-sources.tsv", "ZohoBooks", "books", "https://www.zohoapis.com/books"},
	{"endpoints_projects.yaml", "testdata/projects-sources.tsv", "ZohoProjects", "@projects", "https://projectsapi.zoho.com"},
}

func readExtract(t *testing.T, name string) *extract.Extract {
	t.Helper()
	f, err := os.Open(filepath.FromSlash(name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x, err := extract.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return x
}

// TestGeneratedEndpointsMatchExtract: each generated endpoint file is exactly what its
// committed extract implies, so the rows can be reviewed against what the generator read.
func TestGeneratedEndpointsMatchExtract(t *testing.T) {
	for _, p := range generatedProducts {
		x := readExtract(t, p.extract)
		want, err := extract.Render(x)
		if err != nil {
			t.Fatalf("%s: %v", p.extract, err)
		}
		got, err := endpointFS.ReadFile(p.file)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s is not what %s implies (-want +got):\n%s", p.file, p.extract, diff)
		}
	}
}

// TestGeneratedEndpointsResolve sends every generated row's own method and path, with
// 1234 for each identifier, through the judge: it must reach exactly that row, whose first
// scope is the row's own and a catalogued scope of the product's service.
func TestGeneratedEndpointsResolve(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range generatedProducts {
		x := readExtract(t, p.extract)
		resolved := 0
		for _, op := range x.Ops {
			if !strings.HasPrefix(op.Path, "/"+p.root+"/") {
				t.Errorf("%s: %s %s is not under /%s/", p.extract, op.Method, op.Path, p.root)
				continue
			}
			if !zohoSource.MatchString(op.Page) {
				t.Errorf("%s %s: page %q is not a Zoho page", op.Method, op.Path, op.Page)
			}
			if service, _, _ := strings.Cut(op.Scope, "."); service != p.service {
				t.Errorf("%s %s: scope %s is not of %s", op.Method, op.Path, op.Scope, p.service)
			}
			if e, ok := c.Lookup(op.Scope); !ok || e.Scope != op.Scope || e.Deprecated() != "" {
				t.Errorf("%s %s: scope %s is not a current catalogued scope in its canonical spelling", op.Method, op.Path, op.Scope)
			}
			url := p.base + strings.ReplaceAll(strings.TrimPrefix(op.Path, "/"+p.root), "{id}", "1234")
			r, ok := c.Requirement(op.Method, url)
			switch {
			case !ok:
				t.Errorf("%s %s: no endpoint", op.Method, url)
			case len(r.Options) != 1 || r.Endpoints[0] != op.Method+" "+op.Path:
				t.Errorf("%s %s: reaches %v, want only %s %s", op.Method, url, r.Endpoints, op.Method, op.Path)
			case !r.Exact() || r.Options[0][0][0] != op.Scope:
				t.Errorf("%s %s: needs %v, want %s first", op.Method, url, r.Options[0], op.Scope)
			default:
				resolved++
			}
		}
		known := len(x.Ops) + len(x.LeftOut)
		t.Logf("%s: %d rows; %d operations known from the sources, %d resolved to their scope (%.0f%%), %d left out",
			p.service, len(x.Ops), known, resolved, 100*float64(resolved)/float64(known), len(x.LeftOut))
	}
}

// TestProjectsCalls: Projects' REST API updates with POST to one item.
func TestProjectsCalls(t *testing.T) {
	checkCalls(t, []productCall{
		{"POST", "https://projectsapi.zoho.com/restapi/portal/2063927/projects/170876000000147021/tasks/", "ZohoProjects.tasks.CREATE"},
		{"POST", "https://projectsapi.zoho.eu/restapi/portal/2063927/projects/1/tasks/2/", "ZohoProjects.tasks.UPDATE"},
		{"POST", "https://projectsapi.zoho.com/restapi/portal/1/projects/2/milestones/3/status/", "ZohoProjects.milestones.UPDATE"},
		{"GET", "https://projectsapi.zoho.com/restapi/portal/1/projects/2/bugs/", "ZohoProjects.bugs.READ"},
		{"DELETE", "https://projectsapi.zoho.com/restapi/portal/1/projects/2/tasks/3/logs/4/", "ZohoProjects.timesheets.DELETE"},
	})
}

// TestBooksCalls: the calls of a typical Books program need exactly the scopes the pages
// print for them.
func TestBooksCalls(t *testing.T) {
	checkCalls(t, []productCall{
		{"GET", "https://www.zohoapis.com/books/v3/contacts?organization_id=10234695", "ZohoBooks.contacts.READ"},
		{"POST", "https://www.zohoapis.com/books/v3/invoices?organization_id=10234695", "ZohoBooks.invoices.CREATE"},
		{"POST", "https://www.zohoapis.eu/books/v3/invoices/460000000012345/status/sent", "ZohoBooks.invoices.CREATE"},
		{"GET", "https://www.zohoapis.com/books/v3/items", "ZohoBooks.settings.READ"},
		{"POST", "https://www.zohoapis.com/books/v3/projects/1/tasks", "ZohoBooks.projects.CREATE"},
		{"GET", "https://www.zohoapis.com/books/v3/vendorcredits/1", "ZohoBooks.debitnotes.READ"},
		{"POST", "https://www.zohoapis.com/books/v3/purchaseorders/1/reject", "ZohoBooks.purchaseorders.UPDATE"},
	})
}
