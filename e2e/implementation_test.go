package e2e

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/starter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
)

// An initiative whose offer said go starts its implementation (demo calendar: one day lasts
// 50 ms, from 20 June 2027). Through the CLI the office sets the plan, enters a report and a
// measurement (a wrong unit is refused in Swedish and changes nothing); the quarter turns
// (the workflow continues as new), the missing Q3 report is reminded and escalated once
// each; the newsletter shows June's news; completion with the final figure closes the
// initiative as completed.
func TestImplementationThroughTheCLI(t *testing.T) {
	s, sender, ms := startOfferSystem(t)
	ctx := context.Background()
	const id = "e2e-genomforande"
	// A day lasts 100 ms from 10 June 2027: the quarter turns three weeks (2.1 s) after the go,
	// time enough on a loaded machine for the Q2 report below to belong to the plan.
	startImplementation(t, s, id, time.Date(2027, 6, 10, 10, 0, 0, 0, domain.Stockholm()), 100*time.Millisecond, ms[0].Code, ms[1].Code, "0180")
	by := []string{"--by", "programkontoret.e2e"}
	cli := func(args ...string) string { return s.mustCLI(append(args, by...)...) }

	require.Eventually(t, func() bool { code, _ := s.cli("impl", "status", id); return code == starter.ExitOK },
		10*time.Second, 50*time.Millisecond, "the implementation starts")
	assert.Contains(t, cli("impl", "plan", id, "--goal", "effektmal,dagar,20", "--lower-is-better",
		"--milestone", "pilot,2027-09-30,Pilot i tre kommuner", "--reason", "Planen från kvalificeringen"), "Planen har uppdaterats")
	assert.Contains(t, cli("impl", "measure", id, "--goal", "effektmal", "--value", "41,5", "--unit", "dagar", "--date", "2027-06-01",
		"--reason", "SCB-statistik"), "41,5 dagar")
	code, out := s.cli(append([]string{"impl", "measure", id, "--goal", "effektmal", "--value", "3", "--unit", "veckor",
		"--date", "2027-06-01", "--reason", "fel enhet"}, by...)...)
	assert.Equal(t, starter.ExitRejected, code)
	assert.Contains(t, out, "Fel enhet")
	code, out = s.cli(append([]string{"impl", "report", id, "--period", "2027-Q2", "--group-on-schedule", "ja"}, append(by, "--reason", "x")...)...)
	assert.Equal(t, starter.ExitRejected, code, out)
	assert.Contains(t, out, "saknas")
	assert.Contains(t, cli("impl", "report", id, "--period", "2027-Q2", "--group-on-schedule", "ja", "--municipalities-on-schedule", "nej",
		"--within-staff", "ja", "--within-budget", "ja", "--reason", "Kvartalsrapport"), "kommunerna i tid: nej")
	cli("impl", "join", id, "--municipality", ms[2].Code, "--reason", "Anslöt under genomförandet")

	out = s.mustCLI("impl", "status", id)
	for _, want := range []string{"Deltagande kommuner", "4: ", "Stockholm", "Nästa milstolpe", "pilot", "effektmal: mål 20 dagar, senast 41,5"} {
		assert.Contains(t, out, want)
	}

	// Q3 ends 30 September (about 11 s); its report is due 16 October and escalated 30 October.
	require.Eventually(t, func() bool {
		_, ok := sender.Get("impl/" + id + "/report_escalation/2027-07")
		return ok
	}, 45*time.Second, 100*time.Millisecond, "the missing Q3 report is escalated")
	_, ok := sender.Get("impl/" + id + "/report_reminder/2027-07")
	assert.True(t, ok)
	status, err := s.admin.ImplementationStatus(ctx, id)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, status.Run, 2, "continued as new at the turn of each quarter")
	assert.True(t, status.Escalated)
	assert.True(t, status.Implementation.Plan.Milestones[0].Missed)
	var digests int
	for _, m := range sender.Messages() {
		if strings.HasPrefix(m.Key, "impl/"+id+"/digest/2027-06/") {
			digests++
			assert.NotContains(t, m.Body, "{")
		}
	}
	assert.Equal(t, 5, digests, "June's events in one digest per municipality (4) and one to the office")

	news := s.mustCLI("newsletter", "--month", "2027-06")
	assert.Contains(t, news, "Digital bygglovshandläggning")
	assert.Contains(t, news, "2027-06-10: Tillräckligt många kommuner anslöt sig (kommunernas svar)", "the preparation's news: the go")
	assert.Equal(t, news, s.mustCLI("impl", "newsletter", "--month", "2027-06"), "the impl subcommand is the same newsletter")
	assert.Contains(t, news, "41,5 dagar")
	assert.NotContains(t, news, "programkontoret.e2e", "no user ids in a publication")

	// No personal data in the implementation's search attributes or memo.
	desc, err := s.admin.Temporal.DescribeWorkflowExecution(ctx, contract.ImplementationWorkflowID(id), "")
	require.NoError(t, err)
	assert.NotContains(t, desc.String(), "kommun.example")
	assert.NotContains(t, desc.String(), "exempelby.example")

	out = cli("impl", "complete", id, "--final", "effektmal,18,dagar", "--reason", "Införandet klart")
	assert.Contains(t, out, "avslutat")
	require.Eventually(t, func() bool {
		st, err := s.admin.Status(ctx, id)
		return err == nil && st.Initiative.Stage == domain.StageCompleted
	}, 10*time.Second, 50*time.Millisecond, "the initiative closes as completed")
	final, err := s.admin.Status(ctx, id)
	require.NoError(t, err)
	require.NotNil(t, final.Initiative.Outcome)
	assert.Equal(t, "Införandet klart", final.Initiative.Outcome.Reason)
	code, out = s.cli(append([]string{"impl", "stop", id, "--reason", "för sent"}, by...)...)
	assert.Equal(t, starter.ExitRejected, code)
	assert.Contains(t, out, "avslutat")
	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.InitiativeWorkflowID(id), "", "../workflows/testdata/history_implementation_initiative.json")
		recordRun(t, s, contract.ImplementationWorkflowID(id), "", "../workflows/testdata/history_implementation_completed.json")
	}
}

