package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/didi-index/didi/batch"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/progress"
)

// batchFlags are the flags of `didi batch`: scan's crawl limits (each site
// has them to itself), and the shard.
type batchFlags struct {
	scanFlags
	shard string
}

// scanFlagsForBatch are the scan flags that batch takes over as they are.
var scanFlagsForBatch = []string{
	"answers", "model", "browser", "include", "exclude", "header", "cookie", "max-pages", "max-depth",
	"concurrency", "timeout", "budget", "no-browser", "insecure", "allow-outside", "quiet", "verbose",
}

func (f *batchFlags) register(fs *flag.FlagSet) {
	scan := flag.NewFlagSet("scan", flag.ContinueOnError)
	f.scanFlags.register(scan)
	for _, name := range scanFlagsForBatch {
		fl := scan.Lookup(name)
		fs.Var(fl.Value, name, fl.Usage)
	}
	fs.Lookup("answers").Usage = "answers file for the sites whose line names none"
	f.outputFlags.register(fs, "html,json", "didi-batch")
	fs.StringVar(&f.shard, "shard", "", "scan only shard K of N (K/N, numbered from 1), for parallel workers")
}

func cmdBatch(ctx context.Context, args []string, e env) error {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	var f batchFlags
	f.register(fs)
	pos, err := parseFlags(fs, args, e.stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("batch: give one sites file (one URL a line, or CSV with the columns url,name,group,answers)")
	}
	var shard batch.Shard
	if f.shard != "" {
		if shard, err = batch.ParseShard(f.shard); err != nil {
			return usageErr("batch: --shard %v", err)
		}
	}
	sites, err := batch.ReadSites(pos[0])
	if err != nil {
		return badInput(err)
	}
	for i := range sites {
		if sites[i].Answers == "" {
			sites[i].Answers = f.answers
		}
	}
	m, err := loadModel(f.model)
	if err != nil {
		return err
	}
	langs, formats, err := f.resolve(m.Languages)
	if err != nil {
		return err
	}
	opts, err := f.crawlOptions(nil, e)
	if err != nil {
		return err
	}
	var prog *batch.Progress
	if !f.quiet {
		prog = batch.NewProgress(e.stderr, e.stderrTTY, f.verbose)
	}
	sum, err := batch.Run(ctx, batch.Config{
		Sites: shard.Select(sites), Shard: shard, Out: f.out, Formats: formats, Langs: langs, Retries: 1, Progress: prog,
		Plan: engine.Plan{Model: m, Registry: registry, Crawl: opts, Languages: langs, Tool: tool(), Clock: now},
	})
	if sum != nil {
		printBatchSummary(e, sum, f.out)
	}
	return err
}

func cmdMerge(args []string, e env) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	lang := fs.String("lang", "nl,fr", "languages of summary.html: nl, fr, en (one or more, comma-separated)")
	out := fs.String("out", "", "folder for the merged summary and the sites' folders (required)")
	sitesFile := fs.String("sites", "", "the whole sites file: sites that no shard holds are reported missing")
	dirs, err := parseFlags(fs, args, e.stderr)
	if err != nil {
		return err
	}
	if len(dirs) == 0 || *out == "" {
		return usageErr("merge: give the shards' output folders and --out DIR")
	}
	var sites []batch.Site
	if *sitesFile != "" {
		if sites, err = batch.ReadSites(*sitesFile); err != nil {
			return badInput(err)
		}
	}
	sum, err := batch.Merge(batch.MergeConfig{Inputs: dirs, Out: *out, Sites: sites, Langs: listFlag(*lang)})
	if sum != nil {
		printBatchSummary(e, sum, *out)
	}
	return err
}

// printBatchSummary writes a short summary of a batch to stdout.
func printBatchSummary(e env, s *batch.Summary, out string) {
	fmt.Fprintf(e.stdout, "didi batch: %d sites: %d done, %d failed", s.Counts.Total, s.Counts.Done, s.Counts.Failed)
	if s.Counts.NotScanned > 0 {
		fmt.Fprintf(e.stdout, ", %d not scanned", s.Counts.NotScanned)
	}
	if s.Counts.Missing > 0 {
		fmt.Fprintf(e.stdout, ", %d missing", s.Counts.Missing)
	}
	if s.All.Index != nil {
		fmt.Fprintf(e.stdout, "; mean index %.1f", *s.All.Index)
	}
	fmt.Fprintf(e.stdout, "\nwrote %s\n", progress.Clean(out+"/summary.html"))
}
