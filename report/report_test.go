package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didi-index/didi/result"
)

var update = flag.Bool("update", false, "rewrite testdata/result.json and the golden files")

// fixturePath is the realistic Result the golden tests render.
const fixturePath = "testdata/result.json"

// loadFixture reads testdata/result.json, regenerating it with -update.
func loadFixture(t testing.TB) *result.Result {
	t.Helper()
	if *update {
		var buf bytes.Buffer
		if err := (jsonWriter{}).Write(&buf, fixtureResult(4), nil); err != nil {
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
	var r result.Result
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

func TestWriterFor(t *testing.T) {
	tests := []struct {
		format  string
		wantErr bool
	}{
		{"pdf", false}, {"json", false}, {"html", false}, {"md", false}, {"junit", false}, {"sarif", false},
		{"docx", true}, {"", true}, {"PDF", true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			w, err := WriterFor(tt.format)
			if tt.wantErr {
				if !errors.Is(err, ErrUnknownFormat) {
					t.Fatalf("WriterFor(%q) error = %v, want ErrUnknownFormat", tt.format, err)
				}
				return
			}
			if err != nil || w.Format() != tt.format {
				t.Fatalf("WriterFor(%q) = %v, %v", tt.format, w, err)
			}
		})
	}
	if got := strings.Join(Formats(), ","); got != "html,json,junit,md,pdf,sarif" {
		t.Errorf("Formats() = %s", got)
	}
}

func TestWriteFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "nested")
	r := loadFixture(t)
	paths, err := WriteFiles(dir, r, []string{"json", "md", "html", "pdf"}, []string{"nl"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"result.json", "didi-report.md", "didi-report.html", "didi-report.pdf"}
	for i, p := range paths {
		if filepath.Base(p) != want[i] {
			t.Errorf("path %d = %s, want %s", i, p, want[i])
		}
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v, empty or missing", p, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("folder holds %d entries, want %d (temporary files left?)", len(entries), len(want))
	}
	if _, err := WriteFiles(dir, r, []string{"docx"}, nil); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format: error = %v", err)
	}
}

func TestResolveLangs(t *testing.T) {
	tests := []struct {
		name    string
		result  []string
		langs   []string
		want    string
		wantErr bool
	}{
		{"default", nil, nil, "nl,fr", false},
		{"from result", []string{"fr"}, nil, "fr", false},
		{"asked", []string{"nl", "fr"}, []string{"en"}, "en", false},
		{"duplicates", nil, []string{"fr", "nl", "fr"}, "fr,nl", false},
		{"unknown", nil, []string{"nl", "xx"}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := resolveLangs(&result.Result{Languages: tt.result}, tt.langs)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v", err)
			}
			if !tt.wantErr && strings.Join(got, ",") != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

func TestJSONStable(t *testing.T) {
	r := loadFixture(t)
	var a, b bytes.Buffer
	if err := (jsonWriter{}).Write(&a, r, nil); err != nil {
		t.Fatal(err)
	}
	if err := (jsonWriter{}).Write(&b, r, []string{"en"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two renderings of the same Result differ")
	}
	raw, _ := os.ReadFile(fixturePath)
	if !bytes.Equal(a.Bytes(), raw) {
		t.Error("decoding and encoding result.json changed its bytes")
	}
	if bytes.Contains(a.Bytes(), []byte(`\u003c`)) || !bytes.Contains(a.Bytes(), []byte("\n  \"schema_version\": 1,")) {
		t.Error("result.json is not indented or escapes HTML")
	}
}

// badResults are Results a writer must survive without panicking.
func badResults() map[string]*result.Result {
	nan := math.NaN()
	weird := fixtureResult(3)
	weird.Criteria[0].Title = txt("Emoji 🙂 and \x00control\tchars\r\n", "\uffff\u202f", "")
	weird.Criteria[0].Checks[0].Outcomes[0].Evidence = []result.Evidence{{Selector: strings.Repeat("div > ", 400), Snippet: strings.Repeat("<b>", 3000)}}
	weird.Criteria[1].Score = &nan
	weird.Index = math.Inf(1)
	weird.Pages = append(weird.Pages, result.Page{URL: strings.Repeat("https://x.be/", 200)})
	noCrit := fixtureResult(2)
	noCrit.Criteria, noCrit.Tips, noCrit.Levels = nil, nil, nil
	auto := fixtureResult(4)
	auto.Mode, auto.Assessment = "automated", nil
	return map[string]*result.Result{
		"empty":          {},
		"no criteria":    noCrit,
		"weird text":     weird,
		"automated only": auto,
		"no texts":       {Criteria: []result.Criterion{{ID: "x", Checks: []result.Check{{ID: "c", Outcomes: []result.Outcome{{Outcome: "fail"}}}}, Questions: []result.Question{{ID: "q"}}}}},
	}
}

func TestWritersSurviveBadInput(t *testing.T) {
	for name, r := range badResults() {
		for _, format := range Formats() {
			t.Run(name+"/"+format, func(t *testing.T) {
				w, _ := WriterFor(format)
				var buf bytes.Buffer
				err := w.Write(&buf, r, []string{"nl", "fr", "en"})
				if format == "json" && (name == "weird text") {
					return // NaN and Inf cannot be JSON; an error is the right answer
				}
				if err != nil {
					t.Fatalf("Write: %v", err)
				}
				if buf.Len() == 0 {
					t.Fatal("empty output")
				}
			})
		}
	}
	for _, format := range Formats() {
		w, _ := WriterFor(format)
		if err := w.Write(io.Discard, nil, nil); !errors.Is(err, ErrNoResult) {
			t.Errorf("%s with a nil Result: error = %v, want ErrNoResult", format, err)
		}
	}
}
