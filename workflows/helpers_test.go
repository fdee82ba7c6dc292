package workflows

import (
	"context"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
)

var (
	office     = domain.Actor{ID: "programkontoret.test", Role: domain.RoleOffice}
	leadership = domain.Actor{ID: "ledningen.test", Role: domain.RoleLeadership}
)

func meta(a domain.Actor) domain.Meta { return domain.Meta{By: a, Reason: "testskäl"} }

func sthlm(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, domain.Stockholm())
}

func testNeed() domain.Need {
	return domain.Need{
		Title: "Gemensam e-tjänst för bygglov", Problem: "Varje kommun bygger sin egen.",
		WhoHasTheNeed: "Byggnadsnämnderna", ExpectedBenefit: "Lägre kostnad",
		AffectedActivities: []string{"Samhällsbyggnad"}, ProposerOrganisation: "Exempelby kommun",
		ContactEmail: "kontakt@exempelby.se", ActionPlanGoals: []string{"M3"},
	}
}

func testInput() contract.InitiativeInput {
	return contract.InitiativeInput{Registration: domain.Registration{
		ID: "bygglov", Need: testNeed(), By: office, Calendar: domain.DefaultCalendar()}}
}

// harness is a time-skipping environment started at a local instant, with the real
// activities writing to a temporary outbox.
type harness struct {
	t     *testing.T
	env   *testsuite.TestWorkflowEnvironment
	start time.Time
	box   *mail.Memory
}

// newHarness makes the environment; with may change the activities' dependencies.
func newHarness(t *testing.T, start time.Time, with ...func(*activities.Activities)) *harness {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	box := mail.NewMemory()
	env.RegisterWorkflow(InitiativeWorkflow)
	registerNoEarlierRegistrations(env)
	acts := &activities.Activities{Sender: mail.Outbox{Ledger: box}, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se"}
	for _, w := range with {
		w(acts)
	}
	env.RegisterActivity(acts)
	return &harness{t: t, env: env, start: start, box: box}
}

// updateResult is what one update produced.
type updateResult struct {
	receipt  contract.Receipt
	rejected error
	done     bool
}

// updateAt sends an update at a local instant and returns where its result will be.
func (h *harness) updateAt(at time.Time, name string, arg any) *updateResult {
	res := &updateResult{}
	h.env.RegisterDelayedCallback(func() {
		h.env.UpdateWorkflow(name, "", &testsuite.TestUpdateCallback{
			OnAccept: func() {},
			OnReject: func(err error) { res.rejected, res.done = err, true },
			OnComplete: func(v interface{}, err error) {
				res.done = true
				if err != nil {
					res.rejected = err
					return
				}
				res.receipt = v.(contract.Receipt)
			},
		}, arg)
	}, at.Sub(h.start))
	return res
}

// at runs fn at a local instant.
func (h *harness) at(at time.Time, fn func()) {
	h.env.RegisterDelayedCallback(fn, at.Sub(h.start))
}

func (h *harness) status() contract.Status {
	v, err := h.env.QueryWorkflow(contract.QueryStatus)
	require.NoError(h.t, err)
	var s contract.Status
	require.NoError(h.t, v.Get(&s))
	return s
}

// stopAt cancels the workflow at a local instant (an offered initiative waits for the offer
// round, which later issues add).
func (h *harness) stopAt(at time.Time) {
	h.at(at, func() { h.env.CancelWorkflow() })
}

func (h *harness) run(in contract.InitiativeInput) {
	h.env.ExecuteWorkflow(InitiativeWorkflow, in)
	require.True(h.t, h.env.IsWorkflowCompleted())
}

// registerNoEarlierRegistrations stands in for the coordinating activity that looks for an
// earlier registration under the ID (a real server's visibility): there is none.
func registerNoEarlierRegistrations(env *testsuite.TestWorkflowEnvironment) {
	env.RegisterActivityWithOptions(func(context.Context, coordinator.EarlierRunsInput) (coordinator.EarlierRuns, error) {
		return coordinator.EarlierRuns{}, nil
	}, activity.RegisterOptions{Name: "EarlierRegistration"})
}
