package e2e

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
)

// rawStart starts an initiative the way a client in another language does from the README
// alone: a plain JSON payload, the server's default ID reuse policy, no memo, no summary.
func rawStart(t *testing.T, s *system, id string, need map[string]any) client.WorkflowRun {
	t.Helper()
	run, err := s.admin.Temporal.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{
		ID: contract.InitiativeWorkflowID(id), TaskQueue: contract.TaskQueue},
		contract.InitiativeWorkflowType, map[string]any{"registration": map[string]any{
			"id": id, "need": need, "by": map[string]any{"id": "ts-klient", "role": "office"}}})
	require.NoError(t, err)
	return run
}

func rawNeed(title string) map[string]any {
	return map[string]any{"title": title, "problem": "p", "who_has_the_need": "w", "expected_benefit": "b",
		"affected_activities": []string{"a"}, "proposer_organisation": "Exempelby kommun", "contact_email": "kontakt@exempelby.example"}
}

// The contract holds for any client that follows the README, not only for our Go client:
// an invalid start fails with a typed error and leaves the ID usable; a start under an ID
// registered before is refused by the workflow (the old case record stays as it was); the
// title reaches lists through the memo the workflow sets; aliases are stored canonically.
func TestTheContractHoldsForAClientInAnotherLanguage(t *testing.T) {
	s := startSystem(t, "", 0)
	ctx := context.Background()

	// An empty title: the run fails at once with a typed error ...
	bad := s.id("kontrakt-tom-titel")
	err := rawStart(t, s, bad, rawNeed(" ")).Get(ctx, nil)
	ve, ok := contract.ValidationErrorFrom(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, domain.CodeMissingField, ve.Code)
	assert.Equal(t, "title", ve.Field)
	// ... and the ID can be registered properly afterwards.
	s.mustCLI("register", "--id", bad, "--title", "Rätt titel", "--problem", "p", "--who", "w",
		"--benefit", "b", "--activities", "a", "--proposer", "Exempelby kommun",
		"--contact", "kontakt@exempelby.example", "--by", "programkontoret.e2e")

	// A raw start gets its title into the memo (list reads it), and "inera" is stored as Inera.
	id := s.id("kontrakt-ts")
	rawStart(t, s, id, rawNeed("Från en TypeScript-klient"))
	_, err = s.admin.Temporal.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: contract.InitiativeWorkflowID(id),
		UpdateName: contract.MsgTriageOwner, WaitForStage: client.WorkflowUpdateStageCompleted,
		Args: []any{map[string]any{"by": map[string]any{"id": "ts-klient", "role": "office"}, "reason": "r", "owner": "inera", "route": "own"}}})
	require.NoError(t, err)
	s.waitForStage(id, "triaged", 10*time.Second, "--owner", "Inera")
	out := s.mustCLI("list", "--json", "--owner", "Inera")
	var rows []struct{ ID, Title string }
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	found := false
	for _, r := range rows {
		if r.ID == id {
			found = true
			assert.Equal(t, "Från en TypeScript-klient", r.Title)
		}
	}
	assert.True(t, found, "%s not listed: %s", id, out)

	// Withdrawn, then started again under the same ID with the default reuse policy: the
	// server accepts the start, the workflow refuses it.
	s.mustCLI("withdraw", id, "--reason", "Dubblett", "--by", "programkontoret.e2e")
	require.NoError(t, s.admin.Temporal.GetWorkflow(ctx, contract.InitiativeWorkflowID(id), "").Get(ctx, nil), "the withdrawn run closes")
	err = rawStart(t, s, id, rawNeed("Igen")).Get(ctx, nil)
	ve, ok = contract.ValidationErrorFrom(err)
	require.True(t, ok, "%v", err)
	assert.Equal(t, domain.CodeAlreadyRegistered, ve.Code)
	desc, err := s.admin.Temporal.DescribeWorkflowExecution(ctx, contract.InitiativeWorkflowID(id), "")
	require.NoError(t, err)
	assert.Equal(t, enumspb.WORKFLOW_EXECUTION_STATUS_FAILED, desc.GetWorkflowExecutionInfo().GetStatus())
	rec, ok, err := s.db.Get(ctx, id)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, domain.StageWithdrawn, rec.Summary.Stage, "the public record did not go backwards")
}
