package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var implOffice = Meta{By: Actor{ID: "kontoret", Role: RoleOffice}, Reason: "test"}

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

// newTestImplementation starts on 15 April 2027 (real calendar) for 2027-2029 with two
// participants, a milestone and a goal with unit and target.
func newTestImplementation(t *testing.T) *Implementation {
	t.Helper()
	im, err := NewImplementation(ImplementationSetup{InitiativeID: "bygglov", Title: "Bygglov", Start: local(2027, 4, 15, 17, 0),
		Settings: DefaultImplementationSettings(), Period: "2027-2029", EffectGoal: "50 % digitala ansökningar",
		Participants: []string{"0180", "1480", "0180", "bad"}, By: "offer-bygglov",
		Register: []OfferMunicipality{{Code: "1480", Name: "Göteborg"}, {Code: "0180", Name: "Stockholm"}, {Code: "1280", Name: "Malmö"}}})
	require.NoError(t, err)
	require.NoError(t, im.Apply(SetPlan{Meta: implOffice, Milestones: []MilestoneInput{{ID: "pilot", What: "Pilot i tre kommuner", Due: "2027-09-30"}},
		Goals: []GoalInput{{ID: "effektmal", Unit: "procent", Target: 50}}}, local(2027, 4, 16, 10, 0)))
	return im
}

func TestNewImplementationTakesThePlanFromTheQualification(t *testing.T) {
	im := newTestImplementation(t)
	assert.Equal(t, local(2027, 4, 15, 0, 0), im.Plan.Start, "the period cannot start before the go decision")
	assert.Equal(t, local(2029, 12, 31, 0, 0), im.Plan.End)
	assert.Equal(t, []string{"0180", "1480"}, []string{im.Participants[0].Code, im.Participants[1].Code})
	assert.Equal(t, "Stockholm", im.Participants[0].Name)
	require.Len(t, im.Plan.Goals, 1)
	assert.Equal(t, "50 % digitala ansökningar", im.Plan.Goals[0].Description)
	// Hearings: two a year within the period.
	var ids []string
	for _, h := range im.Hearings {
		ids = append(ids, h.ID)
	}
	assert.Equal(t, []string{"2027-1", "2027-2", "2028-1", "2028-2", "2029-1", "2029-2"}, ids)
	assert.Equal(t, local(2027, 11, 20, 13, 0), im.Hearings[1].At)

	free, err := NewImplementation(ImplementationSetup{InitiativeID: "utan-period", Start: local(2027, 4, 15, 17, 0),
		Settings: DefaultImplementationSettings(), Period: "tre år"})
	require.NoError(t, err)
	assert.Equal(t, local(2030, 4, 14, 0, 0), free.Plan.End, "three years by default")
}

func TestReportPeriodsAreCalendarQuartersAcrossDaylightSaving(t *testing.T) {
	im := newTestImplementation(t)
	ps := im.ReportPeriods()
	require.Len(t, ps, 11, "Q2 2027 to Q4 2029")
	assert.Equal(t, "2027-04", ps[0].ID)
	assert.Equal(t, local(2027, 7, 1, 0, 0), ps[0].End)
	assert.Equal(t, local(2027, 7, 16, 17, 0), ps[0].Due)
	assert.Equal(t, local(2027, 10, 16, 17, 0), ps[1].Due, "summer time")
	assert.Equal(t, local(2028, 1, 16, 17, 0), ps[2].Due, "winter time, still 17:00 local")
	p, ok := im.ReportPeriod("2028-Q1")
	require.True(t, ok)
	assert.Equal(t, "2028-01", p.ID)
	_, ok = im.ReportPeriod("2031-01")
	assert.False(t, ok)
}

