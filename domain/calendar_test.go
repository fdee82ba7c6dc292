package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sthlm(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, Stockholm())
}

func TestDefaultCalendarInstantsKeepLocalTimeAcrossDST(t *testing.T) {
	c := DefaultCalendar()
	require.NoError(t, c.Validate())
	cases := []struct {
		season   Season
		deadline bool
		want     time.Time
		utcHour  int // 09:00 local is 08:00 UTC in winter, 07:00 UTC in summer
	}{
		{SeasonFebruaryReview, false, sthlm(2026, 2, 1, 9, 0), 8},
		{SeasonFebruaryReview, true, sthlm(2026, 3, 15, 17, 0), 16},
		{SeasonQuickAnalysis, false, sthlm(2026, 4, 1, 9, 0), 7}, // after the March change
		{SeasonValuation, false, sthlm(2026, 5, 1, 9, 0), 7},
		{SeasonFinalPrioritisation, true, sthlm(2026, 6, 30, 17, 0), 15},
		{SeasonQualification, false, sthlm(2026, 9, 1, 9, 0), 7},
		{SeasonQualification, true, sthlm(2027, 1, 31, 17, 0), 16}, // after the October change
		{SeasonOfferDecision, false, sthlm(2027, 2, 1, 9, 0), 8},
	}
	for _, tc := range cases {
		got := c.Opens(tc.season, 2026)
		if tc.deadline {
			got = c.Deadline(tc.season, 2026)
		}
		assert.True(t, tc.want.Equal(got), "%s deadline=%v: got %v", tc.season, tc.deadline, got)
		assert.Equal(t, tc.utcHour, got.UTC().Hour(), "%s", tc.season)
	}
}

func TestCalendarValidateRejectsBadConfiguration(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Calendar)
		field string
	}{
		{"hour in the DST gap", func(c *Calendar) { c.Seasons.QuickAnalysis.Opens.Time = "02:30" }, "quick_analysis.opens.time"},
		{"not HH:MM", func(c *Calendar) { c.Seasons.Valuation.Deadline.Time = "5pm" }, "valuation.deadline.time"},
		{"30 February", func(c *Calendar) { c.Seasons.FebruaryReview.Deadline = DayTime{Month: 2, Day: 30, Time: "17:00"} }, "february_review.deadline.day"},
		{"month 13", func(c *Calendar) { c.Seasons.Valuation.Opens.Month = 13 }, "valuation.opens.month"},
		{"seasons out of order", func(c *Calendar) { c.Seasons.Valuation.Opens = DayTime{Month: 3, Day: 1, Time: "09:00"} }, "valuation.opens"},
		{"deadline before opening", func(c *Calendar) { c.Seasons.QuickAnalysis.Deadline = DayTime{Month: 4, Day: 1, Time: "08:00"} }, "quick_analysis.deadline"},
		{"demo day of zero", func(c *Calendar) { c.Demo = &DemoSettings{} }, "demo.day_length"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := DefaultCalendar()
			tc.edit(&c)
			err := c.Validate()
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, CodeInvalidCalendar, ve.Code)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	assert.NoError(t, DemoCalendar(time.Second).Validate())
}

func TestDemoClockScalesDaysAndRoundTrips(t *testing.T) {
	real0 := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	virtual0 := sthlm(2025, 10, 15, 9, 0)
	k := NewClock(DemoCalendar(time.Second), real0, virtual0)
	require.True(t, k.Scaled())
	// 109 calendar days from 15 October to 1 February, plus the hour the clocks went back.
	feb := sthlm(2026, 2, 1, 9, 0)
	wantOffset := time.Duration(float64(feb.Sub(virtual0)) / float64(24*time.Hour) * float64(time.Second))
	assert.Equal(t, real0.Add(wantOffset), k.ToReal(feb))
	assert.WithinDuration(t, feb, k.ToCalendar(k.ToReal(feb)), time.Second)
	// The real calendar is the identity.
	id := NewClock(DefaultCalendar(), real0, time.Time{})
	assert.Equal(t, feb, id.ToReal(feb))
}

func TestNextCycleYear(t *testing.T) {
	c := DefaultCalendar()
	k := Clock{}
	cases := []struct {
		now  time.Time
		want int
	}{
		{sthlm(2025, 10, 15, 12, 0), 2026},
		{sthlm(2026, 1, 31, 23, 59), 2026},
		{sthlm(2026, 2, 1, 8, 59), 2026},
		{sthlm(2026, 2, 1, 9, 0), 2027}, // the review has opened: next one
		{sthlm(2026, 12, 31, 12, 0), 2027},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, NextCycleYear(c, k, tc.now), "%v", tc.now)
	}
}
