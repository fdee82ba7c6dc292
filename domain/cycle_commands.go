package domain

import (
	"fmt"
	"strings"
	"time"
)

// The messages a cycle accepts. Like an initiative's, each carries Meta and is checked in full
// before anything changes.

// SubmitPriorities is one member's February list, most urgent first. A member gives its own
// list (role council or network); the office can enter it on the member's behalf. A later list
// from the same member replaces the earlier one until the lists deadline.
type SubmitPriorities struct {
	Meta
	Member      string   `json:"member"`
	Initiatives []string `json:"initiatives"`
}

// SubmitValuation is one council member's valuation of one quick analysis in May.
type SubmitValuation struct {
	Meta
	Member     string `json:"member"`
	Initiative string `json:"initiative"`
	Score      int    `json:"score"`
	Comment    string `json:"comment"`
}

// DecideCycle is the leadership's decision at a gate for every initiative of the cycle at that
// gate: those named in Chosen go on, the others at the gate are deferred to the next February.
type DecideCycle struct {
	Meta
	Gate   Gate     `json:"gate"`
	Chosen []string `json:"chosen"`
	// None must be set to choose no initiative: every one at the gate is then deferred to the
	// next February and the cycle ends. A decision with an empty Chosen and without None is
	// refused, so that a forgotten list never ends a cycle.
	None bool `json:"none,omitempty"`
	// Declined are initiatives at the gate that are closed instead of deferred (optional;
	// every one at the gate that is neither chosen nor declined is deferred).
	Declined  []string `json:"declined,omitempty"`
	Reference string   `json:"reference,omitempty"`
}

// CycleCommand is a message that changes a cycle.
type CycleCommand interface {
	checkCycle(c *Cycle, now time.Time) error
	applyCycle(c *Cycle, now time.Time)
	// freeTexts are the message's free texts, (field, value), which the cycle keeps.
	freeTexts() [][2]string
}

// Check reports why cmd would be rejected now, or nil.
func (c *Cycle) Check(cmd CycleCommand, now time.Time) error {
	if c.Phase == PhaseDone {
		return (&ValidationError{Code: CodeClosed, Detail: fmt.Sprint(c.Year)}).hint("cycle_closed")
	}
	if err := cmd.checkCycle(c, now); err != nil {
		return err
	}
	if c.TextBounded {
		return checkFreeTexts(cmd.freeTexts()...)
	}
	return nil
}

func (s SubmitPriorities) freeTexts() [][2]string { return [][2]string{{"reason", s.Reason}} }

func (s SubmitValuation) freeTexts() [][2]string {
	return [][2]string{{"reason", s.Reason}, {"comment", s.Comment}}
}

func (d DecideCycle) freeTexts() [][2]string {
	return [][2]string{{"reason", d.Reason}, {"reference", d.Reference}}
}

// Apply validates cmd and, only if it is valid, changes the cycle.
func (c *Cycle) Apply(cmd CycleCommand, now time.Time) error {
	if err := c.Check(cmd, now); err != nil {
		return err
	}
	cmd.applyCycle(c, now)
	c.Revision++
	return nil
}

func (c *Cycle) inPhase(allowed CyclePhase) error {
	if c.Phase != allowed {
		return &ValidationError{Code: CodeWrongStage, Field: "phase", Detail: string(c.Phase) + " -> " + string(allowed)}
	}
	return nil
}

// checkMember finds the member and checks that the sender may speak for it: the member itself
// (council role for the council, network role for other networks) or the office on its behalf.
func (c *Cycle) checkMember(m Meta, member string, councilOnly bool) (Network, error) {
	if err := m.validate(ActPriorities.Roles()...); err != nil {
		return Network{}, err
	}
	if strings.TrimSpace(member) == "" {
		return Network{}, missing("member")
	}
	n, _, ok := memberNetwork(c.Config.Networks, member)
	if !ok {
		return Network{}, invalid("member", member).hint("unknown_member")
	}
	if councilOnly && n.ID != CouncilNetwork {
		return Network{}, invalid("member", member).hint("council_only")
	}
	want := RoleNetwork
	if n.ID == CouncilNetwork {
		want = RoleCouncil
	}
	if m.By.Role != RoleOffice && m.By.Role != want {
		return Network{}, &ValidationError{Code: CodeForbiddenRole, Field: "by.role",
			Detail: string(m.By.Role) + " -> " + string(want) + "|" + string(RoleOffice)}
	}
	return n, nil
}

