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

	"github.com/skr/handslag/contract"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
)

// runHistory follows a workflow's chain of runs from firstRun and returns each run's history
// length and the number of updates accepted over all runs.
func runHistory(ctx context.Context, c client.Client, workflowID, firstRun string) ([]int, int, error) {
	updates := 0
	lengths, err := walkRuns(ctx, c, workflowID, firstRun, func(e *historypb.HistoryEvent) {
		if e.GetEventType() == enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED {
			updates++
		}
	})
	return lengths, updates, err
}

// walkRuns calls each for every event of every run of a workflow, from firstRun along its
// continue-as-new chain, and returns the events of each run.
func walkRuns(ctx context.Context, c client.Client, workflowID, firstRun string, each func(*historypb.HistoryEvent)) ([]int, error) {
	var lengths []int
	for runID := firstRun; runID != ""; {
		iter := c.GetWorkflowHistory(ctx, workflowID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		n, next := 0, ""
		for iter.HasNext() {
			e, err := iter.Next()
			if err != nil {
				return lengths, err
			}
			n++
			each(e)
			if a := e.GetWorkflowExecutionContinuedAsNewEventAttributes(); a != nil {
				next = a.GetNewExecutionRunId()
			}
		}
		lengths = append(lengths, n)
		runID = next
	}
	return lengths, nil
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
func peakRSS() int64 { return statusKB("VmHWM:") }

// statusKB reads a field of /proc/self/status given in kB, in bytes.
func statusKB(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), field); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}

// currentRSS is the process's resident set now (VmRSS), or 0 where /proc is not there.
func currentRSS() int64 { return statusKB("VmRSS:") }

// eventPayloads are the sizes of the payloads an event carries (inputs and results).
func eventPayloads(e *historypb.HistoryEvent) []int {
	var out []int
	add := func(ps *commonpb.Payloads) {
		size := 0
		for _, p := range ps.GetPayloads() {
			size += p.Size()
		}
		if size > 0 {
			out = append(out, size)
		}
	}
	add(e.GetWorkflowExecutionStartedEventAttributes().GetInput())
	add(e.GetActivityTaskScheduledEventAttributes().GetInput())
	add(e.GetActivityTaskCompletedEventAttributes().GetResult())
	add(e.GetWorkflowExecutionContinuedAsNewEventAttributes().GetInput())
	add(e.GetWorkflowExecutionCompletedEventAttributes().GetResult())
	return out
}

// countWhere is how many workflows the visibility store finds for query.
func countWhere(ctx context.Context, c client.Client, query string) (int64, error) {
	resp, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: contract.Namespace, Query: query})
	return resp.GetCount(), err
}
