package typeerrors

// The package does not type-check, but its constants are still analysed.

var broken int = "not an int"

const scope = "ZohoCRM.modules.ALLL" // want `did you mean ZohoCRM.modules.ALL\? \(ZS104\)`

func f() { undefinedFunction() }

// A list of a type the checker cannot resolve (its package did not load) is still one set.
var list = undefinedpkg.Scopes{"ZohoCRM.users.READ", "ZohoCRM.users.READ"} // want `ZohoCRM.users.READ is listed twice`
