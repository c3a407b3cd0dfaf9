package panics // want `cannot check: zscopelint failed on this file \(injected\); please report it \(ZS001\)`

const boom = "ZohoCRM.users.REED"
