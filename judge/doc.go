// Package judge is the one pipeline that turns what a front end found into findings.
//
// The Go analyzer and the config checker only extract: scope sets with where each
// element is and how it can be edited, string values for the hygiene checks, blocks that
// hold a credential, and the suppression directives of each file. Judge runs the rules
// engine on them, drops what a directive suppresses, reports directives that are
// malformed or suppressed nothing (ZS002), turns the engine's fixes into edits and
// withholds every fix in a file that holds a credential. Each of those rules is written
// here once; positions stay in the front end's own terms (a token.Pos, a byte offset).
package judge
