package domain

import (
	"sort"
	"time"
)

// CycleEvents is what Advance found for the workflow to announce.
type CycleEvents struct {
	Reminders   []ListReminder    `json:"reminders,omitempty"`
	Escalations []CycleEscalation `json:"escalations,omitempty"`
	ListsClosed bool              `json:"lists_closed,omitempty"`
	// ValuationOpened: the May valuation has opened (announced to cycles with
	// ValuationNotices); ValuationReminders name the members still to value.
	ValuationOpened    bool           `json:"valuation_opened,omitempty"`
	ValuationReminders []ListReminder `json:"valuation_reminders,omitempty"`
}

// Empty reports whether there is nothing to announce.
func (e CycleEvents) Empty() bool {
	return len(e.Reminders) == 0 && len(e.Escalations) == 0 && !e.ListsClosed && !e.ValuationOpened && len(e.ValuationReminders) == 0
}

// ReminderAt is the calendar instant of the reminder daysBefore the lists deadline, on the same
// wall-clock time (AddDate on a Stockholm instant, never N×24h).
func (c *Cycle) ReminderAt(daysBefore int) time.Time {
	return c.ListsDeadline().AddDate(0, 0, -daysBefore)
}

// reminderDays is the configured reminder days, earliest reminder first.
func (c *Cycle) reminderDays() []int {
	days := append([]int(nil), c.Config.ReminderDaysBefore...)
	sort.Sort(sort.Reverse(sort.IntSlice(days)))
	return days
}

func (c *Cycle) reminded(daysBefore int) bool { return hasReminder(c.Reminders, daysBefore) }

// hasReminder reports whether the reminder daysBefore its deadline is among those sent.
func hasReminder(sent []ListReminder, daysBefore int) bool {
	for _, r := range sent {
		if r.DaysBefore == daysBefore {
			return true
		}
	}
	return false
}

// Advance applies every calendar event that has happened by now and returns what to announce.
// It is idempotent.
func (c *Cycle) Advance(now time.Time) CycleEvents {
	var ev CycleEvents
	k, cal, y := c.Clock, c.Config.Calendar, c.Year
	reached := func(t time.Time) bool { return k.reached(now, t) }
	for guard := 0; guard < len(CyclePhases)*2; guard++ {
		before := c.Phase
		switch c.Phase {
		case PhasePriorities:
			if reached(c.ListsDeadline()) {
				c.Phase = PhaseQuickAnalysisDecision
				c.note(now, "lists_closed", CalendarActor, "")
				ev.ListsClosed = true
				break
			}
			for _, d := range c.reminderDays() {
				if reached(c.ReminderAt(d)) && !c.reminded(d) {
					r := ListReminder{DaysBefore: d, Members: c.MissingLists(), At: now}
					c.Reminders = append(c.Reminders, r)
					c.note(now, "reminded", CalendarActor, "")
					c.Revision++
					if len(r.Members) > 0 {
						ev.Reminders = append(ev.Reminders, r)
					}
				}
			}
		case PhaseQuickAnalysisDecision:
			ev.Escalations = append(ev.Escalations, c.escalateAfter(now, SeasonFebruaryReview)...)
		case PhaseQuickAnalysis:
			if reached(cal.Opens(SeasonValuation, y)) {
				c.Phase = PhaseValuation
				ev.ValuationOpened = c.ValuationNotices
			}
		case PhaseValuation:
			if reached(cal.Opens(SeasonFinalPrioritisation, y)) {
				c.Phase = PhaseFinalPrioritisation
				break
			}
			ev.ValuationReminders = append(ev.ValuationReminders, c.remindValuations(now)...)
		case PhaseFinalPrioritisation:
			ev.Escalations = append(ev.Escalations, c.escalateAfter(now, SeasonFinalPrioritisation)...)
		case PhaseQualification:
			if reached(cal.Opens(SeasonOfferDecision, y)) {
				c.Phase = PhaseOfferDecision
			}
		case PhaseOfferDecision:
			ev.Escalations = append(ev.Escalations, c.escalateAfter(now, SeasonOfferDecision)...)
		}
		if c.Phase == before {
			break
		}
		c.note(now, "phase:"+string(c.Phase), CalendarActor, "")
		c.Revision++
	}
	return ev
}

// escalateAfter records, once per phase, that the leadership's deadline passed undecided.
func (c *Cycle) escalateAfter(now time.Time, s Season) []CycleEscalation {
	deadline := c.Config.Calendar.Deadline(s, c.Year)
	if !c.Clock.reached(now, deadline) {
		return nil
	}
	for _, e := range c.Escalations {
		if e.Phase == c.Phase {
			return nil
		}
	}
	e := CycleEscalation{Phase: c.Phase, Deadline: deadline, At: now}
	c.Escalations = append(c.Escalations, e)
	c.note(now, "escalated:"+string(c.Phase), CalendarActor, "")
	c.Revision++
	return []CycleEscalation{e}
}

// CycleWake is the next calendar event a cycle waits for.
type CycleWake struct {
	What     string    `json:"what"` // "reminder", "lists_deadline", "opens:<season>", "deadline:<season>"
	Calendar time.Time `json:"calendar"`
	Real     time.Time `json:"real"`
}

// NextWake returns the next calendar event after now that can change the cycle, if any.
func (c *Cycle) NextWake(now time.Time) (CycleWake, bool) {
	cal, y := c.Config.Calendar, c.Year
	var cands []CycleWake
	add := func(what string, t time.Time) {
		if r := c.Clock.ToReal(t); r.After(now) {
			cands = append(cands, CycleWake{What: what, Calendar: t, Real: r})
		}
	}
	switch c.Phase {
	case PhasePriorities:
		for _, d := range c.reminderDays() {
			if !c.reminded(d) {
				add("reminder", c.ReminderAt(d))
			}
		}
		add("lists_deadline", c.ListsDeadline())
	case PhaseQuickAnalysisDecision:
		add("deadline:"+string(SeasonFebruaryReview), cal.Deadline(SeasonFebruaryReview, y))
	case PhaseQuickAnalysis:
		add("opens:"+string(SeasonValuation), cal.Opens(SeasonValuation, y))
	case PhaseValuation:
		c.valuationWakes(add)
		add("opens:"+string(SeasonFinalPrioritisation), cal.Opens(SeasonFinalPrioritisation, y))
	case PhaseFinalPrioritisation:
		add("deadline:"+string(SeasonFinalPrioritisation), cal.Deadline(SeasonFinalPrioritisation, y))
	case PhaseQualification:
		add("opens:"+string(SeasonOfferDecision), cal.Opens(SeasonOfferDecision, y))
	case PhaseOfferDecision:
		add("deadline:"+string(SeasonOfferDecision), cal.Deadline(SeasonOfferDecision, y))
	}
	if len(cands) == 0 {
		return CycleWake{}, false
	}
	best := cands[0]
	for _, w := range cands[1:] {
		if w.Real.Before(best.Real) {
			best = w
		}
	}
	return best, true
}