func (s SubmitPriorities) checkCycle(c *Cycle, now time.Time) error {
	if _, err := c.checkMember(s.Meta, s.Member, false); err != nil {
		return err
	}
	if c.Phase != PhasePriorities || c.Clock.reached(now, c.ListsDeadline()) {
		return &ValidationError{Code: CodeClosed, Field: "lists_deadline",
			Detail: c.ListsDeadline().Format("2006-01-02 15:04")}
	}
	open := 0
	for _, p := range c.Participants {
		if p.Closed == "" {
			open++
		}
	}
	if err := ValidatePriorityList(s.Initiatives, open, func(id string) bool {
		_, ok := c.Participant(id)
		return ok
	}); err != nil {
		return err
	}
	for _, id := range s.Initiatives {
		if p, _ := c.Participant(id); p.Closed != "" {
			return invalid("initiatives", id).hint("participant_closed", "stage", string(p.Closed))
		}
	}
	return nil
}

func (s SubmitPriorities) applyCycle(c *Cycle, now time.Time) {
	n, _, _ := memberNetwork(c.Config.Networks, s.Member)
	l := SubmittedList{PriorityList: PriorityList{Member: s.Member, Network: n.ID, Initiatives: append([]string(nil), s.Initiatives...)},
		Version: 1, By: s.By.ID, OnBehalf: s.By.Role == RoleOffice, Reason: s.Reason, At: now}
	event := "list_submitted"
	if i, ok := c.list(s.Member); ok {
		l.Version = c.Lists[i].Version + 1
		c.Replaced = append(c.Replaced, c.Lists[i])
		c.Lists = append(c.Lists[:i], c.Lists[i+1:]...)
		event = "list_replaced"
	}
	c.Lists = append(c.Lists, l)
	c.note(now, event+":"+s.Member, s.By.ID, s.Reason)
}

func (s SubmitValuation) checkCycle(c *Cycle, _ time.Time) error {
	if _, err := c.checkMember(s.Meta, s.Member, true); err != nil {
		return err
	}
	if err := c.inPhase(PhaseValuation); err != nil {
		return err
	}
	if s.Initiative == "" {
		return missing("initiative")
	}
	d, _ := c.Decision(GateQuickAnalysis)
	if !contains(d.Chosen, s.Initiative) {
		return invalid("initiative", s.Initiative).hint("no_quick_analysis")
	}
	if err := validateScore("score", s.Score); err != nil {
		return err
	}
	return required([2]string{"comment", s.Comment})
}

func (s SubmitValuation) applyCycle(c *Cycle, now time.Time) {
	v := MemberValuation{Member: s.Member, Initiative: s.Initiative, Score: s.Score, Comment: s.Comment,
		By: s.By.ID, OnBehalf: s.By.Role == RoleOffice, At: now}
	for i, old := range c.Valuations {
		if old.Member == s.Member && old.Initiative == s.Initiative {
			c.ReplacedValuations = append(c.ReplacedValuations, old)
			c.Valuations = append(c.Valuations[:i], c.Valuations[i+1:]...)
			break
		}
	}
	c.Valuations = append(c.Valuations, v)
	c.note(now, "valuation:"+s.Member+":"+s.Initiative, s.By.ID, s.Reason)
}

// gatePhase is the phase in which each gate is decided.
var gatePhase = map[Gate]CyclePhase{
	GateQuickAnalysis: PhaseQuickAnalysisDecision,
	GateQualification: PhaseFinalPrioritisation,
	GateOffer:         PhaseOfferDecision,
}

