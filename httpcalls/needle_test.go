package httpcalls_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/httpcalls"
	"github.com/zscopelint/zscopelint/srclex"
)

func TestNeedle(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		"fetch('https://www.ZOHOAPIS.com/x')": true,
		"const ZohoClient = 1":                true,
		"fetch('/crm/v8/users')":              true,
		"axios.get('/api/users')":             false,
		"zo ho Zoh":                           false,
		"":                                    false,
	} {
		if got := httpcalls.Needle([]byte(src)); got != want {
			t.Errorf("Needle(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestManifestSDKs(t *testing.T) {
	t.Parallel()
	for manifest, want := range map[string][]httpcalls.SDK{
		`{"dependencies": {"@zohocrm/nodejs-sdk-8.0": "3.0.0"}}`:     {{Lang: srclex.JS, Major: 8}},
		"flask==3.0\nzohocrmsdk8_0==2.0.0\n":                         {{Lang: srclex.Python, Major: 8}},
		`dependencies = ["zohocrmsdk7-0>=1.0"]`:                      {{Lang: srclex.Python, Major: 7}},
		`{"require": {"zohocrm/php-sdk-8.0": "^2.0"}}`:               {{Lang: srclex.PHP, Major: 8}},
		`{"dependencies": {"@zohocrm/typescript-sdk-8.0": "1.0.0"}}`: nil,
	} {
		if got := httpcalls.ManifestSDKs([]byte(manifest)); !cmp.Equal(got, want) {
			t.Errorf("ManifestSDKs(%q) = %v, want %v", manifest, got, want)
		}
	}
}
