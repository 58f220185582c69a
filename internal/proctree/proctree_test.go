package proctree

import (
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTreeFindsAChild starts a child process and finds it below this one,
// with memory.
func TestTreeFindsAChild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	cmd := exec.Command("sleep", "5")
	if err := cmd.Start(); err != nil {
		t.Skip("no sleep command:", err)
	}
	defer cmd.Process.Kill()
	tree := Read().Tree(os.Getpid())
	if tree[0] != os.Getpid() || !slices.Contains(tree, cmd.Process.Pid) {
		t.Errorf("tree %v lacks the child %d", tree, cmd.Process.Pid)
	}
	if SumPSS(tree) <= 0 {
		t.Error("no memory measured for this process tree")
	}
}

// TestLoadAvg: three load figures on Linux, "?" where /proc has none.
func TestLoadAvg(t *testing.T) {
	got := LoadAvg()
	if _, err := os.Stat("/proc/loadavg"); err != nil {
		require.Equal(t, "?", got)
		return
	}
	f := strings.Fields(got)
	require.Len(t, f, 3, got)
	for _, x := range f {
		_, err := strconv.ParseFloat(x, 64)
		require.NoError(t, err, got)
	}
}
