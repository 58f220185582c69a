package crawler

import (
	"net/url"
	"path"
	"regexp"
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

func (s *originSet) list() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]string, 0, len(s.set))
	for o := range s.set {
		out = append(out, o)
	}
	return out
}

// task is one page to scan.
type task struct {
	url   string
	depth int
	start bool
	order int
}

// frontier is the breadth-first queue of pages to scan. It accepts each
// normalised URL once and at most max URLs in all.
type frontier struct {
	mu       sync.Mutex
	cond     *sync.Cond
	queue    []task
	seen     map[string]bool
	planned  int
	max      int
	inflight int
	stopped  bool
}

func newFrontier(maxPages int) *frontier {
	f := &frontier{seen: map[string]bool{}, max: maxPages}
	f.cond = sync.NewCond(&f.mu)
	return f
}

// add plans u unless it was seen or the plan is full; it reports whether
// u was added.
func (f *frontier) add(u string, depth int, start bool) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopped || f.seen[u] || f.planned >= f.max {
		return false
	}
	f.seen[u] = true
	f.queue = append(f.queue, task{url: u, depth: depth, start: start, order: f.planned})
	f.planned++
	f.cond.Signal()
	return true
}

// markSeen records u (e.g. a redirect target) so that it is not planned.
func (f *frontier) markSeen(u string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	was := f.seen[u]
	f.seen[u] = true
	return was
}

// next waits for a task. ok is false when the queue is empty and no task is
// in flight (nothing more can come), or after stop.
func (f *frontier) next() (task, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.queue) == 0 && f.inflight > 0 && !f.stopped {
		f.cond.Wait()
	}
	if f.stopped || len(f.queue) == 0 {
		return task{}, false
	}
	t := f.queue[0]
	f.queue = f.queue[1:]
	f.inflight++
	return t, true
}

// done marks a task taken with next as finished.
func (f *frontier) done() {
	f.mu.Lock()
	f.inflight--
	f.mu.Unlock()
	f.cond.Broadcast()
}

// stop ends the crawl: next returns false from now on.
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
