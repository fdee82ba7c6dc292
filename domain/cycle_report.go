package domain

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// CycleReport is everything a cycle decided and why, for the leadership and for the record:
// who prioritised what, the ranking beside the criteria scores, the valuations, and every
// decision with its reason.
type CycleReport struct {
	Year          int        `json:"year"`
	Phase         CyclePhase `json:"phase"`
	Calendar      string     `json:"calendar"`
	ListsDeadline time.Time  `json:"lists_deadline"`
	// Ranking holds a page of the ranking: the rows from RankingFrom, RankingTotal in all
	// (WithPage). A report of thousands of participants does not fit one answer.
	Ranking      []RankingRow `json:"ranking"`
	RankingFrom  int          `json:"ranking_from,omitempty"`
	RankingTotal int          `json:"ranking_total"`
	// Valuations holds a page of the valuation summaries in the same way.
	ValuationsFrom  int `json:"valuations_from,omitempty"`
	ValuationsTotal int `json:"valuations_total"`
	// Revision is the cycle's revision the report was read at: pages of one revision belong
	// together.
	Revision     int                `json:"revision"`
	Lists        []SubmittedList    `json:"lists"`
	Replaced     []SubmittedList    `json:"replaced_lists,omitempty"`
	MissingLists []string           `json:"missing_lists,omitempty"`
	Reminders    []ListReminder     `json:"reminders,omitempty"`
	Valuations   []ValuationSummary `json:"valuations,omitempty"`
	Decisions    []CycleDecision    `json:"decisions,omitempty"`
	Escalations  []CycleEscalation  `json:"escalations,omitempty"`
}

// RankingRow is one initiative's line in the ranking report. Rank 0 means no list named it.
type RankingRow struct {
	Rank         int    `json:"rank"`
	ID           string `json:"id"`
	Title        string `json:"title"`
	Owner        Owner  `json:"owner,omitempty"`
	Points       int    `json:"points"`
	Lists        int    `json:"lists"`
	BestPosition int    `json:"best_position,omitempty"`
	// Criteria scores 1-5; 0 when not scored.
	Urgency     int `json:"urgency"`
	Feasibility int `json:"feasibility"`
	Benefit     int `json:"benefit"`
	Cost        int `json:"cost"`
	// Closed marks an initiative that closed during the cycle (withdrawn, declined).
	Closed Stage `json:"closed,omitempty"`
}

// ValuationSummary sums up the council's valuations of one quick analysis.
type ValuationSummary struct {
	Initiative string            `json:"initiative"`
	Title      string            `json:"title"`
	Count      int               `json:"count"`
	Average    float64           `json:"average"` // one decimal
	Min        int               `json:"min"`
	Max        int               `json:"max"`
	Missing    []string          `json:"missing,omitempty"` // council members who gave none
	Valuations []MemberValuation `json:"valuations"`
}

// Report builds the cycle's report.
func (c *Cycle) Report() CycleReport {
	r := CycleReport{Year: c.Year, Phase: c.Phase, Calendar: c.Config.Calendar.Name, ListsDeadline: c.ListsDeadline(),
		Revision: c.Revision, Lists: c.Lists, Replaced: c.Replaced, MissingLists: c.MissingLists(), Reminders: c.Reminders,
		Decisions: c.Decisions, Escalations: c.Escalations}
	r.Ranking = c.RankingReport()
	r.RankingTotal = len(r.Ranking)
	r.Valuations = c.ValuationSummaries()
	r.ValuationsTotal = len(r.Valuations)
	return r
}

// Page sizes of the report's two lists that grow with the cycle. A ranking row with the
// longest title is about 0.4 KiB, so 500 of them stay near 200 KiB. A valuation summary holds
// every council member's valuation with its comment, so 20 of them, each with 21 comments of
// a page of text, stay under 1 MiB. Either list whole, for thousands of participants, would
// pass Temporal's 2 MB limit on a query answer or a workflow's result.
const (
	RankingPageSize    = 500
	ValuationsPageSize = 20
)

