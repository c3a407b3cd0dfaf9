//go:build !(linux && (amd64 || arm64))

package dirwalk

import "os"

// lister reads directories with os.ReadDir.
type lister struct{}

func (lister) list(dir string) ([]*entry, error) {
	des, err := os.ReadDir(dir)
	out := make([]*entry, 0, len(des))
	for _, d := range des {
		out = append(out, &entry{name: d.Name(), typ: d.Type()})
	}
	return out, err
}
