package worker

import (
	"context"
	"fmt"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/store"
)

// seedAddresses fills an empty address register once, so that an upgraded system and the
// local one start with addresses: from the CSV files an earlier version read
// (HANDSLAG_CONTACTS, HANDSLAG_MEMBERS) and the owner mailboxes of HANDSLAG_OWNER_EMAILS, and,
// for municipalities without a file, the demo addresses at a reserved domain. Each import is
// in the change log under who made it ("import: <file>"); afterwards the office keeps the
// register in the console, and the settings are not read again.
func seedAddresses(ctx context.Context, db *store.DB, cfg config.Worker, parties contacts.Parties) error {
	seed := func(kind contacts.Kind, by string, load func() ([]contacts.Entry, error)) error {
		has, err := db.HasAddresses(ctx, kind)
		if err != nil || has {
			return err
		}
		entries, err := load()
		if err != nil || len(entries) == 0 {
			return err
		}
		_, _, err = db.ReplaceRegister(ctx, kind, entries, by, "")
		return err
	}
	municipalities := func() ([]contacts.Entry, error) { return contacts.Demo(parties.Register), nil }
	by := "demo"
	if cfg.ContactsFile != "" {
		by = "import: " + cfg.ContactsFile
		municipalities = func() ([]contacts.Entry, error) {
			e, err := contacts.LoadFile(cfg.ContactsFile, contacts.Municipality, parties)
			return e, wrapSetting(config.EnvContacts, err)
		}
	}
	if err := seed(contacts.Municipality, by, municipalities); err != nil {
		return err
	}
	if cfg.MembersFile != "" {
		if err := seed(contacts.Member, "import: "+cfg.MembersFile, func() ([]contacts.Entry, error) {
			e, err := contacts.LoadFile(cfg.MembersFile, contacts.Member, parties)
			return e, wrapSetting(config.EnvMembers, err)
		}); err != nil {
			return err
		}
	}
	return seed(contacts.Owner, "import: "+config.EnvOwnerEmails, func() ([]contacts.Entry, error) {
		var out []contacts.Entry
		for _, o := range parties.List(contacts.Owner) {
			if addr, ok := cfg.OwnerEmails[domain.Owner(o.ID)]; ok {
				out = append(out, contacts.Entry{Kind: contacts.Owner, Party: o.ID, Email: addr})
			}
		}
		return out, nil
	})
}

func wrapSetting(setting string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", setting, err)
}
