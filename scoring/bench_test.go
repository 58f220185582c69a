package scoring

import (
	"context"
	"os"
	"testing"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/internal/proctree"
	"github.com/didi-index/didi/snapshot"
)

// BenchmarkEvaluateSnapshots measures the checks phase of a scan: every
// check of the default model on saved snapshots, each page wrapped afresh
// (its DOM parsed again) in every iteration, as in a scan. The snapshots
// come from DIDI_BENCH_SNAPSHOTS (bench/checks.sh saves the 50 wet-boew
// pages there); without it the benchmark is skipped.
func BenchmarkEvaluateSnapshots(b *testing.B) {
	path := os.Getenv("DIDI_BENCH_SNAPSHOTS")
	if path == "" {
		b.Skip("DIDI_BENCH_SNAPSHOTS is not set; bench/checks.sh sets it")
	}
	snaps, err := snapshot.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	reg := checks.Default()
	m, err := criteria.LoadDefault(Known(reg))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := proctree.SelfCPU()
	for b.Loop() {
		pages := make([]*checks.Page, len(snaps))
		for i := range snaps {
			pages[i] = checks.NewPage(&snaps[i], i == 0)
		}
		Evaluate(context.Background(), m, reg, pages)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(len(snaps)), "ms/page")
	// CPU time is steadier than wall time on a shared machine.
	b.ReportMetric(float64((proctree.SelfCPU()-cpu0).Milliseconds())/float64(b.N)/float64(len(snaps)), "cpu-ms/page")
}
