package cases

import (
	"context"
	"fmt"
	"sync"
)

// Memory keeps records in memory, for tests and tools that run alone. The database (package
// store) behaves the same, as the shared suite in package casestest checks.
type Memory struct {
	mu      sync.Mutex
	records map[string]Record
}

// NewMemory returns an empty store.
func NewMemory() *Memory { return &Memory{records: map[string]Record{}} }

// Put implements Writer.
func (m *Memory) Put(_ context.Context, rec Record) (bool, error) {
	if err := rec.Validate(); err != nil {
		return false, fmt.Errorf("case list: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.records[rec.Summary.ID]; ok && !rec.Supersedes(old) {
		return false, nil
	}
	m.records[rec.Summary.ID] = rec
	return true, nil
}

func (m *Memory) all() []Record {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Record, 0, len(m.records))
	for _, r := range m.records {
		out = append(out, r)
	}
	return out
}

// Select implements Reader.
func (m *Memory) Select(_ context.Context, f Filter, p Page) (Result, error) {
	return Select(m.all(), f, p), nil
}

// Years implements Reader.
func (m *Memory) Years(context.Context) ([]int, error) { return Years(m.all()), nil }

// Get implements Reader.
func (m *Memory) Get(_ context.Context, id string) (Record, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.records[id]
	return r, ok, nil
}

// Changed implements Reader.
func (m *Memory) Changed(_ context.Context, limit int) ([]Record, error) {
	return Changed(m.all(), limit), nil
}
