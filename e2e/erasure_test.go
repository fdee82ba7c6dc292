package e2e

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// An erasure request on a real server: the operator's CLI erases the proposer's contact from a
// running initiative; the initiative goes on in a new run whose input and state hold no
// address (only the closed first run does, until the namespace's retention deletes it), the
// timeline says it was erased, and a second request is refused with the hint.
func TestForgetContactOnARunningInitiative(t *testing.T) {
	s := startSystem(t, "", 0)
	ctx := context.Background()
	reg := domain.Registration{ID: "radera-kontakt", By: domain.Actor{ID: "anna.andersson@programkontoret.example", Role: domain.RoleOffice},
		Need: domain.Need{Title: "Behov med kontakt", Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b", AffectedActivities: []string{"Kansli"},
			ProposerOrganisation: "Exempelby kommun", ContactEmail: "bo.berg@exempelby.example"}}
	require.NoError(t, s.admin.Register(ctx, reg))
	first, err := s.admin.Temporal.DescribeWorkflowExecution(ctx, contract.InitiativeWorkflowID(reg.ID), "")
	require.NoError(t, err)
	firstRun := first.GetWorkflowExecutionInfo().GetExecution().GetRunId()

	s.mustCLI("forget-contact", reg.ID, "--reason", "Begäran om radering 2026-17", "--by", "programkontoret.e2e")
	var st contract.Status
	require.Eventually(t, func() bool {
		st, err = s.admin.Status(ctx, reg.ID)
		return err == nil && st.Run == 1
	}, 20*time.Second, 100*time.Millisecond, "the run continued as new")
	assert.Empty(t, st.Initiative.Need.ContactEmail)
	assert.Equal(t, "Behov med kontakt", st.Initiative.Need.Title)
	last := st.Initiative.Timeline[len(st.Initiative.Timeline)-1]
	assert.Equal(t, "contact_forgotten", last.Event)
	assert.Equal(t, "programkontoret.e2e", last.By)

	// The running run's history holds the address nowhere, not even in its input.
	assert.NotContains(t, historyText(t, s, contract.InitiativeWorkflowID(reg.ID), ""), "bo.berg")
	assert.Contains(t, historyText(t, s, contract.InitiativeWorkflowID(reg.ID), firstRun), "bo.berg", "the closed run still does, until retention")

	code, out := s.cli("forget-contact", reg.ID, "--reason", "Igen", "--by", "programkontoret.e2e")
	assert.NotZero(t, code)
	assert.Contains(t, out, "ingen e-postadress till en kontaktperson")
	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.InitiativeWorkflowID(reg.ID), firstRun, "../workflows/testdata/history_contact_forgotten.json")
	}
}

// historyText is a run's whole history as the server keeps it, in JSON, followed by every payload
// decoded as our clients decode it (with the payload codec in the external mode): what anyone
// holding the keys could read there.
func historyText(t *testing.T, s *system, workflowID, runID string) string {
	t.Helper()
	dc := converter.GetDefaultDataConverter()
	if s.ext != nil && s.ext.options.DataConverter != nil {
		dc = s.ext.options.DataConverter
	}
	var b strings.Builder
	iter := s.admin.Temporal.GetWorkflowHistory(context.Background(), workflowID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for iter.HasNext() {
		e, err := iter.Next()
		require.NoError(t, err)
		data, err := protojson.Marshal(e)
		require.NoError(t, err)
		b.Write(data)
		payloadsIn(e.ProtoReflect(), func(p *commonpb.Payload) { b.WriteString(dc.ToString(p)) })
	}
	return b.String()
}

// payloadsIn calls each for every payload anywhere in a message.
func payloadsIn(m protoreflect.Message, each func(*commonpb.Payload)) {
	if p, ok := m.Interface().(*commonpb.Payload); ok {
		each(p)
		return
	}
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsMap():
			if fd.MapValue().Message() != nil {
				v.Map().Range(func(_ protoreflect.MapKey, mv protoreflect.Value) bool {
					payloadsIn(mv.Message(), each)
					return true
				})
			}
		case fd.IsList():
			if fd.Message() != nil {
				for i := 0; i < v.List().Len(); i++ {
					payloadsIn(v.List().Get(i).Message(), each)
				}
			}
		case fd.Message() != nil:
			payloadsIn(v.Message(), each)
		}
		return true
	})
}

