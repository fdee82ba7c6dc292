package domain

import (
	"fmt"
	"time"
)

// The annual cycle coordinates every initiative of one cycle year: the February round of
// priority lists, the leadership's decision on quick analyses, the May valuations by the
// council, the June decision on qualification and, at the start of the next year, the offer
// decision. The initiatives keep their own state; the cycle keeps what is shared.

// CyclePhase is where a cycle is.
type CyclePhase string

const (
	// PhaseStarting is shown while a new cycle takes in the backlog; it accepts no message yet.
	PhaseStarting              CyclePhase = "starting"
	PhasePriorities            CyclePhase = "priorities"              // lists open until the lists deadline
	PhaseQuickAnalysisDecision CyclePhase = "quick_analysis_decision" // leadership: which go to quick analysis
	PhaseQuickAnalysis         CyclePhase = "quick_analysis"          // April: the analyses are made
	PhaseValuation             CyclePhase = "valuation"               // May: council members value them
	PhaseFinalPrioritisation   CyclePhase = "final_prioritisation"    // June: leadership: which are qualified
	PhaseQualification         CyclePhase = "qualification"           // September to January
	PhaseOfferDecision         CyclePhase = "offer_decision"          // next February: which become offers
	PhaseDone                  CyclePhase = "done"
)

// CyclePhases lists the phases in order.
var CyclePhases = []CyclePhase{PhasePriorities, PhaseQuickAnalysisDecision, PhaseQuickAnalysis,
	PhaseValuation, PhaseFinalPrioritisation, PhaseQualification, PhaseOfferDecision, PhaseDone}

// CycleConfig is what a cycle runs on. It is data: the process changes between years.
type CycleConfig struct {
	Calendar Calendar  `json:"calendar"`
	Networks []Network `json:"networks"`
	// ListsDeadline closes the February round (default 28 February 17:00).
	ListsDeadline DayTime `json:"lists_deadline"`
	// ReminderDaysBefore: days before the lists deadline when members without a list are
	// reminded (default 7 and 2).
	ReminderDaysBefore []int `json:"reminder_days_before"`
}

// DefaultCycleConfig is the default calendar and networks.
func DefaultCycleConfig(counties []RegionRef) CycleConfig {
	return CycleConfig{
		Calendar:           DefaultCalendar(),
		Networks:           DefaultNetworks(counties),
		ListsDeadline:      DayTime{Month: 2, Day: 28, Time: "17:00"},
		ReminderDaysBefore: []int{7, 2},
	}
}

// Validate checks the calendar, the networks, and that the lists deadline falls inside the
// February review (after it opens, before the leadership's deadline).
func (c CycleConfig) Validate() error {
	if err := c.Calendar.Validate(); err != nil {
		return err
	}
	if err := ValidateNetworks(c.Networks); err != nil {
		return err
	}
	if err := c.ListsDeadline.validate("lists_deadline"); err != nil {
		return err
	}
	d := c.ListsDeadline.In(2027)
	if !d.After(c.Calendar.Opens(SeasonFebruaryReview, 2027)) || !d.Before(c.Calendar.Deadline(SeasonFebruaryReview, 2027)) {
		return &ValidationError{Code: CodeInvalidCalendar, Field: "lists_deadline",
			Hint: "lists_deadline_in_february"}
	}
	seen := map[int]bool{}
	for _, n := range c.ReminderDaysBefore {
		if n < 1 || n > 27 || seen[n] {
			return invalid("reminder_days_before", fmt.Sprint(n))
		}
		seen[n] = true
	}
	return nil
}

// Cycle is the whole state of one year's cycle.
type Cycle struct {
	Year    int         `json:"year"`
	Config  CycleConfig `json:"config"`
	Clock   Clock       `json:"clock"`
	Phase   CyclePhase  `json:"phase"`
	Started time.Time   `json:"started"`

	Participants []Participant `json:"participants"`
	// Lists holds the current list of every member that has given one, in arrival order;
	// Replaced keeps every earlier version.
	Lists     []SubmittedList `json:"lists,omitempty"`
	Replaced  []SubmittedList `json:"replaced,omitempty"`
	Reminders []ListReminder  `json:"reminders,omitempty"`

	Valuations         []MemberValuation `json:"valuations,omitempty"`
	ReplacedValuations []MemberValuation `json:"replaced_valuations,omitempty"`
	// ValuationNotices: the members are told when the May valuation opens and reminded before
	// its deadline (cycle_valuation_notices.go); ValuationReminders are the reminders sent.
	ValuationNotices bool `json:"valuation_notices,omitempty"`
	// TextBounded: the messages' free texts are at most MaxFreeTextLength characters. Cycles
	// started before the bound (a workflow version) keep taking any length, so that their
	// recorded signals replay as they were applied.
	TextBounded        bool           `json:"text_bounded,omitempty"`
	ValuationReminders []ListReminder `json:"valuation_reminders,omitempty"`

	Decisions   []CycleDecision   `json:"decisions,omitempty"`
	Escalations []CycleEscalation `json:"escalations,omitempty"`
	Timeline    []TimelineEntry   `json:"timeline"`
	Revision    int               `json:"revision"`
}

// Participant is an initiative included in the cycle, as it was when the cycle took it in
// (its criteria scores are refreshed before each report).
type Participant struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	Owner    Owner            `json:"owner,omitempty"`
	Criteria []CriterionScore `json:"criteria,omitempty"`
	Included time.Time        `json:"included"`
	// Closed is the stage the initiative closed in during the cycle (withdrawn, declined), as
	// it told the cycle; the ranking marks it, and new lists may not name it.
	Closed   Stage     `json:"closed,omitempty"`
	ClosedAt time.Time `json:"closed_at,omitzero"`
}

