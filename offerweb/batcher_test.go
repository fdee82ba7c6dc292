package offerweb

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gatedFlush records every batch and holds each one until the test releases it.
type gatedFlush struct {
	mu      sync.Mutex
	batches [][]int
	started chan []int
	release chan error // nil: results are item*10
}

func newGatedFlush() *gatedFlush {
	return &gatedFlush{started: make(chan []int, 100), release: make(chan error, 100)}
}

func (g *gatedFlush) flush(_ context.Context, _ string, items []int) ([]int, error) {
	g.mu.Lock()
	g.batches = append(g.batches, append([]int(nil), items...))
	g.mu.Unlock()
	g.started <- items
	if err := <-g.release; err != nil {
		return nil, err
	}
	out := make([]int, len(items))
	for i, it := range items {
		out[i] = it * 10
	}
	return out, nil
}

func (g *gatedFlush) sizes() []int {
	g.mu.Lock()
	defer g.mu.Unlock()
	var out []int
	for _, b := range g.batches {
		out = append(out, len(b))
	}
	return out
}

// queued reports how many calls wait for key behind the batch in flight.
func (b *Batcher[T, R]) queued(key string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if q, ok := b.keys[key]; ok {
		return len(q.pending)
	}
	return 0
}

type call struct {
	item, got int
	err       error
}

// startCalls starts one Do per item and returns a channel with every outcome.
func startCalls(ctx context.Context, b *Batcher[int, int], key string, items ...int) <-chan call {
	out := make(chan call, len(items))
	for _, it := range items {
		go func() {
			got, err := b.Do(ctx, key, it)
			out <- call{it, got, err}
		}()
	}
	return out
}

func waitQueued(t *testing.T, b *Batcher[int, int], key string, n int) {
	t.Helper()
	require.Eventually(t, func() bool { return b.queued(key) == n }, 5*time.Second, time.Millisecond, "%d queued", n)
}

func TestBatcherCoalescesWhileABatchIsInFlight(t *testing.T) {
	cases := []struct {
		name     string
		max      int
		queued   int
		wantSize []int
	}{
		{"all queued go as one batch", 100, 9, []int{1, 9}},
		{"the cap splits the queue", 4, 9, []int{1, 4, 4, 1}},
		{"cap of one sends one by one", 1, 3, []int{1, 1, 1, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := newGatedFlush()
			b := NewBatcher(g.flush, c.max, time.Minute)
			first := startCalls(context.Background(), b, "offer-a", 1)
			<-g.started // the lone first call goes out at once
			items := make([]int, c.queued)
			for i := range items {
				items[i] = 100 + i
			}
			rest := startCalls(context.Background(), b, "offer-a", items...)
			waitQueued(t, b, "offer-a", c.queued)
			for range c.wantSize {
				g.release <- nil
			}
			got := <-first
			require.NoError(t, got.err)
			assert.Equal(t, 10, got.got)
			for range items {
				r := <-rest
				require.NoError(t, r.err)
				assert.Equal(t, r.item*10, r.got, "each caller gets its own result")
			}
			assert.Equal(t, c.wantSize, g.sizes())
		})
	}
}

func TestBatcherPropagatesABatchErrorToEveryCallerOfThatBatchOnly(t *testing.T) {
	g := newGatedFlush()
	b := NewBatcher(g.flush, 100, time.Minute)
	first := startCalls(context.Background(), b, "k", 1)
	<-g.started
	second := startCalls(context.Background(), b, "k", 2, 3, 4)
	waitQueued(t, b, "k", 3)
	g.release <- nil
	boom := errors.New("server unavailable")
	g.release <- boom
	r := <-first
	require.NoError(t, r.err)
	for range 3 {
		r := <-second
		assert.ErrorIs(t, r.err, boom)
	}
	// The key recovers: the next call is a fresh batch.
	third := startCalls(context.Background(), b, "k", 5)
	g.release <- nil
	r = <-third
	require.NoError(t, r.err)
	assert.Equal(t, 50, r.got)
}

func TestBatcherTurnsAPanicOrAWrongResultCountIntoAnError(t *testing.T) {
	cases := []struct {
		name  string
		flush FlushFunc[int, int]
		want  string
	}{
		{"panic", func(context.Context, string, []int) ([]int, error) { panic("bug") }, "bug"},
		{"too few results", func(context.Context, string, []int) ([]int, error) { return nil, nil }, "0 results for 1 items"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBatcher(c.flush, 10, time.Minute)
			_, err := b.Do(context.Background(), "k", 1)
			require.ErrorContains(t, err, c.want)
		})
	}
}

func TestBatcherCancellation(t *testing.T) {
	g := newGatedFlush()
	b := NewBatcher(g.flush, 100, time.Minute)
	inFlightCtx, cancelInFlight := context.WithCancel(context.Background())
	inFlight := startCalls(inFlightCtx, b, "k", 1)
	<-g.started

	queuedCtx, cancelQueued := context.WithCancel(context.Background())
	withdrawn := startCalls(queuedCtx, b, "k", 2)
	kept := startCalls(context.Background(), b, "k", 3)
	waitQueued(t, b, "k", 2)

	cancelQueued()
	r := <-withdrawn
	assert.ErrorIs(t, r.err, context.Canceled)
	waitQueued(t, b, "k", 1)

	cancelInFlight()
	r = <-inFlight
	assert.ErrorIs(t, r.err, context.Canceled, "the caller stops waiting")

	g.release <- nil // the batch in flight still completes
	g.release <- nil
	r = <-kept
	require.NoError(t, r.err)
	assert.Equal(t, 30, r.got)
	g.mu.Lock()
	defer g.mu.Unlock()
	assert.Equal(t, [][]int{{1}, {3}}, g.batches, "a withdrawn call is never sent")
}

