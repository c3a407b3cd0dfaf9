package rules

import (
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/redact"
)

// The OAuth hygiene checks (ZS301-ZS303) look at strings as a whole rather than at scope
// sets: tokens and secrets written into source, malformed authorization requests, and one
// credential aimed at several environments.

var (
	checkCredential  = checkOf("ZS301")
	checkAuthRequest = checkOf("ZS302")
	checkEnvMix      = checkOf("ZS303")
)

// Text is one string value: a Go string constant, a YAML or JSON scalar, an .env value, a
// string literal of another language.
type Text struct {
	Value string
	Key   string // the key, field or variable it is assigned to, "" when none
	File  string
	// ClientSide marks HTML and JavaScript, which browsers download.
	ClientSide bool
	// RuntimeBraces says {name} may be filled at run time (Python format strings, PHP),
	// so it is not an unfilled placeholder.
	RuntimeBraces bool
}

// TextFinding is a finding at bytes [Start, End) of a Text's value.
type TextFinding struct {
	Finding
	Start, End int
}

// CheckText applies the text checks (ZS301, ZS302) to one string.
func (e *Engine) CheckText(t Text) []TextFinding {
	if e.Policy.Excluded(t.File) || !TextMayMatter(t.Value) {
		return nil
	}
	return runRules(e, textRules, t, func(f *TextFinding) *Finding { return &f.Finding })
}

// credentials is ZS301: a Zoho token anywhere in the string, or a client secret assigned
// to a key named like one.
func (e *Engine) credentials(t Text) []TextFinding {
	var out []TextFinding
	for _, sp := range FindTokens(t.Value) {
		out = append(out, e.credentialFinding(t, [2]int{sp.Start, sp.End}, "Zoho OAuth token"))
	}
	if len(out) == 0 && t.Key != "" && redact.SecretKey(t.Key) {
		if v := strings.TrimSpace(t.Value); looksLikeSecret(v) {
			start := strings.Index(t.Value, v)
			out = append(out, e.credentialFinding(t, [2]int{start, start + len(v)}, "client secret"))
		}
	}
	return out
}

// TextMayMatter is a cheap first look, for the extractors too (a string for which it is
// false is not worth handing over): every text finding needs "1000." (a token), a long
// alphanumeric run (a secret), or "/auth" (an authorization URL).
func TextMayMatter(s string) bool {
	return strings.Contains(s, "1000.") || strings.Contains(s, "auth") || len(s) >= 30
}

// CredentialText is something shaped like a credential at byte Start of a text: a token, or
// a value after a client-secret key (Key).
type CredentialText struct {
	Value, Key string
	Start      int
}

// CredentialTexts gives what a scan of raw text (a file's bytes, a comment) found shaped
// like a credential, for CheckText to judge: the sweep that finds tokens and secrets in
// comments, prose and files of any kind, where no extractor looks.
func CredentialTexts(data []byte, found redact.Found) []CredentialText {
	var out []CredentialText
	for _, loose := range found.Tokens {
		// A token is a shape of a loose scan; the strict one, with a byte of context on
		// each side, decides whether it is a finding.
		from, to := max(0, loose.Start-1), min(len(data), loose.End+1)
		for _, t := range redact.TokensIn(data[from:to], true) {
			out = append(out, CredentialText{Value: string(data[from+t.Start : from+t.End]), Start: from + t.Start})
		}
	}
	for _, a := range found.Assignments {
		out = append(out, CredentialText{Value: string(data[a.Value.Start:a.Value.End]), Key: string(data[a.Key.Start:a.Key.End]), Start: a.Value.Start})
	}
	return out
}

// WithholdReason says why no fix is offered in a file, or "" when fixes are: a file that
// holds anything shaped like a credential (found or not, suppressed or not, in a comment or
// not) would have it printed in a diff's context lines. The one rule for every front end.
func WithholdReason(src []byte) string {
	if line, ok := redact.Holds(src); ok {
		return fmt.Sprintf("fix withheld: the file holds a credential (line %d), which a diff would print; remove it to get fixes", line)
	}
	return ""
}

