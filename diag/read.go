package diag

import (
	"fmt"
	"io"
	"os"
)

// Size limits of the files didi reads: a model, answers, config or URL list
// is small; a result.json holds every page's evidence.
const (
	MaxInputBytes  = 16 << 20
	MaxResultBytes = 256 << 20
)

// ReadFile reads the file at path, or fails when it holds more than max
// bytes (so /dev/zero or a huge file is an error, not an exhausted memory).
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, path, max)
}

// ReadAll reads r, named name in the error, up to max bytes.
func ReadAll(r io.Reader, name string, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s is larger than %d MB, too large for didi to read", name, max>>20)
	}
	return b, nil
}
