package domain

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tally counts the latest answers; at the deadline only answers given by then count,
// and a late joiner that satisfies the rule afterwards is reported as a lift.
func TestTallyDecisionAndLateJoinerLift(t *testing.T) {
	r := testRound(t)
	before, deadline, after := local(2027, 3, 10, 10, 0), local(2027, 4, 1, 17, 0), local(2027, 4, 20, 10, 0)
	// Stockholm (40) and Göteborg (30) say yes, Stockholm changes to no: 30 % yes.
	r.Submit(batch(web, answer("0180", AnswerYes, "a"), answer("1480", AnswerYes, "b"), answer("0180", AnswerNo, "c")), before)
	tl := r.Tally()
	assert.Equal(t, Tally{Municipalities: 4, Yes: 1, No: 1, NotAnswered: 2, Population: 100, YesPopulation: 30,
		YesShareMunicipalities: 0.25, YesSharePopulation: 0.3}, tl)

	assert.False(t, r.Decide(before), "no decision before the deadline")
	require.True(t, r.Decide(deadline))
	assert.False(t, r.Decide(after), "decided once")
	require.NotNil(t, r.Decision)
	assert.False(t, r.Decision.Go)
	assert.False(t, r.Go())

	// Malmö (20) joins late: 50 %, still short. Then Kiruna (10): 60 %, lifted.
	r.Submit(batch(web, answer("1280", AnswerYes, "d")), after)
	assert.Nil(t, r.Lifted)
	r.Submit(batch(officeAct, answer("2584", AnswerYes, "e")), after.Add(time.Hour))
	require.NotNil(t, r.Lifted)
	assert.True(t, r.Go())
	assert.Equal(t, 2, r.Lifted.Tally.LateYes)
	assert.EqualValues(t, 60, r.Lifted.Tally.YesPopulation)
	assert.Equal(t, 1, r.TallyAtDeadline().Yes, "the deadline's tally does not change")

	assert.False(t, r.CloseIfOver(after))
	assert.True(t, r.CloseIfOver(local(2027, 7, 1, 17, 0)))
	assert.True(t, r.Closed)
}

func TestGoAtTheDeadline(t *testing.T) {
	r := testRound(t)
	r.Submit(batch(web, answer("0180", AnswerYes, "a"), answer("1280", AnswerYes, "b")), local(2027, 3, 10, 10, 0))
	require.True(t, r.Decide(local(2027, 4, 1, 17, 0)))
	assert.True(t, r.Decision.Go)
	assert.Nil(t, r.Lifted)
	assert.True(t, r.Go())
}

// Reminders fall on calendar days before the deadline at its local time, also across the
// daylight-saving change on 28 March 2027 (not multiples of 24 hours).
func TestReminderPlanUsesCalendarDays(t *testing.T) {
	plan, err := ReminderPlan(local(2027, 4, 1, 17, 0), []int{3, 14})
	require.NoError(t, err)
	assert.Equal(t, []Reminder{{14, local(2027, 3, 18, 17, 0)}, {3, local(2027, 3, 29, 17, 0)}}, plan)
	assert.NotEqual(t, local(2027, 4, 1, 17, 0).Add(-14*24*time.Hour), plan[0].At, "not N*24h")

	for _, bad := range [][]int{{0}, {366}, {3, 3}} {
		_, err := ReminderPlan(local(2027, 4, 1, 17, 0), bad)
		assertCode(t, err, CodeInvalidValue, "reminder_days")
	}
}

func TestRemindersGoOnceAndOnlyWhenDue(t *testing.T) {
	r := testRound(t)
	_, ok := r.DueReminder(local(2027, 3, 20, 10, 0))
	assert.False(t, ok, "nothing before the offers are out")
	r.RecordDelivery(Delivery{Sent: 4}, local(2027, 2, 20, 10, 0))

	w, ok := r.NextWake(local(2027, 2, 20, 10, 0))
	require.True(t, ok)
	assert.Equal(t, RoundWake{What: "reminder:14", Calendar: local(2027, 3, 18, 17, 0), Real: local(2027, 3, 18, 17, 0)}, w)

	// The worker was down from before the 14-day reminder until after the 3-day one: only the
	// 3-day reminder goes, the 14-day one is skipped.
	rem, ok := r.DueReminder(local(2027, 3, 30, 10, 0))
	require.True(t, ok)
	assert.Equal(t, 3, rem.DaysBefore)
	r.Submit(batch(web, answer("0180", AnswerYes, "a")), local(2027, 3, 30, 10, 0))
	assert.Len(t, r.NotAnswered(), 3, "only those who have not answered get a reminder")
	r.RecordReminder(rem, len(r.NotAnswered()), local(2027, 3, 30, 10, 0))
	assert.Equal(t, []ReminderRecord{{DaysBefore: 14, At: local(2027, 3, 30, 10, 0), Skipped: SkipSuperseded},
		{DaysBefore: 3, Sent: true, Recipients: 3, At: local(2027, 3, 30, 10, 0)}}, r.Reminders)
	_, ok = r.DueReminder(local(2027, 3, 31, 10, 0))
	assert.False(t, ok, "at most once each")

	w, ok = r.NextWake(local(2027, 3, 30, 10, 0))
	require.True(t, ok)
	assert.Equal(t, "deadline", w.What)
	r.Decide(local(2027, 4, 1, 17, 0))
	w, _ = r.NextWake(local(2027, 4, 1, 17, 0))
	assert.Equal(t, "late_end", w.What)
}

