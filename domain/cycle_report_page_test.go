package domain

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The report of 5,000 participants with the longest titles, 2,500 of them chosen for quick
// analysis and the first 100 valued by all 21 council members with a page of text each, does
// not fit one answer (Temporal refuses payloads over 2 MB); each page of it does, and the
// pages together are the ranking and the valuations.
func TestTheReportOfALargeCycleIsPaged(t *testing.T) {
	c := largeCycle(5000)
	council := Network{ID: CouncilNetwork}
	for k := range 21 {
		council.Members = append(council.Members, Member{ID: fmt.Sprintf("county:%02d", k+1)})
	}
	c.Config.Networks = []Network{council}
	comment := strings.Repeat("Värderingen motiveras. ", 2000/23)
	at := time.Date(2027, 5, 5, 9, 0, 0, 0, Stockholm())
	for i := 0; i < 200; i += 2 {
		for _, m := range council.Members {
			c.Valuations = append(c.Valuations, MemberValuation{Member: m.ID, Initiative: fmt.Sprintf("initiativ-%05d", i), Score: 3,
				Comment: comment, By: "x", At: at})
		}
	}
	whole := c.Report()
	all, err := json.Marshal(whole)
	require.NoError(t, err)
	assert.Greater(t, len(all), 2<<20, "the whole report would not fit one answer")
	assert.Equal(t, 5000, whole.RankingTotal)
	assert.Equal(t, 2500, whole.ValuationsTotal)

	var rows []RankingRow
	var valuations []ValuationSummary
	largest := 0
	for p := (ReportPage{}); p.RankingFrom < whole.RankingTotal || p.ValuationsFrom < whole.ValuationsTotal; {
		page, err := whole.WithPage(p)
		require.NoError(t, err)
		b, err := json.Marshal(page)
		require.NoError(t, err)
		largest = max(largest, len(b))
		assert.Equal(t, p.RankingFrom, page.RankingFrom)
		assert.Equal(t, 5000, page.RankingTotal)
		rows = append(rows, page.Ranking...)
		valuations = append(valuations, page.Valuations...)
		p.RankingFrom, p.ValuationsFrom = len(rows), len(valuations)
	}
	t.Logf("the whole report %d KiB, its largest page %d KiB", len(all)/1024, largest/1024)
	assert.Less(t, largest, 1536<<10, "one page of the report, with room below 2 MB")
	assert.Equal(t, whole.Ranking, rows, "the pages together are the ranking, in order")
	assert.Equal(t, whole.Valuations, valuations, "and the valuations")
}

func TestAReportPage(t *testing.T) {
	r := CycleReport{Ranking: []RankingRow{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Revision: 7,
		Valuations: []ValuationSummary{{Initiative: "a"}, {Initiative: "b"}}}
	ids := func(p CycleReport) (out []string) {
		for _, x := range p.Ranking {
			out = append(out, x.ID)
		}
		return out
	}
	valued := func(p CycleReport) (out []string) {
		for _, x := range p.Valuations {
			out = append(out, x.Initiative)
		}
		return out
	}
	for _, tc := range []struct {
		name          string
		page          ReportPage
		ranking, vals []string
		complete      bool
	}{
		{"the first page holds all of a short report", ReportPage{}, []string{"a", "b", "c"}, []string{"a", "b"}, true},
		{"a first page of each", ReportPage{RankingLimit: 2, ValuationsLimit: 1}, []string{"a", "b"}, []string{"a"}, false},
		{"the last page of each", ReportPage{RankingFrom: 2, RankingLimit: 2, ValuationsFrom: 1}, []string{"c"}, []string{"b"}, false},
		{"past the end of one", ReportPage{RankingFrom: 1, ValuationsFrom: 2}, []string{"b", "c"}, nil, false},
		{"far past the end of both", ReportPage{RankingFrom: 40, ValuationsFrom: 40}, nil, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := r.WithPage(tc.page)
			require.NoError(t, err)
			assert.Equal(t, tc.ranking, ids(p))
			assert.Equal(t, tc.vals, valued(p))
			assert.Equal(t, 3, p.RankingTotal)
			assert.Equal(t, 2, p.ValuationsTotal)
			assert.Equal(t, tc.page.RankingFrom, p.RankingFrom)
			assert.Equal(t, tc.page.ValuationsFrom, p.ValuationsFrom)
			assert.Equal(t, 7, p.Revision)
			assert.Equal(t, tc.complete, p.Complete())
		})
	}
	_, err := r.WithPage(ReportPage{RankingFrom: -1})
	assertCode(t, err, CodeInvalidValue, "ranking_from")
	_, err = r.WithPage(ReportPage{ValuationsLimit: -2})
	assertCode(t, err, CodeInvalidValue, "valuations_limit")

	big := CycleReport{}
	for range RankingPageSize + 1 {
		big.Ranking = append(big.Ranking, RankingRow{ID: "x"})
		big.Valuations = append(big.Valuations, ValuationSummary{Initiative: "x"})
	}
	p, err := big.WithPage(ReportPage{RankingLimit: RankingPageSize + 1, ValuationsLimit: 1000})
	require.NoError(t, err)
	assert.Len(t, p.Ranking, RankingPageSize, "no more than a page, whatever is asked")
	assert.Len(t, p.Valuations, ValuationsPageSize)
}
