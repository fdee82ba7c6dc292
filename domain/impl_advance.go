package domain

import (
	"sort"
	"time"
)

// ImplAction is something the calendar made due that the workflow carries out with an
// activity: a report reminder or escalation, a hearing invitation, or a digest. The state
// records it as done when Advance returns it, so it is never due twice; the activity's
// idempotency key (Key) makes a retry harmless.
type ImplAction struct {
	Kind   string      `json:"kind"` // ActReminder, ActEscalation, ActInvitation, ActDigest
	Ref    string      `json:"ref"`  // period, hearing ID or digest period
	At     time.Time   `json:"at"`   // the due date, the hearing, or the digest time
	Events []ImplEvent `json:"events,omitempty"`
}

// Action kinds.
const (
	ActReminder   = "report_reminder"
	ActEscalation = "report_escalation"
	ActInvitation = "hearing_invitation"
	ActDigest     = "digest"
)

// Advance applies what the calendar made due by real time now: milestones missed at their
// date, reminders and escalations of missing reports (each once), hearing invitations and
// digests. It returns the actions to carry out and is idempotent. An ended implementation
// has nothing due.
func (im *Implementation) Advance(now time.Time) []ImplAction {
	if im.Outcome != nil {
		return nil
	}
	c := im.Calendar(now)
	var out []ImplAction
	for i := range im.Plan.Milestones {
		m := &im.Plan.Milestones[i]
		if m.Reached.IsZero() && !m.Missed && !c.Before(m.Due.AddDate(0, 0, 1)) {
			m.Missed = true
			im.event(m.Due.AddDate(0, 0, 1), EvMilestoneMissed, m.ID, m.Due.Format("2006-01-02"), CalendarActor, "")
		}
	}
	for _, p := range im.ReportPeriods() {
		if im.Report(p.ID) != nil || c.Before(p.Due) {
			continue
		}
		ch := im.chase(p)
		if ch.Reminded.IsZero() {
			ch.Reminded = c
			im.event(c, EvReportReminder, p.ID, p.Due.Format("2006-01-02 15:04"), CalendarActor, "")
			out = append(out, ImplAction{Kind: ActReminder, Ref: p.ID, At: p.Due})
		}
		if ch.Escalated.IsZero() && !c.Before(im.escalationAt(p)) {
			ch.Escalated = c
			im.event(c, EvReportEscalated, p.ID, p.Due.Format("2006-01-02 15:04"), CalendarActor, "")
			out = append(out, ImplAction{Kind: ActEscalation, Ref: p.ID, At: p.Due})
		}
	}
	for i := range im.Hearings {
		h := &im.Hearings[i]
		if h.Status == HearingScheduled && !c.Before(im.inviteAt(*h)) && c.Before(h.At) {
			h.Status, h.Invited = HearingInvited, h.At
			im.event(c, EvHearingInvited, h.ID, h.At.Format("2006-01-02 15:04"), CalendarActor, "")
			out = append(out, ImplAction{Kind: ActInvitation, Ref: h.ID, At: h.At})
		}
	}
	for {
		period, due, ok := im.nextDigest()
		if !ok || c.Before(due) {
			break
		}
		out = append(out, im.takeDigest(period, due, due))
	}
	if len(out) > 0 {
		im.Revision++
	}
	return out
}

// FinalDigest gathers every event not yet in a digest (the ending included) into one last
// digest, sent at once when the implementation ends.
func (im *Implementation) FinalDigest(now time.Time) (ImplAction, bool) {
	c := im.Calendar(now)
	if im.undigested(c.Add(time.Nanosecond)) == 0 {
		im.DigestedThrough = len(im.Events)
		return ImplAction{}, false
	}
	return im.takeDigest("final", c.Add(time.Nanosecond), c), true
}

