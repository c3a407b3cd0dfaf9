// Package main reads Zoho Books contacts and creates invoices on books.zoho.com under the
// service-wide grant: the calls name the two scopes it needs.
package main

import (
	"bytes"
	"net/http"
)

const books = "https://books.zoho.com/api/v3" // the host Zoho's Books wrappers call

var scopes = []string{
	"ZohoBooks.fullaccess.all", // want `ZohoBooks.fullaccess.all is broader than the calls found need: ZohoBooks.contacts.READ, ZohoBooks.invoices.CREATE \(ZS201\)`
}

func main() {
	_ = scopes
	http.Get(books + "/contacts?organization_id=10234695")
	http.Post(books+"/invoices?organization_id=10234695", "application/json", bytes.NewReader(nil))
}
