package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/didi-index/didi/scoring"
)

var update = flag.Bool("update", false, "rewrite testdata/result.json and the golden files")

// fixturePath is the realistic Result the golden tests render.
const fixturePath = "testdata/result.json"

// loadFixture reads testdata/result.json, regenerating it with -update.
func loadFixture(t testing.TB) *scoring.Result {
	t.Helper()
	if *update {
		var buf bytes.Buffer
		if err := (jsonWriter{}).Write(&buf, fixtureResult(27), nil); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fixturePath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatalf("read fixture (run go test -update once): %v", err)
	}
	var r scoring.Result
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("decode fixture: %v", err)
	}
	return &r
}

// TestWriteSample writes every format of the fixture to $DIDI_REPORT_OUT,
// for looking at the output by eye.
func TestWriteSample(t *testing.T) {
	dir := os.Getenv("DIDI_REPORT_OUT")
	if dir == "" {
		t.Skip("set DIDI_REPORT_OUT to write the sample reports")
	}
	r := loadFixture(t)
	paths, err := WriteFiles(dir, r, Formats(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		t.Log(filepath.Base(p))
	}
}