func TestBatcherTimesOutABatchOnItsOwnDeadline(t *testing.T) {
	b := NewBatcher(func(ctx context.Context, _ string, items []int) ([]int, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}, 10, 20*time.Millisecond)
	_, err := b.Do(context.Background(), "k", 1)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// With two batches allowed in flight, the first two calls go out at once on their own; the
// calls that arrive while both are in flight go together as soon as one completes.
func TestBatcherSendsUpToItsLimitOfBatchesAtOnce(t *testing.T) {
	g := newGatedFlush()
	b := NewBatcher(g.flush, 100, time.Minute).WithInFlight(2)
	first := startCalls(context.Background(), b, "offer-a", 1)
	<-g.started
	second := startCalls(context.Background(), b, "offer-a", 2)
	<-g.started
	rest := startCalls(context.Background(), b, "offer-a", 3, 4, 5)
	waitQueued(t, b, "offer-a", 3)
	g.release <- nil
	assert.ElementsMatch(t, []int{3, 4, 5}, <-g.started, "the queue goes as one batch when a slot frees")
	g.release <- nil
	g.release <- nil
	for _, ch := range []<-chan call{first, second} {
		got := <-ch
		require.NoError(t, got.err)
		assert.Equal(t, got.item*10, got.got)
	}
	for range 3 {
		r := <-rest
		require.NoError(t, r.err)
		assert.Equal(t, r.item*10, r.got)
	}
	assert.Equal(t, []int{1, 1, 3}, g.sizes())
}

// Many callers on several keys at once, with random delays: every item is sent exactly once,
// every caller gets its own result, and no key ever has more batches in flight than allowed.
func TestBatcherLosesNothingUnderConcurrency(t *testing.T) {
	for _, limit := range []int{1, 3} {
		t.Run(fmt.Sprintf("%d in flight", limit), func(t *testing.T) { losesNothing(t, limit) })
	}
}

func losesNothing(t *testing.T, limit int) {
	const keys, callers, perCaller = 3, 40, 25
	var inFlight [keys]atomic.Int32
	var overlap atomic.Bool
	var mu sync.Mutex
	sent := map[int]int{}
	batches := 0
	b := NewBatcher(func(_ context.Context, key string, items []int) ([]int, error) {
		var k int
		_, _ = fmt.Sscanf(key, "k%d", &k)
		if inFlight[k].Add(1) > int32(limit) {
			overlap.Store(true)
		}
		defer inFlight[k].Add(-1)
		time.Sleep(time.Duration(len(items)%3) * time.Millisecond)
		mu.Lock()
		batches++
		for _, it := range items {
			sent[it]++
		}
		mu.Unlock()
		out := make([]int, len(items))
		for i, it := range items {
			out[i] = -it
		}
		return out, nil
	}, 16, time.Minute).WithInFlight(limit)

	var wg sync.WaitGroup
	var wrong atomic.Int32
	for c := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perCaller {
				item := c*perCaller + i + 1
				got, err := b.Do(context.Background(), fmt.Sprintf("k%d", item%keys), item)
				if err != nil || got != -item {
					wrong.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	assert.Zero(t, wrong.Load(), "every caller got its own result")
	assert.False(t, overlap.Load(), "at most %d batches in flight per key", limit)
	require.Len(t, sent, callers*perCaller)
	for item, n := range sent {
		require.Equal(t, 1, n, "item %d sent once", item)
	}
	assert.Less(t, batches, callers*perCaller, "calls were coalesced")
	assert.Eventually(t, func() bool {
		b.mu.Lock()
		defer b.mu.Unlock()
		return len(b.keys) == 0
	}, 5*time.Second, time.Millisecond, "idle keys are retired")
}

// Batches one after the other run on the same sender goroutine (its stack already grown);
// batches at the same time each get one; idle senders retire.
func TestSendersAreReusedAndRetire(t *testing.T) {
	s := newSenders(time.Hour)
	for i := range 10 {
		done := make(chan struct{})
		task := func() { close(done) }
		if i == 0 {
			s.run(task)
		} else {
			require.Eventually(t, func() bool { return handOver(s, task) }, 10*time.Second, time.Millisecond,
				"the sender of the batch before waits for the next")
		}
		<-done
	}
	assert.EqualValues(t, 1, s.started.Load(), "one goroutine for ten batches in a row")

	busy := newSenders(time.Hour)
	release := make(chan struct{})
	var running sync.WaitGroup
	running.Add(3)
	for range 3 {
		busy.run(func() { running.Done(); <-release })
	}
	running.Wait()
	assert.EqualValues(t, 3, busy.live.Load(), "three at once: three senders")
	close(release)

	quick := newSenders(time.Millisecond)
	quick.run(func() {})
	require.Eventually(t, func() bool { return quick.live.Load() == 0 }, 10*time.Second, time.Millisecond, "an idle sender retires")
}

// handOver gives f to a sender that waits for work, if one does, as senders.run does first.
func handOver(s *senders, f func()) bool {
	select {
	case s.work <- f:
		return true
	default:
		return false
	}
}
