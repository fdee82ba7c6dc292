package web

import (
	"net/http"
	"strconv"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/domain"
)

// casesPage is the case list page: the filter form, the count, one page of cases, the pager.
type casesPage struct {
	base
	Filter  cases.Filter
	Selects []filterSelect // stage, status, owner, year
	Errors  []summaryItem
	Count   string // "12 ärenden matchar. Sida 1 av 2."
	Caption string
	Cases   []caseView
	Pager   []pageLink
	Prev    string
	Next    string
	JSONURL string
	CSVURL  string
}

// filterSelect is one of the filter's drop-down lists; Name is the query parameter.
type filterSelect struct {
	Name, Label string
	Options     []option
}

type option struct {
	Value, Label string
	Selected     bool
}

type pageLink struct {
	Number  int
	URL     string
	Current bool
}

func (l *caseList) page(w http.ResponseWriter, r *http.Request) {
	f, p, err := cases.ParseQuery(r.URL.Query())
	page := casesPage{base: base{Lang: string(l.cfg.Lang), Title: l.t("cases.title"), Site: l.t("cases.site"), Wide: true, Public: true}}
	status := http.StatusOK
	if err != nil {
		// Show the form again with what could be read, and say what to fix.
		page.Error, status = true, http.StatusBadRequest
		item := summaryItem{Text: l.paramMessage(err)}
		if param := paramOf(err); param != "page" && param != "per_page" { // not in the form
			item.Anchor = "filter-" + param
		}
		page.Errors = []summaryItem{item}
		f, p = cases.Filter{Text: r.URL.Query().Get("q")}, cases.Page{Number: 1, Size: cases.DefaultPageSize}
	}
	years, err := l.cfg.Cases.Years(r.Context())
	var res cases.Result
	if err == nil && status == http.StatusOK {
		res, err = l.selectCases(r.Context(), f, p)
	}
	if err != nil {
		l.message(w, http.StatusServiceUnavailable, "cases.unavailable")
		return
	}
	page.Filter = f
	page.options(l, f, years)
	if status == http.StatusOK {
		page.result(l, f, p, res)
	}
	query := queryString(f.Query(cases.Page{}))
	page.JSONURL, page.CSVURL = "/arenden.json"+query, "/arenden.csv"+query
	l.pages.render(w, status, "cases", page)
}

// options fills the filter's choices, with the current filter selected.
func (p *casesPage) options(l *caseList, f cases.Filter, years []int) {
	all := option{Value: "", Label: l.t("cases.filter.all")}
	stages := []option{all}
	for _, s := range cases.Listed() {
		stages = append(stages, option{Value: string(s), Label: l.t("stage." + string(s)), Selected: s == f.Stage})
	}
	statuses := []option{all,
		{Value: string(cases.StatusOpen), Label: l.t("cases.filter.open"), Selected: f.Status == cases.StatusOpen},
		{Value: string(cases.StatusClosed), Label: l.t("cases.filter.closed"), Selected: f.Status == cases.StatusClosed}}
	owners := []option{all}
	for _, o := range domain.Owners {
		owners = append(owners, option{Value: string(o), Label: string(o), Selected: o == f.Owner})
	}
	yearOptions := []option{all}
	if f.Year != 0 && !containsInt(years, f.Year) {
		years = append([]int{f.Year}, years...) // a year without cases stays chosen
	}
	for _, y := range years {
		yearOptions = append(yearOptions, option{Value: strconv.Itoa(y), Label: strconv.Itoa(y), Selected: y == f.Year})
	}
	p.Selects = []filterSelect{
		{Name: "stage", Label: l.t("cases.filter.stage"), Options: stages},
		{Name: "status", Label: l.t("cases.filter.status"), Options: statuses},
		{Name: "owner", Label: l.t("cases.filter.owner"), Options: owners},
		{Name: "year", Label: l.t("cases.filter.year"), Options: yearOptions},
	}
}

// result fills the count, the rows and the pager.
func (p *casesPage) result(l *caseList, f cases.Filter, pg cases.Page, res cases.Result) {
	p.Cases = l.views(res)
	switch {
	case res.Total == 0:
		p.Count = l.t("cases.result.none")
	case len(res.Cases) == 0:
		p.Count = l.t("cases.result.beyond", "page", res.Page.Number, "pages", res.Pages)
	case res.Total == 1:
		p.Count = l.t("cases.result.one")
	default:
		p.Count = l.t("cases.result", "total", res.Total, "page", res.Page.Number, "pages", res.Pages)
	}
	p.Caption = l.t("cases.caption", "page", res.Page.Number, "pages", res.Pages)
	link := func(n int) string {
		return "/arenden" + queryString(f.Query(cases.Page{Number: n, Size: pg.Size}))
	}
	if res.Pages > 1 {
		for _, n := range pageNumbers(res.Page.Number, res.Pages) {
			p.Pager = append(p.Pager, pageLink{Number: n, URL: link(n), Current: n == res.Page.Number})
		}
	}
	if res.Page.Number > 1 {
		p.Prev = link(min(res.Page.Number-1, res.Pages))
	}
	if res.Page.Number < res.Pages {
		p.Next = link(res.Page.Number + 1)
	}
}

// pageNumbers are the pages the pager links to: all of a few, else the first, the last and
// two on either side of the current one (0 marks a gap).
func pageNumbers(current, pages int) []int {
	if pages <= 9 {
		out := make([]int, pages)
		for i := range out {
			out[i] = i + 1
		}
		return out
	}
	var out []int
	for n := 1; n <= pages; n++ {
		if n == 1 || n == pages || n >= current-2 && n <= current+2 {
			out = append(out, n)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// message shows a page with a title and a text from the catalogue (prefix.title, prefix.body).
func (l *caseList) message(w http.ResponseWriter, status int, prefix string) {
	l.pages.render(w, status, "message", messagePage{
		base:       base{Lang: string(l.cfg.Lang), Title: l.t(prefix + ".title"), Site: l.t("cases.site")},
		Paragraphs: []string{l.t(prefix + ".body")}})
}
