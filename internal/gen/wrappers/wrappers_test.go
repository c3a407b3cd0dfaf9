package wrappers

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The two wrapper styles, written for this test: a class's base URL, a method's local
// URL built by concatenation, a base reused without a local, comments holding example
// markup, and a local set in one method but not the next.
const javaSource = `
public class ThingsApi extends API {
	private static String url = baseURL+"/things"; //No I18N
	/**
	 * <table border = "1" >
	 */
	public String list() throws Exception {
		String response = ZohoHTTPClient.get(url, getQueryMap());
	}
	public String send(String thingId) throws Exception {
		String urlString = url+"/"+thingId+"/status/sent"; //No I18N
		String response = ZohoHTTPClient.post(urlString, getQueryMap());
	}
	public File print() throws Exception {
		String urlString = url+"/print?x=1"; //No I18N
		File file = ZohoHTTPClient.getFile(urlString, getQueryMap());
	}
	public String stale() throws Exception {
		String response = ZohoHTTPClient.delete(urlString, getQueryMap());
	}
}
`

const csharpSource = `
    public class ThingsApi : Api
    {
        static string baseAddress = baseurl + "/things";
        public string Get(string thing_id)
        {
            string url = baseAddress + "/" + thing_id;
            var responce = ZohoHttpClient.get(url, getQueryParameters());
        }
        public string Create()
        {
            string url = baseAddress;
            var responce = ZohoHttpClient.post(url, getQueryParameters());
        }
        public string Comment(string thing_id, string comment_id)
        {
            string url = baseAddress + "/" + thing_id + "/comments/" + comment_id;;
            var responce = ZohoHttpClient.delete(url, getQueryParameters());
        }
    }
`

func TestWrapperCalls(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []Call
	}{
		{"java", javaSource, []Call{
			{"GET", "/books/v3/things"},
			{"POST", "/books/v3/things/{id}/status/sent"},
			{"GET", "/books/v3/things/print"},
		}},
		{"csharp", csharpSource, []Call{
			{"GET", "/books/v3/things/{id}"},
			{"POST", "/books/v3/things"},
			{"DELETE", "/books/v3/things/{id}/comments/{id}"},
		}},
	} {
		if diff := cmp.Diff(tt.want, Calls(tt.src, "/books/v3", map[string]string{"baseURL": "", "baseurl": ""})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestScopeTableLookup(t *testing.T) {
	table := ScopeTable{
		{Prefix: "/projects", Name: "projects", Page: "https://www.zoho.com/books/api/v3/projects/"},
		{Prefix: "/projects/{id}/tasks", Name: "projects", Page: "https://www.zoho.com/books/api/v3/tasks/"},
		{Prefix: "/items", Name: "settings", Page: "https://www.zoho.com/books/api/v3/items/"},
	}
	for _, tt := range []struct{ path, name, page string }{
		{"/books/v3/projects/{id}/tasks/{id}", "projects", "https://www.zoho.com/books/api/v3/tasks/"},
		{"/books/v3/projects/{id}", "projects", "https://www.zoho.com/books/api/v3/projects/"},
		{"/books/v3/items/{id}/active", "settings", "https://www.zoho.com/books/api/v3/items/"},
		{"/books/v3/itemdetails", "", ""},
	} {
		line, ok := table.Lookup("/books/v3", tt.path)
		if line.Name != tt.name || line.Page != tt.page || ok != (tt.name != "") {
			t.Errorf("Lookup(%s) = %+v, %v", tt.path, line, ok)
		}
	}
}
