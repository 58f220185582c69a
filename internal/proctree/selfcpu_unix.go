//go:build unix

package proctree

import (
	"syscall"
	"time"
)

// SelfCPU is this process's user plus system CPU time so far: steadier than
// wall time on a shared machine.
func SelfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
