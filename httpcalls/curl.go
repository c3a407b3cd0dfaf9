package httpcalls

import (
	"strconv"

	"github.com/zscopelint/zscopelint/srclex"
)

// curls follows PHP's curl handles through a file: curl_init(url) and
// curl_setopt($ch, CURLOPT_URL, url) start a request on the handle; CURLOPT_CUSTOMREQUEST,
// CURLOPT_POST, CURLOPT_PUT, CURLOPT_HTTPGET and CURLOPT_NOBODY set its method, before or
// after (a handle in another function is another handle).
type curls struct {
	f     *file
	reqs  []site
	open  map[string]int // handle (function and name): its latest request
	early map[string]site
}

// curlMethods are the options that set the method, with the method they set.
var curlMethods = map[string]string{"CURLOPT_POST": "POST", "CURLOPT_PUT": "PUT", "CURLOPT_HTTPGET": "GET", "CURLOPT_NOBODY": "HEAD"}

// call reads one curl_* call (callee at start) and returns nothing: its requests come with
// sites, when every handle is known.
func (c *curls) call(name string, start int, args span, fn int) []site {
	f := c.f
	pos, _ := f.arguments(args)
	handle := func(s span) string {
		if s.to-s.from == 1 && s.ts[s.from].Kind == srclex.Ident {
			return strconv.Itoa(fn) + ":" + s.ts[s.from].Text
		}
		if isRef(s) {
			return strconv.Itoa(fn) + ":" + refKey(s)
		}
		return ""
	}
	switch name {
	case "curl_init":
		h := ""
		if f.punct(start-1, "=") && start >= 2 {
			k := start - 2
			from := k
			for from-2 >= 0 && (f.punct(from-1, "->") || f.punct(from-1, ".")) {
				from -= 2
			}
			h = handle(span{f.toks, from, k + 1})
		}
		if len(pos) == 0 || h == "" {
			if h != "" {
				c.start(h, site{line: f.toks[start].Line, fn: fn, method: "GET"})
			}
			return nil
		}
		c.start(h, site{line: f.toks[start].Line, fn: fn, method: "GET", url: pos[0]})
	case "curl_setopt":
		if len(pos) != 3 {
			return nil
		}
		c.option(handle(pos[0]), pos[1], pos[2], f.toks[start].Line, fn)
	case "curl_setopt_array":
		if len(pos) != 2 {
			return nil
		}
		obj := f.object(pos[1], &env{fn: fn})
		if obj.empty() {
			return nil
		}
		open := obj.from
		if f.toks[open].Is("array") {
			open++
		}
		for _, entry := range splitTop(span{f.toks, open + 1, f.toks[open].Match}, ",") {
			if entry.to-entry.from > 2 && f.toks[entry.from+1].Is("=>") {
				c.option(handle(pos[0]), span{f.toks, entry.from, entry.from + 1}, span{f.toks, entry.from + 2, entry.to}, f.toks[entry.from].Line, fn)
			}
		}
	}
	return nil
}

func (c *curls) start(h string, s site) {
	if s.url.empty() {
		c.open[h] = -1
		return
	}
	c.reqs = append(c.reqs, s)
	c.open[h] = len(c.reqs) - 1
}

// option applies one curl option to handle h.
func (c *curls) option(h string, opt, value span, line, fn int) {
	if h == "" || opt.to-opt.from != 1 {
		return
	}
	f := c.f
	name := f.toks[opt.from].Text
	i, known := c.open[h]
	switch name {
	case "CURLOPT_URL":
		if known && i >= 0 && c.reqs[i].url.empty() {
			c.reqs[i].url = value
			return
		}
		s := site{line: line, fn: fn, method: "GET", url: value}
		if known && i < 0 {
			if e, ok := c.early[h]; ok {
				s.method, s.methodExpr = e.method, e.methodExpr
			}
		}
		c.start(h, s)
	case "CURLOPT_CUSTOMREQUEST":
		c.setMethod(h, i, known, "", value)
	default:
		m, ok := curlMethods[name]
		if !ok {
			return
		}
		if value.to-value.from == 1 && (f.toks[value.from].Is("false") || f.toks[value.from].Text == "0") {
			return
		}
		c.setMethod(h, i, known, m, span{})
	}
}

func (c *curls) setMethod(h string, i int, known bool, m string, expr span) {
	if known && i >= 0 {
		c.reqs[i].method, c.reqs[i].methodExpr = m, expr
		return
	}
	if c.early == nil {
		c.early = map[string]site{}
	}
	c.early[h] = site{method: m, methodExpr: expr}
}

func (c *curls) sites() []site { return c.reqs }
