package workflows

import (
	"testing"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// atOfferDecision is an initiative waiting for the leadership's offer decision in February
// 2027, with its qualification done and every must-requirement met.
func atOfferDecision(t *testing.T, settings *domain.OfferSettings) contract.InitiativeInput {
	in := testInput()
	st := domain.NewInitiative(in.Registration, sthlm(2025, 10, 15, 10, 0))
	st.Stage, st.CycleYear, st.Owner = domain.StageOfferDecision, 2026, domain.OwnerInera
	st.Qualification = &domain.QualificationPlan{What: "Bygga tjänsten", WhoDoesWhat: "Inera bygger", EffectGoal: "50 % digitala",
		Cost: "12 mnkr", Financing: "Abonnemang", ImplementationPeriod: "2027-2028"}
	for i := range st.Requirements {
		st.Requirements[i].Met, st.Requirements[i].Evidence = true, "protokoll"
	}
	in.State, in.Offer = st, settings
	return in
}

func (h *offerHarness) initiativeStatus() contract.Status {
	v, err := h.env.QueryWorkflow(contract.QueryStatus)
	require.NoError(h.t, err)
	var s contract.Status
	require.NoError(h.t, v.Get(&s))
	return s
}

func offerDecision(h *offerHarness) {
	h.at(sthlm(2027, 2, 10, 10, 0), func() {
		h.env.SignalWorkflow(contract.MsgDecide, contract.Decide{Meta: meta(leadership), Gate: domain.GateOffer, Verdict: domain.VerdictApprove})
	})
}

// The leadership offers; the initiative starts its offer round as a child with the
// qualification as content; enough yes at the deadline moves it to implementation.
func TestOfferedInitiativeRunsItsRoundAndGoesToImplementation(t *testing.T) {
	ms := sweden(t)
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), ms)
	h.child = contract.OfferRoundWorkflowID("bygglov")
	offerDecision(h)
	var open, afterDeadline contract.Status
	var round contract.OfferStatus
	h.at(sthlm(2027, 2, 11, 10, 0), func() { open, round = h.initiativeStatus(), h.status() })
	// Every municipality with more than 30 000 inhabitants says yes: well over 60 % of the
	// population.
	var big []string
	for _, m := range ms {
		if m.Population > 30000 {
			big = append(big, m.Code)
		}
	}
	yes := h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, big...))
	h.at(sthlm(2027, 4, 11, 17, 1), func() { afterDeadline = h.initiativeStatus() })
	h.at(sthlm(2027, 4, 12, 10, 0), func() { h.env.CancelWorkflow() })
	h.env.ExecuteWorkflow(InitiativeWorkflow, atOfferDecision(t, nil))

	require.NoError(t, yes.rejected)
	assert.Equal(t, domain.StageOfferRound, open.Initiative.Stage)
	require.NotNil(t, open.Initiative.Offer)
	assert.Equal(t, "offer-bygglov", open.Initiative.Offer.WorkflowID)
	assert.WithinDuration(t, sthlm(2027, 4, 11, 17, 0), open.Initiative.Offer.Deadline, 0, "60 calendar days, 17:00 local")
	assert.WithinDuration(t, sthlm(2027, 2, 24, 13, 0), round.Seminar, 0)
	assert.Equal(t, "Bygga tjänsten", round.Content.What)
	assert.Equal(t, "2027-2028", round.Content.ImplementationPeriod)
	assert.Len(t, h.keys("offer/bygglov/"), 290)

	assert.Equal(t, domain.StageImplementation, afterDeadline.Initiative.Stage)
	require.NotNil(t, afterDeadline.Initiative.Offer.Latest)
	assert.True(t, afterDeadline.Initiative.Offer.Latest.Go)
	assert.Equal(t, len(big), afterDeadline.Initiative.Offer.Latest.Tally.Yes)
}

