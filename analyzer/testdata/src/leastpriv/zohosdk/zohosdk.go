// Package zohosdk builds scopes from typed constants, in the shape Go SDKs for Zoho use: no
// scope literal reaches the program that calls it.
package zohosdk

import "fmt"

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
