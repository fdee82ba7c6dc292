package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What a client writes in another form is stored in its canonical form, whoever sent it.
func TestAliasesAreStoredInTheirCanonicalForm(t *testing.T) {
	now := time.Date(2026, 10, 15, 10, 0, 0, 0, Stockholm())
	in := NewInitiative(Registration{ID: "bygglov", Need: validNeed(), By: Actor{ID: "anna", Role: RoleOffice}, Calendar: DefaultCalendar()}, now)
	office := Meta{By: Actor{ID: "anna", Role: RoleOffice}, Reason: "r"}
	apply := func(cmd Command) {
		t.Helper()
		require.NoError(t, in.Apply(Canonical(cmd), now))
	}
	apply(TriageOwner{Meta: office, Owner: "inera", Assisting: []Owner{" adda"}, Route: "Äger"})
	assert.Equal(t, OwnerInera, in.Owner)
	assert.Equal(t, []Owner{OwnerAdda}, in.Assisting)
	assert.Equal(t, RouteOwn, in.Route)
	apply(AssessRelevance{Meta: office, Group: "Hög", Municipal: "medium"})
	assert.Equal(t, RelevanceHigh, in.GroupRelevance)
	apply(ScoreCriteria{Meta: office, Scores: []CriterionScore{{Criterion: "nytta", Score: 5, Motivation: "m"}}})
	apply(ScoreCriteria{Meta: office, Scores: []CriterionScore{{Criterion: "benefit", Score: 4, Motivation: "m"}}})
	assert.Equal(t, []CriterionScore{{Criterion: CriterionBenefit, Score: 4, Motivation: "m"}}, in.Criteria,
		"one score per criterion, however it was named")

	err := in.Check(ScoreCriteria{Meta: office, Scores: []CriterionScore{
		{Criterion: "benefit", Score: 4, Motivation: "m"}, {Criterion: "NYTTA", Score: 3, Motivation: "m"}}}, now)
	assertCode(t, err, CodeInvalidValue, "criterion")
	assert.Equal(t, "duplicate", err.(*ValidationError).Hint)
	err = in.Check(TriageOwner{Meta: office, Owner: "Skr2", Route: RouteOwn}, now)
	assertCode(t, err, CodeInvalidValue, "owner")
}

func TestParseRelevance(t *testing.T) {
	for in, want := range map[string]Relevance{"high": RelevanceHigh, "Hög": RelevanceHigh, "medel": RelevanceMedium, " LÅG ": RelevanceLow} {
		got, err := ParseRelevance(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseRelevance("stor")
	assertCode(t, err, CodeInvalidValue, "relevance")
	_, err = ParseRelevance("")
	assertCode(t, err, CodeMissingField, "relevance")
}