func TestImplementationCommandsRejectBadInputAndChangeNothing(t *testing.T) {
	now := local(2027, 6, 1, 10, 0)
	cases := []struct {
		name string
		cmd  ImplCommand
		code ErrorCode
	}{
		{"report for an unknown period", SubmitReport{Meta: implOffice, Period: "2031-01", OnScheduleGroup: yes(), OnScheduleMunicipalities: yes(), WithinStaff: yes(), WithinBudget: yes()}, CodeUnknownPeriod},
		{"report for a period not begun", SubmitReport{Meta: implOffice, Period: "2027-Q4", OnScheduleGroup: yes(), OnScheduleMunicipalities: yes(), WithinStaff: yes(), WithinBudget: yes()}, CodeOutOfRange},
		{"report without an answer", SubmitReport{Meta: implOffice, Period: "2027-04", OnScheduleGroup: yes(), WithinStaff: yes(), WithinBudget: yes()}, CodeMissingField},
		{"measurement of an unknown goal", RecordMeasurement{Meta: implOffice, Goal: "okänt", Value: 1, Unit: "procent", Date: "2027-05-01"}, CodeUnknownGoal},
		{"measurement in the wrong unit", RecordMeasurement{Meta: implOffice, Goal: "effektmal", Value: 1, Unit: "antal", Date: "2027-05-01"}, CodeWrongUnit},
		{"measurement in the future", RecordMeasurement{Meta: implOffice, Goal: "effektmal", Value: 1, Unit: "procent", Date: "2027-07-01"}, CodeOutOfRange},
		{"measurement long before the start", RecordMeasurement{Meta: implOffice, Goal: "effektmal", Value: 1, Unit: "procent", Date: "2020-01-01"}, CodeOutOfRange},
		{"measurement with a bad date", RecordMeasurement{Meta: implOffice, Goal: "effektmal", Value: 1, Unit: "procent", Date: "1 maj"}, CodeInvalidValue},
		{"milestone unknown", RecordMilestone{Meta: implOffice, Milestone: "nope"}, CodeUnknownMilestone},
		{"milestone reached in the future", RecordMilestone{Meta: implOffice, Milestone: "pilot", Reached: "2027-06-02"}, CodeOutOfRange},
		{"milestone outside the period", SetPlan{Meta: implOffice, Milestones: []MilestoneInput{{ID: "sent", What: "x", Due: "2031-01-01"}}}, CodeOutOfRange},
		{"period ending before it starts", SetPlan{Meta: implOffice, Start: "2028-01-01", End: "2027-01-01"}, CodeOutOfRange},
		{"goal without unit", SetPlan{Meta: implOffice, Goals: []GoalInput{{ID: "nytt-mal", Description: "d"}}}, CodeMissingField},
		{"hearing unknown", RecordHearing{Meta: implOffice, Hearing: "2026-1", Held: true}, CodeUnknownHearing},
		{"hearing held before its date", RecordHearing{Meta: implOffice, Hearing: "2027-2", Held: true}, CodeOutOfRange},
		{"hearing moved to the past", RecordHearing{Meta: implOffice, Hearing: "2027-2", MoveTo: "2027-05-01"}, CodeOutOfRange},
		{"hearing both held and moved", RecordHearing{Meta: implOffice, Hearing: "2027-2", Held: true, MoveTo: "2027-12-01"}, CodeInvalidValue},
		{"hearing held with a venue", RecordHearing{Meta: implOffice, Hearing: "2027-2", Held: true, Venue: &Venue{Place: "SKR"}}, CodeInvalidValue},
		{"hearing with an empty venue", RecordHearing{Meta: implOffice, Hearing: "2027-2", Venue: &Venue{}}, CodeMissingField},
		{"hearing with a link that is not https", RecordHearing{Meta: implOffice, Hearing: "2027-2", Venue: &Venue{Link: "http://mote.example.se"}}, CodeInvalidValue},
		{"hearing neither held nor changed", RecordHearing{Meta: implOffice, Hearing: "2027-2"}, CodeInvalidValue},
		{"join an unknown municipality", JoinImplementation{Meta: implOffice, Municipalities: []string{"9999"}}, CodeUnknownMunicipality},
		{"unsubscribe a non-participant", Unsubscribe{Meta: implOffice, Municipality: "1280"}, CodeUnknownMunicipality},
		{"complete without the final figure", CompleteImplementation{Meta: implOffice}, CodeMissingField},
		{"complete with a wrong unit", CompleteImplementation{Meta: implOffice, Final: []FinalFigure{{Goal: "effektmal", Value: 3, Unit: "st"}}}, CodeWrongUnit},
		{"stop without a reason", StopImplementation{Meta: Meta{By: implOffice.By}}, CodeMissingField},
		{"a council member", StopImplementation{Meta: Meta{By: Actor{ID: "r", Role: RoleCouncil}, Reason: "x"}}, CodeForbiddenRole},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im := newTestImplementation(t)
			before := *im
			err := im.Apply(c.cmd, now)
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "got %v", err)
			assert.Equal(t, c.code, ve.Code, ve.Error())
			assert.Equal(t, before.Revision, im.Revision)
			assert.Len(t, im.Events, len(before.Events))
		})
	}
}

