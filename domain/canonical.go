package domain

import "strings"

// Parse, don't just validate: every value a person or a client may write in more than one way
// (owner "inera", criterion "nytta", relevance "hög") is turned into its one canonical form
// before it is checked and applied, so the state, the search attributes and the case list
// hold "Inera", "benefit" and "high" whoever sent the message. The CLI, the console and any
// admin tool may send either form; the workflow canonicalises what arrives (Canonical).

// canonicaliser is a command that has values with aliases.
type canonicaliser interface {
	canonical() Command
}

// Canonical returns cmd with every alias replaced by its canonical value. A value that is no
// known alias is left as it is, for Check to refuse with a message naming it.
func Canonical(cmd Command) Command {
	if c, ok := cmd.(canonicaliser); ok {
		return c.canonical()
	}
	return cmd
}

// spelling is a canonical value with its other spellings (lower case).
type spelling[T ~string] struct {
	canon  T
	others []string
}

// alias looks s up in a table of canonical values and their other spellings, ignoring case and
// surrounding space; unknown values are returned trimmed. (A slice, not a map: workflow code
// calls it, and its result must not depend on an iteration order.)
func alias[T ~string](s string, table []spelling[T]) T {
	key := strings.ToLower(strings.TrimSpace(s))
	for _, sp := range table {
		if key == strings.ToLower(string(sp.canon)) {
			return sp.canon
		}
		for _, o := range sp.others {
			if key == o {
				return sp.canon
			}
		}
	}
	return T(strings.TrimSpace(s))
}

var ownerAliases = []spelling[Owner]{{canon: OwnerSKR}, {canon: OwnerAdda}, {canon: OwnerInera}}

var criterionAliases = []spelling[Criterion]{
	{CriterionUrgency, []string{"angelägenhet", "angelagenhet"}},
	{CriterionFeasibility, []string{"genomförbarhet", "genomforbarhet"}},
	{CriterionBenefit, []string{"nytta"}},
	{CriterionCost, []string{"kostnad", "kostnader"}},
}

var relevanceAliases = []spelling[Relevance]{
	{RelevanceHigh, []string{"hög", "hog"}}, {RelevanceMedium, []string{"medel", "mellan"}}, {RelevanceLow, []string{"låg", "lag"}},
}

var routeAliases = []spelling[TriageRoute]{
	{RouteOwn, []string{"äger", "eget"}}, {RouteAssist, []string{"bistår", "bistar"}}, {RouteProcurement, []string{"upphandling"}},
}

var gateAliases = []spelling[Gate]{
	{GateQuickAnalysis, []string{"snabbanalys"}}, {GateQualification, []string{"kvalificering"}}, {GateOffer, []string{"erbjudande"}},
}

var verdictAliases = []spelling[Verdict]{
	{VerdictApprove, []string{"godkänn", "ja"}}, {VerdictDefer, []string{"skjut upp", "vänta"}}, {VerdictDecline, []string{"avslå", "nej"}},
}

func (c TriageOwner) canonical() Command {
	c.Owner = alias(string(c.Owner), ownerAliases)
	assisting := make([]Owner, len(c.Assisting))
	for i, a := range c.Assisting {
		assisting[i] = alias(string(a), ownerAliases)
	}
	if len(assisting) > 0 {
		c.Assisting = assisting
	}
	c.Route = alias(string(c.Route), routeAliases)
	return c
}

func (c AssessRelevance) canonical() Command {
	c.Group = alias(string(c.Group), relevanceAliases)
	c.Municipal = alias(string(c.Municipal), relevanceAliases)
	return c
}

func (c ScoreCriteria) canonical() Command {
	scores := make([]CriterionScore, len(c.Scores))
	for i, s := range c.Scores {
		s.Criterion = alias(string(s.Criterion), criterionAliases)
		scores[i] = s
	}
	if len(scores) > 0 {
		c.Scores = scores
	}
	return c
}

func (c RecordRequirement) canonical() Command {
	c.Requirement = Requirement(strings.ToLower(strings.TrimSpace(string(c.Requirement))))
	return c
}

func (c Decide) canonical() Command {
	c.Gate = alias(string(c.Gate), gateAliases)
	c.Verdict = alias(string(c.Verdict), verdictAliases)
	return c
}

func (c RecordQualification) canonical() Command {
	c.ImplementationPeriod = strings.TrimSpace(c.ImplementationPeriod)
	return c
}

// ParseRelevance accepts a relevance level in English or Swedish (hög, medel, låg).
func ParseRelevance(s string) (Relevance, error) {
	r := alias(s, relevanceAliases)
	if !r.valid() {
		if strings.TrimSpace(s) == "" {
			return "", missing("relevance")
		}
		return "", invalid("relevance", s).hint("choose_relevance")
	}
	return r, nil
}
