package vertical

// A clientoauth URL makes the package a Zoho Vertical Solutions client, whose catalog
// has no appointments module.
const authURL = "https://accounts.zoho.com/clientoauth/v2/12345/auth?scope=ZohoCRM.modules.leads.READ&client_id=1000.X&response_type=code&redirect_uri=https://example.com/cb"

const appointments = "ZohoCRM.modules.appointments.READ" // want `ZohoCRM.modules.appointments is not available in Zoho Vertical Solutions.*\(ZS103\)`
