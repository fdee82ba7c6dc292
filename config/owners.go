package config

import (
	"fmt"
	"net/mail"
	"strings"

	"github.com/skr/handslag/domain"
)

// ParseOwnerEmails reads "SKR=skr@example.org,Adda=adda@example.org,Inera=inera@example.org":
// owner=address pairs, separated by commas, owners in any letter case, each at most once.
// Owners left out have no address. A malformed value is a *SettingError naming the setting.
func ParseOwnerEmails(s string) (map[domain.Owner]string, error) {
	book := map[domain.Owner]string{}
	fail := func(problem string, args ...any) error {
		return &SettingError{Setting: EnvOwnerEmails, Value: s, Problem: fmt.Sprintf(problem, args...) +
			"; write owner=address pairs separated by commas, e.g. SKR=skr@example.org,Adda=adda@example.org,Inera=inera@example.org"}
	}
	for _, pair := range strings.Split(s, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		name, addr, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, fail("%q has no '='", strings.TrimSpace(pair))
		}
		owner, err := domain.ParseOwner(name)
		if err != nil {
			return nil, fail("%q is not an owner (SKR, Adda or Inera)", strings.TrimSpace(name))
		}
		if _, dup := book[owner]; dup {
			return nil, fail("%s is given twice", owner)
		}
		addr = strings.TrimSpace(addr)
		if a, err := mail.ParseAddress(addr); err != nil || a.Address != addr {
			return nil, fail("%q (for %s) is not an e-mail address", addr, owner)
		}
		book[owner] = addr
	}
	return book, nil
}
