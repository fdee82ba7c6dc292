package e2e

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
)

// A need proposed on the public form (the real web application over the real server): the
// proposer gets a receipt at once; the office accepts it, and it is an initiative in the
// backlog registered by the office member, with the proposer told where to follow it. Another
// proposal is declined, and its proposer is told why.
func TestAProposedNeedBecomesAnInitiative(t *testing.T) {
	s := startSystem(t, "", 0)
	ctx := context.Background()
	base := startSite(t, s.admin.Temporal, s.db)

	page, err := http.Get(base + "/forslag")
	require.NoError(t, err)
	body := readAll(t, page)
	form := url.Values{"title": {"Gemensam e-arkivtjänst " + s.id("")}, "problem": {"Papper"}, "who_has_the_need": {"Arkiven"},
		"expected_benefit": {"Bevarande"}, "affected_activities": {"Arkiv"}, "proposer_organisation": {"Exempelby kommun"},
		"contact_email": {"arkiv@exempelby.example"}}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`).FindAllStringSubmatch(body, -1) {
		form.Set(m[1], m[2])
	}
	time.Sleep(3100 * time.Millisecond) // a person takes longer than the form's minimum to fill it in
	res, err := http.PostForm(base+"/forslag", form)
	require.NoError(t, err)
	done := readAll(t, res)
	require.Equal(t, http.StatusOK, res.StatusCode, done)
	assert.Contains(t, done, "Ett kvitto har skickats till arkiv@exempelby.example")

	// The office's list reads the visibility store, which follows the start a moment later
	// (on PostgreSQL more than on SQLite).
	title := strings.TrimSpace(form.Get("title")) // as the form keeps it
	var p admin.ProposalSummary
	require.Eventually(t, func() bool {
		proposals, err := s.admin.Proposals(ctx)
		require.NoError(t, err)
		for _, q := range proposals {
			if q.Title == title {
				p = q
				return true
			}
		}
		return false
	}, 30*time.Second, 100*time.Millisecond, "the proposal is in the office's list")
	require.Eventually(t, func() bool {
		_, ok := find(s.messages(), activities.ProposalKey(p.ID, "received"))
		return ok
	}, 20*time.Second, 100*time.Millisecond, "the receipt is sent")

	anna := domain.Meta{By: domain.Actor{ID: "anna.andersson@programkontoret.example", Role: domain.RoleOffice}, Reason: "Efterfrågat i rådet"}
	out, err := s.admin.DecideProposal(ctx, p.ID, domain.DecideProposal{Meta: anna, Verdict: domain.ProposalAccept}, "")
	require.NoError(t, err)
	st, err := s.admin.Status(ctx, out.Initiative)
	require.NoError(t, err)
	assert.Equal(t, domain.StageBacklog, st.Initiative.Stage)
	assert.Equal(t, anna.By, st.Initiative.CreatedBy)
	assert.Equal(t, "Exempelby kommun", st.Initiative.Need.ProposerOrganisation, "the proposer is the origin")
	_, err = s.admin.DecideProposal(ctx, p.ID, domain.DecideProposal{Meta: anna, Verdict: domain.ProposalDecline}, "")
	require.Error(t, err, "a decided proposal takes no second decision")
	require.Eventually(t, func() bool {
		m, ok := find(s.messages(), activities.ProposalKey(p.ID, "accept"))
		return ok && strings.Contains(m.Body, "/arenden/"+out.Initiative)
	}, 20*time.Second, 100*time.Millisecond, "the proposer is told where to follow it")
	require.Eventually(t, func() bool {
		res, err := http.Get(base + "/arenden/" + out.Initiative)
		require.NoError(t, err)
		readAll(t, res)
		return res.StatusCode == http.StatusOK
	}, 20*time.Second, 100*time.Millisecond, "the case's page is there as soon as it is accepted")
	waitClosed(t, s, contract.ProposalWorkflowID(p.ID))

	// Declined, with the reason.
	declined := domain.Proposal{ID: "forslag-" + s.id("avslag"), Need: domain.Need{Title: "Något utanför planen", Problem: "p",
		WhoHasTheNeed: "w", ExpectedBenefit: "b", AffectedActivities: []string{"Kansli"}, ProposerOrganisation: "Annanby kommun",
		ContactEmail: "kansli@annanby.example"}}
	require.NoError(t, s.admin.Propose(ctx, declined))
	_, err = s.admin.DecideProposal(ctx, declined.ID, domain.DecideProposal{Meta: domain.Meta{By: anna.By, Reason: "Ligger utanför handlingsplanen"},
		Verdict: domain.ProposalDecline}, "")
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		m, ok := find(s.messages(), activities.ProposalKey(declined.ID, "decline"))
		return ok && strings.Contains(m.Body, "Ligger utanför handlingsplanen") && m.To[0] == "kansli@annanby.example"
	}, 20*time.Second, 100*time.Millisecond, "the proposer is told why")
	waitClosed(t, s, contract.ProposalWorkflowID(declined.ID))

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.ProposalWorkflowID(p.ID), "", "../workflows/testdata/history_proposal_accepted.json")
		recordHistory(t, s, out.Initiative, "../workflows/testdata/history_initiative_listed_from_acceptance.json")
		recordRun(t, s, contract.ProposalWorkflowID(declined.ID), "", "../workflows/testdata/history_proposal_declined.json")
	}
}

func waitClosed(t *testing.T, s *system, workflowID string) {
	t.Helper()
	require.Eventually(t, func() bool {
		d, err := s.admin.Temporal.DescribeWorkflowExecution(context.Background(), workflowID, "")
		return err == nil && d.GetWorkflowExecutionInfo().GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED
	}, 20*time.Second, 100*time.Millisecond, "%s completes", workflowID)
}

// find is the message with the key, if any.
func find(msgs []mail.Message, key string) (mail.Message, bool) {
	for _, m := range msgs {
		if m.Key == key {
			return m, true
		}
	}
	return mail.Message{}, false
}

func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(b)
}
