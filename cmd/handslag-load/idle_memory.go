package main

import (
	"bytes"
	"regexp"
	"runtime/metrics"
	"runtime/pprof"
)

// MemoryParts splits a process's resident memory by what holds it, so that a figure above the
// aim says where to look: the Go heap's live objects, goroutine stacks (the workflow cache
// keeps a few coroutines per cached workflow), and what lies outside the Go runtime (SQLite's
// page caches, which modernc.org/sqlite allocates itself).
type MemoryParts struct {
	Heap       int64 `json:"heap"`       // bytes of live heap objects
	Stacks     int64 `json:"stacks"`     // bytes of goroutine stacks
	Goroutines int64 `json:"goroutines"` // how many
	// Workflows is how many workflow executions the worker holds in memory (their main
	// coroutines): what the workflow cache keeps.
	Workflows int `json:"workflows"`
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
	return MemoryParts{Heap: v(0), Stacks: v(1), Goroutines: v(2), Outside: max(0, rss-(v(3)-v(4))), Workflows: workflowsInMemory()}
}

// workflowMain is the frame of a workflow's main coroutine (InitiativeWorkflow, CycleWorkflow,
// ...); the coroutines a workflow starts with workflow.Go do not have it.
var workflowMain = regexp.MustCompile(`handslag/workflows\.[A-Z][A-Za-z]*Workflow\(`)

// workflowsInMemory counts the goroutines that are a workflow's main coroutine.
func workflowsInMemory() int {
	var b bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&b, 2); err != nil {
		return 0
	}
	n := 0
	for _, g := range bytes.Split(b.Bytes(), []byte("\n\n")) {
		if workflowMain.Match(g) {
			n++
		}
	}
	return n
}
