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

// ReceiptBatch asks for one receipt e-mail per accepted answer version.
type ReceiptBatch struct {
	OfferID  string              `json:"offer_id"`
	Content  domain.OfferContent `json:"content"`
	Deadline time.Time           `json:"deadline"` // calendar instant
	Clock    domain.Clock        `json:"clock"`
	Receipts []AnswerReceipt     `json:"receipts"`
}

// AnswerReceipt is one accepted answer to repeat back to the municipality.
type AnswerReceipt struct {
	Municipality domain.OfferMunicipality `json:"municipality"`
	Answer       domain.AnswerVersion     `json:"answer"`
}

// ReceiptKey is the idempotency key of the receipt of one answer version.
func ReceiptKey(initiativeID, code string, version int) string {
	return fmt.Sprintf("%s%s/%d", ReceiptPrefix(initiativeID), code, version)
}

// SendReceipts sends the receipts to the municipalities' contact addresses; a municipality
// without one is listed in the result. The batch's addresses are read at once and its receipts
// sent at once where the register and the sender can (the database: one read, one write): the
// round runs this inside its workflow task (a local activity), and answers to it wait for that.
func (a *Activities) SendReceipts(ctx context.Context, b ReceiptBatch) (OfferMailResult, error) {
	var res OfferMailResult
	book, err := a.addressesOfMany(ctx, contacts.Municipality, receiptParties(b))
	if err != nil {
		return res, err
	}
	var msgs []mail.Message
	for _, r := range b.Receipts {
		to := book[r.Municipality.Code]
		if len(to) == 0 {
			res.MissingContacts = append(res.MissingContacts, r.Municipality.Code)
			continue
		}
		msgs = append(msgs, a.receipt(b, r, to))
	}
	sent, err := a.sendAll(ctx, msgs)
	for _, isNew := range sent {
		if isNew {
			res.Sent++
		} else {
			res.AlreadySent++
		}
	}
	activity.RecordHeartbeat(ctx, res.Sent+res.AlreadySent)
	if err != nil {
		return res, err
	}
	activity.GetLogger(ctx).Info("receipts", "offer", b.OfferID, "sent", res.Sent, "already_sent", res.AlreadySent,
		"missing_contacts", len(res.MissingContacts))
	return res, nil
}

// sendAll sends msgs at once where the sender can (the outbox: one write), else one by one with
// a heartbeat after each (through SMTP a batch takes a while; a run recorded before
// offer-receipts-local sends it as an activity task with a heartbeat time-out). It reports for
// each message sent whether it was new; an error stops it.
func (a *Activities) sendAll(ctx context.Context, msgs []mail.Message) ([]bool, error) {
	if b, ok := a.Sender.(mail.BatchSender); ok {
		return b.SendAll(ctx, msgs)
	}
	sent := make([]bool, 0, len(msgs))
	for _, m := range msgs {
		isNew, err := a.Sender.Send(ctx, m)
		if err != nil {
			return sent, err
		}
		sent = append(sent, isNew)
		activity.RecordHeartbeat(ctx, len(sent))
	}
	return sent, nil
}

