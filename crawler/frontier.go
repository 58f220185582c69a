package crawler

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// originSet holds the origins in scope (scheme://host[:port]).
type originSet struct {
	mu  sync.RWMutex
	set map[string]bool
}

func newOriginSet() *originSet { return &originSet{set: map[string]bool{}} }

func (s *originSet) add(o string) {
	s.mu.Lock()
	s.set[o] = true
	s.mu.Unlock()
}

func (s *originSet) has(o string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.set[o]
}

// list returns the origins in sorted order.
func (s *originSet) list() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]string, 0, len(s.set))
	for o := range s.set {
		out = append(out, o)
	}
	slices.Sort(out) // sitemaps are planned in this order
	return out
}

// task is one page to scan. Its rank is its place in the crawl's canonical
// order: the order in which a crawl with a single tab would plan it.
type task struct {
	url   string
	depth int
	start bool
	rank  int
}

// frontier plans the pages of a crawl in a canonical order, so that
// identical inputs give identical pages whichever page finishes first
// (issue 17). Pages are scanned in parallel, but what a finished page adds
// to the plan (its links, the addresses it led to) is settled in rank
// order: the links of page r are planned only once every page before r is
// settled, exactly as one tab scanning the pages one by one would plan
// them. The page budget is applied in that order too.
//
// Workers take tasks with next and hand each one back with finish, which
// settles the finished pages that are next in rank order. Settling happens
// in one worker at a time, outside the lock; the other workers go on
// scanning the pages already planned, so they wait only when every planned
// page is taken.
type frontier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	queue   []task
	seen    map[string]bool // planned pages and the pages settled ones led to
	skipped map[string]bool // discovered pages robots.txt keeps didi out of
	planned int             // tasks planned, less the duplicates settled
	ranks   int             // ranks given so far
	max     int
	busy    int // tasks taken and not yet handed back
	stopped bool

	starts   int         // start tasks: ranks 0 to starts-1
	results  map[int]any // finished tasks waiting to be settled, by rank
	cursor   int         // rank of the next task to settle
	settling bool        // a worker is settling
}

func newFrontier(maxPages int) *frontier {
	f := &frontier{seen: map[string]bool{}, skipped: map[string]bool{}, results: map[int]any{}, max: maxPages}
	f.cond = sync.NewCond(&f.mu)
	return f
}

// add plans u unless it was seen or the plan is full; it reports whether
// u was added. Start pages are added before any task is taken; later pages
// only while a task is settled, so that ranks follow the canonical order.
func (f *frontier) add(u string, depth int, start bool) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopped || f.seen[u] || f.planned >= f.max {
		return false
	}
	f.seen[u] = true
	f.queue = append(f.queue, task{url: u, depth: depth, start: start, rank: f.ranks})
	f.ranks++
	f.planned++
	if start {
		f.starts++
	}
	f.cond.Signal()
	return true
}

// known reports whether u is planned or was reached by a settled page. A
// page in flight may rely on it: what is known now stays known when the
// page is settled.
func (f *frontier) known(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen[u]
}

// claim records the addresses a page led to (redirect targets), so that
// they are not planned, and reports whether one of them was known already:
// the page is then a duplicate of a page scanned anyway, and its place in
// the budget goes to the next page planned. It is called while the page is
// settled.
func (f *frontier) claim(urls []string) (dup bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range urls {
		dup = dup || f.seen[u]
	}
	for _, u := range urls {
		f.seen[u] = true
	}
	if dup {
		f.planned--
	}
	return dup
}

// skipOnce records a discovered URL that robots.txt disallows and reports
// whether it is the first time.
func (f *frontier) skipOnce(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.skipped[u] {
		return false
	}
	f.skipped[u] = true
	return true
}

// next waits for a task. ok is false when the queue is empty and no task is
// in flight (nothing more can come), or after stop.
func (f *frontier) next() (task, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.queue) == 0 && f.busy > 0 && !f.stopped {
		f.cond.Wait()
	}
	if f.stopped || len(f.queue) == 0 {
		return task{}, false
	}
	t := f.queue[0]
	f.queue = f.queue[1:]
	f.busy++
	return t, true
}

// finish hands back the task of rank with what its scan gave, and settles,
// through settle and in rank order, every finished task whose turn has
// come. The start tasks are settled only once all of them are finished:
// the origins they are redirected to are in scope for every link.
func (f *frontier) finish(rank int, result any, settle func(any)) {
	f.mu.Lock()
	f.results[rank] = result
	if !f.settling {
		f.settling = true
		for f.ready() {
			r := f.results[f.cursor]
			delete(f.results, f.cursor)
			f.mu.Unlock()
			settle(r)
			f.mu.Lock()
			f.cursor++
		}
		f.settling = false
	}
	f.busy--
	f.mu.Unlock()
	f.cond.Broadcast()
}

// ready reports whether the task at the cursor can be settled; f.mu is held.
func (f *frontier) ready() bool {
	if _, ok := f.results[f.cursor]; !ok {
		return false
	}
	for r := f.cursor + 1; r < f.starts; r++ {
		if _, ok := f.results[r]; !ok {
			return false
		}
	}
	return true
}

// settleRest settles, in rank order, the finished tasks left unsettled
// because a task before them was cut short (budget or cancel). It is
// called once the workers are gone.
func (f *frontier) settleRest(settle func(any)) {
	f.mu.Lock()
	ranks := make([]int, 0, len(f.results))
	for r := range f.results {
		ranks = append(ranks, r)
	}
	slices.Sort(ranks)
	rest := make([]any, len(ranks))
	for i, r := range ranks {
		rest[i] = f.results[r]
		delete(f.results, r)
	}
	f.mu.Unlock()
	for _, r := range rest {
		settle(r)
	}
}

// stop ends the crawl: next returns false and nothing more is planned.
func (f *frontier) stop() {
	f.mu.Lock()
	f.stopped = true
	f.mu.Unlock()
	f.cond.Broadcast()
}

// counts returns the tasks planned so far and still queued.
func (f *frontier) counts() (planned, queued int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.planned, len(f.queue)
}

// scope decides which discovered URLs are followed.
type scope struct {
	origins *originSet
	include []*regexp.Regexp
	exclude []*regexp.Regexp
}

// skipExt lists file extensions that are never HTML pages.
var skipExt = map[string]bool{
	".pdf": true, ".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".svg": true, ".webp": true,
	".ico": true, ".zip": true, ".gz": true, ".tgz": true, ".rar": true, ".7z": true, ".mp3": true,
	".mp4": true, ".webm": true, ".ogg": true, ".wav": true, ".avi": true, ".mov": true, ".doc": true,
	".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true, ".odt": true, ".ods": true,
	".css": true, ".js": true, ".json": true, ".xml": true, ".txt": true, ".csv": true, ".woff": true,
	".woff2": true, ".ttf": true, ".eot": true, ".exe": true, ".dmg": true, ".apk": true, ".epub": true,
}

// follows reports whether a discovered normalised URL is in scope.
func (s *scope) follows(u string) bool {
	p, err := url.Parse(u)
	if err != nil || !s.origins.has(p.Scheme+"://"+p.Host) {
		return false
	}
	if skipExt[strings.ToLower(path.Ext(p.Path))] {
		return false
	}
	if len(u) > 2048 {
		return false
	}
	if len(s.include) > 0 {
		ok := false
		for _, re := range s.include {
			if re.MatchString(u) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, re := range s.exclude {
		if re.MatchString(u) {
			return false
		}
	}
	return true
}
