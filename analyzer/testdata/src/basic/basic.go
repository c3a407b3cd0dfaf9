package basic

// Each check on a plain string literal.

var (
	good        = "ZohoCRM.modules.leads.READ"
	typoOp      = "ZohoCRM.modules.ALLL"            // want `ZohoCRM.modules does not accept operation "ALLL" .*did you mean ZohoCRM.modules.ALL\? \(ZS104\)`
	typoScope   = "ZohoCRM.modules.leeds.READ"      // want `unknown scope "leeds" under ZohoCRM.modules .*did you mean ZohoCRM.modules.leads.READ\? \(ZS103\)`
	typoSvc     = "ZohoCMR.modules.leads.READ"      // want `unknown service "ZohoCMR" .*did you mean ZohoCRM.modules.leads.READ\? \(ZS102\)`
	people      = "ZOHOPEOPLE.forms.DELETE"         // want `ZOHOPEOPLE.forms does not accept operation "DELETE" .*\(ZS104\)`
	coql        = "ZohoCRM.coql.ALL"                // want `ZohoCRM.coql does not accept operation "ALL" .*did you mean ZohoCRM.coql.READ\? \(ZS104\)`
	settingTypo = "ZohoCRM.setting.ALL"             // want `unknown scope "setting" .*did you mean ZohoCRM.settings.ALL\? \(ZS103\)`
	caseOnly    = "ZohoCRM.modules.Leads.read"      // want `ZohoCRM.modules.Leads.read differs from the catalog's spelling ZohoCRM.modules.leads.READ only by case \(ZS105\)`
	retired     = "ZohoCRM.modules.activities.READ" // want `ZohoCRM.modules.activities.READ is deprecated: .*API v3.* \(ZS106\)`
	group       = "ZohoCRM.modules.ALL"             // want `ZohoCRM.modules.ALL is a group scope: it grants every operation on all \d+ sub-scopes of ZohoCRM.modules.* \(ZS201\)`
	groupRead   = "ZohoCRM.modules.READ"            // want `ZohoCRM.modules.READ is a group scope: it grants READ .*\(ZS201\)`
	settings    = "ZohoCRM.settings.ALL"            // want `ZohoCRM.settings.ALL is a group scope.*\(ZS201\)`
	oneAll      = "ZohoCRM.modules.leads.ALL"       // want `ZohoCRM.modules.leads.ALL grants every operation on ZohoCRM.modules.leads.*\(ZS201\)`
	employee    = "ZOHOPEOPLE.employee.ALL"
	unknownSvc  = "ZohoAcme.widgets.READ,ZohoCRM.users.READ"             // want `service "ZohoAcme" is not in the catalog.*\(ZS102\)`
	wrongSvc    = "ZohoDesk.tickets.READ,ZohoCRM.users.READ"             // want `unknown service "ZohoDesk": the Zoho service is Desk in "ZohoDesk.tickets.READ"; did you mean Desk.tickets.READ\? \(ZS102\)`
	malformed   = "ZOHOPEOPLE.forms.READ,attendance.READ"                // want `malformed scope "attendance.READ": missing service name.*\(ZS101\)`
	dup         = "ZohoCRM.users.READ,ZohoCRM.users.READ"                // want `ZohoCRM.users.READ is listed twice in this scope set \(ZS202\)`
	covered     = "ZohoCRM.modules.leads.ALL,ZohoCRM.modules.leads.READ" // want `ZohoCRM.modules.leads.ALL grants every operation.*\(ZS201\)` `ZohoCRM.modules.leads.READ is redundant: ZohoCRM.modules.leads.ALL in the same set already grants it \(ZS202\)`
)

func use() {
	// A scope in a call argument and in a switch are still string constants.
	println("ZohoCRM.modules.deals.REED") // want `did you mean ZohoCRM.modules.deals.READ\? \(ZS104\)`
	switch good {
	case "ZohoCRM.modules.contacts.CREAT": // want `did you mean ZohoCRM.modules.contacts.CREATE\? \(ZS104\)`
	}
}

type config struct {
	Scope string `json:"ZohoCRM.modules.ALLL"` // struct tags are not scopes
}
