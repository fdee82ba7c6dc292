package workflows

import (
	"context"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

func proposal() contract.ProposalInput {
	return contract.ProposalInput{Proposal: domain.Proposal{ID: "p-0001", Received: time.Date(2027, 3, 1, 10, 0, 0, 0, domain.Stockholm()),
		Need: domain.Need{Title: "Gemensam e-arkivtjänst", Problem: "Papper", WhoHasTheNeed: "Arkiven", ExpectedBenefit: "Bevarande",
			AffectedActivities: []string{"Arkiv"}, ProposerOrganisation: "Exempelby kommun", ContactEmail: "arkiv@exempelby.example"}}}
}

var deciding = domain.Meta{By: domain.Actor{ID: "anna", Role: domain.RoleOffice}, Reason: "Efterfrågat"}

// proposalEnv runs ProposalWorkflow with its activities faked: the e-mails sent, and the
// initiatives registered or open.
func proposalEnv(t *testing.T) (*testsuite.TestWorkflowEnvironment, *[]string, *[]coordinator.RegisterProposalInput) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestWorkflowEnvironment()
	env.RegisterWorkflowWithOptions(ProposalWorkflow, workflowOptions(contract.ProposalWorkflowType))
	var sent []string
	var registered []coordinator.RegisterProposalInput
	env.RegisterActivityWithOptions(func(_ context.Context, n activities.ProposalNotice) (activities.NotifyResult, error) {
		sent = append(sent, n.Kind+":"+n.Initiative)
		return activities.NotifyResult{Sent: true}, nil
	}, activity.RegisterOptions{Name: "NotifyProposal"})
	env.RegisterActivityWithOptions(func(_ context.Context, in coordinator.RegisterProposalInput) error {
		if in.Initiative == "finns-redan" {
			return contract.ApplicationError(&domain.ValidationError{Code: domain.CodeAlreadyRegistered, Field: "initiative", Detail: in.Initiative})
		}
		registered = append(registered, in)
		return nil
	}, activity.RegisterOptions{Name: "RegisterProposal"})
	env.RegisterActivityWithOptions(func(_ context.Context, id string) (bool, error) { return id == "oppet", nil },
		activity.RegisterOptions{Name: "InitiativeOpen"})
	return env, &sent, &registered
}

// Accepted: registered as an initiative sent by the deciding member, from its title; the
// proposer gets a receipt and the decision; a second decision is refused.
func TestAProposalIsAccepted(t *testing.T) {
	env, sent, registered := proposalEnv(t)
	env.RegisterDelayedCallback(func() {
		env.UpdateWorkflow(contract.MsgDecideProposal, "1", &testsuite.TestUpdateCallback{
			OnReject: func(err error) { t.Errorf("refused: %v", err) },
			OnComplete: func(v any, err error) {
				require.NoError(t, err)
				assert.Equal(t, "gemensam-e-arkivtjanst", v.(domain.ProposalOutcome).Initiative)
			}}, domain.DecideProposal{Meta: deciding, Verdict: "Accept"})
		env.UpdateWorkflow(contract.MsgDecideProposal, "2", &testsuite.TestUpdateCallback{
			OnReject: func(err error) {
				ve, ok := contract.ValidationErrorFrom(err)
				require.True(t, ok)
				assert.Equal(t, domain.CodeClosed, ve.Code)
			},
			OnComplete: func(any, error) { t.Error("a second decision was taken") }}, domain.DecideProposal{Meta: deciding, Verdict: domain.ProposalDecline})
	}, time.Hour)
	env.ExecuteWorkflow(contract.ProposalWorkflowType, proposal())
	require.NoError(t, env.GetWorkflowError())
	var out domain.ProposalOutcome
	require.NoError(t, env.GetWorkflowResult(&out))
	assert.Equal(t, domain.ProposalAccept, out.Verdict)
	require.Len(t, *registered, 1)
	assert.Equal(t, deciding.By, (*registered)[0].By)
	assert.Equal(t, []string{"received:", "accept:gemensam-e-arkivtjanst"}, *sent)
}

// Refusals leave the proposal waiting: another role, an unknown verdict, an accept under an
// ID registered before, a merge into an initiative that is not open. After two weeks the
// deciding is reminded once; a decline by signal then ends it.
func TestAProposalWaitsForAValidDecision(t *testing.T) {
	env, sent, _ := proposalEnv(t)
	refused := func(id string, d domain.DecideProposal, code domain.ErrorCode) {
		env.UpdateWorkflow(contract.MsgDecideProposal, id, &testsuite.TestUpdateCallback{
			OnReject: func(err error) {
				ve, ok := contract.ValidationErrorFrom(err)
				require.True(t, ok, "%v", err)
				assert.Equal(t, code, ve.Code, id)
			},
			OnComplete: func(_ any, err error) {
				ve, ok := contract.ValidationErrorFrom(err)
				require.True(t, ok, "%s was taken: %v", id, err)
				assert.Equal(t, code, ve.Code, id)
			}}, d)
	}
	// One at a time: while a decision is carried out, another is refused (closed).
	for i, d := range []struct {
		id   string
		d    domain.DecideProposal
		code domain.ErrorCode
	}{
		{"leadership", domain.DecideProposal{Meta: domain.Meta{By: domain.Actor{ID: "lena", Role: domain.RoleLeadership}, Reason: "r"},
			Verdict: domain.ProposalAccept}, domain.CodeForbiddenRole},
		{"verdict", domain.DecideProposal{Meta: deciding, Verdict: "kanske"}, domain.CodeInvalidValue},
		{"taken", domain.DecideProposal{Meta: deciding, Verdict: domain.ProposalAccept, Initiative: "finns-redan"}, domain.CodeAlreadyRegistered},
		{"closed", domain.DecideProposal{Meta: deciding, Verdict: domain.ProposalMerge, Initiative: "stangt"}, domain.CodeInvalidValue},
	} {
		env.RegisterDelayedCallback(func() { refused(d.id, d.d, d.code) }, time.Duration(i+1)*time.Hour)
	}
	env.RegisterDelayedCallback(func() {
		env.SignalWorkflow(contract.MsgDecideProposal, domain.DecideProposal{Meta: deciding, Verdict: domain.ProposalDecline})
	}, 20*24*time.Hour)
	env.ExecuteWorkflow(contract.ProposalWorkflowType, proposal())
	require.NoError(t, env.GetWorkflowError())
	var out domain.ProposalOutcome
	require.NoError(t, env.GetWorkflowResult(&out))
	assert.Equal(t, domain.ProposalDecline, out.Verdict)
	assert.Equal(t, []string{"received:", "waiting:", "decline:"}, *sent)
}

func workflowOptions(name string) workflow.RegisterOptions {
	return workflow.RegisterOptions{Name: name}
}
