variable "zoho_scopes" {
  description = "Scopes the sync asks Zoho for"
  type        = string
  default     = "ZohoCRM.modules.ALL,ZohoCRM.users.READ" # expect: ZS201
}

resource "kubernetes_secret" "zoho" {
  metadata {
    name = "zoho-oauth"
  }
  data = {
    scope = "ZohoCRM.modules.contacts.READ,ZohoCRM.modules.contacts.READ" # expect: ZS202
  }
}
