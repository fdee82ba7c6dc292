package domain

import (
	"fmt"
	"time"
)

// OfferSettings is how an offer round is scheduled once the leadership has decided to offer:
// the seminar and the answer deadline counted in calendar days from the decision, reminders,
// the late period in which late joiners are still accepted, and the decision rule.
type OfferSettings struct {
	SeminarAfterDays int          `json:"seminar_after_days"`
	SeminarTime      string       `json:"seminar_time"` // "HH:MM" local
	AnswerDays       int          `json:"answer_days"`
	DeadlineTime     string       `json:"deadline_time"` // "HH:MM" local
	ReminderDays     []int        `json:"reminder_days,omitempty"`
	LateDays         int          `json:"late_days"`
	Rule             DecisionRule `json:"rule"`
	// SeminarVenue is where seminars are held unless the office says otherwise for a round.
	SeminarVenue Venue `json:"seminar_venue,omitzero"`
}

// DefaultOfferSettings: seminar two weeks after the decision, answers within 60 days by
// 17:00, reminders 14 and 3 days before, late joiners accepted for 90 days, the 60 % rule.
func DefaultOfferSettings() OfferSettings {
	return OfferSettings{SeminarAfterDays: 14, SeminarTime: "13:00", AnswerDays: 60, DeadlineTime: "17:00",
		ReminderDays: []int{14, 3}, LateDays: 90, Rule: DefaultDecisionRule()}
}

// Validate checks the settings so that a round never starts on a bad schedule.
func (s OfferSettings) Validate() error {
	for _, t := range []struct{ field, value string }{{"seminar_time", s.SeminarTime}, {"deadline_time", s.DeadlineTime}} {
		d := DayTime{Month: 1, Day: 1, Time: t.value}
		if err := d.validate(t.field); err != nil {
			return invalid(t.field, t.value).hint("format_time")
		}
	}
	switch {
	case s.SeminarAfterDays < 0:
		return invalid("seminar_after_days", fmt.Sprint(s.SeminarAfterDays))
	case s.AnswerDays <= s.SeminarAfterDays:
		return invalid("answer_days", fmt.Sprint(s.AnswerDays)).hint("after_seminar", "day", fmt.Sprint(s.SeminarAfterDays))
	case s.LateDays < 0:
		return invalid("late_days", fmt.Sprint(s.LateDays))
	}
	for _, d := range s.ReminderDays {
		if d >= s.AnswerDays {
			return invalid("reminder_days", fmt.Sprint(d)).hint("within_answer_days", "days", fmt.Sprint(s.AnswerDays))
		}
	}
	if _, err := ReminderPlan(time.Date(2027, 1, 1, 17, 0, 0, 0, Stockholm()), s.ReminderDays); err != nil {
		return err
	}
	return s.Rule.Validate()
}

// Schedule returns the seminar, the answer deadline and the end of the late period for an
// offer decided at the calendar instant decided, each a local date computed with time.Date
// (calendar days, not multiples of 24 hours).
func (s OfferSettings) Schedule(decided time.Time) (seminar, deadline, lateUntil time.Time) {
	d := decided.In(Stockholm())
	at := func(days int, hhmm string) time.Time {
		h, m, _ := DayTime{Time: hhmm}.clock()
		return time.Date(d.Year(), d.Month(), d.Day()+days, h, m, 0, 0, Stockholm())
	}
	deadline = at(s.AnswerDays, s.DeadlineTime)
	return at(s.SeminarAfterDays, s.SeminarTime), deadline, deadline.AddDate(0, 0, s.LateDays)
}
