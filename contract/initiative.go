package contract

import (
	"strings"

	"github.com/skr/handslag/domain"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
)

const (
	// TaskQueue is where the worker listens.
	TaskQueue = "handslag"
	// InitiativeWorkflowType is the registered name of InitiativeWorkflow.
	InitiativeWorkflowType = "InitiativeWorkflow"
	// Namespace is the default namespace of the local system.
	Namespace = "handslag"
)

// InitiativeWorkflowID is the stable business ID of an initiative's workflow.
func InitiativeWorkflowID(initiativeID string) string { return "initiative-" + initiativeID }

// InitiativeIDFromWorkflowID reverses InitiativeWorkflowID.
func InitiativeIDFromWorkflowID(workflowID string) string {
	return strings.TrimPrefix(workflowID, "initiative-")
}

// Message names. Each is accepted as an Update (validated; rejected input leaves no history)
// and as a Signal with the same payload (validated when received; a rejection is logged and
// shown in status).
const (
	MsgTriageOwner         = string(domain.ActTriage)        // domain.TriageOwner, office
	MsgAssessRelevance     = string(domain.ActRelevance)     // domain.AssessRelevance, office
	MsgScoreCriteria       = string(domain.ActScore)         // domain.ScoreCriteria, office
	MsgRecordRequirement   = string(domain.ActRequirement)   // domain.RecordRequirement, office
	MsgDecide              = string(domain.ActDecide)        // domain.Decide, leadership
	MsgRecordQuickAnalysis = string(domain.ActQuickAnalysis) // domain.RecordQuickAnalysis, office
	MsgRecordValuation     = string(domain.ActValuation)     // domain.RecordValuation, office
	MsgRecordQualification = string(domain.ActQualification) // domain.RecordQualification, office
	MsgWithdraw            = string(domain.ActWithdraw)      // domain.Withdraw, office
	MsgJoinCycle           = string(domain.ActJoinCycle)     // domain.JoinCycle, sent by the annual cycle
	// MsgForgetContact erases the proposer's contact e-mail (domain.ForgetContact, office); the
	// run then continues as new at once, so the address remains only in closed runs, which
	// the namespace's retention deletes.
	MsgForgetContact = string(domain.ActForgetContact)

	// QueryStatus returns Status.
	QueryStatus = "status"
)

// Payload types, named here so admin tools find them in one place.
type (
	TriageOwner         = domain.TriageOwner
	AssessRelevance     = domain.AssessRelevance
	ScoreCriteria       = domain.ScoreCriteria
	RecordRequirement   = domain.RecordRequirement
	Decide              = domain.Decide
	RecordQuickAnalysis = domain.RecordQuickAnalysis
	RecordValuation     = domain.RecordValuation
	RecordQualification = domain.RecordQualification
	Withdraw            = domain.Withdraw
	ForgetContact       = domain.ForgetContact
	JoinCycle           = domain.JoinCycle
)

// Custom search attributes. None holds personal data.
var (
	SAStage     = temporal.NewSearchAttributeKeyKeyword("HandslagStage")
	SAOwner     = temporal.NewSearchAttributeKeyKeyword("HandslagOwner")
	SACycleYear = temporal.NewSearchAttributeKeyInt64("HandslagCycleYear")
	SAEscalated = temporal.NewSearchAttributeKeyBool("HandslagEscalated")
)

// SearchAttributes lists the custom search attributes with their types, for registration.
var SearchAttributes = map[string]enums.IndexedValueType{
	SAStage.GetName():     enums.INDEXED_VALUE_TYPE_KEYWORD,
	SAOwner.GetName():     enums.INDEXED_VALUE_TYPE_KEYWORD,
	SACycleYear.GetName(): enums.INDEXED_VALUE_TYPE_INT,
	SAEscalated.GetName(): enums.INDEXED_VALUE_TYPE_BOOL,
}

// InitiativeInput starts (or continues) an initiative.
type InitiativeInput struct {
	Registration domain.Registration `json:"registration"`
	// State is set when the workflow continues as new; nil on the first run.
	State *domain.Initiative `json:"state,omitempty"`
	// MaxHistoryEvents makes the run continue as new once its history reaches this length
	// (0: DefaultMaxHistoryEvents), well before the server would suggest it.
	MaxHistoryEvents int `json:"max_history_events,omitempty"`
	// Pending carries escalations found but not yet notified across continue-as-new.
	Pending []domain.Escalation `json:"pending,omitempty"`
	// Run counts the continue-as-new generations (0 on the first run).
	Run int `json:"run,omitempty"`
	// Offer schedules the offer round (nil: domain.DefaultOfferSettings).
	Offer *domain.OfferSettings `json:"offer,omitempty"`
	// Implementation shapes the follow-up (nil: domain.DefaultImplementationSettings).
	Implementation *domain.ImplementationSettings `json:"implementation,omitempty"`
	// Applied are the updates applied lately, carried so that one delivered again after
	// continue-as-new is answered, not applied twice.
	Applied []AppliedUpdate[Receipt] `json:"applied,omitempty"`
}

// DefaultMaxHistoryEvents keeps every run far below the server's limits.
const DefaultMaxHistoryEvents = 2000

// Receipt is what an accepted update answers.
type Receipt struct {
	Stage     domain.Stage `json:"stage"`
	CycleYear int          `json:"cycle_year"`
	Revision  int          `json:"revision"`
}

// Status is what QueryStatus returns.
type Status struct {
	Initiative      domain.Initiative `json:"initiative"`
	NextWake        *domain.Wake      `json:"next_wake,omitempty"`
	RejectedSignals []RejectedSignal  `json:"rejected_signals,omitempty"`
	Run             int               `json:"run"` // how many times it has continued as new
}

// RejectedSignal records a signal that failed validation (signals cannot be refused).
type RejectedSignal struct {
	Name  string                  `json:"name"`
	By    string                  `json:"by"`
	Error *domain.ValidationError `json:"error"`
}
