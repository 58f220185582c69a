package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBatchAndMergeCommands: the exit codes and messages of didi batch and
// didi merge, over plain HTTP.
func TestBatchAndMergeCommands(t *testing.T) {
	fixClock(t)
	good, bad := serveSite(t, "good"), serveSite(t, "bad")
	dir := t.TempDir()
	sites := filepath.Join(dir, "sites.txt")
	require.NoError(t, os.WriteFile(sites, []byte(good.URL+"/\n"+bad.URL+"/\n"), 0o644))

	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"batch"}, 2, "give one sites file"},
		{[]string{"batch", sites, "--shard", "0/3"}, 2, "$((JOB_COMPLETION_INDEX + 1))/3"},
		{[]string{"batch", sites, "--shard", "4/3"}, 2, "K must be from 1 to 3"},
		{[]string{"batch", sites, "--shard", "x"}, 2, "is not K/N"},
		{[]string{"batch", filepath.Join(dir, "none.txt")}, 2, "none.txt"},
		{[]string{"merge", dir}, 2, "--out DIR"},
		{[]string{"merge", filepath.Join(dir, "nothing"), "--out", filepath.Join(dir, "m")}, 2, "nothing"},
	} {
		code, _, stderr := didi(t, "", c.args...)
		assert.Equal(t, c.code, code, "%v: %s", c.args, stderr)
		assert.Contains(t, stderr, c.msg, "%v", c.args)
	}

	out1, out2 := filepath.Join(dir, "s1"), filepath.Join(dir, "s2")
	for k, out := range []string{out1, out2} {
		code, stdout, stderr := didi(t, "", "batch", sites, "--no-browser", "--max-pages", "3", "--quiet", "--format", "json",
			"--shard", []string{"1/2", "2/2"}[k], "--out", out)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, "wrote "+out+"/summary.html")
	}
	code, stdout, stderr := didi(t, "", "merge", out1, out2, "--sites", sites, "--out", filepath.Join(dir, "all"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "2 sites: 2 done, 0 failed")

	// Without shard 2's output, its sites are missing (exit 1).
	code, _, stderr = didi(t, "", "merge", out1, "--sites", sites, "--out", filepath.Join(dir, "part"))
	entries, _ := os.ReadDir(filepath.Join(out2, "sites"))
	want := 0
	if len(entries) > 0 {
		want = 1
		assert.Contains(t, stderr, "sites are missing")
	}
	assert.Equal(t, want, code, stderr)
}
