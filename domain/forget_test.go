package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An erasure request removes the proposer's address and nothing else; the timeline says it
// happened and by whom, without the address. A second request, a sender who is not the office,
// and a closed initiative are refused with a typed error and change nothing.
func TestForgetContactErasesTheAddressOnly(t *testing.T) {
	now := local(2026, 10, 20, 10, 0)
	in := newTestInitiative(t, now)
	require.NotEmpty(t, in.Need.ContactEmail)
	title, revision := in.Need.Title, in.Revision
	office := Meta{By: Actor{ID: "anna", Role: RoleOffice}, Reason: "Begäran om radering, ärende 12"}

	err := in.Apply(ForgetContact{Meta: Meta{By: Actor{ID: "lena", Role: RoleLeadership}, Reason: "x"}}, now)
	assert.ErrorContains(t, err, string(CodeForbiddenRole))
	assert.NotEmpty(t, in.Need.ContactEmail, "unchanged")

	require.NoError(t, in.Apply(ForgetContact{Meta: office}, now))
	assert.Empty(t, in.Need.ContactEmail)
	assert.Equal(t, title, in.Need.Title, "the need stays")
	assert.Equal(t, revision+1, in.Revision)
	last := in.Timeline[len(in.Timeline)-1]
	assert.Equal(t, TimelineEntry{At: now, Stage: in.Stage, Event: "contact_forgotten", By: "anna", Reason: office.Reason}, last)

	var ve *ValidationError
	require.ErrorAs(t, in.Apply(ForgetContact{Meta: office}, now), &ve)
	assert.Equal(t, "nothing_to_forget", ve.Hint)
	assert.Equal(t, revision+1, in.Revision, "nothing changed")
}
