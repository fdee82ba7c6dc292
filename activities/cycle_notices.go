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
	"go.temporal.io/sdk/activity"
)

// NoticeMember is a member as a notice names it.
type NoticeMember struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// MemberNotice goes to each named member: the February round or the May valuation has
// opened, or a reminder that their list or valuations are missing.
type MemberNotice struct {
	// Key is the notice's business idempotency key; each member's message adds "/<member>".
	Key         string         `json:"key"`
	Kind        string         `json:"kind"` // "round_open", "list_reminder", "valuation_open" or "valuation_reminder"
	Year        int            `json:"year"`
	Members     []NoticeMember `json:"members"`
	Deadline    time.Time      `json:"deadline"`
	Initiatives int            `json:"initiatives"`
}

// NotifyMembers sends one message per member. Members without a known address are not
// skipped silently: the office gets one message naming them, to pass on by hand.
func (a *Activities) NotifyMembers(ctx context.Context, n MemberNotice) (NotifyResult, error) {
	var unreachable []string
	sent := false
	for i, m := range n.Members {
		activity.RecordHeartbeat(ctx, i)
		addrs, err := a.addressesOf(ctx, contacts.Member, m.ID)
		if err != nil {
			return NotifyResult{}, err
		}
		if len(addrs) == 0 {
			unreachable = append(unreachable, m.Name+" ("+m.ID+")")
			continue
		}
		isNew, err := a.Sender.Send(ctx, mail.Message{Key: n.Key + "/" + m.ID, To: addrs,
			Subject: i18n.T(a.Lang, "mail."+n.Kind+".subject", "year", n.Year),
			Body: i18n.T(a.Lang, "mail."+n.Kind+".body", "year", n.Year, "member", m.Name,
				"deadline", a.when(n.Deadline), "count", n.Initiatives,
				"link", a.consoleLink(memberPage(n, m.ID))),
			Created: a.now()})
		if err != nil {
			return NotifyResult{}, err
		}
		sent = sent || isNew
	}
	if len(unreachable) > 0 {
		isNew, err := a.Sender.Send(ctx, mail.Message{Key: n.Key + "/office", To: []string{a.officeAddress()},
			Subject: i18n.T(a.Lang, "mail.no_address.subject", "year", n.Year),
			Body: i18n.T(a.Lang, "mail.no_address.body", "kind", i18n.T(a.Lang, "mail."+n.Kind+".subject", "year", n.Year),
				"members", "- "+strings.Join(unreachable, "\n- "), "link", a.consoleLink(consolepath.Addresses(contacts.Member))),
			Created: a.now()})
		if err != nil {
			return NotifyResult{}, err
		}
		sent = sent || isNew
	}
	activity.GetLogger(ctx).Info("member notice", "key", n.Key, "members", len(n.Members), "without_address", len(unreachable))
	return NotifyResult{Sent: sent}, nil
}

// memberPage is where a member does what the notice asks: the May valuation, or the
// February list.
func memberPage(n MemberNotice, member string) string {
	if strings.HasPrefix(n.Kind, "valuation_") {
		return consolepath.MemberValuation(n.Year, member)
	}
	return consolepath.MemberList(n.Year, member)
}

// CycleNotice tells the leadership (copy to the office) about the cycle: the lists are closed
// and the ranking is ready, or a decision's deadline has passed.
type CycleNotice struct {
	Key      string    `json:"key"`
	Kind     string    `json:"kind"` // "lists_closed" or "cycle_escalation"
	Year     int       `json:"year"`
	Phase    string    `json:"phase,omitempty"`
	Deadline time.Time `json:"deadline,omitempty"`
	Lists    int       `json:"lists,omitempty"`
	Missing  int       `json:"missing,omitempty"`
}

// NotifyCycle sends a cycle notice once per key.
func (a *Activities) NotifyCycle(ctx context.Context, n CycleNotice) (NotifyResult, error) {
	sent, err := a.Sender.Send(ctx, mail.Message{Key: n.Key, To: []string{a.LeadershipAddress, a.officeAddress()},
		Subject: i18n.T(a.Lang, "mail."+n.Kind+".subject", "year", n.Year),
		Body: i18n.T(a.Lang, "mail."+n.Kind+".body", "year", n.Year, "lists", n.Lists, "missing", n.Missing,
			"phase", i18n.T(a.Lang, "phase."+n.Phase), "deadline", a.when(n.Deadline),
			"link", a.consoleLink(cycleNoticePage(n)), "decision", a.consoleLink(consolepath.Gate(n.Year, domain.GateQuickAnalysis))),
		Created: a.now()})
	if err != nil {
		return NotifyResult{}, fmt.Errorf("cycle notice %s: %w", n.Key, err)
	}
	activity.GetLogger(ctx).Info("cycle notice", "key", n.Key, "new", sent)
	return NotifyResult{Sent: sent}, nil
}

// cycleNoticePage is where a cycle notice sends the leadership: the decision page of the
// gate an escalated phase waits at, else the cycle's page.
func cycleNoticePage(n CycleNotice) string {
	if g, ok := consolepath.GateOfPhase(domain.CyclePhase(n.Phase)); ok {
		return consolepath.Gate(n.Year, g)
	}
	return consolepath.Cycle(n.Year)
}

func (a *Activities) officeAddress() string {
	if a.OfficeAddress != "" {
		return a.OfficeAddress
	}
	return DefaultOfficeAddress
}

// DefaultOfficeAddress is the programme office's function mailbox when none is configured.
const DefaultOfficeAddress = "programkontoret@example.org"
