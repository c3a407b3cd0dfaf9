// Package main creates a Zoho Books invoice with only the contacts scope.
package main

import (
	"net/http"
	"strings"
)

const scope = "ZohoBooks.contacts.READ" // want `missing scope ZohoBooks.invoices.CREATE, needed by POST https://www.zohoapis.com/books/v3/invoices.*\(ZS204\)`

func main() {
	_ = scope
	http.Get("https://www.zohoapis.com/books/v3/contacts")
	http.Post("https://www.zohoapis.com/books/v3/invoices", "application/json", strings.NewReader("{}"))
}
