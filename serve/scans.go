package serve

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"sync"
	"time"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/progress"
)

// live is what the page of a scan shows while it waits or runs.
type live struct {
	Status   string `json:"status"`
	Position int    `json:"position,omitempty"` // 1 = next in the queue
	Done     int    `json:"done"`
	Planned  int    `json:"planned"`
	URL      string `json:"url,omitempty"`
}

// job is a scan in the queue or running.
type job struct {
	id, evalID, url string
	state           live
	subs            map[chan live]bool
	// seq is the order in which the queue got the job.
	seq int
}

// scanner runs at most N scans at once, each engine.Run with its own
// browser, and queues the others first come, first served.
type scanner struct {
	srv *Server

	mu      sync.Mutex
	queue   []*job          // waiting, oldest first
	jobs    map[string]*job // waiting or running, by scan id
	wake    chan struct{}
	ctx     context.Context
	stop    context.CancelFunc
	wg      sync.WaitGroup
	running int
	seq     int
}

func newScanner(s *Server) *scanner {
	ctx, stop := context.WithCancel(context.Background())
	sc := &scanner{srv: s, jobs: map[string]*job{}, wake: make(chan struct{}, 1), ctx: ctx, stop: stop}
	for range s.cfg.MaxScans {
		sc.wg.Go(sc.worker)
	}
	return sc
}

// errQueueFull is returned when the queue holds MaxQueue scans.
var errQueueFull = errors.New("queue full")

// add queues a scan.
func (sc *scanner) add(id, evalID, url string) error {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if len(sc.queue) >= sc.srv.cfg.MaxQueue {
		return errQueueFull
	}
	sc.seq++
	j := &job{id: id, evalID: evalID, url: url, subs: map[chan live]bool{}, state: live{Status: statusQueued}, seq: sc.seq}
	sc.queue = append(sc.queue, j)
	sc.jobs[id] = j
	sc.positionsLocked()
	select {
	case sc.wake <- struct{}{}:
	default:
	}
	return nil
}

// busy reports whether the evaluation has a scan waiting or running.
func (sc *scanner) busy(evalID string) bool {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	for _, j := range sc.jobs {
		if j.evalID == evalID {
			return true
		}
	}
	return false
}

// state returns the live state of a scan that waits or runs.
func (sc *scanner) state(id string) (live, bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	j, ok := sc.jobs[id]
	if !ok {
		return live{}, false
	}
	return j.state, true
}

// subscribe returns a channel of state changes for a scan, closed when it
// ends; ok is false when the scan is not waiting or running.
func (sc *scanner) subscribe(id string) (ch chan live, cancel func(), ok bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	j, ok := sc.jobs[id]
	if !ok {
		return nil, nil, false
	}
	ch = make(chan live, 16)
	j.subs[ch] = true
	ch <- j.state
	return ch, func() {
		sc.mu.Lock()
		defer sc.mu.Unlock()
		if j.subs[ch] {
			delete(j.subs, ch)
			close(ch)
		}
	}, true
}

// publishLocked sends j's state to its subscribers; a slow one misses a
// step, never the end.
func (sc *scanner) publishLocked(j *job) {
	for ch := range j.subs {
		select {
		case ch <- j.state:
		default:
		}
	}
}

func (sc *scanner) positionsLocked() {
	for i, j := range sc.queue {
		j.state.Position = i + 1
		sc.publishLocked(j)
	}
}

// next takes the oldest waiting scan, or nil when the scanner stops.
func (sc *scanner) next() *job {
	for {
		sc.mu.Lock()
		if sc.ctx.Err() != nil {
			sc.mu.Unlock()
			return nil
		}
		if len(sc.queue) > 0 {
			j := sc.queue[0]
			sc.queue = sc.queue[1:]
			j.state = live{Status: statusRunning}
			sc.running++
			sc.positionsLocked()
			sc.publishLocked(j)
			sc.mu.Unlock()
			return j
		}
		sc.mu.Unlock()
		select {
		case <-sc.wake:
		case <-sc.ctx.Done():
		}
	}
}

