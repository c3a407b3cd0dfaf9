// Projectsendpoints writes catalog/endpoints_projects.yaml, the Zoho Projects rows of the
// endpoint catalog (its REST API on projectsapi.zoho.*, matched as /@projects/...), and
// catalog/testdata/projects-sources.tsv, the extract it derives them from.
//
// It is run by hand, never at lint time, from the repository root:
//
//	go run ./internal/gen/cmd/projectsendpoints -java DIR  # github.com/zoho/projects-java-wrappers
//
// The wrappers (read by internal/gen/wrappers) give each request's method and path, from
// the base https://projectsapi.zoho.com/restapi and a portal's /portal/[PORTALID].
// scopes.tsv maps each path prefix to the scope name its page prints ("Scope:
// ZohoProjects.tasks.{Operation}") and that page. The operation is the one the pages'
// endpoint lists follow: GET READ ("All Tasks", "Task Details"), a POST to a collection
// CREATE ("Create Task", "Add Comment"), a POST to one item UPDATE ("Update Task"),
// DELETE DELETE; a line of the table with a fourth column names the operation of a POST
// the pattern does not fit. Operations under a prefix no page gives a scope for
// (documents and folders, whose page prints none; project activities and statuses) are
// left out and listed in the extract.
package projectsendpoints
