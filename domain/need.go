package domain

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"
)

// Need is the intake template (step 1): what the proposer describes.
type Need struct {
	Title                string   `json:"title" yaml:"title"`
	Problem              string   `json:"problem" yaml:"problem"`
	WhoHasTheNeed        string   `json:"who_has_the_need" yaml:"who_has_the_need"`
	ExpectedBenefit      string   `json:"expected_benefit" yaml:"expected_benefit"`
	AffectedActivities   []string `json:"affected_activities" yaml:"affected_activities"`
	ProposerOrganisation string   `json:"proposer_organisation" yaml:"proposer_organisation"`
	// ContactEmail is personal data: it stays in workflow state and never goes into search
	// attributes, memos or info-level logs.
	ContactEmail string `json:"contact_email" yaml:"contact_email"`
	// ActionPlanGoals links the need to goals M1-M17 of the 2016 action plan.
	ActionPlanGoals []string `json:"action_plan_goals,omitempty" yaml:"action_plan_goals,omitempty"`
}

// MaxTitleLength keeps titles readable as a workflow summary in the Web UI.
const MaxTitleLength = 120

// Normalize trims white space and upper-cases goal codes, so "m3 " is stored as "M3".
func (n Need) Normalize() Need {
	n.Title = strings.TrimSpace(n.Title)
	n.Problem = strings.TrimSpace(n.Problem)
	n.WhoHasTheNeed = strings.TrimSpace(n.WhoHasTheNeed)
	n.ExpectedBenefit = strings.TrimSpace(n.ExpectedBenefit)
	n.ProposerOrganisation = strings.TrimSpace(n.ProposerOrganisation)
	n.ContactEmail = strings.TrimSpace(n.ContactEmail)
	var acts []string
	for _, a := range n.AffectedActivities {
		if a = strings.TrimSpace(a); a != "" {
			acts = append(acts, a)
		}
	}
	n.AffectedActivities = acts
	goals := make([]string, 0, len(n.ActionPlanGoals))
	for _, g := range n.ActionPlanGoals {
		goals = append(goals, strings.ToUpper(strings.TrimSpace(g)))
	}
	if len(goals) == 0 {
		goals = nil
	}
	n.ActionPlanGoals = goals
	return n
}

// Validate reports every missing or malformed field, in template order: the first, with the
// others in ValidationError.Others.
func (n Need) Validate() error {
	var p problems
	required := []struct{ field, value string }{
		{"title", n.Title}, {"problem", n.Problem}, {"who_has_the_need", n.WhoHasTheNeed},
		{"expected_benefit", n.ExpectedBenefit},
	}
	for _, r := range required {
		if strings.TrimSpace(r.value) == "" {
			p.add(missing(r.field))
		}
	}
	if utf8.RuneCountInString(n.Title) > MaxTitleLength {
		p.add(invalid("title", fmt.Sprint(utf8.RuneCountInString(n.Title))).hint("max_chars", "max", fmt.Sprint(MaxTitleLength)))
	}
	if len(n.AffectedActivities) == 0 {
		p.add(missing("affected_activities"))
	}
	if strings.TrimSpace(n.ProposerOrganisation) == "" {
		p.add(missing("proposer_organisation"))
	}
	if strings.TrimSpace(n.ContactEmail) == "" {
		p.add(missing("contact_email"))
	} else if a, err := mail.ParseAddress(n.ContactEmail); err != nil || a.Address != n.ContactEmail {
		p.add(invalid("contact_email", n.ContactEmail).hint("email"))
	}
	seen := map[string]bool{}
	for _, g := range n.ActionPlanGoals {
		if !validGoal(g) {
			p.add(invalid("action_plan_goals", g).hint("goal_codes"))
			continue
		}
		if seen[g] {
			p.add(invalid("action_plan_goals", g).hint("duplicate"))
		}
		seen[g] = true
	}
	return p.err()
}

func validGoal(g string) bool {
	for i := 1; i <= 17; i++ {
		if g == fmt.Sprintf("M%d", i) {
			return true
		}
	}
	return false
}
