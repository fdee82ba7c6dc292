package domain

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The month's news: the stages entered and the decisions taken in that month, only for cases
// that passed intake, with no personal data.
func TestNewsOfTheMonth(t *testing.T) {
	triaged := caseAt(t, apply(t, TriageOwner{Meta: caseOffice, Owner: OwnerInera, Route: RouteOwn}, local(2026, 10, 20, 10, 0)),
		apply(t, AssessRelevance{Meta: caseOffice, Group: RelevanceHigh, Municipal: RelevanceMedium}, local(2026, 11, 2, 10, 0)),
		waitUntil(local(2027, 2, 1, 9, 0)),
		apply(t, Decide{Meta: caseLeadership, Gate: GateQuickAnalysis, Verdict: VerdictApprove}, local(2027, 2, 26, 10, 0)),
		waitUntil(local(2027, 4, 1, 9, 0)))
	inBacklog := caseAt(t)
	inBacklog.ID = "i-backloggen"

	cases := []struct {
		name  string
		month string
		want  []CaseNews
	}{
		{"October: registered, not yet through intake, but triaged on the 20th", "2026-10",
			[]CaseNews{{ID: "bygglov", Entered: []StageEntered{{Stage: StageTriaged, At: local(2026, 10, 20, 10, 0)}}}}},
		{"November: relevance assessed, waiting for February", "2026-11",
			[]CaseNews{{ID: "bygglov", Entered: []StageEntered{{Stage: StageAwaitingFebruary, At: local(2026, 11, 2, 10, 0)}}}}},
		{"December: nothing happened", "2026-12", nil},
		{"February: the review opened and the leadership chose it", "2027-02",
			[]CaseNews{{ID: "bygglov", Entered: []StageEntered{{Stage: StageFebruaryReview, At: local(2027, 2, 1, 9, 0)},
				{Stage: StageChosenForQuickAnalysis, At: local(2027, 2, 26, 10, 0)}},
				Decisions: []CaseDecision{{Gate: GateQuickAnalysis, Verdict: VerdictApprove, Body: RoleLeadership, At: local(2027, 2, 26, 10, 0)}}}}},
		{"April: the quick analysis began on the first", "2027-04",
			[]CaseNews{{ID: "bygglov", Entered: []StageEntered{{Stage: StageQuickAnalysis, At: local(2027, 4, 1, 9, 0)}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			month, err := ParseMonth(c.month)
			require.NoError(t, err)
			got := NewsOfTheMonth(month, []Initiative{*inBacklog, *triaged})
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				assert.Equal(t, "bygglov", got[i].ID)
				assert.Equal(t, "Gemensam e-tjänst för bygglov", got[i].Title)
				assert.Equal(t, StageQuickAnalysis, got[i].Stage, "where the case is now")
				type news struct {
					Entered   []StageEntered
					Decisions []CaseDecision
				}
				assertSameInstants(t, news{w.Entered, w.Decisions}, news{got[i].Entered, got[i].Decisions}, "news")
				b, err := json.Marshal(got[i])
				require.NoError(t, err)
				for _, personal := range []string{"anna", "lena", "Andersson", "Larsson", "kim@", "exempelby"} {
					assert.NotContains(t, string(b), personal)
				}
			}
		})
	}
}

// On a demo calendar the month is the month the demo has reached: a decision taken in real
// time on 2 December 2026, when the demo stood at 20 June 2027, is June 2027's news.
func TestNewsOfTheMonthOnADemoCalendar(t *testing.T) {
	real := local(2026, 12, 2, 10, 0)
	in := caseAt(t, apply(t, TriageOwner{Meta: caseOffice, Owner: OwnerInera, Route: RouteOwn}, real))
	in.Clock = Clock{DayLength: time.Second, RealOrigin: real.Add(-time.Second), VirtualOrigin: local(2027, 6, 19, 10, 0)}
	june, err := ParseMonth("2027-06")
	require.NoError(t, err)
	got := NewsOfTheMonth(june, []Initiative{*in})
	require.Len(t, got, 1)
	require.Len(t, got[0].Entered, 1)
	assert.True(t, local(2027, 6, 20, 10, 0).Equal(got[0].Entered[0].At), "dated on the demo calendar: %s", got[0].Entered[0].At)
	december, err := ParseMonth("2026-12")
	require.NoError(t, err)
	assert.Empty(t, NewsOfTheMonth(december, []Initiative{*in}), "not the real month")
}
