package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noControls fails when out holds a control character other than a line
// break or a tab.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
			t.Errorf("%s holds control character %U: %q", what, r, out)
			return
		}
	}
}

// TestNoTerminalInjection: a hostile loopback site (an escape sequence and
// a fake line in its status text) and hostile result files (titles with
// escapes) cannot put control characters on stdout or stderr.
func TestNoTerminalInjection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprint(conn, "HTTP/1.1 500 \x1b[2J\x1b[Hdidi: all checks passed\rindex 100\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	})}}
	srv.Start()
	defer srv.Close()
	dir := t.TempDir()
	code, stdout, stderr := didi(t, "", "scan", srv.URL+"/", "--no-browser", "--verbose", "--out", dir)
	assert.Equal(t, 3, code, stderr)
	noControls(t, "scan stdout", stdout)
	noControls(t, "scan stderr", stderr)

	b, err := os.ReadFile(filepath.Join("testdata", "result.golden.json"))
	require.NoError(t, err)
	hostile := strings.ReplaceAll(string(b), `"en": "Accessible"`, `"en": "\u001b[2J\u001b[31mAccessible\u009b"`)
	require.NotEqual(t, string(b), hostile)
	base, head := filepath.Join(dir, "base.json"), filepath.Join(dir, "head.json")
	require.NoError(t, os.WriteFile(base, b, 0o644))
	require.NoError(t, os.WriteFile(head, []byte(hostile), 0o644))
	code, stdout, stderr = didi(t, "", "diff", base, head, "--lang", "en")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Accessible")
	noControls(t, "diff stdout", stdout)
}
