package redact

import (
	"bytes"
	"io"
	"sync"
)

// Writer shortens the credentials in what passes through it, line by line (a credential
// never spans lines). It holds back an unfinished line until the next write completes it or
// Flush is called. It is safe for concurrent use.
type Writer struct {
	mu      sync.Mutex
	w       io.Writer
	reg     *Registry
	pending []byte
}

// NewWriter returns a Writer to w that also shortens what reg remembers (reg may be nil).
func NewWriter(w io.Writer, reg *Registry) *Writer { return &Writer{w: w, reg: reg} }

// Write redacts and writes every complete line of p; it reports len(p) on success.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pending = append(w.pending, p...)
	i := bytes.LastIndexByte(w.pending, '\n')
	if i < 0 {
		return len(p), nil
	}
	if err := w.emit(w.pending[:i+1]); err != nil {
		return 0, err
	}
	w.pending = append(w.pending[:0], w.pending[i+1:]...)
	return len(p), nil
}

// Flush writes what is held back.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.pending) == 0 {
		return nil
	}
	err := w.emit(w.pending)
	w.pending = w.pending[:0]
	return err
}

func (w *Writer) emit(lines []byte) error {
	_, err := io.WriteString(w.w, w.reg.String(string(lines)))
	return err
}
