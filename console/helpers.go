package console

import (
	"context"
	"strings"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/present"
)

func (c *Console) has(key string) bool {
	return i18n.Has(c.cfg.Lang, key) || i18n.Has(i18n.Swedish, key)
}

func (c *Console) when(t time.Time) string {
	return present.DateTime(c.cfg.Lang, t.In(domain.Stockholm()))
}

func (c *Console) timelineEvent(e string) string { return present.TimelineEvent(c.cfg.Lang, e) }

// The session remembers the last forms it sent, so that a form posted again after the first
// went through (a reload, a double click on a slow line) shows the receipt instead of a
// conflict; the update ID would keep the message from being applied twice anyway.
const (
	keySubmitted   = "submitted"
	keepSubmitted  = 20
	submissionsSep = " "
)

func (c *Console) submitted(ctx context.Context, sub string) bool {
	for _, s := range strings.Fields(c.cfg.Sessions.GetString(ctx, keySubmitted)) {
		if s == sub {
			return true
		}
	}
	return false
}

func (c *Console) remember(ctx context.Context, sub string) {
	subs := append(strings.Fields(c.cfg.Sessions.GetString(ctx, keySubmitted)), sub)
	if len(subs) > keepSubmitted {
		subs = subs[len(subs)-keepSubmitted:]
	}
	c.cfg.Sessions.Put(ctx, keySubmitted, strings.Join(subs, submissionsSep))
}
