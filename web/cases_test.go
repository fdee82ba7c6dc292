package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sthlm(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, domain.Stockholm())
}

// caseFixtures are a few cases in different stages, and filler cases for paging.
func caseFixtures(filler int) []cases.Record {
	written := sthlm(2027, 3, 1, 10, 0)
	rec := func(s domain.CaseSummary) cases.Record {
		return cases.Record{Summary: s, Chain: "run-" + s.ID, Created: s.Registered, Revision: 1, Written: written}
	}
	out := []cases.Record{
		rec(domain.CaseSummary{ID: "gemensam-e-tjanst-for-bygglov", Title: "Gemensam e-tjänst för bygglov", Stage: domain.StageFebruaryReview,
			Step: 2, Owner: domain.OwnerInera, Assisting: []domain.Owner{domain.OwnerAdda}, Year: 2027, Registered: sthlm(2026, 10, 15, 10, 0),
			NextMilestone: &domain.CaseMilestone{Kind: domain.MilestoneSeasonDeadline, Season: domain.SeasonFebruaryReview, At: sthlm(2027, 3, 15, 17, 0)}}),
		rec(domain.CaseSummary{ID: "e-arkiv", Title: "=HYPERLINK(\"http://example.org\") e-arkiv", Stage: domain.StageDeclined,
			Owner: domain.OwnerSKR, Year: 2027, Registered: sthlm(2026, 9, 1, 10, 0),
			LatestDecision: &domain.CaseDecision{Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictDecline, Body: domain.RoleLeadership, At: sthlm(2027, 2, 20, 10, 0)},
			Outcome:        &domain.CaseOutcome{Stage: domain.StageDeclined, Body: domain.RoleLeadership, At: sthlm(2027, 2, 20, 10, 0)}}),
		rec(domain.CaseSummary{ID: "skolplattform", Title: "Ramavtal för skolplattform", Stage: domain.StageOfferRound, Step: 4,
			Owner: domain.OwnerAdda, Year: 2026, Registered: sthlm(2025, 5, 1, 10, 0), Demo: true,
			LatestDecision: &domain.CaseDecision{Gate: domain.GateOffer, Verdict: domain.VerdictApprove, Body: domain.RoleLeadership, At: sthlm(2027, 2, 10, 10, 0)},
			NextMilestone:  &domain.CaseMilestone{Kind: domain.MilestoneOfferDeadline, At: sthlm(2027, 4, 11, 17, 0)}}),
	}
	for i := 0; i < filler; i++ {
		out = append(out, rec(domain.CaseSummary{ID: fmt.Sprintf("behov-%03d", i), Title: fmt.Sprintf("Behov nummer %d", i),
			Stage: domain.StageAwaitingFebruary, Step: 1, Owner: domain.OwnerSKR, Year: 2028, Registered: sthlm(2027, 1, 1, 10, 0),
			NextMilestone: &domain.CaseMilestone{Kind: domain.MilestoneSeasonOpens, Season: domain.SeasonFebruaryReview, At: sthlm(2028, 2, 1, 9, 0)}}))
	}
	return out
}

// staticCases is a fixed set of records, or a failure.
type staticCases struct {
	records []cases.Record
	err     error
}

func (s staticCases) Select(_ context.Context, f cases.Filter, p cases.Page) (cases.Result, error) {
	return cases.Select(s.records, f, p), s.err
}

func (s staticCases) Years(context.Context) ([]int, error) { return cases.Years(s.records), s.err }

func (s staticCases) Get(_ context.Context, id string) (cases.Record, bool, error) {
	for _, r := range s.records {
		if r.Summary.ID == id {
			return r, true, s.err
		}
	}
	return cases.Record{}, false, s.err
}

func (s staticCases) Changed(_ context.Context, limit int) ([]cases.Record, error) {
	return cases.Changed(s.records, limit), s.err
}

func caseListGet(t *testing.T, h http.Handler, path string) response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return response{status: rec.Code, header: rec.Result().Header, body: rec.Body.String()}
}

func newCaseList(filler int) http.Handler {
	return web.NewCaseList(web.CaseListConfig{Cases: staticCases{records: caseFixtures(filler)}})
}

