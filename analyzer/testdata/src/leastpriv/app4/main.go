package main

import "leastpriv/crmdyn"

// Even with incomplete evidence, a set with no scope a computed GET could use misses one.
const scope = "ZohoCRM.modules.deals.CREATE" // want `missing scope ZohoCRM.modules.\*.READ, needed by GET https://www.zohoapis.com/crm/v8/\{…\}.*\(ZS204\)`

func main() { _ = crmdyn.Get }
