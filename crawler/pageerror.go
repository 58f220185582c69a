package crawler

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/didi-index/didi/snapshot"

	"golang.org/x/net/html"
)

// Page error codes: stable names of the reasons a page could not be
// scanned, with the parameters each one sets (Snapshot.ErrorCode and
// ErrorParams; reports render them in their language).
const (
	ErrHTTPStatus       = "http_status"       // status: the HTTP status code
	ErrNotHTML          = "not_html"          // type: the content type
	ErrTooLarge         = "too_large"         // mb: the limit in MB
	ErrTooDeep          = "too_deep"          // max: how deep elements may be nested
	ErrBinary           = "binary"            // binary content served as HTML
	ErrTimeout          = "timeout"           // the server did not answer in time
	ErrBrowserTimeout   = "browser_timeout"   // after: the page timeout, e.g. "30s"
	ErrCancelled        = "cancelled"         // the scan was stopped
	ErrConnectionClosed = "connection_closed" // the server closed the connection
	ErrRefused          = "refused"           // the server refused the connection
	ErrNoHost           = "no_host"           // host: the name DNS does not know
	ErrTLS              = "tls"               // the certificate is not valid
	ErrRedirectLoop     = "redirect_loop"     // HTTP redirects in a loop or too many
	ErrRedirectOutside  = "redirect_outside"  // url: where it redirects to
	ErrClientUnreadable = "client_unreadable" // url: the address it goes on to
	ErrClientReload     = "client_reload"     // the page reloads itself at once
	ErrClientLoop       = "client_loop"       // url: the page it loops back to
	ErrClientTooMany    = "client_too_many"   // max: how many times it may go on
	ErrClientOutside    = "client_outside"    // url: the page outside the site
	ErrBrowser          = "browser"           // detail: what the browser said
	ErrBrowserStopped   = "browser_stopped"   // detail: what the browser said
	ErrOther            = "other"             // detail: the error text
)

// pageError is an error with a stable code and parameters; its text is the
// English reason kept in Snapshot.Error.
type pageError struct {
	code   string
	params map[string]string
	msg    string
}

func (e *pageError) Error() string { return e.msg }

// newPageError builds a page error from a code, its English text and
// name/value pairs of parameters.
func newPageError(code, msg string, kv ...string) *pageError {
	e := &pageError{code: code, msg: msg}
	if len(kv) > 1 {
		e.params = map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			e.params[kv[i]] = kv[i+1]
		}
	}
	return e
}

// setError records err as the reason snap could not be scanned: its text,
// and its code and parameters ("other" with the text as detail when err
// has no code).
func setError(snap *snapshot.Snapshot, err error) {
	snap.Error = err.Error()
	var pe *pageError
	if errors.As(err, &pe) {
		snap.ErrorCode, snap.ErrorParams = pe.code, pe.params
		return
	}
	snap.ErrorCode, snap.ErrorParams = ErrOther, map[string]string{"detail": err.Error()}
}

// maxNesting is how deep the elements of a page may be nested for didi to
// read it: the HTML parser of the checks (golang.org/x/net/html) refuses
// deeper documents, and a page it cannot read would pass every check.
const maxNesting = 512

// parseHTML parses src as the checks do. A document nested deeper than
// maxNesting is an ErrTooDeep page error.
func parseHTML(src string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(src))
	switch {
	case err == nil:
		return doc, nil
	case strings.Contains(err.Error(), "open stack of elements exceeds"):
		return nil, newPageError(ErrTooDeep, fmt.Sprintf("elements nested more than %d deep: the HTML cannot be read", maxNesting),
			"max", strconv.Itoa(maxNesting))
	}
	return nil, fmt.Errorf("read the HTML: %w", err)
}
