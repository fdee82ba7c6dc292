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
	// Hint names the explanation in the catalogue ("hint.<Hint>"), which Params fill in: the
	// domain says what is wrong in codes and values, the CLI and the console say it in words.
	Hint   string            `json:"hint,omitempty"`
	Params map[string]string `json:"params,omitempty"`
	// Others are the further problems of the same input, so that a form or a command can say
	// everything there is to fix at once (each without Others of its own).
	Others []ValidationError `json:"others,omitempty"`
}

// hint adds the catalogue's explanation to e: params are name, value pairs.
func (e *ValidationError) hint(key string, params ...string) *ValidationError {
	e.Hint = key
	if len(params) > 0 {
		e.Params = map[string]string{}
		for i := 0; i+1 < len(params); i += 2 {
			e.Params[params[i]] = params[i+1]
		}
	}
	return e
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	e.write(&b)
	for _, o := range e.Others {
		b.WriteString("; ")
		o.write(&b)
	}
	return b.String()
}

func (e *ValidationError) write(b *strings.Builder) {
	b.WriteString(string(e.Code))
	if e.Field != "" {
		fmt.Fprintf(b, " (%s)", e.Field)
	}
	if e.Detail != "" {
		fmt.Fprintf(b, ": %s", e.Detail)
	}
	if e.Hint != "" {
		fmt.Fprintf(b, " [%s]", e.Hint)
	}
}

// All lists every problem: e and its Others.
func (e *ValidationError) All() []ValidationError {
	one := *e
	one.Others = nil
	return append([]ValidationError{one}, e.Others...)
}

// problems collects the problems of one input, in the order they are found.
type problems []ValidationError

// add takes a *ValidationError (with its Others); nil is ignored, another error is kept as an
// invalid value.
func (p *problems) add(err error) {
	if err == nil {
		return
	}
	ve, ok := err.(*ValidationError)
	if !ok {
		ve = &ValidationError{Code: CodeInvalidValue, Detail: err.Error()}
	}
	*p = append(*p, ve.All()...)
}

// err is nil without problems, else the first with the rest as its Others.
func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	first := p[0]
	first.Others = append([]ValidationError(nil), p[1:]...)
	return &first
}

func missing(field string) *ValidationError {
	return &ValidationError{Code: CodeMissingField, Field: field}
}

func invalid(field, detail string) *ValidationError {
	return &ValidationError{Code: CodeInvalidValue, Field: field, Detail: detail}
}
