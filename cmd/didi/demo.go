package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/progress"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/demo"
)

// cmdDemo serves the embedded sample site on a random loopback port, scans
// it with the embedded sample answers and writes every report format.
func cmdDemo(ctx context.Context, args []string, e env) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	out := fs.String("out", "didi-demo", "folder for the output files")
	lang := fs.String("lang", "nl,fr", "report languages: nl, fr, en")
	browser := fs.String("browser", "", "path to Chromium or Chrome (default: $DIDI_BROWSER, then PATH)")
	noBrowser := fs.Bool("no-browser", false, "scan without a browser")
	quiet := fs.Bool("quiet", false, "no progress output")
	if _, err := parseFlags(fs, args, e.stderr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("demo: serve sample site: %w", err)
	}
	srv := &http.Server{Handler: http.FileServerFS(demo.Site()), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln) //nolint:errcheck // ends with Shutdown
	defer srv.Shutdown(context.Background())
	target := "http://" + ln.Addr().String() + "/index.html"

	m, err := loadModel("")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return usageErr("--out: %v", err)
	}
	answers, err := criteria.ParseAnswers("demo/answers.yaml", demo.Answers(), m)
	if err != nil {
		return badInput(err)
	}
	o := outputFlags{lang: *lang, format: "pdf,html,md,json", out: *out}
	langs, formats, err := o.resolve(m.Languages)
	if err != nil {
		return err
	}
	opts := crawler.Options{Start: []string{target}, MaxPages: 25, MaxDepth: crawler.DefaultMaxDepth, Concurrency: crawler.DefaultConcurrency(),
		Timeout: 30 * time.Second, Budget: 5 * time.Minute, Browser: *browser, NoBrowser: *noBrowser, BlockOutside: true}
	var events progress.Func
	if !*quiet {
		events = progress.Terminal(e.stderr, e.stderrTTY, false)
	}
	fmt.Fprintf(e.stderr, "didi demo: scanning the sample site at %s\n", target)
	run, err := engine.Run(ctx, engine.Plan{Model: m, Answers: answers, Registry: registry, Crawl: opts,
		Languages: langs, Tool: tool(), Clock: now, Events: events, FallbackNoBrowser: true})
	if err != nil {
		return err
	}
	res := run.Result
	if err := writeAndGate(res, formats, langs, *out, nil, e); err != nil {
		return err
	}
	abs, _ := filepath.Abs(*out)
	fmt.Fprintf(e.stdout, "The demo reports are in %s (open didi-report.pdf or didi-report.html).\n", abs)
	return nil
}
