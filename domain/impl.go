package domain

import (
	"fmt"
	"sort"
	"time"
)

// Implementation is the whole state of one initiative's implementation and follow-up (steps
// 5 and 6): the plan, the participating municipalities, status reports, effect measurements,
// hearings, feedback to the municipalities and the ending. The implementation workflow keeps
// it, its query returns it and continue-as-new carries it. Instants are calendar instants
// (local time in Europe/Stockholm) unless a field says otherwise; Clock maps them to real
// instants, as for the initiative.
type Implementation struct {
	InitiativeID string                 `json:"initiative_id"`
	Title        string                 `json:"title"`
	Owner        Owner                  `json:"owner,omitempty"`
	Clock        Clock                  `json:"clock"`
	Settings     ImplementationSettings `json:"settings"`
	Plan         ImplementationPlan     `json:"plan"`
	// Register is the municipalities known to the process (to check a joiner's code and
	// name it); empty when no register was available (then any four-digit code is taken).
	Register     []OfferMunicipality `json:"register,omitempty"`
	Participants []ImplParticipant   `json:"participants"`
	Reports      []StatusReport      `json:"reports,omitempty"`
	Chases       []ReportChase       `json:"chases,omitempty"`
	Measurements []Measurement       `json:"measurements,omitempty"`
	Hearings     []Hearing           `json:"hearings,omitempty"`
	Unsubscribed []Unsubscription    `json:"unsubscribed,omitempty"`
	Digests      []DigestRecord      `json:"digests,omitempty"`
	// DigestedThrough counts the events already gathered into a digest.
	DigestedThrough int          `json:"digested_through"`
	Events          []ImplEvent  `json:"events"`
	Outcome         *ImplOutcome `json:"outcome,omitempty"`
	Revision        int          `json:"revision"`
}

// ImplementationSettings shape the follow-up. They travel in the workflow input.
type ImplementationSettings struct {
	// ReportEveryMonths is the status report cadence; it divides the year (1, 2, 3, 4, 6
	// or 12) so that periods follow the calendar (3: quarters).
	ReportEveryMonths int `json:"report_every_months"`
	// ReportDueDays: a period's report is due this many days after the period ends, at
	// DueTime; a reminder goes at the due date, an escalation EscalateAfterDays later.
	ReportDueDays     int    `json:"report_due_days"`
	EscalateAfterDays int    `json:"escalate_after_days"`
	DueTime           string `json:"due_time"` // "HH:MM" local
	// Hearings are held twice a year on these dates, invitations go InviteDaysBefore.
	HearingDates     []MonthDay `json:"hearing_dates"`
	HearingTime      string     `json:"hearing_time"`
	InviteDaysBefore int        `json:"invite_days_before"`
	// DigestEveryMonths: feedback digests gather the events of this many months (1: monthly);
	// each goes on the first day after the period at DigestTime.
	DigestEveryMonths int    `json:"digest_every_months"`
	DigestTime        string `json:"digest_time"`
	// DefaultYears is the plan's length when the qualification gives no period.
	DefaultYears int `json:"default_years"`
}

// MonthDay is a day of the year.
type MonthDay struct {
	Month int `json:"month"`
	Day   int `json:"day"`
}

// DefaultImplementationSettings: quarterly reports due 15 days after the quarter at 17:00,
// escalated 14 days later; hearings 20 May and 20 November at 13:00 with invitations three
// weeks before; monthly digests on the first at 08:00; three years without a stated period.
func DefaultImplementationSettings() ImplementationSettings {
	return ImplementationSettings{ReportEveryMonths: 3, ReportDueDays: 15, EscalateAfterDays: 14, DueTime: "17:00",
		HearingDates: []MonthDay{{5, 20}, {11, 20}}, HearingTime: "13:00", InviteDaysBefore: 21,
		DigestEveryMonths: 1, DigestTime: "08:00", DefaultYears: 3}
}