func (sc *scanner) worker() {
	for {
		j := sc.next()
		if j == nil {
			return
		}
		sc.run(j)
		// Let the next worker know in case a wake was taken by this one.
		select {
		case sc.wake <- struct{}{}:
		default:
		}
	}
}

// run scans one job and records the outcome.
func (sc *scanner) run(j *job) {
	s := sc.srv
	ctx, cancel := context.WithTimeout(sc.ctx, s.cfg.ScanTimeout)
	defer cancel()
	_ = s.store.setScanStatus(j.id, statusRunning, "")
	ev, err := s.store.evaluation(ctx, j.evalID)
	if err != nil {
		sc.end(j, statusFailed, err.Error(), nil)
		return
	}
	events := progress.Func(func(e progress.Event) {
		sc.mu.Lock()
		defer sc.mu.Unlock()
		switch e.Kind {
		case progress.PageStarted:
			j.state.URL = e.URL
		case progress.PageDone, progress.PageFailed:
			j.state.URL = e.URL
		case progress.ChecksStarted:
			j.state.URL = ""
		default:
			return
		}
		j.state.Done, j.state.Planned = e.Done, e.Planned
		sc.publishLocked(j)
	})
	opts := crawler.Options{Start: []string{j.url}, MaxPages: s.cfg.MaxPages, Budget: s.cfg.ScanTimeout,
		Browser: s.cfg.Browser, NoBrowser: s.cfg.NoBrowser, BlockOutside: true, Concurrency: 2, AllowIP: s.allowIP()}
	out, err := engine.Run(ctx, engine.Plan{Model: s.model, Answers: answersOf(ev), Registry: s.reg, Crawl: opts,
		Languages: s.model.Languages, Tool: s.cfg.Tool, Events: events})
	status, msg := statusDone, ""
	switch {
	case err == nil:
	case errors.Is(err, engine.ErrInterrupted) && sc.ctx.Err() == nil:
		msg = "timeout" // the time limit: the result covers the pages scanned so far
	case errors.Is(err, engine.ErrInterrupted) || sc.ctx.Err() != nil:
		status, msg = statusInterrupted, "server stopped"
	default:
		status, msg = statusFailed, err.Error()
	}
	if out == nil || out.Result == nil {
		if status == statusDone {
			status = statusFailed
		}
		sc.end(j, status, msg, nil)
		return
	}
	if out.Result.Interrupted && msg == "" {
		msg = "timeout"
	}
	res, _ := json.MarshalIndent(out.Result, "", "  ")
	sc.end(j, status, msg, res)
}

// end records a scan's end and tells its watchers.
func (sc *scanner) end(j *job, status, msg string, res []byte) {
	if err := sc.srv.store.finishScan(j.id, status, msg, res); err != nil {
		log.Printf("didi serve: record scan %s: %v", j.id, err)
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.running--
	delete(sc.jobs, j.id)
	j.state = live{Status: status, Done: j.state.Done, Planned: j.state.Planned}
	for ch := range j.subs {
		select {
		case ch <- j.state:
		default:
		}
		close(ch)
		delete(j.subs, ch)
	}
}

// close stops the running scans (recorded as interrupted with what they
// scanned), records the waiting ones as interrupted and waits until every
// browser is gone.
func (sc *scanner) close() {
	sc.mu.Lock()
	sc.stop()
	waiting := sc.queue
	sc.queue = nil
	sc.mu.Unlock()
	for _, j := range waiting {
		sc.mu.Lock()
		sc.running++ // end decrements
		sc.mu.Unlock()
		sc.end(j, statusInterrupted, "server stopped", nil)
	}
	done := make(chan struct{})
	go func() { sc.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		log.Printf("didi serve: scans did not stop within 60 s")
	}
}
