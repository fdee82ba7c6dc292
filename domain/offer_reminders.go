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

// ReminderRecord says what became of a planned reminder: sent (to how many municipalities; late
// when its time came while the offers were still going out), or skipped, with the reason. Each
// reminder is recorded at most once; none is dropped without a record that says why.
type ReminderRecord struct {
	DaysBefore int       `json:"days_before"`
	Sent       bool      `json:"sent"`
	Recipients int       `json:"recipients"`
	At         time.Time `json:"at"`
	// Late: sent after its time, because the offers were still going out then.
	Late bool `json:"late,omitempty"`
	// Skipped says why a reminder was not sent (Sent false).
	Skipped ReminderSkip `json:"skipped,omitempty"`
}

// ReminderSkip is why a planned reminder was not sent.
type ReminderSkip string

const (
	// SkipBeforeOffer: its time had passed before the round started (a short answer period).
	SkipBeforeOffer ReminderSkip = "before_offer"
	// SkipSuperseded: a later reminder was due at the same time and went out instead.
	SkipSuperseded ReminderSkip = "superseded"
	// SkipBeforeDelivery: its time passed while the offers were going out, in a round run before
	// late reminders existed (recorded histories); new rounds send it late instead.
	SkipBeforeDelivery ReminderSkip = "before_delivery"
)

// ReminderPlan computes the reminder instants, earliest first. Days are calendar days in
// Europe/Stockholm (time.Date/AddDate), so a reminder keeps the deadline's wall-clock time
// across a daylight-saving change instead of drifting by an hour.
func ReminderPlan(deadline time.Time, daysBefore []int) ([]Reminder, error) {
	local := deadline.In(Stockholm())
	seen := map[int]bool{}
	out := make([]Reminder, 0, len(daysBefore))
	for _, d := range daysBefore {
		if d < 1 || d > 365 {
			return nil, invalid("reminder_days", fmt.Sprint(d)).hint("reminder_days")
		}
		if seen[d] {
			return nil, invalid("reminder_days", fmt.Sprint(d)).hint("duplicate")
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
// come, not yet recorded, once the offers are out and before the deadline. In a round that sends
// late reminders, one whose time came while the offers went out is due as soon as they are out.
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

// RecordReminder marks a reminder as sent to recipients municipalities (late when its time came
// before the offers were out), and every earlier reminder not yet recorded as superseded (one
// reminder is enough when several are due at once).
func (r *OfferRound) RecordReminder(rem Reminder, recipients int, now time.Time) {
	for _, p := range r.plan() {
		if p.At.Before(rem.At) && !r.reminderRecorded(p.DaysBefore) {
			r.Reminders = append(r.Reminders, ReminderRecord{DaysBefore: p.DaysBefore, At: now, Skipped: SkipSuperseded})
		}
	}
	if !r.reminderRecorded(rem.DaysBefore) {
		late := r.Delivery != nil && r.Clock.reached(r.Delivery.At, rem.At)
		r.Reminders = append(r.Reminders, ReminderRecord{DaysBefore: rem.DaysBefore, Sent: true, Recipients: recipients, At: now, Late: late})
	}
	r.Revision++
}

// skipPastReminders records as skipped the reminders whose time had passed before the round
// started (a reminder before the offer makes no sense), and, in a round without late
// reminders, those whose time passed while the offers went out.
func (r *OfferRound) skipPastReminders(now time.Time) {
	for _, p := range r.plan() {
		if r.reminderRecorded(p.DaysBefore) {
			continue
		}
		switch {
		case r.LateReminders && r.Clock.reached(r.Delivery.Started, p.At):
			r.Reminders = append(r.Reminders, ReminderRecord{DaysBefore: p.DaysBefore, At: now, Skipped: SkipBeforeOffer})
		case !r.LateReminders && r.Clock.reached(now, p.At):
			r.Reminders = append(r.Reminders, ReminderRecord{DaysBefore: p.DaysBefore, At: now, Skipped: SkipBeforeDelivery})
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
	What     string    `json:"what"`     // "reminder", "deadline", "late_end" or "answerers_forgotten"
	Calendar time.Time `json:"calendar"` // local calendar instant
	Real     time.Time `json:"real"`     // when the workflow's timer fires
}

// NextWake returns the earliest future event: a reminder, the deadline, or the end of the
// late period. Nothing is planned before the offers are out; after the round closed, only the
// end of the answerers' retention.
func (r *OfferRound) NextWake(now time.Time) (RoundWake, bool) {
	if r.AnswerersWaiting() {
		w := RoundWake{What: "answerers_forgotten", Calendar: r.Retention.Until, Real: r.Clock.ToReal(r.Retention.Until)}
		return w, w.Real.After(now)
	}
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
