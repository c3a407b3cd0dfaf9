package policy

const apiScopes = "ZohoCRM.modules.ALL" // want `is a group scope.*\(ZS201\)`

const org = "ZohoCRM.org.ALL" // want `ZohoCRM.org.ALL is denied by the policy \(.*\.zscopelint\.yaml:9:5\): read the org, never change it \(ZS205\)` `grants every operation.*\(ZS201\)`

const people = "ZOHOPEOPLE.forms.READ,ZohoCRM.users.READ" // want `ZOHOPEOPLE.forms.READ uses service ZOHOPEOPLE, which is not in the policy's services.*\(ZS205\)`

const caseOff = "zohocrm.users.read"

const retired = "ZohoCRM.modules.activities.READ" // want `is deprecated.*\(ZS106\)`
