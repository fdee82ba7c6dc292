package config

import (
	"path/filepath"

	"go.temporal.io/sdk/contrib/envconfig"
)

// CasesDirFromEnv reads where the public case list is kept (see CasesDirFrom).
func CasesDirFromEnv() string { return CasesDirFrom(envconfig.EnvLookupOS) }

// CasesDirFrom reads where the public case list is kept: HANDSLAG_CASES_DIR, by default
// $HANDSLAG_DATA/cases. The worker writes there and the web server reads, so in production
// both must see the same directory (a shared volume).
func CasesDirFrom(env lookuper) string {
	return get(env, "HANDSLAG_CASES_DIR", filepath.Join(get(env, "HANDSLAG_DATA", DefaultDataDir), "cases"))
}
