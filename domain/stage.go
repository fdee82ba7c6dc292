package domain

// Stage is where an initiative is in the six steps of the process. The string values are
// stable: they are stored in workflow state and in the HandslagStage search attribute.
type Stage string

const (
	// Step 1: describe the need.
	StageBacklog          Stage = "backlog"           // need described, waiting for owner triage
	StageTriaged          Stage = "triaged"           // owner triaged, waiting for relevance assessment
	StageAwaitingFebruary Stage = "awaiting_february" // ready, waiting for the February review
	// Step 2: quick analysis.
	StageFebruaryReview         Stage = "february_review"           // presented; leadership picks quick analyses
	StageChosenForQuickAnalysis Stage = "chosen_for_quick_analysis" // chosen, waiting for April
	StageQuickAnalysis          Stage = "quick_analysis"            // April
	StageValuation              Stage = "valuation"                 // May
	// Step 3: qualification.
	StageFinalPrioritisation    Stage = "final_prioritisation"     // June; leadership picks qualifications
	StageChosenForQualification Stage = "chosen_for_qualification" // chosen, waiting for September
	StageQualification          Stage = "qualification"            // September to January
	// Step 4: offer.
	StageOfferDecision Stage = "offer_decision" // start of next year; leadership picks offers
	// StageOffered is the hand-over point to the offer round: the leadership has decided to
	// offer. Initiatives that reached it before offer rounds existed stay here.
	StageOffered Stage = "offered"
	// StageOfferRound: the offer is out to the municipalities (a child workflow, offer-<id>),
	// answers are collected until the deadline.
	StageOfferRound Stage = "offer_round"
	// StageOfferNotReached: at the deadline too few said yes (no-go); late joiners may still
	// lift it over the rule until the late period ends.
	StageOfferNotReached Stage = "offer_not_reached"
	// Step 5: implementation starts because enough municipalities said yes (at the deadline
	// or, later, lifted by late joiners).
	StageImplementation Stage = "implementation"
	// Closing outcomes.
	StageDeclined  Stage = "declined"
	StageWithdrawn Stage = "withdrawn"
	// StageNotImplemented: the offer round closed without enough yes.
	StageNotImplemented Stage = "not_implemented"
	// StageCompleted and StageStopped: the implementation ended, completed with its final
	// effect figures or stopped with a reason (the child workflow implementation-<id>).
	StageCompleted Stage = "completed"
	StageStopped   Stage = "stopped"
)

// Stages lists every stage in process order; CLIs and the i18n catalogue use it.
var Stages = []Stage{
	StageBacklog, StageTriaged, StageAwaitingFebruary, StageFebruaryReview,
	StageChosenForQuickAnalysis, StageQuickAnalysis, StageValuation, StageFinalPrioritisation,
	StageChosenForQualification, StageQualification, StageOfferDecision, StageOffered,
	StageOfferRound, StageOfferNotReached, StageImplementation,
	StageDeclined, StageWithdrawn, StageNotImplemented, StageCompleted, StageStopped,
}

// ParseStage accepts a stage's stable name.
func ParseStage(s string) (Stage, error) {
	for _, st := range Stages {
		if string(st) == s {
			return st, nil
		}
	}
	return "", invalid("stage", s)
}

// Closed reports whether the initiative has a final outcome.
func (s Stage) Closed() bool {
	return s == StageDeclined || s == StageWithdrawn || s == StageNotImplemented ||
		s == StageCompleted || s == StageStopped
}

// Step is the process step (1-6) the stage belongs to; 0 for closed stages.
func (s Stage) Step() int {
	switch s {
	case StageBacklog, StageTriaged, StageAwaitingFebruary:
		return 1
	case StageFebruaryReview, StageChosenForQuickAnalysis, StageQuickAnalysis, StageValuation:
		return 2
	case StageFinalPrioritisation, StageChosenForQualification, StageQualification:
		return 3
	case StageOfferDecision, StageOffered, StageOfferRound, StageOfferNotReached:
		return 4
	case StageImplementation:
		return 5
	}
	return 0
}

// beforeOffer reports whether the preparation is still open (records may still be amended).
func (s Stage) beforeOffer() bool {
	return s.Step() >= 1 && s.Step() <= 3 || s == StageOfferDecision
}
