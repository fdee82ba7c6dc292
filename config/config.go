// Package config reads the settings our processes share from the environment, following the
// Temporal CLI's names (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE), so one shell setup serves the
// CLI, the worker and the Temporal CLI alike.
package config

import (
	"os"
	"path/filepath"

	"github.com/skr/handslag/contract"
)

// Defaults of the local system.
const (
	DefaultAddress    = "127.0.0.1:7233"
	DefaultDataDir    = ".handslag"
	DefaultLeadership = "digitaliseringsledningen@example.org"
	DefaultOffice     = "programkontoret@example.org"
)

// Temporal is where to reach Temporal.
type Temporal struct {
	Address   string
	Namespace string
}

// TemporalFromEnv reads TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE.
func TemporalFromEnv() Temporal {
	return Temporal{
		Address:   env("TEMPORAL_ADDRESS", DefaultAddress),
		Namespace: env("TEMPORAL_NAMESPACE", contract.Namespace),
	}
}

// Worker is what the worker's activities need.
type Worker struct {
	// OutboxDir keeps every outgoing message (HANDSLAG_OUTBOX, default .handslag/outbox).
	OutboxDir string
	// LeadershipEmail receives escalations (HANDSLAG_LEADERSHIP_EMAIL).
	LeadershipEmail string
	// OfficeEmail is the programme office's mailbox (HANDSLAG_OFFICE_EMAIL).
	OfficeEmail string
	// MembersFile is the CSV register of council members' and networks' addresses
	// (HANDSLAG_MEMBERS; empty: every member notice goes to the office).
	MembersFile string
	// BaseURL is where the answer pages are served, for the links in offers (HANDSLAG_BASE_URL).
	BaseURL string
	// Namespace is where the cycle finds the initiatives (TEMPORAL_NAMESPACE).
	Namespace string
	// CasesDir keeps the public case list (HANDSLAG_CASES_DIR; empty: "cases" beside the outbox).
	CasesDir string
}

// WorkerFromEnv reads the worker settings.
func WorkerFromEnv() Worker {
	return Worker{
		OutboxDir:       env("HANDSLAG_OUTBOX", filepath.Join(env("HANDSLAG_DATA", DefaultDataDir), "outbox")),
		LeadershipEmail: env("HANDSLAG_LEADERSHIP_EMAIL", DefaultLeadership),
		OfficeEmail:     env("HANDSLAG_OFFICE_EMAIL", DefaultOffice),
		MembersFile:     os.Getenv("HANDSLAG_MEMBERS"),
		Namespace:       env("TEMPORAL_NAMESPACE", contract.Namespace),
		BaseURL:         env("HANDSLAG_BASE_URL", DefaultBaseURL),
		CasesDir:        CasesDirFromEnv(),
	}
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
