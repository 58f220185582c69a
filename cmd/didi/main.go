// Command didi is the Digital Inclusion by Design Index: it scores how
// digitally inclusive a website is on seven criteria, from a questionnaire
// and automated checks in a headless browser, and writes reports.
//
// This package holds flags and wiring only; it is the one place where errors
// become exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/didi-index/didi/criteria"
)

// Version is the tool version; release builds set it with -ldflags "-X main.Version=...".
var Version = "0.1.0"

// Exit codes, as in DESIGN.md.
const (
	exitOK         = 0
	exitGateFailed = 1
	exitBadInput   = 2
	exitScanFailed = 3
)

// exitError carries an exit code with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr is a bad-usage or bad-input error (exit 2).
func usageErr(format string, a ...any) error {
	return &exitError{code: exitBadInput, err: fmt.Errorf(format, a...)}
}

// badInput wraps an error from loading a model, answers, config or result
// (exit 2).
func badInput(err error) error { return &exitError{code: exitBadInput, err: err} }

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stdinTTY and stderrTTY tell whether those are terminals.
	stdinTTY, stderrTTY bool
}

const usage = `didi — Digital Inclusion by Design Index

Usage:
  didi scan URL... [flags]          scan a site and write reports (didi scan -h for flags)
  didi questionnaire [flags]        answer the questionnaire (--lang nl --out answers.yaml [--template])
  didi report RESULT.json [flags]   render reports again from a result (--lang, --format, --out)
  didi diff BASE.json HEAD.json     compare two results (--fail-on-regression POINTS)
  didi model validate [FILE]        check a model file
  didi model show [--lang L] [--format md|json]
  didi checks [--lang L]            list the automated checks
  didi demo [--out DIR]             scan an embedded sample site and write every report
  didi version

Exit codes: 0 done, 1 a gate failed, 2 bad usage or input, 3 the scan failed.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stdinTTY: isTerminal(os.Stdin), stderrTTY: isTerminal(os.Stderr)}
	code := run(ctx, os.Args[1:], e)
	stop()
	os.Exit(code)
}

// run executes one didi command and returns its exit code.
func run(ctx context.Context, args []string, e env) int {
	err := dispatch(ctx, args, e)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var errs criteria.Errors
	if errors.As(err, &errs) {
		for _, x := range errs {
			fmt.Fprintln(e.stderr, x.Error())
		}
		return exitBadInput
	}
	fmt.Fprintln(e.stderr, "didi:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return exitScanFailed
}

func dispatch(ctx context.Context, args []string, e env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return usageErr("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "scan":
		return cmdScan(ctx, rest, e)
	case "questionnaire":
		return cmdQuestionnaire(ctx, rest, e)
	case "report":
		return cmdReport(rest, e)
	case "diff":
		return cmdDiff(rest, e)
	case "model":
		return cmdModel(rest, e)
	case "checks":
		return cmdChecks(rest, e)
	case "demo":
		return cmdDemo(ctx, rest, e)
	case "version", "--version", "-version":
		fmt.Fprintf(e.stdout, "didi %s\n", Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(e.stdout, usage)
		return nil
	}
	fmt.Fprint(e.stderr, usage)
	return usageErr("unknown command %q", cmd)
}
