package domain

import "time"

// CaseSummary is what the public case list (ärendelista) shows of one initiative. It is a
// projection of the state and holds no personal data: no names, no addresses and none of the
// free-text reasons (which may name people). A decision is shown with the body that made it,
// not the person who entered it. Every instant is on the initiative's calendar (local time in
// Europe/Stockholm; for a demo calendar the simulated date, as status shows it).
type CaseSummary struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Stage     Stage   `json:"stage"`
	Step      int     `json:"step"`
	Owner     Owner   `json:"owner"`
	Assisting []Owner `json:"assisting,omitempty"`
	// Year is the cycle year: the year of the February review the case is in or heads for.
	Year       int       `json:"year"`
	Registered time.Time `json:"registered"`
	// LatestDecision is the most recent leadership decision or offer-round outcome, if any.
	LatestDecision *CaseDecision `json:"latest_decision,omitempty"`
	// NextMilestone is the next dated event the case waits for, if it has one.
	NextMilestone *CaseMilestone `json:"next_milestone,omitempty"`
	// Outcome is how a closed case ended.
	Outcome *CaseOutcome `json:"outcome,omitempty"`
	// Demo marks a case on a demo calendar (its dates are simulated).
	Demo bool `json:"demo,omitempty"`
}

// GateOfferRound names the offer round's go/no-go among the case list's decisions.
const GateOfferRound Gate = "offer_round"

// Verdicts of an offer round as the case list shows them.
const (
	VerdictGo   Verdict = "go"
	VerdictNoGo Verdict = "no_go"
)

// CaseDecision is a decision as the public sees it: at which gate, what, by which body, when.
type CaseDecision struct {
	Gate    Gate      `json:"gate"`
	Verdict Verdict   `json:"verdict"`
	Body    Role      `json:"body"`
	At      time.Time `json:"at"`
}

// MilestoneKind says what a milestone is.
type MilestoneKind string

const (
	MilestoneSeasonOpens    MilestoneKind = "season_opens"     // a season of the calendar opens
	MilestoneSeasonDeadline MilestoneKind = "season_deadline"  // the last day of a season
	MilestoneOfferSeminar   MilestoneKind = "offer_seminar"    // the offer's launch seminar
	MilestoneOfferDeadline  MilestoneKind = "offer_deadline"   // the answer deadline
	MilestoneLatePeriodEnds MilestoneKind = "late_period_ends" // the last day for late joiners
	MilestoneImplementation MilestoneKind = "implementation"   // a milestone of the implementation plan
)

// CaseMilestone is the next dated event of a case. Season is set for season milestones.
type CaseMilestone struct {
	Kind   MilestoneKind `json:"kind"`
	Season Season        `json:"season,omitempty"`
	// What is the plan's own words for an implementation milestone.
	What string    `json:"what,omitempty"`
	At   time.Time `json:"at"`
}

// CaseOutcome is how a closed case ended and which body ended it.
type CaseOutcome struct {
	Stage Stage     `json:"stage"`
	Body  Role      `json:"body"`
	At    time.Time `json:"at"`
}

// PassedIntake reports whether the initiative's owner has been triaged: the newsletter tells of
// a case from then on, and initiatives recorded before the case list took cases in from their
// registration (workflows/initiative_caselist.go) are listed from then on. The owner is never
// cleared, and a deferred initiative goes back to waiting for February, not to the backlog.
func (in *Initiative) PassedIntake() bool { return in.Owner != "" }

// Summary projects the state onto the case list at real time now (which decides the next
// milestone). One clock per record: what happened (registered, decided, closed) is dated when
// it happened, in real time; what is planned (the next milestone) on the initiative's calendar,
// which on a demo calendar runs faster (the summary says Demo).
func (in *Initiative) Summary(now time.Time) CaseSummary {
	s := CaseSummary{
		ID: in.ID, Title: in.Need.Title, Stage: in.Stage, Step: in.Stage.Step(), Owner: in.Owner,
		Assisting: append([]Owner(nil), in.Assisting...), Year: in.CycleYear,
		Registered: inStockholm(in.Created), Demo: in.Clock.Scaled(),
		LatestDecision: in.latestDecision(), NextMilestone: in.nextMilestone(now),
	}
	if in.Outcome != nil {
		s.Outcome = &CaseOutcome{Stage: in.Outcome.Stage, Body: in.outcomeBody(), At: inStockholm(in.Outcome.At)}
	}
	return s
}

