// Package proctree reads the process tree from /proc (Linux) for the
// benchmarks: which processes a program started (didi's Chromium and its
// renderers), their CPU time and their proportional memory (PSS, so pages
// the browser's processes share count once). Elsewhere it finds nothing.
package proctree

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Table is one reading of /proc.
type Table struct {
	children map[int][]int
	// CPU is each process's user plus system time, in seconds.
	CPU map[int]float64
}

// Read reads every process's parent and CPU time.
func Read() Table {
	t := Table{children: map[int][]int{}, CPU: map[int]float64{}}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil {
			continue
		}
		str := string(b)
		i := strings.LastIndexByte(str, ')') // the command name may hold spaces and ')'
		if i < 0 {
			continue
		}
		f := strings.Fields(str[i+1:])
		if len(f) < 2 {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(s)))
		ppid, _ := strconv.Atoi(f[1])
		t.children[ppid] = append(t.children[ppid], pid)
		if len(f) > 13 {
			ut, _ := strconv.ParseFloat(f[11], 64)
			st, _ := strconv.ParseFloat(f[12], 64)
			t.CPU[pid] = (ut + st) / 100
		}
	}
	return t
}

// Tree lists root and all its descendants, root first, breadth first.
func (t Table) Tree(root int) []int {
	out := []int{root}
	for i := 0; i < len(out); i++ {
		out = append(out, t.children[out[i]]...)
	}
	return out
}

// PSS is a process's proportional set size in kB (0 when unknown).
func PSS(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "Pss:"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb
			}
		}
	}
	return 0
}

// SumPSS adds up the PSS of pids, in kB.
func SumPSS(pids []int) float64 {
	total := 0.0
	for _, p := range pids {
		total += PSS(p)
	}
	return total
}

// LoadAvg is the machine's load average over 1, 5 and 15 minutes, as
// /proc/loadavg gives it ("?" where there is none).
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}
