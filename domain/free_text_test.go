package domain

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A cycle with the bound refuses a message whose free text is too long (or not UTF-8), says
// which field, how long it is and how long it may be, and changes nothing; at the bound it is
// taken. A cycle without the bound (started before it) takes any length.
func TestTheCyclesFreeTextsAreBounded(t *testing.T) {
	long := strings.Repeat("å", MaxFreeTextLength+1)
	atBound := strings.Repeat("å", MaxFreeTextLength)
	cases := []struct {
		name  string
		cmd   CycleCommand
		field string // "" when taken
	}{
		{"a list's reason", SubmitPriorities{Meta{By: Actor{ID: "anna", Role: RoleCouncil}, Reason: long}, "county:01", ids(1, 5)}, "reason"},
		{"a list's reason at the bound", SubmitPriorities{Meta{By: Actor{ID: "anna", Role: RoleCouncil}, Reason: atBound}, "county:01", ids(1, 5)}, ""},
		{"a valuation's comment", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i02", 4, long}, "comment"},
		{"a valuation's comment that is not UTF-8", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i02", 4, "bra \xff"}, "comment"},
		{"a valuation's comment at the bound", SubmitValuation{cmeta("anna", RoleCouncil), "county:01", "i02", 4, atBound}, ""},
		{"a decision's reference", DecideCycle{Meta: cmeta("b", RoleLeadership), Gate: GateQualification, Chosen: []string{"i02"}, Reference: long}, "reference"},
	}
	for _, tc := range cases {
		for _, bounded := range []bool{true, false} {
			c, now := valuationCycle(t, false) // i01 to i03 chosen for quick analysis
			switch tc.cmd.(type) {
			case SubmitPriorities: // the February round, before its deadline
				c, now = testCycle(t, 8)
			case DecideCycle:
				c.Phase = PhaseFinalPrioritisation
			}
			c.TextBounded = bounded
			before := c.Revision
			err := c.Apply(tc.cmd, now)
			if tc.field == "" || !bounded {
				assert.NoError(t, err, "%s (bounded %v)", tc.name, bounded)
				continue
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, tc.name)
			assert.Equal(t, CodeInvalidValue, ve.Code, tc.name)
			assert.Equal(t, tc.field, ve.Field, tc.name)
			assert.Equal(t, "max_chars", ve.Hint, tc.name)
			assert.Equal(t, before, c.Revision, "%s: nothing changed", tc.name)
		}
	}
}
