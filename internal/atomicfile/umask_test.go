//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestModeHonoursUmask: a new file gets 0666 less the umask, as with
// os.Create, and a file that is replaced keeps its mode.
func TestModeHonoursUmask(t *testing.T) {
	tests := []struct {
		umask int
		want  fs.FileMode
	}{
		{0o022, 0o644},
		{0o077, 0o600},
		{0o002, 0o664},
		{0o027, 0o640},
	}
	for _, tt := range tests {
		old := syscall.Umask(tt.umask)
		path := filepath.Join(t.TempDir(), "result.json")
		err := WriteBytes(path, []byte("{}"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != tt.want {
			t.Errorf("umask %03o: mode %03o, want %03o", tt.umask, got, tt.want)
		}
	}

	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, []byte("a"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(path, []byte("b")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("a replaced file has mode %03o, want its own 0640", fi.Mode().Perm())
	}
}
