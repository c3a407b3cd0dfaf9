package broken

const scope = "ZohoCRM.modules.leads.REED"

func f( {
