package contract

import (
	"errors"

	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/temporal"
)

// ApplicationError turns a domain rejection into a typed, non-retryable Temporal error whose
// type is the domain error code and whose details carry the ValidationError, so clients can
// show a precise message (ValidationErrorFrom reads it back). Nil stays nil.
func ApplicationError(err error) error {
	if err == nil {
		return nil
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return temporal.NewApplicationErrorWithOptions(ve.Error(), string(ve.Code),
			temporal.ApplicationErrorOptions{NonRetryable: true, Details: []interface{}{*ve}})
	}
	return temporal.NewNonRetryableApplicationError(err.Error(), "internal", err)
}

// ValidationErrorFrom recovers the domain error from an update's or a workflow's failure, for
// clients. It reports false if err is not a rejection by the domain rules.
func ValidationErrorFrom(err error) (*domain.ValidationError, bool) {
	var app *temporal.ApplicationError
	if !errors.As(err, &app) || !app.HasDetails() {
		return nil, false
	}
	var ve domain.ValidationError
	if app.Details(&ve) != nil || ve.Code == "" {
		return nil, false
	}
	return &ve, true
}
