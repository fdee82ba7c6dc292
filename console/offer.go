package console

import (
	"embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/csvfile"
	"github.com/skr/handslag/present"
	"github.com/skr/handslag/signin"
)

// The offer round's dashboard for the office and the leadership: yes, no and not answered,
// the yes shares against the rule (a chart, and the same figures as a table), per county,
// who has not answered with their contacts for a follow-up call, and who joined late; it
// updates itself while open, and exports as CSV that Swedish Excel opens as it is.

//go:embed static/*.js
var staticFiles embed.FS

// dashboardScriptPolicy lets the dashboard run its own script (and nothing else): the live
// update. Every other page keeps the site's policy of no script at all.
const dashboardScriptPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

type countyRow struct {
	domain.CountyTally
	Name  string
	Share string
}

type waiting struct {
	domain.OfferMunicipality
	County    string
	Addresses []string
}

type dashboardPage struct {
	page
	ID, Initiative string
	Status         contract.OfferStatus
	Dash           domain.OfferDashboard
	SharePop       string
	ShareMun       string
	RuleShare      string
	BarPop         string // widths of the chart's bars, in percent of the chart
	BarMun         string
	RuleX          string
	Counties       []countyRow
	Waiting        []waiting
	Late           []waiting
	Updated        string
	Summary        string
}

// dashboardData is what the live update fetches.
type dashboardData struct {
	Yes         int    `json:"yes"`
	No          int    `json:"no"`
	NotAnswered int    `json:"not_answered"`
	Total       int    `json:"municipalities"`
	SharePop    string `json:"share_population"`
	ShareMun    string `json:"share_municipalities"`
	BarPop      string `json:"bar_population"`
	BarMun      string `json:"bar_municipalities"`
	Summary     string `json:"summary"`
	Updated     string `json:"updated"`
}

func (c *Console) pct(f float64) string {
	return present.Percent(c.cfg.Lang, f)
}

// dashboard reads the round; ok is false when the request was answered.
func (c *Console) dashboard(w http.ResponseWriter, r *http.Request, p signin.Person) (dashboardPage, domain.OfferRound, bool) {
	id := r.PathValue("id")
	if !validID(id) {
		c.notFound(w, r, p)
		return dashboardPage{}, domain.OfferRound{}, false
	}
	if !p.May(domain.ActFollowOffer) {
		c.forbidden(w, r, p)
		return dashboardPage{}, domain.OfferRound{}, false
	}
	st, err := c.cfg.Backend.OfferStatus(r.Context(), id)
	if err != nil {
		c.notFound(w, r, p)
		return dashboardPage{}, domain.OfferRound{}, false
	}
	round, err := c.cfg.Backend.OfferRound(r.Context(), id)
	if err != nil {
		c.unavailable(w, r, p, err)
		return dashboardPage{}, domain.OfferRound{}, false
	}
	d := round.Dashboard()
	dp := dashboardPage{page: c.base(&p, c.t("console.offer.title", "title", st.Content.Title), "list"), ID: id, Initiative: st.Content.Title,
		Status: st, Dash: d, SharePop: c.pct(d.Tally.YesSharePopulation), ShareMun: c.pct(d.Tally.YesShareMunicipalities),
		RuleShare: c.pct(d.RuleShare), BarPop: bar(d.Tally.YesSharePopulation), BarMun: bar(d.Tally.YesShareMunicipalities),
		RuleX: bar(d.RuleShare), Updated: c.when(c.cfg.Now())}
	counties := map[string]string{}
	if c.cfg.Parties.Register != nil {
		for _, co := range c.cfg.Parties.Register.Counties {
			counties[co.Code] = co.Name
		}
	}
	for _, ct := range d.Counties {
		share := 0.0
		if ct.Population > 0 {
			share = float64(ct.YesPopulation) / float64(ct.Population)
		}
		dp.Counties = append(dp.Counties, countyRow{CountyTally: ct, Name: countyName(counties, ct.CountyCode), Share: c.pct(share)})
	}
	for _, m := range d.NotAnswered {
		wt := waiting{OfferMunicipality: m, County: countyName(counties, m.CountyCode)}
		if c.cfg.Addresses != nil {
			wt.Addresses, _ = c.cfg.Addresses.Addresses(r.Context(), contacts.Municipality, m.Code)
		}
		dp.Waiting = append(dp.Waiting, wt)
	}
	names := map[string]domain.OfferMunicipality{}
	for _, m := range round.Municipalities {
		names[m.Code] = m
	}
	for _, a := range d.LateJoiners {
		m := names[a.Municipality]
		dp.Late = append(dp.Late, waiting{OfferMunicipality: m, County: countyName(counties, m.CountyCode)})
	}
	dp.Summary = c.dashboardSummary(dp)
	return dp, round, true
}

