package domain

import (
	"sort"
	"strings"
	"time"
)

// CaseNews is what one case of the public case list contributes to a month's newsletter: the
// stages it entered and the decisions taken in that month. Like the case list it holds no
// personal data: no names, no user ids, none of the free-text reasons.
type CaseNews struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Stage     Stage          `json:"stage"` // where the case is now
	Entered   []StageEntered `json:"entered,omitempty"`
	Decisions []CaseDecision `json:"decisions,omitempty"`
}

// StageEntered is a stage a case entered, when (on its calendar).
type StageEntered struct {
	Stage Stage     `json:"stage"`
	At    time.Time `json:"at"`
}

// NewsOfTheMonth gathers what changed in the month starting at month (00:00 local on the
// first) across the initiatives that have passed intake: one entry per initiative with news,
// by ID. Instants are compared on each initiative's own calendar.
func NewsOfTheMonth(month time.Time, ins []Initiative) []CaseNews {
	end := month.AddDate(0, 1, 0)
	inMonth := func(t time.Time) bool { return !t.Before(month) && t.Before(end) }
	var out []CaseNews
	for i := range ins {
		in := &ins[i]
		if !in.PassedIntake() {
			continue
		}
		n := CaseNews{ID: in.ID, Title: in.Need.Title, Stage: in.Stage}
		// Records are kept in real time; the month is the initiative's calendar month (the
		// same on the real calendar; on a demo calendar the month the demo has reached, as the
		// implementation's events are dated).
		onCalendar := func(t time.Time) time.Time { return in.Clock.ToCalendar(t).In(Stockholm()) }
		for _, e := range in.Timeline {
			at := onCalendar(e.At)
			if s, ok := strings.CutPrefix(e.Event, "stage:"); ok && inMonth(at) {
				n.Entered = append(n.Entered, StageEntered{Stage: Stage(s), At: at})
			}
		}
		for _, d := range in.publicDecisions() {
			if d.At = onCalendar(d.At); inMonth(d.At) {
				n.Decisions = append(n.Decisions, d)
			}
		}
		if len(n.Entered) > 0 || len(n.Decisions) > 0 {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
