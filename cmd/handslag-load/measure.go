package main

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
)

// runHistory follows a workflow's chain of runs from firstRun and returns each run's history
// length and the number of updates accepted over all runs.
func runHistory(ctx context.Context, c client.Client, workflowID, firstRun string) ([]int, int, error) {
	var lengths []int
	updates := 0
	for runID := firstRun; runID != ""; {
		iter := c.GetWorkflowHistory(ctx, workflowID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		n, next := 0, ""
		for iter.HasNext() {
			e, err := iter.Next()
			if err != nil {
				return nil, 0, err
			}
			n++
			if e.GetEventType() == enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED {
				updates++
			}
			if a := e.GetWorkflowExecutionContinuedAsNewEventAttributes(); a != nil {
				next = a.GetNewExecutionRunId()
			}
		}
		lengths = append(lengths, n)
		runID = next
	}
	return lengths, updates, nil
}

// settledHistory waits until a round's history stops growing (its receipts are sent), then
// returns it as runHistory does.
func settledHistory(ctx context.Context, c client.Client, workflowID, firstRun string) ([]int, int, error) {
	var lengths []int
	var updates, last, stable int
	err := waitFor(ctx, 3*time.Minute, func() (bool, error) {
		var err error
		if lengths, updates, err = runHistory(ctx, c, workflowID, firstRun); err != nil {
			return false, err
		}
		total := 0
		for _, n := range lengths {
			total += n
		}
		if total == last {
			stable++
		} else {
			last, stable = total, 0
		}
		return stable >= 5, nil
	})
	return lengths, updates, err
}

// heapPeak samples the Go heap until stopped and reports its highest value.
type heapPeak struct {
	mu   sync.Mutex
	peak uint64
	done chan struct{}
	wg   sync.WaitGroup
}

func startHeapPeak() *heapPeak {
	h := &heapPeak{done: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			h.mu.Lock()
			h.peak = max(h.peak, m.HeapInuse)
			h.mu.Unlock()
			select {
			case <-h.done:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapPeak) stop() uint64 {
	close(h.done)
	h.wg.Wait()
	return h.peak
}

// peakRSS is the process's peak resident set (VmHWM), or 0 where /proc is not there.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}
