package store_test

import (
	"context"
	"testing"

	"github.com/skr/handslag/contacts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The address register on both back-ends: entries added and removed one by one or replaced by
// an import, every change in the log with who, when and why, and nothing logged for what did
// not change.
func TestAddressRegister(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t, url(t))
			has, err := db.HasAddresses(ctx, contacts.Municipality)
			require.NoError(t, err)
			assert.False(t, has)

			a := contacts.Entry{Kind: contacts.Municipality, Party: "0180", Email: "stadsledning@stockholm.example"}
			added, err := db.AddAddress(ctx, a, "anna", "nytt kontor")
			require.NoError(t, err)
			assert.True(t, added)
			added, err = db.AddAddress(ctx, a, "anna", "igen")
			require.NoError(t, err)
			assert.False(t, added, "already there")
			got, err := db.Addresses(ctx, contacts.Municipality, "0180")
			require.NoError(t, err)
			assert.Equal(t, []string{"stadsledning@stockholm.example"}, got)

			in := []contacts.Entry{{Kind: contacts.Municipality, Party: "0114", Email: "a@vasby.example"},
				{Kind: contacts.Municipality, Party: "0114", Email: "b@vasby.example"}, {Kind: contacts.Municipality, Party: "0114", Email: "a@vasby.example"}}
			added2, removed, err := db.ReplaceRegister(ctx, contacts.Municipality, in, "lars", "import")
			require.NoError(t, err)
			assert.Equal(t, 2, added2)
			assert.Equal(t, 1, removed, "Stockholm's address is not in the import")
			reg, err := db.Register(ctx, contacts.Municipality)
			require.NoError(t, err)
			assert.Equal(t, in[:2], reg)
			added2, removed, err = db.ReplaceRegister(ctx, contacts.Municipality, in, "lars", "samma igen")
			require.NoError(t, err)
			assert.Zero(t, added2+removed, "the same import changes nothing")

			removedOne, err := db.RemoveAddress(ctx, in[1], "anna", "slutat")
			require.NoError(t, err)
			assert.True(t, removedOne)

			log, err := db.AddressChanges(ctx, contacts.Municipality, "", 100)
			require.NoError(t, err)
			require.Len(t, log, 5)
			assert.Equal(t, "removed", log[0].Action)
			assert.Equal(t, "anna", log[0].By)
			assert.Equal(t, "slutat", log[0].Note)
			assert.False(t, log[0].At.IsZero())
			stockholm, err := db.AddressChanges(ctx, contacts.Municipality, "0180", 100)
			require.NoError(t, err)
			require.Len(t, stockholm, 2)
			assert.Equal(t, []string{"removed", "added"}, []string{stockholm[0].Action, stockholm[1].Action})
			other, err := db.AddressChanges(ctx, contacts.Owner, "", 100)
			require.NoError(t, err)
			assert.Empty(t, other)
		})
	}
}
