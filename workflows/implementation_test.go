package workflows

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// implResult is where one implementation update's answer lands.
type implResult struct {
	receipt  contract.ImplReceipt
	rejected error
	done     bool
}

// implUpdateAt sends an update to the initiative's implementation at a local instant.
func (h *offerHarness) implUpdateAt(at time.Time, name string, cmd any) *implResult {
	res := &implResult{}
	h.at(at, func() {
		h.updates++
		require.NoError(h.t, h.env.UpdateWorkflowByID(contract.ImplementationWorkflowID("bygglov"), name, fmt.Sprintf("impl-%d", h.updates), updateCallback(res), cmd))
	})
	return res
}

// implSignalAt sends a signal to the implementation at a local instant.
func (h *offerHarness) implSignalAt(at time.Time, name string, cmd any) {
	h.at(at, func() {
		require.NoError(h.t, h.env.SignalWorkflowByID(contract.ImplementationWorkflowID("bygglov"), name, cmd))
	})
}

func (h *offerHarness) implStatus() contract.ImplementationStatus {
	v, err := h.env.QueryWorkflowByID(contract.ImplementationWorkflowID("bygglov"), contract.QueryImplementationStatus)
	require.NoError(h.t, err)
	var s contract.ImplementationStatus
	require.NoError(h.t, v.Get(&s))
	return s
}

func report(period string, onSchedule bool) domain.SubmitReport {
	t, f := true, onSchedule
	return domain.SubmitReport{Meta: meta(office), Period: period, OnScheduleGroup: &t, OnScheduleMunicipalities: &f,
		WithinStaff: &t, WithinBudget: &t, Comment: "enligt plan"}
}

func measure(value float64, date string) domain.RecordMeasurement {
	return domain.RecordMeasurement{Meta: meta(office), Goal: "effektmal", Value: value, Unit: "procent", Date: date}
}

