// Read by the JavaScript lexer: the backquote in the regular expression starts no template
// literal, so the list after it is read (a scan for quotes misses it).
const tick = /`/;
const scopes = ["ZohoCRM.users.READ", "ZohoCRM.users.ALL"];
const other = `x`;
