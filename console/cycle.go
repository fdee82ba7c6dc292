package console

import (
	"encoding/csv"
	"errors"
	"net/http"
	"strconv"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/consolepath"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/signin"
)

type cycleIndexPage struct {
	page
	Cycles []cycleTodo
}

// cycleIndex lists the annual cycles.
func (c *Console) cycleIndex(w http.ResponseWriter, r *http.Request, p signin.Person) {
	cycles, err := c.cfg.Backend.Cycles(r.Context())
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	cp := cycleIndexPage{page: c.base(&p, c.t("console.cycles.title"), "cycle")}
	for _, cy := range cycles {
		cp.Cycles = append(cp.Cycles, cycleTodo{Year: cy.Year, Phase: cy.Phase, Link: consolepath.Cycle(cy.Year),
			What: c.t("phase." + string(cy.Phase)), Escalated: cy.Escalated})
	}
	c.render(w, http.StatusOK, "cycles", cp)
}

type cyclePage struct {
	page
	Status  contract.CycleStatus
	Report  domain.CycleReport
	Members []memberList
	Decide  string // the decision page's address when a gate waits for this person
	Gate    string
	Done    string // the decision just sent, in words
	// Passing is set while a decision is being passed on to the initiatives, in words.
	Passing string
}

type memberList struct {
	Member string
	Given  bool
}

// cycleYear reads the year of a cycle address.
func cycleYear(r *http.Request) (int, bool) {
	y, err := strconv.Atoi(r.PathValue("year"))
	return y, err == nil && y >= 2000 && y <= 2200
}

// loadCycle reads a cycle's status and report; found is false when there is no such cycle.
func (c *Console) loadCycle(r *http.Request, year int) (contract.CycleStatus, domain.CycleReport, bool, error) {
	var st contract.CycleStatus
	var rep domain.CycleReport
	if err := c.cfg.Backend.QueryCycle(r.Context(), year, contract.QueryCycleStatus, &st); err != nil {
		var ae *admin.Error
		if errors.As(err, &ae) && ae.Key == "error.cycle_not_found" {
			return st, rep, false, nil
		}
		return st, rep, false, err
	}
	rep, err := c.cfg.Backend.CycleReport(r.Context(), year)
	if err != nil {
		return st, rep, false, err
	}
	return st, rep, true, nil
}

// cycle is one year's cycle: phase, deadlines, who has handed in a list, the ranking, the
// valuations, the decisions, and the report as CSV.
func (c *Console) cycle(w http.ResponseWriter, r *http.Request, p signin.Person) {
	year, ok := cycleYear(r)
	if !ok {
		c.notFound(w, r, p)
		return
	}
	st, rep, found, err := c.loadCycle(r, year)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	if !found {
		c.notFound(w, r, p)
		return
	}
	cp := cyclePage{page: c.base(&p, c.t("console.cycle.title", "year", year), "cycle"), Status: st, Report: rep}
	given := map[string]bool{}
	for _, l := range rep.Lists {
		given[l.Member] = true
	}
	for _, l := range rep.Lists {
		cp.Members = append(cp.Members, memberList{Member: l.Member, Given: true})
	}
	for _, m := range rep.MissingLists {
		if !given[m] {
			cp.Members = append(cp.Members, memberList{Member: m})
		}
	}
	if g, ok := consolepath.GateOfPhase(st.Phase); ok {
		cp.Decide, cp.Gate = consolepath.Gate(year, g), c.t("console.gate."+string(g))
	}
	if g, ok := consolepath.GateBySlug(r.URL.Query().Get("klart")); ok {
		cp.Done = c.t("console.gate.done", "gate", c.t("console.gate."+string(g)))
	}
	if g, ok := consolepath.GateBySlug(r.URL.Query().Get("pagar")); ok && st.Deciding {
		cp.Passing = c.t("console.gate.passing_on", "gate", c.t("console.gate."+string(g)))
	} else if st.Deciding {
		cp.Passing = c.t("console.cycle.deciding")
	} else if ok && rep.Decided(g) {
		// Back on the page after the decision has been passed on.
		cp.Done = c.t("console.gate.done", "gate", c.t("console.gate."+string(g)))
	}
	c.render(w, http.StatusOK, "cycle", cp)
}

// cycleCSV is the cycle's whole report as CSV, one row per fact.
func (c *Console) cycleCSV(w http.ResponseWriter, r *http.Request, p signin.Person) {
	year, ok := cycleYear(r)
	if !ok {
		c.notFound(w, r, p)
		return
	}
	_, rep, found, err := c.loadCycle(r, year)
	if err != nil {
		c.unavailable(w, r, p, err)
		return
	}
	if !found {
		c.notFound(w, r, p)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="arscykel-`+itoa(year)+`.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write(domain.CSVHeader)
	_ = cw.WriteAll(rep.CSVRows())
}
