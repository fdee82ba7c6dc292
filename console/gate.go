package console

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

// A candidate's verdict on the decision page.
const (
	choiceChosen   = "vald"
	choiceDeferred = "vantar"
	choiceDeclined = "avslas"
)

// candidate is one initiative at the gate, with what the leadership weighs side by side.
type candidate struct {
	ID, Title    string
	Rank, Points int
	Lists        int
	Closed       domain.Stage
	Criteria     []domain.CriterionScore
	Quick        *domain.QuickAnalysis
	Valuation    *domain.Valuation
	Council      *domain.ValuationSummary
	Qualified    *domain.QualificationPlan
	Unmet        []domain.Requirement
	Met          int
	Choice       string
}

type gatePage struct {
	page
	Year       int
	Gate       domain.Gate
	GateText   string
	Path       string
	Phase      domain.CyclePhase
	Open       bool // the cycle waits for this gate now
	MayDecide  bool
	Candidates []candidate
	Reason     string
	Reference  string
	Problems   []problem
	Submission string
	Set        string // the candidates' IDs, to notice a page older than the round
	// Review: the summary to confirm before it is sent.
	Review                     bool
	Chosen, Deferred, Declined []candidate
	ConfirmNone                bool
	NeedNone                   bool
}

// candidates reads the initiatives at the gate in the year's cycle, with their records.
func (c *Console) candidates(r *http.Request, year int, g domain.Gate, rep domain.CycleReport) ([]candidate, error) {
	items, err := c.cfg.Backend.List(r.Context(), admin.Filter{Stage: g.Stage(), CycleYear: year})
	if err != nil {
		return nil, err
	}
	rank := map[string]domain.RankingRow{}
	for _, row := range rep.Ranking {
		rank[row.ID] = row
	}
	council := map[string]domain.ValuationSummary{}
	for _, v := range rep.Valuations {
		council[v.Initiative] = v
	}
	var out []candidate
	for _, s := range items {
		st, err := c.cfg.Backend.Status(r.Context(), s.ID)
		if err != nil {
			return nil, err
		}
		in := st.Initiative
		cd := candidate{ID: in.ID, Title: in.Need.Title, Rank: rank[in.ID].Rank, Points: rank[in.ID].Points, Lists: rank[in.ID].Lists,
			Criteria: in.Criteria, Quick: in.QuickAnalysis, Valuation: in.Valuation, Qualified: in.Qualification,
			Unmet: in.UnmetRequirements(), Choice: choiceDeferred}
		cd.Met = len(in.Requirements) - len(cd.Unmet)
		if v, ok := council[in.ID]; ok {
			cd.Council = &v
		}
		out = append(out, cd)
	}
	// The February ranking first; those no list named after, by ID.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Rank == 0 && b.Rank == 0:
			return a.ID < b.ID
		case a.Rank == 0 || b.Rank == 0:
			return b.Rank == 0
		}
		return a.Rank < b.Rank
	})
	return out, nil
}

