package activities

import (
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// reminderRecipients is who gets a report reminder: the owner organisation's mailbox with the
// office in copy, or the office alone; then note (starting with a blank line) says why, so
// the office forwards it.
func (a *Activities) reminderRecipients(owner domain.Owner) (to []string, note string) {
	if addr := a.OwnerAddresses[owner]; addr != "" {
		return []string{addr, a.officeAddress()}, ""
	}
	if owner == "" {
		return []string{a.officeAddress()}, "\n\n" + i18n.T(a.Lang, "unsub.owner.none_no_owner")
	}
	return []string{a.officeAddress()}, "\n\n" + i18n.T(a.Lang, "unsub.owner.none", "owner", string(owner))
}
