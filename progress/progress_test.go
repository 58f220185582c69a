package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestTerminal(t *testing.T) {
	ok := Event{Kind: PageDone, URL: "http://example.be/a", Status: 200, Took: 12 * time.Millisecond, Done: 1, Planned: 2}
	bad := Event{Kind: PageFailed, URL: "http://example.be/b", Error: "HTTP 500", Done: 2, Planned: 2}
	t.Run("plain lines", func(t *testing.T) {
		var buf bytes.Buffer
		f := Terminal(&buf, false, false)
		f(Event{Kind: PageStarted, URL: ok.URL, Planned: 2})
		f(ok)
		f(bad)
		f(Event{Kind: Note, Message: "hidden unless verbose"})
		want := "didi: [1/2] http://example.be/a (200, 12 ms)\ndidi: [2/2] http://example.be/b: HTTP 500\n"
		if buf.String() != want {
			t.Errorf("got %q, want %q", buf.String(), want)
		}
	})
	t.Run("bar", func(t *testing.T) {
		var buf bytes.Buffer
		f := Terminal(&buf, true, false)
		f(Event{Kind: PageStarted, URL: ok.URL, Planned: 4})
		f(Event{Kind: PageDone, URL: ok.URL, Done: 1, Planned: 4})
		f(Event{Kind: ChecksStarted})
		if !strings.Contains(buf.String(), "\r\033[K[======") || !strings.Contains(buf.String(), "1/4 http://example.be/a") || !strings.HasSuffix(buf.String(), "\r\033[K") {
			t.Errorf("bar output %q", buf.String())
		}
	})
	t.Run("a page cannot write escape sequences", func(t *testing.T) {
		var buf bytes.Buffer
		f := Terminal(&buf, false, true)
		f(Event{Kind: PageFailed, URL: "http://example.be/\x1b[2J", Error: "bad\x1b[1A\rall checks passed", Done: 1, Planned: 1})
		if strings.ContainsAny(buf.String(), "\x1b\r") {
			t.Errorf("control characters reached the terminal: %q", buf.String())
		}
	})
}

func TestRecorder(t *testing.T) {
	var r Recorder
	var f Func = r.Record
	f.Emit(Event{Kind: PageStarted})
	Func(nil).Emit(Event{Kind: PageDone}) // a nil Func is quiet
	if got := r.Events(); len(got) != 1 || got[0].Kind != PageStarted {
		t.Errorf("recorded %v", got)
	}
}

// TestCleanWriter: control characters are replaced even when a write cuts
// them (a C1 control is two bytes); line breaks, tabs and other text stay.
func TestCleanWriter(t *testing.T) {
	var b strings.Builder
	w := CleanWriter(&b)
	in := "ok\té\x1b[2J\u009bnext\rline\n"
	for i := range len(in) { // one byte at a time
		if _, err := w.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if want := "ok\té\uFFFD[2J\uFFFDnext\uFFFDline\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
