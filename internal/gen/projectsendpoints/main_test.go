package projectsendpoints

import "testing"

// The operation words of Projects' REST endpoint lists: "Create Task" is a POST to the
// collection, "Update Task" a POST to one task.
func TestOperation(t *testing.T) {
	for _, tt := range []struct{ method, path, want string }{
		{"GET", "/@projects/restapi/portal/{id}/projects/{id}/tasks", "READ"},
		{"POST", "/@projects/restapi/portal/{id}/projects/{id}/tasks", "CREATE"},
		{"POST", "/@projects/restapi/portal/{id}/projects/{id}/tasks/{id}", "UPDATE"},
		{"POST", "/@projects/restapi/portal/{id}/projects/{id}/tasks/{id}/comments", "CREATE"},
		{"DELETE", "/@projects/restapi/portal/{id}/projects/{id}/tasks/{id}", "DELETE"},
	} {
		if got := operation(tt.method, tt.path); got != tt.want {
			t.Errorf("operation(%s, %s) = %s, want %s", tt.method, tt.path, got, tt.want)
		}
	}
}
