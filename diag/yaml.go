package diag

import (
	"regexp"
	"strconv"
	"strings"
)

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// YAMLSyntax turns a syntax error of the YAML parser (yaml.v3: "yaml: line
// N: message") on src into an Error at the place where the problem is. The
// parser often names an earlier line: the start of the mapping around it
// (even a comment) for an over-indented key, or the line before a tab. So
// for a tab, the position is the first tab in the indentation from that
// line on; for an indentation error, the first line from there whose
// indentation fits none of the lines above it; else the first character of
// the line the parser named.
func YAMLSyntax(file string, src []byte, err error) Error {
	msg := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	lines := strings.Split(string(src), "\n")
	l, c := line, 0
	switch {
	case strings.Contains(msg, "tab character"):
		l, c = firstIndentTab(lines, line)
	case strings.Contains(msg, "mapping values are not allowed"), strings.Contains(msg, "did not find expected key"),
		strings.Contains(msg, "did not find expected '-'"), strings.Contains(msg, "block sequence entries are not allowed"):
		l, c = badIndent(lines, line)
	}
	if l == 0 {
		l, c = line, 0
	}
	if c == 0 {
		c = 1
		if l-1 < len(lines) {
			c = len(lines[l-1]) - len(strings.TrimLeft(lines[l-1], " \t")) + 1
		}
	}
	return Error{File: file, Line: l, Col: c, Msg: "YAML syntax: " + msg}
}

// firstIndentTab finds the first tab in the indentation of a line from
// line from on (1-based line and column; 0, 0 when there is none).
func firstIndentTab(lines []string, from int) (int, int) {
	for i := max(from-1, 0); i < len(lines); i++ {
		indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " \t"))]
		if j := strings.IndexByte(indent, '\t'); j >= 0 {
			return i + 1, j + 1
		}
	}
	return 0, 0
}

// badIndent finds the first line from line from on that is indented more
// than the line before it although that line opens no block (it does not
// end with ":" and is no block scalar), or less than it but at none of the
// indentations of the lines above. Comments and blank lines are skipped.
// It returns 0, 0 when every line fits.
func badIndent(lines []string, from int) (int, int) {
	var levels []int // indentations of the open blocks, innermost last
	opens := true    // whether the previous content line opens a block
	scalar := -1     // the indentation of a block scalar's key, while in it
	for i, raw := range lines {
		text := strings.TrimLeft(raw, " ")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		indent := len(raw) - len(text)
		if scalar >= 0 {
			if indent > scalar {
				continue // inside a block scalar (| or >)
			}
			scalar = -1
		}
		popped := false
		for len(levels) > 0 && levels[len(levels)-1] > indent {
			levels, popped = levels[:len(levels)-1], true
		}
		top := -1
		if len(levels) > 0 {
			top = levels[len(levels)-1]
		}
		bad := false
		switch {
		case indent == top:
		case popped: // back out to an indentation no line above has
			bad = true
		case top >= 0 && !opens: // deeper than a line that opens no block
			bad = true
		default:
			levels = append(levels, indent)
		}
		if bad && i+1 >= from {
			return i + 1, indent + 1
		}
		content := stripComment(text)
		if strings.HasPrefix(content, "- ") {
			levels = append(levels, indent+2) // a mapping may go on inside the item
			content = strings.TrimSpace(content[2:])
		}
		opens = strings.HasSuffix(content, ":") || content == "-"
		if strings.HasSuffix(content, "|") || strings.HasSuffix(content, ">") || strings.Contains(content, ": |") || strings.Contains(content, ": >") {
			opens, scalar = false, indent
		}
	}
	return 0, 0
}

// stripComment drops a trailing " # comment" outside quotes.
func stripComment(s string) string {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t'):
			return strings.TrimSpace(s[:i])
		}
	}
	return strings.TrimSpace(s)
}
