package workflows

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/testsuite"
)

var countyCodes = []string{"01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"}

// testCycleConfig is the 21 county members and two other networks.
func testCycleConfig() domain.CycleConfig {
	var counties []domain.RegionRef
	for _, c := range countyCodes {
		counties = append(counties, domain.RegionRef{Code: c, Name: "Län " + c})
	}
	cfg := domain.DefaultCycleConfig(counties)
	cfg.Networks = cfg.Networks[:3] // council, the director network (3), the operations managers (2)
	return cfg
}

var (
	council = domain.Actor{ID: "ledamot.test", Role: domain.RoleCouncil}
	network = domain.Actor{ID: "natverk.test", Role: domain.RoleNetwork}
)

// members lists the 23 list-givers: the counties, then the two networks.
func members(cfg domain.CycleConfig) []string {
	var out []string
	for _, n := range cfg.Networks {
		for _, m := range n.Members {
			out = append(out, m.ID)
		}
	}
	return out
}

// listFor is member k's list: 5 to 10 initiatives from a rotation, so lists overlap unevenly.
func listFor(k, shift int) []string {
	n := 5 + k%6
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("i%02d", (k*3+i*2+shift)%30+1)
	}
	return out
}

func listCmd(cfg domain.CycleConfig, k int, by domain.Actor, shift int) domain.SubmitPriorities {
	return domain.SubmitPriorities{Meta: meta(by), Member: members(cfg)[k], Initiatives: listFor(k, shift)}
}

func actorFor(k int) domain.Actor {
	if k >= 21 {
		return network
	}
	return council
}

func rejectedCode(t *testing.T, r *reply) domain.ErrorCode {
	t.Helper()
	require.True(t, r.done)
	ve, ok := contract.ValidationErrorFrom(r.rejected)
	require.True(t, ok, "typed rejection, got %v", r.rejected)
	return ve.Code
}

func countByPrefix(msgs []mail.Message, prefix string) (n int, to []string) {
	for _, m := range msgs {
		if strings.HasPrefix(m.Key, prefix) {
			n++
			to = append(to, m.To...)
		}
	}
	return n, to
}

