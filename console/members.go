package console

import (
	"errors"
	"net/http"
	"sort"
	"strconv"

	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

// The February round's members do their part here: a county's council member or a network
// gives its list of 5-10 initiatives in February, and a council member values each quick
// analysis in May; both may be changed until the deadline. The office may enter either on a
// member's behalf (recorded as such). A member only ever sees and changes its own.

// memberChoice is a member the signed-in person may act for.
type memberChoice struct {
	ID       string
	Selected bool
}

// speaksFor reports which member the request is about and whether the person may act for it:
// their own (a council member or a network), or any member for the office.
func (c *Console) speaksFor(p signin.Person, requested string, all []string) (string, []memberChoice, bool) {
	var allowed []string
	if p.Has(domain.RoleOffice) {
		allowed = all
	} else {
		allowed = p.Members()
	}
	if requested == "" && len(allowed) > 0 {
		requested = allowed[0]
	}
	ok := false
	var choices []memberChoice
	for _, m := range allowed {
		choices = append(choices, memberChoice{ID: m, Selected: m == requested})
		if m == requested {
			ok = true
		}
	}
	return requested, choices, ok
}

// allMembers are the members of the cycle: those with a list and those without.
func allMembers(rep domain.CycleReport) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range rep.Lists {
		if !seen[l.Member] {
			seen[l.Member] = true
			out = append(out, l.Member)
		}
	}
	for _, m := range rep.MissingLists {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

type listRow struct {
	ID, Title string
	Criteria  []domain.CriterionScore
	Position  int
	Closed    domain.Stage
}

type listPageData struct {
	page
	Year       int
	Member     string
	Members    []memberChoice
	OnBehalf   bool
	Open       bool
	Deadline   string
	Rows       []listRow
	Positions  []int
	Current    []string
	Submission string
	Problems   []problem
	Reason     string
	Done       bool
}

// memberList is a member's February list: every initiative of the round with its criteria and
// a place (1-10) to choose, the list as it stands, and the deadline.
func (c *Console) memberList(w http.ResponseWriter, r *http.Request, p signin.Person) {
	lp, ok := c.listPage(w, r, p, r.URL.Query().Get("medlem"))
	if !ok {
		return
	}
	lp.Done = r.URL.Query().Get("klart") == "lista"
	c.render(w, http.StatusOK, "member_list", lp)
}

func (c *Console) listPage(w http.ResponseWriter, r *http.Request, p signin.Person, member string) (listPageData, bool) {
	year, okYear := cycleYear(r)
	if !okYear || !p.May(domain.ActPriorities) {
		if okYear {
			c.forbidden(w, r, p)
		} else {
			c.notFound(w, r, p)
		}
		return listPageData{}, false
	}
	st, rep, found, err := c.loadCycle(r, year)
	if err != nil {
		c.unavailable(w, r, p, err)
		return listPageData{}, false
	}
	if !found {
		c.notFound(w, r, p)
		return listPageData{}, false
	}
	member, choices, ok := c.speaksFor(p, member, allMembers(rep))
	if !ok {
		c.forbidden(w, r, p)
		return listPageData{}, false
	}
	lp := listPageData{page: c.base(&p, c.t("console.list_member.title", "year", year), "cycle"), Year: year, Member: member,
		Members: choices, OnBehalf: !hasMember(p, member), Open: st.Phase == domain.PhasePriorities,
		Deadline: c.when(rep.ListsDeadline), Submission: submissionID()}
	for i := 1; i <= domain.MaxPriorities; i++ {
		lp.Positions = append(lp.Positions, i)
	}
	position := map[string]int{}
	for _, l := range rep.Lists {
		if l.Member == member {
			lp.Current = l.Initiatives
			for i, id := range l.Initiatives {
				position[id] = i + 1
			}
		}
	}
	for _, row := range rep.Ranking {
		lp.Rows = append(lp.Rows, listRow{ID: row.ID, Title: row.Title, Position: position[row.ID], Closed: row.Closed,
			Criteria: criteriaOf(row)})
	}
	sort.SliceStable(lp.Rows, func(i, j int) bool { return lp.Rows[i].ID < lp.Rows[j].ID })
	return lp, true
}

func hasMember(p signin.Person, m string) bool {
	for _, x := range p.Members() {
		if x == m {
			return true
		}
	}
	return false
}

// criteriaOf gives the scores the ranking row carries, as criteria.
func criteriaOf(row domain.RankingRow) []domain.CriterionScore {
	var out []domain.CriterionScore
	for _, c := range []struct {
		k domain.Criterion
		v int
	}{{domain.CriterionUrgency, row.Urgency}, {domain.CriterionFeasibility, row.Feasibility}, {domain.CriterionBenefit, row.Benefit}, {domain.CriterionCost, row.Cost}} {
		if c.v > 0 {
			out = append(out, domain.CriterionScore{Criterion: c.k, Score: c.v})
		}
	}
	return out
}

// memberListPost sends the member's list, ordered by the places chosen, as the signed-in
// person: the member itself, or the office on its behalf.
func (c *Console) memberListPost(w http.ResponseWriter, r *http.Request, p signin.Person) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	f := form{r.PostForm}
	lp, ok := c.listPage(w, r, p, f.get("member"))
	if !ok {
		return
	}
	sub := f.get("submission")
	if !validSubmission(sub) {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	done := consolepath.MemberList(lp.Year, lp.Member) + "&klart=lista"
	if c.submitted(r.Context(), sub) {
		http.Redirect(w, r, done, http.StatusSeeOther)
		return
	}
	byPlace := map[int]string{}
	var probs []problem
	for i := range lp.Rows {
		row := &lp.Rows[i]
		row.Position = 0
		s := f.get("plats_" + row.ID)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > domain.MaxPriorities {
			probs = append(probs, problem{Anchor: "plats-" + row.ID, Text: c.t("console.list_member.bad_place", "title", row.Title)})
			continue
		}
		row.Position = n
		if other, dup := byPlace[n]; dup {
			probs = append(probs, problem{Anchor: "plats-" + row.ID, Text: c.t("console.list_member.same_place", "place", n, "title", row.Title, "other", other)})
			continue
		}
		byPlace[n] = row.Title
	}
	var list []string
	var places []int
	for n := range byPlace {
		places = append(places, n)
	}
	sort.Ints(places)
	for _, n := range places {
		for _, row := range lp.Rows {
			if row.Position == n {
				list = append(list, row.ID)
			}
		}
	}
	lp.Reason = f.get("reason")
	if len(probs) == 0 {
		actor, _ := p.ActorFor(domain.ActPriorities)
		if lp.OnBehalf {
			actor.Role = domain.RoleOffice
		} else {
			actor.Role = memberRole(lp.Member)
		}
		cmd := domain.SubmitPriorities{Meta: domain.Meta{By: actor, Reason: lp.Reason}, Member: lp.Member, Initiatives: list}
		var receipt contract.CycleReceipt
		err := c.cfg.Backend.SendCycleOnce(r.Context(), lp.Year, contract.MsgSubmitPriorities, cmd, &receipt, "konsol/"+sub)
		var ve *domain.ValidationError
		switch {
		case err == nil:
			c.remember(r.Context(), sub)
			http.Redirect(w, r, done, http.StatusSeeOther)
			return
		case errors.As(err, &ve):
			probs, _ = fieldErrors(c.cfg.Lang, err, nil)
		default:
			c.unavailable(w, r, p, err)
			return
		}
	}
	lp.Problems, lp.Error = probs, true
	c.render(w, http.StatusUnprocessableEntity, "member_list", lp)
}

// memberRole is the role a member speaks in: council for a county, network for a network.
func memberRole(member string) domain.Role {
	if len(member) > 7 && member[:7] == "county:" {
		return domain.RoleCouncil
	}
	return domain.RoleNetwork
}

type valuationRow struct {
	ID, Title string
	Score     int
	Comment   string
	Quick     *domain.QuickAnalysis
}

type valuationPageData struct {
	page
	Year       int
	Member     string
	Members    []memberChoice
	OnBehalf   bool
	Open       bool
	Rows       []valuationRow
	Scores     []int
	Submission string
	Problems   []problem
	Reason     string
	Done       bool
}

// councilMembers are the cycle's council members (only they value in May).
func councilMembers(rep domain.CycleReport) []string {
	var out []string
	for _, m := range allMembers(rep) {
		if memberRole(m) == domain.RoleCouncil {
			out = append(out, m)
		}
	}
	return out
}

// valuationPage reads a council member's May valuation: each quick analysis chosen in
// February, with the member's score and comment so far.
func (c *Console) valuationPage(w http.ResponseWriter, r *http.Request, p signin.Person, member string) (valuationPageData, bool) {
	year, okYear := cycleYear(r)
	if !okYear {
		c.notFound(w, r, p)
		return valuationPageData{}, false
	}
	if !p.May(domain.ActCycleValuation) {
		c.forbidden(w, r, p)
		return valuationPageData{}, false
	}
	st, rep, found, err := c.loadCycle(r, year)
	if err != nil {
		c.unavailable(w, r, p, err)
		return valuationPageData{}, false
	}
	if !found {
		c.notFound(w, r, p)
		return valuationPageData{}, false
	}
	member, choices, ok := c.speaksFor(p, member, councilMembers(rep))
	if !ok || memberRole(member) != domain.RoleCouncil {
		c.forbidden(w, r, p)
		return valuationPageData{}, false
	}
	vp := valuationPageData{page: c.base(&p, c.t("console.valuation_member.title", "year", year), "cycle"), Year: year, Member: member,
		Members: choices, OnBehalf: !hasMember(p, member), Open: st.Phase == domain.PhaseValuation, Submission: submissionID(),
		Scores: []int{1, 2, 3, 4, 5}}
	titles := map[string]string{}
	for _, row := range rep.Ranking {
		titles[row.ID] = row.Title
	}
	given := map[string]domain.MemberValuation{}
	for _, s := range rep.Valuations {
		for _, v := range s.Valuations {
			if v.Member == member {
				given[v.Initiative] = v
			}
		}
	}
	for _, d := range rep.Decisions {
		if d.Gate != domain.GateQuickAnalysis {
			continue
		}
		for _, id := range d.Chosen {
			row := valuationRow{ID: id, Title: titles[id], Score: given[id].Score, Comment: given[id].Comment}
			if st, err := c.cfg.Backend.Status(r.Context(), id); err == nil {
				row.Quick = st.Initiative.QuickAnalysis
			}
			vp.Rows = append(vp.Rows, row)
		}
	}
	return vp, true
}

func (c *Console) memberValuation(w http.ResponseWriter, r *http.Request, p signin.Person) {
	vp, ok := c.valuationPage(w, r, p, r.URL.Query().Get("medlem"))
	if !ok {
		return
	}
	vp.Done = r.URL.Query().Get("klart") == "vardering"
	c.render(w, http.StatusOK, "member_valuation", vp)
}

// memberValuationPost sends a valuation for each quick analysis given a score, as the
// signed-in council member (or the office on its behalf); each is its own message with its
// own update ID, so one refused names its initiative and the others still count.
func (c *Console) memberValuationPost(w http.ResponseWriter, r *http.Request, p signin.Person) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	f := form{r.PostForm}
	vp, ok := c.valuationPage(w, r, p, f.get("member"))
	if !ok {
		return
	}
	sub := f.get("submission")
	if !validSubmission(sub) {
		c.message(w, r, &p, http.StatusBadRequest, "console.bad_form")
		return
	}
	done := consolepath.MemberValuation(vp.Year, vp.Member) + "&klart=vardering"
	if c.submitted(r.Context(), sub) {
		http.Redirect(w, r, done, http.StatusSeeOther)
		return
	}
	actor, _ := p.ActorFor(domain.ActCycleValuation)
	actor.Role = domain.RoleCouncil
	if vp.OnBehalf {
		actor.Role = domain.RoleOffice
	}
	vp.Reason = f.get("reason")
	var probs []problem
	for i := range vp.Rows {
		row := &vp.Rows[i]
		row.Comment = f.get("kommentar_" + row.ID)
		s := f.get("betyg_" + row.ID)
		if s == "" {
			continue
		}
		score, err := domain.ParseInt("score", s)
		if err != nil {
			probs = append(probs, problem{Anchor: "betyg-" + row.ID, Text: row.Title + ": " + c.t("hint.format_integer", "value", s)})
			continue
		}
		row.Score = score
		cmd := domain.SubmitValuation{Meta: domain.Meta{By: actor, Reason: vp.Reason}, Member: vp.Member, Initiative: row.ID,
			Score: score, Comment: row.Comment}
		var receipt contract.CycleReceipt
		err = c.cfg.Backend.SendCycleOnce(r.Context(), vp.Year, contract.MsgSubmitValuation, cmd, &receipt, "konsol/"+sub+"/"+row.ID)
		var ve *domain.ValidationError
		switch {
		case err == nil:
		case errors.As(err, &ve):
			ps, _ := fieldErrors(c.cfg.Lang, err, nil)
			for _, pr := range ps {
				probs = append(probs, problem{Anchor: "betyg-" + row.ID, Text: row.Title + ": " + pr.Text})
			}
		default:
			c.unavailable(w, r, p, err)
			return
		}
	}
	if len(probs) == 0 {
		c.remember(r.Context(), sub)
		http.Redirect(w, r, done, http.StatusSeeOther)
		return
	}
	vp.Problems, vp.Error = probs, true
	c.render(w, http.StatusUnprocessableEntity, "member_valuation", vp)
}
