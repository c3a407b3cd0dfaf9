package panics

const ok = "ZohoCRM.users.REED" // want `does not accept operation "REED"`