// receiptParties are the municipalities of a batch, each once.
func receiptParties(b ReceiptBatch) []string {
	var codes []string
	seen := map[string]bool{}
	for _, r := range b.Receipts {
		if c := r.Municipality.Code; !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	return codes
}

// receipt is the e-mail that repeats one answer back to the municipality.
func (a *Activities) receipt(b ReceiptBatch, r AnswerReceipt, to []string) mail.Message {
	v := r.Answer
	answer := i18n.T(a.Lang, "offer.answer."+string(v.Answer))
	late := ""
	if v.Late {
		late = i18n.T(a.Lang, "mail.receipt.late")
	}
	args := []any{"title", b.Content.Title, "municipality", r.Municipality.Name, "answer", answer, "name", v.Name,
		"role", v.Role, "comment", orDash(v.Comment), "version", v.Version, "at", a.when(v.At),
		"late", late, "deadline", a.when(b.Deadline), "source", i18n.T(a.Lang, "offer.source."+string(v.Source))}
	return mail.Message{Key: ReceiptKey(b.Content.InitiativeID, r.Municipality.Code, v.Version),
		To: to, Created: a.now(), Subject: i18n.T(a.Lang, "mail.receipt.subject", args...),
		Body: i18n.T(a.Lang, "mail.receipt.body", args...)}
}

// OutcomeNotice tells the leadership the go/no-go of an offer round.
type OutcomeNotice struct {
	OfferID  string              `json:"offer_id"`
	Content  domain.OfferContent `json:"content"`
	Phase    domain.OfferPhase   `json:"phase"`
	Go       bool                `json:"go"`
	Tally    domain.Tally        `json:"tally"`
	Rule     domain.DecisionRule `json:"rule"`
	Deadline time.Time           `json:"deadline"` // calendar instant
}

// OutcomeKey is the idempotency key of an outcome notice: one per round and phase.
func OutcomeKey(initiativeID string, phase domain.OfferPhase) string {
	return fmt.Sprintf("outcome/%s/%s", initiativeID, phase)
}

// NotifyOfferOutcome e-mails the go/no-go to the leadership's mailbox.
func (a *Activities) NotifyOfferOutcome(ctx context.Context, n OutcomeNotice) (NotifyResult, error) {
	t := n.Tally
	verdict := i18n.T(a.Lang, "offer.no_go")
	if n.Go {
		verdict = i18n.T(a.Lang, "offer.go")
	}
	args := []any{"title", n.Content.Title, "id", n.Content.InitiativeID, "verdict", verdict,
		"phase", i18n.T(a.Lang, "offer.phase."+string(n.Phase)), "deadline", a.when(n.Deadline), "rule", n.Rule.String(),
		"yes", t.Yes, "no", t.No, "not_answered", t.NotAnswered, "municipalities", t.Municipalities, "late_yes", t.LateYes,
		"share_population", present.Percent(a.Lang, t.YesSharePopulation), "share_municipalities", present.Percent(a.Lang, t.YesShareMunicipalities),
		"link", a.consoleLink(consolepath.OfferDashboard(n.Content.InitiativeID))}
	return a.notify(ctx, mail.Message{Key: OutcomeKey(n.Content.InitiativeID, n.Phase), To: []string{a.LeadershipAddress},
		Subject: i18n.T(a.Lang, "mail.outcome.subject", args...), Body: i18n.T(a.Lang, "mail.outcome.body", args...)})
}

// MissingContactsNotice tells the office which municipalities got no e-mail.
type MissingContactsNotice struct {
	OfferID string                     `json:"offer_id"`
	Content domain.OfferContent        `json:"content"`
	Kind    MailKind                   `json:"kind"`
	Missing []domain.OfferMunicipality `json:"missing"`
}

// NotifyMissingContacts e-mails the office the list of municipalities without a contact
// address, once per round and kind of e-mail.
func (a *Activities) NotifyMissingContacts(ctx context.Context, n MissingContactsNotice) (NotifyResult, error) {
	lines := make([]string, len(n.Missing))
	for i, m := range n.Missing {
		lines[i] = fmt.Sprintf("- %s %s", m.Code, m.Name)
	}
	args := []any{"title", n.Content.Title, "id", n.Content.InitiativeID, "count", len(n.Missing),
		"kind", i18n.T(a.Lang, "offer.mail_kind."+string(n.Kind)), "list", strings.Join(lines, "\n"),
		"link", a.consoleLink(consolepath.Initiative(n.Content.InitiativeID)), "addresses", a.consoleLink(consolepath.Addresses(contacts.Municipality))}
	to := a.OfficeAddress
	if to == "" {
		to = a.LeadershipAddress
	}
	return a.notify(ctx, mail.Message{Key: fmt.Sprintf("missing-contacts/%s/%s", n.Content.InitiativeID, n.Kind),
		To: []string{to}, Subject: i18n.T(a.Lang, "mail.missing_contacts.subject", args...),
		Body: i18n.T(a.Lang, "mail.missing_contacts.body", args...)})
}

func (a *Activities) notify(ctx context.Context, m mail.Message) (NotifyResult, error) {
	m.Created = a.now()
	sent, err := a.Sender.Send(ctx, m)
	if err != nil {
		return NotifyResult{}, err
	}
	activity.GetLogger(ctx).Info("notice", "key", m.Key, "new", sent)
	return NotifyResult{Sent: sent}, nil
}