// startImplementation starts an initiative in stage implementation (owner Inera, period
// 2027-2028) whose offer said go with the municipalities yes; its demo calendar starts at
// origin and a day lasts day. The initiative then starts its implementation.
func startImplementation(t *testing.T, s *system, id string, origin time.Time, day time.Duration, yes ...string) {
	t.Helper()
	reg := domain.Registration{ID: id, By: domain.Actor{ID: "programkontoret.e2e", Role: domain.RoleOffice},
		Calendar: domain.DefaultCalendar(), Need: domain.Need{Title: "Digital bygglovshandläggning", Problem: "Papper",
			WhoHasTheNeed: "Byggnadsnämnder", ExpectedBenefit: "Kortare ledtider", AffectedActivities: []string{"Bygg"},
			ProposerOrganisation: "Exempelby kommun", ContactEmail: "bygg@exempelby.example", ActionPlanGoals: []string{"M2"}}}
	now := time.Now()
	st := domain.NewInitiative(reg, now)
	st.Stage, st.CycleYear, st.Owner = domain.StageImplementation, 2026, domain.OwnerInera
	st.Clock = domain.Clock{DayLength: day, RealOrigin: now,
		VirtualOrigin: origin}
	st.Qualification = &domain.QualificationPlan{What: "Bygga tjänsten", WhoDoesWhat: "Inera bygger", EffectGoal: "Halverad ledtid",
		Cost: "8 mnkr", Financing: "Abonnemang", ImplementationPeriod: "2027-2028"}
	st.Offer = &domain.OfferRoundRef{WorkflowID: "offer-" + id, Reports: []domain.OfferReport{{Phase: domain.PhaseDeadline, Go: true,
		By: "offer-" + id, At: now, Yes: yes}}}
	_, err := s.admin.Temporal.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{ID: contract.InitiativeWorkflowID(id),
		TaskQueue: contract.TaskQueue}, contract.InitiativeWorkflowType, contract.InitiativeInput{Registration: reg, State: st})
	require.NoError(t, err)
}