// Eligible lists the initiatives the cycle decides on at a gate: every participant at the
// first gate, then those chosen at the gate before.
func (c *Cycle) Eligible(g Gate) []string {
	var prev Gate
	switch g {
	case GateQuickAnalysis:
		out := make([]string, len(c.Participants))
		for i, p := range c.Participants {
			out[i] = p.ID
		}
		return out
	case GateQualification:
		prev = GateQuickAnalysis
	case GateOffer:
		prev = GateQualification
	}
	d, _ := c.Decision(prev)
	return append([]string(nil), d.Chosen...)
}

func (d DecideCycle) checkCycle(c *Cycle, _ time.Time) error {
	if err := d.validateFor(ActDecideCycle); err != nil {
		return err
	}
	phase, ok := gatePhase[d.Gate]
	if d.Gate == "" {
		return missing("gate")
	}
	if !ok {
		return invalid("gate", string(d.Gate)).hint("choose_gate")
	}
	if err := c.inPhase(phase); err != nil {
		return err
	}
	switch {
	case len(d.Chosen) == 0 && !d.None:
		return &ValidationError{Code: CodeMissingField, Field: "chosen", Detail: "none"}
	case len(d.Chosen) > 0 && d.None:
		return invalid("none", "").hint("chosen_and_none")
	}
	eligible := c.Eligible(d.Gate)
	seen := map[string]bool{}
	for _, id := range d.Chosen {
		if seen[id] {
			return invalid("chosen", id).hint("duplicate")
		}
		seen[id] = true
		if !contains(eligible, id) {
			return invalid("chosen", id).hint("not_in_round")
		}
	}
	for _, id := range d.Declined {
		if seen[id] {
			return invalid("declined", id).hint("duplicate")
		}
		seen[id] = true
		if !contains(eligible, id) {
			return invalid("declined", id).hint("not_in_round")
		}
	}
	return nil
}

func (d DecideCycle) applyCycle(c *Cycle, now time.Time) {
	var rest []string
	for _, id := range c.Eligible(d.Gate) {
		if !contains(d.Chosen, id) {
			rest = append(rest, id)
		}
	}
	c.Decisions = append(c.Decisions, CycleDecision{Gate: d.Gate, Chosen: append([]string{}, d.Chosen...), NotChosen: rest,
		Declined: append([]string(nil), d.Declined...), Reason: d.Reason, Reference: d.Reference, By: d.By.ID, At: now})
	next := map[Gate]CyclePhase{GateQuickAnalysis: PhaseQuickAnalysis, GateQualification: PhaseQualification, GateOffer: PhaseDone}[d.Gate]
	if len(d.Chosen) == 0 {
		next = PhaseDone // nothing goes on: the cycle has no more to coordinate
	}
	c.Phase = next
	c.note(now, "decided:"+string(d.Gate), d.By.ID, d.Reason)
}

// maxResultLines bounds the lines a decision keeps of what the initiatives answered: only the
// refusals are kept, and at most this many of them, so that the cycle's state stays small
// however long the round (it is carried whole across continue-as-new).
const maxResultLines = 200

// RecordResults stores what the initiatives answered when a decision was passed on: how many
// took it, how many did not, and the first maxResultLines lines of those that did not. Before,
// every line was kept, about 80 bytes an initiative: with the participants, a backlog of 5,000
// made the state too large to continue as new (docs/performance.md).
func (c *Cycle) RecordResults(g Gate, results []DecisionResult) {
	for i := range c.Decisions {
		d := &c.Decisions[i]
		if d.Gate != g {
			continue
		}
		d.Results, d.Told, d.Refused = nil, 0, 0
		for _, r := range results {
			if r.Error == "" {
				d.Told++
				continue
			}
			d.Refused++
			if len(d.Results) < maxResultLines {
				d.Results = append(d.Results, r)
			}
		}
		c.Revision++
	}
}

// NotPassedOn lists the initiatives that did not take the decision when it was passed on (each
// one's reason is in Results), in the order they were told.
func (d CycleDecision) NotPassedOn() []string {
	var out []string
	for _, r := range d.Results {
		if r.Error != "" && r.Initiative != "" {
			out = append(out, r.Initiative)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// GatePhase is the cycle phase in which the gate is decided.
func GatePhase(g Gate) CyclePhase { return gatePhase[g] }
