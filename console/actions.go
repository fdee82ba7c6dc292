package console

import (
	"github.com/skr/handslag/domain"
)

// fieldKind is how a form field is shown.
type fieldKind int

const (
	text fieldKind = iota
	textarea
	choice   // radio buttons
	dropdown // a select
	date
	checkbox
	finals // one number per effect goal of the plan (final_<goal>)
)

// field is one field of an action's form. Its name is the payload's JSON field, so a refusal
// of the domain (ValidationError.Field) lands on it; its label and hint are console.field.<name>
// and console.field.<name>.hint in the catalogue.
type field struct {
	name    string
	kind    fieldKind
	options func(c *Console, v view) []option
	// optional fields say so beside their label.
	optional bool
}

// action is one thing the console lets a person do to an initiative or its implementation,
// as a form: its domain action (who may), the stages in which it is offered, its fields, and
// how the form's values become the domain's command (parsed once, by the domain's rules).
type action struct {
	slug string // the URL: /konsol/initiativ/{id}/{slug}
	act  domain.Action
	// impl: the message goes to the initiative's implementation; offer: to its offer round.
	impl, offer bool
	// stages in which the action is offered (empty: while the initiative is open and before
	// its offer).
	stages []domain.Stage
	fields []field
	build  func(f form, meta domain.Meta, v view) (any, error)
}

// view is what a form needs to know of the initiative (options, defaults).
type view struct {
	initiative domain.Initiative
	impl       *domain.Implementation
}

var reasonField = field{name: "reason", kind: textarea}

