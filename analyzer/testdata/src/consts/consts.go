package consts

import "strings"

// A named constant is reported once, at its declaration, not at each use.
const LeadsAll = "ZohoCRM.modules.leads.ALLL" // want `did you mean ZohoCRM.modules.leads.ALL\? \(ZS104\)`

const Users = "ZohoCRM.users.READ"

// Concatenations are judged whole; the literal part is positioned exactly.
const Both = Users + ",ZohoCRM.modules.deals.REED" // want `did you mean ZohoCRM.modules.deals.READ\? \(ZS104\)`

// A redundant literal next to a constant that covers it.
const Redundant = Users + ",ZohoCRM.users.READ" // want `ZohoCRM.users.READ is listed twice in this scope set \(ZS202\)`

// A scope split across two literals is still one scope.
const Split = "ZohoCRM.modules." + "leeds.READ" // want `unknown scope "leeds".*\(ZS103\)`

func uses() []string {
	a := LeadsAll
	b := []string{LeadsAll, Users}
	return append(b, a, strings.ToLower(Users))
}
