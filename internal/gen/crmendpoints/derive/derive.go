// Package derive turns the operations read from Zoho's CRM sources (the crm-oas OpenAPI
// files and the official SDK's *_operations.js files) into endpoint rows: one per
// (method, path template), each with the narrow scope of the operation.
//
// It is shared by the generator (internal/gen/crmendpoints) and by the catalog's tests,
// which re-derive the committed rows from the committed extract (catalog/testdata/
// crm-sources.tsv) without reading the sources again.
//
// # How the scope is derived
//
// The family (the scope without its operation) comes from the path and the crm-oas
// security list together:
//
//   - a record path (/crm/{v}/{module}/..., or a literal module such as /crm/{v}/Notes)
//     belongs to ZohoCRM.modules.{module}; /settings/X to ZohoCRM.settings.X; /users to
//     ZohoCRM.users; /org to ZohoCRM.org;
//   - the crm-oas security list names the families Zoho grants the operation with, coarse
//     and sometimes wrong (holidays under settings.recycle_bin, search under users). Its
//     narrowest family is used when it agrees with the path: its resource word is one of
//     the path's segments (singular or plural), or it is a per-module family
//     (ZohoCRM.share.{module}) on a record path. Otherwise the path's family is used.
//
// The operation is the HTTP method's, as CRM's "Select API Scopes" page defines the
// operation types (READ reads, CREATE creates, UPDATE updates, DELETE deletes): GET READ,
// POST CREATE, PUT and PATCH UPDATE, DELETE DELETE. Where Zoho's page for an operation says
// otherwise, the Overrides table holds the page's requirement and names the page.
//
// A derived scope the catalog does not hold falls back to the family's ALL, then to the
// group's ALL (ZohoCRM.settings.ALL, ZohoCRM.modules.ALL): the row never asks for a scope
// no Zoho source shows. Rows says which rows fell back.
package derive

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Op is one operation as a source spells it: a line of the extract.
type Op struct {
	Source   string   // repository@commit: "zoho/crm-oas@45dff2c"
	File     string   // file in that repository
	Name     string   // operationId (crm-oas) or Class.method (SDK)
	Method   string   // GET, POST, PUT, PATCH, DELETE
	Path     string   // as spelt: /crm/v8/{module_api_name}/{id}, /crm/v8/{moduleAPIName}/{id}
	Security []string // crm-oas security scopes (empty for the SDK)
}

// OAS reports whether the op comes from crm-oas (else from an SDK).
func (o Op) OAS() bool { return strings.Contains(o.Source, "crm-oas@") }

// Row is one endpoint row.
type Row struct {
	Method   string
	Path     string
	Requires [][]string
	Source   string
	Note     string // why the scope is not the derived narrow one (fallback), for the report
}

// The extract's columns, tab separated, one op a line; lines starting with # are comments.
const extractHeader = "# source\tfile\tname\tmethod\tpath\tsecurity"

// WriteExtract writes ops as the extract.
func WriteExtract(w io.Writer, comment string, ops []Op) error {
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimSpace(comment), "\n") {
		fmt.Fprintf(bw, "# %s\n", strings.TrimSpace(strings.TrimPrefix(l, "#")))
	}
	fmt.Fprintln(bw, extractHeader)
	for _, o := range ops {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\n", o.Source, o.File, o.Name, o.Method, o.Path, strings.Join(o.Security, ","))
	}
	return bw.Flush()
}

// ReadExtract parses the extract.
func ReadExtract(r io.Reader) ([]Op, error) {
	var ops []Op
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("extract line %d: %d fields, want 6", n, len(f))
		}
		o := Op{Source: f[0], File: f[1], Name: f[2], Method: f[3], Path: f[4]}
		if f[5] != "" {
			o.Security = strings.Split(f[5], ",")
		}
		ops = append(ops, o)
	}
	return ops, sc.Err()
}

// SortOps orders ops by source, file, name, method and path.
func SortOps(ops []Op) {
	slices.SortStableFunc(ops, func(a, b Op) int {
		return strings.Compare(a.Source+"\x00"+a.File+"\x00"+a.Name+"\x00"+a.Method+"\x00"+a.Path,
			b.Source+"\x00"+b.File+"\x00"+b.Name+"\x00"+b.Method+"\x00"+b.Path)
	})
}

