package lists

import "strings"

type Config struct {
	ClientID string
	Scopes   []string
}

// A []string literal is one scope set.
var scopes = []string{
	"ZohoCRM.modules.leads.READ",   // want `ZohoCRM.modules.leads.READ is redundant: ZohoCRM.modules.ALL.*\(ZS202\)`
	"ZohoCRM.modules.ALL",          // want `ZohoCRM.modules.ALL is a group scope.*\(ZS201\)`
	"ZohoCRM.modules.leads.CREATE", // want `ZohoCRM.modules.leads.CREATE is redundant: ZohoCRM.modules.ALL in the same set already grants it \(ZS202\)`
}

// Every element of a set with a candidate is judged.
var people = []string{"ZOHOPEOPLE.forms.READ", "attendance.READ"} // want `malformed scope "attendance.READ".*\(ZS101\)`

// strings.Join of a constant slice.
var joined = strings.Join([]string{"ZohoCRM.users.READ", "ZohoCRM.org.REED"}, ",") // want `did you mean ZohoCRM.org.READ\? \(ZS104\)`

// A field named Scopes is a scope position: three-segment elements are judged even
// without a catalogued service.
var cfg = Config{
	ClientID: "1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123",
	Scopes:   []string{"ZohoCRM..READ", "openid"}, // want `malformed scope "ZohoCRM..READ": empty segment.*\(ZS101\)`
}

// Comma-joined elements of a list belong to the list's set.
var mixed = []string{"ZohoCRM.users.READ,ZohoCRM.users.ALL"} // want `ZohoCRM.users.ALL grants every operation.*\(ZS201\)` `ZohoCRM.users.READ is redundant: ZohoCRM.users.ALL.*\(ZS202\)`

// Google, GitHub and Microsoft scopes in a scope position are left alone.
var others = Config{Scopes: []string{"https://www.googleapis.com/auth/drive.readonly", "repo", "User.Read", "offline_access"}}

// Array literals count too.
var arr = [2]string{"ZohoCRM.users.READ", "ZohoCRM.users.READ"} // want `listed twice.*\(ZS202\)`
