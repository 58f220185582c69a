package main

import (
	"context"
	"flag"
	"time"

	"github.com/didi-index/didi/serve"
)

// cmdServe is `didi serve`: flags only; the application is package serve.
func cmdServe(ctx context.Context, args []string, e env) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var c serve.Config
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:8080", "address to listen on; any other than loopback needs --token (one is made when not given)")
	fs.StringVar(&c.DB, "db", "", "SQLite database file (default: didi/serve.db in your data folder; :memory: keeps nothing)")
	fs.StringVar(&c.Token, "token", "", "access token every request must carry (?token= once, then a cookie)")
	fs.BoolVar(&c.AllowPrivate, "allow-private", false, "let scans reach loopback and private networks (never on a shared server)")
	fs.StringVar(&c.Operator, "operator", "", "who runs this server: name and postal address, shown on every page")
	fs.StringVar(&c.Browser, "browser", "", "path to Chromium or Chrome (default: $DIDI_BROWSER, then PATH)")
	fs.BoolVar(&c.NoBrowser, "no-browser", false, "scan over plain HTTP; checks that need a browser are not evaluated")
	fs.IntVar(&c.MaxScans, "max-scans", 2, "scans running at the same time (each has its own browser); the others wait in a queue")
	fs.IntVar(&c.MaxQueue, "max-queue", 200, "scans that may wait in the queue")
	fs.IntVar(&c.MaxPages, "max-pages", 10, "most pages per scan")
	fs.DurationVar(&c.ScanTimeout, "scan-timeout", 3*time.Minute, "time limit per scan")
	fs.Int64Var(&c.MaxBody, "max-body", 1<<20, "largest request body in bytes")
	fs.IntVar(&c.ScansPerMinute, "scans-per-minute", 6, "scans one client may start per minute")
	fs.IntVar(&c.MaxSessions, "max-sessions", 100, "class sessions on this server")
	fs.IntVar(&c.MaxStudents, "max-students", 200, "students per class session")
	rest, err := parseFlags(fs, args, e.stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("serve: unexpected argument %q", rest[0])
	}
	if c.MaxScans < 1 || c.MaxPages < 1 || c.ScanTimeout <= 0 || c.MaxBody < 1024 || c.ScansPerMinute < 1 ||
		c.MaxSessions < 1 || c.MaxStudents < 1 || c.MaxQueue < 1 {
		return usageErr("serve: the limits must be positive (and --max-body at least 1024)")
	}
	if c.DB == "" {
		if c.DB, err = serve.DefaultDB(); err != nil {
			return usageErr("serve: no data folder (%v); give --db FILE", err)
		}
	}
	c.Tool = tool()
	c.Log = e.stderr
	return serve.Run(ctx, c)
}
