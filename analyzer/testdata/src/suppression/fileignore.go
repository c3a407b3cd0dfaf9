//zscopelint:file-ignore ZS105 this file mirrors the vendor's spelling

package suppression

const one = "zohocrm.modules.leads.read"
const two = "ZOHOCRM.USERS.READ"
