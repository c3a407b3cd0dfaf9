// Package main reads Zoho Books contacts and creates an invoice under the service-wide
// grant: ZS201 names the two scopes Books' pages print for those calls.
package main

import (
	"net/http"
	"strings"
)

const scope = "ZohoBooks.fullaccess.all" // want `ZohoBooks.fullaccess.all is broader than the calls found need: ZohoBooks.contacts.READ, ZohoBooks.invoices.CREATE \(ZS201\)`

func main() {
	_ = scope
	http.Get("https://www.zohoapis.com/books/v3/contacts")
	http.Post("https://www.zohoapis.com/books/v3/invoices", "application/json", strings.NewReader("{}"))
}