// Template turns a source's path into the catalog's template: the version becomes {v}; a
// parameter in the first segment after the version becomes {module}; a related list's API
// name {related}; any other parameter {id}. A host (content.zohoapis.com) is dropped: the
// catalog matches *.zohoapis.* paths alone. ok is false for a path outside /crm/.
func Template(path string) (string, bool) {
	if i := strings.Index(path, "://"); i >= 0 { // https://content.zohoapis.com/crm/v8/upload
		_, p, _ := strings.Cut(path[i+3:], "/")
		path = "/" + p
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if len(segs) < 2 || segs[0] != "crm" {
		return "", false
	}
	v := -1
	for i, s := range segs {
		if i > 0 && i <= 2 && isVersion(s) {
			v = i
			break
		}
	}
	if v < 0 {
		return "", false
	}
	segs[v] = "{v}"
	for i := v + 1; i < len(segs); i++ {
		s := segs[i]
		if !strings.HasPrefix(s, "{") {
			continue
		}
		name := strings.ToLower(strings.Trim(s, "{}"))
		switch {
		case i == v+1 && v == 1:
			segs[i] = "{module}"
		case strings.HasPrefix(name, "relatedlist") || strings.HasPrefix(name, "related_list"):
			segs[i] = "{related}"
		default:
			segs[i] = "{id}"
		}
	}
	return "/" + strings.Join(segs, "/"), true
}

func isVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, r := range s[1:] {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}

// OperationOf is the operation type of an HTTP method (CRM "Select API Scopes").
func OperationOf(method string) string {
	switch method {
	case "GET":
		return "READ"
	case "POST":
		return "CREATE"
	case "PUT", "PATCH":
		return "UPDATE"
	case "DELETE":
		return "DELETE"
	}
	return ""
}

// Sources names the inputs of a run for the rows' source fields.
type Sources struct {
	OAS string // "zoho/crm-oas@45dff2c"
	SDK string // "github.com/zoho/zohocrm-nodejs-sdk-8.0@1157dc7"
}

// Known reports whether the catalog holds a scope (with {module} already filled in).
type Known func(scope string) bool

// Rows derives the endpoint rows of ops, sorted by path (placeholders first) then method. Ops outside /crm/ are
// left out. known is asked about every scope a row would require.
func Rows(ops []Op, known Known) []Row {
	type group struct {
		method, path string
		oas          []Op
		bySource     map[string][]Op // SDK ops by repository
	}
	groups := map[string]*group{}
	for _, o := range ops {
		t, ok := Template(o.Path)
		if !ok {
			continue
		}
		k := o.Method + " " + t
		g := groups[k]
		if g == nil {
			g = &group{method: o.Method, path: t, bySource: map[string][]Op{}}
			groups[k] = g
		}
		if o.OAS() {
			g.oas = append(g.oas, o)
		} else {
			g.bySource[o.Source] = append(g.bySource[o.Source], o)
		}
	}
	var rows []Row
	for _, g := range groups {
		var security []string
		for _, o := range g.oas {
			security = append(security, o.Security...)
		}
		r := Row{Method: g.method, Path: g.path}
		var src []string
		if len(g.oas) > 0 {
			src = append(src, sourceOf(g.oas))
		}
		sdks := make([]string, 0, len(g.bySource))
		for s := range g.bySource {
			sdks = append(sdks, s)
		}
		slices.Sort(sdks)
		for _, s := range sdks {
			src = append(src, sourceOf(g.bySource[s]))
		}
		if ov, ok := Overrides[g.method+" "+g.path]; ok {
			r.Requires = ov.Requires
			src = append(src, "scope: "+ov.Page)
		} else {
			scope, note := scopeOf(g.method, g.path, security, known)
			r.Requires = [][]string{{scope}}
			r.Note = note
			if segs := afterVersion(g.path); len(segs) > 1 && segs[0] == "settings" && SettingsFamilies[segs[1]].Page != "" {
				src = append(src, "scope: "+SettingsFamilies[segs[1]].Page)
			}
		}
		r.Source = strings.Join(src, "; ")
		rows = append(rows, r)
	}
	// Placeholders sort before literals, so that a call whose segment is known only at
	// run time lists the record row (/crm/{v}/{module}) before the literal modules.
	key := func(p string) string { return strings.ReplaceAll(p, "{", "\x01") }
	slices.SortFunc(rows, func(a, b Row) int {
		if c := strings.Compare(key(a.Path), key(b.Path)); c != 0 {
			return c
		}
		return strings.Compare(a.Method, b.Method)
	})
	return rows
}

// sourceOf names the ops of one source: "zoho/crm-oas@45dff2c v8.0/variables.json Get Variables",
// "github.com/zoho/zohocrm-nodejs-sdk-8.0@1157dc7 .../variables_operations.js
// VariablesOperations.getVariables" (the extract has the SDK file's whole path).
func sourceOf(ops []Op) string {
	ops = slices.Clone(ops)
	SortOps(ops)
	var b strings.Builder
	b.WriteString(ops[0].Source)
	lastFile := ""
	for i, o := range ops {
		if o.File != lastFile {
			if i > 0 {
				b.WriteString(";")
			}
			file := o.File
			if !o.OAS() { // lib/core/com/zoho/crm/api/variables/variables_operations.js
				file = ".../" + file[strings.LastIndex(file, "/")+1:]
			}
			b.WriteString(" " + file + " " + o.Name)
			lastFile = o.File
		} else {
			b.WriteString(", " + o.Name)
		}
	}
	return b.String()
}

// pathFamily is the family a path's shape says: "" when the path does not say.
func pathFamily(path string) string {
	segs := afterVersion(path)
	if len(segs) == 0 {
		return ""
	}
	switch s := segs[0]; {
	case s == "{module}":
		return "ZohoCRM.modules.{module}"
	case s == "settings" && len(segs) > 2 && segs[1] == "automation" && !strings.HasPrefix(segs[2], "{"):
		return "ZohoCRM.settings." + segs[2] // settings/automation/scoring_rules
	case s == "settings" && len(segs) > 1 && SettingsFamilies[segs[1]].Family != "":
		return SettingsFamilies[segs[1]].Family
	case s == "settings" && len(segs) > 1 && !strings.HasPrefix(segs[1], "{"):
		return "ZohoCRM.settings." + segs[1]
	case s == "users" || s == "org":
		return "ZohoCRM." + s
	case isModuleLiteral(s):
		return "ZohoCRM.modules." + moduleScopeUnderscored(s)
	}
	return ""
}

// afterVersion returns the segments after {v}.
func afterVersion(path string) []string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if s == "{v}" {
			return segs[i+1:]
		}
	}
	return nil
}

