package workflows

import (
	"errors"
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

// An erasure of an answerer in a running round: the validator refuses a wrong sender and an
// answer that is not there (leaving no history); an accepted one removes the name, role and
// comment from the state the next run carries, the decision and the tally stay, and the round
// continues as new at once.
func TestForgetAnswererErasesTheNameAndContinuesAsNew(t *testing.T) {
	ms := sweden(t)[:10]
	h := newOfferHarness(t, sthlm(2027, 2, 10, 10, 0), ms)
	h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, codes(ms[:3])...))
	office := domain.Meta{By: domain.Actor{ID: "anna", Role: domain.RoleOffice}, Reason: "Begäran 17"}
	results := map[string]*error{}
	forget := func(name string, at int, c domain.ForgetAnswerer) {
		var err error
		results[name] = &err
		h.at(sthlm(2027, 3, 1, 11, at), func() {
			h.env.UpdateWorkflow(contract.MsgForgetAnswerer, name, &testsuite.TestUpdateCallback{
				OnAccept: func() {}, OnReject: func(e error) { err = e }, OnComplete: func(_ interface{}, e error) { err = e },
			}, c)
		})
	}
	forget("wrong-sender", 0, domain.ForgetAnswerer{Meta: domain.Meta{By: linkActor, Reason: "x"}, Municipality: ms[0].Code, Versions: []int{1}})
	forget("no-such", 1, domain.ForgetAnswerer{Meta: office, Municipality: ms[0].Code, Versions: []int{2}})
	forget("ok", 2, domain.ForgetAnswerer{Meta: office, Municipality: ms[0].Code, Versions: []int{1}})
	h.env.ExecuteWorkflow(OfferRoundWorkflow, smallInput(ms, domain.DecisionRule{MinYes: 2}))

	assert.ErrorContains(t, *results["wrong-sender"], string(domain.CodeForbiddenRole))
	assert.ErrorContains(t, *results["no-such"], "no_such_answer")
	require.NoError(t, *results["ok"])
	var can *workflow.ContinueAsNewError
	require.True(t, errors.As(h.env.GetWorkflowError(), &can), "got %v", h.env.GetWorkflowError())
	var next contract.OfferRoundInput
	require.NoError(t, converter.GetDefaultDataConverter().FromPayloads(can.Input, &next))
	answers := next.State.Round.Answers
	require.Len(t, answers, 3)
	assert.Equal(t, ms[0].Code, answers[0].Municipality)
	assert.Empty(t, answers[0].Name)
	assert.Empty(t, answers[0].Role)
	assert.Equal(t, domain.AnswerYes, answers[0].Answer, "the decision stays")
	assert.Equal(t, "Namn "+ms[1].Code, answers[1].Name, "others stay")
	assert.Equal(t, 3, next.State.Round.Tally().Yes)
}
