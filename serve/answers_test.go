package serve

import (
	"bytes"
	"context"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/didi-index/didi/criteria"
)

// upload sends an answers file to an evaluation.
func (c *client) upload(ev string, content []byte) (int, string) {
	c.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	_ = mw.WriteField("csrf", c.csrf())
	fw, _ := mw.CreateFormFile("file", "answers.yaml")
	fw.Write(content)
	mw.Close()
	resp, err := c.http.Post(c.base+ev+"/answers", mw.FormDataContentType(), &b)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	return resp.StatusCode, body.String()
}

// TestAnswersRoundTrip: answers given in the forms download as a file that
// `didi scan --answers` reads (criteria.ParseAnswers) and load back into
// another evaluation; a bad file is refused with file:line:column.
func TestAnswersRoundTrip(t *testing.T) {
	s := newTestServer(t, Config{})
	c := newClient(t, s.URL)
	ev := c.newEvaluation()
	if code, _, loc := c.post(ev+"/q/accessible", url.Values{"accessible.audit": {"past-year"}, "accessible.fixes": {"no-such-option"}, "next": {"understandable"}}); code != http.StatusSeeOther || loc != ev+"/q/understandable" {
		t.Fatalf("save: %d %s", code, loc)
	}
	m := s.model
	q, _ := m.Question("accessible.audit")
	if _, ok := q.Option("past-year"); !ok {
		t.Fatalf("the model has no option recent for accessible.audit: %v", q.OptionIDs())
	}
	tq := m.Criterion("trustworthy").Questions[0]
	c.post(ev+"/q/trustworthy", url.Values{tq.ID: {tq.Options[0].ID}})
	_, yaml, h := c.get(ev + "/answers.yaml")
	if !strings.Contains(h.Get("Content-Disposition"), "answers.yaml") {
		t.Errorf("not a download: %v", h)
	}
	a, err := criteria.ParseAnswers("answers.yaml", []byte(yaml), m)
	if err != nil {
		t.Fatalf("the downloaded file does not parse: %v\n%s", err, yaml)
	}
	if a.Answers["accessible.audit"].Option != "past-year" || len(a.Answers) != 2 {
		t.Errorf("downloaded answers: %+v", a.Answers)
	}
	other := c.newEvaluation()
	if code, body := c.upload(other, []byte(yaml)); code != http.StatusOK || !strings.Contains(body, "zijn geladen") {
		t.Fatalf("upload: %d", code)
	}
	_, again, _ := c.get(other + "/answers.yaml")
	if again != yaml {
		t.Errorf("uploaded and downloaded again differs:\n%s\nwant\n%s", again, yaml)
	}
	code, body := c.upload(other, []byte("model: didi\nanswers:\n  accessible.audit: maybe\n"))
	if code != http.StatusBadRequest || !regexp.MustCompile(`answers\.yaml:3:\d+:`).MatchString(body) {
		t.Errorf("bad file: %d, want 400 with file:line:column", code)
	}
	if _, again2, _ := c.get(other + "/answers.yaml"); again2 != yaml {
		t.Errorf("a bad upload changed the answers")
	}
}

// TestShutdownInterrupts: closing the server stops a running scan, records
// it as interrupted and leaves no browser behind.
func TestShutdownInterrupts(t *testing.T) {
	path := browserOrSkip(t)
	dir, _ := os.MkdirTemp("/tmp", "didi-s")
	defer os.RemoveAll(dir)
	t.Setenv("TMPDIR", dir)
	hang := hangingServer(t)
	db := dir + "/serve.db"
	s, err := New(Config{DB: db, AllowPrivate: true, Browser: path})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ln := listen(t)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	c := newClient(t, "http://"+ln.Addr().String())
	_, _, loc := c.post(c.newEvaluation()+"/scan", url.Values{"url": {hang.URL + "/"}})
	for range 200 {
		if st, _ := s.scans.state(loc[strings.LastIndex(loc, "/")+1:]); st.Status == statusRunning && st.URL != "" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := descendants(os.Getpid()); n > 0 {
		t.Errorf("%d processes (browsers) left after shutdown", n)
	}
	st, err := openStore(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.close()
	row, _ := st.scan(context.Background(), loc[strings.LastIndex(loc, "/")+1:])
	if row.Status != statusInterrupted {
		t.Errorf("scan after shutdown: %s %q, want interrupted", row.Status, row.Error)
	}
}

// descendants counts the processes below pid.
func descendants(pid int) int {
	n := 0
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		for q := ppid(p); q > 1; q = ppid(q) {
			if q == pid {
				n++
				break
			}
		}
	}
	return n
}

func ppid(p int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	if len(f) < 2 {
		return 0
	}
	q, _ := strconv.Atoi(f[1])
	return q
}

func listen(t *testing.T) net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}
