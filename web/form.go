package web

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// Limits on what a form may hold. Generous for real names and roles, small enough that a
// workflow message stays small.
const (
	maxName    = 200
	maxRole    = 200
	maxComment = 2000
	maxBody    = 64 << 10
)

// fieldOrder is the order of the fields on the page; errors are listed in the same order.
var fieldOrder = []string{FieldChoice, FieldName, FieldRole, FieldComment}

// answerForm is the form as posted, trimmed, so it can be shown again after an error.
type answerForm struct {
	Choice  Choice
	Name    string
	Role    string
	Comment string
}

func readForm(v url.Values) answerForm {
	return answerForm{
		Choice:  Choice(strings.TrimSpace(v.Get(FieldChoice))),
		Name:    strings.TrimSpace(v.Get(FieldName)),
		Role:    strings.TrimSpace(v.Get(FieldRole)),
		Comment: strings.TrimSpace(strings.ReplaceAll(v.Get(FieldComment), "\r\n", "\n")),
	}
}

// validate returns every problem at once, in page order, so one round trip shows them all.
func (f answerForm) validate() FieldErrors {
	var errs FieldErrors
	switch {
	case f.Choice == "":
		errs = append(errs, FieldError{FieldChoice, ProblemMissing})
	case !f.Choice.Valid():
		errs = append(errs, FieldError{FieldChoice, ProblemInvalid})
	}
	errs = appendText(errs, FieldName, f.Name, maxName, true)
	errs = appendText(errs, FieldRole, f.Role, maxRole, true)
	return appendText(errs, FieldComment, f.Comment, maxComment, false)
}

func appendText(errs FieldErrors, field, value string, max int, required bool) FieldErrors {
	switch {
	case required && value == "":
		return append(errs, FieldError{field, ProblemMissing})
	case utf8.RuneCountInString(value) > max:
		return append(errs, FieldError{field, ProblemTooLong})
	}
	return errs
}

// maxFor is the length limit shown in a too-long message.
func maxFor(field string) int {
	switch field {
	case FieldName:
		return maxName
	case FieldRole:
		return maxRole
	}
	return maxComment
}

// anchorFor is the element an error in the summary links to: the field's wrapper (for the
// yes/no group, its fieldset), which can take focus but is not a control. Linking to the input
// itself would be worse without JavaScript: Enter on the link moves focus to the input, and
// chromium then delivers the same key press to that input, which submits the form again.
func anchorFor(field string) string {
	if field == FieldChoice {
		return "choice"
	}
	return "field-" + field
}
