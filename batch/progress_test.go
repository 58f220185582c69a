package batch

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/didi-index/didi/progress"
	"github.com/didi-index/didi/result"
)

// TestProgress: the batch's line on a terminal and its plain lines in a
// log; what a site gives (URL, error) cannot move the cursor.
func TestProgress(t *testing.T) {
	evil := Site{URL: "https://a.be/\x1b[2J\x1b[H?x"}
	for _, c := range []struct {
		tty  bool
		want []string
	}{
		{true, []string{"\r\x1b[Ksite 2/3 · https://a.be/\uFFFD[2J\uFFFD[H?x · pages 1/4", "didi: [2/3] https://a.be/\uFFFD[2J", "index 61.5 (level C), 0 pages"}},
		{false, []string{"didi: [2/3] https://a.be/\uFFFD[2J\uFFFD[H?x: failed (will try again): boom\uFFFD", "trying again (attempt 2)", "index 61.5 (level C)"}},
	} {
		var b bytes.Buffer
		p := NewProgress(&b, c.tty, false)
		p.start(3)
		p.siteStarted(1, evil, 1)
		p.pageEvents().Emit(progress.Event{Kind: progress.PageDone, URL: "https://a.be/p", Done: 1, Planned: 4})
		p.siteFailed(1, evil, "boom\x1b", true)
		p.siteStarted(1, evil, 2)
		p.siteDone(1, evil, &result.Result{Index: 61.5, Level: "C"})
		out := b.String()
		for _, w := range c.want {
			assert.Contains(t, out, w, "tty %t", c.tty)
		}
		assert.Equal(t, 0, strings.Count(strings.ReplaceAll(out, "\r\x1b[K", ""), "\x1b"), "tty %t: an escape from the site got through: %q", c.tty, out)
	}
	var quiet *Progress
	quiet.siteStarted(0, evil, 1) // nil is quiet
	quiet.pageEvents().Emit(progress.Event{Kind: progress.PageDone})
}
