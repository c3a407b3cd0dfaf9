package main

import "leastpriv/crmdyn"

// Incomplete evidence: no ZS203 or ZS204 may be claimed, and ZS201 names no set. The
// computed module may be users; the Deals call may be any method, so deals.ALL gets only
// the family note it gets without calls.
var scopes = []string{"ZohoCRM.users.READ", "ZohoCRM.modules.deals.ALL", "ZohoCRM.org.READ"} // want `ZohoCRM.modules.deals.ALL grants every operation on ZohoCRM.modules.deals; request only the operations the code uses \(ZohoCRM.modules.deals.\{READ,CREATE,UPDATE,DELETE,WRITE\}\) \(ZS201\)`

func main() { _ = crmdyn.Get }