// ParticipantClosing is what an initiative tells its cycle when it closes.
type ParticipantClosing struct {
	Initiative string    `json:"initiative"`
	Stage      Stage     `json:"stage"`
	At         time.Time `json:"at"`
}

// ParticipantClosed records that a participant has closed (an initiative tells its cycle).
// It reports whether anything changed.
func (c *Cycle) ParticipantClosed(id string, stage Stage, at time.Time) bool {
	for i := range c.Participants {
		p := &c.Participants[i]
		if p.ID == id && p.Closed == "" && stage.Closed() {
			p.Closed, p.ClosedAt = stage, at
			c.Revision++
			return true
		}
	}
	return false
}

// SubmittedList is one member's priority list as given.
type SubmittedList struct {
	PriorityList
	Version  int       `json:"version"`
	By       string    `json:"by"`
	OnBehalf bool      `json:"on_behalf"` // entered by the office for the member
	Reason   string    `json:"reason"`
	At       time.Time `json:"at"`
}

// ListReminder is one reminder round: who was reminded, how many days before the deadline.
type ListReminder struct {
	DaysBefore int       `json:"days_before"`
	Members    []string  `json:"members"`
	At         time.Time `json:"at"`
}

// MemberValuation is one council member's valuation of one quick analysis.
type MemberValuation struct {
	Member     string    `json:"member"`
	Initiative string    `json:"initiative"`
	Score      int       `json:"score"`
	Comment    string    `json:"comment"`
	By         string    `json:"by"`
	OnBehalf   bool      `json:"on_behalf"`
	At         time.Time `json:"at"`
}

// CycleDecision is one of the leadership's decisions for many initiatives at once.
type CycleDecision struct {
	Gate      Gate     `json:"gate"`
	Chosen    []string `json:"chosen"`
	NotChosen []string `json:"not_chosen"`
	// Declined are those of NotChosen that were closed rather than deferred.
	Declined  []string  `json:"declined,omitempty"`
	Reason    string    `json:"reason"`
	Reference string    `json:"reference,omitempty"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
	// Told and Refused count the initiatives that took the decision and those that did not
	// when it was passed on; Results holds the lines of those that did not (at most 200). A
	// decision recorded before 2026-12-02 kept every line and no counts.
	Told    int              `json:"told,omitempty"`
	Refused int              `json:"refused,omitempty"`
	Results []DecisionResult `json:"results,omitempty"`
}

// DecisionResult is what one initiative's workflow answered when the decision was passed on.
type DecisionResult struct {
	Initiative string  `json:"initiative"`
	Verdict    Verdict `json:"verdict"`
	Stage      Stage   `json:"stage,omitempty"` // the stage it moved to
	Error      string  `json:"error,omitempty"`
}

// CycleEscalation records a cycle deadline that passed without the leadership's decision.
type CycleEscalation struct {
	Phase    CyclePhase `json:"phase"`
	Deadline time.Time  `json:"deadline"`
	At       time.Time  `json:"at"`
}

// NewCycle starts a cycle for year with the initiatives of the backlog.
func NewCycle(year int, cfg CycleConfig, clock Clock, now time.Time, participants []Participant) *Cycle {
	c := &Cycle{Year: year, Config: cfg, Clock: clock, Phase: PhasePriorities, Started: now, Participants: participants}
	c.note(now, "cycle_started", CalendarActor, fmt.Sprintf("%d initiativ", len(participants)))
	if len(participants) == 0 {
		c.Phase = PhaseDone
		c.note(now, "nothing_to_prioritise", CalendarActor, "")
	}
	return c
}

func (c *Cycle) note(now time.Time, event, by, reason string) {
	c.Timeline = append(c.Timeline, TimelineEntry{At: now, Event: event, By: by, Reason: reason})
}

// Participant returns the participant with id.
func (c *Cycle) Participant(id string) (Participant, bool) {
	for _, p := range c.Participants {
		if p.ID == id {
			return p, true
		}
	}
	return Participant{}, false
}

// ListsDeadline is the calendar instant the February round closes.
func (c *Cycle) ListsDeadline() time.Time { return c.Config.ListsDeadline.In(c.Year) }

// Ranking weighs the current lists together.
func (c *Cycle) Ranking() []Ranked {
	lists := make([]PriorityList, len(c.Lists))
	for i, l := range c.Lists {
		lists[i] = l.PriorityList
	}
	return Rank(lists, weights(c.Config.Networks))
}

// MissingLists names the members that have not given a list, in network order.
func (c *Cycle) MissingLists() []string {
	var out []string
	for _, n := range c.Config.Networks {
		for _, m := range n.Members {
			if _, ok := c.list(m.ID); !ok {
				out = append(out, m.ID)
			}
		}
	}
	return out
}

func (c *Cycle) list(member string) (int, bool) {
	for i, l := range c.Lists {
		if l.Member == member {
			return i, true
		}
	}
	return 0, false
}

// Decision returns the cycle's decision at a gate.
func (c *Cycle) Decision(g Gate) (CycleDecision, bool) {
	for _, d := range c.Decisions {
		if d.Gate == g {
			return d, true
		}
	}
	return CycleDecision{}, false
}
