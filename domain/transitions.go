package domain

import (
	"fmt"
	"strings"
	"time"
)

// Command is a message that changes an initiative. Check validates it against the current
// state without changing anything (the workflow's update validator calls it); Apply checks
// and then changes the state.
type Command interface {
	check(in *Initiative, now time.Time) error
	apply(in *Initiative, now time.Time)
}

// Check reports why cmd would be rejected now, or nil. Aliases are accepted (see Canonical).
func (in *Initiative) Check(cmd Command, now time.Time) error {
	if in.Stage.Closed() {
		return &ValidationError{Code: CodeClosed, Detail: string(in.Stage)}
	}
	return Canonical(cmd).check(in, now)
}

// Apply validates cmd and, only if it is valid, changes the state with cmd as it is; callers
// pass Canonical(cmd) (the workflow does, for runs since canonical-input).
func (in *Initiative) Apply(cmd Command, now time.Time) error {
	if err := in.Check(cmd, now); err != nil {
		return err
	}
	cmd.apply(in, now)
	in.Revision++
	return nil
}

func wrongStage(in *Initiative, allowed ...Stage) error {
	names := make([]string, len(allowed))
	for i, s := range allowed {
		names[i] = string(s)
	}
	return &ValidationError{Code: CodeWrongStage, Field: "stage",
		Detail: string(in.Stage) + " -> " + strings.Join(names, "|")}
}

func inStage(in *Initiative, allowed ...Stage) error {
	for _, s := range allowed {
		if in.Stage == s {
			return nil
		}
	}
	return wrongStage(in, allowed...)
}

// required reports every field (name, value) that is empty, all at once.
func required(fields ...[2]string) error {
	var p problems
	for _, f := range fields {
		if strings.TrimSpace(f[1]) == "" {
			p.add(missing(f[0]))
		}
	}
	return p.err()
}

// --- step 1 ---

func (c TriageOwner) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActTriage); err != nil {
		return err
	}
	if err := inStage(in, StageBacklog, StageTriaged, StageAwaitingFebruary); err != nil {
		return err
	}
	if _, err := ParseOwner(string(c.Owner)); err != nil || c.Owner == "" {
		if c.Owner == "" {
			return missing("owner")
		}
		return err
	}
	for _, a := range c.Assisting {
		if _, err := ParseOwner(string(a)); err != nil || a == c.Owner || a == "" {
			return invalid("assisting", string(a))
		}
	}
	if c.Route == "" {
		return missing("route")
	}
	if !c.Route.valid() {
		return invalid("route", string(c.Route)).hint("choose_route")
	}
	return nil
}

func (c TriageOwner) apply(in *Initiative, now time.Time) {
	in.Owner, in.Assisting, in.Route = c.Owner, c.Assisting, c.Route
	if in.Stage == StageBacklog {
		in.moveTo(now, StageTriaged, c.By.ID, c.Reason)
		return
	}
	in.note(now, "retriaged", c.By.ID, c.Reason)
}

func (c AssessRelevance) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActRelevance); err != nil {
		return err
	}
	if err := inStage(in, StageTriaged, StageAwaitingFebruary); err != nil {
		return err
	}
	if c.Group == "" {
		return missing("group")
	}
	if !c.Group.valid() {
		return invalid("group", string(c.Group)).hint("choose_relevance")
	}
	if c.Municipal == "" {
		return missing("municipal")
	}
	if !c.Municipal.valid() {
		return invalid("municipal", string(c.Municipal)).hint("choose_relevance")
	}
	return nil
}

func (c AssessRelevance) apply(in *Initiative, now time.Time) {
	in.GroupRelevance, in.MunicipalRelevance = c.Group, c.Municipal
	if in.Stage == StageTriaged {
		in.CycleYear = NextCycleYear(in.Calendar, in.Clock, now)
		in.moveTo(now, StageAwaitingFebruary, c.By.ID, c.Reason)
		return
	}
	in.note(now, "relevance_reassessed", c.By.ID, c.Reason)
}

// --- records allowed all through preparation ---

func (c ScoreCriteria) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActScore); err != nil {
		return err
	}
	if !in.Stage.beforeOffer() {
		return wrongStage(in, StageBacklog, StageOfferDecision)
	}
	if len(c.Scores) == 0 {
		return missing("scores")
	}
	seen := map[Criterion]bool{}
	for _, s := range c.Scores {
		if _, err := ParseCriterion(string(s.Criterion)); err != nil || s.Criterion == "" {
			return invalid("criterion", string(s.Criterion))
		}
		if seen[s.Criterion] {
			return invalid("criterion", string(s.Criterion)).hint("duplicate")
		}
		seen[s.Criterion] = true
		if err := validateScore(string(s.Criterion), s.Score); err != nil {
			return err
		}
		if strings.TrimSpace(s.Motivation) == "" {
			return missing(string(s.Criterion) + ".motivation")
		}
	}
	return nil
}