func TestCaseListPage(t *testing.T) {
	h := newCaseList(0)
	page := caseListGet(t, h, "/arenden")
	require.Equal(t, http.StatusOK, page.status, page.body)
	assert.Equal(t, "text/html; charset=utf-8", page.header.Get("Content-Type"))
	assert.NotEmpty(t, page.header.Get("Content-Security-Policy"))
	body := page.body
	assert.Contains(t, body, "<title>Ärendelista – Handslag för digitalisering – ärendelista</title>")
	assert.NotContains(t, body, "noindex", "a public page may be indexed")
	assert.Contains(t, body, "3 ärenden matchar. Sida 1 av 1.")
	// The newest year first, then by ID.
	assert.Less(t, strings.Index(body, `id="case-e-arkiv"`), strings.Index(body, `id="case-gemensam-e-tjanst-for-bygglov"`))
	assert.Less(t, strings.Index(body, `id="case-gemensam-e-tjanst-for-bygglov"`), strings.Index(body, `id="case-skolplattform"`))
	for _, want := range []string{
		"Februarigenomgång: väntar på beslut om snabbanalys", "Inera", "med stöd av Adda",
		"Sista dag för februarigenomgången, 15 mars 2027",
		"Avslag vid februarigenomgången, 20 februari 2027", "Beslut av digitaliseringsledningen",
		"Avslutat: avslaget, 20 februari 2027",
		"Sista dag att svara på erbjudandet, 11 april 2027", "Demokalender",
		`href="/arenden.json"`, `href="/arenden.csv"`,
	} {
		assert.Contains(t, body, want)
	}
	assert.NotContains(t, body, `class="pager"`, "one page needs no pager")
}

func TestCaseListFilters(t *testing.T) {
	h := newCaseList(0)
	page := caseListGet(t, h, "/arenden?owner=Inera&year=2027&status=open&q=bygglov")
	require.Equal(t, http.StatusOK, page.status)
	assert.Contains(t, page.body, "1 ärende matchar.")
	assert.Contains(t, page.body, `id="case-gemensam-e-tjanst-for-bygglov"`)
	assert.NotContains(t, page.body, `id="case-e-arkiv"`)
	// The form shows the filter, and the downloads carry it.
	assert.Contains(t, page.body, `<option value="Inera" selected>Inera</option>`)
	assert.Contains(t, page.body, `<option value="2027" selected>2027</option>`)
	assert.Contains(t, page.body, `value="bygglov"`)
	assert.Contains(t, page.body, `href="/arenden.csv?owner=Inera&amp;q=bygglov&amp;status=open&amp;year=2027"`)

	none := caseListGet(t, h, "/arenden?stage=implementation")
	require.Equal(t, http.StatusOK, none.status)
	assert.Contains(t, none.body, "Inga ärenden matchar filtret.")
	assert.NotContains(t, none.body, "<table")
}

func TestCaseListRefusesABadFilterAndSaysWhatToFix(t *testing.T) {
	h := newCaseList(0)
	for _, tt := range []struct{ query, message, anchor string }{
		{"stage=nowhere", "Välj ett skede i listan.", `href="#filter-stage"`},
		{"owner=Google", "Välj ägare SKR, Adda eller Inera.", `href="#filter-owner"`},
		{"year=tjugo", "Skriv året med fyra siffror, till exempel 2027.", `href="#filter-year"`},
		{"page=0", "Sidnumret ska vara ett heltal från 1 och uppåt.", ""},
	} {
		page := caseListGet(t, h, "/arenden?"+tt.query)
		assert.Equal(t, http.StatusBadRequest, page.status, tt.query)
		assert.Contains(t, page.body, "<title>Fel: Ärendelista", tt.query)
		assert.Contains(t, page.body, tt.message, tt.query)
		if tt.anchor != "" {
			assert.Contains(t, page.body, tt.anchor, tt.query)
		}
		assert.NotContains(t, page.body, "<table", tt.query)

		js := caseListGet(t, h, "/arenden.json?"+tt.query)
		assert.Equal(t, http.StatusBadRequest, js.status)
		var e struct {
			Error struct{ Code, Parameter, Message string }
		}
		require.NoError(t, json.Unmarshal([]byte(js.body), &e))
		assert.Equal(t, tt.message, e.Error.Message)
		assert.Equal(t, strings.Split(tt.query, "=")[0], e.Error.Parameter)

		c := caseListGet(t, h, "/arenden.csv?"+tt.query)
		assert.Equal(t, http.StatusBadRequest, c.status)
		assert.Contains(t, c.body, tt.message)
	}
}

