package offerweb

import (
	"sync/atomic"
	"time"
)

// senders runs the Batcher's batches on goroutines that stay a while for the next one. A
// goroutine's stack starts small and is copied each time it grows; a Temporal update grows it
// deep (the SDK walks every payload of the request recursively). With a new goroutine for
// every batch, growing stacks took 4.6 % of the answer path's CPU (a profile of 10 rounds × 32
// answers in flight); kept senders cut an answer's CPU by 3 % (docs/performance.md).
type senders struct {
	work chan func()
	idle time.Duration
	// live and started count the goroutines, for tests.
	live, started atomic.Int64
}

// senderIdle is how long a sender waits for the next batch before it retires: long enough to
// span the gaps of a busy hour, short enough that a quiet server keeps none.
const senderIdle = time.Minute

func newSenders(idle time.Duration) *senders {
	return &senders{work: make(chan func()), idle: idle}
}

// run hands f to a waiting sender, or starts one when all are busy.
func (s *senders) run(f func()) {
	select {
	case s.work <- f:
	default:
		s.live.Add(1)
		s.started.Add(1)
		go s.serve(f)
	}
}

func (s *senders) serve(f func()) {
	defer s.live.Add(-1)
	idle := time.NewTimer(s.idle)
	defer idle.Stop()
	for {
		f()
		idle.Reset(s.idle)
		select {
		case f = <-s.work:
		case <-idle.C:
			return
		}
	}
}