func candidateSet(cs []candidate) string {
	ids := make([]string, len(cs))
	for i, cd := range cs {
		ids[i] = cd.ID
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

// gatePageFor reads what a decision page shows; ok is false when the page itself answered.
func (c *Console) gatePageFor(w http.ResponseWriter, r *http.Request, p signin.Person) (gatePage, bool) {
	year, okYear := cycleYear(r)
	g, okGate := consolepath.GateBySlug(r.PathValue("gate"))
	if !okYear || !okGate {
		c.notFound(w, r, p)
		return gatePage{}, false
	}
	if !p.Has(domain.RoleLeadership) && !p.Has(domain.RoleOffice) {
		c.forbidden(w, r, p)
		return gatePage{}, false
	}
	st, rep, found, err := c.loadCycle(r, year)
	if err != nil {
		c.unavailable(w, r, p, err)
		return gatePage{}, false
	}
	if !found {
		c.notFound(w, r, p)
		return gatePage{}, false
	}
	cs, err := c.candidates(r, year, g, rep)
	if err != nil {
		c.unavailable(w, r, p, err)
		return gatePage{}, false
	}
	gp := gatePage{page: c.base(&p, c.t("console.gate.title", "gate", c.t("console.gate."+string(g)), "year", year), "cycle"),
		Year: year, Gate: g, GateText: c.t("console.gate." + string(g)), Path: consolepath.Gate(year, g), Phase: st.Phase,
		Open: st.Phase == domain.GatePhase(g), MayDecide: p.May(domain.ActDecideCycle), Candidates: cs,
		Submission: submissionID(), Set: candidateSet(cs)}
	return gp, true
}

// gateForm is the leadership's decision page for a gate: every candidate side by side.
func (c *Console) gateForm(w http.ResponseWriter, r *http.Request, p signin.Person) {
	gp, ok := c.gatePageFor(w, r, p)
	if !ok {
		return
	}
	c.render(w, http.StatusOK, "gate", gp)
}

// gatePost reviews a decision (step granska: the summary to confirm) and sends it (step
// skicka), as the signed-in leadership member. A decision that chooses none must be
// confirmed explicitly; a page older than the round is refused; nothing is sent otherwise.
func (c *Console) gatePost(w http.ResponseWriter, r *http.Request, p signin.Person) {
	actor, may := p.ActorFor(domain.ActDecideCycle)
	if !may {
		c.forbidden(w, r, p)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	gp, ok := c.gatePageFor(w, r, p)
	if !ok {
		return
	}
	f := form{r.PostForm}
	sub := f.get("submission")
	if !validSubmission(sub) {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	if c.submitted(r.Context(), sub) {
		http.Redirect(w, r, consolepath.Cycle(gp.Year)+"?klart="+consolepath.GateSlug(gp.Gate), http.StatusSeeOther)
		return
	}
	if f.get("set") != gp.Set || !gp.Open {
		c.message(w, r, &p, http.StatusConflict, "console.gate.stale", "link", gp.Path)
		return
	}
	gp.Submission, gp.Reason, gp.Reference = sub, f.get("reason"), f.get("reference")
	cmd := domain.DecideCycle{Meta: domain.Meta{By: actor, Reason: gp.Reason}, Gate: gp.Gate, Reference: gp.Reference}
	for i := range gp.Candidates {
		cd := &gp.Candidates[i]
		switch f.get("v_" + cd.ID) {
		case choiceChosen:
			cd.Choice = choiceChosen
			cmd.Chosen = append(cmd.Chosen, cd.ID)
			gp.Chosen = append(gp.Chosen, *cd)
		case choiceDeclined:
			cd.Choice = choiceDeclined
			cmd.Declined = append(cmd.Declined, cd.ID)
			gp.Declined = append(gp.Declined, *cd)
		default:
			cd.Choice = choiceDeferred
			gp.Deferred = append(gp.Deferred, *cd)
		}
	}
	cmd.None = len(cmd.Chosen) == 0
	gp.NeedNone = cmd.None
	if f.get("step") == "andra" { // back from the summary to the choices, as they were
		c.render(w, http.StatusOK, "gate", gp)
		return
	}
	if gp.Reason == "" {
		gp.Problems = []problem{{Anchor: "f-reason", Text: c.t("console.gate.reason_missing")}}
		gp.Error = true
		c.render(w, http.StatusUnprocessableEntity, "gate", gp)
		return
	}
	if f.get("step") != "skicka" || (cmd.None && f.get("confirm_none") != "ja") {
		gp.Review = true
		if f.get("step") == "skicka" {
			gp.Problems = []problem{{Anchor: "f-confirm_none", Text: c.t("console.gate.confirm_none_missing")}}
			gp.Error = true
		}
		c.render(w, http.StatusOK, "gate", gp)
		return
	}
	var receipt contract.DecisionReceipt
	done, err := c.cfg.Backend.SendCycleWithin(r.Context(), gp.Year, contract.MsgDecideCycle, cmd, &receipt, "konsol/"+sub, decisionPageWait)
	if err != nil {
		if _, refused := err.(*domain.ValidationError); refused {
			gp.Review = true
			gp.Problems, _ = fieldErrors(c.cfg.Lang, err, nil)
			gp.Error = true
			c.render(w, http.StatusUnprocessableEntity, "gate", gp)
			return
		}
		c.unavailable(w, r, p, err)
		return
	}
	if !done {
		// Not remembered: the same form sent again waits for the same decision (its update ID
		// is the submission's), and shows a refusal if the cycle refused it meanwhile.
		http.Redirect(w, r, consolepath.Cycle(gp.Year)+"?pagar="+consolepath.GateSlug(gp.Gate), http.StatusSeeOther)
		return
	}
	c.remember(r.Context(), sub)
	http.Redirect(w, r, consolepath.Cycle(gp.Year)+"?klart="+consolepath.GateSlug(gp.Gate), http.StatusSeeOther)
}

// decisionPageWait is how long the leadership's page waits for a decision to be passed on to
// the initiatives before it shows the cycle page with the decision under way. A round of a
// few dozen is told within a second or two; a backlog of thousands takes minutes
// (docs/performance.md), longer than the web server lets a request last (60 s).
const decisionPageWait = 10 * time.Second
