package activities

import (
	"context"
	"fmt"
	"time"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/present"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

// The offer round's dependencies, small so that the register, the contact book and the signed
// links plug in from their own packages.
type (
	// AnswerLinks makes the signed, personal answer link of a municipality for an offer.
	AnswerLinks interface {
		URL(baseURL, offerID, municipalityCode string) string
	}
	// MunicipalityRegister lists the municipalities an offer goes to.
	MunicipalityRegister interface {
		OfferMunicipalities() []domain.OfferMunicipality
	}
)

// Municipalities returns the municipalities an offer goes to, from the register.
func (a *Activities) Municipalities(ctx context.Context) ([]domain.OfferMunicipality, error) {
	if a.Register == nil {
		return nil, temporal.NewNonRetryableApplicationError("no municipality register is configured", "configuration", nil)
	}
	ms := a.Register.OfferMunicipalities()
	if len(ms) == 0 {
		return nil, temporal.NewNonRetryableApplicationError("the municipality register is empty", "configuration", nil)
	}
	return ms, nil
}

// MailKind is the kind of a per-municipality e-mail of an offer round.
type MailKind string

const (
	MailOffer    MailKind = "offer"    // the offer with the seminar invitation
	MailReminder MailKind = "reminder" // a reminder to a municipality that has not answered
)

// OfferMailBatch is one part of a fan-out: the same kind of e-mail to some municipalities.
type OfferMailBatch struct {
	Kind    MailKind            `json:"kind"`
	OfferID string              `json:"offer_id"` // the round's workflow ID
	Content domain.OfferContent `json:"content"`
	Seminar time.Time           `json:"seminar"` // calendar instant
	// SeminarVenue is where the seminar is held (zero: not said yet).
	SeminarVenue domain.Venue               `json:"seminar_venue,omitzero"`
	Deadline     time.Time                  `json:"deadline"` // calendar instant
	DaysBefore   int                        `json:"days_before,omitempty"`
	To           []domain.OfferMunicipality `json:"to"`
}

// OfferMailResult counts what a batch did. MissingContacts lists municipality codes without
// an address: nothing was sent to them and the round reports them.
type OfferMailResult struct {
	Sent            int      `json:"sent"`
	AlreadySent     int      `json:"already_sent"`
	MissingContacts []string `json:"missing_contacts,omitempty"`
}

// mailProgress is the heartbeat: how far a batch got. A retry (a worker restart half-way)
// resumes after the last message reported; the outbox's idempotency keys make the few
// messages sent after the last heartbeat harmless.
type mailProgress struct {
	Next   int             `json:"next"`
	Result OfferMailResult `json:"result"`
}

// MailKey is the business idempotency key of one offer-round e-mail.
func MailKey(b OfferMailBatch, code string) string {
	if b.Kind == MailReminder {
		return fmt.Sprintf("reminder/%s/%d/%s", b.Content.InitiativeID, b.DaysBefore, code)
	}
	return fmt.Sprintf("offer/%s/%s", b.Content.InitiativeID, code)
}

// SendOfferMail sends one e-mail per municipality of the batch, in order, heartbeating after
// each.
func (a *Activities) SendOfferMail(ctx context.Context, b OfferMailBatch) (OfferMailResult, error) {
	var p mailProgress
	if activity.HasHeartbeatDetails(ctx) {
		if err := activity.GetHeartbeatDetails(ctx, &p); err != nil {
			p = mailProgress{}
		}
	}
	for i := p.Next; i < len(b.To); i++ {
		if err := ctx.Err(); err != nil {
			return p.Result, err
		}
		m := b.To[i]
		to, err := a.addressesOf(ctx, contacts.Municipality, m.Code)
		if err != nil {
			return p.Result, err
		}
		if len(to) == 0 {
			p.Result.MissingContacts = append(p.Result.MissingContacts, m.Code)
		} else {
			sent, err := a.Sender.Send(ctx, a.offerMessage(b, m, to))
			if err != nil {
				return p.Result, fmt.Errorf("%s: %w", MailKey(b, m.Code), err)
			}
			if sent {
				p.Result.Sent++
			} else {
				p.Result.AlreadySent++
			}
		}
		p.Next = i + 1
		activity.RecordHeartbeat(ctx, p)
	}
	activity.GetLogger(ctx).Info("offer mail batch", "kind", b.Kind, "offer", b.OfferID, "sent", p.Result.Sent,
		"already_sent", p.Result.AlreadySent, "missing_contacts", len(p.Result.MissingContacts))
	return p.Result, nil
}

func (a *Activities) link(offerID, code string) string {
	if a.Links == nil {
		return a.BaseURL
	}
	return a.Links.URL(a.BaseURL, offerID, code)
}

func (a *Activities) offerMessage(b OfferMailBatch, m domain.OfferMunicipality, to []string) mail.Message {
	c := b.Content
	args := []any{"title", c.Title, "municipality", m.Name, "what", c.What, "who_does_what", c.WhoDoesWhat,
		"effect_goal", c.EffectGoal, "cost", c.Cost, "financing", c.Financing, "period", present.Period(a.Lang, c.ImplementationPeriod),
		"seminar", a.when(b.Seminar), "deadline", a.when(b.Deadline), "link", a.link(b.OfferID, m.Code),
		"days", b.DaysBefore, "venue", present.VenueText(a.Lang, b.SeminarVenue)}
	kind := "mail.offer"
	if b.Kind == MailReminder {
		kind = "mail.reminder"
	}
	return mail.Message{Key: MailKey(b, m.Code), To: to, Created: a.now(),
		Subject: i18n.T(a.Lang, kind+".subject", args...), Body: i18n.T(a.Lang, kind+".body", args...)}
}

// when writes an instant in an e-mail as people read it: "31 maj 2027 kl. 17.00" (Stockholm time).
func (a *Activities) when(t time.Time) string { return present.DateTime(a.Lang, t) }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
