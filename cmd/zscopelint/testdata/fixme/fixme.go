package fixme

var scopes = []string{
	"ZohoCRM.modules.leads.ALL",
	"ZohoCRM.modules.leads.READ",
	"ZohoCMR.users.READ",
}

const auth = "https://accounts.zoho.com/oauth/v2/auth?scope=zohocrm.org.read,ZohoCRM.org.READ&client_id=1000.X&response_type=code&redirect_uri=https://example.com/cb"

const ambiguous = "ZOHOPEOPLE.forms.DELETE"
