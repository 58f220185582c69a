// Package progress is the vocabulary of a scan's progress: the events the
// crawler and the engine emit (a page started, done or failed, the checks
// done), and renderers of them. The terminal bar and plain lines are one
// renderer; serve's Server-Sent Events and batch's summary line are others;
// tests record the events. It is a leaf package.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Kind says what happened.
type Kind string

// The kinds of events, in the order a scan emits them.
const (
	// PageStarted: a page is being loaded (URL, Done, Planned).
	PageStarted Kind = "page_started"
	// PageDone: a page was scanned (URL, Status, Took, Done, Planned).
	PageDone Kind = "page_done"
	// PageFailed: a page could not be scanned (URL, Error, Done, Planned).
	PageFailed Kind = "page_failed"
	// ChecksStarted: the crawl is over and the checks run on Done pages.
	ChecksStarted Kind = "checks_started"
	// ChecksDone: the checks and the scoring are done.
	ChecksDone Kind = "checks_done"
	// Note: a detail for verbose output (Message).
	Note Kind = "note"
	// Warning: something the user should know about the scan (Message).
	Warning Kind = "warning"
)

// Event is one step of a scan. Done counts the pages finished so far
// (scanned or failed) and Planned the pages planned so far; Planned grows
// while the crawl finds links.
type Event struct {
	Kind    Kind          `json:"kind"`
	URL     string        `json:"url,omitempty"`
	Done    int           `json:"done"`
	Planned int           `json:"planned"`
	Status  int           `json:"status,omitempty"`
	Error   string        `json:"error,omitempty"`
	Took    time.Duration `json:"took_ns,omitempty"`
	Message string        `json:"message,omitempty"`
}

// Func receives events. It is called from several goroutines; it must be
// safe for that and return quickly.
type Func func(Event)

// Emit calls f with e when f is not nil.
func (f Func) Emit(e Event) {
	if f != nil {
		f(e)
	}
}

// Terminal renders events on w: a bar with pages done / planned and the
// current URL when tty is true, one plain line per page otherwise. verbose
// adds notes and, on a terminal, page errors.
func Terminal(w io.Writer, tty, verbose bool) Func {
	t := &terminal{w: w, tty: tty, verbose: verbose}
	return t.event
}

type terminal struct {
	mu      sync.Mutex
	w       io.Writer
	tty     bool
	verbose bool
	barShow bool
}

func (t *terminal) event(e Event) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch e.Kind {
	case PageStarted:
		if t.tty {
			t.bar(e)
		}
	case PageDone, PageFailed:
		switch {
		case t.tty:
			if e.Error != "" && t.verbose {
				fmt.Fprintf(t.w, "\r\033[K%s: %s\n", Clean(e.URL), Clean(e.Error))
			}
			t.bar(e)
		case e.Error != "":
			fmt.Fprintf(t.w, "didi: [%d/%d] %s: %s\n", e.Done, e.Planned, Clean(e.URL), Clean(e.Error))
		default:
			fmt.Fprintf(t.w, "didi: [%d/%d] %s (%d, %d ms)\n", e.Done, e.Planned, Clean(e.URL), e.Status, e.Took.Milliseconds())
		}
	case ChecksStarted:
		t.clear()
	case Warning:
		t.clear()
		fmt.Fprintln(t.w, "didi: "+Clean(e.Message))
	case Note:
		if t.verbose {
			t.clear()
			fmt.Fprintln(t.w, "didi: "+Clean(e.Message))
		}
	}
}

// clear ends the bar line, if one is shown.
func (t *terminal) clear() {
	if t.tty && t.barShow {
		fmt.Fprint(t.w, "\r\033[K")
		t.barShow = false
	}
}

// bar draws the progress bar on one terminal line.
func (t *terminal) bar(e Event) {
	const width = 24
	planned := max(e.Planned, e.Done, 1)
	fill := width * e.Done / planned
	u := Clean(e.URL)
	if r := []rune(u); len(r) > 60 {
		u = "…" + string(r[len(r)-59:])
	}
	fmt.Fprintf(t.w, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), e.Done, planned, u)
	t.barShow = true
}

// Clean replaces control characters (escape sequences a page may put in a
// URL, title or error) with U+FFFD, so nothing a site serves can move the
// cursor, clear the screen or fake a line on a terminal.
func Clean(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// CleanLines is Clean for a message of several lines: it keeps the line
// breaks (callers clean each site-controlled part with Clean first, so
// that a site cannot add a line).
func CleanLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Clean(l)
	}
	return strings.Join(lines, "\n")
}

// CleanWriter returns a writer that writes through to w with every control
// character but line breaks and tabs replaced as by Clean: for text that
// holds what a site, a model or a result file says (the summary, a diff,
// listings, the questionnaire). Writes may split a character anywhere.
func CleanWriter(w io.Writer) io.Writer { return &cleanWriter{w: w} }

type cleanWriter struct {
	w       io.Writer
	pending []byte // the start of a character cut by the last write
}

func (c *cleanWriter) Write(p []byte) (int, error) {
	buf := append(c.pending, p...)
	end := len(buf)
	for i := max(0, len(buf)-utf8.UTFMax+1); i < len(buf); i++ {
		if utf8.RuneStart(buf[i]) && !utf8.FullRune(buf[i:]) {
			end = i
			break
		}
	}
	c.pending = append([]byte(nil), buf[end:]...)
	text := strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && isControl(r) {
			return '\uFFFD'
		}
		return r
	}, string(buf[:end]))
	if _, err := io.WriteString(c.w, text); err != nil {
		return 0, err
	}
	return len(p), nil
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\u202e'
}

// Recorder keeps every event, for tests.
type Recorder struct {
	mu     sync.Mutex
	events []Event
}

// Record is a Func that appends e.
func (r *Recorder) Record(e Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

// Events returns a copy of the events recorded so far.
func (r *Recorder) Events() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Event(nil), r.events...)
}
