// Package zohosdk builds scopes from typed constants, in the shape Go SDKs for Zoho use: no
// scope literal reaches the program that calls it.
package zohosdk

import (
	"fmt"
	"net/http"
)

type (
	Service   string
	ScopeType string
	Module    string
	Operation string
)

const (
	Crm           Service   = "ZohoCRM"
	ModulesScope  ScopeType = "modules"
	SettingsScope ScopeType = "settings"
	Leads         Module    = "leads"
	Activities    Module    = "activities"
	None          Module    = ""
	Read          Operation = "READ"
	All           Operation = "ALL"
	Reed          Operation = "REED" // a typo, as SDK users write them
)

// BuildScope joins the parts; the module is optional.
func BuildScope(service Service, scope ScopeType, module Module, op Operation) string {
	if module == "" {
		return fmt.Sprintf("%s.%s.%s", service, scope, op)
	}
	return fmt.Sprintf("%s.%s.%s.%s", service, scope, module, op)
}

// API is the SDK's client; its record calls take a typed Module.
type API struct{ base string }

type RecordModule string

const (
	LeadsModule    RecordModule = "Leads"
	ContactsModule RecordModule = "Contacts"
)

// GetRecords lists a module's records.
func (a *API) GetRecords(module RecordModule) error {
	_, err := http.Get(fmt.Sprintf("https://www.zohoapis.com/crm/v2/%s", module))
	return err
}
