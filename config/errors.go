package config

import "fmt"

// SettingError says which setting is missing or wrong and what to do about it, so an operator
// reading a start-up failure knows which variable (or flag) to fix without reading code.
type SettingError struct {
	// Setting is the environment variable (and flag, when there is one), e.g.
	// "TEMPORAL_ADDRESS (--address)".
	Setting string
	// Value is what was given; empty when the setting is missing. Secrets are never copied here.
	Value string
	// Problem says what is wrong and how a correct value looks (in English, for logs).
	Problem string
	// Hint names the explanation in the user's language ("setting.<Hint>" in the catalogue),
	// for the CLI; Example fills it in.
	Hint    string
	Example string
}

func (e *SettingError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("setting %s: %s", e.Setting, e.Problem)
	}
	return fmt.Sprintf("setting %s=%q: %s", e.Setting, e.Value, e.Problem)
}
