package store_test

import (
	"context"
	"testing"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/cases/casestest"
	"github.com/skr/handslag/internal/pgtest"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/mail/mailtest"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/require"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// backends opens a new, empty store of each kind: the suites below run on both.
var backends = map[string]func(t testing.TB) string{
	"sqlite":     func(t testing.TB) string { return "sqlite:" + t.TempDir() + "/handslag.db" },
	"postgresql": func(t testing.TB) string { return pgtest.URL(t) },
}

func open(t *testing.T, url string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), url)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func TestCaseListSuite(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			casestest.Run(t, func(t *testing.T) cases.Store { return open(t, url(t)) })
		})
	}
}

func TestMailLedgerSuite(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			mailtest.Run(t, func(t *testing.T) mail.Ledger { return open(t, url(t)) })
		})
	}
}
