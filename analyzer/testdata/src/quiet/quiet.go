package quiet

// None of these are scopes: no finding is expected anywhere in this file.

const (
	javaPackage = "com.zoho.crm.api.util"
	host        = "www.zohoapis.com"
	accounts    = "https://accounts.zoho.com/oauth/v2/token"
	fileName    = "ZohoCRM.modules.yaml"
	backup      = "zohocrm.settings.bak"
	version     = "ZohoCRM.v8.0.1"
	sdkVersion  = "ZohoCRM.sdk.8.0"
	oidc        = "openid,profile,email,offline_access"
	prose       = "This service talks to ZohoCRM and Zoho People through their REST APIs."
	proseDots   = "Use the ZohoCRM SDK. It reads modules. All done."
	template    = "ZohoCRM.modules.{module_API_name}.ALL"
	sprintf     = "ZohoCRM.modules.%s.READ"
	twoSegments = "modules.ALL"
	email       = "support@zohocrm.com"
	goImport    = "github.com/zoho/zohocrm-go-sdk.v8.ALL"
	microsoft   = "User.Read Mail.Send"
)

var ipAddr = "10.0.0.1"