// Too few yes: no-go at the deadline (waiting for late joiners), closed as not implemented
// when the late period ends.
func TestOfferedInitiativeWithoutEnoughYesIsNotImplemented(t *testing.T) {
	ms := sweden(t)[:12]
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), ms)
	h.child = contract.OfferRoundWorkflowID("bygglov")
	offerDecision(h)
	h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, ms[0].Code))
	var afterDeadline contract.Status
	h.at(sthlm(2027, 3, 13, 17, 1), func() { afterDeadline = h.initiativeStatus() })
	settings := domain.DefaultOfferSettings()
	settings.AnswerDays, settings.LateDays = 31, 30 // deadline 13 March, late period to 12 April
	h.env.ExecuteWorkflow(InitiativeWorkflow, atOfferDecision(t, &settings))

	require.True(t, h.env.IsWorkflowCompleted())
	require.NoError(t, h.env.GetWorkflowError())
	var final domain.Initiative
	require.NoError(t, h.env.GetWorkflowResult(&final))
	assert.Equal(t, domain.StageOfferNotReached, afterDeadline.Initiative.Stage)
	assert.Equal(t, domain.StageNotImplemented, final.Stage)
	require.NotNil(t, final.Outcome)
	assert.Equal(t, domain.StageNotImplemented, final.Outcome.Stage)
	assert.Len(t, final.Offer.Reports, 2, "deadline and final, each once")
}

// A withdrawal during the round closes the initiative and cancels the round: no reminder
// goes out afterwards.
func TestWithdrawalCancelsTheOfferRound(t *testing.T) {
	ms := sweden(t)[:12]
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), ms)
	offerDecision(h)
	h.at(sthlm(2027, 3, 1, 10, 0), func() {
		h.env.SignalWorkflow(contract.MsgWithdraw, contract.Withdraw{Meta: meta(office)})
	})
	h.env.ExecuteWorkflow(InitiativeWorkflow, atOfferDecision(t, nil))
	require.True(t, h.env.IsWorkflowCompleted())
	require.NoError(t, h.env.GetWorkflowError())
	var final domain.Initiative
	require.NoError(t, h.env.GetWorkflowResult(&final))
	assert.Equal(t, domain.StageWithdrawn, final.Stage)
	assert.Len(t, h.keys("offer/bygglov/"), 12)
	assert.Empty(t, h.keys("reminder/"), "the cancelled round sends no reminder")
}

// Without a municipality register the initiative stays offered and tries again later; the
// old behaviour (waiting in offered) is what histories recorded before offer rounds replay.
func TestOfferRoundWaitsForAMunicipalityRegister(t *testing.T) {
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), nil)
	offerDecision(h)
	var st contract.Status
	h.at(sthlm(2027, 2, 10, 12, 0), func() { st = h.initiativeStatus() })
	h.at(sthlm(2027, 2, 10, 13, 0), func() { h.env.CancelWorkflow() })
	h.env.ExecuteWorkflow(InitiativeWorkflow, atOfferDecision(t, nil))
	assert.Equal(t, domain.StageOffered, st.Initiative.Stage)
	assert.Nil(t, st.Initiative.Offer)
}

// A no-go at the deadline lifted by late joiners moves the initiative to implementation, and
// the end of the late period leaves it there.
func TestLateJoinersLiftTheInitiativeIntoImplementation(t *testing.T) {
	ms := sweden(t)[:12]
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), ms)
	h.child = contract.OfferRoundWorkflowID("bygglov")
	offerDecision(h)
	h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, ms[0].Code))
	late := h.submitAt(sthlm(2027, 3, 20, 10, 0), h.answers(linkActor, domain.AnswerYes, codes(ms)...))
	var afterDeadline, lifted, afterLate contract.Status
	h.at(sthlm(2027, 3, 13, 17, 1), func() { afterDeadline = h.initiativeStatus() })
	h.at(sthlm(2027, 3, 20, 11, 0), func() { lifted = h.initiativeStatus() })
	h.at(sthlm(2027, 4, 13, 10, 0), func() { afterLate = h.initiativeStatus() })
	h.at(sthlm(2027, 4, 14, 10, 0), func() { h.env.CancelWorkflow() })
	settings := domain.DefaultOfferSettings()
	settings.AnswerDays, settings.LateDays = 31, 30
	h.env.ExecuteWorkflow(InitiativeWorkflow, atOfferDecision(t, &settings))

	require.NoError(t, late.rejected)
	require.Len(t, late.results, 12)
	assert.True(t, late.results[1].Late)
	assert.Equal(t, domain.StageOfferNotReached, afterDeadline.Initiative.Stage)
	assert.Equal(t, domain.StageImplementation, lifted.Initiative.Stage)
	assert.Equal(t, domain.StageImplementation, afterLate.Initiative.Stage)
	phases := []domain.OfferPhase{}
	for _, r := range afterLate.Initiative.Offer.Reports {
		phases = append(phases, r.Phase)
	}
	assert.Equal(t, []domain.OfferPhase{domain.PhaseDeadline, domain.PhaseLifted, domain.PhaseFinal}, phases)
	_, ok := h.sender.Get("outcome/bygglov/lifted")
	assert.True(t, ok, "the leadership hears of the lift")
}