// A whole cycle, January 2027 to February 2028, with 30 initiatives, 21 county members and two
// networks: lists on time, late, replaced, entered on a member's behalf and missing; reminders;
// refused input; the three decisions; valuations; an escalation; and the initiatives not
// chosen back in the backlog, taken in by the next year's cycle.
func TestWholeCycle(t *testing.T) {
	start := sthlm(2027, 1, 15, 8, 0)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	box := mail.NewMemory()
	env.RegisterWorkflow(CycleWorkflow)
	env.RegisterActivity(&activities.Activities{Sender: mail.Outbox{Ledger: box}, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se",
		OfficeAddress: "kontoret@example.se",
		Addresses:     directory{without: map[string]bool{"county:25": true, "network:verksamhetschefsnatverken": true}}})
	w := newWorld()
	w.register(env)
	for i := 1; i <= 30; i++ {
		w.add(t, fmt.Sprintf("i%02d", i), sthlm(2026, 10, 1, 10, 0), true)
	}
	w.add(t, "n01", sthlm(2026, 10, 1, 10, 0), false) // not triaged: not ready for February
	cfg := testCycleConfig()
	at := func(tm time.Time, fn func()) { env.RegisterDelayedCallback(fn, tm.Sub(start)) }
	upd := func(tm time.Time, name string, arg any) *reply { return updateCycleAt(env, start, tm, name, arg) }

	// February round. 14 counties and the director network on 20 January, one county entered
	// by the office, county 0 replaces its list, three counties late but in time; the last three
	// counties and the operations managers never answer.
	var accepted []*reply
	for k := 0; k < 14; k++ {
		accepted = append(accepted, upd(sthlm(2027, 1, 20, 10, k), contract.MsgSubmitPriorities, listCmd(cfg, k, actorFor(k), 0)))
	}
	accepted = append(accepted, upd(sthlm(2027, 1, 20, 11, 0), contract.MsgSubmitPriorities, listCmd(cfg, 21, network, 0)))
	accepted = append(accepted, upd(sthlm(2027, 1, 22, 10, 0), contract.MsgSubmitPriorities, listCmd(cfg, 14, office, 0)))
	accepted = append(accepted, upd(sthlm(2027, 2, 10, 10, 0), contract.MsgSubmitPriorities, listCmd(cfg, 0, council, 7)))
	for k := 15; k < 18; k++ {
		accepted = append(accepted, upd(sthlm(2027, 2, 24, 10, k), contract.MsgSubmitPriorities, listCmd(cfg, k, council, 0)))
	}
	short := upd(sthlm(2027, 2, 24, 11, 0), contract.MsgSubmitPriorities, domain.SubmitPriorities{Meta: meta(council), Member: "county:23", Initiatives: []string{"i01", "i02", "i03", "i04"}})
	dup := upd(sthlm(2027, 2, 24, 11, 1), contract.MsgSubmitPriorities, domain.SubmitPriorities{Meta: meta(council), Member: "county:23", Initiatives: []string{"i01", "i02", "i03", "i04", "i01"}})
	outside := upd(sthlm(2027, 2, 24, 11, 2), contract.MsgSubmitPriorities, domain.SubmitPriorities{Meta: meta(council), Member: "county:23", Initiatives: []string{"i01", "i02", "i03", "i04", "n01"}})
	nobody := upd(sthlm(2027, 2, 24, 11, 3), contract.MsgSubmitPriorities, domain.SubmitPriorities{Meta: meta(council), Member: "county:99", Initiatives: listFor(1, 0)})
	late := upd(sthlm(2027, 3, 1, 10, 0), contract.MsgSubmitPriorities, listCmd(cfg, 18, council, 0))

	// The weighing-together the leadership decides from.
	var ranking []domain.Ranked
	at(sthlm(2027, 3, 1, 12, 0), func() {
		var lists []domain.PriorityList
		for k, m := range members(cfg) {
			shift := 0
			if k == 0 {
				shift = 7
			}
			if k < 18 || k == 21 {
				lists = append(lists, domain.PriorityList{Member: m, Network: map[bool]string{true: "kommundirektorsnatverket", false: "council"}[k == 21], Initiatives: listFor(k, shift)})
			}
		}
		ranking = domain.Rank(lists, map[string]int{"council": 1, "kommundirektorsnatverket": 3})
	})
	top := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = ranking[i].ID
		}
		return out
	}
	var report domain.CycleReport
	at(sthlm(2027, 3, 2, 9, 0), func() {
		v, err := env.QueryWorkflow(contract.QueryCycleReport)
		require.NoError(t, err)
		require.NoError(t, v.Get(&report))
	})

	// The leadership decides on 5 March: first naming an initiative outside the round.
	badDecision := upd(sthlm(2027, 3, 5, 10, 0), contract.MsgDecideCycle, domain.DecideCycle{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, Chosen: []string{"i01", "n01"}})
	var qa *reply
	at(sthlm(2027, 3, 5, 10, 30), func() {
		qa = &reply{}
		env.UpdateWorkflow(contract.MsgDecideCycle, "", &testsuite.TestUpdateCallback{OnAccept: func() {},
			OnReject:   func(err error) { qa.rejected, qa.done = err, true },
			OnComplete: func(v interface{}, err error) { qa.value, qa.rejected, qa.done = v, err, true }},
			domain.DecideCycle{Meta: meta(leadership), Gate: domain.GateQuickAnalysis, Chosen: top(6), Reference: "DL 2027-03"})
	})

	// April: the office records the quick analyses; May: council members value them and the
	// office records each initiative's valuation.
	at(sthlm(2027, 4, 10, 10, 0), func() {
		for _, id := range top(6) {
			w.do(t, id, domain.RecordQuickAnalysis{Meta: meta(office), OfferMeaning: "m", QualificationNeeds: "q"})
		}
	})
	var valuations []*reply
	at(sthlm(2027, 5, 5, 9, 0), func() {
		for k := 0; k < 5; k++ {
			for i, id := range top(6) {
				valuations = append(valuations, &reply{})
				r := valuations[len(valuations)-1]
				env.UpdateWorkflow(contract.MsgSubmitValuation, "", &testsuite.TestUpdateCallback{OnAccept: func() {},
					OnReject:   func(err error) { r.rejected, r.done = err, true },
					OnComplete: func(v interface{}, err error) { r.value, r.rejected, r.done = v, err, true }},
					domain.SubmitValuation{Meta: meta(council), Member: members(cfg)[k], Initiative: id, Score: 1 + (k+i)%5, Comment: "värdering"})
			}
		}
	})
	// A comment longer than the bound (cycle-text-bounded) is refused, naming its field, and
	// counts for nothing: the member stays among those missing below.
	tooLong := &reply{}
	at(sthlm(2027, 5, 6, 9, 30), func() {
		env.UpdateWorkflow(contract.MsgSubmitValuation, "", &testsuite.TestUpdateCallback{OnAccept: func() {},
			OnReject:   func(err error) { tooLong.rejected, tooLong.done = err, true },
			OnComplete: func(v interface{}, err error) { tooLong.value, tooLong.rejected, tooLong.done = v, err, true }},
			domain.SubmitValuation{Meta: meta(council), Member: members(cfg)[5], Initiative: top(6)[0], Score: 3,
				Comment: strings.Repeat("å", domain.MaxFreeTextLength+1)})
	})
	networkValuation := upd(sthlm(2027, 5, 6, 9, 0), contract.MsgSubmitValuation, domain.SubmitValuation{Meta: meta(network), Member: "network:kommundirektorsnatverket", Initiative: "i01", Score: 3, Comment: "x"})
	at(sthlm(2027, 5, 10, 10, 0), func() {
		for _, id := range top(6) {
			w.do(t, id, domain.RecordValuation{Meta: meta(office), GroupScore: 4, MunicipalScore: 3, Comment: "c"})
		}
	})
	// June passes undecided (escalation on 30 June 17:00); the decision comes on 2 July.
	var qual *reply
	at(sthlm(2027, 7, 2, 10, 0), func() {
		qual = &reply{}
		env.UpdateWorkflow(contract.MsgDecideCycle, "", &testsuite.TestUpdateCallback{OnAccept: func() {},
			OnReject:   func(err error) { qual.rejected, qual.done = err, true },
			OnComplete: func(v interface{}, err error) { qual.value, qual.rejected, qual.done = v, err, true }},
			domain.DecideCycle{Meta: meta(leadership), Gate: domain.GateQualification, Chosen: top(3)})
	})
	// Qualification: two complete plans, the third misses one must-requirement.
	at(sthlm(2027, 9, 15, 10, 0), func() {
		for i, id := range top(3) {
			w.do(t, id, domain.RecordQualification{Meta: meta(office), What: "w", WhoDoesWhat: "x", EffectGoal: "e", Cost: "c", Financing: "f"})
			for j, req := range domain.Requirements {
				if i == 2 && j == 0 {
					continue
				}
				w.do(t, id, domain.RecordRequirement{Meta: meta(office), Requirement: req, Met: true, Evidence: "bevis"})
			}
		}
	})
	// February 2028: choosing the incomplete one is refused; then the two complete ones.
	var offerBad, offer *reply
	decideAt := func(tm time.Time, target **reply, chosen func() []string) {
		at(tm, func() {
			r := &reply{}
			*target = r
			env.UpdateWorkflow(contract.MsgDecideCycle, "", &testsuite.TestUpdateCallback{OnAccept: func() {},
				OnReject:   func(err error) { r.rejected, r.done = err, true },
				OnComplete: func(v interface{}, err error) { r.value, r.rejected, r.done = v, err, true }},
				domain.DecideCycle{Meta: meta(leadership), Gate: domain.GateOffer, Chosen: chosen()})
		})
	}
	decideAt(sthlm(2028, 2, 10, 10, 0), &offerBad, func() []string { return top(3) })
	decideAt(sthlm(2028, 2, 10, 11, 0), &offer, func() []string { return top(2) })

	env.ExecuteWorkflow(CycleWorkflow, contract.CycleInput{Year: 2027, Config: cfg})
	require.True(t, env.IsWorkflowCompleted())
	require.NoError(t, env.GetWorkflowError())
	var final domain.CycleReport
	require.NoError(t, env.GetWorkflowResult(&final))

	// Every valid list was taken; every bad one refused with the right code.
	for i, r := range accepted {
		require.True(t, r.done, "list %d", i)
		require.NoError(t, r.rejected, "list %d", i)
	}
	assert.Equal(t, domain.CodeInvalidValue, rejectedCode(t, short))
	assert.Equal(t, domain.CodeInvalidValue, rejectedCode(t, dup))
	assert.Equal(t, domain.CodeInvalidValue, rejectedCode(t, outside))
	assert.Equal(t, domain.CodeInvalidValue, rejectedCode(t, nobody))
	assert.Equal(t, domain.CodeClosed, rejectedCode(t, late))

	// The round: 19 lists, one replaced, one on behalf, four missing, two reminders.
	assert.Equal(t, 30, len(report.Ranking))
	assert.Len(t, report.Lists, 19)
	require.Len(t, report.Replaced, 1)
	assert.Equal(t, listFor(0, 0), report.Replaced[0].Initiatives)
	assert.Equal(t, []string{"county:23", "county:24", "county:25", "network:verksamhetschefsnatverken"}, report.MissingLists)
	onBehalf := 0
	for _, l := range report.Lists {
		if l.OnBehalf {
			onBehalf++
			assert.Equal(t, "county:19", l.Member)
		}
	}
	assert.Equal(t, 1, onBehalf)
	require.Len(t, report.Reminders, 2)
	assert.Equal(t, 7, report.Reminders[0].DaysBefore)
	assert.Len(t, report.Reminders[0].Members, 7)
	assert.Equal(t, 2, report.Reminders[1].DaysBefore)
	assert.Equal(t, report.MissingLists, report.Reminders[1].Members)
	for i, r := range ranking {
		assert.Equal(t, r.ID, report.Ranking[i].ID, "rank %d", i+1)
		assert.Equal(t, r.Points, report.Ranking[i].Points, "rank %d", i+1)
	}

	// Decisions.
	assert.Equal(t, domain.CodeInvalidValue, rejectedCode(t, badDecision))
	require.True(t, qa.done)
	require.NoError(t, qa.rejected)
	assert.Len(t, qa.value.(contract.DecisionReceipt).Results, 30)
	require.True(t, qual.done)
	require.NoError(t, qual.rejected)
	require.True(t, offerBad.done)
	assert.Equal(t, domain.CodeRequirementsUnmet, rejectedCode(t, offerBad), "the incomplete one is still in qualification: its missing requirements are named")
	require.True(t, offer.done)
	require.NoError(t, offer.rejected)
	for _, r := range valuations {
		require.True(t, r.done)
		require.NoError(t, r.rejected)
	}
	assert.Equal(t, domain.CodeInvalidValue, rejectedCode(t, networkValuation))
	assert.Equal(t, domain.CodeInvalidValue, rejectedCode(t, tooLong))
	if ve, ok := contract.ValidationErrorFrom(tooLong.rejected); ok {
		assert.Equal(t, "comment", ve.Field)
	}
	require.Len(t, final.Decisions, 3)
	for _, d := range final.Decisions {
		for _, r := range d.Results {
			assert.Empty(t, r.Error, "%s %s", d.Gate, r.Initiative)
		}
	}
	require.Len(t, final.Valuations, 6)
	assert.Equal(t, 5, final.Valuations[0].Count)
	assert.Len(t, final.Valuations[0].Missing, 16)
	require.Len(t, final.Escalations, 1)
	assert.Equal(t, domain.PhaseFinalPrioritisation, final.Escalations[0].Phase)

	// The initiatives: two offered, the incomplete one still in qualification, every other
	// one back in the backlog for 2028 with this year's round recorded (by now, 10 February
	// 2028, in the 2028 February review).
	for _, id := range top(2) {
		assert.Equal(t, domain.StageOffered, w.get(id).Stage, id)
	}
	assert.Equal(t, domain.StageQualification, w.get(top(3)[2]).Stage)
	back := 0
	for i := 1; i <= 30; i++ {
		in := w.get(fmt.Sprintf("i%02d", i))
		if in.Stage == domain.StageFebruaryReview {
			back++
			assert.Equal(t, 2028, in.CycleYear)
			require.NotEmpty(t, in.EarlierRounds)
			require.NotNil(t, in.EarlierRounds[0].Round)
			assert.Equal(t, 2027, in.EarlierRounds[0].Round.CycleYear)
		}
	}
	assert.Equal(t, 27, back, "24 not chosen in February, 3 not qualified in June")
	assert.Equal(t, domain.StageBacklog, w.get("n01").Stage)

	// What went out: the round opening to 21 members with an address and one office notice
	// naming the other two; reminders only to those missing; one notice when the lists
	// closed; one escalation.
	msgs, err := box.Messages(context.Background())
	require.NoError(t, err)
	n, _ := countByPrefix(msgs, "round-open/cycle-2027/")
	assert.Equal(t, 22, n)
	n, to := countByPrefix(msgs, "reminder/cycle-2027/7/")
	assert.Equal(t, 6, n, "five members with an address, and the office for two")
	assert.Contains(t, to, "kontoret@example.se")
	n, _ = countByPrefix(msgs, "reminder/cycle-2027/2/")
	assert.Equal(t, 3, n)
	n, _ = countByPrefix(msgs, "lists-closed/cycle-2027")
	assert.Equal(t, 1, n)
	n, _ = countByPrefix(msgs, "escalation/cycle-2027/final_prioritisation")
	assert.Equal(t, 1, n)
	// The May valuation: its opening to the 21 council members (20 with an address, the office
	// for one; the networks do not value), and reminders 7 and 2 days before its deadline to
	// the 16 that had not valued all six (15 with an address, the office for one), each
	// leading to the member's own valuation page.
	n, _ = countByPrefix(msgs, "valuation-open/cycle-2027/")
	assert.Equal(t, 21, n)
	for _, days := range []string{"7", "2"} {
		n, _ = countByPrefix(msgs, "valuation-reminder/cycle-2027/"+days+"/")
		assert.Equal(t, 16, n, "%s days before", days)
	}
	for _, m := range msgs {
		switch m.Key {
		case "valuation-open/cycle-2027/county:01":
			assert.Contains(t, m.Body, "/konsol/cykel/2027/vardering?medlem=county%3A01")
			assert.Contains(t, m.Body, "senast 31 maj 2027 kl. 17.00")
		case "valuation-reminder/cycle-2027/7/county:01":
			t.Errorf("county:01 valued every quick analysis, and was reminded")
		}
	}

	// Next year: the cycle for 2028 takes in the 27 that came back.
	env2 := suite.NewTestWorkflowEnvironment()
	start2 := sthlm(2028, 1, 15, 8, 0)
	env2.SetStartTime(start2)
	env2.RegisterWorkflow(CycleWorkflow)
	env2.RegisterActivity(&activities.Activities{Sender: mail.Outbox{Ledger: box}, Lang: i18n.Swedish, LeadershipAddress: "ledningen@example.se"})
	w.register(env2)
	var status contract.CycleStatus
	env2.RegisterDelayedCallback(func() {
		v, err := env2.QueryWorkflow(contract.QueryCycleStatus)
		require.NoError(t, err)
		require.NoError(t, v.Get(&status))
		env2.CancelWorkflow()
	}, time.Hour)
	env2.ExecuteWorkflow(CycleWorkflow, contract.CycleInput{Year: 2028, Config: cfg})
	assert.Equal(t, 27, status.Participants)
	assert.Equal(t, domain.PhasePriorities, status.Phase)
}