// Validate checks the settings before an implementation starts.
func (s ImplementationSettings) Validate() error {
	divides := func(n int) bool { return n > 0 && 12%n == 0 }
	switch {
	case !divides(s.ReportEveryMonths):
		return invalid("report_every_months", fmt.Sprint(s.ReportEveryMonths)).hint("months_dividing_year")
	case !divides(s.DigestEveryMonths):
		return invalid("digest_every_months", fmt.Sprint(s.DigestEveryMonths)).hint("months_dividing_year")
	case s.ReportDueDays < 0 || s.ReportDueDays > 90:
		return invalid("report_due_days", fmt.Sprint(s.ReportDueDays))
	case s.EscalateAfterDays < 1 || s.EscalateAfterDays > 90:
		return invalid("escalate_after_days", fmt.Sprint(s.EscalateAfterDays))
	case s.InviteDaysBefore < 1 || s.InviteDaysBefore > 120:
		return invalid("invite_days_before", fmt.Sprint(s.InviteDaysBefore))
	case len(s.HearingDates) != 2:
		return invalid("hearing_dates", fmt.Sprint(len(s.HearingDates))).hint("two_hearings")
	case s.DefaultYears < 1 || s.DefaultYears > 20:
		return invalid("default_years", fmt.Sprint(s.DefaultYears))
	}
	for _, t := range []struct{ field, value string }{{"due_time", s.DueTime}, {"hearing_time", s.HearingTime}, {"digest_time", s.DigestTime}} {
		if err := (DayTime{Month: 1, Day: 1, Time: t.value}).validate(t.field); err != nil {
			return invalid(t.field, t.value).hint("format_time")
		}
	}
	for _, d := range s.HearingDates {
		if err := (DayTime{Month: d.Month, Day: d.Day, Time: s.HearingTime}).validate("hearing_dates"); err != nil {
			return err
		}
	}
	return nil
}

// ImplementationPlan is the period and milestones, and the effect goals to measure.
type ImplementationPlan struct {
	Start      time.Time    `json:"start"` // first day, 00:00 local
	End        time.Time    `json:"end"`   // last day, 00:00 local
	Milestones []Milestone  `json:"milestones,omitempty"`
	Goals      []EffectGoal `json:"goals,omitempty"`
}

// Milestone is a dated step of the plan; reaching or missing it is recorded.
type Milestone struct {
	ID   string    `json:"id"`
	What string    `json:"what"`
	Due  time.Time `json:"due"` // the day, 00:00 local; missed once the day is over
	// Reached is the day it was reached (zero: not yet).
	Reached   time.Time `json:"reached,omitempty"`
	ReachedBy string    `json:"reached_by,omitempty"`
	Missed    bool      `json:"missed,omitempty"`
}

// EffectGoal is an effect goal of the qualification with what to measure it in.
type EffectGoal struct {
	ID          string  `json:"id"`
	Description string  `json:"description"`
	Unit        string  `json:"unit,omitempty"` // empty until the office sets it
	Target      float64 `json:"target"`
	// LowerIsBetter turns the comparison: the goal is met at or below the target.
	LowerIsBetter bool `json:"lower_is_better,omitempty"`
}

// ImplParticipant is a municipality taking part in the implementation.
type ImplParticipant struct {
	Code   string    `json:"code"`
	Name   string    `json:"name,omitempty"`
	Source string    `json:"source"` // JoinOffer, JoinOfferLate or JoinDuring
	At     time.Time `json:"at"`
	By     string    `json:"by"`
}

// How a municipality came to take part.
const (
	JoinOffer     = "offer"      // a yes answer when implementation started
	JoinOfferLate = "offer_late" // a late yes in the offer round's late period
	JoinDuring    = "joined"     // joined during implementation
)

// StatusReport is the owning organisation's report for one period. A second report for the
// same period replaces the first, which is kept with Replaced set.
type StatusReport struct {
	Period                   string    `json:"period"`
	Version                  int       `json:"version"`
	OnScheduleGroup          bool      `json:"on_schedule_group"`
	OnScheduleMunicipalities bool      `json:"on_schedule_municipalities"`
	WithinStaff              bool      `json:"within_staff"`
	WithinBudget             bool      `json:"within_budget"`
	Comment                  string    `json:"comment,omitempty"`
	By                       string    `json:"by"`
	At                       time.Time `json:"at"`
	Late                     bool      `json:"late,omitempty"`
	Replaced                 bool      `json:"replaced,omitempty"`
}

