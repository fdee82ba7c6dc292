package domain

import (
	"fmt"
	"time"
	_ "time/tzdata" // ship the zone database: Europe/Stockholm must work on any machine
)

// StockholmZone is the zone every calendar instant is computed in.
const StockholmZone = "Europe/Stockholm"

// Stockholm returns the Europe/Stockholm location (embedded tzdata, so it never fails).
func Stockholm() *time.Location { return stockholm }

// stockholm is loaded once: time.LoadLocation reads and parses the zone data on every call,
// which the answer path (every receipt's date) paid for each answer. A *time.Location is
// read-only once loaded, so sharing it is safe in workflows too.
var stockholm = func() *time.Location {
	loc, err := time.LoadLocation(StockholmZone)
	if err != nil {
		panic(err) // unreachable: time/tzdata is linked in
	}
	return loc
}()

// Season is a named window of the yearly calendar.
type Season string

const (
	SeasonFebruaryReview      Season = "february_review"
	SeasonQuickAnalysis       Season = "quick_analysis"
	SeasonValuation           Season = "valuation"
	SeasonFinalPrioritisation Season = "final_prioritisation"
	SeasonQualification       Season = "qualification"
	SeasonOfferDecision       Season = "offer_decision"
)

// DayTime is a local wall-clock moment of the cycle, relative to the cycle year (the year of
// the February review): YearOffset 1 is the following year.
type DayTime struct {
	YearOffset int    `json:"year_offset,omitempty"`
	Month      int    `json:"month"`
	Day        int    `json:"day"`
	Time       string `json:"time"` // "HH:MM", local time in Europe/Stockholm
}

// Window is when a season opens and the deadline for what it waits for.
type Window struct {
	Opens    DayTime `json:"opens"`
	Deadline DayTime `json:"deadline"`
}

// Seasons holds the six windows of one cycle, in process order.
type Seasons struct {
	FebruaryReview      Window `json:"february_review"`
	QuickAnalysis       Window `json:"quick_analysis"`
	Valuation           Window `json:"valuation"`
	FinalPrioritisation Window `json:"final_prioritisation"`
	Qualification       Window `json:"qualification"`
	OfferDecision       Window `json:"offer_decision"`
}

// DemoSettings scales the calendar so that a whole cycle passes in minutes. A calendar with
// Demo set is a demo calendar; status output marks it as such.
type DemoSettings struct {
	// DayLength is how long one calendar day lasts in real time.
	DayLength time.Duration `json:"day_length"`
}

// Calendar is the season configuration. It is data, not code: the process changes between
// years, and PROCESS.md only gives the defaults.
type Calendar struct {
	Name    string        `json:"name"`
	Seasons Seasons       `json:"seasons"`
	Demo    *DemoSettings `json:"demo,omitempty"`
}

// DefaultCalendar is the 2025 process (seed 001): February review, quick analysis in April,
// valuation in May, final prioritisation in June, qualification September to January, and the
// offer decision at the start of the next year.
func DefaultCalendar() Calendar {
	at := func(off, m, d int, hm string) DayTime { return DayTime{YearOffset: off, Month: m, Day: d, Time: hm} }
	return Calendar{
		Name: "Beredningsprocessen 2025",
		Seasons: Seasons{
			FebruaryReview:      Window{at(0, 2, 1, "09:00"), at(0, 3, 15, "17:00")},
			QuickAnalysis:       Window{at(0, 4, 1, "09:00"), at(0, 4, 30, "17:00")},
			Valuation:           Window{at(0, 5, 1, "09:00"), at(0, 5, 31, "17:00")},
			FinalPrioritisation: Window{at(0, 6, 1, "09:00"), at(0, 6, 30, "17:00")},
			Qualification:       Window{at(0, 9, 1, "09:00"), at(1, 1, 31, "17:00")},
			OfferDecision:       Window{at(1, 2, 1, "09:00"), at(1, 3, 15, "17:00")},
		},
	}
}

// DemoCalendar is the default calendar with days scaled to dayLength.
func DemoCalendar(dayLength time.Duration) Calendar {
	c := DefaultCalendar()
	c.Name = "DEMO: " + c.Name
	c.Demo = &DemoSettings{DayLength: dayLength}
	return c
}

// IsDemo reports whether the calendar is scaled.
func (c Calendar) IsDemo() bool { return c.Demo != nil }

