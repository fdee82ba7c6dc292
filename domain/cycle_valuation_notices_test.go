package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// valuationCycle is a cycle with notices, in the May valuation of three quick analyses.
func valuationCycle(t *testing.T, notices bool) (*Cycle, time.Time) {
	c, _ := testCycle(t, 6)
	c.ValuationNotices = notices
	now := c.Clock.ToReal(c.ListsDeadline())
	c.Advance(now)
	require.NoError(t, c.Apply(DecideCycle{Meta: cmeta("boss", RoleLeadership), Gate: GateQuickAnalysis, Chosen: ids(1, 3)}, now))
	opens := c.Clock.ToReal(c.Config.Calendar.Opens(SeasonValuation, 2027))
	ev := c.Advance(opens)
	require.Equal(t, PhaseValuation, c.Phase)
	assert.Equal(t, notices, ev.ValuationOpened, "the opening is announced to a cycle with notices only")
	return c, opens
}

// The members who have not valued every quick analysis are reminded 7 and 2 days before the
// valuation's deadline (31 May 17:00), each reminder once, on the same wall-clock time.
func TestTheValuationRemindsTheMembersStillToValue(t *testing.T) {
	c, opens := valuationCycle(t, true)
	for _, id := range ids(1, 3) { // county:01 has valued all three, county:03 one
		require.NoError(t, c.Apply(SubmitValuation{Meta: cmeta("anna", RoleCouncil), Member: "county:01", Initiative: id, Score: 3, Comment: "ok"}, opens))
	}
	require.NoError(t, c.Apply(SubmitValuation{Meta: cmeta("bo", RoleCouncil), Member: "county:03", Initiative: "i01", Score: 4, Comment: "ok"}, opens))

	w, ok := c.NextWake(opens)
	require.True(t, ok)
	assert.Equal(t, "valuation_reminder", w.What)
	assert.Equal(t, time.Date(2027, 5, 24, 17, 0, 0, 0, Stockholm()), w.Calendar)
	assert.Equal(t, time.Date(2027, 5, 31, 17, 0, 0, 0, Stockholm()), c.ValuationDeadline())

	ev := c.Advance(w.Real.Add(-time.Second))
	assert.Empty(t, ev.ValuationReminders, "not a second early")
	ev = c.Advance(w.Real)
	require.Len(t, ev.ValuationReminders, 1)
	assert.Equal(t, 7, ev.ValuationReminders[0].DaysBefore)
	assert.Contains(t, ev.ValuationReminders[0].Members, "county:03", "one of three is not all")
	assert.NotContains(t, ev.ValuationReminders[0].Members, "county:01")
	assert.Len(t, ev.ValuationReminders[0].Members, 20, "the council's other 20; the networks do not value")
	assert.True(t, c.Advance(w.Real).Empty(), "a reminder is sent once")

	w, _ = c.NextWake(w.Real)
	assert.Equal(t, time.Date(2027, 5, 29, 17, 0, 0, 0, Stockholm()), w.Calendar)
	require.Len(t, c.Advance(w.Real).ValuationReminders, 1)
	w, _ = c.NextWake(w.Real)
	assert.Equal(t, "opens:"+string(SeasonFinalPrioritisation), w.What)
	c.Advance(w.Real)
	assert.Equal(t, PhaseFinalPrioritisation, c.Phase)
}

// A cycle without notices (started before they were added) neither announces nor reminds,
// nor wakes for them; a reminder that would come after the valuation has ended is not sent.
func TestValuationNoticesOnlyWhenTheCycleHasThem(t *testing.T) {
	c, opens := valuationCycle(t, false)
	w, _ := c.NextWake(opens)
	assert.Equal(t, "opens:"+string(SeasonFinalPrioritisation), w.What)
	assert.Empty(t, c.Advance(w.Real).ValuationReminders)
	assert.Empty(t, c.ValuationReminders)

	late, _ := valuationCycle(t, true)
	june := late.Clock.ToReal(late.Config.Calendar.Opens(SeasonFinalPrioritisation, 2027))
	ev := late.Advance(june)
	assert.Equal(t, PhaseFinalPrioritisation, late.Phase)
	assert.Empty(t, ev.ValuationReminders, "the valuation is over: no reminder")
}
