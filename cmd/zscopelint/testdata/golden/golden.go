package golden

// Findings of every kind, in an order the output must sort.

var scopes = []string{
	"ZohoCRM.modules.ALL",
	"ZohoCRM.modules.leads.READ",
	"ZohoCRM.users.REED",
}

const people = "ZOHOPEOPLE.forms.DELETE"

// Non-ASCII text before a scope: SARIF counts code points, text output counts bytes.
const note = "Zugriff für Zoho: ZohoCRM.modules.deals.ALLL"

const lower = "zohocrm.org.read"

const desk = "ZohoDesk.tickets.READ,ZohoCRM.org.READ"
