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

	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/progress"
)

// Version is the tool version; release builds set it with -ldflags "-X main.Version=...".
var Version = "0.1.0"

// Exit codes, as in DESIGN.md and the README.
const (
	exitOK          = 0
	exitGateFailed  = 1
	exitBadInput    = 2
	exitScanFailed  = 3
	exitInternal    = 4
	exitInterrupted = 130
)

// usageErr is a bad-usage or bad-input error (exit 2).
func usageErr(format string, a ...any) error { return engine.BadInputf(format, a...) }

// badInput wraps an error from loading a model, answers, config or result
// (exit 2).
func badInput(err error) error { return engine.BadInput(err) }

// exitCode maps an error to the exit code DESIGN.md promises. It is the one
// place where errors become exit codes.
func exitCode(err error) int {
	var pos diag.Errors
	var input *engine.InputError
	var gate *engine.GateError
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &pos), errors.As(err, &input):
		return exitBadInput
	case errors.As(err, &gate):
		return exitGateFailed
	case errors.Is(err, engine.ErrInterrupted):
		return exitInterrupted
	case errors.Is(err, engine.ErrScanFailed):
		return exitScanFailed
	}
	return exitInternal
}

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
  didi report RESULT.json [flags]   render reports again from a result (--lang, --format, --out);
                                    --answers FILE scores it again with those answers, without scanning
  didi diff BASE.json HEAD.json     compare two results (--format text|md|json, --fail-on-new,
                                    --fail-on-regression POINTS)
  didi model validate [FILE]        check a model file
  didi model show [--lang L] [--format md|json]
  didi checks [--lang L]            list the automated checks
  didi demo [--out DIR]             scan an embedded sample site and write every report
  didi batch SITES [--shard K/N] [--out DIR]  scan many sites, one summary (docs/batch.md)
  didi merge DIR... --out DIR [--sites FILE]  one summary from several shards' outputs
  didi serve [flags]                questionnaire, scans and class sessions in a browser (--addr, --db)
  didi version

Exit codes: 0 done, 1 a gate failed, 2 bad usage or input, 3 the scan failed,
4 internal error, 130 interrupted (a partial result is written).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	finished := make(chan struct{})
	go func() {
		// The first Ctrl-C lets didi finish what it has (a scan checks and
		// reports the pages it scanned); the signal's default comes back,
		// so a second one stops didi at once. Output files are written
		// atomically: a file is whole or not there.
		select {
		case <-ctx.Done():
		case <-finished:
			return
		}
		stop()
		fmt.Fprintln(os.Stderr, "didi: stopping (Ctrl-C again stops at once)")
	}()
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stdinTTY: isTerminal(os.Stdin), stderrTTY: isTerminal(os.Stderr)}
	code := run(ctx, os.Args[1:], e)
	close(finished)
	stop()
	os.Exit(code)
}

// run executes one didi command and returns its exit code.
func run(ctx context.Context, args []string, e env) int {
	// Everything on stdout is text that may quote a site, a model or a
	// result file: no control character gets through to the terminal.
	e.stdout = progress.CleanWriter(e.stdout)
	err := dispatch(ctx, args, e)
	code := exitCode(err)
	var pos diag.Errors
	var gate *engine.GateError
	switch {
	case code == exitOK:
	case errors.As(err, &pos):
		for _, x := range pos {
			fmt.Fprintln(e.stderr, progress.Clean(x.Error()))
		}
	case errors.As(err, &gate) && err == error(gate):
		for _, line := range gate.Failed {
			fmt.Fprintln(e.stderr, "didi: gate failed:", progress.Clean(line))
		}
	case code == exitInternal:
		fmt.Fprintln(e.stderr, "didi: internal error (please report it):", progress.Clean(err.Error()))
	default:
		fmt.Fprintln(e.stderr, "didi:", progress.CleanLines(err.Error()))
	}
	return code
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
	case "batch":
		return cmdBatch(ctx, rest, e)
	case "merge":
		return cmdMerge(rest, e)
	case "serve":
		return cmdServe(ctx, rest, e)
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