func (e *Engine) credentialFinding(t Text, sp [2]int, what string) TextFinding {
	secret := t.Value[sp[0]:sp[1]]
	red := redact.Short(secret)
	msg := fmt.Sprintf("%s %s (%d characters) is written in the source: anyone who reads the repository can use it; load it from the environment or a secret store, and revoke this one", what, red, len(secret))
	if t.ClientSide {
		msg = fmt.Sprintf("%s %s (%d characters) is in client-side code that every browser downloads (Zoho: never expose tokens in HTML or JavaScript); keep it on the server, and revoke this one", what, red, len(secret))
	}
	return TextFinding{Finding: Finding{Check: checkCredential(), Severity: checkCredential().Severity,
		Scope: red, Message: msg}, Start: sp[0], End: sp[1]}
}

// FindTokens finds Zoho access, refresh and grant tokens (1000. + 32 hex + . + 32 hex)
// that are not obvious fakes (few distinct digits, as in 1000.xxxx or 1000.0000...).
func FindTokens(s string) []redact.Span { return redact.Tokens(s, true) }

func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}

// looksLikeSecret accepts what Zoho issues as client secrets: 30 to 64 letters and digits,
// varied enough not to be a placeholder.
func looksLikeSecret(v string) bool {
	if len(v) < 30 || len(v) > 64 {
		return false
	}
	digits, letters := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters++
		default:
			return false
		}
	}
	return digits > 0 && letters > 0 && redact.Distinct(v) >= 12
}

// authRequests applies ZS302 to the Zoho authorization URLs in a string.
func (e *Engine) authRequests(t Text) []TextFinding {
	var out []TextFinding
	for _, u := range findAuthURLs(t.Value) {
		problems := authProblems(t.Value[u[0]:u[1]], t.RuntimeBraces)
		if len(problems) == 0 {
			continue
		}
		out = append(out, TextFinding{Finding: Finding{Check: checkAuthRequest(), Severity: checkAuthRequest().Severity,
			Scope:   "authorization request",
			Message: "Zoho authorization request: " + strings.Join(problems, "; ")}, Start: u[0], End: u[1]})
	}
	return out
}

// findAuthURLs finds URLs that reach Zoho's authorization endpoint: /oauth/v2/auth on
// any host (the host is judged after), or /clientoauth/v2/<portal>/auth.
func findAuthURLs(s string) [][2]int {
	var out [][2]int
	for from := 0; from < len(s); {
		i := indexAuthPath(s[from:])
		if i < 0 {
			break
		}
		i += from
		start := i
		for start > 0 && !urlStop(s[start-1]) {
			start--
		}
		end := i
		for end < len(s) && !urlStop(s[end]) {
			end++
		}
		out = append(out, [2]int{start, end})
		from = end + 1
	}
	return out
}

func indexAuthPath(s string) int {
	paths := catalog.AuthRequest().Paths
	a := strings.Index(s, paths.Auth)
	for a >= 0 {
		// Not /oauth/v2/authorize or the like; /oauth/v2/auth? or end.
		rest := s[a+len(paths.Auth):]
		if rest == "" || rest[0] == '?' || rest[0] == '#' || urlStop(rest[0]) {
			break
		}
		next := strings.Index(rest, paths.Auth)
		if next < 0 {
			a = -1
			break
		}
		a += len(paths.Auth) + next
	}
	c := strings.Index(s, paths.PortalAuth)
	switch {
	case a < 0:
		return c
	case c < 0 || a < c:
		return a
	}
	return c
}

// DetectProduct is the product that the strings written in a file or a package show —
// string constants in code, values in configuration, never comments: Zoho Vertical
// Solutions when one holds a portal's authorization path (catalog/oauth.yaml's
// portal_auth, /clientoauth/v2/), Zoho CRM otherwise (SPEC §1). It is the one product
// detector of every front end, so that the same URL decides alike in Go and in a config
// file, and a comment that quotes the path decides nothing in either.
func DetectProduct(texts iter.Seq[string]) catalog.Product {
	portal := catalog.AuthRequest().Paths.PortalAuth
	for t := range texts {
		if strings.Contains(t, portal) {
			return catalog.VerticalSolutions
		}
	}
	return catalog.CRM
}