// ReportPage asks for a page of the report: the ranking from row RankingFrom, at most
// RankingLimit rows, and the valuation summaries from ValuationsFrom, at most ValuationsLimit
// (a limit of 0, or above the page size: the page size). The zero value is the first page.
type ReportPage struct {
	RankingFrom     int `json:"ranking_from,omitempty"`
	RankingLimit    int `json:"ranking_limit,omitempty"`
	ValuationsFrom  int `json:"valuations_from,omitempty"`
	ValuationsLimit int `json:"valuations_limit,omitempty"`
}

// Check refuses a negative start or limit.
func (p ReportPage) Check() error {
	var pr problems
	for _, f := range []struct {
		name  string
		value int
	}{{"ranking_from", p.RankingFrom}, {"ranking_limit", p.RankingLimit}, {"valuations_from", p.ValuationsFrom}, {"valuations_limit", p.ValuationsLimit}} {
		if f.value < 0 {
			pr.add(invalid(f.name, strconv.Itoa(f.value)))
		}
	}
	return pr.err()
}

// WithPage keeps the page p asks for of the ranking and of the valuations, and says how many
// there are of each in all. A page past the end of a list is empty.
func (r CycleReport) WithPage(p ReportPage) (CycleReport, error) {
	if err := p.Check(); err != nil {
		return r, err
	}
	r.RankingTotal, r.RankingFrom = len(r.Ranking), p.RankingFrom
	r.Ranking = window(r.Ranking, p.RankingFrom, p.RankingLimit, RankingPageSize)
	r.ValuationsTotal, r.ValuationsFrom = len(r.Valuations), p.ValuationsFrom
	r.Valuations = window(r.Valuations, p.ValuationsFrom, p.ValuationsLimit, ValuationsPageSize)
	return r, nil
}

// window is at most limit (at most size, and size when 0) elements of all from from on.
func window[T any](all []T, from, limit, size int) []T {
	if limit == 0 || limit > size {
		limit = size
	}
	from = min(from, len(all))
	return all[from:min(from+limit, len(all))]
}

// Complete reports whether the report holds the whole ranking and every valuation summary.
func (r CycleReport) Complete() bool {
	return r.RankingFrom == 0 && len(r.Ranking) >= r.RankingTotal && r.ValuationsFrom == 0 && len(r.Valuations) >= r.ValuationsTotal
}

// RankingReport is the ranking with every participant: ranked ones first, then those no list
// named, by ID.
func (c *Cycle) RankingReport() []RankingRow {
	var rows []RankingRow
	named := map[string]bool{}
	row := func(p Participant) RankingRow {
		r := RankingRow{ID: p.ID, Title: p.Title, Owner: p.Owner, Closed: p.Closed}
		for _, s := range p.Criteria {
			switch s.Criterion {
			case CriterionUrgency:
				r.Urgency = s.Score
			case CriterionFeasibility:
				r.Feasibility = s.Score
			case CriterionBenefit:
				r.Benefit = s.Score
			case CriterionCost:
				r.Cost = s.Score
			}
		}
		return r
	}
	for _, rk := range c.Ranking() {
		p, _ := c.Participant(rk.ID)
		r := row(p)
		r.Rank, r.Points, r.Lists, r.BestPosition = rk.Rank, rk.Points, rk.Lists, rk.BestPosition
		rows = append(rows, r)
		named[rk.ID] = true
	}
	var rest []RankingRow
	for _, p := range c.Participants {
		if !named[p.ID] {
			rest = append(rest, row(p))
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].ID < rest[j].ID })
	return append(rows, rest...)
}

// ValuationSummaries sums up the valuations of every initiative chosen for quick analysis.
func (c *Cycle) ValuationSummaries() []ValuationSummary {
	d, ok := c.Decision(GateQuickAnalysis)
	if !ok {
		return nil
	}
	var council []Member
	for _, n := range c.Config.Networks {
		if n.ID == CouncilNetwork {
			council = n.Members
		}
	}
	var out []ValuationSummary
	for _, id := range d.Chosen {
		p, _ := c.Participant(id)
		s := ValuationSummary{Initiative: id, Title: p.Title}
		sum := 0
		for _, v := range c.Valuations {
			if v.Initiative != id {
				continue
			}
			s.Valuations = append(s.Valuations, v)
			if s.Count == 0 || v.Score < s.Min {
				s.Min = v.Score
			}
			if v.Score > s.Max {
				s.Max = v.Score
			}
			s.Count++
			sum += v.Score
		}
		if s.Count > 0 {
			// Rounded half up to one decimal with integers, so the figure is exact.
			s.Average = float64((sum*10*2+s.Count)/(2*s.Count)) / 10
		}
		for _, m := range council {
			given := false
			for _, v := range s.Valuations {
				given = given || v.Member == m.ID
			}
			if !given {
				s.Missing = append(s.Missing, m.ID)
			}
		}
		out = append(out, s)
	}
	return out
}

