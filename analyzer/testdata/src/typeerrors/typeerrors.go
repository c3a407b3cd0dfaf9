package typeerrors

// The package does not type-check, but its constants are still analysed.

var broken int = "not an int"

const scope = "ZohoCRM.modules.ALLL" // want `did you mean ZohoCRM.modules.ALL\? \(ZS104\)`

func f() { undefinedFunction() }
