package contract

import (
	"time"

	"github.com/skr/handslag/domain"
)

// The implementation's contract. An implementation is a child workflow of its initiative,
// started when the initiative reaches stage implementation; the CLI (handslag impl ...) and
// admin tools talk to it here. It runs for years and continues as new every follow-up period.
const (
	// ImplementationWorkflowType is the registered name of ImplementationWorkflow.
	ImplementationWorkflowType = "ImplementationWorkflow"

	// Messages: each is an Update (validated; a rejection leaves no history) and a Signal
	// with the same payload (a rejected signal changes nothing and is listed in the status).
	// Every payload carries domain.Meta ("by" and "reason").
	MsgImplPlan        = string(domain.ActImplPlan)        // domain.SetPlan, office
	MsgImplMilestone   = string(domain.ActImplMilestone)   // domain.RecordMilestone, office
	MsgImplReport      = string(domain.ActImplReport)      // domain.SubmitReport, office
	MsgImplMeasure     = string(domain.ActImplMeasure)     // domain.RecordMeasurement, office
	MsgImplHearing     = string(domain.ActImplHearing)     // domain.RecordHearing, office
	MsgImplJoin        = string(domain.ActImplJoin)        // domain.JoinImplementation, office or municipality
	MsgImplUnsubscribe = string(domain.ActImplUnsubscribe) // domain.Unsubscribe, office or municipality
	MsgImplComplete    = string(domain.ActImplComplete)    // domain.CompleteImplementation, office or leadership
	MsgImplStop        = string(domain.ActImplStop)        // domain.StopImplementation, office or leadership

	// QueryImplementationStatus returns ImplementationStatus.
	QueryImplementationStatus = "implementation_status"
	// MsgImplementationOutcome is the signal an implementation sends its initiative when it
	// ends: domain.ImplementationReport.
	MsgImplementationOutcome = "implementation_outcome"
	// MsgImplementationProgress is the signal an implementation sends its initiative whenever
	// the plan's next milestone changes: domain.ImplementationProgress (for the case list).
	MsgImplementationProgress = "implementation_progress"
)

// ImplementationWorkflowID is the implementation's workflow ID.
func ImplementationWorkflowID(initiativeID string) string { return "implementation-" + initiativeID }

// ImplementationInput starts (or continues) an implementation.
type ImplementationInput struct {
	Setup domain.ImplementationSetup `json:"setup"`
	// ParentWorkflowID receives the outcome (empty: none, for an implementation run alone).
	ParentWorkflowID string `json:"parent_workflow_id,omitempty"`
	// MaxHistoryEvents makes a run continue as new at this history length (0: default).
	MaxHistoryEvents int `json:"max_history_events,omitempty"`
	// State, Pending and Rejected are carried when the workflow continues as new (then
	// Setup is empty: it is in State).
	State    *domain.Implementation `json:"state,omitempty"`
	Pending  []domain.ImplAction    `json:"pending,omitempty"`
	Rejected []RejectedSignal       `json:"rejected,omitempty"`
	Run      int                    `json:"run,omitempty"`
	// Applied are the updates applied lately, carried so that one delivered again after
	// continue-as-new is answered, not applied twice.
	Applied []AppliedUpdate[ImplReceipt] `json:"applied,omitempty"`
}

// DefaultImplMaxHistoryEvents bounds a run's history; a run also ends with its period.
const DefaultImplMaxHistoryEvents = 2000

// ImplReceipt is what an accepted implementation update answers.
type ImplReceipt struct {
	Revision int               `json:"revision"`
	Event    *domain.ImplEvent `json:"event,omitempty"` // the (last) event it recorded
	// Events are every event it recorded (a join of several municipalities records one each).
	Events []domain.ImplEvent `json:"events,omitempty"`
	Ended  bool               `json:"ended,omitempty"`
}

// ImplementationStatus is what QueryImplementationStatus returns: the whole state, the
// follow-up periods, the goals against their targets, and what a case list shows.
type ImplementationStatus struct {
	Implementation domain.Implementation `json:"implementation"`
	Stage          domain.Stage          `json:"stage"` // implementation, completed or stopped
	Periods        []domain.ReportPeriod `json:"periods"`
	Goals          []domain.GoalResult   `json:"goals"`
	// NextMilestone is the next milestone not yet reached (what and when), for the case list.
	NextMilestone *MilestoneRef `json:"next_milestone,omitempty"`
	// Latest is the latest public event (a report, a milestone, a hearing, the ending).
	Latest    *domain.ImplEvent   `json:"latest,omitempty"`
	Outcome   *domain.ImplOutcome `json:"outcome,omitempty"`
	Escalated bool                `json:"escalated"`
	NextWake  *domain.ImplWake    `json:"next_wake,omitempty"`
	Rejected  []RejectedSignal    `json:"rejected_signals,omitempty"`
	Run       int                 `json:"run"`
}

// MilestoneRef names a milestone and its date.
type MilestoneRef struct {
	ID   string    `json:"id"`
	What string    `json:"what"`
	Date time.Time `json:"date"`
}