// CSVHeader is the header of the report's CSV: one row per fact, its kind first.
var CSVHeader = []string{"year", "kind", "member", "initiative", "position", "rank", "points", "lists",
	"urgency", "feasibility", "benefit", "cost", "score", "gate", "verdict", "version", "on_behalf", "by", "at", "reason_or_comment",
	"closed"}

// Decided reports whether the leadership has decided the gate in this cycle.
func (r CycleReport) Decided(g Gate) bool {
	for _, d := range r.Decisions {
		if d.Gate == g {
			return true
		}
	}
	return false
}

// CSVRows flattens the report: ranking rows, list entries (current and replaced), reminders,
// valuations and decisions (one row per initiative). Columns that do not apply are empty.
func (r CycleReport) CSVRows() [][]string {
	year := strconv.Itoa(r.Year)
	itoa := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	at := func(t time.Time) string { return t.In(Stockholm()).Format(time.RFC3339) }
	var rows [][]string
	add := func(kv map[string]string) {
		row := make([]string, len(CSVHeader))
		for i, h := range CSVHeader {
			row[i] = kv[h]
		}
		row[0] = year
		rows = append(rows, row)
	}
	for _, x := range r.Ranking {
		add(map[string]string{"kind": "ranking", "initiative": x.ID, "rank": itoa(x.Rank), "points": strconv.Itoa(x.Points),
			"lists": strconv.Itoa(x.Lists), "position": itoa(x.BestPosition), "urgency": itoa(x.Urgency),
			"feasibility": itoa(x.Feasibility), "benefit": itoa(x.Benefit), "cost": itoa(x.Cost), "reason_or_comment": x.Title,
			"closed": string(x.Closed)})
	}
	lists := func(kind string, ls []SubmittedList) {
		for _, l := range ls {
			for i, id := range l.Initiatives {
				add(map[string]string{"kind": kind, "member": l.Member, "initiative": id, "position": strconv.Itoa(i + 1),
					"points": strconv.Itoa(PositionPoints(i + 1)), "version": strconv.Itoa(l.Version),
					"on_behalf": strconv.FormatBool(l.OnBehalf), "by": l.By, "at": at(l.At), "reason_or_comment": l.Reason})
			}
		}
	}
	lists("list", r.Lists)
	lists("replaced_list", r.Replaced)
	for _, m := range r.MissingLists {
		add(map[string]string{"kind": "missing_list", "member": m})
	}
	for _, rem := range r.Reminders {
		add(map[string]string{"kind": "reminder", "member": strings.Join(rem.Members, " "), "at": at(rem.At),
			"reason_or_comment": fmt.Sprintf("days_before=%d", rem.DaysBefore)})
	}
	for _, s := range r.Valuations {
		for _, v := range s.Valuations {
			add(map[string]string{"kind": "valuation", "member": v.Member, "initiative": v.Initiative, "score": strconv.Itoa(v.Score),
				"on_behalf": strconv.FormatBool(v.OnBehalf), "by": v.By, "at": at(v.At), "reason_or_comment": v.Comment})
		}
	}
	for _, d := range r.Decisions {
		verdicts := map[string]string{}
		for _, id := range d.Chosen {
			verdicts[id] = string(VerdictApprove)
		}
		for _, id := range d.NotChosen {
			verdicts[id] = string(VerdictDefer)
			if contains(d.Declined, id) {
				verdicts[id] = string(VerdictDecline)
			}
		}
		for _, id := range append(append([]string{}, d.Chosen...), d.NotChosen...) {
			add(map[string]string{"kind": "decision", "initiative": id, "gate": string(d.Gate), "verdict": verdicts[id],
				"by": d.By, "at": at(d.At), "reason_or_comment": d.Reason})
		}
	}
	return rows
}
