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
		return invalid("implementation", "the implementation has already started")
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