// takeDigest gathers the public events before until into a digest.
func (im *Implementation) takeDigest(period string, until, at time.Time) ImplAction {
	a := ImplAction{Kind: ActDigest, Ref: period, At: at}
	i := im.DigestedThrough
	for ; i < len(im.Events) && im.Events[i].At.Before(until); i++ {
		if publicEvent(im.Events[i].Kind) {
			a.Events = append(a.Events, im.Events[i])
		}
	}
	im.DigestedThrough = i
	im.Digests = append(im.Digests, DigestRecord{Period: period, Events: len(a.Events), At: at})
	return a
}

// nextDigest is the period and time of the next digest: the period holding the first public
// event not yet gathered.
func (im *Implementation) nextDigest() (string, time.Time, bool) {
	for i := im.DigestedThrough; i < len(im.Events); i++ {
		if publicEvent(im.Events[i].Kind) {
			p, due := im.digestDue(im.Events[i].At)
			return p, due, true
		}
	}
	return "", time.Time{}, false
}

func (im *Implementation) undigested(until time.Time) int {
	n := 0
	for i := im.DigestedThrough; i < len(im.Events) && im.Events[i].At.Before(until); i++ {
		if publicEvent(im.Events[i].Kind) {
			n++
		}
	}
	return n
}

func (im *Implementation) escalationAt(p ReportPeriod) time.Time {
	return p.Due.AddDate(0, 0, im.Settings.EscalateAfterDays)
}

func (im *Implementation) inviteAt(h Hearing) time.Time {
	return h.At.AddDate(0, 0, -im.Settings.InviteDaysBefore)
}

func (im *Implementation) chase(p ReportPeriod) *ReportChase {
	for i := range im.Chases {
		if im.Chases[i].Period == p.ID {
			return &im.Chases[i]
		}
	}
	im.Chases = append(im.Chases, ReportChase{Period: p.ID, Due: p.Due})
	return &im.Chases[len(im.Chases)-1]
}

// ImplWake is the next calendar event of an implementation.
type ImplWake struct {
	Real     time.Time `json:"real"`
	Calendar time.Time `json:"calendar"`
	What     string    `json:"what"` // "milestone", "report_due", "escalation", "invitation", "digest", "period"
	Ref      string    `json:"ref,omitempty"`
}

// NextWake is the first calendar event after real time now: a milestone date, a report due
// date or escalation, a hearing invitation, a digest, or the start of the next period (when
// the workflow continues as new). None once it has ended.
func (im *Implementation) NextWake(now time.Time) (ImplWake, bool) {
	if im.Outcome != nil {
		return ImplWake{}, false
	}
	c := im.Calendar(now)
	best := ImplWake{What: "period", Calendar: im.nextPeriodStart(c)}
	consider := func(at time.Time, what, ref string) {
		if at.After(c) && at.Before(best.Calendar) {
			best = ImplWake{Calendar: at, What: what, Ref: ref}
		}
	}
	for _, m := range im.Plan.Milestones {
		if m.Reached.IsZero() && !m.Missed {
			consider(m.Due.AddDate(0, 0, 1), "milestone", m.ID)
		}
	}
	for _, p := range im.ReportPeriods() {
		if im.Report(p.ID) != nil {
			continue
		}
		consider(p.Due, "report_due", p.ID)
		consider(im.escalationAt(p), "escalation", p.ID)
	}
	for _, h := range im.Hearings {
		if h.Status == HearingScheduled {
			consider(im.inviteAt(h), "invitation", h.ID)
		}
	}
	if p, due, ok := im.nextDigest(); ok {
		consider(due, "digest", p)
	}
	best.Real = im.Clock.ToReal(best.Calendar)
	return best, true
}

// Report is the current (latest) report of a period, or nil.
func (im *Implementation) Report(period string) *StatusReport {
	for i := len(im.Reports) - 1; i >= 0; i-- {
		if im.Reports[i].Period == period && !im.Reports[i].Replaced {
			return &im.Reports[i]
		}
	}
	return nil
}

// Escalated reports whether a period's report is escalated and still missing.
func (im *Implementation) Escalated() bool {
	for _, ch := range im.Chases {
		if !ch.Escalated.IsZero() && im.Report(ch.Period) == nil {
			return true
		}
	}
	return false
}

