package domain

import (
	"strings"
	"time"
)

// A proposal is a need sent in on the public need form (anyone may propose, without signing
// in). The programme office accepts it into the backlog (it becomes an initiative, with the
// proposer as its origin), merges it into an initiative that already has the need, or declines
// it with a reason; the proposer is told at once and when the office has decided.

// Proposal is a need as proposed.
type Proposal struct {
	ID       string    `json:"id"` // random, for the workflow ID; not the initiative's
	Need     Need      `json:"need"`
	Received time.Time `json:"received"`
}

// ProposalVerdict is what the office decides.
type ProposalVerdict string

const (
	ProposalAccept  ProposalVerdict = "accept"  // into the backlog as a new initiative
	ProposalMerge   ProposalVerdict = "merge"   // into an initiative that has the need already
	ProposalDecline ProposalVerdict = "decline" // not taken up, with the reason
)

// DecideProposal is the office's decision on a proposal.
type DecideProposal struct {
	Meta
	Verdict ProposalVerdict `json:"verdict"`
	// Initiative is the new initiative's ID for an accept (empty: from the title), or the
	// initiative to merge into.
	Initiative string `json:"initiative,omitempty"`
}

// Canonical is the decision as it is kept.
func (d DecideProposal) Canonical(p Proposal) DecideProposal {
	d.Verdict = ProposalVerdict(strings.ToLower(strings.TrimSpace(string(d.Verdict))))
	d.Initiative = strings.TrimSpace(d.Initiative)
	if d.Verdict == ProposalAccept && d.Initiative == "" {
		d.Initiative = IDFromTitle(p.Need.Title)
	}
	return d
}

// Check says why the decision cannot be taken, or nil: only the office decides, with a reason;
// an accept or a merge names a valid initiative ID.
func (d DecideProposal) Check() error {
	var p problems
	p.add(d.validateFor(ActDecideProposal))
	switch d.Verdict {
	case ProposalAccept, ProposalMerge:
		if d.Initiative == "" {
			p.add(missing("initiative"))
		} else {
			p.add(ValidateID(d.Initiative))
		}
	case ProposalDecline:
	case "":
		p.add(missing("verdict"))
	default:
		p.add(invalid("verdict", string(d.Verdict)).hint("choose_proposal_verdict"))
	}
	return p.err()
}

// Validate checks a proposal before anything is kept: the need as the template asks for it.
func (p Proposal) Validate() error {
	if err := ValidateID(p.ID); err != nil {
		return err
	}
	return p.Need.Validate()
}

// ProposalOutcome is how a proposal ended.
type ProposalOutcome struct {
	Verdict    ProposalVerdict `json:"verdict"`
	Initiative string          `json:"initiative,omitempty"`
	Reason     string          `json:"reason"`
	By         string          `json:"by"`
	At         time.Time       `json:"at"`
}

// MergeRefused is the refusal of a merge into an initiative that does not exist or is closed.
func MergeRefused(initiative string) error {
	return invalid("initiative", initiative).hint("merge_into_open")
}
