package httpcalls_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zscopelint/zscopelint/httpcalls"
	"github.com/zscopelint/zscopelint/srclex"
)

// FuzzFind: no input makes the lexer or the finder panic or loop (they run on every file
// of a repository that holds a needle).
func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob("testdata/corpus/*")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"`${", "f'{", "\"{$", "<?php \"$a->", "<<<A\n$x\n", "a(b(", "x = `${`${`", "'''", "/[/]/", "curl_setopt($c, CURLOPT_POST", "def f(:", "fetch(`${a}`"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, lang := range []srclex.Lang{srclex.JS, srclex.Python, srclex.PHP} {
			httpcalls.Find(lang, src)
			if lang == srclex.PHP {
				httpcalls.Find(lang, append([]byte("<?php "), src...))
			}
		}
	})
}
