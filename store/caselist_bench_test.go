package store_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/cases/casestest"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/web"
)

// BenchmarkCaseList10000 measures the public case list's server time per request with 10,000
// cases in the database, on both back-ends: a filtered page (owner and year, the third page)
// and the whole CSV export of one year. Run with
//
//	HANDSLAG_POSTGRES_TESTS=require go test ./store -run '^$' -bench CaseList10000 -benchtime 50x
//
// Figures are in docs/performance.md.
func BenchmarkCaseList10000(b *testing.B) {
	for name, url := range backends {
		b.Run(name, func(b *testing.B) {
			db, err := store.Open(context.Background(), url(b))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			fill(b, db, 10000)
			h := web.NewSite(web.SiteConfig{Cases: &web.CaseListConfig{Cases: db}})
			for _, req := range []struct{ name, path string }{
				{"filtered page", "/arenden?owner=Inera&year=2027&page=3"},
				{"word search", "/arenden?q=tjänst+42"},
				{"CSV of a year", "/arenden.csv?year=2028"},
			} {
				b.Run(req.name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						rec := httptest.NewRecorder()
						h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, req.path, nil))
						if rec.Code != http.StatusOK {
							b.Fatalf("%s: %d %s", req.path, rec.Code, rec.Body.String())
						}
					}
				})
			}
		})
	}
}

// fill writes n cases spread over owners, stages and three years.
func fill(b *testing.B, db *store.DB, n int) {
	ctx := context.Background()
	stages := cases.Listed()
	for i := 0; i < n; i++ {
		rec := casestest.Rec(fmt.Sprintf("initiativ-%05d", i), stages[i%len(stages)], "run", casestest.T0, 1, casestest.T0.Add(time.Duration(i)))
		rec.Summary.Title = fmt.Sprintf("Gemensam digital tjänst %d", i)
		rec.Summary.Owner = domain.Owners[i%len(domain.Owners)]
		rec.Summary.Year = 2026 + i%3
		if _, err := db.Put(ctx, rec); err != nil {
			b.Fatal(err)
		}
	}
}
