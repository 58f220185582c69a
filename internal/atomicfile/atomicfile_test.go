package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.txt")
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half a rep")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error = %v, want boom", err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != "first" {
		t.Errorf("after a failed write the file holds %q, want the old content", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	if err := Write(filepath.Join(dir, "missing", "x"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing folder did not fail")
	}
}

func TestWriteBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	if err := WriteBytes(path, []byte("x: 1\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "x: 1\n" {
		t.Errorf("file holds %q", b)
	}
}

// TestStaleTempFilesAreRemoved leaves temporary files behind as a killed
// process would: the next write into the folder removes ours that are old,
// and keeps a fresh one of ours (another process may be writing it) and
// every file that is not ours.
func TestStaleTempFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	files := []struct {
		name string
		old  bool
		kept bool
	}{
		{".report.pdf.didi-0123456789abcdef.tmp", true, false},    // ours, left by a kill
		{".result.json.didi-fedcba9876543210.tmp", true, false},   // ours, for another file
		{".report.html.didi-00112233445566ff.tmp", false, true},   // ours, but being written now
		{".report.pdf.123456789.tmp", true, true},                 // os.CreateTemp's pattern: anyone's
		{".report.pdf.didi-0123456789ABCDEF.tmp", true, true},     // not our spelling
		{".report.pdf.didi-0123456789abcdef.tmp.bak", true, true}, // not a temporary file
		{"notes.didi-0123456789abcdef.tmp", true, true},           // not hidden: not ours
		{"draft.tmp", true, true},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if f.old {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Mkdir(filepath.Join(dir, ".x.didi-0123456789abcdef.tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(filepath.Join(dir, "report.pdf"), []byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	for _, f := range files {
		if got := slices.Contains(left, f.name); got != f.kept {
			t.Errorf("%s: kept %t, want %t", f.name, got, f.kept)
		}
	}
	if !slices.Contains(left, ".x.didi-0123456789abcdef.tmp") {
		t.Error("a folder with our name pattern was removed")
	}
	if !slices.Contains(left, "report.pdf") {
		t.Error("report.pdf was not written")
	}
}

func TestOurs(t *testing.T) {
	tests := map[string]bool{
		".a.didi-0123456789abcdef.tmp":     true,
		".a.b.didi-0123456789abcdef.tmp":   true,
		".didi-0123456789abcdef.tmp":       false, // no file name
		".a.didi-0123456789abcde.tmp":      false, // 15 digits
		".a.didi-0123456789abcdeg.tmp":     false,
		".a.didi-0123456789abcdef.tmp.tmp": false,
		".a.0123456789abcdef.tmp":          false,
	}
	for name, want := range tests {
		if got := ours(name); got != want {
			t.Errorf("ours(%q) = %t, want %t", name, got, want)
		}
	}
}
