package activities

import (
	"context"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// reminderRecipients is who gets a report reminder: the owner organisation's mailbox with the
// office in copy, or the office alone; then note (starting with a blank line) says why, so
// the office forwards it.
func (a *Activities) reminderRecipients(ctx context.Context, owner domain.Owner) (to []string, note string, err error) {
	if owner == "" {
		return []string{a.officeAddress()}, "\n\n" + i18n.T(a.Lang, "unsub.owner.none_no_owner"), nil
	}
	addrs, err := a.addressesOf(ctx, contacts.Owner, string(owner))
	if err != nil {
		return nil, "", err
	}
	if len(addrs) > 0 {
		return append(addrs, a.officeAddress()), "", nil
	}
	return []string{a.officeAddress()}, "\n\n" + i18n.T(a.Lang, "unsub.owner.none", "owner", string(owner)), nil
}
