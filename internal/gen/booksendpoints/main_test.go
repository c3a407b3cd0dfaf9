package booksendpoints

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOASOperations(t *testing.T) {
	ops, err := oasOperations([]byte(`
paths:
  /things/{thing_id}/reject:
    post:
      security:
        - Zoho_Auth:
            - ZohoBooks.things.UPDATE
    parameters:
      - $ref: '#/components/parameters/organization_id'
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []oasOp{{"POST", "/books/v3/things/{id}/reject", "ZohoBooks.things.UPDATE"}}
	if diff := cmp.Diff(want, ops, cmp.AllowUnexported(oasOp{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
