package suppression

// A directive alone on its line applies to the next line.
//
//zscopelint:ignore ZS201 the admin console manages every module
const admin = "ZohoCRM.modules.ALL"

// A trailing directive applies to its own line.
const setup = "ZohoCRM.settings.ALL" //zscopelint:ignore ZS201 the setup wizard writes every setting

// With a space after the slashes, and two checks at once.
// zscopelint:ignore ZS104,ZS201 kept for the legacy importer
var legacy = []string{"ZohoCRM.modules.ALLL"}

// Suppressing one check leaves the others.
//
//zscopelint:ignore ZS201 reason
var both = []string{"ZohoCRM.modules.ALL", "ZohoCRM.modules.leads.READ"} // want `ZohoCRM.modules.leads.READ is redundant.*\(ZS202\)`

// No reason: the directive suppresses nothing and is itself reported.
const noReason = "ZohoCRM.users.REED" /* want `\(ZS104\)` `directive gives no reason.*\(ZS002\)` */ //zscopelint:ignore ZS104

// A directive that matches nothing is reported.
const fine = "ZohoCRM.users.READ" /* want `directive suppressed nothing: no ZS201 finding on this line.*\(ZS002\)` */ //zscopelint:ignore ZS201 stale

// Malformed directives.
const a = 1 /* want `names unknown check "ZS999".*\(ZS002\)` */         //zscopelint:ignore ZS999 reason
const b = 2 /* want `names no check.*\(ZS002\)` */                      //zscopelint:ignore
const c = 3 /* want `unknown directive zscopelint:ignroe.*\(ZS002\)` */ //zscopelint:ignroe ZS201 reason
