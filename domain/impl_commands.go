package domain

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Error codes of the implementation's messages (the i18n catalogue has "error.<code>").
const (
	CodeUnknownGoal      ErrorCode = "unknown_goal"
	CodeWrongUnit        ErrorCode = "wrong_unit"
	CodeUnknownPeriod    ErrorCode = "unknown_period"
	CodeUnknownMilestone ErrorCode = "unknown_milestone"
	CodeUnknownHearing   ErrorCode = "unknown_hearing"
	CodeOutOfRange       ErrorCode = "out_of_range"
)

func outOfRange(field, detail string) *ValidationError {
	return &ValidationError{Code: CodeOutOfRange, Field: field, Detail: detail}
}

// ImplCommand is a message that changes an implementation. As for the initiative, check
// validates without changing anything and apply changes the state of a checked command.
type ImplCommand interface {
	checkImpl(im *Implementation, today time.Time) error
	applyImpl(im *Implementation, now, today time.Time)
}

// Check reports why cmd would be rejected at real time now, or nil.
func (im *Implementation) Check(cmd ImplCommand, now time.Time) error {
	if im.Outcome != nil {
		return &ValidationError{Code: CodeClosed, Detail: string(im.Outcome.Stage)}
	}
	return cmd.checkImpl(im, dayOf(im.Calendar(now)))
}

// Apply validates cmd and, only if it is valid, changes the state. Every change is recorded
// as an event at the calendar instant of now.
func (im *Implementation) Apply(cmd ImplCommand, now time.Time) error {
	if err := im.Check(cmd, now); err != nil {
		return err
	}
	c := im.Calendar(now)
	cmd.applyImpl(im, c, dayOf(c))
	im.Revision++
	return nil
}

// MilestoneInput adds or changes a milestone of the plan.
type MilestoneInput struct {
	ID   string `json:"id"`
	What string `json:"what"`
	Due  string `json:"due"` // YYYY-MM-DD
}

// GoalInput adds or changes an effect goal (its unit cannot change once measured).
type GoalInput struct {
	ID            string  `json:"id"`
	Description   string  `json:"description,omitempty"`
	Unit          string  `json:"unit"`
	Target        float64 `json:"target"`
	LowerIsBetter bool    `json:"lower_is_better,omitempty"`
}

// SetPlan sets the period (both dates or neither) and adds or changes milestones and goals.
type SetPlan struct {
	Meta
	Start      string           `json:"start,omitempty"`
	End        string           `json:"end,omitempty"`
	Milestones []MilestoneInput `json:"milestones,omitempty"`
	Goals      []GoalInput      `json:"goals,omitempty"`
}

func (c SetPlan) period(im *Implementation) (time.Time, time.Time, error) {
	if c.Start == "" && c.End == "" {
		return im.Plan.Start, im.Plan.End, nil
	}
	from, err := ParseDate("start", c.Start)
	if err != nil {
		return from, from, err
	}
	to, err := ParseDate("end", c.End)
	if err != nil {
		return from, to, err
	}
	if !to.After(from) {
		return from, to, outOfRange("end", c.End).hint("after", "after", c.Start)
	}
	if to.After(from.AddDate(20, 0, 0)) {
		return from, to, outOfRange("end", c.End).hint("max_years", "years", "20")
	}
	return from, to, nil
}

