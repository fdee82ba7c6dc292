package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An erasure of an answerer removes the name, role and comment of the named versions; the
// decision, the tally and everyone else's answers stay. The answers a person gave are found
// by name in any case; a version that is not there, a second erasure and a sender who is
// not the office are refused and change nothing.
func TestForgetAnswererKeepsTheDecision(t *testing.T) {
	r := &OfferRound{Answers: []AnswerVersion{
		{Municipality: "0114", Version: 1, Answer: AnswerNo, Name: "Bo Berg", Role: "Kommundirektör", Comment: "Vi väntar"},
		{Municipality: "0115", Version: 1, Answer: AnswerYes, Name: "Cecilia Ek", Role: "IT-chef"},
		{Municipality: "0114", Version: 2, Answer: AnswerYes, Name: " bo berg ", Role: "Kommundirektör", Comment: "Nu ja"},
	}}
	tally := r.Tally()
	found := r.AnswersBy("BO BERG")
	require.Equal(t, []ForgetAnswerer{{Municipality: "0114", Versions: []int{1, 2}}}, found)

	office := Meta{By: Actor{ID: "anna", Role: RoleOffice}, Reason: "Begäran 17"}
	c := ForgetAnswerer{Meta: office, Municipality: "0114", Versions: found[0].Versions}
	assert.ErrorContains(t, r.Forget(ForgetAnswerer{Meta: Meta{By: Actor{ID: "m", Role: RoleMunicipality}, Reason: "x"},
		Municipality: "0114", Versions: []int{1}}), string(CodeForbiddenRole))
	var ve *ValidationError
	require.ErrorAs(t, r.Forget(ForgetAnswerer{Meta: office, Municipality: "0114", Versions: []int{3}}), &ve)
	assert.Equal(t, "no_such_answer", ve.Hint)
	assert.Equal(t, "Bo Berg", r.Answers[0].Name, "nothing changed")

	require.NoError(t, r.Forget(c))
	for _, i := range []int{0, 2} {
		assert.Empty(t, r.Answers[i].Name)
		assert.Empty(t, r.Answers[i].Role)
		assert.Empty(t, r.Answers[i].Comment)
	}
	assert.Equal(t, AnswerYes, r.Answers[2].Answer, "the decision stays")
	assert.Equal(t, "Cecilia Ek", r.Answers[1].Name, "someone else's answer stays")
	assert.Equal(t, tally, r.Tally())
	assert.Empty(t, r.AnswersBy("Bo Berg"))
	require.ErrorAs(t, r.Forget(c), &ve)
	assert.Equal(t, "answer_already_forgotten", ve.Hint)
}