// actions are the office's and the leadership's actions on one initiative, in the order the
// initiative page lists them.
var actions = []action{
	{slug: "triagera", act: domain.ActTriage, stages: []domain.Stage{domain.StageBacklog, domain.StageTriaged},
		fields: []field{{name: "owner", kind: choice, options: ownerOptions}, {name: "route", kind: choice, options: routeOptions}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			return domain.TriageOwner{Meta: m, Owner: domain.Owner(f.get("owner")), Route: domain.TriageRoute(f.get("route"))}, nil
		}},
	{slug: "relevans", act: domain.ActRelevance, stages: []domain.Stage{domain.StageTriaged, domain.StageAwaitingFebruary},
		fields: []field{{name: "group", kind: choice, options: relevanceOptions}, {name: "municipal", kind: choice, options: relevanceOptions}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			return domain.AssessRelevance{Meta: m, Group: domain.Relevance(f.get("group")), Municipal: domain.Relevance(f.get("municipal"))}, nil
		}},
	{slug: "kriterium", act: domain.ActScore,
		fields: []field{{name: "criterion", kind: choice, options: criterionOptions}, {name: "score", kind: choice, options: scoreOptions},
			{name: "motivation", kind: textarea}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			score, err := f.int("score")
			if err != nil {
				return nil, err
			}
			return domain.ScoreCriteria{Meta: m, Scores: []domain.CriterionScore{{Criterion: domain.Criterion(f.get("criterion")),
				Score: score, Motivation: f.get("motivation")}}}, nil
		}},
	{slug: "ska-krav", act: domain.ActRequirement,
		fields: []field{{name: "requirement", kind: dropdown, options: requirementOptions}, {name: "evidence", kind: textarea}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			return domain.RecordRequirement{Meta: m, Requirement: domain.Requirement(f.get("requirement")), Met: true, Evidence: f.get("evidence")}, nil
		}},
	{slug: "snabbanalys", act: domain.ActQuickAnalysis, stages: []domain.Stage{domain.StageQuickAnalysis},
		fields: []field{{name: "offer_meaning", kind: textarea}, {name: "qualification_needs", kind: textarea}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			return domain.RecordQuickAnalysis{Meta: m, OfferMeaning: f.get("offer_meaning"), QualificationNeeds: f.get("qualification_needs")}, nil
		}},
	{slug: "vardering", act: domain.ActValuation, stages: []domain.Stage{domain.StageValuation},
		fields: []field{{name: "group_score", kind: choice, options: scoreOptions}, {name: "municipal_score", kind: choice, options: scoreOptions},
			{name: "comment", kind: textarea}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			g, err := f.int("group_score")
			if err != nil {
				return nil, err
			}
			mu, err := f.int("municipal_score")
			if err != nil {
				return nil, err
			}
			return domain.RecordValuation{Meta: m, GroupScore: g, MunicipalScore: mu, Comment: f.get("comment")}, nil
		}},
	{slug: "kvalificering", act: domain.ActQualification, stages: []domain.Stage{domain.StageQualification},
		fields: []field{{name: "what", kind: textarea}, {name: "who_does_what", kind: textarea}, {name: "effect_goal", kind: textarea},
			{name: "cost", kind: text}, {name: "financing", kind: text}, {name: "implementation_period", kind: text, optional: true}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			return domain.RecordQualification{Meta: m, What: f.get("what"), WhoDoesWhat: f.get("who_does_what"), EffectGoal: f.get("effect_goal"),
				Cost: f.get("cost"), Financing: f.get("financing"), ImplementationPeriod: f.get("implementation_period")}, nil
		}},
	{slug: "beslut", act: domain.ActDecide, stages: []domain.Stage{domain.StageFebruaryReview, domain.StageFinalPrioritisation, domain.StageOfferDecision},
		fields: []field{{name: "verdict", kind: choice, options: verdictOptions}, {name: "reference", kind: text, optional: true}, reasonField},
		build: func(f form, m domain.Meta, v view) (any, error) {
			var gate domain.Gate
			for _, g := range domain.Gates {
				if g.Stage() == v.initiative.Stage {
					gate = g
				}
			}
			return domain.Decide{Meta: m, Gate: gate, Verdict: domain.Verdict(f.get("verdict")), Reference: f.get("reference")}, nil
		}},
	{slug: "aterkalla", act: domain.ActWithdraw, stages: openStages(),
		fields: []field{reasonField},
		build:  func(f form, m domain.Meta, _ view) (any, error) { return domain.Withdraw{Meta: m}, nil }},
	// A request for erasure: the proposer's address goes, the need stays.
	{slug: "radera-kontakt", act: domain.ActForgetContact, stages: openStages(),
		fields: []field{reasonField},
		build:  func(f form, m domain.Meta, _ view) (any, error) { return domain.ForgetContact{Meta: m}, nil }},

	// The implementation's follow-up.
	{slug: "plan", act: domain.ActImplPlan, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: []field{{name: "start", kind: date, optional: true}, {name: "end", kind: date, optional: true},
			{name: "goal_id", kind: text, optional: true}, {name: "goal_unit", kind: text, optional: true}, {name: "goal_target", kind: text, optional: true},
			{name: "lower_is_better", kind: checkbox, optional: true},
			{name: "milestone_id", kind: text, optional: true}, {name: "milestone_what", kind: text, optional: true}, {name: "milestone_due", kind: date, optional: true},
			reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			cmd := domain.SetPlan{Meta: m, Start: f.get("start"), End: f.get("end")}
			if f.get("goal_id") != "" || f.get("goal_unit") != "" || f.get("goal_target") != "" {
				target, err := f.number("goal_target")
				if err != nil {
					return nil, err
				}
				cmd.Goals = []domain.GoalInput{{ID: f.get("goal_id"), Unit: f.get("goal_unit"), Target: target, LowerIsBetter: f.get("lower_is_better") == "ja"}}
			}
			if f.get("milestone_id") != "" || f.get("milestone_what") != "" || f.get("milestone_due") != "" {
				cmd.Milestones = []domain.MilestoneInput{{ID: f.get("milestone_id"), What: f.get("milestone_what"), Due: f.get("milestone_due")}}
			}
			return cmd, nil
		}},
	{slug: "milstolpe", act: domain.ActImplMilestone, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: []field{{name: "milestone", kind: dropdown, options: milestoneOptions}, {name: "reached", kind: date, optional: true}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			return domain.RecordMilestone{Meta: m, Milestone: f.get("milestone"), Reached: f.get("reached")}, nil
		}},
	{slug: "rapport", act: domain.ActImplReport, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: []field{{name: "period", kind: text}, {name: "on_schedule_group", kind: choice, options: yesNoOptions},
			{name: "on_schedule_municipalities", kind: choice, options: yesNoOptions}, {name: "within_staff", kind: choice, options: yesNoOptions},
			{name: "within_budget", kind: choice, options: yesNoOptions}, {name: "comment", kind: textarea, optional: true}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			cmd := domain.SubmitReport{Meta: m, Period: f.get("period"), Comment: f.get("comment")}
			for _, a := range []struct {
				name string
				into **bool
			}{{"on_schedule_group", &cmd.OnScheduleGroup}, {"on_schedule_municipalities", &cmd.OnScheduleMunicipalities},
				{"within_staff", &cmd.WithinStaff}, {"within_budget", &cmd.WithinBudget}} {
				b, err := domain.ParseYesNo(a.name, f.get(a.name))
				if err != nil {
					return nil, err
				}
				*a.into = b
			}
			return cmd, nil
		}},
	{slug: "matvarde", act: domain.ActImplMeasure, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: []field{{name: "goal", kind: dropdown, options: goalOptions}, {name: "value", kind: text}, {name: "unit", kind: text},
			{name: "date", kind: date}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			v, err := f.number("value")
			if err != nil {
				return nil, err
			}
			return domain.RecordMeasurement{Meta: m, Goal: f.get("goal"), Value: v, Unit: f.get("unit"), Date: f.get("date")}, nil
		}},
	{slug: "hearing", act: domain.ActImplHearing, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: append([]field{{name: "hearing", kind: dropdown, options: hearingOptions}, {name: "held", kind: checkbox, optional: true},
			{name: "move_to", kind: date, optional: true}}, append(venueFields(true), field{name: "notes", kind: textarea, optional: true}, reasonField)...),
		build: func(f form, m domain.Meta, _ view) (any, error) {
			v, err := f.venue()
			if err != nil {
				return nil, err
			}
			return domain.RecordHearing{Meta: m, Hearing: f.get("hearing"), Held: f.get("held") == "ja", MoveTo: f.get("move_to"),
				Notes: f.get("notes"), Venue: v}, nil
		}},
	{slug: "seminarium", act: domain.ActSeminarVenue, offer: true, stages: []domain.Stage{domain.StageOffered, domain.StageOfferRound},
		fields: append(venueFields(true), reasonField),
		build: func(f form, m domain.Meta, _ view) (any, error) {
			v, err := f.venue()
			if err != nil {
				return nil, err
			}
			if v == nil {
				v = &domain.Venue{} // refused by the domain: say at least one
			}
			return domain.SetSeminarVenue{Meta: m, Venue: *v}, nil
		}},
	{slug: "ansluta", act: domain.ActImplJoin, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: []field{{name: "municipalities", kind: text}, reasonField},
		build: func(f form, m domain.Meta, _ view) (any, error) {
			return domain.JoinImplementation{Meta: m, Municipalities: domain.SplitList(f.get("municipalities"))}, nil
		}},
	{slug: "avsluta-genomforande", act: domain.ActImplComplete, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: []field{{name: "final", kind: finals}, reasonField},
		build: func(f form, m domain.Meta, v view) (any, error) {
			cmd := domain.CompleteImplementation{Meta: m}
			if v.impl == nil {
				return cmd, nil
			}
			for _, g := range v.impl.Plan.Goals {
				s := f.get("final_" + g.ID)
				if s == "" {
					continue // the domain names the goal that lacks its final figure
				}
				val, err := domain.ParseNumber("final_"+g.ID, s)
				if err != nil {
					return nil, err
				}
				cmd.Final = append(cmd.Final, domain.FinalFigure{Goal: g.ID, Value: val, Unit: g.Unit})
			}
			return cmd, nil
		}},
	{slug: "stoppa", act: domain.ActImplStop, impl: true, stages: []domain.Stage{domain.StageImplementation},
		fields: []field{reasonField},
		build:  func(f form, m domain.Meta, _ view) (any, error) { return domain.StopImplementation{Meta: m}, nil }},
}

