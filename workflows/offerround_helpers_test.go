package workflows

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/offerfakes"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"
)

// sweden reads the 290 municipalities with their population (testdata copy of SCB's
// figures for 1 November 2024).
func sweden(t *testing.T) []domain.OfferMunicipality {
	t.Helper()
	ms, err := offerfakes.ReadMunicipalities("testdata/municipalities.csv")
	require.NoError(t, err)
	require.Len(t, ms, 290)
	return ms
}

func testContent() domain.OfferContent {
	return domain.OfferContent{InitiativeID: "bygglov", Title: "Gemensam e-tjänst för bygglov", What: "Bygga tjänsten",
		WhoDoesWhat: "Inera bygger", EffectGoal: "50 % digitala ansökningar", Cost: "12 mnkr", Financing: "Abonnemang"}
}

// offerHarness is a time-skipping environment for a round run alone, with fakes for the
// register, the contact book and the links, and an in-memory sender.
type offerHarness struct {
	t      *testing.T
	env    *testsuite.TestWorkflowEnvironment
	start  time.Time
	sender *offerfakes.Sender
	acts   *activities.Activities
	subs   int
	// updates counts the updates sent, for their IDs.
	updates int
	// child, when set, is the offer round's workflow ID: answers and status go there (the
	// root workflow is then the initiative).
	child string
}

func newOfferHarness(t *testing.T, start time.Time, ms []domain.OfferMunicipality, missing ...string) *offerHarness {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	sender := &offerfakes.Sender{}
	miss := map[string]bool{}
	for _, c := range missing {
		miss[c] = true
	}
	env.RegisterWorkflow(OfferRoundWorkflow)
	env.RegisterWorkflow(InitiativeWorkflow)
	registerNoEarlierRegistrations(env)
	env.RegisterWorkflowWithOptions(ImplementationWorkflow, workflow.RegisterOptions{Name: contract.ImplementationWorkflowType})
	acts := &activities.Activities{Sender: sender, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se",
		OfficeAddress: "kontoret@example.se", Register: offerfakes.Register(ms), Addresses: offerfakes.Contacts{Missing: miss},
		Links: offerfakes.Links{}, BaseURL: "https://handslag.example"}
	env.RegisterActivity(acts)
	return &offerHarness{t: t, env: env, start: start, sender: sender, acts: acts}
}

// at runs fn at a local instant.
func (h *offerHarness) at(at time.Time, fn func()) {
	h.env.RegisterDelayedCallback(fn, at.Sub(h.start))
}

// batchResult is where one update's answer lands.
type batchResult struct {
	results  []domain.AnswerResult
	rejected error
	done     bool
}

// submitAt sends a batch as an update at a local instant.
func (h *offerHarness) submitAt(at time.Time, b domain.SubmitAnswers) *batchResult {
	res := &batchResult{}
	h.at(at, func() {
		cb := &testsuite.TestUpdateCallback{
			OnAccept: func() {},
			OnReject: func(err error) { res.rejected, res.done = err, true },
			OnComplete: func(v interface{}, err error) {
				res.done, res.rejected = true, err
				if err == nil {
					res.results = v.(contract.SubmitAnswersResult).Results
				}
			},
		}
		// Each update has its own ID: the environment treats a repeated ID as the same update.
		h.updates++
		updateID := fmt.Sprintf("update-%d", h.updates)
		if h.child != "" {
			require.NoError(h.t, h.env.UpdateWorkflowByID(h.child, contract.MsgSubmitAnswers, updateID, cb, b))
			return
		}
		h.env.UpdateWorkflow(contract.MsgSubmitAnswers, updateID, cb, b)
	})
	return res
}

// answers builds a batch from the link with one answer per municipality code.
func (h *offerHarness) answers(by domain.Actor, choice domain.AnswerChoice, codes ...string) domain.SubmitAnswers {
	b := domain.SubmitAnswers{Meta: domain.Meta{By: by, Reason: "svar"}}
	for _, c := range codes {
		h.subs++
		b.Answers = append(b.Answers, domain.AnswerInput{Municipality: c, Answer: choice, Name: "Namn " + c,
			Role: "Kommundirektör", SubmissionID: fmt.Sprintf("sub-%d", h.subs)})
	}
	return b
}

func (h *offerHarness) status() contract.OfferStatus {
	var v converter.EncodedValue
	var err error
	if h.child != "" {
		v, err = h.env.QueryWorkflowByID(h.child, contract.QueryOfferStatus)
	} else {
		v, err = h.env.QueryWorkflow(contract.QueryOfferStatus)
	}
	require.NoError(h.t, err)
	var s contract.OfferStatus
	require.NoError(h.t, v.Get(&s))
	return s
}

// keys lists the stored message keys with a prefix.
func (h *offerHarness) keys(prefix string) []string {
	var out []string
	for _, m := range h.sender.Messages() {
		if len(m.Key) >= len(prefix) && m.Key[:len(prefix)] == prefix {
			out = append(out, m.Key)
		}
	}
	sort.Strings(out)
	return out
}

var linkActor = domain.Actor{ID: "svarsformular", Role: domain.RoleMunicipality}

func codes(ms []domain.OfferMunicipality) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return out
}
