//go:build unix

package main

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSecondInterruptStopsAtOnce runs didi (this test binary, calling
// main) on a site whose start page is big enough that checking it takes a
// while, and whose other pages never answer. The first Ctrl-C stops the
// crawl, and didi goes on to check the start page; the second Ctrl-C, sent
// then, kills didi by the signal's default action rather than waiting for
// the checks (main restores it after the first).
func TestSecondInterruptStopsAtOnce(t *testing.T) {
	if args := os.Getenv("DIDI_TEST_MAIN_ARGS"); args != "" {
		os.Args = append([]string{"didi"}, strings.Split(args, "\x1f")...)
		main()
		return
	}
	hung := make(chan struct{})
	var once sync.Once
	done := make(chan struct{})
	defer close(done)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			once.Do(func() { close(hung) })
			select { // never answers
			case <-r.Context().Done():
			case <-done:
			}
			return
		}
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><title>Links</title></head><body><main><h1>Links</h1><p>`)
		for i := range 150_000 {
			fmt.Fprintf(w, `<a href="/p/%d">Page %d</a> `, i, i)
		}
		fmt.Fprint(w, `</p></main></body></html>`)
	}))
	defer srv.Close()

	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondInterruptStopsAtOnce$")
	cmd.Env = append(os.Environ(), "DIDI_TEST_MAIN_ARGS="+strings.Join([]string{"scan", srv.URL + "/", "--no-browser",
		"--concurrency", "1", "--max-pages", "50", "--timeout", "5m", "--format", "json", "--out", out, "--quiet"}, "\x1f"))
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	stopping := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "Ctrl-C again stops at once") {
				close(stopping)
			}
		}
		exited <- cmd.Wait()
	}()
	select {
	case <-hung:
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("didi did not get to the second page")
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	select {
	case <-stopping:
	case err := <-exited:
		t.Fatalf("didi ended before it said it was stopping: %v", err)
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("didi did not say it was stopping")
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the second Ctrl-C did not stop didi")
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	require.True(t, ws.Signaled() && ws.Signal() == syscall.SIGINT,
		"didi was not stopped by the second Ctrl-C (exit %d): it finished its work first", cmd.ProcessState.ExitCode())
}
