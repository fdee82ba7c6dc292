package domain

import (
	"fmt"
	"math"
)

// DecisionRule says when enough municipalities said yes for implementation to start. Every
// condition that is set must hold: at least MinYes municipalities, and yes-sayers holding at
// least MinPopulationShare of the population of all municipalities the offer went to.
type DecisionRule struct {
	MinYes int `json:"min_yes,omitempty"`
	// MinPopulationShare is a fraction (0.6 is 60 %) with at most two decimals in percent.
	MinPopulationShare float64 `json:"min_population_share,omitempty"`
}

// DefaultDecisionRule is the letter of intent's rule: the yes-sayers hold at least 60 % of
// the population.
func DefaultDecisionRule() DecisionRule { return DecisionRule{MinPopulationShare: 0.60} }

// shareScale turns a share into an integer number of hundredths of a percent, so the
// decision is made in exact integer arithmetic (no float rounding at the boundary).
const shareScale = 10000

func (r DecisionRule) shareBasisPoints() int64 {
	return int64(math.Round(r.MinPopulationShare * shareScale))
}

// Validate checks that the rule has at least one condition and that each is in range.
func (r DecisionRule) Validate() error {
	if r.MinYes == 0 && r.MinPopulationShare == 0 {
		return missing("rule")
	}
	if r.MinYes < 0 {
		return invalid("rule.min_yes", fmt.Sprint(r.MinYes))
	}
	if math.IsNaN(r.MinPopulationShare) || r.MinPopulationShare < 0 || r.MinPopulationShare > 1 {
		return invalid("rule.min_population_share", fmt.Sprint(r.MinPopulationShare)).hint("share")
	}
	if bp := r.MinPopulationShare * shareScale; math.Abs(bp-math.Round(bp)) > 1e-6 {
		return invalid("rule.min_population_share", fmt.Sprint(r.MinPopulationShare)).hint("two_decimals")
	}
	return nil
}

// Met reports whether yes municipalities holding yesPopulation of totalPopulation satisfy
// the rule.
func (r DecisionRule) Met(yes int, yesPopulation, totalPopulation int64) bool {
	if r.MinYes > 0 && yes < r.MinYes {
		return false
	}
	if bp := r.shareBasisPoints(); bp > 0 {
		if totalPopulation <= 0 || yesPopulation*shareScale < bp*totalPopulation {
			return false
		}
	}
	return r.MinYes > 0 || r.shareBasisPoints() > 0
}

// String renders the rule for e-mails and status lines (Swedish, as users read it).
func (r DecisionRule) String() string {
	s := ""
	if r.MinYes > 0 {
		s = fmt.Sprintf("minst %d kommuner svarar ja", r.MinYes)
	}
	if bp := r.shareBasisPoints(); bp > 0 {
		if s != "" {
			s += " och "
		}
		s += fmt.Sprintf("de som svarar ja har minst %s %% av befolkningen", formatBasisPoints(bp))
	}
	return s
}

// formatBasisPoints renders hundredths of a percent: 6000 -> "60", 6050 -> "60,5".
func formatBasisPoints(bp int64) string {
	whole, frac := bp/100, bp%100
	switch {
	case frac == 0:
		return fmt.Sprint(whole)
	case frac%10 == 0:
		return fmt.Sprintf("%d,%d", whole, frac/10)
	}
	return fmt.Sprintf("%d,%02d", whole, frac)
}
