package derive

// zscopelint:file-ignore ZS201 the overrides record the scopes Zoho's pages print for an operation; they grant nothing

// Override is a requirement Zoho's page for one operation prints, where the method's
// operation type or the path's family would say something else.
type Override struct {
	Requires [][]string
	Page     string // the Zoho page whose Scope section says so
}

// crmDocs is the CRM API reference; "CRM docs x.html" in a source is crmDocs + x.html.
const crmDocs = "https://www.zoho.com/crm/developer/docs/api/"

// Overrides holds the operations whose page says otherwise, keyed by "METHOD template".
// The "CRM docs" pages are those the hand-written rows these replace cited.
var Overrides = map[string]Override{
	// A POST that reads: COQL needs coql.READ and READ on each module queried.
	"POST /crm/{v}/coql": {[][]string{{"ZohoCRM.coql.READ"}, {"ZohoCRM.modules.*.READ"}},
		crmDocs + "v8/select-api-scopes.html (Records through a COQL Query: ZohoCRM.coql.READ and ZohoCRM.modules.{module_name}.{operation_type})"},
	// A POST that reads: counting a record's related records.
	"POST /crm/{v}/{module}/{id}/actions/get_related_records_count": {[][]string{{"ZohoCRM.modules.{module}.READ"}},
		crmDocs + "v8/get-related-records-count.html (operation types ALL, READ)"},
	// Search needs ZohoSearch too.
	"GET /crm/{v}/{module}/search": {[][]string{{"ZohoCRM.modules.{module}.READ"}, {"ZohoSearch.securesearch.READ"}},
		crmDocs + "v8/search-records.html"},
	"GET /crm/{v}/__apis": {[][]string{{"ZohoCRM.apis.READ"}},
		crmDocs + "v7/list-available-rest-apis.html (scope = ZohoCRM.apis.READ)"},
	"GET /crm/{v}/__features":                 {[][]string{{"ZohoCRM.features.READ"}}, crmDocs + "v8/get-features.html"},
	"GET /crm/{v}/__features/{id}":            {[][]string{{"ZohoCRM.features.READ"}}, crmDocs + "v8/get-features.html"},
	"GET /crm/{v}/__features/data_enrichment": {[][]string{{"ZohoCRM.features.READ"}}, crmDocs + "v8/get-features.html (GET /__features/{feature_api_name})"},
	"GET /crm/{v}/__features/user_licenses":   {[][]string{{"ZohoCRM.features.READ"}}, crmDocs + "v8/get-features.html (GET /__features/{feature_api_name})"},
	"POST /crm/{v}/__composite_requests": {[][]string{{"ZohoCRM.composite_requests.CUSTOM"}},
		crmDocs + "v8/select-api-scopes.html (Composite API: ZohoCRM.composite_requests.CUSTOM and the scope of each sub-request)"},
	// Actions on records with their own scope families.
	"POST /crm/{v}/{module}/actions/mass_update": {[][]string{{"ZohoCRM.mass_update.{module}.UPDATE"}},
		"https://zoho.com/crm/developer/docs/api/v2/mass-update-records.html"},
	"GET /crm/{v}/{module}/actions/mass_update": {[][]string{{"ZohoCRM.mass_update.{module}.READ"}},
		"https://zoho.com/crm/developer/docs/api/v6/mass-update-status.html"},
	"POST /crm/{v}/{module}/actions/mass_delete": {[][]string{{"ZohoCRM.mass_delete.{module}.DELETE"}},
		"https://zoho.com/crm/developer/docs/api/v7/mass-delete.html"},
	"GET /crm/{v}/{module}/actions/mass_delete": {[][]string{{"ZohoCRM.mass_delete.{module}.READ"}},
		"https://zoho.com/crm/developer/docs/api/v6/mass-delete-status.html"},
	"POST /crm/{v}/{module}/{id}/actions/send_mail": {[][]string{{"ZohoCRM.send_mail.{module}.CREATE", "ZohoCRM.send_mail.all.CREATE"}},
		"CRM docs send-mail.html"},
	"POST /crm/{v}/{module}/actions/change_owner": {[][]string{{"ZohoCRM.change_owner.CREATE"}},
		crmDocs + "v6/change-owner.html"},
	"POST /crm/{v}/{module}/{id}/actions/change_owner": {[][]string{{"ZohoCRM.change_owner.CREATE"}},
		crmDocs + "v6/change-owner.html"},
	"POST /crm/{v}/{module}/actions/mass_change_owner": {[][]string{{"ZohoCRM.change_owner.CREATE"}},
		crmDocs + "v7/mass-change-owner.html"},
	// Record sub-lists that need the module's scope and their own.
	"GET /crm/{v}/{module}/{id}/Attachments": {[][]string{{"ZohoCRM.modules.{module}.READ"}, {"ZohoCRM.modules.attachments.READ"}},
		"CRM docs get-attachments.html"},
	"POST /crm/{v}/{module}/{id}/Attachments": {[][]string{{"ZohoCRM.modules.{module}.CREATE"}, {"ZohoCRM.modules.attachments.CREATE"}},
		"CRM docs upload-attachment.html"},
	// Locking a record needs the lock's own scope and the module's (the page prints READ).
	"POST /crm/{v}/{module}/{id}/Locking_Information__s": {[][]string{{"ZohoCRM.modules.lockinginformation.CREATE"}, {"ZohoCRM.modules.{module}.READ"}},
		crmDocs + "v8/lock-records.html"},
	// Notifications: the path says watch, the family is notifications.
	"GET /crm/{v}/actions/watch":    {[][]string{{"ZohoCRM.notifications.READ"}}, "CRM docs notifications/get-details.html"},
	"POST /crm/{v}/actions/watch":   {[][]string{{"ZohoCRM.notifications.CREATE"}}, "CRM docs notifications/enable.html"},
	"PATCH /crm/{v}/actions/watch":  {[][]string{{"ZohoCRM.notifications.UPDATE"}}, crmDocs + "v8/notifications/update-info.html"},
	"PUT /crm/{v}/actions/watch":    {[][]string{{"ZohoCRM.notifications.UPDATE"}}, crmDocs + "v8/notifications/update-details.html"},
	"DELETE /crm/{v}/actions/watch": {[][]string{{"ZohoCRM.notifications.DELETE"}}, "CRM docs notifications/disable.html"},
	// Bulk jobs: creating a read job reads, and each job needs the modules' scope too.
	"POST /crm/bulk/{v}/read": {[][]string{{"ZohoCRM.bulk.READ"}, {"ZohoCRM.modules.*.READ"}},
		"CRM docs bulk-read/create-job.html"},
	"POST /crm/bulk/{v}/write": {[][]string{{"ZohoCRM.bulk.CREATE"}, {"ZohoCRM.modules.*.CREATE"}},
		"CRM docs bulk-write/create-job.html"},
	// The bulk write file goes to content.zohoapis.com and needs Zoho Files' scope.
	"POST /crm/{v}/upload": {[][]string{{"ZohoFiles.files.ALL"}}, crmDocs + "v6/bulk-write/upload-file.html"},
	// Functions: GET uses READ, POST uses CREATE.
	"GET /crm/{v}/functions/{id}/actions/execute": {[][]string{{"ZohoCRM.functions.execute.READ"}},
		"https://www.zoho.com/crm/help/developer/functions/serverless-fn-oauth.html"},
	"POST /crm/{v}/functions/{id}/actions/execute": {[][]string{{"ZohoCRM.functions.execute.CREATE"}},
		"https://www.zoho.com/crm/help/developer/functions/serverless-fn-oauth.html"},
	"POST /crm/{v}/signals/notifications": {[][]string{{"ZohoCRM.signals.ALL"}},
		"https://www.zoho.com/crm/developer/docs/signals/invoke-signal-via-API.html"},
}

// SettingsFamilies names, for a settings path word whose family is not its own name, the
// family Zoho's pages give its operations (the method still gives the operation).
var SettingsFamilies = map[string]struct{ Family, Page string }{
	// crm-oas v8.0/holidays.json lists ZohoCRM.settings.recycle_bin: a copy slip.
	"holidays": {"ZohoCRM.settings.business_hours", crmDocs + "v8/get-holidays.html (READ); " + crmDocs + "v6/add-holiday.html (CREATE)"},
}
