package domain

import (
	"fmt"
	"strings"
)

// Criterion is one of the four assessment criteria.
type Criterion string

const (
	CriterionUrgency     Criterion = "urgency"     // angelägenhet
	CriterionFeasibility Criterion = "feasibility" // genomförbarhet
	CriterionBenefit     Criterion = "benefit"     // nytta
	CriterionCost        Criterion = "cost"        // kostnader
)

// Criteria lists the criteria in a fixed order.
var Criteria = []Criterion{CriterionUrgency, CriterionFeasibility, CriterionBenefit, CriterionCost}

// MinScore and MaxScore bound every score (1 = low, 5 = high; for cost 5 means expensive).
const (
	MinScore = 1
	MaxScore = 5
)

// CriterionScore is a score with a short motivation.
type CriterionScore struct {
	Criterion  Criterion `json:"criterion"`
	Score      int       `json:"score"`
	Motivation string    `json:"motivation"`
}

// ParseCriterion accepts the English name or the Swedish term, in any letter case.
func ParseCriterion(s string) (Criterion, error) {
	c := alias(s, criterionAliases)
	for _, k := range Criteria {
		if c == k {
			return c, nil
		}
	}
	return "", invalid("criterion", strings.TrimSpace(s))
}

func validateScore(field string, score int) error {
	if score < MinScore || score > MaxScore {
		return invalid(field, fmt.Sprint(score)).hint("range", "min", fmt.Sprint(MinScore), "max", fmt.Sprint(MaxScore))
	}
	return nil
}

// Relevance is a relevance level from the relevance assessment of step 1.
type Relevance string

const (
	RelevanceHigh   Relevance = "high"
	RelevanceMedium Relevance = "medium"
	RelevanceLow    Relevance = "low"
)

func (r Relevance) valid() bool {
	return r == RelevanceHigh || r == RelevanceMedium || r == RelevanceLow
}

// Requirement is one of the seven must-requirements (ska-krav). All must be met before an
// initiative can be chosen for offer.
type Requirement string

const (
	ReqVerifiedNeed        Requirement = "verified_need"          // verifierat behov och intresse
	ReqGroupShouldDrive    Requirement = "group_should_drive"     // SKR-koncernen ska driva det
	ReqCompetenceStaffed   Requirement = "competence_staffed"     // kompetens bemannad
	ReqNamedMainOwner      Requirement = "named_main_owner"       // utsedd huvudägare
	ReqLongTermFinancing   Requirement = "long_term_financing"    // plan för långsiktig finansiering
	ReqLongTermOwnership   Requirement = "long_term_ownership"    // plan för långsiktigt ägarskap
	ReqLinkToMissionsGoals Requirement = "link_to_missions_goals" // koppling till uppdrag, mål, policy, arkitektur
)

// Requirements lists the must-requirements in the order of the 2019 text.
var Requirements = []Requirement{ReqVerifiedNeed, ReqGroupShouldDrive, ReqCompetenceStaffed,
	ReqNamedMainOwner, ReqLongTermFinancing, ReqLongTermOwnership, ReqLinkToMissionsGoals}

// ParseRequirement accepts a requirement's stable name.
func ParseRequirement(s string) (Requirement, error) {
	for _, r := range Requirements {
		if string(r) == strings.TrimSpace(s) {
			return r, nil
		}
	}
	return "", invalid("requirement", s)
}

// RequirementStatus is one line of the checklist.
type RequirementStatus struct {
	Requirement Requirement `json:"requirement"`
	Met         bool        `json:"met"`
	Evidence    string      `json:"evidence,omitempty"`
	RecordedBy  string      `json:"recorded_by,omitempty"`
}

// newChecklist returns all seven requirements, unmet.
func newChecklist() []RequirementStatus {
	out := make([]RequirementStatus, len(Requirements))
	for i, r := range Requirements {
		out[i] = RequirementStatus{Requirement: r}
	}
	return out
}
