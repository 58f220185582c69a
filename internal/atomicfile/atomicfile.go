// Package atomicfile writes files so that readers never see half a file:
// into a temporary file in the same folder, then renamed over the target.
//
// The temporary files are named ".<name>.didi-<16 hex digits>.tmp". A
// process killed while it wrote leaves one behind; the next write into the
// same folder (once per folder and process) removes those of ours that are
// older than StaleAfter, and no other file. The final file gets the mode
// os.Create would give it: 0666 less the umask for a new file, the mode it
// had for a file that is replaced.
package atomicfile

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// StaleAfter is the age from which a temporary file of ours is taken as
// left behind by a process that was killed: no write takes that long.
const StaleAfter = 15 * time.Minute

// tmpMark and tmpSuffix frame the random part of a temporary file's name.
const (
	tmpMark   = ".didi-"
	tmpSuffix = ".tmp"
	tmpRandom = 16 // hex digits
)

// Write writes path through write. On any error the temporary file is
// removed and path is left as it was.
func Write(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	cleanOnce(dir)
	tmp, err := create(dir, filepath.Base(path))
	if err != nil {
		return fmt.Errorf("create temporary file for %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(buf); err != nil {
		return err
	}
	if err = buf.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// os.Create keeps the mode of a file it truncates.
	if fi, serr := os.Stat(path); serr == nil && fi.Mode().IsRegular() {
		if err = tmp.Chmod(fi.Mode().Perm()); err != nil {
			return fmt.Errorf("set mode of %s: %w", path, err)
		}
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rename into %s: %w", path, err)
	}
	return nil
}

// WriteBytes writes data to path atomically.
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// create makes a new temporary file for base in dir with mode 0666, which
// the system lowers by the umask, as os.Create does (os.CreateTemp would
// make it 0600).
func create(dir, base string) (*os.File, error) {
	for range 10 {
		var r [tmpRandom / 2]byte
		rand.Read(r[:]) // never fails (crypto/rand)
		name := filepath.Join(dir, "."+base+tmpMark+hex.EncodeToString(r[:])+tmpSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("no free temporary file name")
}

// ours reports whether a file name is one of our temporary files.
func ours(name string) bool {
	rest, ok := strings.CutSuffix(name, tmpSuffix)
	if !ok || !strings.HasPrefix(name, ".") || len(rest) < len(tmpMark)+tmpRandom+2 {
		return false
	}
	random := rest[len(rest)-tmpRandom:]
	if !strings.HasSuffix(rest[:len(rest)-tmpRandom], tmpMark) {
		return false
	}
	_, err := hex.DecodeString(random)
	return err == nil && strings.ToLower(random) == random
}

// cleaned holds the folders cleaned by this process.
var cleaned sync.Map

// cleanOnce removes, the first time this process writes into dir, the
// temporary files of ours older than StaleAfter. Errors are ignored: a
// file that cannot be removed does no harm.
func cleanOnce(dir string) {
	key := dir
	if abs, err := filepath.Abs(dir); err == nil {
		key = abs
	}
	if _, done := cleaned.LoadOrStore(key, true); done {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !ours(e.Name()) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > StaleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