func TestCaseListPaging(t *testing.T) {
	h := newCaseList(42) // 45 cases: 3 pages of 20
	first := caseListGet(t, h, "/arenden")
	assert.Contains(t, first.body, "45 ärenden matchar. Sida 1 av 3.")
	assert.Equal(t, 20, strings.Count(first.body, `<tr id="case-`))
	assert.Contains(t, first.body, `<a href="/arenden" aria-current="page" aria-label="Sida 1">1</a>`)
	assert.Contains(t, first.body, `href="/arenden?page=2" rel="next"`)
	assert.NotContains(t, first.body, `rel="prev"`)

	last := caseListGet(t, h, "/arenden?page=3")
	assert.Contains(t, last.body, "Sida 3 av 3.")
	assert.Equal(t, 5, strings.Count(last.body, `<tr id="case-`))
	assert.Contains(t, last.body, `href="/arenden?page=2" rel="prev"`)
	assert.Contains(t, last.body, `id="case-skolplattform"`, "the oldest year last")

	beyond := caseListGet(t, h, "/arenden?page=9")
	assert.Equal(t, http.StatusOK, beyond.status)
	assert.Contains(t, beyond.body, "Sidan 9 finns inte; det finns 3 sidor.")
	assert.Contains(t, beyond.body, `href="/arenden?page=3" rel="prev"`)

	js := caseListGet(t, h, "/arenden.json?per_page=10&page=2&owner=SKR")
	var doc struct {
		Total, Page, PerPage, Pages int
		Next, Previous              string
		Cases                       []struct{ ID string }
	}
	require.NoError(t, json.Unmarshal([]byte(js.body), &doc))
	assert.Equal(t, 43, doc.Total)
	assert.Equal(t, 5, doc.Pages)
	assert.Len(t, doc.Cases, 10)
	assert.Equal(t, "/arenden.json?owner=SKR&page=3&per_page=10", doc.Next)
	assert.Equal(t, "/arenden.json?owner=SKR&per_page=10", doc.Previous)

	c := caseListGet(t, h, "/arenden.csv?page=2")
	rows, err := csv.NewReader(strings.NewReader(c.body)).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 46, "the CSV is the whole selection: a header and 45 rows")
}

func TestCaseListPageNumbersWithGaps(t *testing.T) {
	h := newCaseList(200) // 203 cases: 11 pages
	page := caseListGet(t, h, "/arenden?page=6")
	for _, n := range []int{1, 4, 5, 6, 7, 8, 11} {
		assert.Contains(t, page.body, fmt.Sprintf(`aria-label="Sida %d">%d</a>`, n, n))
	}
	assert.NotContains(t, page.body, `aria-label="Sida 3"`)
	assert.Equal(t, 2, strings.Count(page.body, `<li aria-hidden="true">…</li>`))
}

func TestCaseListJSON(t *testing.T) {
	js := caseListGet(t, newCaseList(0), "/arenden.json?year=2027")
	require.Equal(t, http.StatusOK, js.status)
	assert.Equal(t, "application/json; charset=utf-8", js.header.Get("Content-Type"))
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(js.body), &doc))
	assert.Equal(t, float64(2), doc["total"])
	assert.Equal(t, map[string]any{"year": float64(2027)}, doc["filter"])
	list := doc["cases"].([]any)
	require.Len(t, list, 2)
	declined := list[0].(map[string]any)
	assert.Equal(t, "e-arkiv", declined["id"])
	assert.Equal(t, "declined", declined["stage"])
	assert.Equal(t, true, declined["closed"])
	assert.Equal(t, map[string]any{"gate": "quick_analysis", "verdict": "decline", "text": "Avslag vid februarigenomgången",
		"body": "leadership", "body_text": "digitaliseringsledningen", "date": "2027-02-20"}, declined["latest_decision"])
	assert.Equal(t, map[string]any{"stage": "declined", "text": "Avslutat: avslaget", "body": "leadership",
		"body_text": "digitaliseringsledningen", "date": "2027-02-20"}, declined["outcome"])
	assert.Nil(t, declined["next_milestone"])
	open := list[1].(map[string]any)
	assert.Equal(t, map[string]any{"kind": "season_deadline", "season": "february_review",
		"text": "Sista dag för februarigenomgången", "date": "2027-03-15"}, open["next_milestone"])
	assert.Equal(t, []any{"Adda"}, open["assisting"])
	assert.Equal(t, "2026-10-15", open["registered"])
}

