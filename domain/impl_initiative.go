package domain

import "time"

// ImplementationRef is what the initiative knows of its implementation: where it runs and,
// at the end, how it ended.
type ImplementationRef struct {
	WorkflowID string    `json:"workflow_id"`
	Started    time.Time `json:"started"`
	// Participants is how many municipalities took part at the start.
	Participants int                   `json:"participants"`
	Outcome      *ImplementationReport `json:"outcome,omitempty"`
	// Progress is what the implementation last told of its plan (for the public case list).
	Progress *ImplementationProgress `json:"progress,omitempty"`
}

// ImplementationProgress is what a running implementation tells its initiative whenever it
// changes: the next milestone of the plan (nil when every milestone is reached or missed).
type ImplementationProgress struct {
	Next *PlannedMilestone `json:"next,omitempty"`
	// Escalated: a missing status report is escalated; the initiative shows it too, so that
	// every list of escalated initiatives (HandslagEscalated) finds it.
	Escalated bool `json:"escalated,omitempty"`
}

// PlannedMilestone is a milestone of the plan as the public may see it: what and when.
type PlannedMilestone struct {
	ID   string    `json:"id"`
	What string    `json:"what"`
	Due  time.Time `json:"due"`
}

// Progress is the implementation's progress as its initiative keeps it.
func (im *Implementation) Progress() ImplementationProgress {
	p := ImplementationProgress{Escalated: im.Escalated()}
	if m := im.NextMilestone(); m != nil {
		p.Next = &PlannedMilestone{ID: m.ID, What: m.What, Due: m.Due}
	}
	return p
}

// ApplyImplementationProgress keeps the implementation's latest progress. It reports whether
// anything changed; progress after the implementation has ended is ignored.
func (in *Initiative) ApplyImplementationProgress(p ImplementationProgress) bool {
	im := in.Implementation
	if im == nil || im.Outcome != nil || in.Stage != StageImplementation {
		return false
	}
	if im.Progress != nil && im.Progress.Same(p) {
		return false
	}
	im.Progress = &p
	in.Revision++
	return true
}

// Same reports whether p and o name the same next milestone (instants compared as instants).
func (p ImplementationProgress) Same(o ImplementationProgress) bool {
	if p.Escalated != o.Escalated {
		return false
	}
	a, b := p.Next, o.Next
	if a == nil || b == nil {
		return a == b
	}
	return a.ID == b.ID && a.What == b.What && a.Due.Equal(b.Due)
}

// ImplementationReport is what the implementation reports to the initiative when it ends.
// By is the implementation's workflow ID.
type ImplementationReport struct {
	Outcome ImplOutcome `json:"outcome"`
	By      string      `json:"by"`
}

// StartImplementation records that the implementation has started (once, in implementation).
func (in *Initiative) StartImplementation(ref ImplementationRef, now time.Time) error {
	if err := inStage(in, StageImplementation); err != nil {
		return err
	}
	if in.Implementation != nil {
		return invalid("implementation", "").hint("already_started")
	}
	in.Implementation = &ref
	in.note(now, "implementation:started", CalendarActor, "")
	in.Revision++
	return nil
}

// ApplyImplementationReport closes the initiative with the implementation's outcome:
// completed (with the final effect figures in the report) or stopped, with the reason. A
// report already applied changes nothing.
func (in *Initiative) ApplyImplementationReport(rep ImplementationReport, now time.Time) error {
	if in.Implementation == nil {
		return wrongStage(in, StageImplementation)
	}
	if in.Implementation.Outcome != nil {
		return nil
	}
	switch rep.Outcome.Stage {
	case StageCompleted, StageStopped:
	default:
		return invalid("outcome.stage", string(rep.Outcome.Stage))
	}
	in.Implementation.Outcome = &rep
	in.Revision++
	if in.Stage.Closed() {
		return nil
	}
	in.close(now, rep.Outcome.Stage, rep.Outcome.By, rep.Outcome.Reason)
	return nil
}

// YesCodes lists the municipalities whose latest answer is yes, by code: the participants
// an implementation starts with, and the late joiners it takes on later.
func (r *OfferRound) YesCodes() []string {
	var out []string
	for _, a := range r.Latest() {
		if a.Answer == AnswerYes {
			out = append(out, a.Municipality)
		}
	}
	return out
}
