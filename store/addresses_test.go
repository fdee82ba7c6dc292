package store_test

import (
	"context"
	"fmt"
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

// Many parties' addresses in one read, on both back-ends: what the receipts of a batch of
// answers need. The same as asking party by party (contacts.AddressesOfMany's fallback).
func TestAddressesOfManyParties(t *testing.T) {
	for name, url := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t, url(t))
			entries := []contacts.Entry{{Kind: contacts.Municipality, Party: "0114", Email: "b@vasby.example"},
				{Kind: contacts.Municipality, Party: "0114", Email: "a@vasby.example"},
				{Kind: contacts.Municipality, Party: "0180", Email: "stadsledning@stockholm.example"},
				{Kind: contacts.Member, Party: "0305", Email: "ledamot@example.se"}}
			for _, e := range entries {
				_, err := db.AddAddress(ctx, e, "anna", "")
				require.NoError(t, err)
			}
			want := map[string][]string{"0114": {"a@vasby.example", "b@vasby.example"}, "0180": {"stadsledning@stockholm.example"}}
			parties := []string{"0114", "0180", "0305", "9999"}
			got, err := db.AddressesOfMany(ctx, contacts.Municipality, parties)
			require.NoError(t, err)
			assert.Equal(t, want, got, "0305 is a member, not a municipality; 9999 has none")
			oneByOne, err := contacts.AddressesOfMany(ctx, onlyBook{db}, contacts.Municipality, parties)
			require.NoError(t, err)
			assert.Equal(t, want, oneByOne)

			many := make([]string, 1200) // more parties than one query takes
			for i := range many {
				many[i] = fmt.Sprintf("%04d", i)
			}
			got, err = db.AddressesOfMany(ctx, contacts.Municipality, many)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// onlyBook hides AddressesOfMany, so that contacts.AddressesOfMany asks party by party.
type onlyBook struct{ contacts.Book }
