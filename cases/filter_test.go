package cases

import (
	"net/url"
	"testing"

	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseQuery(t *testing.T) {
	cases := []struct {
		query string
		f     Filter
		p     Page
		bad   string // the parameter named in the error
	}{
		{query: "", p: Page{1, DefaultPageSize}},
		{query: "stage=valuation&owner=inera&year=2027&q=+e-tjänst+&page=3&per_page=50&status=open",
			f: Filter{Stage: domain.StageValuation, Owner: domain.OwnerInera, Year: 2027, Text: "e-tjänst", Status: StatusOpen}, p: Page{3, 50}},
		{query: "stage=&owner=&year=", p: Page{1, DefaultPageSize}},
		{query: "stage=backlog", bad: "stage"},
		{query: "stage=nowhere", bad: "stage"},
		{query: "status=half", bad: "status"},
		{query: "owner=Google", bad: "owner"},
		{query: "year=tjugo", bad: "year"},
		{query: "year=1999", bad: "year"},
		{query: "page=0", bad: "page"},
		{query: "page=-1", bad: "page"},
		{query: "per_page=1000", bad: "per_page"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			q, err := url.ParseQuery(c.query)
			require.NoError(t, err)
			f, p, err := ParseQuery(q)
			if c.bad != "" {
				var ve *domain.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.Equal(t, c.bad, ve.Field)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.f, f)
			assert.Equal(t, c.p, p)
			// The query a page links to reads back as the same filter and page.
			f2, p2, err := ParseQuery(f.Query(p))
			require.NoError(t, err)
			assert.Equal(t, f, f2)
			assert.Equal(t, p, p2)
		})
	}
}

func TestSelect(t *testing.T) {
	mk := func(id string, year int, owner domain.Owner, stage domain.Stage, title string) Record {
		r := rec(id, stage, "c", t0, 1, t0)
		r.Summary.Year, r.Summary.Owner, r.Summary.Title = year, owner, title
		return r
	}
	records := []Record{
		mk("bygglov", 2027, domain.OwnerInera, domain.StageFebruaryReview, "Gemensam e-tjänst för bygglov"),
		mk("arkiv", 2027, domain.OwnerSKR, domain.StageDeclined, "Gemensamt e-arkiv"),
		mk("upphandling", 2026, domain.OwnerAdda, domain.StageImplementation, "Ramavtal för skolplattform"),
		mk("chatt", 2028, domain.OwnerInera, domain.StageWithdrawn, "Chatt för vårdguiden"),
		mk("ekonomi", 2027, domain.OwnerAdda, domain.StageQualification, "Ekonomisystem"),
	}
	ids := func(r Result) []string {
		var out []string
		for _, c := range r.Cases {
			out = append(out, c.ID)
		}
		return out
	}
	cases := []struct {
		name  string
		f     Filter
		p     Page
		want  []string
		total int
		pages int
	}{
		{"all, newest year first, then by id", Filter{}, Page{1, 20}, []string{"chatt", "arkiv", "bygglov", "ekonomi", "upphandling"}, 5, 1},
		{"by stage", Filter{Stage: domain.StageDeclined}, Page{1, 20}, []string{"arkiv"}, 1, 1},
		{"open only", Filter{Status: StatusOpen}, Page{1, 20}, []string{"bygglov", "ekonomi", "upphandling"}, 3, 1},
		{"closed only", Filter{Status: StatusClosed}, Page{1, 20}, []string{"chatt", "arkiv"}, 2, 1},
		{"by owner", Filter{Owner: domain.OwnerAdda}, Page{1, 20}, []string{"ekonomi", "upphandling"}, 2, 1},
		{"by year", Filter{Year: 2027}, Page{1, 20}, []string{"arkiv", "bygglov", "ekonomi"}, 3, 1},
		{"text, every word, any case", Filter{Text: "GEMENSAM e-"}, Page{1, 20}, []string{"arkiv", "bygglov"}, 2, 1},
		{"text in the id", Filter{Text: "upphand"}, Page{1, 20}, []string{"upphandling"}, 1, 1},
		{"combined, nothing matches", Filter{Owner: domain.OwnerSKR, Year: 2026}, Page{1, 20}, nil, 0, 1},
		{"page 1 of 3", Filter{}, Page{1, 2}, []string{"chatt", "arkiv"}, 5, 3},
		{"page 3 of 3", Filter{}, Page{3, 2}, []string{"upphandling"}, 5, 3},
		{"after the last page", Filter{}, Page{4, 2}, nil, 5, 3},
		{"size 0: all on one page", Filter{}, Page{1, 0}, []string{"chatt", "arkiv", "bygglov", "ekonomi", "upphandling"}, 5, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Select(records, c.f, c.p)
			assert.Equal(t, c.want, ids(r))
			assert.Equal(t, c.total, r.Total)
			assert.Equal(t, c.pages, r.Pages)
		})
	}
	assert.Equal(t, []int{2028, 2027, 2026}, Years(records))
}
