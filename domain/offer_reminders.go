package domain

import (
	"fmt"
	"sort"
	"time"
)

// Reminder is one planned reminder: a number of days before the deadline, at the deadline's
// local time of day.
type Reminder struct {
	DaysBefore int       `json:"days_before"`
	At         time.Time `json:"at"` // calendar instant
}

// ReminderRecord says what became of a planned reminder: sent (to how many municipalities),
// or skipped because a later one was due as well or its time had passed before the offers
// went out. Each reminder is recorded at most once.
type ReminderRecord struct {
	DaysBefore int       `json:"days_before"`
	Sent       bool      `json:"sent"`
	Recipients int       `json:"recipients"`
	At         time.Time `json:"at"`
}

// ReminderPlan computes the reminder instants, earliest first. Days are calendar days in
// Europe/Stockholm (time.Date/AddDate), so a reminder keeps the deadline's wall-clock time
// across a daylight-saving change instead of drifting by an hour.
func ReminderPlan(deadline time.Time, daysBefore []int) ([]Reminder, error) {
	local := deadline.In(Stockholm())
	seen := map[int]bool{}
	out := make([]Reminder, 0, len(daysBefore))
	for _, d := range daysBefore {
		if d < 1 || d > 365 {
			return nil, invalid("reminder_days", fmt.Sprintf("%d (1-365 dagar före sista svarsdag)", d))
		}
		if seen[d] {
			return nil, invalid("reminder_days", fmt.Sprintf("%d (dubblett)", d))
		}
		seen[d] = true
		out = append(out, Reminder{DaysBefore: d, At: local.AddDate(0, 0, -d)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DaysBefore > out[j].DaysBefore })
	return out, nil
}

func (r *OfferRound) plan() []Reminder {
	p, _ := ReminderPlan(r.Deadline, r.ReminderDays) // validated when the round started
	return p
}

func (r *OfferRound) reminderRecorded(days int) bool {
	for _, rec := range r.Reminders {
		if rec.DaysBefore == days {
			return true
		}
	}
	return false
}

// DueReminder returns the reminder to send now, if any: the latest planned one whose time has
// come, not yet recorded, once the offers are out and before the deadline.
func (r *OfferRound) DueReminder(now time.Time) (Reminder, bool) {
	if r.Delivery == nil || r.Closed || r.pastDeadline(now) {
		return Reminder{}, false
	}
	var due Reminder
	found := false
	for _, p := range r.plan() {
		if !r.reminderRecorded(p.DaysBefore) && r.Clock.reached(now, p.At) {
			due, found = p, true
		}
	}
	return due, found
}

// RecordReminder marks a reminder as sent to recipients municipalities, and every earlier
// reminder not yet recorded as skipped (one reminder is enough when several are due at once).
func (r *OfferRound) RecordReminder(rem Reminder, recipients int, now time.Time) {
	for _, p := range r.plan() {
		if p.At.Before(rem.At) && !r.reminderRecorded(p.DaysBefore) {
			r.Reminders = append(r.Reminders, ReminderRecord{DaysBefore: p.DaysBefore, At: now})
		}
	}
	if !r.reminderRecorded(rem.DaysBefore) {
		r.Reminders = append(r.Reminders, ReminderRecord{DaysBefore: rem.DaysBefore, Sent: true, Recipients: recipients, At: now})
	}
	r.Revision++
}

// skipPastReminders records as skipped the reminders whose time passed before the offers
// went out: a reminder right after the offer would only confuse.
func (r *OfferRound) skipPastReminders(now time.Time) {
	for _, p := range r.plan() {
		if r.Clock.reached(now, p.At) && !r.reminderRecorded(p.DaysBefore) {
			r.Reminders = append(r.Reminders, ReminderRecord{DaysBefore: p.DaysBefore, At: now})
		}
	}
}

// NotAnswered lists the municipalities without any answer, in code order.
func (r *OfferRound) NotAnswered() []OfferMunicipality {
	answered := r.latestWhere(func(AnswerVersion) bool { return true })
	var out []OfferMunicipality
	for _, m := range r.Municipalities {
		if _, ok := answered[m.Code]; !ok {
			out = append(out, m)
		}
	}
	return out
}

// RoundWake is the next moment the round must act by itself.
type RoundWake struct {
	What     string    `json:"what"`     // "reminder", "deadline" or "late_end"
	Calendar time.Time `json:"calendar"` // local calendar instant
	Real     time.Time `json:"real"`     // when the workflow's timer fires
}

// NextWake returns the earliest future event: a reminder, the deadline, or the end of the
// late period. Nothing is planned before the offers are out or after the round closed.
func (r *OfferRound) NextWake(now time.Time) (RoundWake, bool) {
	if r.Delivery == nil || r.Closed {
		return RoundWake{}, false
	}
	var cands []RoundWake
	for _, p := range r.plan() {
		if !r.reminderRecorded(p.DaysBefore) {
			cands = append(cands, RoundWake{What: fmt.Sprintf("reminder:%d", p.DaysBefore), Calendar: p.At})
		}
	}
	if r.Decision == nil {
		cands = append(cands, RoundWake{What: "deadline", Calendar: r.Deadline})
	}
	cands = append(cands, RoundWake{What: "late_end", Calendar: r.LateUntil})
	best, found := RoundWake{}, false
	for _, c := range cands {
		c.Real = r.Clock.ToReal(c.Calendar)
		if c.Real.After(now) && (!found || c.Real.Before(best.Real)) {
			best, found = c, true
		}
	}
	return best, found
}
