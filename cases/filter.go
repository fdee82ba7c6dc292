package cases

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/skr/handslag/domain"
)

// Status groups the stages: open cases are under way, closed ones have an outcome.
type Status string

const (
	StatusOpen   Status = "open"
	StatusClosed Status = "closed"
)

// Filter selects cases; a zero field selects everything.
type Filter struct {
	Stage  domain.Stage `json:"stage,omitempty"`
	Status Status       `json:"status,omitempty"`
	Owner  domain.Owner `json:"owner,omitempty"`
	Year   int          `json:"year,omitempty"`
	// Text: every word must occur in the title or the ID (case-insensitive).
	Text string `json:"q,omitempty"`
}

// Page is one page of a list, numbered from 1.
type Page struct {
	Number int `json:"page"`
	Size   int `json:"per_page"`
}

// Paging limits.
const (
	DefaultPageSize = 20
	MaxPageSize     = 200
)

// Result is one page of the selected cases.
type Result struct {
	Cases []domain.CaseSummary `json:"cases"`
	// Total is how many cases the filter selects on all pages; Pages how many pages they fill.
	Total int  `json:"total"`
	Pages int  `json:"pages"`
	Page  Page `json:"page"`
}

// Listed are the stages a listed case can be in: every stage after intake.
func Listed() []domain.Stage {
	return slices.DeleteFunc(slices.Clone(domain.Stages), func(s domain.Stage) bool { return s == domain.StageBacklog })
}

// ParseQuery reads a filter and a page from a URL query (stage, status, owner, year, q, page,
// per_page). Bad input is a *domain.ValidationError naming the parameter; empty values mean
// "all" and the first page.
func ParseQuery(q url.Values) (Filter, Page, error) {
	var f Filter
	p := Page{Number: 1, Size: DefaultPageSize}
	if v := q.Get("stage"); v != "" {
		s, err := domain.ParseStage(v)
		if err != nil || s == domain.StageBacklog {
			return f, p, invalid("stage", v)
		}
		f.Stage = s
	}
	switch v := Status(q.Get("status")); v {
	case "", StatusOpen, StatusClosed:
		f.Status = v
	default:
		return f, p, invalid("status", string(v))
	}
	if v := q.Get("owner"); v != "" {
		o, err := domain.ParseOwner(v)
		if err != nil {
			return f, p, invalid("owner", v)
		}
		f.Owner = o
	}
	if v := q.Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < 2000 || y > 2200 {
			return f, p, invalid("year", v)
		}
		f.Year = y
	}
	f.Text = strings.TrimSpace(q.Get("q"))
	if len(f.Text) > 200 {
		return f, p, invalid("q", f.Text[:20]+"...")
	}
	for _, param := range []struct {
		name   string
		target *int
	}{{"page", &p.Number}, {"per_page", &p.Size}} {
		name, target := param.name, param.target
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || name == "per_page" && n > MaxPageSize {
				return f, p, invalid(name, v)
			}
			*target = n
		}
	}
	return f, p, nil
}

func invalid(field, value string) error {
	return &domain.ValidationError{Code: domain.CodeInvalidValue, Field: field, Detail: value}
}

// Query is the filter and page as URL parameters (empty ones left out), for links.
func (f Filter) Query(p Page) url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("stage", string(f.Stage))
	set("status", string(f.Status))
	set("owner", string(f.Owner))
	if f.Year != 0 {
		set("year", strconv.Itoa(f.Year))
	}
	set("q", f.Text)
	if p.Number > 1 {
		set("page", strconv.Itoa(p.Number))
	}
	if p.Size != DefaultPageSize && p.Size != 0 {
		set("per_page", strconv.Itoa(p.Size))
	}
	return q
}

// Match reports whether the filter selects s.
func (f Filter) Match(s domain.CaseSummary) bool {
	switch {
	case f.Stage != "" && s.Stage != f.Stage,
		f.Status == StatusOpen && s.Stage.Closed(),
		f.Status == StatusClosed && !s.Stage.Closed(),
		f.Owner != "" && s.Owner != f.Owner,
		f.Year != 0 && s.Year != f.Year:
		return false
	}
	hay := strings.ToLower(s.Title + " " + s.ID)
	for _, w := range strings.Fields(strings.ToLower(f.Text)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Sort orders cases for the list: the newest cycle year first, then by ID (which follows the
// title), so the order never depends on when records were written.
func Sort(all []domain.CaseSummary) {
	slices.SortFunc(all, func(a, b domain.CaseSummary) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), strings.Compare(a.ID, b.ID))
	})
}

// Select sorts the records' summaries, keeps those the filter selects and cuts out one page.
// A page after the last is empty (Total still says how many there are). Size 0 means all on
// one page.
func Select(records []Record, f Filter, p Page) Result {
	all := make([]domain.CaseSummary, 0, len(records))
	for _, r := range records {
		if f.Match(r.Summary) {
			all = append(all, r.Summary)
		}
	}
	Sort(all)
	res := Result{Total: len(all), Page: p, Pages: 1}
	if p.Size <= 0 {
		res.Cases, res.Page = all, Page{Number: 1, Size: len(all)}
		return res
	}
	if p.Number < 1 {
		p.Number, res.Page.Number = 1, 1
	}
	res.Pages = max(1, (len(all)+p.Size-1)/p.Size)
	from := min(len(all), (p.Number-1)*p.Size)
	res.Cases = all[from:min(len(all), from+p.Size)]
	return res
}

// Years lists the cycle years of the records, newest first (for the filter's choices).
func Years(records []Record) []int {
	var ys []int
	for _, r := range records {
		if !slices.Contains(ys, r.Summary.Year) && r.Summary.Year != 0 {
			ys = append(ys, r.Summary.Year)
		}
	}
	slices.Sort(ys)
	slices.Reverse(ys)
	return ys
}

// Changed orders the records by when they were written, newest first (then by ID), and keeps
// at most limit.
func Changed(records []Record, limit int) []Record {
	out := append([]Record(nil), records...)
	slices.SortFunc(out, func(a, b Record) int {
		return cmp.Or(b.Written.Compare(a.Written), strings.Compare(a.Summary.ID, b.Summary.ID))
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