func (c ScoreCriteria) apply(in *Initiative, now time.Time) {
	for _, s := range c.Scores {
		replaced := false
		for i := range in.Criteria {
			if in.Criteria[i].Criterion == s.Criterion {
				in.Criteria[i], replaced = s, true
			}
		}
		if !replaced {
			in.Criteria = append(in.Criteria, s)
		}
	}
	in.note(now, "criteria_scored", c.By.ID, c.Reason)
}

func (c RecordRequirement) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActRequirement); err != nil {
		return err
	}
	if !in.Stage.beforeOffer() {
		return wrongStage(in, StageBacklog, StageOfferDecision)
	}
	if c.Requirement == "" {
		return missing("requirement")
	}
	if _, err := ParseRequirement(string(c.Requirement)); err != nil {
		return err
	}
	if c.Met && strings.TrimSpace(c.Evidence) == "" {
		return missing("evidence")
	}
	return nil
}

func (c RecordRequirement) apply(in *Initiative, now time.Time) {
	for i := range in.Requirements {
		if in.Requirements[i].Requirement == c.Requirement {
			in.Requirements[i] = RequirementStatus{Requirement: c.Requirement, Met: c.Met, Evidence: c.Evidence, RecordedBy: c.By.ID}
		}
	}
	in.note(now, "requirement:"+string(c.Requirement), c.By.ID, c.Reason)
}

// --- step 2 and 3 records ---

func (c RecordQuickAnalysis) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActQuickAnalysis); err != nil {
		return err
	}
	if err := inStage(in, StageQuickAnalysis); err != nil {
		return err
	}
	return required([2]string{"offer_meaning", c.OfferMeaning}, [2]string{"qualification_needs", c.QualificationNeeds})
}

func (c RecordQuickAnalysis) apply(in *Initiative, now time.Time) {
	in.QuickAnalysis = &QuickAnalysis{OfferMeaning: c.OfferMeaning, QualificationNeeds: c.QualificationNeeds, RecordedBy: c.By.ID, At: now}
	in.note(now, "quick_analysis_recorded", c.By.ID, c.Reason)
}

func (c RecordValuation) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActValuation); err != nil {
		return err
	}
	if err := inStage(in, StageValuation); err != nil {
		return err
	}
	if err := validateScore("group_score", c.GroupScore); err != nil {
		return err
	}
	if err := validateScore("municipal_score", c.MunicipalScore); err != nil {
		return err
	}
	return required([2]string{"comment", c.Comment})
}

func (c RecordValuation) apply(in *Initiative, now time.Time) {
	in.Valuation = &Valuation{GroupScore: c.GroupScore, MunicipalScore: c.MunicipalScore, Comment: c.Comment, RecordedBy: c.By.ID, At: now}
	in.note(now, "valuation_recorded", c.By.ID, c.Reason)
}

func (c RecordQualification) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActQualification); err != nil {
		return err
	}
	if err := inStage(in, StageQualification); err != nil {
		return err
	}
	if err := required([2]string{"what", c.What}, [2]string{"who_does_what", c.WhoDoesWhat},
		[2]string{"effect_goal", c.EffectGoal}, [2]string{"cost", c.Cost}, [2]string{"financing", c.Financing}); err != nil {
		return err
	}
	// The period is printed in every offer and starts the implementation's plan: dates, or
	// none (three years from the go decision).
	if p := strings.TrimSpace(c.ImplementationPeriod); p != "" {
		if _, _, ok := ParsePeriod(p); !ok {
			return invalid("implementation_period", p).hint("format_period")
		}
	}
	return nil
}

func (c RecordQualification) apply(in *Initiative, now time.Time) {
	in.Qualification = &QualificationPlan{What: c.What, WhoDoesWhat: c.WhoDoesWhat, EffectGoal: c.EffectGoal,
		Cost: c.Cost, Financing: c.Financing, ImplementationPeriod: c.ImplementationPeriod, RecordedBy: c.By.ID, At: now}
	in.note(now, "qualification_recorded", c.By.ID, c.Reason)
}

// --- leadership decisions ---

