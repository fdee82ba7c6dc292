package domain

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// largeCycle is a cycle of n participants with the longest titles allowed, scored on every
// criterion, after a quick-analysis decision on all of them.
func largeCycle(n int) *Cycle {
	at := time.Date(2027, 1, 2, 9, 0, 0, 0, Stockholm())
	c := &Cycle{Year: 2027, Phase: PhaseQuickAnalysis}
	var chosen, others []string
	var results []DecisionResult
	for i := range n {
		id := fmt.Sprintf("initiativ-%05d", i)
		title := fmt.Sprintf("%05d ", i) + strings.Repeat("å", MaxTitleLength-6)
		c.Participants = append(c.Participants, Participant{ID: id, Title: title, Owner: OwnerInera, Included: at,
			Criteria: []CriterionScore{{CriterionUrgency, 3, ""}, {CriterionFeasibility, 4, ""}, {CriterionBenefit, 5, ""}, {CriterionCost, 2, ""}}})
		r := DecisionResult{Initiative: id, Verdict: VerdictDefer, Stage: StageAwaitingFebruary}
		if i%2 == 0 {
			chosen = append(chosen, id)
			r = DecisionResult{Initiative: id, Verdict: VerdictApprove, Stage: StageChosenForQuickAnalysis}
		} else {
			others = append(others, id)
		}
		results = append(results, r)
	}
	c.Decisions = []CycleDecision{{Gate: GateQuickAnalysis, Chosen: chosen, NotChosen: others, Reason: "r", By: "lena", At: at}}
	c.RecordResults(GateQuickAnalysis, results)
	return c
}

// What the cycle carries across continue-as-new stays far below Temporal's 2 MB payload
// limit with 5,000 participants of the longest titles: before, the participants alone took
// about 1.8 MB with short titles, and the state of a backlog of 5,000 could not continue.
func TestTheStateCarriedToTheNextRunStaysSmall(t *testing.T) {
	c := largeCycle(5000)
	full, err := json.Marshal(c)
	require.NoError(t, err)
	lean, err := json.Marshal(c.ForNextRun())
	require.NoError(t, err)
	t.Logf("5,000 participants: %d KiB in the run, %d KiB carried", len(full)/1024, len(lean)/1024)
	assert.Greater(t, len(full), 2<<20, "the whole state would not fit one payload")
	assert.Less(t, len(lean), 512<<10, "the state carried to the next run")

	next := c.ForNextRun()
	assert.Equal(t, "initiativ-00001", next.Participants[1].ID)
	assert.Empty(t, next.Participants[1].Title)
	assert.Equal(t, c.Participants[1].Included, next.Participants[1].Included)
	assert.Equal(t, "00001 å", c.Participants[1].Title[:8], "the run's own state is not changed")

	next.RefreshParticipants([]InitiativeSnapshot{{ID: "initiativ-00001", Title: "Tillbaka", Owner: OwnerAdda, Found: true,
		Criteria: []CriterionScore{{CriterionBenefit, 4, ""}}}, {ID: "initiativ-00002", Found: false}})
	assert.Equal(t, "Tillbaka", next.Participants[1].Title)
	assert.Equal(t, OwnerAdda, next.Participants[1].Owner)
	assert.Empty(t, next.Participants[2].Title, "an initiative that could not be read keeps its ID only")
}

// A decision keeps counts of what the initiatives answered and the lines of those that did not
// take it, at most maxResultLines of them, however long the round.
func TestADecisionKeepsItsRefusalsOnly(t *testing.T) {
	c := largeCycle(10)
	d := c.Decisions[0]
	assert.Equal(t, 10, d.Told)
	assert.Zero(t, d.Refused)
	assert.Empty(t, d.Results)

	var results []DecisionResult
	for i := range 3 * maxResultLines {
		r := DecisionResult{Initiative: fmt.Sprintf("i%03d", i), Verdict: VerdictApprove}
		if i%2 == 0 {
			r.Error = "wrong_stage"
		}
		results = append(results, r)
	}
	c.RecordResults(GateQuickAnalysis, results)
	d = c.Decisions[0]
	refused := 0
	for _, r := range results {
		if r.Error != "" {
			refused++
		}
	}
	assert.Equal(t, len(results)-refused, d.Told)
	assert.Equal(t, refused, d.Refused)
	require.Len(t, d.Results, maxResultLines)
	assert.Equal(t, "i000", d.Results[0].Initiative)
	assert.Equal(t, "i002", d.Results[1].Initiative, "in the order they were told")
	assert.Len(t, d.NotPassedOn(), maxResultLines)
}