func countyName(names map[string]string, code string) string {
	if n, ok := names[code]; ok {
		return n
	}
	return code
}

// bar is a share as the width of a chart bar, in percent with one decimal.
func bar(share float64) string { return fmt.Sprintf("%.1f", share*100) }

func (c *Console) offerDashboard(w http.ResponseWriter, r *http.Request, p signin.Person) {
	dp, _, ok := c.dashboard(w, r, p)
	if !ok {
		return
	}
	w.Header().Set("Content-Security-Policy", dashboardScriptPolicy)
	c.render(w, http.StatusOK, "offer", dp)
}

// offerDashboardJSON is the dashboard's figures, for its live update.
func (c *Console) offerDashboardJSON(w http.ResponseWriter, r *http.Request, p signin.Person) {
	dp, _, ok := c.dashboard(w, r, p)
	if !ok {
		return
	}
	t := dp.Dash.Tally
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(dashboardData{Yes: t.Yes, No: t.No, NotAnswered: t.NotAnswered, Total: t.Municipalities,
		SharePop: dp.SharePop, ShareMun: dp.ShareMun, BarPop: dp.BarPop, BarMun: dp.BarMun, Updated: dp.Updated,
		Summary: dp.Summary})
}

// dashboardSummary is the one sentence a screen reader hears when the figures change.
func (c *Console) dashboardSummary(dp dashboardPage) string {
	t := dp.Dash.Tally
	key := "console.offer.summary.not_reached"
	if dp.Dash.Reached {
		key = "console.offer.summary.reached"
	}
	return c.t(key, "yes", t.Yes, "no", t.No, "open", t.NotAnswered, "share", dp.SharePop, "rule", dp.RuleShare)
}

// offerCSV is every municipality with its latest answer, for Swedish Excel: UTF-8 with a byte
// order mark, semicolons, and no cell a spreadsheet would take for a formula.
func (c *Console) offerCSV(w http.ResponseWriter, r *http.Request, p signin.Person) {
	dp, round, ok := c.dashboard(w, r, p)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="erbjudande-`+dp.ID+`.csv"`)
	_, _ = io.WriteString(w, "\uFEFF")
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	_ = cw.Write([]string{c.t("console.offer.csv.code"), c.t("console.offer.csv.municipality"), c.t("console.offer.csv.county"),
		c.t("console.offer.csv.answer"), c.t("console.offer.csv.late"), c.t("console.offer.csv.name"), c.t("console.offer.csv.role"),
		c.t("console.offer.csv.comment"), c.t("console.offer.csv.at")})
	counties := map[string]string{}
	for _, ct := range dp.Counties {
		counties[ct.CountyCode] = ct.Name
	}
	for _, m := range round.Municipalities {
		row := []string{m.Code, m.Name, counties[m.CountyCode], c.t("console.offer.csv.none"), "", "", "", "", ""}
		if a, ok := dp.Dash.Latest[m.Code]; ok {
			late := ""
			if a.Late {
				late = c.t("console.yes")
			}
			row = []string{m.Code, m.Name, counties[m.CountyCode], c.t("offer.answer." + string(a.Answer)), late, a.Name, a.Role, a.Comment,
				a.At.In(domain.Stockholm()).Format(time.DateTime)}
		}
		for i := range row {
			row[i] = csvfile.SafeCell(row[i])
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

// script serves the console's own scripts (the dashboard's live update).
func (c *Console) script(w http.ResponseWriter, r *http.Request) {
	data, err := staticFiles.ReadFile("static/" + r.PathValue("file"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(data)
}