func (c SetPlan) checkImpl(im *Implementation, today time.Time) error {
	if err := c.validateFor(ActImplPlan); err != nil {
		return err
	}
	if c.Start == "" && c.End == "" && len(c.Milestones) == 0 && len(c.Goals) == 0 {
		return missing("start/end/milestones/goals")
	}
	from, to, err := c.period(im)
	if err != nil {
		return err
	}
	for _, r := range im.Reports {
		if p, ok := im.ReportPeriod(r.Period); !ok || p.Start.Before(periodStart(from, im.Settings.ReportEveryMonths)) || p.Start.After(to) {
			return outOfRange("start", r.Period).hint("report_outside_period")
		}
	}
	seen := map[string]bool{}
	for _, m := range c.Milestones {
		if err := ValidateID(m.ID); err != nil {
			return &ValidationError{Code: CodeInvalidValue, Field: "milestones.id", Detail: m.ID}
		}
		if seen[m.ID] {
			return invalid("milestones.id", m.ID).hint("duplicate")
		}
		seen[m.ID] = true
		old, exists := im.milestone(m.ID)
		if !exists && strings.TrimSpace(m.What) == "" {
			return missing("milestones.what")
		}
		due, err := ParseDate("milestones.due", m.Due)
		if err != nil {
			return err
		}
		if due.Before(from) || due.After(to) {
			return outOfRange("milestones.due", m.Due).hint("outside_period", "what", m.ID, "from", from.Format("2006-01-02"), "to", to.Format("2006-01-02"))
		}
		if exists && !old.Reached.IsZero() && !due.Equal(old.Due) {
			return invalid("milestones.due", m.ID).hint("milestone_reached")
		}
	}
	for _, g := range c.Goals {
		if err := ValidateID(g.ID); err != nil {
			return &ValidationError{Code: CodeInvalidValue, Field: "goals.id", Detail: g.ID}
		}
		old, exists := im.goal(g.ID)
		if !exists && strings.TrimSpace(g.Description) == "" {
			return missing("goals.description")
		}
		if strings.TrimSpace(g.Unit) == "" {
			return missing("goals.unit")
		}
		if math.IsNaN(g.Target) || math.IsInf(g.Target, 0) {
			return invalid("goals.target", fmt.Sprint(g.Target))
		}
		if exists && old.Unit != "" && old.Unit != g.Unit && im.measured(g.ID) {
			return (&ValidationError{Code: CodeWrongUnit, Field: "goals.unit", Detail: g.Unit}).hint("measured_in",
				"goal", g.ID, "unit", old.Unit)
		}
	}
	return nil
}

func (c SetPlan) applyImpl(im *Implementation, now, _ time.Time) {
	from, to, _ := c.period(im)
	im.Plan.Start, im.Plan.End = from, to
	for _, m := range c.Milestones {
		due, _ := ParseDate("due", m.Due)
		if i := im.milestoneIndex(m.ID); i >= 0 {
			ms := &im.Plan.Milestones[i]
			if m.What != "" {
				ms.What = m.What
			}
			if !due.Equal(ms.Due) {
				ms.Due, ms.Missed = due, false
			}
			continue
		}
		im.Plan.Milestones = append(im.Plan.Milestones, Milestone{ID: m.ID, What: m.What, Due: due})
	}
	sortMilestones(im.Plan.Milestones)
	for _, g := range c.Goals {
		eg := EffectGoal{ID: g.ID, Description: g.Description, Unit: g.Unit, Target: g.Target, LowerIsBetter: g.LowerIsBetter}
		if i := im.goalIndex(g.ID); i >= 0 {
			if eg.Description == "" {
				eg.Description = im.Plan.Goals[i].Description
			}
			im.Plan.Goals[i] = eg
			continue
		}
		im.Plan.Goals = append(im.Plan.Goals, eg)
	}
	im.scheduleHearings()
	im.event(now, EvPlanChanged, "", fmt.Sprintf("%s–%s", from.Format("2006-01-02"), to.Format("2006-01-02")), c.By.ID, c.Reason)
}

// RecordMilestone records that a milestone was reached (on Reached, default today).
type RecordMilestone struct {
	Meta
	Milestone string `json:"milestone"`
	Reached   string `json:"reached,omitempty"`
}

func (c RecordMilestone) day(today time.Time) (time.Time, error) {
	if c.Reached == "" {
		return today, nil
	}
	return ParseDate("reached", c.Reached)
}

func (c RecordMilestone) checkImpl(im *Implementation, today time.Time) error {
	if err := c.validateFor(ActImplMilestone); err != nil {
		return err
	}
	if err := checkOwnerFor(c.By, im.Owner); err != nil {
		return err
	}
	m, ok := im.milestone(c.Milestone)
	if !ok {
		return &ValidationError{Code: CodeUnknownMilestone, Field: "milestone", Detail: c.Milestone}
	}
	if !m.Reached.IsZero() {
		return invalid("milestone", c.Milestone).hint("milestone_reached_on", "date", m.Reached.Format("2006-01-02"))
	}
	d, err := c.day(today)
	if err != nil {
		return err
	}
	if d.After(today) || d.Before(im.Plan.Start) {
		return outOfRange("reached", d.Format("2006-01-02")).hint("between_start_and_today")
	}
	return nil
}

func (c RecordMilestone) applyImpl(im *Implementation, now, today time.Time) {
	d, _ := c.day(today)
	m := &im.Plan.Milestones[im.milestoneIndex(c.Milestone)]
	m.Reached, m.ReachedBy = d, c.By.ID
	detail := "i tid"
	if m.Missed || d.After(m.Due) {
		detail = "sent"
	}
	im.event(now, EvMilestoneReached, m.ID, detail, c.By.ID, c.Reason)
}

