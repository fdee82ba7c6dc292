package contract

import (
	"fmt"
	"time"

	"github.com/skr/handslag/domain"
)

// The annual cycle's contract: one CycleWorkflow per cycle year with a stable ID, started by
// CycleLauncherWorkflow, which the Temporal Schedule runs once a year.

const (
	// CycleWorkflowType is the registered name of CycleWorkflow.
	CycleWorkflowType = "CycleWorkflow"
	// CycleLauncherWorkflowType is the registered name of CycleLauncherWorkflow.
	CycleLauncherWorkflowType = "CycleLauncherWorkflow"
	// ScheduleID is the one Schedule that starts each year's cycle.
	ScheduleID = "handslag-annual-cycle"

	// Messages to a cycle (each an Update with a validator and a Signal).
	MsgSubmitPriorities = string(domain.ActPriorities)     // domain.SubmitPriorities: council, network, or office on behalf
	MsgSubmitValuation  = string(domain.ActCycleValuation) // domain.SubmitValuation: council, or office on behalf
	MsgDecideCycle      = string(domain.ActDecideCycle)    // domain.DecideCycle: leadership
	// MsgParticipantClosed is the signal an initiative sends the cycle it is in when it
	// closes (withdrawn, declined): domain.ParticipantClosing.
	MsgParticipantClosed = "participant_closed"

	// QueryCycleStatus returns CycleStatus; QueryCycleReport returns domain.CycleReport with
	// one page of the ranking and of the valuations, the page a ReportRequest argument asks
	// for (none: the first).
	QueryCycleStatus = "cycle_status"
	QueryCycleReport = "cycle_report"
)

// CycleWorkflowID is the stable business ID of a year's cycle: starting it twice gives one.
func CycleWorkflowID(year int) string { return fmt.Sprintf("cycle-%d", year) }

// CycleActor is who the cycle says it is when it tells initiatives something.
func CycleActor(year int) domain.Actor {
	return domain.Actor{ID: CycleWorkflowID(year), Role: domain.RoleOffice}
}

// Payload types of the cycle's messages.
type (
	SubmitPriorities = domain.SubmitPriorities
	SubmitValuation  = domain.SubmitValuation
	DecideCycle      = domain.DecideCycle
)

// CycleInput starts (or continues) a year's cycle.
type CycleInput struct {
	Year   int                `json:"year"`
	Config domain.CycleConfig `json:"config"`
	// Clock is the demo clock, if the calendar is a demo calendar; zero for the real one.
	Clock domain.Clock `json:"clock"`
	// State is set when the cycle continues as new.
	State *domain.Cycle `json:"state,omitempty"`
	// ReadParticipants says that State carries the participants without their titles, owners
	// and scores (domain.Cycle.ForNextRun): the run reads them from the initiatives first.
	ReadParticipants bool `json:"read_participants,omitempty"`
	MaxHistoryEvents int  `json:"max_history_events,omitempty"`
	Run              int  `json:"run,omitempty"`
	// Applied are the lists and valuations applied lately, carried so that one delivered
	// again after continue-as-new is answered, not applied twice. (A decision delivered again
	// is refused: its gate has moved on.)
	Applied []AppliedUpdate[CycleReceipt] `json:"applied,omitempty"`
}

// ReportRequest is QueryCycleReport's optional argument: the page of the ranking and of the
// valuation summaries to carry (domain.ReportPage; none: the first of each). The report says
// how many there are of each; a client reads the rest page by page and keeps pages of one
// Revision together (admin.Client.CycleReport does).
type ReportRequest = domain.ReportPage

// CycleStatus is what QueryCycleStatus returns.
type CycleStatus struct {
	Year            int               `json:"year"`
	Phase           domain.CyclePhase `json:"phase"`
	Calendar        string            `json:"calendar"`
	Demo            bool              `json:"demo"`
	Participants    int               `json:"participants"`
	Lists           int               `json:"lists"`
	MissingLists    []string          `json:"missing_lists,omitempty"`
	NextWake        *domain.CycleWake `json:"next_wake,omitempty"`
	Deciding        bool              `json:"deciding"`
	RejectedSignals []RejectedSignal  `json:"rejected_signals,omitempty"`
	Run             int               `json:"run"`
}

// DecisionReceipt is what an accepted cycle decision answers.
type DecisionReceipt struct {
	Gate    domain.Gate             `json:"gate"`
	Phase   domain.CyclePhase       `json:"phase"`
	Results []domain.DecisionResult `json:"results"`
}

// CycleReceipt is what the other accepted cycle messages answer.
type CycleReceipt struct {
	Phase         domain.CyclePhase `json:"phase"`
	Revision      int               `json:"revision"`
	ListsDeadline time.Time         `json:"lists_deadline"`
}

// LauncherInput is the Schedule's action: the configuration every year's cycle starts with.
type LauncherInput struct {
	Config domain.CycleConfig `json:"config"`
	// Clock is the demo clock of a demo schedule (fixed when the schedule is created).
	Clock domain.Clock `json:"clock"`
	// Year, when set, starts that year's cycle; otherwise the year of the next February review
	// after the scheduled time.
	Year int `json:"year,omitempty"`
}

// LauncherResult says which cycle the launcher started, or found already started.
type LauncherResult struct {
	Year       int    `json:"year"`
	WorkflowID string `json:"workflow_id"`
	Started    bool   `json:"started"` // false: that year's cycle already existed
}

// DecisionUpdateID is the idempotency key of one initiative's part of a cycle decision.
func DecisionUpdateID(year int, gate domain.Gate, initiative string) string {
	return fmt.Sprintf("%s/%s/%s", CycleWorkflowID(year), gate, initiative)
}