// NextMilestone is the first milestone not yet reached nor missed, by date.
func (im *Implementation) NextMilestone() *Milestone {
	for _, m := range im.Plan.Milestones {
		if m.Reached.IsZero() && !m.Missed {
			m := m
			return &m
		}
	}
	return nil
}

// LatestEvent is the latest public event (what the case list shows as the latest news).
func (im *Implementation) LatestEvent() *ImplEvent {
	for i := len(im.Events) - 1; i >= 0; i-- {
		if publicEvent(im.Events[i].Kind) {
			e := im.Events[i]
			return &e
		}
	}
	return nil
}

// GoalResult compares an effect goal's latest measurement with its target.
type GoalResult struct {
	Goal   string       `json:"goal"`
	Unit   string       `json:"unit"`
	Target float64      `json:"target"`
	Latest *Measurement `json:"latest,omitempty"`
	// Met is true when the latest value reaches the target (at or below it when lower is
	// better); Gap is target minus the latest value.
	Met bool    `json:"met"`
	Gap float64 `json:"gap"`
	// Values is every measurement of the goal, by date.
	Values []Measurement `json:"values,omitempty"`
}

// GoalResults compares every effect goal with its latest measurement (by date, then by
// when it was entered).
func (im *Implementation) GoalResults() []GoalResult {
	out := make([]GoalResult, 0, len(im.Plan.Goals))
	for _, g := range im.Plan.Goals {
		r := GoalResult{Goal: g.ID, Unit: g.Unit, Target: g.Target}
		for _, m := range im.Measurements {
			if m.Goal == g.ID {
				r.Values = append(r.Values, m)
			}
		}
		sort.SliceStable(r.Values, func(i, j int) bool { return r.Values[i].Date.Before(r.Values[j].Date) })
		if n := len(r.Values); n > 0 {
			last := r.Values[n-1]
			r.Latest = &last
			r.Gap = g.Target - last.Value
			r.Met = last.Value >= g.Target
			if g.LowerIsBetter {
				r.Met = last.Value <= g.Target
			}
		}
		out = append(out, r)
	}
	return out
}

// Recipients lists the participating municipalities whose contacts get digests and
// invitations (not those unsubscribed as a whole), and the single addresses unsubscribed.
func (im *Implementation) Recipients() (codes []ImplParticipant, stopped []string) {
	whole := map[string]bool{}
	for _, u := range im.Unsubscribed {
		if u.Email == "" {
			whole[u.Municipality] = true
		} else {
			stopped = append(stopped, u.Email)
		}
	}
	for _, p := range im.Participants {
		if !whole[p.Code] {
			codes = append(codes, p)
		}
	}
	return codes, stopped
}

func (im *Implementation) milestoneIndex(id string) int {
	for i, m := range im.Plan.Milestones {
		if m.ID == id {
			return i
		}
	}
	return -1
}

func (im *Implementation) milestone(id string) (Milestone, bool) {
	if i := im.milestoneIndex(id); i >= 0 {
		return im.Plan.Milestones[i], true
	}
	return Milestone{}, false
}

func (im *Implementation) goalIndex(id string) int {
	for i, g := range im.Plan.Goals {
		if g.ID == id {
			return i
		}
	}
	return -1
}

func (im *Implementation) goal(id string) (EffectGoal, bool) {
	if i := im.goalIndex(id); i >= 0 {
		return im.Plan.Goals[i], true
	}
	return EffectGoal{}, false
}

func (im *Implementation) goalIDs() []string {
	ids := make([]string, len(im.Plan.Goals))
	for i, g := range im.Plan.Goals {
		ids[i] = g.ID
	}
	return ids
}

func (im *Implementation) measured(goal string) bool {
	for _, m := range im.Measurements {
		if m.Goal == goal {
			return true
		}
	}
	return false
}

func (im *Implementation) hearingIndex(id string) int {
	for i, h := range im.Hearings {
		if h.ID == id {
			return i
		}
	}
	return -1
}

func sortMilestones(ms []Milestone) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Due.Before(ms[j].Due) })
}
