package web

import (
	"errors"
	"strings"
)

// Errors an Offers implementation returns (wrapped or not) so the web can explain them. Anything
// else is treated as a temporary fault: the user is asked to try again later.
var (
	// ErrUnknownOffer: no such offer, or the municipality is not one it was sent to.
	ErrUnknownOffer = errors.New("unknown offer or municipality")
	// ErrClosed: the round has been decided and takes no more answers.
	ErrClosed = errors.New("the offer round is closed")
	// ErrLateNo: a no after the answer deadline. Only a yes (a late joiner) is taken then.
	ErrLateNo = errors.New("a no cannot be given after the answer deadline")
)

// Form fields, as named in the HTML form and in FieldError.Field.
const (
	FieldChoice  = "choice"
	FieldName    = "name"
	FieldRole    = "role"
	FieldComment = "comment"
)

// Problems a field can have, as in FieldError.Problem.
const (
	ProblemMissing = "missing"
	ProblemTooLong = "too_long"
	ProblemInvalid = "invalid"
)

// FieldError says what is wrong with one form field.
type FieldError struct {
	Field   string // one of the Field constants
	Problem string // one of the Problem constants
}

// FieldErrors is the typed error for a form that cannot be recorded as it is. The web finds the
// same problems itself before calling Offers, but an Offers implementation may return it too.
type FieldErrors []FieldError

func (fe FieldErrors) Error() string {
	parts := make([]string, len(fe))
	for i, e := range fe {
		parts[i] = e.Field + ": " + e.Problem
	}
	return "invalid answer form (" + strings.Join(parts, ", ") + ")"
}
