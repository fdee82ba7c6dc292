package domain

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ParseDate reads a calendar date "YYYY-MM-DD" as 00:00 local time in Europe/Stockholm.
func ParseDate(field, s string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), Stockholm())
	if err != nil {
		return time.Time{}, invalid(field, s).hint("format_date")
	}
	return t, nil
}

var (
	yearRange = regexp.MustCompile(`^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$`)
	dateRange = regexp.MustCompile(`^\s*(\d{4}-\d{2}-\d{2})\s*(?:\.\.|–|—| - )\s*(\d{4}-\d{2}-\d{2})\s*$`)
)

// ParsePeriod reads the qualification's implementation period when it has one of the forms
// "2027-2029" (whole years) or "2027-05-01..2029-12-31"; it reports false otherwise (free
// text, such as "tre år", leaves the period to the default and the office).
func ParsePeriod(s string) (from, to time.Time, ok bool) {
	if m := yearRange.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a > b || a < 2000 || b > 2200 {
			return time.Time{}, time.Time{}, false
		}
		return time.Date(a, 1, 1, 0, 0, 0, 0, Stockholm()), time.Date(b, 12, 31, 0, 0, 0, 0, Stockholm()), true
	}
	if m := dateRange.FindStringSubmatch(s); m != nil {
		a, errA := ParseDate("period", m[1])
		b, errB := ParseDate("period", m[2])
		if errA != nil || errB != nil || b.Before(a) {
			return time.Time{}, time.Time{}, false
		}
		return a, b, true
	}
	return time.Time{}, time.Time{}, false
}

// periodStart is the first day of the period of every months months (dividing the year)
// that holds t: for 3, the calendar quarter.
func periodStart(t time.Time, every int) time.Time {
	l := t.In(Stockholm())
	m := int(l.Month()) - (int(l.Month())-1)%every
	return time.Date(l.Year(), time.Month(m), 1, 0, 0, 0, 0, Stockholm())
}

// periodID names a period by its first month, "2027-04".
func periodID(start time.Time) string { return start.Format("2006-01") }

// ReportPeriod is one follow-up period with its report's due date.
type ReportPeriod struct {
	ID    string    `json:"id"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"` // first day after the period
	Due   time.Time `json:"due"`
}

// ReportPeriods lists the follow-up periods of the plan, from the one holding its start to
// the one holding its end, each computed with time.Date in local time.
func (im *Implementation) ReportPeriods() []ReportPeriod {
	s := im.Settings
	h, m, _ := DayTime{Time: s.DueTime}.clock()
	var out []ReportPeriod
	for p := periodStart(im.Plan.Start, s.ReportEveryMonths); !p.After(im.Plan.End); p = p.AddDate(0, s.ReportEveryMonths, 0) {
		end := p.AddDate(0, s.ReportEveryMonths, 0)
		due := time.Date(end.Year(), end.Month(), end.Day()+s.ReportDueDays, h, m, 0, 0, Stockholm())
		out = append(out, ReportPeriod{ID: periodID(p), Start: p, End: end, Due: due})
	}
	return out
}

// ReportPeriod finds a period of the plan by ID; "2027-Q2" and "2027-K2" name quarters.
func (im *Implementation) ReportPeriod(id string) (ReportPeriod, bool) {
	id = strings.ToUpper(strings.TrimSpace(id))
	var y, q int
	if n, _ := fmt.Sscanf(strings.Replace(id, "K", "Q", 1), "%d-Q%d", &y, &q); n == 2 && q >= 1 && q <= 4 {
		id = fmt.Sprintf("%04d-%02d", y, 3*q-2)
	}
	for _, p := range im.ReportPeriods() {
		if p.ID == id {
			return p, true
		}
	}
	return ReportPeriod{}, false
}

// CurrentPeriod is the ID of the follow-up period holding the calendar instant c (the run
// of the workflow continues as new when it changes).
func (im *Implementation) CurrentPeriod(c time.Time) string {
	return periodID(periodStart(c, im.Settings.ReportEveryMonths))
}

// nextPeriodStart is the first day of the period after the one holding c.
func (im *Implementation) nextPeriodStart(c time.Time) time.Time {
	return periodStart(c, im.Settings.ReportEveryMonths).AddDate(0, im.Settings.ReportEveryMonths, 0)
}

// digestDue is when the digest of the period holding the calendar instant t goes out: the
// first day after the period, at the digest time.
func (im *Implementation) digestDue(t time.Time) (string, time.Time) {
	s := im.Settings
	p := periodStart(t, s.DigestEveryMonths)
	end := p.AddDate(0, s.DigestEveryMonths, 0)
	h, m, _ := DayTime{Time: s.DigestTime}.clock()
	return periodID(p), time.Date(end.Year(), end.Month(), end.Day(), h, m, 0, 0, Stockholm())
}

// scheduleHearings adds the two hearings of every year of the plan that are not there yet,
// and drops untouched ones that fall outside a changed period. A hearing already invited,
// moved or held stays as it is.
func (im *Implementation) scheduleHearings() {
	s := im.Settings
	h, m, _ := DayTime{Time: s.HearingTime}.clock()
	last := im.Plan.End.AddDate(0, 0, 1)
	var keep []Hearing
	for _, hr := range im.Hearings {
		inside := !hr.At.Before(im.Plan.Start) && hr.At.Before(last)
		if inside || hr.Status != HearingScheduled || len(hr.Moves) > 0 {
			keep = append(keep, hr)
		}
	}
	has := func(id string) bool {
		for _, hr := range keep {
			if hr.ID == id {
				return true
			}
		}
		return false
	}
	for y := im.Plan.Start.Year(); y <= im.Plan.End.Year(); y++ {
		for i, d := range s.HearingDates {
			at := time.Date(y, time.Month(d.Month), d.Day, h, m, 0, 0, Stockholm())
			id := fmt.Sprintf("%d-%d", y, i+1)
			if at.Before(im.Plan.Start) || !at.Before(last) || has(id) {
				continue
			}
			keep = append(keep, Hearing{ID: id, At: at, Status: HearingScheduled})
		}
	}
	sortHearings(keep)
	im.Hearings = keep
}

func sortHearings(hs []Hearing) {
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].At.Before(hs[j].At) })
}
