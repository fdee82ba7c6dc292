package worker

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/legal"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

// The sweep removes what its periods say, in a real database: an e-mail sent 91 days ago is
// emptied with a 90-day period and one sent 89 days ago is not; the change log goes after its
// years. The periods are the ones the privacy page publishes (legal.Retention).
func TestTheRetentionSweepEnforcesThePublishedPeriods(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "h.db"))
	require.NoError(t, err)
	defer db.Close()
	sentAt := time.Now()
	for _, k := range []string{"offer/0114"} {
		r, err := db.Claim(ctx, mail.Message{Key: k, To: []string{"anna@vasby.example"}, Body: "Hej Anna"}, time.Hour)
		require.NoError(t, err)
		require.Equal(t, mail.Claimed, r)
		require.NoError(t, db.MarkSent(ctx, k))
	}
	_, err = db.AddAddress(ctx, contacts.Entry{Kind: contacts.Municipality, Party: "0114", Email: "anna@vasby.example"}, "anna", "")
	require.NoError(t, err)
	r := legal.Retention{HistoryDays: 30, MailDays: 90, ChangeLogYears: 2}
	core, logs := observer.New(zap.InfoLevel)

	enforceRetention(ctx, db, r, sentAt.AddDate(0, 0, 89), zap.New(core))
	msgs, err := db.Messages(ctx)
	require.NoError(t, err)
	assert.Equal(t, "Hej Anna", msgs[0].Body, "89 days: kept")

	enforceRetention(ctx, db, r, sentAt.AddDate(0, 0, 91), zap.New(core))
	msgs, err = db.Messages(ctx)
	require.NoError(t, err)
	assert.Empty(t, msgs[0].To, "91 days: emptied")
	assert.Empty(t, msgs[0].Body)
	changes, err := db.AddressChanges(ctx, contacts.Municipality, "", 10)
	require.NoError(t, err)
	assert.Len(t, changes, 1, "the change log is younger than two years")

	enforceRetention(ctx, db, r, sentAt.AddDate(2, 0, 1), zap.New(core))
	changes, err = db.AddressChanges(ctx, contacts.Municipality, "", 10)
	require.NoError(t, err)
	assert.Empty(t, changes, "older than two years: gone")
	assert.Equal(t, 2, logs.FilterMessageSnippet("retention:").Len(), "each removal is logged, without the data")
	for _, e := range logs.All() {
		assert.NotContains(t, e.ContextMap(), "anna@vasby.example")
	}
}

// A database that fails is reported and tried again at the next interval; nothing stops.
func TestARetentionFailureIsReportedNotFatal(t *testing.T) {
	core, logs := observer.New(zap.WarnLevel)
	enforceRetention(context.Background(), failingStore{}, legal.Default().Retention, time.Now(), zap.New(core))
	assert.Equal(t, 2, logs.FilterMessageSnippet("trying again later").Len())
}

type failingStore struct{}

func (failingStore) ForgetMail(context.Context, time.Time) (int, error) {
	return 0, errors.New("down")
}
func (failingStore) ForgetAddressChanges(context.Context, time.Time) (int, error) {
	return 0, errors.New("down")
}
