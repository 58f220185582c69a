//go:build !unix

package proctree

import "time"

// SelfCPU is this process's CPU time so far; without getrusage it is 0.
func SelfCPU() time.Duration { return 0 }
