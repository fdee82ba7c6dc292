package contract

import "github.com/skr/handslag/domain"

// A need proposed on the public form runs as a ProposalWorkflow until the office has decided
// on it: it sends the proposer a receipt, waits for the office's decision (reminding the office
// after ProposalReminderDays), carries the decision out (an accepted need is registered as an
// initiative), tells the proposer, and ends.
const (
	// ProposalWorkflowType is the registered name of ProposalWorkflow.
	ProposalWorkflowType = "ProposalWorkflow"
	// MsgDecideProposal is an Update (and a Signal) with domain.DecideProposal: the office.
	MsgDecideProposal = string(domain.ActDecideProposal)
	// QueryProposalStatus returns ProposalStatus.
	QueryProposalStatus = "proposal_status"
	// ProposalReminderDays is how long a proposal may wait before the office is reminded.
	ProposalReminderDays = 14
)

// ProposalWorkflowID is the workflow ID of a proposal.
func ProposalWorkflowID(id string) string { return "proposal-" + id }

// ProposalInput starts a proposal.
type ProposalInput struct {
	Proposal domain.Proposal `json:"proposal"`
}

// ProposalStatus is what QueryProposalStatus returns.
type ProposalStatus struct {
	Proposal domain.Proposal         `json:"proposal"`
	Outcome  *domain.ProposalOutcome `json:"outcome,omitempty"`
	Reminded bool                    `json:"reminded"`
}
