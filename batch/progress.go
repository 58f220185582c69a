package batch

import (
	"fmt"
	"io"
	"sync"

	"github.com/didi-index/didi/progress"
	"github.com/didi-index/didi/result"
)

// Progress shows a batch's progress on a terminal or a log: sites done /
// total and the current site, with its pages on a terminal. Everything it
// prints from a site goes through progress.Clean. A nil *Progress is quiet.
type Progress struct {
	mu      sync.Mutex
	w       io.Writer
	tty     bool
	verbose bool
	total   int
	index   int
	site    string
	barShow bool
}

// NewProgress renders on w: one line updated in place when tty is true,
// one plain line per site otherwise; verbose adds page errors and notes.
func NewProgress(w io.Writer, tty, verbose bool) *Progress {
	return &Progress{w: w, tty: tty, verbose: verbose}
}

func (p *Progress) start(total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = total
}

// line prints a line of its own, above the bar.
func (p *Progress) line(format string, a ...any) {
	p.clear()
	fmt.Fprintf(p.w, format+"\n", a...)
}

func (p *Progress) siteSkipped(i int, s Site) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.tty || p.verbose {
		p.line("didi: [%d/%d] %s: done in an earlier run, skipped", i+1, p.total, progress.Clean(s.URL))
	}
}

func (p *Progress) siteStarted(i int, s Site, attempt int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.index, p.site = i, progress.Clean(s.URL)
	if p.tty {
		p.bar(0, 0)
	} else if attempt > 1 {
		p.line("didi: [%d/%d] %s: trying again (attempt %d)", i+1, p.total, p.site, attempt)
	}
}

func (p *Progress) siteDone(i int, s Site, r *result.Result) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line("didi: [%d/%d] %s: index %.1f (level %s), %d pages", i+1, p.total, progress.Clean(s.URL), r.Index, r.Level, len(r.Pages))
}

func (p *Progress) siteFailed(i int, s Site, reason string, retry bool) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	then := "recorded as failed"
	if retry {
		then = "will try again"
	}
	p.line("didi: [%d/%d] %s: failed (%s): %s", i+1, p.total, progress.Clean(s.URL), then, progress.Clean(reason))
}

// end clears the bar; the command prints the batch's summary on stdout.
func (p *Progress) end() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

// clear ends the bar line, if one is shown.
func (p *Progress) clear() {
	if p.barShow {
		fmt.Fprint(p.w, "\r\033[K")
		p.barShow = false
	}
}

// pageEvents renders the engine's events of the current site.
func (p *Progress) pageEvents() progress.Func {
	if p == nil {
		return nil
	}
	return func(e progress.Event) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch e.Kind {
		case progress.PageStarted, progress.PageDone, progress.PageFailed:
			if e.Error != "" && p.verbose {
				p.line("didi:   %s: %s", progress.Clean(e.URL), progress.Clean(e.Error))
			}
			if p.tty {
				p.bar(e.Done, e.Planned)
			}
		case progress.Warning:
			p.line("didi: %s", progress.Clean(e.Message))
		case progress.Note:
			if p.verbose {
				p.line("didi: %s", progress.Clean(e.Message))
			}
		}
	}
}

// bar draws the batch's line: sites done / total, the current site and its
// pages.
func (p *Progress) bar(done, planned int) {
	u := p.site
	if r := []rune(u); len(r) > 50 {
		u = "…" + string(r[len(r)-49:])
	}
	fmt.Fprintf(p.w, "\r\033[Ksite %d/%d · %s · pages %d/%d", p.index+1, p.total, u, done, max(planned, done))
	p.barShow = true
}