// SubmitReport is the owning organisation's status report for a period (entered by the
// office). Every answer is required.
type SubmitReport struct {
	Meta
	Period                   string `json:"period"`
	OnScheduleGroup          *bool  `json:"on_schedule_group"`
	OnScheduleMunicipalities *bool  `json:"on_schedule_municipalities"`
	WithinStaff              *bool  `json:"within_staff"`
	WithinBudget             *bool  `json:"within_budget"`
	Comment                  string `json:"comment,omitempty"`
}

func (c SubmitReport) checkImpl(im *Implementation, today time.Time) error {
	if err := c.validateFor(ActImplReport); err != nil {
		return err
	}
	if err := checkOwnerFor(c.By, im.Owner); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    *bool
	}{{"on_schedule_group", c.OnScheduleGroup}, {"on_schedule_municipalities", c.OnScheduleMunicipalities},
		{"within_staff", c.WithinStaff}, {"within_budget", c.WithinBudget}} {
		if f.v == nil {
			return missing(f.name)
		}
	}
	p, ok := im.ReportPeriod(c.Period)
	if !ok {
		return &ValidationError{Code: CodeUnknownPeriod, Field: "period", Detail: c.Period}
	}
	if today.Before(p.Start) {
		return outOfRange("period", p.ID).hint("period_not_begun")
	}
	return nil
}

func (c SubmitReport) applyImpl(im *Implementation, now, _ time.Time) {
	p, _ := im.ReportPeriod(c.Period)
	version, kind := 1, EvReport
	for i := range im.Reports {
		if r := &im.Reports[i]; r.Period == p.ID && !r.Replaced {
			r.Replaced = true
			version, kind = r.Version+1, EvReportReplaced
		}
	}
	r := StatusReport{Period: p.ID, Version: version, OnScheduleGroup: *c.OnScheduleGroup,
		OnScheduleMunicipalities: *c.OnScheduleMunicipalities, WithinStaff: *c.WithinStaff, WithinBudget: *c.WithinBudget,
		Comment: c.Comment, By: c.By.ID, At: now, Late: now.After(p.Due)}
	im.Reports = append(im.Reports, r)
	im.event(now, kind, p.ID, r.Summary(), c.By.ID, c.Reason)
}

// Summary is the report's four answers as stable words ("on_schedule_group=yes ...").
func (r StatusReport) Summary() string {
	yn := func(b bool) string {
		if b {
			return "ja"
		}
		return "nej"
	}
	return fmt.Sprintf("SKR-koncernen i tid: %s; kommunerna i tid: %s; inom bemanning: %s; inom budget: %s",
		yn(r.OnScheduleGroup), yn(r.OnScheduleMunicipalities), yn(r.WithinStaff), yn(r.WithinBudget))
}

