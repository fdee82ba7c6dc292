package domain

import (
	"fmt"
	"unicode/utf8"
)

// MaxFreeTextLength bounds a free text a message carries into a long-running state (a reason,
// a council member's comment, a decision's reference): the cycle keeps every one, replaced ones
// too, and carries them across continue-as-new in one payload, which Temporal refuses over
// 2 MB. One pasted document must not stop a year's cycle; about a page of text is enough.
const MaxFreeTextLength = 2000

// checkFreeTexts refuses the first of fields (name, value) longer than MaxFreeTextLength
// characters, or not valid UTF-8, saying how long it is and how long it may be.
func checkFreeTexts(fields ...[2]string) error {
	for _, f := range fields {
		if n := utf8.RuneCountInString(f[1]); n > MaxFreeTextLength || !utf8.ValidString(f[1]) {
			return invalid(f[0], fmt.Sprint(n)).hint("max_chars", "max", fmt.Sprint(MaxFreeTextLength))
		}
	}
	return nil
}
