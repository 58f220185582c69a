package proctree

import (
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"
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
