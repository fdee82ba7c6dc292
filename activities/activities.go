// Package activities holds every side effect of the workflows. Each is a method on Activities,
// which holds its dependencies, and each takes a business idempotency key so that a retried or
// replayed activity never sends twice.
package activities

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"go.temporal.io/sdk/activity"
)

// Activities holds the dependencies of every activity.
type Activities struct {
	Sender mail.Sender
	Lang   i18n.Lang
	// LeadershipAddress receives escalations (a function mailbox, not a person).
	LeadershipAddress string
	// Addresses is the address register (Handslag's database): the municipalities' contacts,
	// the members' and the owner organisations' mailboxes. A party without an address is
	// never skipped silently: the office is told (nil: nobody has one).
	Addresses contacts.Book
	Now       func() time.Time

	// Offer rounds (see offer.go).
	Register MunicipalityRegister
	Links    AnswerLinks
	// BaseURL is where the answer pages are served, for example "https://handslag.example.org".
	BaseURL string
	// Unsubscribe makes the one-click unsubscribe links of implementation e-mails (see
	// impl_unsubscribe.go); nil: the e-mails ask for a reply instead.
	Unsubscribe UnsubscribeLinks
	// OfficeAddress receives notices for the programme office (missing contacts); the
	// leadership's mailbox when empty.
	OfficeAddress string

	// Cases is the public case list (see case_record.go); nil keeps none.
	Cases cases.Writer

	// AnswerersKept is how long a closed offer round keeps who answered (zero: until the
	// round's history is deleted); MailStore empties their receipts then (see retention.go).
	AnswerersKept domain.Period
	MailStore     mail.Forgetter
}

// EscalationNotice tells the leadership that a deadline passed without an answer.
type EscalationNotice struct {
	// IdempotencyKey is "escalation/<initiative>/<stage>/<cycle year>".
	IdempotencyKey string    `json:"idempotency_key"`
	InitiativeID   string    `json:"initiative_id"`
	Title          string    `json:"title"`
	Stage          string    `json:"stage"`
	Waiting        string    `json:"waiting"`
	Deadline       time.Time `json:"deadline"`
}

// NotifyResult says whether the notice was new (false: an earlier attempt already sent it).
type NotifyResult struct {
	Sent bool `json:"sent"`
}

// NotifyEscalation sends the escalation e-mail to the leadership's mailbox.
func (a *Activities) NotifyEscalation(ctx context.Context, n EscalationNotice) (NotifyResult, error) {
	what := i18n.T(a.Lang, "waiting."+n.Waiting)
	msg := mail.Message{
		Key:     n.IdempotencyKey,
		To:      []string{a.LeadershipAddress},
		Subject: i18n.T(a.Lang, "mail.escalation.subject", "title", n.Title, "what", what),
		Body: i18n.T(a.Lang, "mail.escalation.body", "title", n.Title, "id", n.InitiativeID, "what", what,
			"deadline", a.when(n.Deadline), "stage", i18n.T(a.Lang, "stage."+n.Stage),
			"action", i18n.T(a.Lang, "mail.escalation.action."+escalationAction(n)), "link", a.consoleLink(escalationPage(n))),
		Created: a.now(),
	}
	sent, err := a.Sender.Send(ctx, msg)
	if err != nil {
		return NotifyResult{}, err
	}
	activity.GetLogger(ctx).Info("escalation notice", "key", n.IdempotencyKey, "new", sent)
	return NotifyResult{Sent: sent}, nil
}

func (a *Activities) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

// consoleLink is the full address of a console page (a consolepath), where the person an
// e-mail goes to does what it is about.
func (a *Activities) consoleLink(path string) string {
	base := strings.TrimRight(a.BaseURL, "/")
	if base == "" {
		base = "http://localhost:8080"
	}
	return base + path
}

// escalationPage is where the leadership acts on an escalation: the decision form when the
// initiative waits for its decision, else the initiative's page (the office's work is late,
// and the leadership follows it up there).
func escalationPage(n EscalationNotice) string {
	if escalationAction(n) == "decision" {
		return consolepath.Decision(n.InitiativeID)
	}
	return consolepath.Initiative(n.InitiativeID)
}

func escalationAction(n EscalationNotice) string {
	if strings.HasPrefix(n.Waiting, domain.WaitDecisionPrefix) {
		return "decision"
	}
	return "follow"
}

// addressesOfMany is addressesOf for many parties at once (a party without any is absent).
func (a *Activities) addressesOfMany(ctx context.Context, kind contacts.Kind, parties []string) (map[string][]string, error) {
	if a.Addresses == nil {
		return nil, nil
	}
	book, err := contacts.AddressesOfMany(ctx, a.Addresses, kind, parties)
	if err != nil {
		return nil, fmt.Errorf("address register: %w", err)
	}
	return book, nil
}

// addressesOf is a party's addresses in the register (none without a register).
func (a *Activities) addressesOf(ctx context.Context, kind contacts.Kind, party string) ([]string, error) {
	if a.Addresses == nil {
		return nil, nil
	}
	addrs, err := a.Addresses.Addresses(ctx, kind, party)
	if err != nil {
		return nil, fmt.Errorf("address register: %w", err)
	}
	return addrs, nil
}
