package domain

import "time"

// Initiative is the whole state of one initiative. The workflow keeps it, queries return it,
// and continue-as-new carries it over unchanged.
type Initiative struct {
	ID        string `json:"id"`
	Need      Need   `json:"need"`
	Stage     Stage  `json:"stage"`
	CycleYear int    `json:"cycle_year"`
	// Cycle is the year of the annual cycle the initiative has joined (0: none yet).
	Cycle     int       `json:"cycle,omitempty"`
	Calendar  Calendar  `json:"calendar"`
	Clock     Clock     `json:"clock"`
	Created   time.Time `json:"created"`
	CreatedBy Actor     `json:"created_by"`

	Owner     Owner       `json:"owner,omitempty"`
	Assisting []Owner     `json:"assisting,omitempty"`
	Route     TriageRoute `json:"route,omitempty"`

	GroupRelevance     Relevance           `json:"group_relevance,omitempty"`
	MunicipalRelevance Relevance           `json:"municipal_relevance,omitempty"`
	Criteria           []CriterionScore    `json:"criteria,omitempty"`
	Requirements       []RequirementStatus `json:"requirements"`

	QuickAnalysis *QuickAnalysis     `json:"quick_analysis,omitempty"`
	Valuation     *Valuation         `json:"valuation,omitempty"`
	Qualification *QualificationPlan `json:"qualification,omitempty"`
	// Offer is the offer round, once one has started.
	Offer *OfferRoundRef `json:"offer,omitempty"`
	// Implementation is the implementation, once it has started.
	Implementation *ImplementationRef `json:"implementation,omitempty"`

	// EarlierRounds keeps what an initiative went through in years it was not carried on.
	EarlierRounds []Round         `json:"earlier_rounds,omitempty"`
	Decisions     []Decision      `json:"decisions,omitempty"`
	Escalations   []Escalation    `json:"escalations,omitempty"`
	Timeline      []TimelineEntry `json:"timeline"`
	Outcome       *Outcome        `json:"outcome,omitempty"`

	// Revision increases on every change; the workflow wakes on it.
	Revision int `json:"revision"`
}

// QuickAnalysis is the April analysis.
type QuickAnalysis struct {
	OfferMeaning       string    `json:"offer_meaning"`
	QualificationNeeds string    `json:"qualification_needs"`
	RecordedBy         string    `json:"recorded_by"`
	At                 time.Time `json:"at"`
}

// Valuation is the May valuation.
type Valuation struct {
	GroupScore     int       `json:"group_score"`
	MunicipalScore int       `json:"municipal_score"`
	Comment        string    `json:"comment"`
	RecordedBy     string    `json:"recorded_by"`
	At             time.Time `json:"at"`
}

// QualificationPlan is what qualification settles.
type QualificationPlan struct {
	What                 string    `json:"what"`
	WhoDoesWhat          string    `json:"who_does_what"`
	EffectGoal           string    `json:"effect_goal"`
	Cost                 string    `json:"cost"`
	Financing            string    `json:"financing"`
	ImplementationPeriod string    `json:"implementation_period,omitempty"`
	RecordedBy           string    `json:"recorded_by"`
	At                   time.Time `json:"at"`
}

// Round is one year's pass that did not end in an offer, kept when the initiative returns to
// the backlog.
type Round struct {
	CycleYear     int            `json:"cycle_year"`
	ReachedStage  Stage          `json:"reached_stage"`
	QuickAnalysis *QuickAnalysis `json:"quick_analysis,omitempty"`
	Valuation     *Valuation     `json:"valuation,omitempty"`
	// Round is the place in that year's February ranking, if the cycle ranked it.
	Round *RoundResult `json:"round,omitempty"`
}

// Decision is a recorded leadership decision.
type Decision struct {
	Gate      Gate         `json:"gate"`
	Verdict   Verdict      `json:"verdict"`
	Reason    string       `json:"reason"`
	Reference string       `json:"reference,omitempty"`
	By        string       `json:"by"`
	CycleYear int          `json:"cycle_year"`
	Round     *RoundResult `json:"round,omitempty"`
	At        time.Time    `json:"at"`
}

// Escalation records a deadline that passed without what the stage waits for.
type Escalation struct {
	Stage     Stage     `json:"stage"`
	CycleYear int       `json:"cycle_year"`
	Waiting   string    `json:"waiting_for"`
	Deadline  time.Time `json:"deadline"`
	At        time.Time `json:"at"`
	// Resolved is set when the stage moves on.
	Resolved bool `json:"resolved"`
}

// TimelineEntry is one line of the initiative's readable history.
type TimelineEntry struct {
	At     time.Time `json:"at"`
	Stage  Stage     `json:"stage"`
	Event  string    `json:"event"`
	By     string    `json:"by,omitempty"`
	Reason string    `json:"reason,omitempty"`
}

// Outcome is how a closed initiative ended.
type Outcome struct {
	Stage  Stage     `json:"stage"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Escalated reports whether a deadline has passed without an answer and is still open: one of
// the initiative's own, or a missing status report of its running implementation.
func (in *Initiative) Escalated() bool {
	for _, e := range in.Escalations {
		if !e.Resolved {
			return true
		}
	}
	if im := in.Implementation; im != nil && im.Outcome == nil && im.Progress != nil && im.Progress.Escalated {
		return true
	}
	return false
}

// UnmetRequirements lists the must-requirements not yet met, in checklist order.
func (in *Initiative) UnmetRequirements() []Requirement {
	var out []Requirement
	for _, r := range in.Requirements {
		if !r.Met {
			out = append(out, r.Requirement)
		}
	}
	return out
}

// Score returns the score of a criterion, if one is recorded.
func (in *Initiative) Score(c Criterion) (CriterionScore, bool) {
	for _, s := range in.Criteria {
		if s.Criterion == c {
			return s, true
		}
	}
	return CriterionScore{}, false
}
