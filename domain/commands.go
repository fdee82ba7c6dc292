package domain

// The payloads of the messages an initiative accepts. Each carries Meta: who sent it and why.
// Every field is validated by the matching Initiative method before anything changes.

// TriageOwner records which organisation of the SKR group owns the need (step 1).
type TriageOwner struct {
	Meta
	Owner     Owner       `json:"owner"`
	Assisting []Owner     `json:"assisting,omitempty"`
	Route     TriageRoute `json:"route"`
}

// AssessRelevance records the relevance assessed by the SKR group and by the municipalities.
type AssessRelevance struct {
	Meta
	Group     Relevance `json:"group"`
	Municipal Relevance `json:"municipal"`
}

// ScoreCriteria records one or more criterion scores; a later score replaces an earlier one.
type ScoreCriteria struct {
	Meta
	Scores []CriterionScore `json:"scores"`
}

// RecordRequirement marks a must-requirement as met or unmet, with evidence.
type RecordRequirement struct {
	Meta
	Requirement Requirement `json:"requirement"`
	Met         bool        `json:"met"`
	Evidence    string      `json:"evidence"`
}

// Gate names one of the leadership's three decisions.
type Gate string

const (
	GateQuickAnalysis Gate = "quick_analysis" // February: go to quick analysis?
	GateQualification Gate = "qualification"  // June: qualify?
	GateOffer         Gate = "offer"          // start of next year: offer to the municipalities?
)

// Verdict is what the leadership decided at a gate.
type Verdict string

const (
	VerdictApprove Verdict = "approve" // go on
	VerdictDefer   Verdict = "defer"   // not this year: back to the backlog for next February
	VerdictDecline Verdict = "decline" // closed, with the reason
)

// Decide is a leadership decision.
type Decide struct {
	Meta
	Gate    Gate    `json:"gate"`
	Verdict Verdict `json:"verdict"`
	// Reference is the leadership's own minute or case reference, if any.
	Reference string `json:"reference,omitempty"`
	// Round is the initiative's place in the February ranking when the annual cycle decides.
	Round *RoundResult `json:"round,omitempty"`
}

// RecordQuickAnalysis records the April quick analysis.
type RecordQuickAnalysis struct {
	Meta
	// OfferMeaning: what an offer could mean for the municipalities.
	OfferMeaning string `json:"offer_meaning"`
	// QualificationNeeds: what a qualification would need.
	QualificationNeeds string `json:"qualification_needs"`
}

// RecordValuation records the May valuation by the SKR group and by the municipalities
// through their council representatives.
type RecordValuation struct {
	Meta
	GroupScore     int    `json:"group_score"`
	MunicipalScore int    `json:"municipal_score"`
	Comment        string `json:"comment"`
}

// RecordQualification records the qualification plan (September to January).
type RecordQualification struct {
	Meta
	What                 string `json:"what"`
	WhoDoesWhat          string `json:"who_does_what"`
	EffectGoal           string `json:"effect_goal"`
	Cost                 string `json:"cost"`
	Financing            string `json:"financing"`
	ImplementationPeriod string `json:"implementation_period,omitempty"`
}

// Withdraw closes the initiative at the proposer's or the office's request.
type Withdraw struct {
	Meta
}

// JoinCycle includes an initiative in a year's annual cycle. The cycle sends it when it starts;
// the initiative takes on the cycle's calendar and clock, so every initiative of the year
// opens and closes its seasons at the same instants.
type JoinCycle struct {
	Meta
	Year     int      `json:"year"`
	Calendar Calendar `json:"calendar"`
	Clock    Clock    `json:"clock"`
}

// Gates lists the leadership's three gates in process order.
var Gates = []Gate{GateQuickAnalysis, GateQualification, GateOffer}

// Stage is the stage in which an initiative waits for the gate's decision.
func (g Gate) Stage() Stage { return gateStage[g] }
