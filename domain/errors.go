package domain

import (
	"fmt"
	"strings"
)

// ErrorCode names a kind of rejected input. Codes are stable: admin tools and the i18n
// catalogue key on them, and the workflow uses them as the Temporal application error type.
type ErrorCode string

const (
	CodeMissingField      ErrorCode = "missing_field"
	CodeInvalidValue      ErrorCode = "invalid_value"
	CodeUnknownRole       ErrorCode = "unknown_role"
	CodeForbiddenRole     ErrorCode = "forbidden_role"
	CodeWrongStage        ErrorCode = "wrong_stage"
	CodeRequirementsUnmet ErrorCode = "requirements_unmet"
	CodeClosed            ErrorCode = "closed"
	CodeInvalidCalendar   ErrorCode = "invalid_calendar"
	// Offer rounds.
	CodeUnknownMunicipality ErrorCode = "unknown_municipality"
	CodeDeadlinePassed      ErrorCode = "deadline_passed"
	// CodeAlreadyRegistered: an initiative was registered under this ID before (a start of the
	// workflow that any client made, whatever its ID reuse policy).
	CodeAlreadyRegistered ErrorCode = "already_registered"
)

// ValidationError is the one typed error for rejected input. Field says which input is wrong,
// Detail carries the value or context a user needs to fix it (never personal data).
type ValidationError struct {
	Code   ErrorCode `json:"code"`
	Field  string    `json:"field,omitempty"`
	Detail string    `json:"detail,omitempty"`
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	if e.Field != "" {
		fmt.Fprintf(&b, " (%s)", e.Field)
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, ": %s", e.Detail)
	}
	return b.String()
}

func missing(field string) *ValidationError {
	return &ValidationError{Code: CodeMissingField, Field: field}
}

func invalid(field, detail string) *ValidationError {
	return &ValidationError{Code: CodeInvalidValue, Field: field, Detail: detail}
}
