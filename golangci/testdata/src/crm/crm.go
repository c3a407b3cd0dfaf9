// Package crm is checked with the plugin's settings: ZS1 checks only, so the over-broad
// grant (ZS201) is not reported while the typo (ZS103) is.
package crm

var Scopes = []string{
	"ZohoCRM.modules.ALL",
	"ZohoCRM.modules.leads.RAED", // want `ZohoCRM.modules.leads.RAED.*\(ZS10[0-9]\)`
}
