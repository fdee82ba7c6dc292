package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/skr/handslag/contract"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/client"
)

// WakePhases splits the wake-up storm's lag by where the time went, read from each
// initiative's history: from the instant until the server fired its timer (Fired), until a
// worker took the workflow task that handles it (Taken), and until that task was completed
// (Done). TimedOut and Failed count the workflow tasks after the timer that timed out or
// failed (each costs the task again, after a wait). NoTimer counts the initiatives whose first
// workflow task came after the instant (the worker was still busy with the starts), so that
// they moved at once, without a timer; they are not in the phases.
type WakePhases struct {
	Fired, Taken, Done Latency
	TimedOut, Failed   int
	NoTimer            int
}

// wakePhases reads the histories of the initiatives after the storm: each from the run it was
// started with (firstRuns[i], of idleRegistration(i)) on, in case it continued as new.
func wakePhases(ctx context.Context, c client.Client, firstRuns []string, instant time.Time) (WakePhases, error) {
	var (
		mu                 sync.Mutex
		fired, taken, done []time.Duration
		timedOut, failed   int
		noTimer            int
		ids                = make([]int, len(firstRuns))
	)
	for i := range ids {
		ids[i] = i
	}
	_, err := concurrently(16, ids, func(i int) error {
		id := contract.InitiativeWorkflowID(idleRegistration(i).ID)
		var f, t, d time.Duration
		var seen, started, completed, begun bool
		var first time.Duration // the first workflow task's start
		var to, fl int
		_, err := walkRuns(ctx, c, id, firstRuns[i], func(e *historypb.HistoryEvent) {
			at := e.GetEventTime().AsTime().Sub(instant)
			switch e.GetEventType() {
			case enumspb.EVENT_TYPE_TIMER_FIRED:
				if !seen && at > -time.Second {
					f, seen = at, true
				}
			case enumspb.EVENT_TYPE_WORKFLOW_TASK_STARTED:
				if !begun {
					first, begun = at, true
				}
				if seen && !started {
					t, started = at, true
				}
			case enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
				if started && !completed {
					d, completed = at, true
				}
			case enumspb.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
				if seen {
					to++
				}
			case enumspb.EVENT_TYPE_WORKFLOW_TASK_FAILED:
				if seen {
					fl++
				}
			}
		})
		if err != nil {
			return fmt.Errorf("%s: its history: %w", id, err)
		}
		mu.Lock()
		defer mu.Unlock()
		if !seen {
			if !begun {
				return fmt.Errorf("%s: no workflow task began", id)
			}
			if first < 0 {
				return fmt.Errorf("%s: no timer fired after the instant, though its first workflow task began %s before it", id, -first)
			}
			noTimer++
			return nil
		}
		if !completed {
			return fmt.Errorf("%s: no workflow task completed after its timer", id)
		}
		fired, taken, done = append(fired, f), append(taken, t), append(done, d)
		timedOut, failed = timedOut+to, failed+fl
		return nil
	})
	return WakePhases{Fired: latencyOf(fired), Taken: latencyOf(taken), Done: latencyOf(done), TimedOut: timedOut, Failed: failed,
		NoTimer: noTimer}, err
}
