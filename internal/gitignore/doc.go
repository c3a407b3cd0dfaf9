// Package gitignore decides, as git does, which paths the patterns of .gitignore files and
// of .git/info/exclude ignore, without running git: zscopelint must work where git is not
// installed and must not check build output (dist/, .next/) or the git-ignored .env.local a
// developer keeps beside the code.
//
// The patterns follow gitignore(5):
//
//   - blank lines match nothing; a line starting with # is a comment (\# is a literal #);
//   - trailing spaces are dropped unless escaped with a backslash;
//   - a leading ! negates the pattern, re-including what an earlier one excluded (\! is a
//     literal !);
//   - a trailing / matches directories only;
//   - a / at the start or in the middle anchors the pattern to the directory of the file
//     that holds it; without one, the pattern matches a name at any depth below it;
//   - * matches anything but /, ? one character but /, [...] one character of a class
//     ([!...] or [^...] negated, ranges, [:alpha:] classes), never /;
//   - a leading **/ matches in every directory, a trailing /** everything inside, and /**/
//     zero or more directories; other consecutive asterisks are plain asterisks.
//
// Within one file the last pattern that matches decides; a file in a deeper directory
// takes precedence over one above it, and every .gitignore over .git/info/exclude. As in
// git, a path below an ignored directory cannot be re-included: a Matcher is used by a walk
// that does not enter ignored directories. Matching is case-sensitive (core.ignoreCase
// and core.excludesFile, which need git's configuration, are not read).
package gitignore
