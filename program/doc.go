// Package program knows the programs of a repository and the Zoho API calls each makes:
// it decides which calls judge which scope set.
//
// A program is
//   - a Go main package, with every package it imports;
//   - a Go module root, for the files that belong to the module as a whole (its config
//     files, its packages outside any main package's directory), with every package
//     below it;
//   - for other languages, the directory of the nearest manifest: package.json,
//     pyproject.toml, setup.py or requirements.txt, composer.json, pom.xml or
//     build.gradle, *.csproj, Gemfile;
//   - a repository with no manifest: one program.
//
// A file belongs to the nearest enclosing program root (Layout.RootOf); a Go file belongs
// to its package's program, whatever manifests of other languages lie between.
//
// The front ends report into one Programs: the Go front end its builds (packages, their
// imports and their own calls), other front ends the calls they find with the file that
// holds each, and every front end the files it checked. A scope set is judged only against
// the calls of its own program (Programs.EvidenceFor), so that a Go back end's calls never
// judge the scopes of the web front end beside it.
package program
