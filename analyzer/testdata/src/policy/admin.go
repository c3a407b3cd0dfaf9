package policy

// Allowed here by the policy's allow entry for admin*.go.
const adminScopes = "ZohoCRM.modules.ALL"
