package activities

import (
	"context"
	"errors"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

// RecordCase writes an initiative's summary to the public case list. The record carries its
// own order (chain, revision, time), so a retried or delayed call never replaces a newer
// record: the write is idempotent without a separate key. It reports whether it stored the
// record. Without a case list (Cases nil, as in tests of other parts) it stores nothing.
func (a *Activities) RecordCase(ctx context.Context, rec cases.Record) (bool, error) {
	if a.Cases == nil {
		return false, nil
	}
	stored, err := a.Cases.Put(ctx, rec)
	if err != nil {
		var bad *domain.ValidationError
		if errors.As(err, &bad) {
			// Retrying a record the store refuses cannot help.
			return false, temporal.NewNonRetryableApplicationError(err.Error(), "invalid_case_record", err)
		}
		return false, err
	}
	// No personal data in logs: the case's ID and stage only.
	activity.GetLogger(ctx).Debug("case recorded", "case", rec.Summary.ID, "stage", rec.Summary.Stage,
		"revision", rec.Revision, "stored", stored)
	return stored, nil
}
