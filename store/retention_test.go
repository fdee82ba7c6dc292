package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// When the retention period of sent e-mail ends, recipients and contents go and the key stays:
// the message is still never sent again. A claimed message (being sent now) and newer ones are
// left; a second sweep empties nothing twice.
func TestForgetMailKeepsTheKeyAndDropsThePersonalData(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t, url(t))
			msg := func(key string) mail.Message {
				return mail.Message{Key: key, To: []string{"anna@kommun.example"}, Subject: "Erbjudande", Body: "Hej Anna", Created: time.Now().Add(-time.Hour)}
			}
			kept, err := db.Keep(ctx, msg("kept"))
			require.NoError(t, err)
			require.True(t, kept)
			for _, k := range []string{"sent", "claimed"} {
				r, err := db.Claim(ctx, msg(k), time.Hour)
				require.NoError(t, err)
				require.Equal(t, mail.Claimed, r)
			}
			require.NoError(t, db.MarkSent(ctx, "sent"))

			n, err := db.ForgetMail(ctx, time.Now().Add(-24*time.Hour))
			require.NoError(t, err)
			assert.Zero(t, n, "nothing is old enough yet")

			n, err = db.ForgetMail(ctx, time.Now().Add(time.Minute))
			require.NoError(t, err)
			assert.Equal(t, 2, n, "the sent and the kept message")
			byKey := map[string]mail.Message{}
			msgs, err := db.Messages(ctx)
			require.NoError(t, err)
			for _, m := range msgs {
				byKey[m.Key] = m
			}
			for _, k := range []string{"kept", "sent"} {
				assert.Empty(t, byKey[k].To, k)
				assert.Empty(t, byKey[k].Subject, k)
				assert.Empty(t, byKey[k].Body, k)
				assert.False(t, byKey[k].Created.IsZero(), "%s keeps its date", k)
			}
			assert.Equal(t, "Hej Anna", byKey["claimed"].Body, "a message being sent is left alone")

			r, err := db.Claim(ctx, msg("sent"), time.Hour)
			require.NoError(t, err)
			assert.Equal(t, mail.AlreadySent, r, "the key still stops a second sending")
			state, err := db.MailState(ctx, "kept")
			require.NoError(t, err)
			assert.Equal(t, "kept", state)

			n, err = db.ForgetMail(ctx, time.Now().Add(time.Minute))
			require.NoError(t, err)
			assert.Zero(t, n, "nothing twice")
		})
	}
}

func TestForgetAddressChangesDeletesTheOldLog(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t, url(t))
			e := contacts.Entry{Kind: contacts.Municipality, Party: "0114", Email: "a@vasby.example"}
			_, err := db.AddAddress(ctx, e, "anna", "ny")
			require.NoError(t, err)
			n, err := db.ForgetAddressChanges(ctx, time.Now().Add(-time.Hour))
			require.NoError(t, err)
			assert.Zero(t, n)
			n, err = db.ForgetAddressChanges(ctx, time.Now().Add(time.Minute))
			require.NoError(t, err)
			assert.Equal(t, 1, n)
			log, err := db.AddressChanges(ctx, contacts.Municipality, "", 10)
			require.NoError(t, err)
			assert.Empty(t, log)
			reg, err := db.Register(ctx, contacts.Municipality)
			require.NoError(t, err)
			assert.Len(t, reg, 1, "the register itself stays")
		})
	}
}

// The receipts of one offer round are emptied by their key prefix however recent they are;
// another round's receipts (even one whose ID begins the same) stay.
func TestForgetMailKeysEmptiesOneRoundsReceipts(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t, url(t))
			for _, k := range []string{"receipt/bygglov/0114/1", "receipt/bygglov/0115/2", "receipt/bygglov-2/0114/1", "offer/bygglov/0114"} {
				_, err := db.Keep(ctx, mail.Message{Key: k, To: []string{"anna@kommun.example"}, Body: "Bo Berg svarade ja", Created: time.Now()})
				require.NoError(t, err)
			}
			_, err := db.ForgetMailKeys(ctx, "")
			require.Error(t, err, "an empty prefix would empty everything")

			n, err := db.ForgetMailKeys(ctx, "receipt/bygglov/")
			require.NoError(t, err)
			assert.Equal(t, 2, n)
			msgs, err := db.Messages(ctx)
			require.NoError(t, err)
			for _, m := range msgs {
				forgotten := m.Key == "receipt/bygglov/0114/1" || m.Key == "receipt/bygglov/0115/2"
				assert.Equal(t, forgotten, m.Body == "", m.Key)
				assert.Equal(t, forgotten, len(m.To) == 0, m.Key)
			}
			n, err = db.ForgetMailKeys(ctx, "receipt/bygglov/")
			require.NoError(t, err)
			assert.Zero(t, n, "nothing twice")
		})
	}
}
