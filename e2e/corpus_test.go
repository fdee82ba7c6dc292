package e2e

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusDay is how long a calendar day lasts in the offer-to-end runs: the answers must be
// in within the 74 days from the offer to the deadline (7.4 s), also on a loaded machine.
const corpusDay = 100 * time.Millisecond

// Two offered initiatives run their rounds on a demo calendar to their ends, as production
// would over a year and more:
//   - "ja": all but Stockholm say yes, Stockholm is reminded twice (30 and 10 days before the deadline) and joins in the late
//     period; the round says go at the deadline and the implementation starts; the office sets
//     the plan, reports, moves a hearing and adds a municipality; the implementation continues
//     as new at the end of the quarter; it is stopped, and the initiative ends as stopped;
//   - "nej": one municipality says no; at the deadline the offer is not reached, and when the
//     late period ends without enough yes the initiative ends as not implemented.
//
// With HANDSLAG_RECORD_HISTORY set, their histories join the replay corpus.
func TestOfferToEveryEndOnDemoCalendar(t *testing.T) {
	s, sender, ms := startOfferSystem(t)
	ctx := context.Background()
	yes, no := s.id("korpus-ja"), s.id("korpus-nej")
	lead := []string{"--by", "ledningen.e2e"}
	office := []string{"--by", "programkontoret.e2e"}
	for _, id := range []string{yes, no} {
		clock := domain.Clock{DayLength: corpusDay, RealOrigin: time.Now(),
			VirtualOrigin: time.Date(2027, 2, 10, 10, 0, 0, 0, domain.Stockholm())}
		// The reminders 30 and 10 days before the deadline: the later one a second before it,
		// so that it is sent on a loaded machine too (a reminder due after the deadline is not).
		settings := domain.DefaultOfferSettings()
		settings.ReminderDays = []int{30, 10}
		startOfferDecisionOn(t, s, id, domain.DefaultCalendar(), clock, &settings)
	}
	for _, id := range []string{yes, no} {
		s.mustCLI(append([]string{"decide", id, "--gate", "offer", "--verdict", "approve", "--reason", "Beslut om erbjudande"}, lead...)...)
	}
	for _, id := range []string{yes, no} {
		s.waitForStage(id, string(domain.StageOfferRound), 10*time.Second)
	}

	// Every municipality but the first (Stockholm) says yes to "ja", in batches as the answer
	// form sends them; one says no to "nej".
	answer := func(id, code string, choice domain.AnswerChoice, n int) domain.AnswerInput {
		return domain.AnswerInput{Municipality: code, Answer: choice, Name: "Namn", Role: "Roll", SubmissionID: fmt.Sprintf("%s-%d", id, n)}
	}
	byLink := domain.Meta{By: domain.Actor{ID: "svarsformular", Role: domain.RoleMunicipality}}
	for from := 1; from < len(ms); from += 50 {
		b := domain.SubmitAnswers{Meta: byLink}
		for i := from; i < len(ms) && i < from+50; i++ {
			b.Answers = append(b.Answers, answer(yes, ms[i].Code, domain.AnswerYes, i))
		}
		_, err := s.admin.SubmitAnswers(ctx, yes, b, false)
		require.NoError(t, err)
	}
	_, err := s.admin.SubmitAnswers(ctx, no, domain.SubmitAnswers{Meta: byLink,
		Answers: []domain.AnswerInput{answer(no, ms[5].Code, domain.AnswerNo, 5)}}, false)
	require.NoError(t, err)
	offered, err := s.admin.OfferStatus(ctx, yes)
	require.NoError(t, err)
	require.True(t, time.Now().Before(offered.Clock.ToReal(offered.Deadline)),
		"the answers must arrive before the deadline; a slower machine needs a longer corpusDay")

	// The deadline: go for "ja", not reached for "nej".
	s.waitForStage(yes, string(domain.StageImplementation), 20*time.Second)
	s.waitForStage(no, string(domain.StageOfferNotReached), 20*time.Second)
	round, err := s.admin.OfferStatus(ctx, yes)
	require.NoError(t, err)
	assert.True(t, round.Go)
	for _, days := range []int{30, 10} { // the last may still be on its way as the round reports
		require.Eventually(t, func() bool {
			_, ok := sender.Get(fmt.Sprintf("reminder/%s/%d/%s", yes, days, ms[0].Code))
			return ok
		}, 10*time.Second, 50*time.Millisecond, "Stockholm, the only one that did not answer, is reminded %d days before the deadline", days)
	}

	// Stockholm joins in the late period; the implementation takes it in.
	_, err = s.admin.SubmitAnswers(ctx, yes, domain.SubmitAnswers{Meta: byLink,
		Answers: []domain.AnswerInput{answer(yes, ms[0].Code, domain.AnswerYes, 0)}}, false)
	require.NoError(t, err)
	require.Eventually(t, func() bool { code, _ := s.cli("impl", "status", yes); return code == 0 },
		10*time.Second, 50*time.Millisecond, "the implementation starts")
	cli := func(args ...string) string { return s.mustCLI(append(args, office...)...) }
	cli("impl", "plan", yes, "--goal", "effektmal,dagar,20", "--lower-is-better", "--reason", "Planen från kvalificeringen")
	cli("impl", "report", yes, "--period", "2027-Q2", "--group-on-schedule", "ja", "--municipalities-on-schedule", "ja",
		"--within-staff", "ja", "--within-budget", "ja", "--reason", "Kvartalsrapport")
	status, err := s.admin.ImplementationStatus(ctx, yes)
	require.NoError(t, err)
	require.NotEmpty(t, status.Implementation.Hearings)
	h := status.Implementation.Hearings[len(status.Implementation.Hearings)-1]
	cli("impl", "hearing", yes, "--hearing", h.ID, "--move-to", h.At.In(domain.Stockholm()).AddDate(0, 0, 7).Format("2006-01-02"),
		"--reason", "Krockar med rådsmötet")
	cli("impl", "join", yes, "--municipality", ms[1].Code, "--reason", "Anslöt under genomförandet")

	require.Eventually(t, func() bool {
		st, err := s.admin.ImplementationStatus(ctx, yes)
		return err == nil && st.Run >= 2 && participates(&st.Implementation, ms[0].Code)
	}, 30*time.Second, 100*time.Millisecond, "the quarter turns (continue as new) and the late joiner takes part")
	require.Eventually(t, func() bool {
		r, err := s.admin.OfferStatus(ctx, yes)
		return err == nil && r.Closed
	}, 30*time.Second, 100*time.Millisecond, "the late period ends")
	s.waitForStage(no, string(domain.StageNotImplemented), 30*time.Second, "--all")

	cli("impl", "stop", yes, "--reason", "Ersätts av en nationell tjänst")
	s.waitForStage(yes, string(domain.StageStopped), 10*time.Second, "--all")

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.InitiativeWorkflowID(yes), "", "../workflows/testdata/history_offer_go_stopped.json")
		recordRun(t, s, contract.OfferRoundWorkflowID(yes), "", "../workflows/testdata/history_offer_round_go_late.json")
		first := firstRun(t, s, contract.ImplementationWorkflowID(yes))
		recordRun(t, s, contract.ImplementationWorkflowID(yes), first, "../workflows/testdata/history_implementation_first_quarter.json")
		recordRun(t, s, contract.ImplementationWorkflowID(yes), "", "../workflows/testdata/history_implementation_stopped.json")
		recordRun(t, s, contract.InitiativeWorkflowID(no), "", "../workflows/testdata/history_offer_not_implemented.json")
		recordRun(t, s, contract.OfferRoundWorkflowID(no), "", "../workflows/testdata/history_offer_round_no_go.json")
	}
}

// firstRun is the ID of a workflow's first run (before any continue-as-new).
func firstRun(t *testing.T, s *system, workflowID string) string {
	d, err := s.admin.Temporal.DescribeWorkflowExecution(context.Background(), workflowID, "")
	require.NoError(t, err)
	return d.GetWorkflowExecutionInfo().GetFirstRunId()
}

func participates(im *domain.Implementation, code string) bool {
	for _, p := range im.Participants {
		if p.Code == code {
			return true
		}
	}
	return false
}
