package snapshot

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// Spool keeps snapshots in a temporary file, compressed, so that a scan of
// thousands of pages holds only their light copies (Light) in memory: a
// wet-boew page with its browser facts takes about 20 kB there and a few
// milliseconds to store and to read back (Ref.Load). The file is removed
// from its folder as soon as it is created (on systems that allow it), so
// nothing is left behind however the process ends; Close releases it.
type Spool struct {
	mu   sync.Mutex
	f    *os.File
	path string // "" once removed from the folder
	size int64
	err  error // the first write error: later Puts fail with it
}

// Ref locates a snapshot in a Spool.
type Ref struct {
	spool  *Spool
	off, n int64
}

// NewSpool creates a spool file in dir (os.TempDir when "").
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, "didi-snapshots-*")
	if err != nil {
		return nil, fmt.Errorf("create snapshot spool: %w", err)
	}
	s := &Spool{f: f, path: f.Name()}
	if os.Remove(f.Name()) == nil {
		s.path = ""
	}
	return s, nil
}

// Put stores snap and returns where it is. A record is the HTML after its
// length, the DOM after its length plus one (0: the DOM is the HTML, as
// without a browser, and is not written twice), and the rest of the
// snapshot as JSON, compressed: JSON would escape every quote of the page
// and take longer to read back than the page takes to parse.
func (s *Spool) Put(snap *Snapshot) (Ref, error) {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, flate.BestSpeed)
	if err != nil {
		return Ref{}, fmt.Errorf("spool %s: %w", snap.URL, err)
	}
	rest := *snap
	rest.HTML, rest.DOM = "", ""
	w.Write(binary.AppendUvarint(nil, uint64(len(snap.HTML)))) // writes to b cannot fail
	io.WriteString(w, snap.HTML)
	if snap.DOM == snap.HTML {
		w.Write(binary.AppendUvarint(nil, 0))
	} else {
		w.Write(binary.AppendUvarint(nil, uint64(len(snap.DOM))+1))
		io.WriteString(w, snap.DOM)
	}
	if err := json.NewEncoder(w).Encode(&rest); err != nil {
		return Ref{}, fmt.Errorf("spool %s: %w", snap.URL, err)
	}
	if err := w.Close(); err != nil {
		return Ref{}, fmt.Errorf("spool %s: %w", snap.URL, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return Ref{}, s.err
	}
	if s.f == nil {
		return Ref{}, errors.New("spool is closed")
	}
	r := Ref{spool: s, off: s.size, n: int64(b.Len())}
	if _, err := s.f.WriteAt(b.Bytes(), s.size); err != nil {
		s.err = fmt.Errorf("spool %s: %w", snap.URL, err)
		return Ref{}, s.err
	}
	s.size += r.n
	return r, nil
}

// Load reads the snapshot back from its spool.
func (r Ref) Load() (*Snapshot, error) {
	s := r.spool
	if s == nil {
		return nil, errors.New("load snapshot: no spool")
	}
	s.mu.Lock()
	f := s.f
	s.mu.Unlock()
	if f == nil {
		return nil, errors.New("load snapshot: spool is closed")
	}
	zr := flate.NewReader(io.NewSectionReader(f, r.off, r.n))
	defer zr.Close()
	br := bufio.NewReader(zr)
	snap, err := readRecord(br)
	if err != nil {
		return nil, fmt.Errorf("load snapshot at %d of the spool: %w", r.off, err)
	}
	return snap, nil
}

// readRecord reads a record that Put wrote.
func readRecord(r *bufio.Reader) (*Snapshot, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	html, err := readN(r, n)
	if err != nil {
		return nil, err
	}
	dom := html // one string, as the crawler keeps it without a browser
	if n, err = binary.ReadUvarint(r); err != nil {
		return nil, err
	}
	if n > 0 {
		if dom, err = readN(r, n-1); err != nil {
			return nil, err
		}
	}
	var snap Snapshot
	if err := json.NewDecoder(r).Decode(&snap); err != nil {
		return nil, err
	}
	snap.HTML, snap.DOM = html, dom
	return &snap, nil
}

// readN reads a text of n bytes.
func readN(r *bufio.Reader, n uint64) (string, error) {
	var b strings.Builder
	b.Grow(int(n))
	if _, err := io.CopyN(&b, r, int64(n)); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Size is the number of bytes the spool holds.
func (s *Spool) Size() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.size
}

// Close releases the spool and removes its file.
func (s *Spool) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	if s.path != "" {
		if rerr := os.Remove(s.path); err == nil {
			err = rerr
		}
	}
	if err != nil {
		return fmt.Errorf("close snapshot spool: %w", err)
	}
	return nil
}

// Light returns a copy of s without what only the checks of the page
// itself read: the HTML and DOM and the browser's lists (accessibility
// tree, texts, targets, requests ...) and rendered text. Its address,
// status, error, headers and the browser's measures (timings, reflow) stay.
// A scan keeps light copies in memory and the snapshots in a Spool.
func (s *Snapshot) Light() Snapshot {
	l := *s
	l.HTML, l.DOM = "", ""
	if b := s.Browser; b != nil {
		l.Browser = &BrowserFacts{TextsCapped: b.TextsCapped, FocusSampled: b.FocusSampled, Reflow: b.Reflow,
			Timing: b.Timing, MinFontSizePx: b.MinFontSizePx, SlowLoadMs: b.SlowLoadMs}
	}
	return l
}
