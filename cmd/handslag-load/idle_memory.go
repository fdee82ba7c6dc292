package main

import "runtime/metrics"

// MemoryParts splits a process's resident memory by what holds it, so that a figure above the
// aim says where to look: the Go heap's live objects, goroutine stacks (the workflow cache
// keeps a few coroutines per cached workflow), and what lies outside the Go runtime (SQLite's
// page caches, which modernc.org/sqlite allocates itself).
type MemoryParts struct {
	Heap       int64 `json:"heap"`       // bytes of live heap objects
	Stacks     int64 `json:"stacks"`     // bytes of goroutine stacks
	Goroutines int64 `json:"goroutines"` // how many
	// Outside is the resident memory the Go runtime does not account for (bytes; an estimate:
	// RSS less what the runtime has mapped and not returned).
	Outside int64 `json:"outside"`
}

// memoryParts reads the runtime's own accounting; rss is the process's resident memory.
func memoryParts(rss int64) MemoryParts {
	names := []string{"/memory/classes/heap/objects:bytes", "/memory/classes/heap/stacks:bytes", "/sched/goroutines:goroutines",
		"/memory/classes/total:bytes", "/memory/classes/heap/released:bytes"}
	samples := make([]metrics.Sample, len(names))
	for i, n := range names {
		samples[i].Name = n
	}
	metrics.Read(samples)
	v := func(i int) int64 {
		if samples[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(samples[i].Value.Uint64())
	}
	return MemoryParts{Heap: v(0), Stacks: v(1), Goroutines: v(2), Outside: max(0, rss-(v(3)-v(4)))}
}