// A second report for the same period replaces the first, which is kept.
func TestASecondReportReplacesAndKeepsTheFirst(t *testing.T) {
	im := newTestImplementation(t)
	first := SubmitReport{Meta: implOffice, Period: "2027-Q2", OnScheduleGroup: yes(), OnScheduleMunicipalities: no(), WithinStaff: yes(), WithinBudget: yes()}
	require.NoError(t, im.Apply(first, local(2027, 7, 2, 10, 0)))
	second := first
	second.OnScheduleMunicipalities = yes()
	require.NoError(t, im.Apply(second, local(2027, 7, 20, 10, 0)))
	require.Len(t, im.Reports, 2)
	assert.True(t, im.Reports[0].Replaced)
	assert.Equal(t, 2, im.Report("2027-04").Version)
	assert.True(t, im.Report("2027-04").OnScheduleMunicipalities)
	assert.True(t, im.Report("2027-04").Late, "after the due date 16 July")
	assert.Equal(t, EvReportReplaced, im.Events[len(im.Events)-1].Kind)
}

// A missing report gets one reminder at its due date and one escalation 14 days later; a
// report arriving afterwards clears the escalation. A milestone is missed after its day.
func TestAdvanceRemindsEscalatesAndMissesOnce(t *testing.T) {
	im := newTestImplementation(t)
	kinds := func(as []ImplAction) []string {
		var out []string
		for _, a := range as {
			if a.Kind == ActDigest {
				continue // digests have their own test
			}
			out = append(out, a.Kind+":"+a.Ref)
		}
		return out
	}
	assert.Empty(t, kinds(im.Advance(local(2027, 7, 16, 16, 59))))
	assert.Equal(t, []string{"report_reminder:2027-04"}, kinds(im.Advance(local(2027, 7, 16, 17, 0))))
	assert.Empty(t, kinds(im.Advance(local(2027, 7, 16, 17, 1))), "once")
	w, ok := im.NextWake(local(2027, 7, 16, 17, 1))
	require.True(t, ok)
	assert.Equal(t, ImplWake{Real: local(2027, 7, 30, 17, 0), Calendar: local(2027, 7, 30, 17, 0), What: "escalation", Ref: "2027-04"}, w)
	assert.Equal(t, []string{"report_escalation:2027-04"}, kinds(im.Advance(local(2027, 8, 1, 9, 0))))
	assert.True(t, im.Escalated())
	require.NoError(t, im.Apply(SubmitReport{Meta: implOffice, Period: "2027-04", OnScheduleGroup: yes(), OnScheduleMunicipalities: yes(),
		WithinStaff: yes(), WithinBudget: no()}, local(2027, 8, 2, 9, 0)))
	assert.False(t, im.Escalated())

	assert.Equal(t, "pilot", im.NextMilestone().ID)
	im.Advance(local(2027, 10, 1, 0, 0))
	assert.True(t, im.Plan.Milestones[0].Missed)
	assert.Nil(t, im.NextMilestone())
	require.NoError(t, im.Apply(RecordMilestone{Meta: implOffice, Milestone: "pilot"}, local(2027, 10, 5, 9, 0)))
	assert.Equal(t, "sent", im.LatestEvent().Detail, "reached late")
}

