package mail

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"
)

var errNoKey = errors.New("mail: message without idempotency key")

// Memory is a Ledger in memory, for tests and for tools that run in one process. The
// database's ledger (package store) behaves the same, as the store's tests check.
type Memory struct {
	mu      sync.Mutex
	entries map[string]*memoryEntry
	order   []string
	now     func() time.Time
}

type memoryEntry struct {
	m     Message
	kept  bool // in the outbox: not sent by SMTP
	sent  bool // claimed and marked sent
	until time.Time
}

// NewMemory returns an empty ledger.
func NewMemory() *Memory { return &Memory{entries: map[string]*memoryEntry{}, now: time.Now} }

func (l *Memory) add(m Message) *memoryEntry {
	e := &memoryEntry{m: m}
	l.entries[m.Key] = e
	l.order = append(l.order, m.Key)
	return e
}

// Keep implements Ledger.
func (l *Memory) Keep(_ context.Context, m Message) (bool, error) {
	if m.Key == "" {
		return false, errNoKey
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.entries[m.Key]; ok {
		return false, nil
	}
	l.add(m).kept = true
	return true, nil
}

// KeepAll implements Ledger.
func (l *Memory) KeepAll(_ context.Context, ms []Message) ([]bool, error) {
	for _, m := range ms {
		if m.Key == "" {
			return nil, errNoKey
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	kept := make([]bool, len(ms))
	for i, m := range ms {
		if _, ok := l.entries[m.Key]; !ok {
			l.add(m).kept = true
			kept[i] = true
		}
	}
	return kept, nil
}

// Claim implements Ledger.
func (l *Memory) Claim(_ context.Context, m Message, lease time.Duration) (ClaimResult, error) {
	if m.Key == "" {
		return 0, errNoKey
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	e, ok := l.entries[m.Key]
	switch {
	case !ok:
		e = l.add(m)
	case e.kept:
		// Kept by the outbox of an earlier run without SMTP: not sent, so it is sent now.
		e.kept, e.m = false, m
	case e.sent:
		return AlreadySent, nil
	case now.Before(e.until):
		return Busy, nil
	}
	e.until = now.Add(lease)
	return Claimed, nil
}

// MarkSent implements Ledger.
func (l *Memory) MarkSent(_ context.Context, key string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.entries[key]; ok {
		e.sent, e.kept, e.until = true, false, time.Time{}
	}
	return nil
}

// Release implements Ledger.
func (l *Memory) Release(_ context.Context, key string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.entries[key]; ok && !e.sent {
		e.until = time.Time{}
	}
	return nil
}

// Messages implements Ledger: every message, kept or claimed, oldest first (then by key).
func (l *Memory) Messages(context.Context) ([]Message, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Message, 0, len(l.order))
	for _, k := range l.order {
		out = append(out, l.entries[k].m)
	}
	slices.SortStableFunc(out, func(a, b Message) int {
		return cmp.Or(a.Created.Compare(b.Created), strings.Compare(a.Key, b.Key))
	})
	return out, nil
}

// Sent lists the keys marked sent, sorted (for tests).
func (l *Memory) Sent() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for k, e := range l.entries {
		if e.sent {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
