package legal_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/skr/handslag/legal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheDefaultsParse(t *testing.T) {
	f := legal.Default()
	assert.Equal(t, "Sveriges Kommuner och Regioner (SKR)", f.Controller.Name)
	assert.Equal(t, legal.Partial, f.Accessibility.Status)
	assert.NotEmpty(t, f.Accessibility.Shortcomings)
	for _, p := range legal.Purposes {
		assert.NotEmpty(t, f.Basis[p], "every purpose has a basis: %s", p)
	}
	assert.Equal(t, 90*24*time.Hour, f.Retention.MailAge())
	assert.Equal(t, 3, f.Retention.AnswererYears)
}

// A file overrides field by field: what it leaves out keeps the default; a list replaces.
func TestAFileOverridesTheDefaultsFieldByField(t *testing.T) {
	path := filepath.Join(t.TempDir(), "legal.yaml")
	require.NoError(t, os.WriteFile(path, []byte(`
controller:
  email: dpo@skr.se
legal_basis:
  console: PUBLIC_TASK
retention:
  mail_days: 30
accessibility:
  status: Full
  shortcomings: []
  reviewed: 2027-01-15
`), 0o600))
	f, err := legal.Load(path)
	require.NoError(t, err)
	assert.Equal(t, "dpo@skr.se", f.Controller.Email)
	assert.Equal(t, "Sveriges Kommuner och Regioner (SKR)", f.Controller.Name, "kept")
	assert.Equal(t, legal.PublicTask, f.Basis[legal.Console], "canonical value")
	assert.Equal(t, legal.PublicTask, f.Basis[legal.Answers], "kept")
	assert.Equal(t, 30, f.Retention.MailDays)
	assert.Equal(t, 2, f.Retention.ChangeLogYears, "kept")
	assert.Equal(t, legal.Full, f.Accessibility.Status)
	assert.Empty(t, f.Accessibility.Shortcomings)
	assert.Equal(t, time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC), f.Accessibility.Reviewed)
}

func TestBadFactsSayWhatToFix(t *testing.T) {
	for _, c := range []struct{ yaml, field string }{
		{"controller: {email: not-an-address}", "controller.email"},
		{"requests_email: Anna <anna@skr.se>", "requests_email"},
		{"legal_basis: {answers: because}", "legal_basis.answers"},
		{"legal_basis: {lunch: consent}", "legal_basis.lunch"},
		{"retention: {mail_days: 0}", "retention"},
		{"retention: {answerer_years: 0}", "retention"},
		{"accessibility: {status: mostly}", "accessibility.status"},
		{"accessibility: {shortcomings: []}", "accessibility.shortcomings"},
		{"accessibility: {assessed: 30/11/2026}", "accessibility.assessed"},
		{"controller: {name: ' '}", "controller.name"},
	} {
		_, err := legal.Parse([]byte(c.yaml))
		var le *legal.Error
		if assert.ErrorAs(t, err, &le, c.yaml) {
			assert.Equal(t, c.field, le.Field, c.yaml)
		}
	}
	_, err := legal.Parse([]byte("controler: {name: x}"))
	assert.ErrorContains(t, err, "controler", "a misspelt field is refused")
	_, err = legal.Load(filepath.Join(t.TempDir(), "missing.yaml"))
	assert.Error(t, err)
}

func TestTheChangeLogCutoffCountsCalendarYears(t *testing.T) {
	r := legal.Retention{ChangeLogYears: 2}
	now := time.Date(2028, 2, 29, 12, 0, 0, 0, time.UTC)
	assert.Equal(t, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), r.ChangeLogCutoff(now))
}
