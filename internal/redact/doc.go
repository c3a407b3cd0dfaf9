// Package redact is the one place where credentials are recognised and shortened.
//
// Everything zscopelint prints or writes for people (findings in every format, -why,
// diffs, relayed parser and type-checker messages, policy and catalog errors, baselines)
// passes a Writer from this package, so that no output path can print a Zoho token or
// client secret in full, whatever produced the text. Three things are shortened:
//
//   - anything shaped like a Zoho OAuth token: "1000." + 32 hex + "." + 32 hex, in any
//     case (a directive parser may have upper-cased it), placeholders included;
//   - the value after a key that names a client secret (client_secret, clientSecret,
//     ZOHO_CLIENT_SECRET_PROD, zoho.client_secret, in any case, with any prefix or suffix);
//   - any 16-byte piece of a credential that an input was seen to hold (Remember), so that a
//     message quoting part of one (a parser's "found 3f2a9c…") is shortened too.
//
// The same recognisers decide which files hold a credential (Holds), the rule that
// withholds fixes from them: a diff prints context lines.
package redact
