//go:build windows

package model

import "time"

// cpuTime is not measured on Windows (the benchmark reports 0 CPU time).
func cpuTime() time.Duration { return 0 }
