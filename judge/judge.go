package judge

import (
	"strings"
	"sync"

	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/suppress"
)

// Pos is a position in the front end's own terms: a token.Pos in the Go analyzer, a byte
// offset of the file in the config checker. Judge only carries it and asks Source.Line.
type Pos int

// Span is the positions [Start, End) of something found.
type Span struct{ Start, End Pos }

// Element is one element of a scope set: the rules item, where it is, and what bytes an
// edit of it may change.
type Element struct {
	rules.Item
	At Span
	// Replace is the bytes that hold exactly the element's text, nil if none do (an
	// escape, or a part that comes from a named constant): only then can it be replaced.
	Replace *Span
	// Remove is what to delete to drop the element and keep its list well formed, nil if
	// it cannot be dropped alone.
	Remove *Span
	// ListSeparator is set for a whole quoted element of a list literal, which can become
	// several: what to write between the scopes it expands to (`", "` in Go). Empty, an
	// expansion writes the engine's comma-joined replacement.
	ListSeparator string
}

// Set is a scope set and its elements.
type Set struct {
	rules.Set
	Elements []Element
}

// Add appends an element to the set and to the items the engine judges.
func (s *Set) Add(e Element) {
	s.Elements = append(s.Elements, e)
	s.Items = append(s.Items, e.Item)
}

// Text is a string value for the hygiene checks (ZS301, ZS302).
type Text struct {
	rules.Text
	// Locate maps bytes [start, end) of the value to where they are; false when the
	// bytes are reported elsewhere (inside a named constant, at its declaration).
	Locate func(start, end int) (Span, bool)
}

// Block is a mapping or struct that holds a credential (ZS303), at its key.
type Block struct {
	rules.CredentialBlock
	At Span
}

// Directives are the suppression directives of one file.
type Directives struct {
	File string
	Set  *suppress.Set
	// At is the position of a line and byte column of the file.
	At func(line, col int) Pos
}

// Yield is what a front end extracted from one file or package.
type Yield struct {
	Sets       []Set
	Texts      []Text
	Blocks     []Block
	Directives []Directives
}

// Source is what Judge asks the front end about its input.
type Source struct {
	// Line gives the file and line of a position: directives apply by line.
	Line func(Pos) (file string, line int)
	// Bytes gives a file's contents, for the fix-withholding rule; nil or a nil result
	// withholds nothing.
	Bytes func(file string) []byte
	// Remember, when set, is given every credential-shaped value the texts hold, so that
	// output shortens it in whatever form a message quotes it.
	Remember func(secrets ...string)
}

// Edit replaces the bytes At with New.
type Edit struct {
	At  Span
	New string
}

// Finding is an engine finding, positioned, with its edit.
type Finding struct {
	rules.Finding
	At Span
	// Edit is the change the finding's fix makes, nil when the engine has none or the
	// element's bytes allow none.
	Edit *Edit
	// Withheld says why a fix is not offered (a credential in the file), "" if none is.
	Withheld string
}

// WhySet is a scope set judged against the program's calls, for -why.
type WhySet struct {
	At     Pos
	Scopes []string
	Calls  []rules.Call
}

// Judge runs the engine on everything a front end extracted and returns the findings, in
// the order found, and the sets judged against calls.
func Judge(eng *rules.Engine, y Yield, src Source) ([]Finding, []WhySet) {
	j := judgement{eng: eng, src: src, directives: map[string]*suppress.Set{}}
	for _, d := range y.Directives {
		j.directives[d.File] = d.Set
	}
	var why []WhySet
	for _, s := range y.Sets {
		if len(s.Elements) == 0 {
			continue
		}
		if calls := eng.Why(s.Set); len(calls) > 0 {
			scopes := make([]string, len(s.Items))
			for i, it := range s.Items {
				scopes[i] = it.Text
			}
			why = append(why, WhySet{At: s.Elements[0].At.Start, Scopes: scopes, Calls: calls})
		}
		for _, f := range eng.Check(s.Set) {
			el := s.Elements[f.Item]
			j.keep(Finding{Finding: f, At: el.At, Edit: el.edit(f.Fix)})
		}
	}
	j.holding = map[string]bool{}
	for _, t := range y.Texts {
		// Known whether or not ZS301 is enabled or suppressed: a diff of the file would
		// print the value all the same.
		if vs := rules.CredentialValues(t.Text); len(vs) > 0 {
			j.holding[j.fileOf(t)] = true
			if src.Remember != nil {
				src.Remember(vs...)
			}
		}
		for _, f := range eng.CheckText(t.Text) {
			if at, ok := t.Locate(f.Start, f.End); ok {
				j.keep(Finding{Finding: f.Finding, At: at})
			}
		}
	}
	for _, b := range y.Blocks {
		for _, f := range eng.CheckBlock(b.CredentialBlock) {
			j.keep(Finding{Finding: f, At: b.At})
		}
	}
	j.withholdFixes()
	// Last: a directive is unused only once every finding it could suppress was seen.
	j.directiveProblems(y.Directives)
	return j.out, why
}

