package domain

import "time"

// CalendarActor is recorded as "by" for changes the calendar makes (a season opening).
const CalendarActor = "calendar"

// Waiting-for keys used in escalations (and in the i18n catalogue).
const (
	// WaitDecisionPrefix begins the keys of what waits for the leadership's decision.
	WaitDecisionPrefix        = "decision:"
	WaitDecisionQuickAnalysis = "decision:quick_analysis"
	WaitDecisionQualification = "decision:qualification"
	WaitDecisionOffer         = "decision:offer"
	WaitQuickAnalysis         = "quick_analysis"
	WaitValuation             = "valuation"
	WaitQualificationPlan     = "qualification_plan"
)

// Advance applies every calendar event that has happened by now: seasons that opened move the
// stage on, deadlines that passed without what the stage waits for are escalated. It returns
// the escalations it added, for the workflow to notify. It is idempotent.
func (in *Initiative) Advance(now time.Time) []Escalation {
	var added []Escalation
	for guard := 0; guard < len(Stages)*2; guard++ {
		before, revision := in.Stage, in.Revision
		if e, ok := in.step(now); ok {
			added = append(added, e)
		}
		if in.Stage == before && in.Revision == revision {
			break
		}
	}
	return added
}

// step applies at most one calendar event.
func (in *Initiative) step(now time.Time) (Escalation, bool) {
	c, k, y := in.Calendar, in.Clock, in.CycleYear
	opened := func(s Season) bool { return k.reached(now, c.Opens(s, y)) }
	move := func(s Stage) {
		in.moveTo(now, s, CalendarActor, "")
		in.Revision++
	}
	switch in.Stage {
	case StageBacklog, StageTriaged:
		// Not ready in time for this February: it will be presented the next one.
		if opened(SeasonFebruaryReview) {
			in.CycleYear = NextCycleYear(c, k, now)
			in.note(now, "not_ready_for_february", CalendarActor, "")
			in.Revision++
		}
	case StageAwaitingFebruary:
		if opened(SeasonFebruaryReview) {
			move(StageFebruaryReview)
		}
	case StageFebruaryReview:
		return in.escalateAfter(now, SeasonFebruaryReview, WaitDecisionQuickAnalysis)
	case StageChosenForQuickAnalysis:
		if opened(SeasonQuickAnalysis) {
			move(StageQuickAnalysis)
		}
	case StageQuickAnalysis:
		if in.QuickAnalysis == nil {
			return in.escalateAfter(now, SeasonQuickAnalysis, WaitQuickAnalysis)
		}
		if opened(SeasonValuation) {
			move(StageValuation)
		}
	case StageValuation:
		if in.Valuation == nil {
			return in.escalateAfter(now, SeasonValuation, WaitValuation)
		}
		if opened(SeasonFinalPrioritisation) {
			move(StageFinalPrioritisation)
		}
	case StageFinalPrioritisation:
		return in.escalateAfter(now, SeasonFinalPrioritisation, WaitDecisionQualification)
	case StageChosenForQualification:
		if opened(SeasonQualification) {
			move(StageQualification)
		}
	case StageQualification:
		if !in.qualificationComplete() {
			return in.escalateAfter(now, SeasonQualification, WaitQualificationPlan)
		}
		if opened(SeasonOfferDecision) {
			move(StageOfferDecision)
		}
	case StageOfferDecision:
		return in.escalateAfter(now, SeasonOfferDecision, WaitDecisionOffer)
	}
	return Escalation{}, false
}

func (in *Initiative) qualificationComplete() bool {
	return in.Qualification != nil && len(in.UnmetRequirements()) == 0
}

// escalateAfter records an escalation once the season's deadline has passed, once per stage
// and cycle year.
func (in *Initiative) escalateAfter(now time.Time, s Season, waiting string) (Escalation, bool) {
	deadline := in.Calendar.Deadline(s, in.CycleYear)
	if !in.Clock.reached(now, deadline) {
		return Escalation{}, false
	}
	for _, e := range in.Escalations {
		if e.Stage == in.Stage && e.CycleYear == in.CycleYear {
			return Escalation{}, false
		}
	}
	e := Escalation{Stage: in.Stage, CycleYear: in.CycleYear, Waiting: waiting, Deadline: deadline, At: now}
	in.Escalations = append(in.Escalations, e)
	in.note(now, "escalated:"+waiting, CalendarActor, "")
	in.Revision++
	return e, true
}

// Wake is the next calendar event the initiative waits for.
type Wake struct {
	Season   Season    `json:"season"`
	Deadline bool      `json:"deadline"` // false: the season opens
	Calendar time.Time `json:"calendar"` // local calendar instant
	Real     time.Time `json:"real"`     // when the workflow's timer fires
}

// NextWake returns the next calendar event after now that can change the state, if any.
// Stages that only wait for a message after an escalation have none.
func (in *Initiative) NextWake(now time.Time) (Wake, bool) {
	c, k, y := in.Calendar, in.Clock, in.CycleYear
	at := func(s Season, deadline bool) (Wake, bool) {
		w := Wake{Season: s, Deadline: deadline, Calendar: c.Opens(s, y)}
		if deadline {
			w.Calendar = c.Deadline(s, y)
		}
		w.Real = k.ToReal(w.Calendar)
		if !w.Real.After(now) {
			return Wake{}, false
		}
		return w, true
	}
	switch in.Stage {
	case StageBacklog, StageTriaged, StageAwaitingFebruary:
		return at(SeasonFebruaryReview, false)
	case StageFebruaryReview:
		return at(SeasonFebruaryReview, true)
	case StageChosenForQuickAnalysis:
		return at(SeasonQuickAnalysis, false)
	case StageQuickAnalysis:
		if in.QuickAnalysis == nil {
			return at(SeasonQuickAnalysis, true)
		}
		return at(SeasonValuation, false)
	case StageValuation:
		if in.Valuation == nil {
			return at(SeasonValuation, true)
		}
		return at(SeasonFinalPrioritisation, false)
	case StageFinalPrioritisation:
		return at(SeasonFinalPrioritisation, true)
	case StageChosenForQualification:
		return at(SeasonQualification, false)
	case StageQualification:
		if !in.qualificationComplete() {
			return at(SeasonQualification, true)
		}
		return at(SeasonOfferDecision, false)
	case StageOfferDecision:
		return at(SeasonOfferDecision, true)
	}
	return Wake{}, false
}
