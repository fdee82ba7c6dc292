package worker

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/refdata"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An empty register is filled once from the files and settings an earlier version read (or
// with demo addresses), each import in the change log; a register the office keeps is never
// overwritten by them again; a bad file stops the worker with the line to fix.
func TestAddressesAreSeededOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "h.db"))
	require.NoError(t, err)
	defer db.Close()
	parties := contacts.DefaultParties(refdata.Default())
	contactsFile := filepath.Join(dir, "kontakter.csv")
	require.NoError(t, os.WriteFile(contactsFile, []byte("municipality_code,email\n0180,stadsledning@stockholm.example\n"), 0o600))
	membersFile := filepath.Join(dir, "medlemmar.csv")
	require.NoError(t, os.WriteFile(membersFile, []byte("member_id,email\ncounty:01,ab@region.example\n"), 0o600))
	cfg := config.Worker{ContactsFile: contactsFile, MembersFile: membersFile,
		OwnerEmails: map[domain.Owner]string{domain.OwnerInera: "uppfoljning@inera.example"}}

	require.NoError(t, seedAddresses(ctx, db, cfg, parties))
	for kind, want := range map[contacts.Kind][]contacts.Entry{
		contacts.Municipality: {{Kind: contacts.Municipality, Party: "0180", Email: "stadsledning@stockholm.example"}},
		contacts.Member:       {{Kind: contacts.Member, Party: "county:01", Email: "ab@region.example"}},
		contacts.Owner:        {{Kind: contacts.Owner, Party: "Inera", Email: "uppfoljning@inera.example"}},
	} {
		got, err := db.Register(ctx, kind)
		require.NoError(t, err)
		assert.Equal(t, want, got, kind)
	}
	log, err := db.AddressChanges(ctx, contacts.Municipality, "", 10)
	require.NoError(t, err)
	require.Len(t, log, 1)
	assert.Equal(t, "import: "+contactsFile, log[0].By)

	// The office edits; a restart with other files changes nothing.
	_, err = db.AddAddress(ctx, contacts.Entry{Kind: contacts.Municipality, Party: "0114", Email: "a@vasby.example"}, "anna", "")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(contactsFile, []byte("municipality_code,email\n2584,kommun@kiruna.example\n"), 0o600))
	require.NoError(t, seedAddresses(ctx, db, cfg, parties))
	got, err := db.Register(ctx, contacts.Municipality)
	require.NoError(t, err)
	assert.Len(t, got, 2)

	// Without a file the local system gets the demo addresses; with a bad one the worker stops.
	db2, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "h2.db"))
	require.NoError(t, err)
	defer db2.Close()
	require.NoError(t, seedAddresses(ctx, db2, config.Worker{}, parties))
	demo, err := db2.Register(ctx, contacts.Municipality)
	require.NoError(t, err)
	assert.Len(t, demo, 290)
	db3, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "h3.db"))
	require.NoError(t, err)
	defer db3.Close()
	require.NoError(t, os.WriteFile(contactsFile, []byte("municipality_code,email\n114,x\n"), 0o600))
	err = seedAddresses(ctx, db3, config.Worker{ContactsFile: contactsFile}, parties)
	require.Error(t, err)
	assert.Contains(t, err.Error(), config.EnvContacts)
	assert.Contains(t, err.Error(), "line 2")
}
