package configcheck

import (
	"bytes"
	"strings"

	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
)

// envSets reads KEY=VALUE lines, with an optional "export ", single quotes (literal),
// double quotes (with backslash escapes) or no quotes (ending at " #", a comment). A value
// whose key is named like scope is in scope position. Lines that are not assignments are
// skipped: .env dialects vary too much for a strict parser to be right.
//
// The whole file is one credential block (ZS303): a token key beside hosts of several
// environments in one .env file is a mix.
func envSets(data []byte) extraction {
	var ex extraction
	var block locBlock
	var hosts []string
	for lineStart := 0; lineStart < len(data); {
		lineEnd := len(data)
		if i := bytes.IndexByte(data[lineStart:], '\n'); i >= 0 {
			lineEnd = lineStart + i
		}
		next := lineEnd + 1
		key, valStart, ok := envAssignment(data, lineStart, lineEnd)
		if ok {
			var value string
			var offs []int
			value, offs, next = envValue(data, valStart, lineEnd)
			at := func(i int) int { return offs[i] }
			for _, s := range scopetext.Split(value, scopetext.ScopeName(key)) {
				ls := locSet{set: rules.SetOf(s)}
				ls.addSplit(s, value, data, at)
				ex.sets = append(ex.sets, ls)
			}
			ex.texts = append(ex.texts, textAt(value, key, at))
			hosts = append(hosts, rules.ZohoHosts(value)...)
			if block.key == "" && rules.IsCredentialKey(key) {
				block = locBlock{key: key, pos: bytes.Index(data[lineStart:], []byte(key)) + lineStart}
			}
		}
		lineStart = next
	}
	if block.key != "" {
		block.hosts = hosts
		ex.blocks = append(ex.blocks, block)
	}
	return ex
}

// envAssignment finds KEY= at the start of a line.
func envAssignment(data []byte, start, end int) (key string, valStart int, ok bool) {
	line := string(data[start:end])
	if start == 0 {
		line = strings.TrimPrefix(line, string(utf8BOM))
		start += len(data[start:end]) - len(line)
	}
	trimmed := strings.TrimLeft(line, " \t")
	off := start + len(line) - len(trimmed)
	if strings.HasPrefix(trimmed, "export ") {
		rest := strings.TrimLeft(trimmed[len("export "):], " \t")
		off += len(trimmed) - len(rest)
		trimmed = rest
	}
	eq := strings.IndexByte(trimmed, '=')
	if eq <= 0 {
		return "", 0, false
	}
	key = strings.TrimSpace(trimmed[:eq])
	for i := 0; i < len(key); i++ {
		if !isWordByte(key[i]) && key[i] != '.' && key[i] != '-' {
			return "", 0, false
		}
	}
	return key, off + eq + 1, true
}

// envValue decodes the value starting at start, returning it with each byte's offset and
// where the next line starts (a double-quoted value may span lines).
func envValue(data []byte, start, lineEnd int) (string, []int, int) {
	i := start
	for i < lineEnd && (data[i] == ' ' || data[i] == '\t') {
		i++
	}
	var buf []byte
	var offs []int
	if i < lineEnd && (data[i] == '\'' || data[i] == '"') {
		q := data[i]
		i++
		for i < len(data) && data[i] != q {
			if q == '"' && data[i] == '\\' && i+1 < len(data) {
				c := data[i+1]
				switch c {
				case 'n':
					c = '\n'
				case 't':
					c = '\t'
				}
				buf = append(buf, c)
				offs = append(offs, i)
				i += 2
				continue
			}
			if q == '\'' && data[i] == '\n' {
				break // an unterminated single quote ends with its line
			}
			buf = append(buf, data[i])
			offs = append(offs, i)
			i++
		}
		offs = append(offs, i)
		next := len(data)
		if j := bytes.IndexByte(data[min(i, len(data)):], '\n'); j >= 0 {
			next = i + j + 1
		}
		return string(buf), offs, next
	}
	end := lineEnd
	for j := i; j < lineEnd; j++ {
		if data[j] == '#' && (j == i || data[j-1] == ' ' || data[j-1] == '\t') {
			end = j
			break
		}
	}
	for end > i && (data[end-1] == ' ' || data[end-1] == '\t' || data[end-1] == '\r') {
		end--
	}
	for j := i; j <= end; j++ {
		offs = append(offs, j)
	}
	return string(data[i:end]), offs, lineEnd + 1
}
