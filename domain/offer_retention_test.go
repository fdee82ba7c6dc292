package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A closed round keeps who answered until its retention runs out, counted in the calendar
// from the closing day (a leap day and summer time between change nothing); then every name,
// role and comment goes and the decisions, the tally and the outcome stay. Nothing is
// forgotten before the date, before closing, or twice; a zero period leaves the answerers to
// the history's retention.
func TestAnswerersAreForgottenWhenTheirRetentionRunsOut(t *testing.T) {
	closed := time.Date(2027, 6, 30, 9, 0, 0, 0, Stockholm())
	newRound := func() *OfferRound {
		return &OfferRound{OfferSetup: OfferSetup{LateUntil: closed}, Answers: []AnswerVersion{
			{Municipality: "0114", Version: 1, Answer: AnswerNo, Name: "Bo Berg", Role: "Kommundirektör", Comment: "Vi väntar"},
			{Municipality: "0115", Version: 1, Answer: AnswerYes, Name: "Cecilia Ek", Role: "IT-chef"},
		}}
	}
	r := newRound()
	r.KeepAnswerers(Period{Years: 3})
	assert.Nil(t, r.Retention, "an open round sets no retention")

	r.Close(closed)
	r.Decision = &OfferDecision{Go: true, Tally: r.Tally(), At: closed}
	tally := r.Tally()
	r.KeepAnswerers(Period{Years: 3})
	require.NotNil(t, r.Retention)
	assert.Equal(t, time.Date(2030, 6, 30, 9, 0, 0, 0, Stockholm()), r.Retention.Until, "three calendar years after closing")
	r.KeepAnswerers(Period{Days: 1})
	assert.Equal(t, 2030, r.Retention.Until.Year(), "set once: the period in force at closing")

	wake, ok := r.NextWake(closed)
	require.True(t, ok, "a closed round still wakes for its retention")
	assert.Equal(t, "answerers_forgotten", wake.What)
	assert.True(t, wake.Real.Equal(r.Retention.Until))

	before := r.Retention.Until.Add(-time.Second)
	assert.False(t, r.ForgetAnswerers(before), "not a second early")
	assert.Equal(t, "Bo Berg", r.Answers[0].Name)

	require.True(t, r.ForgetAnswerers(r.Retention.Until))
	for _, a := range r.Answers {
		assert.Empty(t, a.Name)
		assert.Empty(t, a.Role)
		assert.Empty(t, a.Comment)
	}
	assert.Equal(t, AnswerNo, r.Answers[0].Answer, "the decision is the municipality's and stays")
	assert.Equal(t, tally, r.Tally())
	assert.True(t, r.Go())
	assert.False(t, r.ForgetAnswerers(r.Retention.Until.AddDate(1, 0, 0)), "once")
	_, ok = r.NextWake(r.Retention.Until)
	assert.False(t, ok, "nothing more to wake for")

	zero := newRound()
	zero.Close(closed)
	zero.KeepAnswerers(Period{})
	require.NotNil(t, zero.Retention)
	assert.False(t, zero.AnswerersWaiting(), "a zero period leaves them to the history's retention")
	assert.False(t, zero.ForgetAnswerers(closed.AddDate(10, 0, 0)))
}

// On a demo clock the period is counted in the demo's calendar: a demo day of one second makes
// a period of two days end two seconds after the closing.
func TestAnswerersRetentionFollowsTheDemoClock(t *testing.T) {
	real0 := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	virtual0 := time.Date(2027, 1, 15, 9, 0, 0, 0, Stockholm())
	r := &OfferRound{OfferSetup: OfferSetup{LateUntil: virtual0.AddDate(0, 0, 10),
		Clock: Clock{DayLength: time.Second, RealOrigin: real0, VirtualOrigin: virtual0}}}
	r.Close(real0.Add(10*time.Second + 40*time.Millisecond)) // the timer fires a little late
	r.KeepAnswerers(Period{Days: 2})
	assert.True(t, virtual0.AddDate(0, 0, 12).Equal(r.Retention.Until), "counted from the end of the late period: %v", r.Retention.Until)
	r.Retention, r.Closed = nil, false
	r.LateUntil = time.Time{} // a round without a late period counts from when it closed
	r.Close(real0.Add(10 * time.Second))
	r.KeepAnswerers(Period{Days: 2})
	assert.Equal(t, virtual0.AddDate(0, 0, 12), r.Retention.Until)
	assert.False(t, r.AnswerersDue(real0.Add(11*time.Second)))
	assert.True(t, r.AnswerersDue(real0.Add(12*time.Second)))
}
