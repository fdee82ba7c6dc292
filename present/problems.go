package present

import (
	"maps"
	"slices"
	"strings"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// Problem says one refused value in words: the code's message ("error.<code>") with the
// field named as the user knows it (name: a flag for the CLI, a label for a form; nil keeps
// the data field) and the hint's explanation ("hint.<hint>") in place of the bare value.
func Problem(lang i18n.Lang, ve domain.ValidationError, name func(field string) string) string {
	field := ve.Field
	if name != nil {
		field = name(ve.Field)
	}
	detail := ve.Detail
	if ve.Code == domain.CodeClosed && i18n.Has(i18n.Swedish, "stage."+detail) {
		detail = i18n.T(lang, "stage."+detail) // the stage it closed in, in words
	}
	if ve.Hint != "" {
		args := []any{"value", ve.Detail}
		for _, k := range slices.Sorted(maps.Keys(ve.Params)) {
			args = append(args, k, ve.Params[k])
		}
		detail = i18n.T(lang, "hint."+ve.Hint, args...)
	}
	key := "error." + string(ve.Code)
	if strings.HasPrefix(field, "--") && i18n.Has(lang, key+".flag") {
		key += ".flag" // the CLI names the flag to give, not a field
	}
	msg := i18n.T(lang, key, "field", field, "detail", detail)
	if ve.Code == domain.CodeMissingField && ve.Hint != "" {
		msg += " (" + detail + ")"
	}
	return msg
}

// Problems says every problem of a refusal, the first first.
func Problems(lang i18n.Lang, ve *domain.ValidationError, name func(field string) string) []string {
	var out []string
	for _, p := range ve.All() {
		out = append(out, Problem(lang, p, name))
	}
	return out
}
