package domain

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// OfferMunicipality is one municipality an offer goes to. The population decides the yes
// share of the population; the county groups answers for the programme council.
type OfferMunicipality struct {
	Code       string `json:"code"` // four digits, for example "0180"
	Name       string `json:"name"`
	CountyCode string `json:"county_code"`
	Population int    `json:"population"`
}

// OfferContent is what the municipalities are offered: the qualification's plan.
type OfferContent struct {
	InitiativeID         string `json:"initiative_id"`
	Title                string `json:"title"`
	What                 string `json:"what"`
	WhoDoesWhat          string `json:"who_does_what"`
	EffectGoal           string `json:"effect_goal"`
	Cost                 string `json:"cost"`
	Financing            string `json:"financing"`
	ImplementationPeriod string `json:"implementation_period,omitempty"`
}

// OfferContentFrom takes the offer content from an initiative's qualification plan.
func OfferContentFrom(in *Initiative) OfferContent {
	c := OfferContent{InitiativeID: in.ID, Title: in.Need.Title}
	if q := in.Qualification; q != nil {
		c.What, c.WhoDoesWhat, c.EffectGoal = q.What, q.WhoDoesWhat, q.EffectGoal
		c.Cost, c.Financing, c.ImplementationPeriod = q.Cost, q.Financing, q.ImplementationPeriod
	}
	return c
}

// OfferSetup is everything an offer round starts with. Seminar, Deadline and LateUntil are
// calendar instants (local time); Clock maps them to real instants, as for the initiative.
type OfferSetup struct {
	InitiativeID string       `json:"initiative_id"`
	Content      OfferContent `json:"content"`
	Seminar      time.Time    `json:"seminar"`
	// SeminarVenue is where the seminar is held (zero until the office says).
	SeminarVenue   Venue               `json:"seminar_venue,omitzero"`
	Deadline       time.Time           `json:"deadline"`
	LateUntil      time.Time           `json:"late_until"`
	Rule           DecisionRule        `json:"rule"`
	ReminderDays   []int               `json:"reminder_days,omitempty"`
	Clock          Clock               `json:"clock"`
	Municipalities []OfferMunicipality `json:"municipalities"`
}

var municipalityCode = regexp.MustCompile(`^[0-9]{4}$`)

// Validate checks the setup before a round starts.
func (s OfferSetup) Validate() error {
	if err := ValidateID(s.InitiativeID); err != nil {
		return err
	}
	if err := required([2]string{"content.title", s.Content.Title}, [2]string{"content.what", s.Content.What}); err != nil {
		return err
	}
	switch {
	case s.Seminar.IsZero():
		return missing("seminar")
	case s.Deadline.IsZero():
		return missing("deadline")
	case !s.Seminar.Before(s.Deadline):
		return invalid("seminar", "").hint("seminar_before_deadline")
	case s.LateUntil.Before(s.Deadline):
		return invalid("late_until", "").hint("late_after_deadline")
	}
	if err := s.Rule.Validate(); err != nil {
		return err
	}
	if !s.SeminarVenue.IsZero() {
		if err := s.SeminarVenue.Validate(); err != nil {
			return err
		}
	}
	if _, err := ReminderPlan(s.Deadline, s.ReminderDays); err != nil {
		return err
	}
	return validateMunicipalities(s.Municipalities)
}

func validateMunicipalities(ms []OfferMunicipality) error {
	if len(ms) == 0 {
		return missing("municipalities")
	}
	seen := make(map[string]bool, len(ms))
	for _, m := range ms {
		if !municipalityCode.MatchString(m.Code) {
			return invalid("municipalities.code", m.Code).hint("municipality_code")
		}
		if seen[m.Code] {
			return invalid("municipalities.code", m.Code).hint("duplicate")
		}
		seen[m.Code] = true
		if strings.TrimSpace(m.Name) == "" {
			return missing("municipalities.name")
		}
		if m.Population <= 0 {
			return invalid("municipalities.population", fmt.Sprintf("%s: %d", m.Code, m.Population))
		}
	}
	return nil
}

// OfferRound is the whole state of one offer round; the workflow keeps it, the query
// returns it and continue-as-new carries it.
type OfferRound struct {
	OfferSetup
	// Answers holds every version of every answer, in the order they were accepted.
	Answers []AnswerVersion `json:"answers,omitempty"`
	// Delivery is how the offers went out (set once the fan-out is done).
	Delivery *Delivery `json:"delivery,omitempty"`
	// Reminders records each reminder of the plan once it is sent or skipped.
	Reminders []ReminderRecord `json:"reminders,omitempty"`
	// Decision is the go/no-go taken at the deadline; Lifted is set if late joiners later
	// satisfied the rule after a no-go.
	Decision *OfferDecision `json:"decision,omitempty"`
	Lifted   *OfferDecision `json:"lifted,omitempty"`
	// Closed is set when the late period is over (or the round was cancelled).
	Closed   bool      `json:"closed"`
	ClosedAt time.Time `json:"closed_at,omitempty"`
	// LateReminders: a reminder whose time comes while the offers are still going out is sent
	// late once they are out (rounds started before this existed skipped it).
	LateReminders bool `json:"late_reminders,omitempty"`
	// Retention is how long the closed round keeps who answered (offer_retention.go); nil
	// before closing and in rounds closed before it existed.
	Retention *AnswererRetention `json:"retention,omitempty"`
	// Revision increases on every change; the workflow wakes on it.
	Revision int `json:"revision"`
}

// Delivery counts the offer e-mails and lists the municipalities without a contact address
// (reported to the office, never skipped silently).
type Delivery struct {
	Sent            int      `json:"sent"`
	AlreadySent     int      `json:"already_sent"`
	MissingContacts []string `json:"missing_contacts,omitempty"` // municipality codes
	// Started is when the offers began to go out (zero in rounds recorded before it was kept);
	// At when the last was out.
	Started time.Time `json:"started,omitempty"`
	At      time.Time `json:"at"`
}

// OfferDecision is a go/no-go with the tally it was taken on.
type OfferDecision struct {
	Go    bool      `json:"go"`
	Tally Tally     `json:"tally"`
	At    time.Time `json:"at"`
}

// NewOfferRound validates the setup and starts a round; the municipalities are kept sorted by
// code so that every listing is stable.
func NewOfferRound(s OfferSetup) (*OfferRound, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	ms := append([]OfferMunicipality(nil), s.Municipalities...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].Code < ms[j].Code })
	s.Municipalities = ms
	return &OfferRound{OfferSetup: s}, nil
}

// Municipality finds a municipality of the round by code.
func (r *OfferRound) Municipality(code string) (OfferMunicipality, bool) {
	i := sort.Search(len(r.Municipalities), func(i int) bool { return r.Municipalities[i].Code >= code })
	if i < len(r.Municipalities) && r.Municipalities[i].Code == code {
		return r.Municipalities[i], true
	}
	return OfferMunicipality{}, false
}

// pastDeadline reports whether the answer deadline has passed at real time now.
func (r *OfferRound) pastDeadline(now time.Time) bool { return r.Clock.reached(now, r.Deadline) }

// RecordDelivery stores how the offers went out (at real time now); reminders whose time had
// passed before the round started are skipped, with the reason (see skipPastReminders).
func (r *OfferRound) RecordDelivery(d Delivery, now time.Time) {
	d.MissingContacts = append([]string(nil), d.MissingContacts...)
	sort.Strings(d.MissingContacts)
	d.At = now
	r.Delivery = &d
	r.skipPastReminders(now)
	r.Revision++
}
