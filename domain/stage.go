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
	// StageOffered is the hand-over point to the offer round, implementation and follow-up.
	StageOffered Stage = "offered"
	// Closing outcomes.
	StageDeclined  Stage = "declined"
	StageWithdrawn Stage = "withdrawn"
)

// Stages lists every stage in process order; CLIs and the i18n catalogue use it.
var Stages = []Stage{
	StageBacklog, StageTriaged, StageAwaitingFebruary, StageFebruaryReview,
	StageChosenForQuickAnalysis, StageQuickAnalysis, StageValuation, StageFinalPrioritisation,
	StageChosenForQualification, StageQualification, StageOfferDecision, StageOffered,
	StageDeclined, StageWithdrawn,
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
func (s Stage) Closed() bool { return s == StageDeclined || s == StageWithdrawn }

// Step is the process step (1-6) the stage belongs to; 0 for closed stages.
func (s Stage) Step() int {
	switch s {
	case StageBacklog, StageTriaged, StageAwaitingFebruary:
		return 1
	case StageFebruaryReview, StageChosenForQuickAnalysis, StageQuickAnalysis, StageValuation:
		return 2
	case StageFinalPrioritisation, StageChosenForQualification, StageQualification:
		return 3
	case StageOfferDecision, StageOffered:
		return 4
	}
	return 0
}

// beforeOffer reports whether the preparation is still open (records may still be amended).
func (s Stage) beforeOffer() bool {
	return s.Step() >= 1 && s.Step() <= 3 || s == StageOfferDecision
}
