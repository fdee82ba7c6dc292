package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDecisionRuleMetIsExactAtTheBoundary(t *testing.T) {
	sixty := DefaultDecisionRule()
	cases := []struct {
		name          string
		rule          DecisionRule
		yes           int
		yesPop, total int64
		want          bool
	}{
		{"exactly 60 %", sixty, 1, 60, 100, true},
		{"one person short of 60 %", sixty, 1, 5999999, 10000000, false},
		{"58 %", sixty, 150, 58, 100, false},
		{"all", sixty, 290, 10551707, 10551707, true},
		{"no population", sixty, 0, 0, 0, false},
		{"min yes only, met", DecisionRule{MinYes: 100}, 100, 1, 100, true},
		{"min yes only, short", DecisionRule{MinYes: 100}, 99, 100, 100, false},
		{"both, share short", DecisionRule{MinYes: 10, MinPopulationShare: 0.5}, 20, 49, 100, false},
		{"both, yes short", DecisionRule{MinYes: 10, MinPopulationShare: 0.5}, 9, 90, 100, false},
		{"both met", DecisionRule{MinYes: 10, MinPopulationShare: 0.5}, 10, 50, 100, true},
		{"60.5 % needs 60.5", DecisionRule{MinPopulationShare: 0.605}, 1, 604, 1000, false},
		{"60.5 % met", DecisionRule{MinPopulationShare: 0.605}, 1, 605, 1000, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.rule.Met(c.yes, c.yesPop, c.total))
		})
	}
}

func TestDecisionRuleValidate(t *testing.T) {
	cases := []struct {
		rule  DecisionRule
		code  ErrorCode
		field string
	}{
		{DefaultDecisionRule(), "", ""},
		{DecisionRule{MinYes: 145}, "", ""},
		{DecisionRule{}, CodeMissingField, "rule"},
		{DecisionRule{MinYes: -1}, CodeInvalidValue, "rule.min_yes"},
		{DecisionRule{MinPopulationShare: 60}, CodeInvalidValue, "rule.min_population_share"},
		{DecisionRule{MinPopulationShare: 0.60001}, CodeInvalidValue, "rule.min_population_share"},
	}
	for _, c := range cases {
		err := c.rule.Validate()
		if c.code == "" {
			assert.NoError(t, err, "%+v", c.rule)
			continue
		}
		assertCode(t, err, c.code, c.field)
	}
}

func TestDecisionRuleString(t *testing.T) {
	assert.Equal(t, "de som svarar ja har minst 60 % av befolkningen", DefaultDecisionRule().String())
	assert.Equal(t, "minst 10 kommuner svarar ja och de som svarar ja har minst 60,5 % av befolkningen",
		DecisionRule{MinYes: 10, MinPopulationShare: 0.605}.String())
}

func assertCode(t *testing.T, err error, code ErrorCode, field string) {
	t.Helper()
	ve, ok := err.(*ValidationError)
	if !assert.True(t, ok, "want a *ValidationError, got %v", err) {
		return
	}
	assert.Equal(t, code, ve.Code, "%v", err)
	assert.Equal(t, field, ve.Field, "%v", err)
}
