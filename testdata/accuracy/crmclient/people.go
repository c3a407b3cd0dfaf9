package crmclient

// HR sync: People has no narrower scope than employee.ALL.
var peopleScopes = []string{"ZOHOPEOPLE.employee.ALL", "ZOHOPEOPLE.forms.READ"}

var peopleWrite = []string{"ZOHOPEOPLE.forms.DELETE"} // expect: ZS104

var attendance = []string{"ZOHOPEOPLE.forms.READ", "attendance.READ"} // expect: ZS101

const deprecatedScope = "ZohoCRM.modules.activities.READ" // expect: ZS106

type settings struct {
	Scopes string `envconfig:"ZOHO_SCOPES" default:"ZohoCRM.modules.leads.RAED,ZohoCRM.users.READ"` // expect: ZS104
}

var _ = []any{peopleScopes, peopleWrite, attendance, settings{}}
