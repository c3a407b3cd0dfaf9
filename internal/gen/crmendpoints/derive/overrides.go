package derive

// Override is a requirement Zoho's page for one operation prints, where the method's
// operation type or the path's family would say something else.
type Override struct {
	Requires [][]string
	Page     string // the Zoho page whose Scope section says so
}

// Overrides holds the operations whose page says otherwise, keyed by "METHOD template".
var Overrides = map[string]Override{}