// Events are gathered into one digest per month, not one e-mail each; hearings invite
// three weeks before; a moved hearing is invited again for its new date.
func TestDigestsGatherAMonthsEventsAndHearingsInvite(t *testing.T) {
	im := newTestImplementation(t)
	im.Advance(local(2027, 5, 1, 8, 0)) // April's start and plan change
	require.Len(t, im.Digests, 1)
	assert.Equal(t, "2027-04", im.Digests[0].Period)
	for d := 2; d <= 4; d++ {
		require.NoError(t, im.Apply(JoinImplementation{Meta: implOffice, Municipalities: []string{"1280"}}, local(2027, 5, d, 9, 0)))
	}
	require.NoError(t, im.Apply(RecordMeasurement{Meta: implOffice, Goal: "effektmal", Value: 12.5, Unit: "procent", Date: "2027-05-01"}, local(2027, 5, 3, 9, 0)))
	require.NoError(t, im.Apply(Unsubscribe{Meta: implOffice, Municipality: "1480"}, local(2027, 5, 3, 9, 0)))
	as := im.Advance(local(2027, 6, 1, 8, 0))
	require.Len(t, as, 1)
	assert.Equal(t, ActDigest, as[0].Kind)
	assert.Len(t, as[0].Events, 3, "the spring hearing's invitation, one join (the repeated ones change nothing) and one measurement; the unsubscription is not news")
	rs, _ := im.Recipients()
	assert.Len(t, rs, 2, "Göteborg unsubscribed")

	invitations := func(as []ImplAction) []ImplAction {
		var out []ImplAction
		for _, a := range as {
			if a.Kind == ActInvitation {
				out = append(out, a)
			}
		}
		return out
	}
	inv := invitations(im.Advance(local(2027, 10, 30, 13, 0)))
	require.Len(t, inv, 1)
	assert.Equal(t, "2027-2", inv[0].Ref)
	require.NoError(t, im.Apply(RecordHearing{Meta: implOffice, Hearing: "2027-2", MoveTo: "2027-12-04"}, local(2027, 11, 1, 9, 0)))
	assert.Empty(t, invitations(im.Advance(local(2027, 11, 12, 9, 0))), "the new invitation goes three weeks before 4 December")
	inv = invitations(im.Advance(local(2027, 11, 13, 13, 0)))
	require.Len(t, inv, 1)
	assert.Equal(t, local(2027, 12, 4, 13, 0), inv[0].At)
	require.NoError(t, im.Apply(RecordHearing{Meta: implOffice, Hearing: "2027-2", Held: true, Notes: "40 deltagare"}, local(2027, 12, 4, 16, 0)))
	h := im.Hearings[im.hearingIndex("2027-2")]
	assert.Equal(t, HearingHeld, h.Status)
	assert.Equal(t, []time.Time{local(2027, 11, 20, 13, 0)}, h.Moves)
}

func TestCompletionRecordsFinalFiguresAndClosesEverything(t *testing.T) {
	im := newTestImplementation(t)
	require.NoError(t, im.Apply(RecordMeasurement{Meta: implOffice, Goal: "effektmal", Value: 30, Unit: "procent", Date: "2028-01-31"}, local(2028, 2, 3, 9, 0)))
	r := im.GoalResults()
	require.Len(t, r, 1)
	assert.False(t, r[0].Met)
	assert.Equal(t, 20.0, r[0].Gap)
	require.NoError(t, im.Apply(CompleteImplementation{Meta: implOffice, Final: []FinalFigure{{Goal: "effektmal", Value: 55, Unit: "procent"}}}, local(2029, 12, 1, 9, 0)))
	require.NotNil(t, im.Outcome)
	assert.Equal(t, StageCompleted, im.Outcome.Stage)
	require.Len(t, im.Outcome.Final, 1)
	assert.True(t, im.Outcome.Final[0].Met)
	assert.Equal(t, local(2029, 12, 1, 0, 0), im.Outcome.Final[0].Latest.Date)
	assert.Nil(t, im.Advance(local(2030, 6, 1, 9, 0)))
	_, ok := im.NextWake(local(2030, 6, 1, 9, 0))
	assert.False(t, ok)
	var ve *ValidationError
	require.True(t, errors.As(im.Apply(StopImplementation{Meta: implOffice}, local(2029, 12, 2, 9, 0)), &ve))
	assert.Equal(t, CodeClosed, ve.Code)
	d, ok := im.FinalDigest(local(2029, 12, 1, 9, 0))
	require.True(t, ok)
	assert.Equal(t, EvCompleted, d.Events[len(d.Events)-1].Kind)
}