// A municipality that says yes after the go takes part in the implementation at once: it is
// invited to hearings and gets digests from then on, not only when the late period ends.
func TestALateJoinerAfterAGoJoinsTheImplementationAtOnce(t *testing.T) {
	ms := sweden(t)[:12]
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), ms)
	h.child = contract.OfferRoundWorkflowID("bygglov")
	offerDecision(h)
	h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, codes(ms[:11])...))
	late := h.submitAt(sthlm(2027, 3, 20, 10, 0), h.answers(linkActor, domain.AnswerYes, ms[11].Code))
	var soon contract.ImplementationStatus
	var initiative contract.Status
	h.at(sthlm(2027, 3, 20, 10, 5), func() { soon, initiative = h.implStatus(), h.initiativeStatus() })
	h.at(sthlm(2027, 3, 21, 10, 0), func() { h.env.CancelWorkflow() })
	settings := domain.DefaultOfferSettings()
	settings.AnswerDays, settings.LateDays = 31, 30 // deadline 13 March, late period to 12 April
	h.env.ExecuteWorkflow(InitiativeWorkflow, atOfferDecision(t, &settings))

	require.NoError(t, late.rejected)
	require.True(t, late.results[0].Late)
	var codesNow []string
	for _, p := range soon.Implementation.Participants {
		codesNow = append(codesNow, p.Code)
	}
	assert.Contains(t, codesNow, ms[11].Code, "a participant minutes after its late yes, not weeks later")
	assert.Len(t, codesNow, 12)
	assert.Equal(t, []string{ms[11].Code}, initiative.Initiative.Offer.LateJoiners)
}

// The offer settings' seminar venue goes into the round and into every offer e-mail, after
// the sentence that invites to the seminar.
func TestTheSettingsSeminarVenueIsInTheOfferEmails(t *testing.T) {
	ms := sweden(t)[:4]
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), ms)
	h.child = contract.OfferRoundWorkflowID("bygglov")
	offerDecision(h)
	settings := domain.DefaultOfferSettings()
	settings.SeminarVenue = domain.Venue{Place: "SKR, Hornsgatan 20", Link: "https://mote.example.se/bygglov"}
	var round contract.OfferStatus
	h.at(sthlm(2027, 2, 11, 10, 0), func() { round = h.status() })
	h.at(sthlm(2027, 2, 12, 10, 0), func() { h.env.CancelWorkflow() })
	h.env.ExecuteWorkflow(InitiativeWorkflow, atOfferDecision(t, &settings))

	assert.Equal(t, settings.SeminarVenue, round.SeminarVenue)
	keys := h.keys("offer/bygglov/")
	require.Len(t, keys, 4)
	for _, k := range keys {
		m, _ := h.sender.Get(k)
		assert.Contains(t, m.Body, "lanseringsseminariet 24 februari 2027 kl. 13.00.\nPlats: SKR, Hornsgatan 20\nVideolänk: https://mote.example.se/bygglov\n\n", k)
	}
}
