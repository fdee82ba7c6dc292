// Package i18n is the catalogue of every text a user reads: CLI messages, error explanations,
// stage names and notification e-mails. Swedish is the default; English is ready beside it.
package i18n

import (
	"fmt"
	"sort"
	"strings"
)

// Lang is a catalogue language.
type Lang string

const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// T looks up key and fills in {name} placeholders from args given as name, value pairs. A key
// missing in the language falls back to Swedish, then to the key itself, so a gap is visible
// but never fatal.
func T(lang Lang, key string, args ...any) string {
	text, ok := catalogue[lang][key]
	if !ok {
		if text, ok = catalogue[Swedish][key]; !ok {
			text = key
		}
	}
	for i := 0; i+1 < len(args); i += 2 {
		text = strings.ReplaceAll(text, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return text
}

// Has reports whether the language has its own text for key.
func Has(lang Lang, key string) bool {
	_, ok := catalogue[lang][key]
	return ok
}

// Keys returns every key of a language, sorted (for completeness tests).
func Keys(lang Lang) []string {
	keys := make([]string, 0, len(catalogue[lang]))
	for k := range catalogue[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var catalogue = map[Lang]map[string]string{Swedish: swedish, English: english}
