package fixes

const typo = "ZohoCRM.modules.leeds.READ" // want `\(ZS103\)`

const caseOnly = "zohocrm.modules.deals.read" // want `\(ZS105\)`

const inURL = "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCMR.users.READ,ZohoCRM.org.READ&client_id=1000.X&response_type=code&redirect_uri=https://example.com/cb" // want `\(ZS102\)`

var list = []string{
	"ZohoCRM.modules.leads.ALL",  // want `\(ZS201\)`
	"ZohoCRM.modules.leads.READ", // want `\(ZS202\)`
	"ZohoCRM.users.READ",
}

var last = []string{"ZohoCRM.users.READ", "ZohoCRM.users.READ"} // want `\(ZS202\)`

const joined = "ZohoCRM.org.READ, ZohoCRM.org.READ,ZohoCRM.users.READ" // want `\(ZS202\)`

// Escapes inside the scope: reported, but no fix is offered.
const escaped = "ZohoCRM.modules.\x6ceeds.READ" // want `\(ZS103\)`

// No unique correction: no fix.
const ambiguous = "ZOHOPEOPLE.forms.DELETE" // want `\(ZS104\)`
