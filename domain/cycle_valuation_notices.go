package domain

import "time"

// The May valuation's notices: when the valuation opens every member is told, and on the
// reminder days before its deadline (the same days as the February lists', by default 7 and
// 2) the members who have not yet valued every quick analysis are reminded. A cycle keeps
// them only when it was started with ValuationNotices (the workflow sets it on new cycles,
// so cycles recorded before run as they did).

// ValuationDeadline is the calendar instant the May valuation ends for the members.
func (c *Cycle) ValuationDeadline() time.Time {
	return c.Config.Calendar.Deadline(SeasonValuation, c.Year)
}

// ValuationReminderAt is the reminder daysBefore the valuation deadline, on the same wall-clock
// time (AddDate on a Stockholm instant, never N×24h).
func (c *Cycle) ValuationReminderAt(daysBefore int) time.Time {
	return c.ValuationDeadline().AddDate(0, 0, -daysBefore)
}

// QuickAnalyses are the initiatives the members value in May: those the leadership sent to
// quick analysis that are still open.
func (c *Cycle) QuickAnalyses() []string {
	d, ok := c.Decision(GateQuickAnalysis)
	if !ok {
		return nil
	}
	var out []string
	for _, id := range d.Chosen {
		if p, ok := c.Participant(id); ok && p.Closed == "" {
			out = append(out, id)
		}
	}
	return out
}

// Valuers are the members who value the quick analyses: the council's (the networks give
// February lists, not valuations).
func (c *Cycle) Valuers() []string {
	var out []string
	for _, n := range c.Config.Networks {
		if n.ID != CouncilNetwork {
			continue
		}
		for _, m := range n.Members {
			out = append(out, m.ID)
		}
	}
	return out
}

// MissingValuations names the valuers that have not valued every quick analysis, in order.
func (c *Cycle) MissingValuations() []string {
	analyses := c.QuickAnalyses()
	var out []string
	for _, m := range c.Valuers() {
		for _, id := range analyses {
			if !c.valued(m, id) {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

func (c *Cycle) valued(member, initiative string) bool {
	for _, v := range c.Valuations {
		if v.Member == member && v.Initiative == initiative {
			return true
		}
	}
	return false
}

func (c *Cycle) valuationReminded(daysBefore int) bool {
	return hasReminder(c.ValuationReminders, daysBefore)
}

// remindValuations records the valuation reminders that are due by now and returns those
// that name someone.
func (c *Cycle) remindValuations(now time.Time) []ListReminder {
	if !c.ValuationNotices {
		return nil
	}
	var out []ListReminder
	for _, d := range c.reminderDays() {
		if c.Clock.reached(now, c.ValuationReminderAt(d)) && !c.valuationReminded(d) {
			r := ListReminder{DaysBefore: d, Members: c.MissingValuations(), At: now}
			c.ValuationReminders = append(c.ValuationReminders, r)
			c.note(now, "valuation_reminded", CalendarActor, "")
			c.Revision++
			if len(r.Members) > 0 {
				out = append(out, r)
			}
		}
	}
	return out
}

// valuationWakes are the valuation reminders still to come.
func (c *Cycle) valuationWakes(add func(what string, t time.Time)) {
	if !c.ValuationNotices {
		return
	}
	for _, d := range c.reminderDays() {
		if !c.valuationReminded(d) {
			add("valuation_reminder", c.ValuationReminderAt(d))
		}
	}
}
