package domain

import "time"

// Tally is the count of answers at one moment. The shares are for display; RuleMet is decided
// in integer arithmetic by DecisionRule.Met.
type Tally struct {
	Municipalities int `json:"municipalities"`
	Yes            int `json:"yes"`
	No             int `json:"no"`
	NotAnswered    int `json:"not_answered"`
	// LateYes counts yes answers that came after the deadline from municipalities that had
	// not said yes by then (late joiners).
	LateYes                int     `json:"late_yes"`
	Population             int64   `json:"population"`
	YesPopulation          int64   `json:"yes_population"`
	YesShareMunicipalities float64 `json:"yes_share_municipalities"`
	YesSharePopulation     float64 `json:"yes_share_population"`
	RuleMet                bool    `json:"rule_met"`
}

// Tally counts every answer accepted so far.
func (r *OfferRound) Tally() Tally {
	return r.tally(func(AnswerVersion) bool { return true })
}

// TallyAtDeadline counts only the answers given before the deadline.
func (r *OfferRound) TallyAtDeadline() Tally {
	return r.tally(func(v AnswerVersion) bool { return !v.Late })
}

func (r *OfferRound) tally(include func(AnswerVersion) bool) Tally {
	latest := r.latestWhere(include)
	atDeadline := r.latestWhere(func(v AnswerVersion) bool { return !v.Late })
	t := Tally{Municipalities: len(r.Municipalities)}
	for _, m := range r.Municipalities {
		t.Population += int64(m.Population)
		v, ok := latest[m.Code]
		switch {
		case !ok:
			t.NotAnswered++
		case v.Answer == AnswerYes:
			t.Yes++
			t.YesPopulation += int64(m.Population)
			if before, ok := atDeadline[m.Code]; v.Late && (!ok || before.Answer != AnswerYes) {
				t.LateYes++
			}
		default:
			t.No++
		}
	}
	if t.Municipalities > 0 {
		t.YesShareMunicipalities = float64(t.Yes) / float64(t.Municipalities)
	}
	if t.Population > 0 {
		t.YesSharePopulation = float64(t.YesPopulation) / float64(t.Population)
	}
	t.RuleMet = r.Rule.Met(t.Yes, t.YesPopulation, t.Population)
	return t
}

// Decide takes the go/no-go at the deadline on the answers given by then. It is idempotent
// and reports whether it decided now.
func (r *OfferRound) Decide(now time.Time) bool {
	if r.Decision != nil || !r.pastDeadline(now) {
		return false
	}
	t := r.TallyAtDeadline()
	r.Decision = &OfferDecision{Go: t.RuleMet, Tally: t, At: now}
	r.Revision++
	// Late answers accepted before the deadline was processed (a busy workflow) may already
	// lift a no-go.
	r.liftIfMet(now)
	return true
}

// liftIfMet records that late joiners satisfied the rule after a no-go at the deadline.
func (r *OfferRound) liftIfMet(now time.Time) {
	if r.Decision == nil || r.Decision.Go || r.Lifted != nil {
		return
	}
	if t := r.Tally(); t.RuleMet {
		r.Lifted = &OfferDecision{Go: true, Tally: t, At: now}
		r.Revision++
	}
}

// Go reports the current outcome: go at the deadline, or lifted by late joiners since.
func (r *OfferRound) Go() bool {
	return r.Decision != nil && (r.Decision.Go || r.Lifted != nil)
}

// CloseIfOver closes the round once the late period is over; it reports whether it closed now.
func (r *OfferRound) CloseIfOver(now time.Time) bool {
	if r.Closed || r.Decision == nil || !r.Clock.reached(now, r.LateUntil) {
		return false
	}
	r.Close(now)
	return true
}

// Close ends the round: no answer is accepted after this.
func (r *OfferRound) Close(now time.Time) {
	if r.Closed {
		return
	}
	r.Closed, r.ClosedAt = true, now
	r.Revision++
}