// actionBySlug finds an action by its URL.
func actionBySlug(slug string) (action, bool) {
	for _, a := range actions {
		if a.slug == slug {
			return a, true
		}
	}
	return action{}, false
}

// offered reports whether the action is offered in the stage.
func (a action) offered(s domain.Stage) bool {
	stages := a.stages
	if len(stages) == 0 {
		stages = beforeOffer()
	}
	for _, x := range stages {
		if x == s {
			return true
		}
	}
	return false
}

// openStages are the stages an initiative can be withdrawn in.
func openStages() []domain.Stage {
	var out []domain.Stage
	for _, s := range domain.Stages {
		if !s.Closed() && s != domain.StageImplementation {
			out = append(out, s)
		}
	}
	return out
}

// beforeOffer are the open stages before the offer decision is taken.
func beforeOffer() []domain.Stage {
	var out []domain.Stage
	for _, s := range domain.Stages {
		if s == domain.StageOffered {
			break
		}
		out = append(out, s)
	}
	return out
}

// venueFields are a meeting's place, street address and video link (domain.Venue's fields, so
// that a refusal lands on its field).
func venueFields(optional bool) []field {
	return []field{{name: "place", kind: text, optional: optional}, {name: "address", kind: text, optional: optional},
		{name: "link", kind: text, optional: optional}}
}
