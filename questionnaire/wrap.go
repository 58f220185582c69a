package questionnaire

import (
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"
)

// DefaultWidth is the width the questionnaire's text is wrapped at when
// the terminal's width is not known.
const DefaultWidth = 80

// minWidth is the narrowest width text is wrapped at.
const minWidth = 20

// TerminalWidth returns the width to wrap the questionnaire's text at on
// out: $COLUMNS when it is a positive number, else the width of the
// terminal out is, else DefaultWidth.
func TerminalWidth(out io.Writer) int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return DefaultWidth
}

// listMarker matches the marker of a list item ("1) ", "- "), whose
// wrapped lines line up under the item's text.
var listMarker = regexp.MustCompile(`^(\d+\)|[-*•]) `)

// wrap breaks each line of text at spaces into lines of at most width
// characters. A word is broken only when it is longer than a whole line.
// Wrapped lines keep the line's indentation, and line up after a list
// marker. Only plain spaces break: a no-break space (French "choix :")
// holds its words together, and so does " = " in a list of keys. A space
// at the end of the text (a prompt) is kept.
func wrap(text string, width int) string {
	width = max(width, minWidth)
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		lines[i] = wrapLine(line, width)
	}
	out := strings.Join(lines, "\n")
	if strings.HasSuffix(text, " ") && !strings.HasSuffix(out, " ") {
		out += " "
	}
	return out
}

// wrapLine wraps one line (see wrap).
func wrapLine(line string, width int) string {
	if utf8.RuneCountInString(line) <= width {
		return line
	}
	body := strings.TrimLeft(line, " \t")
	indent := line[:len(line)-len(body)]
	hanging := indent
	if m := listMarker.FindString(body); m != "" {
		hanging += strings.Repeat(" ", utf8.RuneCountInString(m))
	}
	if utf8.RuneCountInString(hanging) > width/2 {
		hanging = indent
		if utf8.RuneCountInString(hanging) > width/2 {
			hanging = ""
		}
	}
	var b strings.Builder
	cur, n := indent, utf8.RuneCountInString(indent) // the line being built and its length
	fresh := true                                    // nothing but indentation on cur yet
	for _, word := range units(body) {
		wn := utf8.RuneCountInString(word)
		if !fresh && n+1+wn > width {
			b.WriteString(cur + "\n")
			cur, n, fresh = hanging, utf8.RuneCountInString(hanging), true
		}
		for n+wn > width && fresh { // a word longer than a whole line
			room := max(width-n, 1)
			head, rest := splitRunes(word, room)
			b.WriteString(cur + head + "\n")
			cur, n = hanging, utf8.RuneCountInString(hanging)
			word, wn = rest, wn-room
		}
		if !fresh {
			cur += " "
			n++
		}
		cur += word
		n += wn
		fresh = false
	}
	b.WriteString(cur)
	return b.String()
}

// units splits a line's text at spaces into the pieces wrapping keeps
// whole: words, and "x = meaning" in a list of keys ("? = help").
func units(text string) []string {
	var out []string
	glue := false
	for _, w := range strings.Split(text, " ") {
		switch {
		case w == "":
			continue
		case glue || (w == "=" && len(out) > 0):
			out[len(out)-1] += " " + w
		default:
			out = append(out, w)
		}
		glue = w == "="
	}
	return out
}

// splitRunes splits s after its first n characters.
func splitRunes(s string, n int) (string, string) {
	i := 0
	for j := range s {
		if i == n {
			return s[:j], s[j:]
		}
		i++
	}
	return s, ""
}
