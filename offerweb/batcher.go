package offerweb

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Batcher coalesces concurrent calls for the same key into batches ("group commit"): at most
// a few batches per key are in flight (one unless WithInFlight says more); calls that arrive
// meanwhile wait in a queue, and when a batch completes everything queued (up to the cap) goes
// out as the next batch. A lone call goes out at once, so coalescing costs no latency when
// there is nothing to coalesce.
//
// Why: the Temporal server accepts only a few updates in flight per workflow, and throughput
// per workflow falls sharply when many clients update it at once, while one update can carry
// hundreds of answers. Each key is one offer round.
type Batcher[T, R any] struct {
	flush    FlushFunc[T, R]
	max      int
	timeout  time.Duration
	inFlight int
	senders  *senders

	mu   sync.Mutex
	keys map[string]*queue[T, R]
}

// FlushFunc sends one batch for key. It returns one result per item, in order, or an error
// that then applies to every item of the batch.
type FlushFunc[T, R any] func(ctx context.Context, key string, items []T) ([]R, error)

type queue[T, R any] struct {
	pending []*waiter[T, R]
	senders int // goroutines sending this key's batches, at most Batcher.inFlight
}

type waiter[T, R any] struct {
	item  T
	taken bool // part of a batch in flight (guarded by Batcher.mu)
	done  chan outcome[R]
}

type outcome[R any] struct {
	r   R
	err error
}

// NewBatcher returns a Batcher that sends at most maxBatch items per call of flush, each call
// bounded by timeout (its own deadline: a batch serves many callers, so no single caller's
// context may cancel it).
func NewBatcher[T, R any](flush FlushFunc[T, R], maxBatch int, timeout time.Duration) *Batcher[T, R] {
	if maxBatch < 1 {
		panic("offerweb: maxBatch must be at least 1")
	}
	return &Batcher[T, R]{flush: flush, max: maxBatch, timeout: timeout, inFlight: 1, senders: newSenders(senderIdle),
		keys: map[string]*queue[T, R]{}}
}

// WithInFlight lets up to n batches per key be in flight at once (default 1), and returns b;
// call it before the first Do. Batches in flight at once may take effect in either order, so
// use it only where the items of concurrent calls need no order among themselves.
func (b *Batcher[T, R]) WithInFlight(n int) *Batcher[T, R] {
	b.inFlight = max(n, 1)
	return b
}

// Do queues item for key and waits for its result. When ctx ends first, Do returns ctx.Err():
// an item still queued is withdrawn and never sent; an item already in flight may or may not
// take effect (the caller retries with the same idempotency key).
func (b *Batcher[T, R]) Do(ctx context.Context, key string, item T) (R, error) {
	w := &waiter[T, R]{item: item, done: make(chan outcome[R], 1)}
	b.mu.Lock()
	q, ok := b.keys[key]
	if !ok {
		q = &queue[T, R]{}
		b.keys[key] = q
	}
	q.pending = append(q.pending, w)
	start := q.senders < b.inFlight
	if start {
		q.senders++
	}
	b.mu.Unlock()
	if start {
		b.senders.run(func() { b.run(key, q) })
	}
	select {
	case o := <-w.done:
		return o.r, o.err
	case <-ctx.Done():
		b.withdraw(q, w)
		var zero R
		return zero, ctx.Err()
	}
}

// withdraw removes w from its queue unless it is already part of a batch in flight.
func (b *Batcher[T, R]) withdraw(q *queue[T, R], w *waiter[T, R]) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if w.taken {
		return
	}
	for i, p := range q.pending {
		if p == w {
			q.pending = append(q.pending[:i:i], q.pending[i+1:]...)
			return
		}
	}
}

// run sends the key's batches one after the other until its queue is empty, then retires; the
// last sender to retire forgets the key.
func (b *Batcher[T, R]) run(key string, q *queue[T, R]) {
	for {
		b.mu.Lock()
		if len(q.pending) == 0 {
			q.senders--
			if q.senders == 0 {
				delete(b.keys, key)
			}
			b.mu.Unlock()
			return
		}
		n := min(len(q.pending), b.max)
		batch := q.pending[:n:n]
		q.pending = append([]*waiter[T, R](nil), q.pending[n:]...)
		items := make([]T, n)
		for i, w := range batch {
			w.taken = true
			items[i] = w.item
		}
		b.mu.Unlock()

		results, err := b.send(key, items)
		for i, w := range batch {
			if err != nil {
				w.done <- outcome[R]{err: err}
			} else {
				w.done <- outcome[R]{r: results[i]}
			}
		}
	}
}

// send calls flush under the batch's own deadline; a panic or a wrong number of results
// becomes an error for the batch, so no caller is left waiting.
func (b *Batcher[T, R]) send(key string, items []T) (results []R, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), b.timeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			results, err = nil, fmt.Errorf("offerweb: batch for %s failed: %v", key, p)
		}
	}()
	results, err = b.flush(ctx, key, items)
	if err == nil && len(results) != len(items) {
		err = fmt.Errorf("offerweb: batch for %s: %d results for %d items", key, len(results), len(items))
	}
	return results, err
}
