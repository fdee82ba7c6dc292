// What the loop of every long-running workflow shares (the initiative, the cycle, the offer
// round, the implementation): one wake timer across the turns of the loop, and when to
// continue as new. settleMessages (messages.go) is the third shared step, before a run ends.

package workflows

import (
	"time"

	"go.temporal.io/sdk/workflow"
)

// wakeTimer is the one timer a run keeps for its next calendar event.
type wakeTimer struct {
	at     time.Time
	fired  workflow.Future
	cancel workflow.CancelFunc
}

// sleeper keeps that one timer across the turns of a run's loop. The timer is replaced only
// when the next event changes, so a busy run does not pile up timers in its history.
type sleeper struct{ timer *wakeTimer }

// sleep waits until changed reports true or, if has, the real instant at comes. summary names
// a new timer in the Web UI. A cancelled workflow gets its cancellation back.
func (s *sleeper) sleep(ctx workflow.Context, now, at time.Time, has bool, summary func() string, changed func() bool) error {
	if !has {
		s.stop()
		return workflow.Await(ctx, changed)
	}
	if s.timer == nil || !s.timer.at.Equal(at) {
		s.stop()
		tctx, cancel := workflow.WithCancel(ctx)
		fired := workflow.NewTimerWithOptions(tctx, at.Sub(now), workflow.TimerOptions{Summary: summary()})
		s.timer = &wakeTimer{at: at, fired: fired, cancel: cancel}
	}
	timer := s.timer
	err := workflow.Await(ctx, func() bool { return changed() || timer.fired.IsReady() })
	if timer.fired.IsReady() {
		s.timer = nil
	}
	if err == nil {
		// A cancelled workflow's timer is "ready" at once; without this the loop would spin.
		err = ctx.Err()
	}
	return err
}

// stop cancels the timer, if any.
func (s *sleeper) stop() {
	if s.timer != nil {
		s.timer.cancel()
		s.timer = nil
	}
}

// historyFull reports whether a run should continue as new because of its history: the server
// suggests it, or the history has reached the run's own bound (well before the server would).
// Every long-running workflow asks this; each adds its own reasons (a new period).
func historyFull(ctx workflow.Context, maxEvents int) bool {
	info := workflow.GetInfo(ctx)
	return info.GetContinueAsNewSuggested() || info.GetCurrentHistoryLength() >= maxEvents
}
