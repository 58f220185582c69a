package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/didi-index/didi/result"
)

// The kinds of failure every front end tells apart. cmd/didi maps them to
// exit codes in one place (exitCode); serve and batch show or record them.
var (
	// ErrScanFailed: the scan failed as a whole: the browser would not
	// start, or no page could be loaded (exit 3).
	ErrScanFailed = errors.New("the scan failed")
	// ErrNothingScanned: no page could be loaded; it wraps ErrScanFailed.
	ErrNothingScanned = fmt.Errorf("%w: no page could be scanned", ErrScanFailed)
	// ErrInterrupted: the scan was stopped by a signal or a cancel before it
	// ended; a partial result may come with it (exit 130).
	ErrInterrupted = errors.New("interrupted")
)

// InputError is bad input from the user: a model, answers or config file,
// a flag or a URL (exit 2). Positional problems come as diag.Errors, which
// front ends treat the same way.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// BadInput wraps err as an InputError; nil stays nil.
func BadInput(err error) error {
	if err == nil {
		return nil
	}
	return &InputError{Err: err}
}

// BadInputf formats an InputError.
func BadInputf(format string, a ...any) error {
	return &InputError{Err: fmt.Errorf(format, a...)}
}

// GateError says which gates failed (exit 1): one line per gate, what was
// required and what was measured.
type GateError struct{ Failed []string }

// Error is one line per failed gate.
func (e *GateError) Error() string {
	return "gate failed: " + strings.Join(e.Failed, "\ngate failed: ")
}

// NothingScannedError lists why each page failed; it wraps
// ErrNothingScanned.
type NothingScannedError struct {
	// Reasons are "  URL: error" lines, in English.
	Reasons []string
	// Pages are the pages that failed, with their error codes, for front
	// ends that say why in the reader's language.
	Pages []result.Page
}

func (e *NothingScannedError) Error() string {
	return "no page could be scanned:\n" + strings.Join(e.Reasons, "\n")
}

// Unwrap makes errors.Is(err, ErrNothingScanned) true.
func (e *NothingScannedError) Unwrap() error { return ErrNothingScanned }
