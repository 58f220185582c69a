package report

import (
	"bytes"
	"testing"
)

// writerGoldens names the golden file of a format whose golden has another
// name: the fixture itself is the JSON writer's output, and the Markdown
// golden in two languages is TestMarkdownGolden's.
var writerGoldens = map[string]string{"json": "../result.json", "md": "report-nl-fr.md"}

// TestEveryWriterGolden renders the fixture in every registered format, in
// Dutch and French, and compares the bytes with testdata/golden/writer.<format>
// (go test ./report -update rewrites them). A new format gets its golden
// without a new test. The PDF, binary and checked through pdftotext in
// pdf_test.go, must only come out the same twice.
func TestEveryWriterGolden(t *testing.T) {
	r := loadFixture(t)
	for _, name := range Formats() {
		t.Run(name, func(t *testing.T) {
			render := func() []byte {
				w, err := WriterFor(name)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := w.Write(&buf, r, []string{"nl", "fr"}); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			got := render()
			if name == "pdf" {
				if !bytes.Equal(got, render()) {
					t.Error("two renderings of the same result differ")
				}
				return
			}
			file, ok := writerGoldens[name]
			if !ok {
				file = "writer." + name
			}
			golden(t, file, got)
		})
	}
}
