// Package xero syncs invoices to Xero after a Zoho CRM deal closes.
package xero

type Config struct {
	ClientID string
	Scopes   []string
}

var Xero = Config{Scopes: []string{"openid", "profile", "email", "accounting.transactions", "accounting.contacts.read", "offline_access"}}

var HubSpot = Config{Scopes: []string{"crm.objects.contacts.write", "crm.objects.deals.read"}}

var Google = []string{"https://www.googleapis.com/auth/spreadsheets.readonly"}

// Used by Zoho's side of the sync.
var Zoho = Config{Scopes: []string{"ZohoCRM.modules.deals.READ", "ZohoCRM.modules.deals.UPDATE"}}