// RecordMeasurement enters a value of an effect goal for a date, when statistics come in.
type RecordMeasurement struct {
	Meta
	Goal  string  `json:"goal"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Date  string  `json:"date"`
}

// measurementFloor: values may go back this many years before the start (a baseline).
const measurementFloor = 5

func (c RecordMeasurement) checkImpl(im *Implementation, today time.Time) error {
	if err := c.validateFor(ActImplMeasure); err != nil {
		return err
	}
	if err := checkOwnerFor(c.By, im.Owner); err != nil {
		return err
	}
	return im.checkFigure(c.Goal, c.Value, c.Unit, c.Date, today)
}

func (im *Implementation) checkFigure(goal string, value float64, unit, date string, today time.Time) error {
	g, ok := im.goal(goal)
	if !ok {
		return (&ValidationError{Code: CodeUnknownGoal, Field: "goal", Detail: goal}).hint("known", "known", strings.Join(im.goalIDs(), ", "))
	}
	if g.Unit == "" {
		return missing("goals.unit").hint("set_goal_first", "goal", goal)
	}
	if unit != g.Unit {
		return (&ValidationError{Code: CodeWrongUnit, Field: "unit", Detail: unit}).hint("measured_in", "goal", goal, "unit", g.Unit)
	}
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return invalid("value", fmt.Sprint(value))
	}
	d, err := ParseDate("date", date)
	if err != nil {
		return err
	}
	floor := im.Plan.Start.AddDate(-measurementFloor, 0, 0)
	if d.After(today) || d.Before(floor) {
		return outOfRange("date", date).hint("between_date_and_today", "from", floor.Format("2006-01-02"))
	}
	return nil
}

func (c RecordMeasurement) applyImpl(im *Implementation, now, _ time.Time) {
	d, _ := ParseDate("date", c.Date)
	im.Measurements = append(im.Measurements, Measurement{Goal: c.Goal, Value: c.Value, Unit: c.Unit, Date: d, By: c.By.ID, At: now})
	im.event(now, EvMeasurement, c.Goal, fmt.Sprintf("%s %s (%s)", formatValue(c.Value), c.Unit, c.Date), c.By.ID, c.Reason)
}

// RecordHearing records a hearing as held (on or after its date) or moves it to a new date.
type RecordHearing struct {
	Meta
	Hearing string `json:"hearing"`
	Held    bool   `json:"held,omitempty"`
	MoveTo  string `json:"move_to,omitempty"` // YYYY-MM-DD; the time of day stays
	Notes   string `json:"notes,omitempty"`
	// Venue, when set, says where the hearing is held (alone, or with a move).
	Venue *Venue `json:"venue,omitempty"`
}

func (c RecordHearing) checkImpl(im *Implementation, today time.Time) error {
	if err := c.validateFor(ActImplHearing); err != nil {
		return err
	}
	i := im.hearingIndex(c.Hearing)
	if i < 0 {
		return &ValidationError{Code: CodeUnknownHearing, Field: "hearing", Detail: c.Hearing}
	}
	h := im.Hearings[i]
	if h.Status == HearingHeld {
		return invalid("hearing", c.Hearing).hint("hearing_held")
	}
	changes := c.MoveTo != "" || c.Venue != nil
	switch {
	case c.Held == changes:
		return invalid("held/move_to", "").hint("held_or_moved")
	case c.Held && today.Before(dayOf(h.At)):
		return outOfRange("held", h.At.Format("2006-01-02")).hint("hearing_not_yet")
	case c.Held:
		return nil
	}
	if c.Venue != nil {
		if err := c.Venue.Validate(); err != nil {
			return err
		}
	}
	if c.MoveTo == "" {
		return nil
	}
	d, err := ParseDate("move_to", c.MoveTo)
	if err != nil {
		return err
	}
	if !d.After(today) || d.After(im.Plan.End.AddDate(0, 6, 0)) {
		return outOfRange("move_to", c.MoveTo).hint("after_today_within")
	}
	return nil
}

func (c RecordHearing) applyImpl(im *Implementation, now, _ time.Time) {
	h := &im.Hearings[im.hearingIndex(c.Hearing)]
	if c.Notes != "" {
		h.Notes = c.Notes
	}
	if c.Held {
		h.Status = HearingHeld
		im.event(now, EvHearingHeld, h.ID, h.At.Format("2006-01-02"), c.By.ID, c.Reason)
		return
	}
	if c.Venue != nil {
		h.Venue = *c.Venue
		im.event(now, EvHearingVenue, h.ID, h.Venue.String(), c.By.ID, c.Reason)
	}
	if c.MoveTo == "" {
		return
	}
	d, _ := ParseDate("move_to", c.MoveTo)
	l := h.At.In(Stockholm())
	h.Moves = append(h.Moves, h.At)
	h.At = time.Date(d.Year(), d.Month(), d.Day(), l.Hour(), l.Minute(), 0, 0, Stockholm())
	h.Status = HearingScheduled // a new invitation goes out for the new date
	sortHearings(im.Hearings)
	im.event(now, EvHearingMoved, c.Hearing, h.At.Format("2006-01-02 15:04"), c.By.ID, c.Reason)
}

// JoinImplementation adds municipalities that take part: late joiners from the offer round
// (sent by the initiative) or municipalities joining during implementation. A municipality
// already taking part is left as it is.
type JoinImplementation struct {
	Meta
	Municipalities []string `json:"municipalities"`
	Source         string   `json:"source,omitempty"` // JoinOfferLate or JoinDuring (default)
}

func (c JoinImplementation) checkImpl(im *Implementation, _ time.Time) error {
	if err := c.validateFor(ActImplJoin); err != nil {
		return err
	}
	if len(c.Municipalities) == 0 {
		return missing("municipalities")
	}
	switch c.Source {
	case "", JoinDuring, JoinOfferLate:
	default:
		return invalid("source", c.Source)
	}
	for _, code := range c.Municipalities {
		if !municipalityCode.MatchString(code) || !im.known(code) {
			return &ValidationError{Code: CodeUnknownMunicipality, Field: "municipalities", Detail: code}
		}
	}
	return nil
}

func (c JoinImplementation) applyImpl(im *Implementation, now, _ time.Time) {
	src := c.Source
	if src == "" {
		src = JoinDuring
	}
	for _, code := range c.Municipalities {
		if im.participates(code) {
			continue
		}
		im.Participants = append(im.Participants, ImplParticipant{Code: code, Name: im.name(code), Source: src, At: now, By: c.By.ID})
		im.event(now, EvJoined, code, im.name(code), c.By.ID, c.Reason)
	}
	im.sortParticipants()
}

// Unsubscribe stops the digests to a participating municipality's contacts, or to one
// address of it. The address stays in the workflow state only, never in logs or search
// attributes.
type Unsubscribe struct {
	Meta
	Municipality string `json:"municipality"`
	Email        string `json:"email,omitempty"`
}

func (c Unsubscribe) checkImpl(im *Implementation, _ time.Time) error {
	if err := c.validateFor(ActImplUnsubscribe); err != nil {
		return err
	}
	if !im.participates(c.Municipality) {
		return (&ValidationError{Code: CodeUnknownMunicipality, Field: "municipality", Detail: c.Municipality}).hint("not_participating")
	}
	if c.Email != "" && !strings.Contains(c.Email, "@") {
		return invalid("email", c.Email).hint("email")
	}
	return nil
}

func (c Unsubscribe) applyImpl(im *Implementation, now, _ time.Time) {
	im.Unsubscribed = append(im.Unsubscribed, Unsubscription{Municipality: c.Municipality, Email: strings.ToLower(strings.TrimSpace(c.Email)),
		By: c.By.ID, At: now})
	im.event(now, EvUnsubscribed, c.Municipality, "", c.By.ID, c.Reason)
}

// FinalFigure is the final value of an effect goal at completion.
type FinalFigure struct {
	Goal  string  `json:"goal"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Date  string  `json:"date,omitempty"` // default today
}

