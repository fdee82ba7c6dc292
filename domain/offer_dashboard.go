package domain

import "sort"

// OfferDashboard is an offer round as the office and the leadership follow it: the tally
// against the rule, per county, who has not answered and who joined late.
type OfferDashboard struct {
	Tally Tally `json:"tally"`
	// RuleShare is the yes share of the population the rule asks for (0 when it does not).
	RuleShare float64 `json:"rule_share"`
	// Reached says whether the yes-sayers hold what the rule asks for now.
	Reached     bool                    `json:"reached"`
	Counties    []CountyTally           `json:"counties"`
	NotAnswered []OfferMunicipality     `json:"not_answered"`
	LateJoiners []LatestAnswer          `json:"late_joiners"`
	Latest      map[string]LatestAnswer `json:"-"`
}

// CountyTally is one county's part of the tally.
type CountyTally struct {
	CountyCode     string `json:"county_code"`
	Municipalities int    `json:"municipalities"`
	Yes            int    `json:"yes"`
	No             int    `json:"no"`
	NotAnswered    int    `json:"not_answered"`
	Population     int64  `json:"population"`
	YesPopulation  int64  `json:"yes_population"`
}

// Dashboard sums the round up for the dashboard.
func (r *OfferRound) Dashboard() OfferDashboard {
	d := OfferDashboard{Tally: r.Tally(), RuleShare: r.Rule.MinPopulationShare, NotAnswered: r.NotAnswered(),
		Latest: map[string]LatestAnswer{}}
	d.Reached = r.Rule.Met(d.Tally.Yes, d.Tally.YesPopulation, d.Tally.Population)
	for _, a := range r.Latest() {
		d.Latest[a.Municipality] = a
		if a.Late && a.Answer == AnswerYes {
			d.LateJoiners = append(d.LateJoiners, a)
		}
	}
	byCounty := map[string]*CountyTally{}
	var codes []string
	for _, m := range r.Municipalities {
		c, ok := byCounty[m.CountyCode]
		if !ok {
			c = &CountyTally{CountyCode: m.CountyCode}
			byCounty[m.CountyCode] = c
			codes = append(codes, m.CountyCode)
		}
		c.Municipalities++
		c.Population += int64(m.Population)
		a, answered := d.Latest[m.Code]
		switch {
		case !answered:
			c.NotAnswered++
		case a.Answer == AnswerYes:
			c.Yes++
			c.YesPopulation += int64(m.Population)
		default:
			c.No++
		}
	}
	sort.Strings(codes)
	for _, code := range codes {
		d.Counties = append(d.Counties, *byCounty[code])
	}
	return d
}
