// Package demo holds the embedded sample site and answers file that
// `didi demo` scans: a few pages in Dutch and French with typical problems.
package demo

import (
	"embed"
	"io/fs"
)

//go:embed site
var site embed.FS

//go:embed answers.yaml
var answers []byte

// Site returns the sample site's files, index.html at the root.
func Site() fs.FS {
	sub, err := fs.Sub(site, "site")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}

// Answers returns the sample answers file.
func Answers() []byte { return answers }
