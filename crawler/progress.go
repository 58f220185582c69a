package crawler

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress reports the crawl on stderr: a bar with pages done / planned and
// the current URL on a terminal, one plain line per page otherwise, nothing
// when w is nil.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	tty     bool
	verbose bool
	done    int
}

func newProgress(o Options) *progress {
	return &progress{w: o.Progress, tty: o.ProgressTTY, verbose: o.Verbose}
}

// started shows the page now being loaded (terminal only).
func (p *progress) started(u string, planned int) {
	if p.w == nil || !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar(planned, u)
}

// finished counts a page and reports it.
func (p *progress) finished(s *Snapshot, planned int, took time.Duration) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if p.tty {
		if s.Error != "" && p.verbose {
			fmt.Fprintf(p.w, "\r\033[K%s: %s\n", s.URL, s.Error)
		}
		p.bar(planned, s.URL)
		return
	}
	if s.Error != "" {
		fmt.Fprintf(p.w, "didi: [%d/%d] %s: %s\n", p.done, planned, s.URL, s.Error)
		return
	}
	fmt.Fprintf(p.w, "didi: [%d/%d] %s (%d, %d ms)\n", p.done, planned, s.URL, s.Status, took.Milliseconds())
}

// bar draws the progress bar on one terminal line.
func (p *progress) bar(planned int, u string) {
	const width = 24
	planned = max(planned, p.done, 1)
	fill := width * p.done / planned
	if len(u) > 60 {
		u = "…" + u[len(u)-59:]
	}
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), p.done, planned, u)
}

// note prints a verbose detail line.
func (p *progress) note(s string) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintln(p.w, "didi: "+s)
}

// end finishes the bar line.
func (p *progress) end() {
	if p.w == nil || !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\033[K")
}
