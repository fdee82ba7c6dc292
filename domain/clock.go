package domain

import (
	"math/big"
	"time"
)

// Clock maps calendar instants (local dates in Europe/Stockholm) to the real instants at which
// the workflow wakes. On the real calendar it is the identity. On a demo calendar, time runs
// faster from an origin: one calendar day lasts DayLength of real time, so the same workflow
// code walks a whole year in minutes.
type Clock struct {
	// Zero for the real calendar.
	DayLength     time.Duration `json:"day_length,omitempty"`
	RealOrigin    time.Time     `json:"real_origin,omitempty"`
	VirtualOrigin time.Time     `json:"virtual_origin,omitempty"`
}

// NewClock builds the clock for a calendar, started at now. virtualStart, when not zero, is the
// calendar instant a demo begins at (for example 15 October); by default it is now.
func NewClock(c Calendar, now, virtualStart time.Time) Clock {
	if c.Demo == nil {
		return Clock{}
	}
	if virtualStart.IsZero() {
		virtualStart = now
	}
	return Clock{DayLength: c.Demo.DayLength, RealOrigin: now, VirtualOrigin: virtualStart}
}

// Scaled reports whether this is a demo clock.
func (k Clock) Scaled() bool { return k.DayLength > 0 }

var day = big.NewInt(int64(24 * time.Hour))

// ToReal returns the real instant at which the calendar instant v happens. Integer arithmetic
// keeps it exact and deterministic.
func (k Clock) ToReal(v time.Time) time.Time {
	if !k.Scaled() {
		return v
	}
	d := big.NewInt(int64(v.Sub(k.VirtualOrigin)))
	d.Mul(d, big.NewInt(int64(k.DayLength)))
	d.Quo(d, day)
	return k.RealOrigin.Add(time.Duration(d.Int64()))
}

// ToCalendar returns the calendar instant shown for the real instant r (for status output).
func (k Clock) ToCalendar(r time.Time) time.Time {
	if !k.Scaled() {
		return r.In(Stockholm())
	}
	d := big.NewInt(int64(r.Sub(k.RealOrigin)))
	d.Mul(d, day)
	d.Quo(d, big.NewInt(int64(k.DayLength)))
	// Durations saturate at ~292 years, far beyond any demo.
	return k.VirtualOrigin.Add(time.Duration(d.Int64())).In(Stockholm())
}

// reached reports whether the calendar instant v has happened at real time now.
func (k Clock) reached(now, v time.Time) bool { return !now.Before(k.ToReal(v)) }

// NextCycleYear is the cycle year of the first February review that opens after now.
func NextCycleYear(c Calendar, k Clock, now time.Time) int {
	y := k.ToCalendar(now).Year() - 1
	for k.reached(now, c.Opens(SeasonFebruaryReview, y)) {
		y++
	}
	return y
}
