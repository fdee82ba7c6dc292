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

// An access request finds every address, change-log line and e-mail of a person, whatever the
// case of the address; an erasure removes them and nothing of anyone else, and the e-mails'
// keys stay so that none is sent again.
func TestFindAndErasePerson(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t, url(t))
			anna := "Anna_S@Vasby.example"
			for _, e := range []contacts.Entry{
				{Kind: contacts.Municipality, Party: "0114", Email: "anna_s@vasby.example"},
				{Kind: contacts.Member, Party: "county:01", Email: "anna_s@vasby.example"},
				{Kind: contacts.Municipality, Party: "0114", Email: "annaxs@vasby.example"}, // _ must not match x
			} {
				_, err := db.AddAddress(ctx, e, "office", "")
				require.NoError(t, err)
			}
			for key, to := range map[string]string{"offer/0114": "anna_s@vasby.example", "offer/other": "annaxs@vasby.example"} {
				r, err := db.Claim(ctx, mail.Message{Key: key, To: []string{to}, Subject: "Erbjudande", Body: "Hej", Created: time.Now()}, time.Hour)
				require.NoError(t, err)
				require.Equal(t, mail.Claimed, r)
				require.NoError(t, db.MarkSent(ctx, key))
			}

			p, err := db.FindPerson(ctx, anna)
			require.NoError(t, err)
			assert.Len(t, p.Addresses, 2)
			assert.Len(t, p.Changes, 2, "the two additions of her address")
			require.Len(t, p.Mail, 1)
			assert.Equal(t, "offer/0114", p.Mail[0].Key)
			assert.Equal(t, "Hej", p.Mail[0].Body)

			erased, err := db.ErasePerson(ctx, anna)
			require.NoError(t, err)
			assert.Equal(t, 2, erased.Addresses)
			assert.Equal(t, 2, erased.Changes)
			assert.Equal(t, 1, erased.Mail)

			p, err = db.FindPerson(ctx, anna)
			require.NoError(t, err)
			assert.Empty(t, p.Addresses)
			assert.Empty(t, p.Changes)
			assert.Empty(t, p.Mail)
			other, err := db.FindPerson(ctx, "annaxs@vasby.example")
			require.NoError(t, err)
			assert.Len(t, other.Addresses, 1, "someone else's address stays")
			assert.Len(t, other.Mail, 1)
			r, err := db.Claim(ctx, mail.Message{Key: "offer/0114"}, time.Hour)
			require.NoError(t, err)
			assert.Equal(t, mail.AlreadySent, r, "the key still stops a second sending")
		})
	}
}