// CompleteImplementation ends the implementation as completed, with a final figure for
// every effect goal.
type CompleteImplementation struct {
	Meta
	Final []FinalFigure `json:"final"`
}

func (c CompleteImplementation) date(f FinalFigure, today time.Time) string {
	if f.Date == "" {
		return today.Format("2006-01-02")
	}
	return f.Date
}

func (c CompleteImplementation) checkImpl(im *Implementation, today time.Time) error {
	if err := c.validateFor(ActImplComplete); err != nil {
		return err
	}
	given := map[string]bool{}
	for _, f := range c.Final {
		if given[f.Goal] {
			return invalid("final.goal", f.Goal).hint("duplicate")
		}
		given[f.Goal] = true
		if err := im.checkFigure(f.Goal, f.Value, f.Unit, c.date(f, today), today); err != nil {
			return err
		}
	}
	for _, g := range im.Plan.Goals {
		if !given[g.ID] {
			return missing("final").hint("final_for", "goal", g.ID)
		}
	}
	return nil
}

func (c CompleteImplementation) applyImpl(im *Implementation, now, today time.Time) {
	for _, f := range c.Final {
		d, _ := ParseDate("date", c.date(f, today))
		im.Measurements = append(im.Measurements, Measurement{Goal: f.Goal, Value: f.Value, Unit: f.Unit, Date: d, By: c.By.ID, At: now, Final: true})
	}
	im.end(now, StageCompleted, c.Meta)
}

// StopImplementation ends the implementation early, with the reason.
type StopImplementation struct {
	Meta
}

func (c StopImplementation) checkImpl(_ *Implementation, _ time.Time) error {
	return c.validateFor(ActImplStop)
}

func (c StopImplementation) applyImpl(im *Implementation, now, _ time.Time) {
	im.end(now, StageStopped, c.Meta)
}

func (im *Implementation) end(now time.Time, s Stage, m Meta) {
	im.Outcome = &ImplOutcome{Stage: s, Reason: m.Reason, By: m.By.ID, Role: m.By.Role, At: now, Final: im.GoalResults()}
	kind := EvCompleted
	if s == StageStopped {
		kind = EvStopped
	}
	im.event(now, kind, "", "", m.By.ID, m.Reason)
}

func formatValue(v float64) string {
	return strings.Replace(fmt.Sprintf("%g", v), ".", ",", 1)
}
