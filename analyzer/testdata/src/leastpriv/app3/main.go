package main

import "leastpriv/crmdyn"

// Incomplete evidence: no ZS203 or ZS204 may be claimed. The computed module may be
// users; the Deals call may be any method.
var scopes = []string{"ZohoCRM.users.READ", "ZohoCRM.modules.deals.ALL", "ZohoCRM.org.READ"}

func main() { _ = crmdyn.Get }
