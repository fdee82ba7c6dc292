package workflows

import (
	"errors"
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/workflow"
)

// An erasure request removes the proposer's address from the state and from the input of the
// next run, and the run continues as new at once, so the address stays only in a closed run
// (which the namespace's retention deletes). A wrong sender and a second request are refused
// by the validator.
func TestForgetContactErasesTheAddressAndContinuesAsNew(t *testing.T) {
	h := newHarness(t, sthlm(2025, 10, 15, 10, 0))
	in := testInput()
	require.NotEmpty(t, in.Registration.Need.ContactEmail)
	wrong := h.updateAt(sthlm(2025, 10, 16, 10, 0), contract.MsgForgetContact, contract.ForgetContact{Meta: meta(leadership)})
	forget := h.updateAt(sthlm(2025, 10, 16, 10, 1), contract.MsgForgetContact, contract.ForgetContact{Meta: meta(office)})
	h.run(in)

	require.True(t, wrong.done)
	assert.ErrorContains(t, wrong.rejected, string(domain.CodeForbiddenRole))
	require.True(t, forget.done)
	require.NoError(t, forget.rejected)

	var can *workflow.ContinueAsNewError
	require.True(t, errors.As(h.env.GetWorkflowError(), &can), "got %v", h.env.GetWorkflowError())
	var next contract.InitiativeInput
	require.NoError(t, converter.GetDefaultDataConverter().FromPayloads(can.Input, &next))
	assert.Empty(t, next.State.Need.ContactEmail, "not in the carried state")
	assert.Empty(t, next.Registration.Need.ContactEmail, "not in the next run's registration")
	assert.Equal(t, in.Registration.Need.Title, next.State.Need.Title)
	assert.Equal(t, "contact_forgotten", next.State.Timeline[len(next.State.Timeline)-1].Event)

	// In the next run a second request is refused: there is nothing left to erase.
	h2 := newHarness(t, sthlm(2025, 10, 16, 10, 2))
	again := h2.updateAt(sthlm(2025, 10, 16, 11, 0), contract.MsgForgetContact, contract.ForgetContact{Meta: meta(office)})
	h2.stopAt(sthlm(2025, 10, 16, 12, 0))
	h2.run(next)
	require.True(t, again.done)
	assert.ErrorContains(t, again.rejected, "nothing_to_forget")
}
