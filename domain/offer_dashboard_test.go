package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The dashboard's figures: the tally against the rule, per county, who has not answered, and
// who joined after the deadline.
func TestOfferDashboard(t *testing.T) {
	ms := []OfferMunicipality{{Code: "0114", Name: "Upplands Väsby", CountyCode: "01", Population: 50000},
		{Code: "0180", Name: "Stockholm", CountyCode: "01", Population: 980000},
		{Code: "1280", Name: "Malmö", CountyCode: "12", Population: 360000},
		{Code: "2584", Name: "Kiruna", CountyCode: "25", Population: 22000}}
	r := &OfferRound{OfferSetup: OfferSetup{Municipalities: ms, Rule: DefaultDecisionRule()}}
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, Stockholm())
	r.Answers = []AnswerVersion{{Municipality: "0180", Version: 1, Answer: AnswerNo, At: at},
		{Municipality: "0180", Version: 2, Answer: AnswerYes, At: at},
		{Municipality: "1280", Version: 1, Answer: AnswerNo, At: at},
		{Municipality: "2584", Version: 1, Answer: AnswerYes, At: at, Late: true}}
	d := r.Dashboard()
	assert.Equal(t, 2, d.Tally.Yes)
	assert.Equal(t, 0.60, d.RuleShare)
	assert.True(t, d.Reached, "Stockholm and Kiruna hold 71 % of the population")
	require.Len(t, d.Counties, 3)
	assert.Equal(t, CountyTally{CountyCode: "01", Municipalities: 2, Yes: 1, NotAnswered: 1, Population: 1030000, YesPopulation: 980000}, d.Counties[0])
	assert.Equal(t, CountyTally{CountyCode: "12", Municipalities: 1, No: 1, Population: 360000}, d.Counties[1])
	assert.Equal(t, []OfferMunicipality{ms[0]}, d.NotAnswered)
	require.Len(t, d.LateJoiners, 1)
	assert.Equal(t, "2584", d.LateJoiners[0].Municipality)
}
