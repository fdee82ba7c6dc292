package domain

import (
	"sort"
	"time"
)

// NewsletterEntry is what one initiative contributes to a month's newsletter: its public
// events of the month and where its effect goals stand.
type NewsletterEntry struct {
	InitiativeID string       `json:"initiative_id"`
	Title        string       `json:"title"`
	Stage        Stage        `json:"stage"`
	Events       []ImplEvent  `json:"events"`
	Goals        []GoalResult `json:"goals,omitempty"`
}

// ParseMonth reads "YYYY-MM" as the first day of the month, 00:00 local.
func ParseMonth(s string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01", s, Stockholm())
	if err != nil {
		return time.Time{}, invalid("month", s).hint("format_month")
	}
	return t, nil
}

// Newsletter gathers, across implementations, what changed in the month starting at month:
// one entry per initiative with public events in it, by initiative ID. Nothing personal is
// in it: events name municipalities by code and name, people by nothing.
func Newsletter(month time.Time, ims []Implementation) []NewsletterEntry {
	end := month.AddDate(0, 1, 0)
	var out []NewsletterEntry
	for _, im := range ims {
		e := NewsletterEntry{InitiativeID: im.InitiativeID, Title: im.Title, Stage: StageImplementation}
		if im.Outcome != nil {
			e.Stage = im.Outcome.Stage
		}
		for _, ev := range im.Events {
			if publicEvent(ev.Kind) && !ev.At.Before(month) && ev.At.Before(end) {
				// User IDs and free-text reasons stay in the audit trail, not in a publication.
				ev.By, ev.Reason = "", ""
				e.Events = append(e.Events, ev)
			}
		}
		if len(e.Events) == 0 {
			continue
		}
		for _, g := range im.GoalResults() {
			g.Values = nil
			if g.Latest != nil {
				g.Latest.By = ""
			}
			e.Goals = append(e.Goals, g)
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].InitiativeID < out[j].InitiativeID })
	return out
}