// A round recorded before late reminders existed skips a reminder whose time passed while the
// offers went out, and now says why.
func TestRemindersWhoseTimeHasPassedBeforeTheOfferAreSkipped(t *testing.T) {
	r := testRound(t)
	r.RecordDelivery(Delivery{Sent: 4}, local(2027, 3, 25, 10, 0)) // after the 14-day reminder
	require.Len(t, r.Reminders, 1)
	assert.Equal(t, ReminderRecord{DaysBefore: 14, At: local(2027, 3, 25, 10, 0), Skipped: SkipBeforeDelivery}, r.Reminders[0])
	_, ok := r.DueReminder(local(2027, 3, 26, 10, 0))
	assert.False(t, ok)
}

// A reminder whose time comes while the offers are still going out is sent late, marked so,
// once they are out; one whose time had passed before the round started is skipped with that
// reason. None is dropped without a record.
func TestAReminderDueDuringTheFanOutGoesOutLate(t *testing.T) {
	r := testRound(t)
	r.LateReminders = true
	// The round starts after the 14-day reminder's time; the offers take until after the
	// 3-day reminder's.
	r.RecordDelivery(Delivery{Sent: 4, Started: local(2027, 3, 20, 10, 0)}, local(2027, 3, 29, 18, 0))
	require.Equal(t, []ReminderRecord{{DaysBefore: 14, At: local(2027, 3, 29, 18, 0), Skipped: SkipBeforeOffer}}, r.Reminders)
	rem, ok := r.DueReminder(local(2027, 3, 29, 18, 0))
	require.True(t, ok, "due at once, though its time has passed")
	assert.Equal(t, 3, rem.DaysBefore)
	r.RecordReminder(rem, 4, local(2027, 3, 29, 18, 0))
	assert.Equal(t, ReminderRecord{DaysBefore: 3, Sent: true, Recipients: 4, At: local(2027, 3, 29, 18, 0), Late: true}, r.Reminders[1])
	_, ok = r.DueReminder(local(2027, 3, 30, 10, 0))
	assert.False(t, ok, "at most once")
}

func TestOfferSettingsSchedule(t *testing.T) {
	s := DefaultOfferSettings()
	require.NoError(t, s.Validate())
	seminar, deadline, late := s.Schedule(local(2027, 2, 10, 10, 0))
	assert.Equal(t, local(2027, 2, 24, 13, 0), seminar)
	assert.Equal(t, local(2027, 4, 11, 17, 0), deadline, "60 calendar days, across the DST change, at 17:00")
	assert.Equal(t, local(2027, 7, 10, 17, 0), late)

	bad := []struct {
		edit  func(*OfferSettings)
		field string
	}{
		{func(s *OfferSettings) { s.DeadlineTime = "02:30" }, "deadline_time"},
		{func(s *OfferSettings) { s.SeminarTime = "13" }, "seminar_time"},
		{func(s *OfferSettings) { s.AnswerDays = 10 }, "answer_days"},
		{func(s *OfferSettings) { s.ReminderDays = []int{60} }, "reminder_days"},
		{func(s *OfferSettings) { s.LateDays = -1 }, "late_days"},
		{func(s *OfferSettings) { s.Rule = DecisionRule{MinYes: -2} }, "rule.min_yes"},
	}
	for _, b := range bad {
		s := DefaultOfferSettings()
		b.edit(&s)
		assertCode(t, s.Validate(), CodeInvalidValue, b.field)
	}
}

func TestAnswersCSVListsEveryVersionAndEveryMunicipality(t *testing.T) {
	r := testRound(t)
	r.Submit(batch(web, answer("0180", AnswerYes, "a")), local(2027, 3, 10, 10, 0))
	in := answer("0180", AnswerNo, "b")
	in.Comment = "=HYPERLINK(\"x\")"
	r.Submit(batch(officeAct, in), local(2027, 3, 11, 10, 0))
	var buf bytes.Buffer
	require.NoError(t, WriteAnswersCSV(&buf, r))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+2+3, "header, two versions of Stockholm, three without an answer")
	assert.Equal(t, AnswersCSVHeader, rows[0])
	assert.Equal(t, []string{"0180", "Stockholm", "01", "40", "1", "false", "yes", "Kim Svensson", "Kommundirektör", "",
		"link", "svarsformular", "a", "2027-03-10T10:00:00+01:00", "false"}, rows[1])
	assert.Equal(t, "'=HYPERLINK(\"x\")", rows[2][9], "a formula is neutralised")
	assert.Equal(t, "office", rows[2][10])
	assert.Equal(t, "true", rows[2][5])
	assert.Equal(t, []string{"1280", "Malmö", "12", "20", "0", "true", "", "", "", "", "", "", "", "", ""}, rows[3])
}

// On a demo calendar the round's dates are calendar instants and its timers fire at the
// scaled real instants, exactly as the initiative's seasons do.
func TestOfferRoundOnADemoClock(t *testing.T) {
	r := testRound(t)
	realStart := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	r.Clock = Clock{DayLength: time.Second, RealOrigin: realStart, VirtualOrigin: local(2027, 2, 10, 10, 0)}
	r.RecordDelivery(Delivery{Sent: 4}, realStart)
	w, ok := r.NextWake(realStart)
	require.True(t, ok)
	assert.Equal(t, "reminder:14", w.What)
	assert.Equal(t, r.Clock.ToReal(local(2027, 3, 18, 17, 0)), w.Real)
	assert.Less(t, w.Real.Sub(realStart), 2*time.Minute, "about 36 demo days: 36 seconds")

	deadline := r.Clock.ToReal(r.Deadline)
	assert.False(t, r.Decide(deadline.Add(-time.Millisecond)))
	res := r.Submit(batch(web, answer("0180", AnswerNo, "a")), deadline.Add(time.Millisecond))
	assert.Equal(t, CodeDeadlinePassed, res[0].Error.Code, "the deadline is the scaled one")
	assert.True(t, r.Decide(deadline))
}