func urlStop(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '(' || c == ')'
}

// authProblems lists what is wrong with one authorization URL: nil when it is no Zoho
// authorization endpoint, else what each of authRules finds, in their order.
func authProblems(raw string, runtimeBraces bool) []string {
	r := parseAuthRequest(raw, runtimeBraces)
	if !r.zoho() {
		return nil
	}
	var problems []string
	for _, rule := range authRules {
		problems = append(problems, rule(r)...)
	}
	return problems
}

// authRequest is one authorization URL taken apart once, for the rules that judge it.
type authRequest struct {
	placeholders []string // unfilled placeholders ({client_id}, <redirect_uri>)
	scheme, host string   // "" when the URL shows none (a path alone)
	portal       bool     // a Vertical Solutions portal's /clientoauth/v2/ URL: its host is the portal's
	// complete says the query is all there: not cut off (it ends in ? & or =, the rest is
	// added at run time) nor completed by a placeholder (?${params}). A URL without a query
	// is not complete either: its query is built at run time.
	complete bool
	// endpointOnly says the query holds only what an OAuth library's endpoint URL holds
	// (catalog's endpoint_params): the library adds the rest.
	endpointOnly bool
	params       map[string]string // the query's parameters by lower-case name
}

func parseAuthRequest(raw string, runtimeBraces bool) *authRequest {
	spec := catalog.AuthRequest()
	r := &authRequest{placeholders: placeholders(raw, runtimeBraces), params: map[string]string{}, endpointOnly: true}
	pathAt := strings.Index(raw, spec.Paths.Auth)
	if c := strings.Index(raw, spec.Paths.PortalAuth); c >= 0 {
		r.portal = true
		if pathAt < 0 || c < pathAt {
			pathAt = c
		}
	}
	if schemeAt := strings.Index(raw, "://"); schemeAt >= 0 && schemeAt+len("://") <= pathAt {
		r.scheme = strings.ToLower(raw[:schemeAt])
		r.host, _, _ = strings.Cut(raw[schemeAt+len("://"):pathAt], "/")
	}
	q := strings.IndexByte(raw, '?')
	if q < 0 {
		return r
	}
	query, _, _ := strings.Cut(raw[q+1:], "#")
	r.complete = query != "" && !strings.HasSuffix(query, "&") && !strings.HasSuffix(query, "=")
	for _, kv := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if k == "" {
			continue
		}
		if hasPlaceholder(k) || strings.Index(v, "${") > 0 {
			// ?${params}, &{{ query }}: the rest of the query is filled in; so may it be
			// by a hole glued to a value (?response_type=code${extra}, or "...=code" + extra
			// as the extractors read a concatenation).
			r.complete = false
		}
		k = strings.ToLower(k)
		r.params[k] = v
		r.endpointOnly = r.endpointOnly && spec.IsEndpointParam(k)
	}
	return r
}

// zoho reports whether the URL is a Zoho authorization endpoint: a portal's, one that
// shows no host or a host filled in at run time, or one on an accounts server, known or
// meant as one (a misspelt one is a problem, another host is someone else's endpoint).
func (r *authRequest) zoho() bool {
	if r.scheme == "" || r.portal || hasPlaceholder(r.host) {
		return true
	}
	_, known := catalog.AccountsServer(r.host)
	return known || catalog.LooksLikeAccountsServer(r.host)
}

// authRules are ZS302's checks of one authorization request, one small rule each.
var authRules = []func(*authRequest) []string{
	unfilledPlaceholders,
	plainHTTP,
	unknownAccountsServer,
	missingParams,
	restrictedValues,
}

func unfilledPlaceholders(r *authRequest) []string {
	var unfilled []string
	for _, p := range r.placeholders {
		if !r.dataCentrePlaceholder(p) {
			unfilled = append(unfilled, p)
		}
	}
	if len(unfilled) == 0 {
		return nil
	}
	return []string{"unfilled placeholder " + strings.Join(unfilled, ", ") + " (copied from Zoho's docs?)"}
}

