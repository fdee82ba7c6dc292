// Package config is the one place that reads the environment. Each process loads its settings
// here (LoadWorker, LoadWeb, LoadCLI, LoadLogging) and passes them on as plain values, so the
// worker, the web server and the CLI are driven by their arguments and a test can build any
// setting without touching the process environment. Temporal's settings follow the Temporal
// CLI's names and profile file (client.go), so one shell setup serves our processes and the
// `temporal` command alike. Every setting is listed in Table.
package config

import (
	"path/filepath"
	"strings"

	"go.temporal.io/sdk/contrib/envconfig"
)

// Defaults of the local system.
const (
	DefaultAddress    = "127.0.0.1:7233"
	DefaultDataDir    = ".handslag"
	DefaultLeadership = "digitaliseringsledningen@example.org"
	DefaultOffice     = "programkontoret@example.org"
)

// Lookup reads variables: OS (the process environment) or Env (a map, in tests).
type Lookup interface {
	LookupEnv(name string) (string, bool)
}

// OS is the process environment.
var OS Lookup = envconfig.EnvLookupOS

func get(env Lookup, name, def string) string {
	if v, ok := env.LookupEnv(name); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return def
}

// DataDir is where the process keeps its files (HANDSLAG_DATA).
func DataDir(env Lookup) string { return get(env, EnvData, DefaultDataDir) }

// DatabaseURL is Handslag's database (HANDSLAG_DATABASE_URL): by default an SQLite file in the
// data directory, so the local system needs no database server.
func DatabaseURL(env Lookup) string {
	return get(env, EnvDatabaseURL, "sqlite:"+filepath.Join(DataDir(env), "handslag.db"))
}

// Temporal is where the CLI finds Temporal by default.
type Temporal struct {
	Address   string
	Namespace string
}

// CLI is what the admin CLI reads besides Temporal's settings.
type CLI struct {
	// User is the default sender of messages (HANDSLAG_USER, else USER).
	User string
	// English switches the CLI's messages to English (HANDSLAG_LANG=en).
	English  bool
	Temporal Temporal
	// DatabaseURL is Handslag's database, for the commands that read or edit its registers.
	DatabaseURL string
}

// LoadCLI reads the CLI's settings.
func LoadCLI(env Lookup) CLI {
	return CLI{
		User:        get(env, EnvUser, get(env, "USER", "")),
		English:     strings.HasPrefix(get(env, EnvLang, ""), "en"),
		Temporal:    Temporal{Address: get(env, "TEMPORAL_ADDRESS", DefaultAddress), Namespace: get(env, "TEMPORAL_NAMESPACE", "handslag")},
		DatabaseURL: DatabaseURL(env),
	}
}

// Logging says how the process logs.
type Logging struct {
	Level   string // debug, info, warn, error
	Console bool   // a format for people instead of JSON lines
}

// LoadLogging reads HANDSLAG_LOG_LEVEL and HANDSLAG_LOG_FORMAT.
func LoadLogging(env Lookup) Logging {
	return Logging{Level: strings.ToLower(get(env, EnvLogLevel, "info")), Console: get(env, EnvLogFormat, "") == "console"}
}

// With is env with some variables set otherwise: the local system sets the data directory and
// the base URL from its own flags this way, and reads the rest as every process does.
func With(env Lookup, set map[string]string) Lookup { return overlay{env, set} }

type overlay struct {
	Lookup
	set map[string]string
}

func (o overlay) LookupEnv(name string) (string, bool) {
	if v, ok := o.set[name]; ok {
		return v, true
	}
	return o.Lookup.LookupEnv(name)
}
