package policy

// Excluded by the policy: nothing here is reported.
const generated = "ZohoCRM.modules.ALLL"
