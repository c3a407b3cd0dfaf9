// Package sameline holds two findings on one line: golangci-lint's default uniq-by-line
// would report the first and drop the second.
package sameline

var Scopes = []string{"ZohoCRM.modules.ALL", "ZohoCRM.users.REED"} // want `ZohoCRM.modules.ALL is a group scope.*\(ZS201\)` `ZohoCRM.users does not accept operation "REED".*\(ZS104\)`
