package activities

import (
	"context"
	"fmt"
	"strings"

	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
)

// ProposalNotice is an e-mail about a proposal: to the proposer when it has arrived
// (received) and when the office has decided (accept, merge, decline), or to the office when
// it has waited too long (waiting).
type ProposalNotice struct {
	ProposalID string                 `json:"proposal_id"`
	Kind       string                 `json:"kind"` // received, waiting, or a domain.ProposalVerdict
	Title      string                 `json:"title"`
	To         string                 `json:"to,omitempty"` // the proposer; empty for the office
	Initiative string                 `json:"initiative,omitempty"`
	Reason     string                 `json:"reason,omitempty"`
	Verdict    domain.ProposalVerdict `json:"verdict,omitempty"`
}

// ProposalKey is the idempotency key of a proposal's e-mail of a kind.
func ProposalKey(proposalID, kind string) string {
	return fmt.Sprintf("proposal/%s/%s", proposalID, kind)
}

// NotifyProposal sends a proposal's e-mail once per kind. The proposer's receipt and decision
// link to the public case list; the office's reminder links to the proposal in the console.
func (a *Activities) NotifyProposal(ctx context.Context, n ProposalNotice) (NotifyResult, error) {
	base := strings.TrimRight(a.BaseURL, "/")
	to := []string{n.To}
	link := base + "/arenden/" + n.Initiative
	if n.Kind == "waiting" {
		to, link = []string{a.officeAddress()}, a.consoleLink(consolepath.Proposal(n.ProposalID))
	}
	args := []any{"title", n.Title, "initiative", n.Initiative, "reason", n.Reason, "link", link, "list", base + "/arenden"}
	return a.notify(ctx, mail.Message{Key: ProposalKey(n.ProposalID, n.Kind), To: to,
		Subject: i18n.T(a.Lang, "mail.proposal."+n.Kind+".subject", args...), Body: i18n.T(a.Lang, "mail.proposal."+n.Kind+".body", args...)})
}