func TestCaseListCSV(t *testing.T) {
	c := caseListGet(t, newCaseList(0), "/arenden.csv?status=closed")
	require.Equal(t, http.StatusOK, c.status)
	assert.Equal(t, "text/csv; charset=utf-8", c.header.Get("Content-Type"))
	assert.Contains(t, c.header.Get("Content-Disposition"), "arenden.csv")
	rows, err := csv.NewReader(strings.NewReader(c.body)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	header, row := rows[0], rows[1]
	get := func(col string) string {
		for i, h := range header {
			if h == col {
				return row[i]
			}
		}
		t.Fatalf("no column %s", col)
		return ""
	}
	assert.Equal(t, "e-arkiv", get("id"))
	assert.Equal(t, `'=HYPERLINK("http://example.org") e-arkiv`, get("title"), "a formula is neutralised")
	assert.Equal(t, "declined", get("stage"))
	assert.Equal(t, "decline", get("latest_decision_verdict"))
	assert.Equal(t, "digitaliseringsledningen", get("latest_decision_body_text"))
	assert.Equal(t, "2027-02-20", get("outcome_date"))
	assert.Equal(t, "", get("next_milestone_kind"))
}

func TestCaseListWhenTheStoreFails(t *testing.T) {
	h := web.NewCaseList(web.CaseListConfig{Cases: staticCases{err: errors.New("disk gone")}})
	page := caseListGet(t, h, "/arenden")
	assert.Equal(t, http.StatusServiceUnavailable, page.status)
	assert.Contains(t, page.body, "Ärendelistan kan inte visas just nu")
	assert.NotContains(t, page.body, "disk gone")
	assert.Equal(t, http.StatusServiceUnavailable, caseListGet(t, h, "/arenden.json").status)
	assert.Equal(t, http.StatusServiceUnavailable, caseListGet(t, h, "/arenden.csv").status)
}

func TestCaseListOtherPaths(t *testing.T) {
	h := newCaseList(0)
	nf := caseListGet(t, h, "/svar/abc")
	assert.Equal(t, http.StatusNotFound, nf.status)
	assert.Contains(t, nf.body, "Sidan finns inte")
	assert.Equal(t, http.StatusOK, caseListGet(t, h, "/static/style.css").status)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/arenden", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}

// Each case has its own page with what the list says of it, and no personal data; a case not
// in the list is not found.
func TestACaseHasItsOwnPage(t *testing.T) {
	h := newCaseList(6)
	list := caseListGet(t, h, "/arenden")
	require.Contains(t, list.body, `href="/arenden/gemensam-e-tjanst-for-bygglov"`, "the list links each case to its page")
	id := "gemensam-e-tjanst-for-bygglov"
	res := httptest.NewRecorder()
	h.ServeHTTP(res, httptest.NewRequest(http.MethodGet, "/arenden/"+id, nil))
	assert.Equal(t, http.StatusOK, res.Code)
	assert.Contains(t, res.Body.String(), "<h1>")
	assert.Contains(t, res.Body.String(), id)
	assert.Contains(t, res.Body.String(), `href="/arenden.atom"`)
	for _, path := range []string{"/arenden/finns-inte", "/arenden/..%2Fetc", "/arenden/VERSALER"} {
		res := httptest.NewRecorder()
		h.ServeHTTP(res, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, http.StatusNotFound, res.Code, path)
	}
}

// The change feed is Atom: the cases written last first, each linked to its page.
func TestTheChangeFeed(t *testing.T) {
	h := newCaseList(6)
	res := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/arenden.atom", nil)
	req.Host = "handslag.example"
	h.ServeHTTP(res, req)
	require.Equal(t, http.StatusOK, res.Code)
	assert.Equal(t, "application/atom+xml; charset=utf-8", res.Header().Get("Content-Type"))
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	require.NoError(t, xml.Unmarshal(res.Body.Bytes(), &feed))
	require.NotEmpty(t, feed.Entries)
	assert.True(t, strings.HasPrefix(feed.Entries[0].Link.Href, "http://handslag.example/arenden/"))
	assert.Equal(t, feed.Updated, feed.Entries[0].Updated, "the feed is as new as its newest entry")
	for i := 1; i < len(feed.Entries); i++ {
		assert.GreaterOrEqual(t, feed.Entries[i-1].Updated, feed.Entries[i].Updated, "newest first")
	}
}
