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