// isModuleLiteral reports a module API name spelt in a path (Notes, Contacts): module API
// names start with a capital letter, CRM's other path words do not.
func isModuleLiteral(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// moduleScope is a module's scope name: lower case without underscores, without the
// "__s" of a system module (Services__s is modules.services).
func moduleScope(apiName string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(apiName, "__s"), "_", ""))
}

// moduleScopeUnderscored is the other spelling the catalog uses for a few modules
// (Appointments_Rescheduled_History__s is modules.appointments_rescheduled_history).
func moduleScopeUnderscored(apiName string) string {
	return strings.ToLower(strings.TrimSuffix(apiName, "__s"))
}

var opWords = map[string]bool{"all": true, "read": true, "create": true, "update": true, "delete": true, "write": true, "custom": true}

// families returns the families of a security list (each scope without its operation),
// normalised: lower-case words, {module} for a module placeholder, a doubled
// "ZohoCRM.settings.ZohoCRM.settings.x" as written once.
func families(security []string) []string {
	var out []string
	for _, s := range security {
		s = strings.TrimSpace(s)
		if i := strings.LastIndex(s, "ZohoCRM."); i > 0 {
			s = s[i:]
		}
		if strings.HasPrefix(s, "settings.") { // fiscal_year.json omits the service
			s = "ZohoCRM." + s
		}
		parts := strings.Split(s, ".")
		if len(parts) < 2 || parts[0] != "ZohoCRM" {
			continue
		}
		if last := strings.ToLower(parts[len(parts)-1]); opWords[last] || last == "{operation_type}" {
			parts = parts[:len(parts)-1]
		}
		for i := 1; i < len(parts); i++ {
			if strings.HasPrefix(parts[i], "{") {
				parts[i] = "{module}"
			} else {
				parts[i] = strings.ToLower(parts[i])
			}
		}
		f := strings.Join(parts, ".")
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// perModule rewrites a family that names one module under a word of the path
// (ZohoCRM.mass_convert.quotes, ZohoCRM.send_mail.all on /crm/{v}/{module}/actions/mass_convert)
// as that family for the path's module: ZohoCRM.mass_convert.{module}.
func perModule(family, path string) string {
	parts := strings.Split(family, ".")
	segs := afterVersion(path)
	if len(parts) != 3 || len(segs) == 0 || parts[1] == "modules" || parts[1] == "settings" {
		return family
	}
	module := ""
	switch {
	case segs[0] == "{module}":
		module = "{module}"
	case isModuleLiteral(segs[0]):
		module = moduleScope(segs[0])
	default:
		return family
	}
	for _, s := range segs[1:] {
		if s == parts[1] {
			return "ZohoCRM." + parts[1] + "." + module
		}
	}
	return family
}

// agrees reports whether a crm-oas family agrees with the path.
func agrees(family, path string) bool {
	parts := strings.Split(family, ".")
	segs := afterVersion(path)
	if len(segs) == 0 || len(parts) < 2 {
		return false
	}
	record := segs[0] == "{module}" || isModuleLiteral(segs[0])
	word := parts[len(parts)-1]
	if word == "{module}" {
		return record
	}
	if len(parts) == 2 {
		switch word {
		case "modules":
			return record
		case "settings":
			return segs[0] == "settings"
		}
	}
	// Any word of the path, also before the version (/crm/bulk/{v}/read).
	for _, s := range strings.Split(strings.Trim(path, "/"), "/")[1:] {
		if sameWord(word, s) {
			return true
		}
	}
	// A per-module family names the module: ZohoCRM.modules.notes on /crm/{v}/Notes.
	if len(parts) == 3 && parts[1] == "modules" && isModuleLiteral(segs[0]) {
		return moduleScope(segs[0]) == word || moduleScopeUnderscored(segs[0]) == word
	}
	// crm-oas names some settings families by another word than the path's.
	if pathAliases[segs[0]] == family || len(segs) > 1 && segs[0] == "settings" && pathAliases[segs[1]] == family {
		return true
	}
	return false
}

// pathAliases pairs a path word (after the version, or after settings/) with the family crm-oas grants it under, where
// the two are spelt differently; each pair is crm-oas's own (the file named).
var pathAliases = map[string]string{
	"portals":             "ZohoCRM.settings.clientportal", // v8.0/portals.json, portal_user_type.json, user_type_users.json
	"unsubscribe_links":   "ZohoCRM.settings.unsubscribe",  // v8.0/unsubscribe_links.json
	"unsubscribe_link":    "ZohoCRM.settings.unsubscribe",  // v8.0/unsubscribe_links.json
	"inventory_templates": "ZohoCRM.templates.inventory",   // v8.0/inventory_templates.json
	"email_templates":     "ZohoCRM.templates.email",       // v8.0/email_templates.json
	"audit_log_export":    "ZohoCRM.settings.audit_logs",   // v8.0/audit_log_export.json
	// v8.0/zia_org_enrichment.json and zia_people_enrichment.json; the v7 pages
	// zia-enrichment/create-org-enrichment.html and get-org-config.html agree.
	"__zia_org_enrichment":    "ZohoCRM.settings.intelligence",
	"__zia_people_enrichment": "ZohoCRM.settings.intelligence",
}

// sameWord compares a scope word with a path segment, singular or plural.
func sameWord(word, seg string) bool {
	seg = strings.ToLower(seg)
	return word == seg || word+"s" == seg || word == seg+"s"
}

// scopeOf derives the scope of an operation that has no override, and says why when it
// falls back from the narrow scope.
func scopeOf(method, path string, security []string, known Known) (scope, note string) {
	op := OperationOf(method)
	pf := pathFamily(path)
	family := ""
	narrowest := 0
	for _, f := range families(security) {
		f = perModule(f, path)
		if segs := afterVersion(path); len(segs) > 0 && isModuleLiteral(segs[0]) {
			f = strings.ReplaceAll(f, "{module}", moduleScope(segs[0]))
		}
		n := strings.Count(f, ".")
		if agrees(f, path) && n > narrowest {
			family, narrowest = f, n
		}
	}
	switch {
	case family == "":
		family = pf
		if len(security) > 0 {
			note = "crm-oas security " + strings.Join(security, ",") + " disagrees with the path"
		}
	case pf != "" && strings.HasPrefix(pf, family+"."):
		family = pf // the path is narrower than the coarse grant (modules.ALL on a record path)
	}
	if family == "" {
		return "", "no family: no crm-oas security and the path names none"
	}
	fill := func(s string) string { return strings.ReplaceAll(s, "{module}", "leads") }
	cands := []string{family + "." + op}
	if alt := strings.ReplaceAll(family, "_", ""); strings.HasPrefix(family, "ZohoCRM.modules.") && alt != family {
		cands = []string{alt + "." + op, family + "." + op} // Services__s: modules.services
		family = alt
	}
	cands = append(cands, family+".ALL", groupOf(family)+".ALL")
	for _, cand := range cands {
		if known(fill(cand)) {
			if !strings.HasSuffix(cand, "."+op) || strings.Count(cand, ".") < strings.Count(family+"."+op, ".") {
				note = strings.TrimPrefix(note+"; "+family+"."+op+" not catalogued", "; ")
			}
			return cand, note
		}
	}
	return "", strings.TrimPrefix(note+"; nothing catalogued for "+family, "; ")
}

// groupOf is the group of a family: ZohoCRM.settings for ZohoCRM.settings.variables.
func groupOf(family string) string {
	parts := strings.Split(family, ".")
	if len(parts) > 2 {
		parts = parts[:2]
	}
	return strings.Join(parts, ".")
}

// FormatRow renders a row as one line of an endpoints file.
func FormatRow(r Row) string {
	var clauses []string
	for _, c := range r.Requires {
		var alts []string
		for _, a := range c {
			alts = append(alts, fmt.Sprintf("%q", a))
		}
		clauses = append(clauses, "["+strings.Join(alts, ", ")+"]")
	}
	return fmt.Sprintf("  - {method: %s, path: %q, requires: [%s], source: %q}",
		r.Method, r.Path, strings.Join(clauses, ", "), r.Source)
}

// FormatFile renders the generated endpoints file: header comment, then the rows.
func FormatFile(header string, rows []Row) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		b.WriteString(strings.TrimRight("# "+strings.TrimSpace(strings.TrimPrefix(l, "#")), " ") + "\n")
	}
	b.WriteString("endpoints:\n")
	for _, r := range rows {
		if len(r.Requires) == 0 || len(r.Requires[0]) == 0 || r.Requires[0][0] == "" {
			continue // no scope derivable: left out, listed by the generator
		}
		b.WriteString(FormatRow(r) + "\n")
	}
	return b.String()
}

// Header is the generated file's header comment, naming the sources of ops.
func Header(ops []Op) string {
	var srcs []string
	for _, o := range ops {
		if !slices.Contains(srcs, o.Source) {
			srcs = append(srcs, o.Source)
		}
	}
	slices.Sort(srcs)
	h := "Code generated by internal/gen/crmendpoints; DO NOT EDIT.\n\n" +
		"Zoho CRM endpoints, one row per (method, path template), from:\n"
	for _, s := range srcs {
		h += "  " + s + "\n"
	}
	h += "\nThe operations read are in catalog/testdata/crm-sources.tsv; how each scope is derived\n" +
		"is in internal/gen/crmendpoints/derive. To regenerate, see internal/gen/crmendpoints/main.go.\n"
	return h
}
