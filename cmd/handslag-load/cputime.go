package main

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTick is the kernel's USER_HZ, the unit of /proc/self/stat's CPU times (100 on Linux
// on every architecture Go supports).
const clockTick = 100

// processCPU is the CPU time (user and system) this process has used so far, or 0 where
// /proc is not there. Wall-clock rates on a shared machine move with the neighbours' load; the
// CPU time each phase costs moves much less, so it is reported beside them.
func processCPU() time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// The fields after the command name (which may contain spaces) start at field 3 ("state");
	// utime and stime are fields 14 and 15.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(utime+stime) * time.Second / clockTick
}

// cpuDuring runs fn and returns what it returns and the CPU time the process used meanwhile.
func cpuDuring(fn func() (time.Duration, error)) (time.Duration, time.Duration, error) {
	before := processCPU()
	d, err := fn()
	return d, processCPU() - before, err
}
