// Package resultcache stores what checking an unchanged input found, so that a later run
// reads the result instead of parsing and type-checking the input again, as go vet's
// result cache lets it answer unchanged packages.
//
// The cache is a directory of files named by the hex key the caller computes (a hash of
// everything that decides the result): Open names it, Get and Put read and write one
// entry. It holds no policy of its own about what a key covers or whether a value may be
// stored; callers decide both (the zscopelint command stores nothing for a package whose
// files hold a credential).
//
// The directory is os.UserCacheDir()/zscopelint unless the ZSCOPELINT_CACHE environment
// variable names another, or is "off" to switch the cache off. It is safe under runs at
// once (an entry is written to a temporary file and renamed into place, so a reader sees
// a whole entry or none), every entry carries the SHA-256 of its value so that a corrupt
// or truncated one reads as a miss, and it is bounded in size: once an hour at most, a run
// that wrote entries removes the least recently used ones until the directory is under
// MaxBytes.
package resultcache
