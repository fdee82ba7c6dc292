package store_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/cases/casestest"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o750))
	data, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, data, 0o640))
}

// A system that ran on the file stores takes them over at its first start on the database:
// the case list, the outbox and the SMTP sent-log (whose keys are never sent again); once.
func TestImportOfTheFileStores(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			writeJSON(t, filepath.Join(dir, "cases", "bygglov.json"), casestest.Rec("bygglov", domain.StageDeclined, "run-1", casestest.T0, 4, casestest.T0))
			writeJSON(t, filepath.Join(dir, "cases", "arkiv.json"), casestest.Rec("arkiv", domain.StageTriaged, "run-2", casestest.T0, 1, casestest.T0))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "cases", "trasig.json"), []byte("{"), 0o640))
			at := time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC)
			writeJSON(t, filepath.Join(dir, "outbox", "a.json"), mail.Message{Key: "escalation/x", To: []string{"l@example.org"}, Subject: "s", Created: at})
			writeJSON(t, filepath.Join(dir, "outbox", "smtp-sent", "b.json"), mail.Message{Key: "offer/x/0180", To: []string{"r@kommun.example"}, Created: at})
			db := open(t, url(t))

			rep, err := db.ImportFiles(ctx, dir)
			require.NoError(t, err)
			assert.True(t, rep.Done)
			assert.Equal(t, 2, rep.Cases)
			assert.Equal(t, 1, rep.Messages)
			assert.Equal(t, 1, rep.Sent)
			require.Len(t, rep.Skipped, 1)
			assert.Contains(t, rep.Skipped[0], "trasig.json")
			assert.Contains(t, rep.String(), "2 cases, 1 outbox messages, 1 keys of sent e-mail")

			res, err := db.Select(ctx, cases.Filter{}, cases.Page{Number: 1, Size: 10})
			require.NoError(t, err)
			assert.Equal(t, 2, res.Total)
			claim, err := db.Claim(ctx, mail.Message{Key: "offer/x/0180"}, time.Hour)
			require.NoError(t, err)
			assert.Equal(t, mail.AlreadySent, claim, "a key the old sent-log had is never sent again")
			state, err := db.MailState(ctx, "escalation/x")
			require.NoError(t, err)
			assert.Equal(t, "kept", state)

			again, err := db.ImportFiles(ctx, dir)
			require.NoError(t, err)
			assert.False(t, again.Done, "imported once")
		})
	}
}
