package starter

import "github.com/skr/handslag/domain"

// unsubscribedLines lists who has stopped the implementation e-mails, for the status: the
// municipality (all its contacts) or one address, when and by whom (a municipality's own
// link shows as "avsluta-lank").
func (c *CLI) unsubscribedLines(im domain.Implementation) []string {
	names := map[string]string{}
	for _, p := range im.Participants {
		names[p.Code] = p.Name
	}
	out := make([]string, 0, len(im.Unsubscribed))
	for _, u := range im.Unsubscribed {
		args := []any{"code", u.Municipality, "name", names[u.Municipality], "email", u.Email, "date", day(u.At), "by", u.By}
		if u.Email == "" {
			out = append(out, c.t("unsub.status.whole", args...))
		} else {
			out = append(out, c.t("unsub.status.address", args...))
		}
	}
	return out
}