// ReportChase records the reminder and the escalation of a period's missing report (each once).
type ReportChase struct {
	Period    string    `json:"period"`
	Due       time.Time `json:"due"`
	Reminded  time.Time `json:"reminded,omitempty"`
	Escalated time.Time `json:"escalated,omitempty"`
}

// Measurement is a value of an effect goal on a date.
type Measurement struct {
	Goal  string    `json:"goal"`
	Value float64   `json:"value"`
	Unit  string    `json:"unit"`
	Date  time.Time `json:"date"` // the day the value is for
	By    string    `json:"by"`
	At    time.Time `json:"at"`
	Final bool      `json:"final,omitempty"`
}

// Hearing is one of the twice-yearly hearings.
type Hearing struct {
	ID      string        `json:"id"` // "<year>-1" (spring) or "<year>-2" (autumn)
	At      time.Time     `json:"at"`
	Status  HearingStatus `json:"status"`
	Invited time.Time     `json:"invited,omitempty"` // the date the invitation was for
	// Moves keeps every earlier date, oldest first.
	Moves []time.Time `json:"moves,omitempty"`
	Notes string      `json:"notes,omitempty"`
	// Venue is where it is held (zero until the office says).
	Venue Venue `json:"venue,omitzero"`
}

// HearingStatus is where a hearing is.
type HearingStatus string

const (
	HearingScheduled HearingStatus = "scheduled"
	HearingInvited   HearingStatus = "invited"
	HearingHeld      HearingStatus = "held"
)

// Unsubscription stops digests to a municipality's contacts (Email empty) or one address.
type Unsubscription struct {
	Municipality string    `json:"municipality"`
	Email        string    `json:"email,omitempty"`
	By           string    `json:"by"`
	At           time.Time `json:"at"`
}

// DigestRecord is one digest period gathered and sent.
type DigestRecord struct {
	Period string    `json:"period"`
	Events int       `json:"events"`
	At     time.Time `json:"at"`
}

// ImplEvent is one line of the implementation's readable history. Public events (everything
// but internal bookkeeping) go into the feedback digests and the newsletter; Ref names what
// the event is about (a milestone, period, goal, hearing or municipality code).
type ImplEvent struct {
	At     time.Time `json:"at"`
	Kind   string    `json:"kind"`
	Ref    string    `json:"ref,omitempty"`
	Detail string    `json:"detail,omitempty"`
	By     string    `json:"by,omitempty"`
	Reason string    `json:"reason,omitempty"`
}

// Event kinds (stable: the i18n catalogue keys on "impl.event.<kind>").
const (
	EvStarted          = "started"
	EvPlanChanged      = "plan_changed"
	EvJoined           = "joined"
	EvMilestoneReached = "milestone_reached"
	EvMilestoneMissed  = "milestone_missed"
	EvReport           = "report"
	EvReportReplaced   = "report_replaced"
	EvReportReminder   = "report_reminder"
	EvReportEscalated  = "report_escalated"
	EvMeasurement      = "measurement"
	EvHearingInvited   = "hearing_invited"
	EvHearingMoved     = "hearing_moved"
	EvHearingVenue     = "hearing_venue"
	EvHearingHeld      = "hearing_held"
	EvUnsubscribed     = "unsubscribed"
	EvCompleted        = "completed"
	EvStopped          = "stopped"
)

// publicEvent reports whether municipalities hear of an event kind in digests.
func publicEvent(kind string) bool {
	switch kind {
	case EvUnsubscribed, EvReportReminder:
		return false
	}
	return true
}