// An answerer's erasure on a real server: the answer's name and comment go from the running
// round, which continues as new; the decision stays; the running run's history holds the name
// nowhere, and a second request is refused.
func TestForgetAnswererOnARunningRound(t *testing.T) {
	s, _, ms := startOfferSystem(t)
	ctx := context.Background()
	const id = "e2e-radera-svar"
	now := time.Now().In(domain.Stockholm()).Truncate(time.Minute)
	in := contract.OfferRoundInput{Setup: domain.OfferSetup{InitiativeID: id,
		Content: domain.OfferContent{InitiativeID: id, Title: "Raderingstest", What: "En tjänst"},
		Seminar: now.Add(time.Hour), Deadline: now.Add(24 * time.Hour), LateUntil: now.Add(24 * time.Hour),
		Rule: domain.DefaultDecisionRule(), Municipalities: ms[:5]}}
	_, err := s.admin.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.OfferRoundWorkflowID(id),
		TaskQueue: contract.TaskQueue}, contract.OfferRoundWorkflowType, in)
	require.NoError(t, err)
	res, err := s.admin.SubmitAnswers(ctx, id, domain.SubmitAnswers{Meta: domain.Meta{By: domain.Actor{ID: "svarsformular", Role: domain.RoleMunicipality}},
		Answers: []domain.AnswerInput{{Municipality: ms[0].Code, Answer: domain.AnswerYes, Name: "Bo Berg", Role: "Kommundirektör",
			Comment: "Vi vill vara med", SubmissionID: "s-1"}}}, false)
	require.NoError(t, err)
	require.Nil(t, res.Results[0].Error)
	first, err := s.admin.Temporal.DescribeWorkflowExecution(ctx, contract.OfferRoundWorkflowID(id), "")
	require.NoError(t, err)
	firstRun := first.GetWorkflowExecutionInfo().GetExecution().GetRunId()

	office := domain.Meta{By: domain.Actor{ID: "programkontoret.e2e", Role: domain.RoleOffice}, Reason: "Begäran om radering 18"}
	round, err := s.admin.OfferRound(ctx, id)
	require.NoError(t, err)
	found := round.AnswersBy("bo berg")
	require.Len(t, found, 1)
	c := domain.ForgetAnswerer{Meta: office, Municipality: found[0].Municipality, Versions: found[0].Versions}
	// The operator's CLI finds the answers by name and erases them (the console does the same).
	out := s.mustCLI("offer", "forget", id, "--name", " bo  berg", "--by", office.By.ID, "--reason", office.Reason)
	assert.Contains(t, out, "Namn, roll och kommentar är raderade i svaret från "+ms[0].Code+" (version 1)")
	var st contract.OfferStatus
	require.Eventually(t, func() bool {
		st, err = s.admin.OfferStatus(ctx, id)
		return err == nil && st.Run == 1
	}, 20*time.Second, 100*time.Millisecond, "the round continued as new")
	require.Len(t, st.Answers, 1)
	assert.Empty(t, st.Answers[0].Name)
	assert.Empty(t, st.Answers[0].Comment)
	assert.Equal(t, domain.AnswerYes, st.Answers[0].Answer)
	assert.Equal(t, 1, st.Tally.Yes)
	assert.NotContains(t, historyText(t, s, contract.OfferRoundWorkflowID(id), ""), "Bo Berg")

	err = s.admin.ForgetAnswerer(ctx, id, c, "radera-svar-2")
	var ve *domain.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "answer_already_forgotten", ve.Hint)
	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.OfferRoundWorkflowID(id), firstRun, "../workflows/testdata/history_offer_answerer_forgotten.json")
	}
}
