package activities

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/present"
	"go.temporal.io/sdk/activity"
)

// ImplNoticeBase names the initiative an implementation notice is about.
type ImplNoticeBase struct {
	InitiativeID string `json:"initiative_id"`
	Title        string `json:"title"`
	Owner        string `json:"owner,omitempty"`
}

// ReportChaseNotice is a reminder (to the owner organisation and the office, which enters the
// owner's report) or an escalation (to the leadership, copy to the office) of a missing
// status report.
type ReportChaseNotice struct {
	ImplNoticeBase
	Kind   string    `json:"kind"` // domain.ActReminder or domain.ActEscalation
	Period string    `json:"period"`
	Due    time.Time `json:"due"` // calendar instant
}

// ReportChaseKey is the idempotency key of a reminder or escalation: one per period and kind.
func ReportChaseKey(initiativeID, kind, period string) string {
	return fmt.Sprintf("impl/%s/%s/%s", initiativeID, kind, period)
}

// NotifyReportChase sends a reminder or an escalation of a missing status report, once. A
// reminder goes to the owner organisation (OwnerAddresses) with the office in copy, or to the
// office alone with a note when the owner has no address; an escalation goes to the
// leadership, with the office in copy.
func (a *Activities) NotifyReportChase(ctx context.Context, n ReportChaseNotice) (NotifyResult, error) {
	to, note, err := a.reminderRecipients(ctx, domain.Owner(n.Owner))
	if err != nil {
		return NotifyResult{}, err
	}
	if n.Kind == domain.ActEscalation {
		to, note = []string{a.LeadershipAddress, a.officeAddress()}, ""
	}
	args := []any{"title", n.Title, "id", n.InitiativeID, "owner", orDash(n.Owner), "period", n.Period, "due", a.when(n.Due), "note", note,
		"link", a.consoleLink(consolepath.Initiative(n.InitiativeID)), "report", a.consoleLink(consolepath.Report(n.InitiativeID))}
	return a.notify(ctx, mail.Message{Key: ReportChaseKey(n.InitiativeID, n.Kind, n.Period), To: to,
		Subject: i18n.T(a.Lang, "impl.mail."+n.Kind+".subject", args...), Body: i18n.T(a.Lang, "impl.mail."+n.Kind+".body", args...)})
}

// ImplMailBatch is a hearing invitation or a feedback digest to the contacts of the
// participating municipalities (each municipality one message to its addresses), with a
// copy to the office. Stopped lists single addresses that asked to stop receiving them.
type ImplMailBatch struct {
	ImplNoticeBase
	Kind string    `json:"kind"` // domain.ActInvitation or domain.ActDigest
	Ref  string    `json:"ref"`  // the hearing ID or the digest period
	At   time.Time `json:"at"`   // the hearing, or the digest's time
	// Venue is where the hearing is held (zero: not said yet).
	Venue   domain.Venue             `json:"venue,omitzero"`
	Events  []domain.ImplEvent       `json:"events,omitempty"`
	To      []domain.ImplParticipant `json:"to"`
	Stopped []string                 `json:"stopped,omitempty"`
}

// ImplMailKey is the idempotency key of one message of a batch: a hearing's invitation is
// keyed by its date too, so a moved hearing is invited again.
func ImplMailKey(b ImplMailBatch, recipient string) string {
	if b.Kind == domain.ActInvitation {
		return fmt.Sprintf("impl/%s/hearing/%s/%s/%s", b.InitiativeID, b.Ref, b.At.In(domain.Stockholm()).Format("2006-01-02"), recipient)
	}
	return fmt.Sprintf("impl/%s/digest/%s/%s", b.InitiativeID, b.Ref, recipient)
}

// SendImplementationMail sends the batch, heartbeating after each municipality; a retry
// resumes where the last heartbeat was and the keys make any overlap harmless. Addresses are
// never logged; only counts are.
func (a *Activities) SendImplementationMail(ctx context.Context, b ImplMailBatch) (OfferMailResult, error) {
	var p mailProgress
	if activity.HasHeartbeatDetails(ctx) {
		if err := activity.GetHeartbeatDetails(ctx, &p); err != nil {
			p = mailProgress{}
		}
	}
	stopped := map[string]bool{}
	for _, s := range b.Stopped {
		stopped[strings.ToLower(s)] = true
	}
	for i := p.Next; i < len(b.To); i++ {
		if err := ctx.Err(); err != nil {
			return p.Result, err
		}
		m := b.To[i]
		var to []string
		addrs, err := a.addressesOf(ctx, contacts.Municipality, m.Code)
		if err != nil {
			return p.Result, err
		}
		for _, addr := range addrs {
			if !stopped[strings.ToLower(addr)] {
				to = append(to, addr)
			}
		}
		if len(to) == 0 {
			p.Result.MissingContacts = append(p.Result.MissingContacts, m.Code)
		} else if err := a.putImplMail(ctx, b, m.Code, orDash(m.Name), to, a.unsubscribeURL(b.InitiativeID, m.Code), &p.Result); err != nil {
			return p.Result, err
		}
		p.Next = i + 1
		activity.RecordHeartbeat(ctx, p)
	}
	if err := a.putImplMail(ctx, b, "office", i18n.T(a.Lang, "impl.office"), []string{a.officeAddress()}, "", &p.Result); err != nil {
		return p.Result, err
	}
	activity.GetLogger(ctx).Info("implementation mail", "initiative", b.InitiativeID, "kind", b.Kind, "ref", b.Ref,
		"sent", p.Result.Sent, "already_sent", p.Result.AlreadySent, "without_address", len(p.Result.MissingContacts))
	return p.Result, nil
}

// putImplMail stores one message of a batch. unsubscribe is the municipality's one-click
// link ("" for the office's copy, or when no links are configured).
func (a *Activities) putImplMail(ctx context.Context, b ImplMailBatch, recipient, name string, to []string, unsubscribe string, res *OfferMailResult) error {
	lines := make([]string, len(b.Events))
	for i, e := range b.Events {
		lines[i] = "- " + present.ImplEventLine(a.Lang, e)
	}
	count := i18n.T(a.Lang, "impl.events.other", "count", len(b.Events))
	if len(b.Events) == 1 {
		count = i18n.T(a.Lang, "impl.events.one")
	}
	args := []any{"title", b.Title, "id", b.InitiativeID, "municipality", name, "ref", b.Ref, "at", a.when(b.At),
		"venue", present.VenueText(a.Lang, b.Venue), "count", len(b.Events), "count_events", count, "events", strings.Join(lines, "\n"), "stop", a.stopSentence(recipient, b.Title, unsubscribe)}
	sent, err := a.Sender.Send(ctx, mail.Message{Key: ImplMailKey(b, recipient), To: to, Created: a.now(), Unsubscribe: unsubscribe,
		Subject: i18n.T(a.Lang, "impl.mail."+b.Kind+".subject", args...), Body: i18n.T(a.Lang, "impl.mail."+b.Kind+".body", args...)})
	if err != nil {
		return fmt.Errorf("%s: %w", ImplMailKey(b, recipient), err)
	}
	if sent {
		res.Sent++
	} else {
		res.AlreadySent++
	}
	return nil
}
