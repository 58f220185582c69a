package checks

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Page is one scanned page as checks see it: the snapshot, its parsed DOM
// and what many checks derive from it, each computed once per page.
//
// A page made by StoredPages keeps its snapshot in a spool: Snap is then its
// light copy (snapshot.Light: address, status, headers), and the whole
// snapshot is read back and parsed when a check needs it, at most a few
// pages at a time (see StoredPages and Evaluate). Page checks see the whole
// snapshot in Snap; site-wide checks read only Snap's light fields and the
// rest through the page's methods (Doc, AX, IsHTML, the memos).
type Page struct {
	Snap *snapshot.Snapshot
	// Start is true for the site's start page (the first start URL).
	Start bool

	mu sync.Mutex
	// st is what is derived from the whole snapshot; nil while a stored
	// page is closed.
	st *pageState
	// set, load and light are set for a stored page: its set, how to read
	// the whole snapshot, and its light copy.
	set   *StoredPages
	load  func() (*snapshot.Snapshot, error)
	light *snapshot.Snapshot
	// checking counts the Evaluate phases that hold the page open.
	checking int
	lastUse  atomic.Int64
	size     atomic.Int64 // bytes of HTML and DOM, once read

	isHTML    func() bool
	factsOnce sync.Once
	facts     [2]bool // it has browser facts, an accessibility tree
}

// pageState is what checks derive from a page's whole snapshot, each part
// computed once.
type pageState struct {
	snap   *snapshot.Snapshot
	once   sync.Once
	doc    *goquery.Document
	docErr error
	sOnce  sync.Once
	served *goquery.Document
	axOnce sync.Once
	ax     *axDoc
	lOnce  sync.Once
	lines  *lineIndex
	// shared memoises what many checks read of the page (the body's
	// visible text, the links), by name; see pageMemo.
	shared sync.Map
}

// NewPage wraps a snapshot for checks.
func NewPage(s *snapshot.Snapshot, start bool) *Page {
	p := &Page{Snap: s, Start: start, st: &pageState{snap: s}}
	p.isHTML = sync.OnceValue(p.computeIsHTML)
	return p
}

// state returns what is derived from the page's whole snapshot, reading
// the snapshot back first when the page is closed. Callers derive one
// thing from one state: a page closed and opened again is a new state.
func (p *Page) state() *pageState {
	p.mu.Lock()
	st := p.st
	p.mu.Unlock()
	if st != nil {
		if p.set != nil {
			p.lastUse.Store(p.set.tick.Add(1))
		}
		return st
	}
	st, _ = p.open(false)
	return st
}

// open reads a stored page's snapshot back (unless it is open) and
// returns its state; checking holds it open until endChecks. When the
// snapshot cannot be read back, the state holds the light copy and err says
// why.
func (p *Page) open(checking bool) (st *pageState, err error) {
	p.mu.Lock()
	if checking {
		p.checking++
	}
	opened := false
	if p.st == nil {
		full, lerr := p.load()
		if lerr != nil {
			full, err = p.light, lerr
		}
		p.st, opened = &pageState{snap: full}, true
		p.size.Store(int64(len(full.HTML) + len(full.DOM)))
	}
	if checking {
		p.Snap = p.st.snap
	}
	st = p.st
	p.mu.Unlock()
	p.lastUse.Store(p.set.tick.Add(1))
	if opened {
		p.set.opened(p)
	}
	return st, err
}

// endChecks ends what open(true) began.
func (p *Page) endChecks() {
	if p.set == nil {
		return
	}
	p.mu.Lock()
	p.checking--
	p.mu.Unlock()
	p.set.trim()
}

// close drops a stored page's snapshot and what was derived from it,
// unless a phase of Evaluate holds it; it reports whether it did.
func (p *Page) close() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.checking > 0 || p.st == nil {
		return false
	}
	p.st, p.Snap = nil, p.light
	return true
}

// pageMemo returns p's value named key, computing it with build the first
// time: what several checks derive from the same page is derived once.
// Concurrent callers wait for the one computation. Values are shared, so
// callers must not modify them.
func pageMemo[T any](p *Page, key string, build func() T) T {
	f, _ := p.state().shared.LoadOrStore(key, sync.OnceValue(func() any { return build() }))
	return f.(func() any)().(T)
}

// AX is the page's DOM prepared for the accessibility checks (element index,
// aria-owns, Chromium's accessibility tree by selector), built once and
// shared by every check on the page.
func (p *Page) AX() *axDoc {
	st := p.state()
	st.axOnce.Do(func() {
		var tree []snapshot.AXNode
		if b := st.snap.Browser; b != nil {
			tree = b.AXTree
		}
		st.ax = newAXIndex(st.parsed(), tree)
	})
	return st.ax
}

// Doc is the rendered DOM, parsed once.
func (p *Page) Doc() *goquery.Document { return p.state().parsed() }

// parsed is the rendered DOM (the HTML without one), parsed once.
func (st *pageState) parsed() *goquery.Document {
	st.once.Do(func() {
		src := st.snap.DOM
		if src == "" {
			src = st.snap.HTML
		}
		st.doc, st.docErr = parse(src)
	})
	return st.doc
}

// readable reports whether the page's DOM could be parsed (see parse).
func (p *Page) readable() bool {
	st := p.state()
	st.parsed()
	return st.docErr == nil
}