// Window returns the window of a season.
func (c Calendar) Window(s Season) Window {
	switch s {
	case SeasonFebruaryReview:
		return c.Seasons.FebruaryReview
	case SeasonQuickAnalysis:
		return c.Seasons.QuickAnalysis
	case SeasonValuation:
		return c.Seasons.Valuation
	case SeasonFinalPrioritisation:
		return c.Seasons.FinalPrioritisation
	case SeasonQualification:
		return c.Seasons.Qualification
	case SeasonOfferDecision:
		return c.Seasons.OfferDecision
	}
	panic("unknown season " + string(s))
}

// AllSeasons lists the seasons in process order.
var AllSeasons = []Season{SeasonFebruaryReview, SeasonQuickAnalysis, SeasonValuation,
	SeasonFinalPrioritisation, SeasonQualification, SeasonOfferDecision}

// Opens is the local calendar instant when season s of cycle year y opens.
func (c Calendar) Opens(s Season, y int) time.Time { return c.Window(s).Opens.In(y) }

// Deadline is the local calendar instant of season s's deadline in cycle year y.
func (c Calendar) Deadline(s Season, y int) time.Time { return c.Window(s).Deadline.In(y) }

// In computes the instant with time.Date in Europe/Stockholm, so a date keeps its wall-clock
// time across daylight-saving changes (never N×24h from another instant).
func (d DayTime) In(cycleYear int) time.Time {
	h, m, _ := d.clock()
	return time.Date(cycleYear+d.YearOffset, time.Month(d.Month), d.Day, h, m, 0, 0, Stockholm())
}

// Clock returns the hour and minute of Time.
func (d DayTime) Clock() (int, int, error) { return d.clock() }

// Validate checks the instant: a real date, HH:MM outside 02:00-03:00, a year offset of 0 or 1.
func (d DayTime) Validate(field string) error { return d.validate(field) }

func (d DayTime) clock() (int, int, error) {
	var h, m int
	if n, err := fmt.Sscanf(d.Time, "%d:%d", &h, &m); err != nil || n != 2 || len(d.Time) != 5 {
		return 0, 0, fmt.Errorf("time %q is not HH:MM", d.Time)
	}
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, fmt.Errorf("time %q is out of range", d.Time)
	}
	return h, m, nil
}

func (d DayTime) validate(field string) error {
	h, _, err := d.clock()
	if err != nil {
		return (&ValidationError{Code: CodeInvalidCalendar, Field: field + ".time", Detail: d.Time}).hint("format_time")
	}
	// 02:00-02:59 does not exist on the spring DST night and happens twice in the autumn.
	if h == 2 {
		return (&ValidationError{Code: CodeInvalidCalendar, Field: field + ".time", Detail: d.Time}).hint("dst_hour")
	}
	if d.Month < 1 || d.Month > 12 {
		return &ValidationError{Code: CodeInvalidCalendar, Field: field + ".month", Detail: fmt.Sprint(d.Month)}
	}
	// Check the day against a leap year so that 29 February is allowed but 30 February is not.
	if t := time.Date(2028, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC); d.Day < 1 || t.Day() != d.Day {
		return &ValidationError{Code: CodeInvalidCalendar, Field: field + ".day", Detail: fmt.Sprint(d.Day)}
	}
	if d.YearOffset < 0 || d.YearOffset > 1 {
		return &ValidationError{Code: CodeInvalidCalendar, Field: field + ".year_offset", Detail: fmt.Sprint(d.YearOffset)}
	}
	return nil
}

// Validate checks every instant and that the seasons follow each other in process order,
// each deadline after its opening.
func (c Calendar) Validate() error {
	if c.Demo != nil && c.Demo.DayLength <= 0 {
		return &ValidationError{Code: CodeInvalidCalendar, Field: "demo.day_length", Detail: c.Demo.DayLength.String()}
	}
	var prev time.Time
	prevName := ""
	// 2027 is a plain year; checking one concrete cycle proves the order for all.
	for _, s := range AllSeasons {
		w := c.Window(s)
		for _, p := range []struct {
			name string
			at   DayTime
		}{{string(s) + ".opens", w.Opens}, {string(s) + ".deadline", w.Deadline}} {
			if err := p.at.validate(p.name); err != nil {
				return err
			}
			t := p.at.In(2027)
			if !prev.IsZero() && !t.After(prev) {
				return &ValidationError{Code: CodeInvalidCalendar, Field: p.name,
					Hint: "season_order", Params: map[string]string{"previous": prevName}}
			}
			prev, prevName = t, p.name
		}
	}
	return nil
}
