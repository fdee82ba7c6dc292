package config

import "github.com/skr/handslag/legal"

// Legal reads HANDSLAG_LEGAL_FILE over the embedded demo facts.
func Legal(env Lookup) (legal.Facts, error) {
	path := get(env, EnvLegalFile, "")
	f, err := legal.Load(path)
	if err != nil {
		return legal.Facts{}, &SettingError{Setting: EnvLegalFile, Value: path, Problem: err.Error()}
	}
	return f, nil
}
