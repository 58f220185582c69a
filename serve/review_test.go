package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	pngenc "image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/didi-index/didi/result"
)

// TestReviewRescores: a check that came back needs_review is a question on
// the scan page; the answer changes the score at once, the same way as
// reviews: in an answers file, and still does after a restart.
func TestReviewRescores(t *testing.T) {
	path := browserOrSkip(t)
	bad := photoSite(t)
	cfg := Config{DB: filepath.Join(t.TempDir(), "serve.db"), AllowPrivate: true, Browser: path, MaxPages: 3}
	s := newTestServer(t, cfg)
	c := newClient(t, s.URL)
	ev := c.newEvaluation()
	_, _, scan := c.post(ev+"/scan", url.Values{"url": {bad.URL + "/"}})
	waitScan(t, s, scan)
	_, page, _ := c.get(scan)
	m := regexp.MustCompile(`name="review\.([a-z0-9-]+)" value="fail"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no review question on the scan page of a site with text on a photo")
	}
	id := m[1]
	read := func(c *client) *result.Result {
		_, body, _ := c.get(scan + "/report.json")
		var r result.Result
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			t.Fatal(err)
		}
		return &r
	}
	before := read(c)
	c.post(scan+"/review", url.Values{"review." + id: {"fail"}})
	after := read(c)
	if after.Index == before.Index {
		t.Errorf("answering review %s with fail left the index at %v", id, after.Index)
	}
	if !strings.Contains(mustJSON(t, after), `"review_answer": "fail"`) && !strings.Contains(mustJSON(t, after), `"review_answer":"fail"`) {
		t.Errorf("result.json does not record the review answer")
	}
	// After a restart on the same database.
	s.ts.Close()
	s.Close()
	s2, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ts2 := httptest.NewServer(s2.Handler())
	defer ts2.Close()
	c2 := newClient(t, ts2.URL)
	if again := read(c2); again.Index != after.Index {
		t.Errorf("after a restart the index is %v, before it was %v", again.Index, after.Index)
	}
	c2.post(scan+"/review", url.Values{"review." + id: {"pass"}})
	if passed := read(c2); passed.Index <= after.Index {
		t.Errorf("after a restart, a pass answer did not raise the index (%v, was %v)", passed.Index, after.Index)
	}
}

// photoSite serves a page with text on a photo, which color-contrast
// cannot decide (needs_review).
func photoSite(t *testing.T) *httptest.Server {
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for x := range 400 {
		for y := range 200 {
			img.Set(x, y, color.RGBA{uint8(x % 256), uint8(y), uint8((x + y) % 256), 255})
		}
	}
	var png bytes.Buffer
	if err := pngenc.Encode(&png, img); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/photo.png" {
			w.Header().Set("Content-Type", "image/png")
			w.Write(png.Bytes())
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="nl"><head><title>Foto</title></head><body><main><h1>Welkom</h1>`+
			`<p style="background-image:url(/photo.png);color:#fff;padding:3em;font-size:20px">Tekst op een foto</p></main></body></html>`)
	}))
	t.Cleanup(ts.Close)
	return ts
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
