package domain

import (
	"fmt"
	"time"
)

// OfferRoundRef is what the initiative knows of its offer round: where it runs, its dates,
// and the outcomes it has reported.
type OfferRoundRef struct {
	WorkflowID     string         `json:"workflow_id"`
	Seminar        time.Time      `json:"seminar"`
	Deadline       time.Time      `json:"deadline"`
	LateUntil      time.Time      `json:"late_until"`
	Rule           DecisionRule   `json:"rule"`
	Municipalities int            `json:"municipalities"`
	Reports        []OfferReport  `json:"reports,omitempty"`
	Latest         *OfferDecision `json:"latest,omitempty"`
	// LateJoiners are the municipalities that said yes in the late period, as the round
	// reported them (PhaseLateJoiners); they join the implementation as they come.
	LateJoiners []string `json:"late_joiners,omitempty"`
}

// OfferPhase names an outcome report of the round.
type OfferPhase string

const (
	PhaseDeadline OfferPhase = "deadline" // go/no-go at the answer deadline
	PhaseLifted   OfferPhase = "lifted"   // late joiners lifted a no-go over the rule
	PhaseFinal    OfferPhase = "final"    // the late period is over, the round closed
	// PhaseLateJoiners reports municipalities that said yes after a go, as they come (Yes
	// lists only the new ones); it may come many times and changes no stage.
	PhaseLateJoiners OfferPhase = "late_joiners"
)

// OfferReport is what the round reports to the initiative. By is the round's workflow ID.
type OfferReport struct {
	Phase OfferPhase `json:"phase"`
	Go    bool       `json:"go"`
	Tally Tally      `json:"tally"`
	By    string     `json:"by"`
	At    time.Time  `json:"at"`
	// Yes lists the municipalities whose latest answer is yes (codes), for the
	// implementation; reports from rounds older than this field have none.
	Yes []string `json:"yes,omitempty"`
}

// StartOfferRound records that the offer round has started and moves the initiative to the
// offer round stage. Only an offered initiative starts one, once.
func (in *Initiative) StartOfferRound(ref OfferRoundRef, now time.Time) error {
	if err := inStage(in, StageOffered); err != nil {
		return err
	}
	if in.Offer != nil {
		return invalid("offer", "").hint("already_started")
	}
	in.Offer = &ref
	in.moveTo(now, StageOfferRound, CalendarActor, "")
	in.Revision++
	return nil
}

// ApplyOfferReport moves the initiative on the round's outcome: go to implementation, no-go
// to waiting for late joiners, and closed as not implemented when the round ends without
// enough yes. A report already applied (the same phase twice) changes nothing; a closed
// initiative (withdrawn meanwhile) only keeps it for the record.
func (in *Initiative) ApplyOfferReport(rep OfferReport, now time.Time) error {
	if in.Offer == nil {
		return wrongStage(in, StageOfferRound)
	}
	switch rep.Phase {
	case PhaseDeadline, PhaseLifted, PhaseFinal:
	case PhaseLateJoiners:
		added := 0
		for _, code := range rep.Yes {
			if !contains(in.Offer.LateJoiners, code) {
				in.Offer.LateJoiners = append(in.Offer.LateJoiners, code)
				added++
			}
		}
		if added > 0 && !in.Stage.Closed() {
			in.note(now, fmt.Sprintf("offer:late_joiners:%d", added), rep.By, "")
			in.Revision++
		}
		return nil
	default:
		return invalid("phase", string(rep.Phase))
	}
	for _, r := range in.Offer.Reports {
		if r.Phase == rep.Phase {
			return nil
		}
	}
	in.Offer.Reports = append(in.Offer.Reports, rep)
	in.Offer.Latest = &OfferDecision{Go: rep.Go, Tally: rep.Tally, At: rep.At}
	in.Revision++
	if in.Stage.Closed() {
		return nil
	}
	event := fmt.Sprintf("offer:%s:%s", rep.Phase, goWord(rep.Go))
	switch {
	case rep.Go && in.Stage != StageImplementation:
		in.moveTo(now, StageImplementation, rep.By, event)
	case !rep.Go && rep.Phase == PhaseFinal:
		in.close(now, StageNotImplemented, rep.By, event)
	case !rep.Go && in.Stage == StageOfferRound:
		in.moveTo(now, StageOfferNotReached, rep.By, event)
	default:
		in.note(now, event, rep.By, "")
	}
	return nil
}

func goWord(g bool) string {
	if g {
		return "go"
	}
	return "no_go"
}