// Served is the HTML as served (before scripts ran), parsed once: the same
// document as Doc when there is no rendered DOM (--no-browser) or it is the
// same text.
func (p *Page) Served() *goquery.Document {
	st := p.state()
	st.sOnce.Do(func() {
		if st.snap.DOM == "" || st.snap.DOM == st.snap.HTML {
			st.served = st.parsed()
			return
		}
		st.served, _ = parse(st.snap.HTML) // the crawler makes a page it cannot parse a page error
	})
	return st.served
}

// IsHTML reports whether the page is an HTML document (not SVG or other XML
// served on its own). An XHTML page served as XML (application/xml) is one:
// its root is an html element in the XHTML namespace.
func (p *Page) IsHTML() bool {
	if p.isHTML == nil { // a Page built without NewPage
		return p.computeIsHTML()
	}
	return p.isHTML()
}

func (p *Page) computeIsHTML() bool {
	s := p.state().snap
	ct := s.ContentType
	if strings.Contains(ct, "svg") {
		return false
	}
	src := strings.TrimSpace(s.HTML)
	if strings.HasPrefix(src, "<?xml") {
		src = src[strings.Index(src, "?>")+2:]
		src = strings.TrimSpace(src)
	}
	if strings.Contains(ct, "xml") && !strings.Contains(ct, "xhtml") {
		head := src[:min(len(src), 2048)]
		return strings.Contains(head, "<html") && strings.Contains(head, "http://www.w3.org/1999/xhtml")
	}
	return len(src) < 4 || !strings.EqualFold(src[:4], "<svg")
}

// available reports whether the page has every fact c needs (read from
// its whole snapshot once, which a stored page reads back for it).
func (p *Page) available(c *Check) bool {
	if len(c.Needs) == 0 {
		return true
	}
	p.factsOnce.Do(func() {
		s := p.state().snap
		p.facts = [2]bool{s.Browser != nil, s.Browser != nil && len(s.Browser.AXTree) > 0}
	})
	return c.availableWith(p.facts[0], p.facts[1])
}

// StoredPages makes pages whose snapshots wait in a spool. A page is opened
// (its snapshot read back, parsed when a check asks) when a check needs it
// and closed again once more than MaxOpen pages, or pages with more than
// MaxOpenBytes of HTML and DOM, are open, the least recently used first;
// pages that a phase of Evaluate holds stay open.
type StoredPages struct {
	// MaxOpen and MaxOpenBytes bound the open pages (DefaultMaxOpen and
	// DefaultMaxOpenBytes when 0).
	MaxOpen      int
	MaxOpenBytes int64

	mu    sync.Mutex
	open  []*Page
	tick  atomic.Int64
	pages []*Page
}

// DefaultMaxOpen and DefaultMaxOpenBytes bound the pages StoredPages keeps
// open: 32 pages, and 16 MB of HTML and DOM (a page's parsed DOM and
// indexes take about ten times its text). A scan of up to 32 ordinary pages
// never reads a page back twice.
const (
	DefaultMaxOpen      = 32
	DefaultMaxOpenBytes = 16 << 20
)

// Page returns a stored page: light is the snapshot's light copy, load
// reads the whole snapshot back.
func (s *StoredPages) Page(light *snapshot.Snapshot, load func() (*snapshot.Snapshot, error), start bool) *Page {
	p := &Page{Snap: light, Start: start, set: s, load: load, light: light}
	p.isHTML = sync.OnceValue(p.computeIsHTML)
	s.mu.Lock()
	s.pages = append(s.pages, p)
	s.mu.Unlock()
	return p
}

func (s *StoredPages) limits() (int, int64) {
	n, b := s.MaxOpen, s.MaxOpenBytes
	if n <= 0 {
		n = DefaultMaxOpen
	}
	if b <= 0 {
		b = DefaultMaxOpenBytes
	}
	return n, b
}

// opened records that p was opened and closes others when too many are.
func (s *StoredPages) opened(p *Page) {
	s.mu.Lock()
	s.open = append(s.open, p)
	s.mu.Unlock()
	s.trim()
}

// trim closes the least recently used pages while too many are open.
func (s *StoredPages) trim() {
	maxOpen, maxBytes := s.limits()
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		var bytes int64
		for _, p := range s.open {
			bytes += p.size.Load()
		}
		if len(s.open) <= maxOpen && bytes <= maxBytes {
			return
		}
		order := slices.Clone(s.open)
		slices.SortFunc(order, func(a, b *Page) int { return int(a.lastUse.Load() - b.lastUse.Load()) })
		closed := false
		for _, p := range order {
			if p.close() {
				s.open = slices.DeleteFunc(s.open, func(o *Page) bool { return o == p })
				closed = true
				break
			}
		}
		if !closed {
			return // every open page is held
		}
	}
}

// fitsOpen reports whether every page of the set can be open at once, so
// that none is ever closed while checks run on it: each was read once
// (pages that failed need not be) and together they are within the bounds.
func (s *StoredPages) fitsOpen() bool {
	maxOpen, maxBytes := s.limits()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.pages) > maxOpen {
		return false
	}
	var bytes int64
	for _, p := range s.pages {
		p.mu.Lock()
		unread := p.st == nil && p.Snap.OK()
		p.mu.Unlock()
		if unread {
			return false
		}
		bytes += p.size.Load()
	}
	return bytes <= maxBytes
}

// parse parses src. The parser refuses a document nested deeper than 512
// elements: that gives an empty document and the error (the crawler
// reports such a page as a too_deep page error, and Run does not check a
// page whose DOM it is).
func parse(src string) (*goquery.Document, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		root, _ = html.Parse(strings.NewReader("")) // html, head and body, empty
		err = fmt.Errorf("parse the page: %w", err)
	}
	return goquery.NewDocumentFromNode(root), err
}