// ImplOutcome is how the implementation ended.
type ImplOutcome struct {
	Stage  Stage  `json:"stage"` // StageCompleted or StageStopped
	Reason string `json:"reason"`
	By     string `json:"by"`
	// Role is the body that ended it (office or leadership), for the public case list.
	Role  Role         `json:"role,omitempty"`
	At    time.Time    `json:"at"`
	Final []GoalResult `json:"final,omitempty"`
}

// ImplementationSetup is what an implementation starts with.
type ImplementationSetup struct {
	InitiativeID string                 `json:"initiative_id"`
	Title        string                 `json:"title"`
	Owner        Owner                  `json:"owner,omitempty"`
	Clock        Clock                  `json:"clock"`
	Settings     ImplementationSettings `json:"settings"`
	// Start is the calendar instant of the go decision.
	Start time.Time `json:"start"`
	// Period and EffectGoal come from the qualification.
	Period       string              `json:"period,omitempty"`
	EffectGoal   string              `json:"effect_goal,omitempty"`
	Participants []string            `json:"participants,omitempty"` // municipality codes
	Register     []OfferMunicipality `json:"register,omitempty"`
	By           string              `json:"by"`
}

// NewImplementation starts the implementation: the period from the qualification (or the
// default length), the effect goal from the qualification (its unit and target set later by
// the office), the yes-sayers as participants, and the hearings of the period.
func NewImplementation(s ImplementationSetup) (*Implementation, error) {
	if err := ValidateID(s.InitiativeID); err != nil {
		return nil, err
	}
	if s.Start.IsZero() {
		return nil, missing("start")
	}
	if err := s.Settings.Validate(); err != nil {
		return nil, err
	}
	start := dayOf(s.Start)
	from, to, ok := ParsePeriod(s.Period)
	if !ok || to.Before(start) {
		from, to = start, start.AddDate(s.Settings.DefaultYears, 0, -1)
	}
	if from.Before(start) {
		from = start
	}
	reg := append([]OfferMunicipality(nil), s.Register...)
	sort.Slice(reg, func(i, j int) bool { return reg[i].Code < reg[j].Code })
	im := &Implementation{InitiativeID: s.InitiativeID, Title: s.Title, Owner: s.Owner, Clock: s.Clock,
		Settings: s.Settings, Plan: ImplementationPlan{Start: from, End: to}, Register: reg, Participants: []ImplParticipant{},
		Events: []ImplEvent{}}
	if s.EffectGoal != "" {
		im.Plan.Goals = []EffectGoal{{ID: "effektmal", Description: s.EffectGoal}}
	}
	im.event(s.Start, EvStarted, "", "", s.By, "")
	for _, code := range s.Participants {
		if municipalityCode.MatchString(code) && !im.participates(code) {
			im.Participants = append(im.Participants, ImplParticipant{Code: code, Name: im.name(code), Source: JoinOffer, At: s.Start, By: s.By})
		}
	}
	im.sortParticipants()
	im.scheduleHearings()
	return im, nil
}

func (im *Implementation) event(at time.Time, kind, ref, detail, by, reason string) {
	im.Events = append(im.Events, ImplEvent{At: at, Kind: kind, Ref: ref, Detail: detail, By: by, Reason: reason})
}

func (im *Implementation) participates(code string) bool {
	for _, p := range im.Participants {
		if p.Code == code {
			return true
		}
	}
	return false
}

func (im *Implementation) name(code string) string {
	i := sort.Search(len(im.Register), func(i int) bool { return im.Register[i].Code >= code })
	if i < len(im.Register) && im.Register[i].Code == code {
		return im.Register[i].Name
	}
	return ""
}

func (im *Implementation) known(code string) bool {
	return len(im.Register) == 0 || im.name(code) != ""
}

func (im *Implementation) sortParticipants() {
	sort.Slice(im.Participants, func(i, j int) bool { return im.Participants[i].Code < im.Participants[j].Code })
}

// Calendar returns the calendar instant of the real instant now.
func (im *Implementation) Calendar(now time.Time) time.Time { return im.Clock.ToCalendar(now) }

// dayOf is the local day of t, at 00:00.
func dayOf(t time.Time) time.Time {
	l := t.In(Stockholm())
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, Stockholm())
}
