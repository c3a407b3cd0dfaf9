package verticalcomment

// A comment that quotes a portal's authorization URL,
// https://accounts.zoho.com/clientoauth/v2/12345/auth, makes no Vertical Solutions client:
// the package is a Zoho CRM client, whose catalog has the appointments module.

const appointments = "ZohoCRM.modules.appointments.READ"
