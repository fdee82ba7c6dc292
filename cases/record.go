// Package cases is the public case list (ärendelista): one durable record per case that has
// passed intake, written by the worker whenever a case's summary changes and read by the web
// server, with the filters and paging of the list. The records are kept in the database
// (package store), where they outlive the workflow histories: when the Temporal namespace's
// retention period removes a closed initiative's history, its record stays.
package cases

import (
	"context"
	"time"

	"github.com/skr/handslag/domain"
)

// Record is one case as stored: its public summary and where the summary came from, so that a
// stale write (a retried or delayed activity) never replaces a newer one.
type Record struct {
	Summary domain.CaseSummary `json:"summary"`
	// Chain is the first run ID of the workflow that wrote the record; it stays the same
	// across continue-as-new.
	Chain string `json:"chain"`
	// Created is when that initiative was registered (real time). A later initiative under the
	// same ID (possible once the old history is gone) replaces the old record.
	Created time.Time `json:"created"`
	// Revision is the initiative's revision, which only grows; Written is the workflow time the
	// summary was made at, which only grows too and orders summaries of one revision (the next
	// milestone moves on with time alone).
	Revision int       `json:"revision"`
	Written  time.Time `json:"written"`
}

// Supersedes reports whether r is newer than old and should replace it.
func (r Record) Supersedes(old Record) bool {
	if r.Chain != old.Chain {
		return r.Created.After(old.Created)
	}
	if r.Revision != old.Revision {
		return r.Revision > old.Revision
	}
	return r.Written.After(old.Written)
}

// Validate checks what the store relies on: a valid ID (it names the file), a known stage, and
// where the record came from.
func (r Record) Validate() error {
	if err := domain.ValidateID(r.Summary.ID); err != nil {
		return err
	}
	if _, err := domain.ParseStage(string(r.Summary.Stage)); err != nil {
		return err
	}
	if r.Chain == "" {
		return &domain.ValidationError{Code: domain.CodeMissingField, Field: "chain"}
	}
	if r.Written.IsZero() {
		return &domain.ValidationError{Code: domain.CodeMissingField, Field: "written"}
	}
	return nil
}

// Writer stores records; the worker's activity uses it.
type Writer interface {
	// Put stores rec unless the stored record is as new or newer; it reports whether it did.
	Put(ctx context.Context, rec Record) (bool, error)
}

// Reader selects stored cases; the web server uses it. The database answers with its
// indexes; Memory (tests) with Select over its records.
type Reader interface {
	// Select returns one page of the cases the filter selects, in list order (see Sort).
	Select(ctx context.Context, f Filter, p Page) (Result, error)
	// Years lists the cycle years of the stored cases, newest first.
	Years(ctx context.Context) ([]int, error)
	// Get returns one case's record; false when there is none.
	Get(ctx context.Context, id string) (Record, bool, error)
	// Changed returns the records written last, newest first, at most limit (the change feed).
	Changed(ctx context.Context, limit int) ([]Record, error)
}

// Store is both.
type Store interface {
	Writer
	Reader
}
