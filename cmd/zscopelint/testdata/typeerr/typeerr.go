package typeerr

var n int = "not a number"

const scope = "ZohoCRM.modules.leads.REED"