// inStockholm is a real instant in Europe/Stockholm.
func inStockholm(t time.Time) time.Time { return t.In(Stockholm()) }

// latestDecision is the most recent of the leadership's decisions and the offer round's
// verdicts (a later report with the same verdict, such as the round's final one after a go,
// is not a new decision).
func (in *Initiative) latestDecision() *CaseDecision {
	var latest *CaseDecision
	for _, d := range in.publicDecisions() {
		if latest == nil || !d.At.Before(latest.At) {
			latest = &d
		}
	}
	return latest
}

// publicDecisions are the leadership's decisions and the offer round's verdicts (a report
// that repeats the verdict before it is not a new one), as the public sees them, dated when
// they were taken.
func (in *Initiative) publicDecisions() []CaseDecision {
	var out []CaseDecision
	for _, d := range in.Decisions {
		out = append(out, CaseDecision{Gate: d.Gate, Verdict: d.Verdict, Body: RoleLeadership, At: inStockholm(d.At)})
	}
	if in.Offer != nil {
		for i, r := range in.Offer.Reports {
			if i > 0 && in.Offer.Reports[i-1].Go == r.Go {
				continue
			}
			v := VerdictNoGo
			if r.Go {
				v = VerdictGo
			}
			out = append(out, CaseDecision{Gate: GateOfferRound, Verdict: v, Body: RoleMunicipality, At: inStockholm(r.At)})
		}
	}
	return out
}

// nextMilestone is the next calendar event during preparation, and the offer's dates during
// the offer round, and the plan's next milestone during implementation (as the implementation
// last reported it). Closed cases have none.
func (in *Initiative) nextMilestone(now time.Time) *CaseMilestone {
	if im := in.Implementation; in.Stage == StageImplementation && im != nil && im.Progress != nil && im.Progress.Next != nil {
		n := im.Progress.Next
		return &CaseMilestone{Kind: MilestoneImplementation, What: n.What, At: n.Due.In(Stockholm())}
	}
	if w, ok := in.NextWake(now); ok {
		kind := MilestoneSeasonOpens
		if w.Deadline {
			kind = MilestoneSeasonDeadline
		}
		return &CaseMilestone{Kind: kind, Season: w.Season, At: w.Calendar}
	}
	if in.Offer == nil {
		return nil
	}
	var candidates []CaseMilestone
	switch in.Stage {
	case StageOfferRound:
		candidates = []CaseMilestone{{Kind: MilestoneOfferSeminar, At: in.Offer.Seminar}, {Kind: MilestoneOfferDeadline, At: in.Offer.Deadline}}
	case StageOfferNotReached:
		candidates = []CaseMilestone{{Kind: MilestoneLatePeriodEnds, At: in.Offer.LateUntil}}
	}
	for _, m := range candidates {
		if in.Clock.ToReal(m.At).After(now) {
			m.At = m.At.In(Stockholm())
			return &m
		}
	}
	return nil
}

// outcomeBody is the body that closed the case: the leadership declines, the municipalities'
// answers leave an offer not implemented, the office or the leadership (whoever sent it)
// completes or stops an implementation, and the office records the rest (a withdrawal).
func (in *Initiative) outcomeBody() Role {
	if im := in.Implementation; im != nil && im.Outcome != nil && im.Outcome.Outcome.Role != "" {
		return im.Outcome.Outcome.Role // completed or stopped by the office or the leadership
	}
	switch in.Outcome.Stage {
	case StageDeclined:
		return RoleLeadership
	case StageNotImplemented:
		return RoleMunicipality
	}
	return RoleOffice
}

// SpreadsheetCell neutralises text a spreadsheet would run as a formula, for CSV exports of
// free text (a case's title comes from whoever described the need).
func SpreadsheetCell(s string) string { return cell(s) }