// checkDirective() is ZS002, looked up on first use (rules.Checks).
var checkDirective = sync.OnceValue(func() *rules.Check {
	c, _ := rules.CheckByID("ZS002")
	return c
})

type judgement struct {
	holding    map[string]bool // files a text of which holds a credential
	eng        *rules.Engine
	src        Source
	directives map[string]*suppress.Set
	out        []Finding
}

// keep adds a finding unless a directive of its file suppresses it.
func (j *judgement) keep(f Finding) {
	file, line := j.src.Line(f.At.Start)
	if d := j.directives[file]; d != nil && d.Suppressed(f.Check.ID, line) {
		return
	}
	j.out = append(j.out, f)
}

// fileOf is the file a text is in: where its value is, or the file it names when its
// value is reported elsewhere.
func (j *judgement) fileOf(t Text) string {
	if t.Locate != nil && j.src.Line != nil {
		if at, ok := t.Locate(0, 0); ok {
			file, _ := j.src.Line(at.Start)
			return file
		}
	}
	return t.File
}

// withholdFixes drops the edits of every finding in a file that holds anything shaped
// like a credential (rules.WithholdReason) or a text of which holds one (decoded, and
// whether or not ZS301 reports it): a diff of that file would print it in its context
// lines. The finding says why instead.
func (j *judgement) withholdFixes() {
	reasons := map[string]string{}
	for i := range j.out {
		f := &j.out[i]
		if f.Edit == nil {
			continue
		}
		file, _ := j.src.Line(f.At.Start)
		reason, ok := reasons[file]
		if !ok {
			if j.src.Bytes != nil {
				reason = rules.WithholdReason(j.src.Bytes(file))
			}
			if reason == "" && j.holding[file] {
				reason = "fix withheld: the file holds a credential, which a diff would print; remove it to get fixes"
			}
			reasons[file] = reason
		}
		if reason != "" {
			f.Edit, f.Withheld = nil, reason
		}
	}
}

// directiveProblems reports malformed directives and those that suppressed nothing (ZS002).
func (j *judgement) directiveProblems(ds []Directives) {
	sev, on := j.eng.Level(checkDirective(), checkDirective().Severity)
	if !on {
		return
	}
	for _, d := range ds {
		for _, p := range d.Set.Problems(j.eng.Enabled) {
			at := d.At(p.Line, p.Col)
			j.out = append(j.out, Finding{Finding: rules.Finding{Check: checkDirective(), Severity: sev, Message: p.Message}, At: Span{at, at}})
		}
	}
}

// edit turns an engine fix of the element into an edit of its bytes, when they allow one.
func (e Element) edit(fix *rules.Fix) *Edit {
	switch {
	case fix == nil:
		return nil
	case fix.Remove:
		if e.Remove == nil {
			return nil
		}
		return &Edit{At: *e.Remove}
	case e.Replace == nil:
		return nil
	case len(fix.Expand) > 1 && e.ListSeparator != "":
		return &Edit{At: *e.Replace, New: strings.Join(fix.Expand, e.ListSeparator)}
	default:
		return &Edit{At: *e.Replace, New: fix.Replacement}
	}
}
