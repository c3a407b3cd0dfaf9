// Package srclex turns a JavaScript/TypeScript, Python or PHP source file into a stream of
// tokens, without parsing it: identifiers, numbers, punctuation with its brackets matched,
// and string literals with their escapes decoded. Strings that interpolate (JS template
// literals, Python f-strings, PHP double-quoted strings and heredocs) keep their pieces:
// literal text and holes, each hole tokenised in turn, so that a hole holding a call
// (`${encodeURIComponent(r)}`) is one hole and no bracket inside it ends the string.
// Comments are skipped; PHP text outside <?php ... ?> is skipped.
//
// It is the lexical front end's one lexer per language: what the front ends want to know
// about a file (the API requests it makes, the scope lists it holds) is read from tokens,
// not from bytes.
package srclex
