// Package golit writes a Go value as Go source: the composite literal that builds it. It
// turns data parsed from the embedded YAML files into generated Go (catalog specs, the
// check list), so that a run does not parse YAML for them; the tests that write the
// generated files compare them with a fresh parse.
package golit

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Literal returns the Go expression for v, with the types of package pkg written without
// their package name. It knows booleans, integers, strings, pointers, slices, structs and
// maps with string keys (sorted); zero fields of a struct are left out.
func Literal(v any, pkg string) string {
	var b strings.Builder
	w := writer{b: &b, pkg: pkg + "."}
	w.value(reflect.ValueOf(v), 0, false)
	return b.String()
}

type writer struct {
	b   *strings.Builder
	pkg string
}

func (w writer) typ(t reflect.Type) string { return strings.ReplaceAll(t.String(), w.pkg, "") }

func (w writer) indent(n int) { w.b.WriteString("\n" + strings.Repeat("\t", n)) }

// value writes v; elide leaves out the type of a composite literal (or the &T of a
// pointer to one) where its slice or map gives it.
func (w writer) value(v reflect.Value, depth int, elide bool) {
	t := v.Type()
	switch v.Kind() {
	case reflect.Bool:
		w.basic(t, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.basic(t, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.basic(t, strconv.FormatUint(v.Uint(), 10))
	case reflect.String:
		w.basic(t, strconv.Quote(v.String()))
	case reflect.Pointer:
		if v.IsNil() {
			w.b.WriteString("nil")
			return
		}
		if !elide {
			w.b.WriteString("&")
		}
		w.value(v.Elem(), depth, elide)
	case reflect.Slice:
		if v.IsNil() {
			w.b.WriteString("nil")
			return
		}
		w.composite(t, elide)
		if basicKind(t.Elem().Kind()) { // on one line
			for i := range v.Len() {
				if i > 0 {
					w.b.WriteString(", ")
				}
				w.value(v.Index(i), depth, true)
			}
			w.b.WriteString("}")
			return
		}
		for i := range v.Len() {
			w.indent(depth + 1)
			w.value(v.Index(i), depth+1, true)
			w.b.WriteString(",")
		}
		if v.Len() > 0 {
			w.indent(depth)
		}
		w.b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			w.b.WriteString("nil")
			return
		}
		if t.Key().Kind() != reflect.String {
			panic("golit: map key of " + t.String())
		}
		keys := v.MapKeys()
		strs := make([]string, len(keys))
		for i, k := range keys {
			strs[i] = k.String()
		}
		slices.Sort(strs)
		w.composite(t, elide)
		for _, k := range strs {
			w.indent(depth + 1)
			w.b.WriteString(strconv.Quote(k) + ": ")
			w.value(v.MapIndex(reflect.ValueOf(k).Convert(t.Key())), depth+1, true)
			w.b.WriteString(",")
		}
		if len(strs) > 0 {
			w.indent(depth)
		}
		w.b.WriteString("}")
	case reflect.Struct:
		w.composite(t, elide)
		n := 0
		for i := range t.NumField() {
			f := v.Field(i)
			if f.IsZero() {
				continue
			}
			w.indent(depth + 1)
			w.b.WriteString(t.Field(i).Name + ": ")
			w.value(f, depth+1, false)
			w.b.WriteString(",")
			n++
		}
		if n > 0 {
			w.indent(depth)
		}
		w.b.WriteString("}")
	default:
		panic(fmt.Sprintf("golit: %s of kind %s", t, v.Kind()))
	}
}

// composite opens a composite literal of type t.
func (w writer) composite(t reflect.Type, elide bool) {
	if !elide {
		w.b.WriteString(w.typ(t))
	}
	w.b.WriteString("{")
}

func basicKind(k reflect.Kind) bool {
	return k == reflect.Bool || k == reflect.String || k >= reflect.Int && k <= reflect.Uint64
}

// basic writes a boolean, number or string, converted when its type has a name of its own.
func (w writer) basic(t reflect.Type, lit string) {
	if t.PkgPath() == "" {
		w.b.WriteString(lit)
		return
	}
	w.b.WriteString(w.typ(t) + "(" + lit + ")")
}