// gateStage is the stage in which each gate is decided.
var gateStage = map[Gate]Stage{
	GateQuickAnalysis: StageFebruaryReview,
	GateQualification: StageFinalPrioritisation,
	GateOffer:         StageOfferDecision,
}

func (c Decide) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActDecide); err != nil {
		return err
	}
	if c.Gate == "" {
		return missing("gate")
	}
	stage, ok := gateStage[c.Gate]
	if !ok {
		return invalid("gate", string(c.Gate)).hint("choose_gate")
	}
	switch c.Verdict {
	case VerdictApprove, VerdictDefer, VerdictDecline:
	case "":
		return missing("verdict")
	default:
		return invalid("verdict", string(c.Verdict)).hint("choose_verdict")
	}
	// An initiative still in qualification waits for what is missing: say what, not only
	// that it is in the wrong stage.
	if unmet := in.unmetForOffer(); c.Gate == GateOffer && c.Verdict == VerdictApprove &&
		(in.Stage == stage || in.Stage == StageQualification) && len(unmet) > 0 {
		return &ValidationError{Code: CodeRequirementsUnmet, Field: "requirements", Detail: strings.Join(unmet, ", ")}
	}
	return inStage(in, stage)
}

// unmetForOffer lists what an offer still needs: the qualification plan and every
// must-requirement not met, in checklist order.
func (in *Initiative) unmetForOffer() []string {
	var unmet []string
	if in.Qualification == nil {
		unmet = append(unmet, "qualification_plan")
	}
	for _, r := range in.UnmetRequirements() {
		unmet = append(unmet, string(r))
	}
	return unmet
}

func (c Decide) apply(in *Initiative, now time.Time) {
	in.Decisions = append(in.Decisions, Decision{Gate: c.Gate, Verdict: c.Verdict, Reason: c.Reason,
		Reference: c.Reference, By: c.By.ID, CycleYear: in.CycleYear, At: now, Round: c.Round})
	switch c.Verdict {
	case VerdictDecline:
		in.close(now, StageDeclined, c.By.ID, c.Reason)
	case VerdictDefer:
		in.backToBacklog(now, c.By.ID, c.Reason, c.Round)
	case VerdictApprove:
		next := map[Gate]Stage{GateQuickAnalysis: StageChosenForQuickAnalysis,
			GateQualification: StageChosenForQualification, GateOffer: StageOffered}[c.Gate]
		in.moveTo(now, next, c.By.ID, c.Reason)
	}
}

// backToBacklog keeps this year's records as an earlier round and waits for next February.
func (in *Initiative) backToBacklog(now time.Time, by, reason string, result *RoundResult) {
	in.EarlierRounds = append(in.EarlierRounds, Round{CycleYear: in.CycleYear, ReachedStage: in.Stage,
		QuickAnalysis: in.QuickAnalysis, Valuation: in.Valuation, Round: result})
	in.QuickAnalysis, in.Valuation = nil, nil
	in.CycleYear = NextCycleYear(in.Calendar, in.Clock, now)
	in.moveTo(now, StageAwaitingFebruary, by, reason)
}

func (in *Initiative) close(now time.Time, s Stage, by, reason string) {
	in.moveTo(now, s, by, reason)
	in.Outcome = &Outcome{Stage: s, Reason: reason, By: by, At: now}
}

func (c JoinCycle) check(in *Initiative, _ time.Time) error {
	if err := c.validateFor(ActJoinCycle); err != nil {
		return err
	}
	if err := inStage(in, StageAwaitingFebruary, StageFebruaryReview); err != nil {
		return err
	}
	if c.Year < 2000 || c.Year > 2200 {
		return invalid("year", fmt.Sprint(c.Year))
	}
	// In the February review it already belongs to a cycle year; only that year's cycle may
	// take it in (a cycle that started late).
	if in.Stage == StageFebruaryReview && c.Year != in.CycleYear {
		return invalid("year", fmt.Sprint(c.Year)).hint("in_february_review", "year", fmt.Sprint(in.CycleYear))
	}
	return c.Calendar.Validate()
}

func (c JoinCycle) apply(in *Initiative, now time.Time) {
	in.CycleYear, in.Cycle, in.Calendar, in.Clock = c.Year, c.Year, c.Calendar, c.Clock
	in.note(now, "included_in_cycle", c.By.ID, c.Reason)
}

func (c Withdraw) check(_ *Initiative, _ time.Time) error { return c.validateFor(ActWithdraw) }

func (c Withdraw) apply(in *Initiative, now time.Time) {
	in.close(now, StageWithdrawn, c.By.ID, c.Reason)
}