func TestParsePeriod(t *testing.T) {
	cases := []struct {
		in       string
		from, to time.Time
		ok       bool
	}{
		{"2027-2029", local(2027, 1, 1, 0, 0), local(2029, 12, 31, 0, 0), true},
		{"2027–2028", local(2027, 1, 1, 0, 0), local(2028, 12, 31, 0, 0), true},
		{"2027-05-01..2029-04-30", local(2027, 5, 1, 0, 0), local(2029, 4, 30, 0, 0), true},
		{"2029-2027", time.Time{}, time.Time{}, false},
		{"tre år", time.Time{}, time.Time{}, false},
		{"2027-02-30..2028-01-01", time.Time{}, time.Time{}, false},
	}
	for _, c := range cases {
		from, to, ok := ParsePeriod(c.in)
		assert.Equal(t, c.ok, ok, c.in)
		assert.True(t, from.Equal(c.from) && to.Equal(c.to), "%s: %v %v", c.in, from, to)
	}
}

func TestImplementationSettingsValidate(t *testing.T) {
	bad := []func(*ImplementationSettings){
		func(s *ImplementationSettings) { s.ReportEveryMonths = 5 },
		func(s *ImplementationSettings) { s.DigestEveryMonths = 0 },
		func(s *ImplementationSettings) { s.DueTime = "02:30" },
		func(s *ImplementationSettings) { s.HearingDates = s.HearingDates[:1] },
		func(s *ImplementationSettings) { s.HearingDates[1] = MonthDay{2, 30} },
	}
	for i, f := range bad {
		s := DefaultImplementationSettings()
		f(&s)
		assert.Error(t, s.Validate(), "case %d", i)
	}
	assert.NoError(t, DefaultImplementationSettings().Validate())
}

func TestNewsletterTakesTheMonthsPublicEventsWithoutUserIDs(t *testing.T) {
	a := newTestImplementation(t)
	require.NoError(t, a.Apply(RecordMeasurement{Meta: implOffice, Goal: "effektmal", Value: 20, Unit: "procent", Date: "2027-05-01"}, local(2027, 5, 3, 9, 0)))
	require.NoError(t, a.Apply(Unsubscribe{Meta: implOffice, Municipality: "0180"}, local(2027, 5, 4, 9, 0)))
	b := newTestImplementation(t)
	b.InitiativeID = "arkiv"
	month, err := ParseMonth("2027-05")
	require.NoError(t, err)
	got := Newsletter(month, []Implementation{*a, *b})
	require.Len(t, got, 1, "the other had no news in May")
	assert.Equal(t, "bygglov", got[0].InitiativeID)
	require.Len(t, got[0].Events, 1, "the unsubscription is not news")
	assert.Equal(t, EvMeasurement, got[0].Events[0].Kind)
	assert.Empty(t, got[0].Events[0].By)
	assert.Empty(t, got[0].Goals[0].Latest.By)
	_, err = ParseMonth("maj")
	assert.Error(t, err)
}

// The newsletter is a publication: no user IDs and no free-text reasons.
func TestNewsletterCarriesNoReasons(t *testing.T) {
	im := Implementation{InitiativeID: "bygglov", Title: "Bygglov", Events: []ImplEvent{
		{At: time.Date(2029, 1, 15, 10, 0, 0, 0, Stockholm()), Kind: EvStopped, By: "lena.ledningen", Reason: "Finansieringen drogs in"}}}
	news := Newsletter(time.Date(2029, 1, 1, 0, 0, 0, 0, Stockholm()), []Implementation{im})
	require.Len(t, news, 1)
	require.Len(t, news[0].Events, 1)
	assert.Empty(t, news[0].Events[0].Reason)
	assert.Empty(t, news[0].Events[0].By)
}
