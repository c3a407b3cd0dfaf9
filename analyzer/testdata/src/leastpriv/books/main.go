// Package main reads Zoho Books contacts and creates an invoice: the two scopes Books'
// pages print for those calls are needed, and a third is not.
package main

import (
	"net/http"
	"strings"
)

var scopes = []string{
	"ZohoBooks.contacts.READ",
	"ZohoBooks.invoices.CREATE",
	"ZohoBooks.bills.READ", // want `ZohoBooks.bills.READ is not needed by any of the 2 ZohoBooks calls found.*\(ZS203\)`
}

const books = "https://www.zohoapis.com/books/v3"

func main() {
	_ = scopes
	http.Get(books + "/contacts?organization_id=10234695")
	http.Post(books+"/invoices?organization_id=10234695", "application/json", strings.NewReader("{}"))
}