// A three-year implementation on the real calendar: the offer's go starts it with the
// yes-sayers, a late joiner is added, the office sets the plan, quarterly reports come in
// (one missing: reminded and escalated, once each; one late: reminded only; one replaced),
// measurements are entered, two hearings a year are invited (one moved and invited again)
// and held, events reach the municipalities as monthly digests (not one e-mail each, and
// none to the one that unsubscribed), the workflow continues as new every quarter with
// messages arriving exactly at the boundary, and completion with the final figure closes
// the initiative as completed.
func TestThreeYearImplementation(t *testing.T) {
	ms := sweden(t)[:13]
	h := newOfferHarness(t, sthlm(2027, 2, 1, 9, 0), ms)
	h.child = contract.OfferRoundWorkflowID("bygglov")
	offerDecision(h)
	h.submitAt(sthlm(2027, 3, 1, 10, 0), h.answers(linkActor, domain.AnswerYes, codes(ms[:11])...))
	lateYes := h.submitAt(sthlm(2027, 3, 30, 10, 0), h.answers(linkActor, domain.AnswerYes, ms[11].Code))

	plan := h.implUpdateAt(sthlm(2027, 3, 20, 10, 0), contract.MsgImplPlan, domain.SetPlan{Meta: meta(office),
		Milestones: []domain.MilestoneInput{{ID: "pilot", What: "Pilot i tre kommuner", Due: "2027-09-30"},
			{ID: "bred-inforing", What: "Alla deltagare i drift", Due: "2028-06-30"}, {ID: "forvaltning", What: "Överlämnat till förvaltning", Due: "2029-11-30"}},
		Goals: []domain.GoalInput{{ID: "effektmal", Unit: "procent", Target: 50}}})
	badUnit := h.implUpdateAt(sthlm(2027, 3, 21, 10, 0), contract.MsgImplMeasure, domain.RecordMeasurement{Meta: meta(office), Goal: "effektmal", Value: 3, Unit: "antal", Date: "2027-03-01"})
	unknownGoal := h.implUpdateAt(sthlm(2027, 3, 21, 10, 0), contract.MsgImplMeasure, domain.RecordMeasurement{Meta: meta(office), Goal: "nojd-kund", Value: 3, Unit: "procent", Date: "2027-03-01"})

	// Quarterly reports a few days before each due date (the 16th after the quarter), except
	// 2027-07 (never: reminded 16 Oct, escalated 30 Oct) and 2028-04 (late: after the reminder,
	// before the escalation); a first 2027-10 report comes in the last second of its period,
	// with a measurement, while the run is about to continue as new; 2029-01 is replaced.
	periods := []string{"2027-01", "2027-04", "2027-10", "2028-01", "2028-07", "2028-10", "2029-01", "2029-04", "2029-07"}
	var reports []*implResult
	for _, p := range periods {
		start, _ := time.ParseInLocation("2006-01", p, domain.Stockholm())
		due := start.AddDate(0, 3, 12).Add(10 * time.Hour)
		reports = append(reports, h.implUpdateAt(due, contract.MsgImplReport, report(p, true)))
	}
	lastSecond := sthlm(2027, 12, 31, 23, 59).Add(59 * time.Second)
	boundaryReport := h.implUpdateAt(lastSecond, contract.MsgImplReport, report("2027-Q4", false))
	h.implSignalAt(lastSecond, contract.MsgImplMeasure, measure(18, "2027-12-31"))
	// (The time-skipping environment cannot deliver a message in the instant between a
	// child's run ending and the next starting; TestImplementationContinuesAsNewLosingNothing
	// checks that hand-over on its own.)
	joined := h.implUpdateAt(sthlm(2028, 4, 2, 10, 0), contract.MsgImplJoin, domain.JoinImplementation{Meta: meta(office), Municipalities: []string{ms[0].Code, ms[12].Code}})
	lateReport := h.implUpdateAt(sthlm(2028, 7, 20, 10, 0), contract.MsgImplReport, report("2028-Q2", false))
	replaced := h.implUpdateAt(sthlm(2029, 4, 20, 10, 0), contract.MsgImplReport, report("2029-Q1", false))

	h.implUpdateAt(sthlm(2027, 10, 5, 10, 0), contract.MsgImplMilestone, domain.RecordMilestone{Meta: meta(office), Milestone: "pilot", Reached: "2027-10-04"})
	h.implUpdateAt(sthlm(2028, 6, 15, 10, 0), contract.MsgImplMilestone, domain.RecordMilestone{Meta: meta(office), Milestone: "bred-inforing"})
	for i, v := range []float64{12, 25, 33, 41} {
		d := sthlm(2027+i/2, time.Month(6*(i%2)+5), 2, 10, 0)
		h.implUpdateAt(d, contract.MsgImplMeasure, measure(v, d.AddDate(0, 0, -1).Format("2006-01-02")))
	}
	h.implUpdateAt(sthlm(2028, 10, 1, 10, 0), contract.MsgImplUnsubscribe, domain.Unsubscribe{Meta: meta(office), Municipality: ms[1].Code})
	moved := h.implUpdateAt(sthlm(2028, 5, 5, 10, 0), contract.MsgImplHearing, domain.RecordHearing{Meta: meta(office), Hearing: "2028-1", MoveTo: "2028-06-10",
		Venue: &domain.Venue{Place: "Inera, Östgötagatan 12", Link: "https://mote.example.se/hearing"}})
	for _, hr := range []struct {
		id string
		at time.Time
	}{{"2027-1", sthlm(2027, 5, 20, 16, 0)}, {"2027-2", sthlm(2027, 11, 20, 16, 0)}, {"2028-1", sthlm(2028, 6, 10, 16, 0)},
		{"2028-2", sthlm(2028, 11, 20, 16, 0)}, {"2029-1", sthlm(2029, 5, 20, 16, 0)}, {"2029-2", sthlm(2029, 11, 20, 16, 0)}} {
		h.implUpdateAt(hr.at, contract.MsgImplHearing, domain.RecordHearing{Meta: meta(office), Hearing: hr.id, Held: true})
	}

	var mid, beforeEnd contract.ImplementationStatus
	var midInitiative contract.Status
	h.at(sthlm(2027, 11, 2, 12, 0), func() { mid, midInitiative = h.implStatus(), h.initiativeStatus() })
	var afterPlan contract.Status
	h.at(sthlm(2027, 3, 20, 12, 0), func() { afterPlan = h.initiativeStatus() })
	h.at(sthlm(2029, 12, 9, 12, 0), func() { beforeEnd = h.implStatus() })
	done := h.implUpdateAt(sthlm(2029, 12, 10, 10, 0), contract.MsgImplComplete, domain.CompleteImplementation{
		Meta: domain.Meta{By: office, Reason: "Alla milstolpar nådda"}, Final: []domain.FinalFigure{{Goal: "effektmal", Value: 52, Unit: "procent"}}})

	settings := domain.DefaultOfferSettings()
	settings.AnswerDays, settings.LateDays = 31, 30 // deadline 13 March, late period to 12 April
	in := atOfferDecision(t, &settings)
	in.State.Qualification.ImplementationPeriod = "2027-2029"
	h.env.ExecuteWorkflow(InitiativeWorkflow, in)

	require.True(t, h.env.IsWorkflowCompleted())
	require.NoError(t, h.env.GetWorkflowError())
	var final domain.Initiative
	require.NoError(t, h.env.GetWorkflowResult(&final))

	// Bad input is refused and changes nothing.
	require.NoError(t, plan.rejected)
	require.NoError(t, lateYes.rejected)
	ve, ok := contract.ValidationErrorFrom(badUnit.rejected)
	require.True(t, ok, "%v", badUnit.rejected)
	assert.Equal(t, domain.CodeWrongUnit, ve.Code)
	ve, ok = contract.ValidationErrorFrom(unknownGoal.rejected)
	require.True(t, ok)
	assert.Equal(t, domain.CodeUnknownGoal, ve.Code)
	for i, r := range reports {
		require.True(t, r.done, periods[i])
		require.NoError(t, r.rejected, periods[i])
	}
	require.NoError(t, boundaryReport.rejected)
	require.NoError(t, joined.rejected)
	require.True(t, boundaryReport.done)
	require.NoError(t, lateReport.rejected)
	require.NoError(t, replaced.rejected)
	require.NoError(t, moved.rejected)
	require.NoError(t, done.rejected)
	assert.True(t, done.receipt.Ended)
	require.NotNil(t, done.receipt.Event)
	assert.Equal(t, domain.EvCompleted, done.receipt.Event.Kind)

	// The initiative: started the implementation with the yes-sayers, closed as completed.
	require.NotNil(t, midInitiative.Initiative.Implementation)
	assert.Equal(t, "implementation-bygglov", midInitiative.Initiative.Implementation.WorkflowID)
	assert.Equal(t, 11, midInitiative.Initiative.Implementation.Participants)
	// The implementation tells the initiative its next milestone (for the public case list):
	// the pilot once the plan is set, the next one once the pilot is reached.
	nextOf := func(s contract.Status) string {
		if p := s.Initiative.Implementation; p != nil && p.Progress != nil && p.Progress.Next != nil {
			return p.Progress.Next.ID + " " + p.Progress.Next.Due.In(domain.Stockholm()).Format("2006-01-02")
		}
		return "none"
	}
	assert.Equal(t, "pilot 2027-09-30", nextOf(afterPlan))
	assert.Equal(t, "bred-inforing 2028-06-30", nextOf(midInitiative))
	assert.Equal(t, domain.MilestoneImplementation, midInitiative.Initiative.Summary(sthlm(2027, 11, 2, 12, 0)).NextMilestone.Kind)
	assert.Equal(t, domain.StageCompleted, final.Stage)
	require.NotNil(t, final.Outcome)
	assert.Equal(t, "Alla milstolpar nådda", final.Outcome.Reason)
	require.NotNil(t, final.Implementation.Outcome)
	require.Len(t, final.Implementation.Outcome.Outcome.Final, 1)
	assert.True(t, final.Implementation.Outcome.Outcome.Final[0].Met)
	assert.Equal(t, 52.0, final.Implementation.Outcome.Outcome.Final[0].Latest.Value)

	// Midway: the late joiner came from the offer round, the missing report is escalated.
	im := mid.Implementation
	require.Len(t, im.Participants, 12)
	assert.Equal(t, domain.JoinOfferLate, im.Participants[11].Source)
	assert.True(t, mid.Escalated)
	assert.True(t, midInitiative.Initiative.Escalated(), "the initiative shows its implementation's escalated report (list --escalated, HandslagEscalated)")
	require.NotNil(t, mid.NextMilestone)
	assert.Equal(t, "bred-inforing", mid.NextMilestone.ID)
	assert.Equal(t, sthlm(2028, 6, 30, 0, 0), mid.NextMilestone.Date.In(domain.Stockholm()))
	require.NotNil(t, mid.Latest)

	// Before the end: every message, including those at the boundaries, is in the state, and
	// the workflow has continued as new every quarter.
	im = beforeEnd.Implementation
	assert.GreaterOrEqual(t, beforeEnd.Run, 11, "one run per quarter from Q1 2027 to Q4 2029")
	require.NotNil(t, im.Report("2027-10"))
	assert.Equal(t, 2, im.Report("2027-10").Version, "the report of 13 January replaced the one of the last second")
	assert.Nil(t, im.Report("2027-07"), "never came")
	assert.True(t, im.Report("2028-04").Late)
	var q1 []domain.StatusReport
	for _, r := range im.Reports {
		if r.Period == "2029-01" {
			q1 = append(q1, r)
		}
	}
	require.Len(t, q1, 2)
	assert.True(t, q1[0].Replaced)
	var values []float64
	for _, m := range im.Measurements {
		values = append(values, m.Value)
	}
	assert.Equal(t, []float64{12, 25, 18, 33, 41}, values, "the boundary signal's value is kept")
	assert.Len(t, im.Participants, 13, "a participant again changes nothing, the thirteenth joins")
	assert.True(t, beforeEnd.Escalated, "2027-07 never came: it stays escalated (and flagged in HandslagEscalated)")
	for _, hr := range im.Hearings {
		assert.Equal(t, domain.HearingHeld, hr.Status, hr.ID)
	}
	assert.True(t, im.Plan.Milestones[2].Reached.IsZero())

	// Reminders and escalations: each once, to the right periods.
	assert.Equal(t, []string{"impl/bygglov/report_escalation/2027-07"}, h.keys("impl/bygglov/report_escalation/"))
	assert.Equal(t, []string{"impl/bygglov/report_reminder/2027-07", "impl/bygglov/report_reminder/2028-04"}, h.keys("impl/bygglov/report_reminder/"))
	// Hearings: six, each invited to the office; the moved one twice (old and new date).
	invites := h.keys("impl/bygglov/hearing/")
	var office []string
	for _, k := range invites {
		if strings.HasSuffix(k, "/office") {
			office = append(office, strings.TrimPrefix(strings.TrimSuffix(k, "/office"), "impl/bygglov/hearing/"))
		}
	}
	assert.Equal(t, []string{"2027-1/2027-05-20", "2027-2/2027-11-20", "2028-1/2028-05-20", "2028-1/2028-06-10",
		"2028-2/2028-11-20", "2029-1/2029-05-20", "2029-2/2029-11-20"}, office)
	// The moved hearing's new invitation says where it is held; the first one said no place.
	movedInvite, ok := h.sender.Get("impl/bygglov/hearing/2028-1/2028-06-10/office")
	require.True(t, ok)
	assert.Contains(t, movedInvite.Body, "Plats: Inera, Östgötagatan 12\nVideolänk: https://mote.example.se/hearing")
	firstInvite, _ := h.sender.Get("impl/bygglov/hearing/2028-1/2028-05-20/office")
	assert.NotContains(t, firstInvite.Body, "Plats:")
	// Digests: at most one per month and municipality, not one per event.
	digests := h.keys("impl/bygglov/digest/")
	var officeDigests, unsubscribed int
	for _, k := range digests {
		if strings.HasSuffix(k, "/office") {
			officeDigests++
		}
		if strings.HasSuffix(k, "/"+ms[1].Code) && k > "impl/bygglov/digest/2028-10" && !strings.Contains(k, "/2028-09/") {
			unsubscribed++
		}
	}
	assert.LessOrEqual(t, officeDigests, 34, "March 2027 to December 2029, and the final one")
	assert.GreaterOrEqual(t, officeDigests, 20)
	assert.Less(t, officeDigests, len(im.Events), "events are gathered")
	assert.Zero(t, unsubscribed, "nothing after the unsubscription")
	_, ok = h.sender.Get("impl/bygglov/digest/final/office")
	assert.True(t, ok, "the ending goes out at once")
}