// dataCentrePlaceholder reports whether placeholder p stands for the data centre's domain
// in an accounts host (https://accounts.{location}/oauth/v2/auth): an integration framework
// fills it with the user's data centre at run time, as Zoho's docs never write it. A
// placeholder for the whole host ({{Accounts-URL}}) is Zoho's docs' and stays reported.
func (r *authRequest) dataCentrePlaceholder(p string) bool {
	host := strings.ToLower(r.host)
	return strings.HasPrefix(host, "accounts.") && strings.Contains(r.host[len("accounts."):], p)
}

func plainHTTP(r *authRequest) []string {
	if r.scheme != "http" {
		return nil
	}
	return []string{"http:// sends the request and its grant code unencrypted; use https://"}
}

func unknownAccountsServer(r *authRequest) []string {
	if r.scheme == "" || r.portal || hasPlaceholder(r.host) {
		return nil
	}
	if _, ok := catalog.AccountsServer(r.host); ok {
		return nil
	}
	return []string{fmt.Sprintf("unknown accounts server %s (want one of %s)", r.host, accountsList())}
}

// missingParams: a complete request lacks a parameter Zoho requires. An endpoint URL an
// OAuth library completes is not a complete request.
func missingParams(r *authRequest) []string {
	if !r.complete || r.endpointOnly {
		return nil
	}
	var out []string
	for _, req := range catalog.AuthRequest().Required {
		if _, ok := r.params[req]; !ok {
			out = append(out, "missing "+req)
		}
	}
	return out
}

// restrictedValues: a parameter whose value Zoho restricts has another one.
func restrictedValues(r *authRequest) []string {
	var out []string
	for _, pv := range catalog.AuthRequest().Values {
		v, ok := r.params[pv.Param]
		if ok && v != "" && !hasPlaceholder(v) && !slices.Contains(pv.Allowed, v) {
			out = append(out, fmt.Sprintf("%s=%s (%s)", pv.Param, v, pv.Want))
		}
	}
	return out
}

func accountsList() string {
	var names []string
	for _, dc := range catalog.DataCentres() {
		names = append(names, dc.Accounts)
	}
	return strings.Join(names, ", ")
}

// placeholders lists the unfilled placeholders in s: {name}, {{name}}, <name>. Placeholders
// filled at run time are not: fmt verbs (%s), ${name}, Go templates ({{.Name}}), PHP {$x},
// and {name} where the language fills braces (runtimeBraces).
func placeholders(s string, runtimeBraces bool) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			if i > 0 && s[i-1] == '$' {
				continue
			}
			double := strings.HasPrefix(s[i:], "{{")
			closeTok, open := "}", 1
			if double {
				closeTok, open = "}}", 2
			}
			j := strings.Index(s[i+open:], closeTok)
			if j < 0 {
				continue
			}
			inner := strings.TrimSpace(s[i+open : i+open+j])
			end := i + open + j + len(closeTok)
			switch {
			case inner == "" || strings.HasPrefix(inner, ".") || strings.HasPrefix(inner, "$"):
			case !double && runtimeBraces:
			default:
				add(s[i:end])
			}
			i = end - 1
		case '<':
			j := strings.IndexByte(s[i:], '>')
			if j > 1 && isIdent(s[i+1:i+j]) {
				add(s[i : i+j+1])
				i += j
			}
		}
	}
	sort.Strings(out)
	return out
}

// hasPlaceholder reports whether s holds any placeholder, filled at run time or not.
func hasPlaceholder(s string) bool {
	if strings.ContainsAny(s, "{}<>$") {
		return true
	}
	for _, verb := range []string{"%s", "%v", "%d", "%q"} {
		if strings.Contains(s, verb) {
			return true
		}
	}
	return false
}

func isIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// normKey lowercases a key and drops _ - and . so that client_secret, clientSecret and
// CLIENT-SECRET compare equal.
func normKey(key string) string {
	b := make([]byte, 0, len(key))
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c == '_' || c == '-' || c == '.':
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// CredentialBlock is a mapping, struct or file that holds a credential and names API or
// accounts hosts (ZS303).
type CredentialBlock struct {
	File  string
	Key   string   // the credential's key
	Hosts []string // every Zoho host the block's values name
}

// CheckBlock applies the block checks (ZS303) to a mapping that holds a credential.
func (e *Engine) CheckBlock(b CredentialBlock) []Finding {
	if e.Policy.Excluded(b.File) {
		return nil
	}
	return runRules(e, blockRules, b, func(f *Finding) *Finding { return f })
}

// environmentMix is ZS303: a token is bound to one org in one environment of one data
// centre, so one credential beside hosts of several environments or data centres cannot
// work for all of them.
func (e *Engine) environmentMix(b CredentialBlock) []Finding {
	envs := map[string]bool{}
	dcs := map[string]bool{}
	for _, h := range b.Hosts {
		if env, dc, ok := catalog.APIHost(h); ok {
			envs[env] = true
			dcs[dc.Name] = true
		} else if dc, ok := catalog.AccountsServer(h); ok {
			dcs[dc.Name] = true
		}
	}
	if len(envs) < 2 && len(dcs) < 2 {
		return nil
	}
	var what []string
	if len(envs) >= 2 {
		what = append(what, "environments "+strings.Join(sortedKeys(envs), ", "))
	}
	if len(dcs) >= 2 {
		what = append(what, "data centres "+strings.Join(sortedKeys(dcs), ", "))
	}
	return []Finding{{Check: checkEnvMix(), Severity: checkEnvMix().Severity, Scope: b.Key,
		Message: fmt.Sprintf("%s is used with %s; since May 2020 a Zoho token belongs to one org in one environment (production, sandbox or developer) of one data centre: keep one credential per environment", b.Key, strings.Join(what, " and "))}}
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// IsCredentialKey reports whether a key holds a token that is bound to one environment:
// refresh_token, access_token, ZOHO_REFRESH_TOKEN, oauthToken, grant_token.
func IsCredentialKey(key string) bool {
	if key == "" {
		return false
	}
	k := normKey(key)
	for _, s := range []string{"refreshtoken", "accesstoken", "granttoken", "oauthtoken", "authtoken"} {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

// ZohoHosts lists the Zoho API and accounts hosts named in a string.
func ZohoHosts(s string) []string {
	var out []string
	for _, marker := range []string{".zohoapis.", "accounts.zoho"} {
		for from := 0; ; {
			i := strings.Index(s[from:], marker)
			if i < 0 {
				break
			}
			i += from
			start := i
			for start > 0 && (isWordChar(s[start-1]) || s[start-1] == '-') {
				start--
			}
			end := i + len(marker)
			for end < len(s) && (isWordChar(s[end]) || s[end] == '-') {
				end++
			}
			out = append(out, strings.TrimSuffix(s[start:end], "."))
			from = end
		}
	}
	return out
}

// CredentialValues gives every credential-shaped value a text holds, whether or not ZS301
// is enabled or suppressed where it is: a token of any case, a client secret after a
// secret key (the text's own or one written inside it, as in JSON held in a string), and
// a token hidden by escaped or URL-encoded dots or base64. A file holding any of them gets
// no fix (a diff would print it), and output shortens every one of them.
func CredentialValues(t Text) []string {
	var out []string
	for _, sp := range redact.Tokens(t.Value, false) {
		out = append(out, t.Value[sp.Start:sp.End])
	}
	if t.Key != "" && redact.SecretKey(t.Key) {
		if v := strings.TrimSpace(t.Value); looksLikeSecret(v) {
			out = append(out, v)
		}
	}
	for _, a := range redact.Assignments(t.Value) {
		out = append(out, t.Value[a.Value.Start:a.Value.End])
	}
	for _, d := range redact.Decoded(t.Value) {
		for _, sp := range redact.Tokens(d, false) {
			out = append(out, d[sp.Start:sp.End])
		}
	}
	return out
}
