package domain

import (
	"strings"
	"time"
)

// Registration is what starts an initiative: the described need, who registered it, and the
// calendar it runs on.
type Registration struct {
	ID       string   `json:"id"`
	Need     Need     `json:"need"`
	By       Actor    `json:"by"`
	Calendar Calendar `json:"calendar"`
	// DemoStart, for demo calendars, is the calendar instant the demo begins at (zero: now).
	DemoStart time.Time `json:"demo_start,omitempty"`
}

// Canonical is the registration as it is kept: the need normalised, and the default calendar
// when the client sent none (the contract asks only for the need, the ID and who registers it).
func (r Registration) Canonical() Registration {
	r.Need = r.Need.Normalize()
	if r.Calendar.Name == "" && r.Calendar.Seasons == (Seasons{}) && r.Calendar.Demo == nil {
		r.Calendar = DefaultCalendar()
	}
	return r
}

// Validate checks the whole registration before anything starts.
func (r Registration) Validate() error {
	if err := r.By.Validate(ActRegister.Roles()...); err != nil {
		return err
	}
	if err := r.Need.Validate(); err != nil {
		return err
	}
	if err := ValidateID(r.ID); err != nil {
		return err
	}
	return r.Calendar.Validate()
}

// NewInitiative creates the state of a freshly registered need, in the backlog.
func NewInitiative(r Registration, now time.Time) *Initiative {
	in := &Initiative{
		ID:           r.ID,
		Need:         r.Need.Normalize(),
		Stage:        StageBacklog,
		Calendar:     r.Calendar,
		Clock:        NewClock(r.Calendar, now, r.DemoStart),
		Created:      now,
		CreatedBy:    r.By,
		Requirements: newChecklist(),
	}
	in.CycleYear = NextCycleYear(in.Calendar, in.Clock, now)
	in.note(now, "registered", r.By.ID, "")
	return in
}

// IDFromTitle derives a stable business ID from a title: lower-case ASCII letters, digits and
// dashes, with å, ä and ö folded. The same title always gives the same ID, so registering the
// same need twice is caught as a duplicate.
func IDFromTitle(title string) string {
	fold := strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "ü", "u", "Å", "a", "Ä", "a", "Ö", "o", "É", "e")
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(fold.Replace(strings.TrimSpace(title))) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.TrimSuffix(b.String(), "-")
	if len(id) > MaxIDLength {
		id = strings.TrimSuffix(id[:MaxIDLength], "-")
	}
	return id
}

// MaxIDLength bounds business IDs.
const MaxIDLength = 60

// ValidateID checks a business ID: 3 to 60 of a-z, 0-9 and dashes.
func ValidateID(id string) error {
	if id == "" {
		return missing("id")
	}
	if len(id) < 3 || len(id) > MaxIDLength {
		return invalid("id", id).hint("id_length")
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return invalid("id", id).hint("id_chars")
		}
	}
	return nil
}

func (in *Initiative) note(now time.Time, event, by, reason string) {
	in.Timeline = append(in.Timeline, TimelineEntry{At: now, Stage: in.Stage, Event: event, By: by, Reason: reason})
}

// moveTo changes stage, resolves open escalations (the stage they were about is over) and
// notes the change.
func (in *Initiative) moveTo(now time.Time, s Stage, by, reason string) {
	for i := range in.Escalations {
		in.Escalations[i].Resolved = true
	}
	in.Stage = s
	in.note(now, "stage:"+string(s), by, reason)
}
