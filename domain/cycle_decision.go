package domain

import (
	"fmt"
	"strings"
)

// InitiativeSnapshot is what the cycle reads from an initiative's workflow: enough to include
// it, to check a decision against its current stage, and to report its criteria scores.
type InitiativeSnapshot struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	Owner    Owner            `json:"owner,omitempty"`
	Stage    Stage            `json:"stage"`
	Criteria []CriterionScore `json:"criteria,omitempty"`
	// Unmet lists what still stops an offer: missing must-requirements and, if there is no
	// qualification plan, "qualification_plan".
	Unmet []string `json:"unmet,omitempty"`
	// Found is false when the initiative's workflow could not be read.
	Found bool `json:"found"`
}

// SnapshotOf summarises an initiative's state. The criteria come without their motivations:
// the cycle ranks by the scores, and a backlog of thousands must fit in its state (the
// motivations stay on each initiative's own page).
func SnapshotOf(in *Initiative) InitiativeSnapshot {
	s := InitiativeSnapshot{ID: in.ID, Title: in.Need.Title, Owner: in.Owner, Stage: in.Stage, Found: true}
	for _, c := range in.Criteria {
		c.Motivation = ""
		s.Criteria = append(s.Criteria, c)
	}
	if in.Qualification == nil {
		s.Unmet = append(s.Unmet, "qualification_plan")
	}
	for _, r := range in.UnmetRequirements() {
		s.Unmet = append(s.Unmet, string(r))
	}
	return s
}

// RoundResult is an initiative's place in the February ranking, recorded with the decision
// that follows it.
type RoundResult struct {
	CycleYear int `json:"cycle_year"`
	Rank      int `json:"rank"` // 0: named on no list
	Of        int `json:"of"`
	Points    int `json:"points"`
	Lists     int `json:"lists"`
}

// PlannedVerdict is what the cycle tells one initiative's workflow.
type PlannedVerdict struct {
	Initiative string       `json:"initiative"`
	Verdict    Verdict      `json:"verdict"`
	Round      *RoundResult `json:"round,omitempty"`
}

// PlanDecision checks a decision against the initiatives' current state and returns what to
// tell each one: approve for the chosen, defer for the others that are at the gate. A chosen
// initiative that is not at the gate (or, for an offer, has unmet requirements) rejects the
// whole decision, so nothing is passed on half-way.
func (c *Cycle) PlanDecision(d DecideCycle, snaps []InitiativeSnapshot) ([]PlannedVerdict, error) {
	byID := map[string]InitiativeSnapshot{}
	for _, s := range snaps {
		byID[s.ID] = s
	}
	stage := gateStage[d.Gate]
	var notReady, unmet []string
	for _, id := range d.Chosen {
		s := byID[id]
		waitsForRequirements := d.Gate == GateOffer && len(s.Unmet) > 0 && (s.Stage == stage || s.Stage == StageQualification)
		switch {
		case s.Found && waitsForRequirements:
			// Still in qualification for want of them: name what is missing.
			unmet = append(unmet, id+": "+strings.Join(s.Unmet, ", "))
		case !s.Found || s.Stage != stage:
			notReady = append(notReady, fmt.Sprintf("%s (%s)", id, s.Stage))
		}
	}
	if len(notReady) > 0 {
		return nil, &ValidationError{Code: CodeWrongStage, Field: "chosen",
			Detail: strings.Join(notReady, "; ") + " -> " + string(stage)}
	}
	if len(unmet) > 0 {
		return nil, &ValidationError{Code: CodeRequirementsUnmet, Field: "chosen", Detail: strings.Join(unmet, "; ")}
	}
	// Every verdict carries the initiative's place in this year's February ranking.
	round := c.roundResults()
	var plan []PlannedVerdict
	for _, id := range c.Eligible(d.Gate) {
		v := VerdictDefer
		if contains(d.Chosen, id) {
			v = VerdictApprove
		} else if contains(d.Declined, id) {
			v = VerdictDecline
		}
		if v != VerdictApprove {
			if s := byID[id]; !s.Found || s.Stage != stage {
				continue // withdrawn or elsewhere: nothing to tell it
			}
		}
		p := PlannedVerdict{Initiative: id, Verdict: v}
		if r, ok := round[id]; ok {
			p.Round = &r
		}
		plan = append(plan, p)
	}
	return plan, nil
}

// roundResults gives every participant its place in the ranking.
func (c *Cycle) roundResults() map[string]RoundResult {
	out := map[string]RoundResult{}
	for _, p := range c.Participants {
		out[p.ID] = RoundResult{CycleYear: c.Year, Of: len(c.Participants)}
	}
	for _, r := range c.Ranking() {
		out[r.ID] = RoundResult{CycleYear: c.Year, Rank: r.Rank, Of: len(c.Participants), Points: r.Points, Lists: r.Lists}
	}
	return out
}

// RefreshParticipants updates the participants' titles, owners and criteria scores.
func (c *Cycle) RefreshParticipants(snaps []InitiativeSnapshot) {
	at := make(map[string]int, len(c.Participants)) // looked up only, never ranged over
	for i, p := range c.Participants {
		at[p.ID] = i
	}
	for _, s := range snaps {
		if i, ok := at[s.ID]; ok && s.Found {
			c.Participants[i].Title, c.Participants[i].Owner = s.Title, s.Owner
			c.Participants[i].Criteria = append([]CriterionScore(nil), s.Criteria...)
		}
	}
}

// ForNextRun is the state a run carries to the next across continue-as-new: the participants
// keep only what the cycle itself knows of them (who, when included, whether and when they
// closed); their titles, owners and scores are the initiatives' own, and the next run reads
// them back (RefreshParticipants) before anything else. With them, about 360 bytes an
// initiative and up to twice that with long titles, a backlog of 5,000 passed Temporal's
// 2 MB limit on one payload, and the cycle could not continue as new.
func (c *Cycle) ForNextRun() *Cycle {
	next := *c
	next.Participants = make([]Participant, len(c.Participants))
	for i, p := range c.Participants {
		next.Participants[i] = Participant{ID: p.ID, Included: p.Included, Closed: p.Closed, ClosedAt: p.ClosedAt}
	}
	return &next
}
