package admin

import (
	"context"
	"errors"
	"fmt"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
)

// reportReads is how often CycleReport starts over when the cycle changed between two pages.
const reportReads = 3

// CycleReport reads a year's whole report: the report query carries one page of the ranking
// and of the valuations, so the rest is read page by page. A page read at another revision of
// the cycle (a list came in, a decision was made) may rank the rows differently, so then it
// starts over.
func (a *Client) CycleReport(ctx context.Context, year int) (domain.CycleReport, error) {
	var rep domain.CycleReport
	for range reportReads {
		if err := a.QueryCycle(ctx, year, contract.QueryCycleReport, &rep); err != nil {
			return rep, err
		}
		whole, err := a.restOfReport(ctx, year, rep)
		if err == nil {
			return whole, nil
		}
		if !errors.Is(err, errReportChanged) {
			return rep, err
		}
	}
	return rep, fmt.Errorf("the report of cycle %d changed while it was read, %d times: %w", year, reportReads, errReportChanged)
}

var errReportChanged = errors.New("the cycle changed between two pages of its report")

// restOfReport reads the pages after the first and adds their rows to the report.
func (a *Client) restOfReport(ctx context.Context, year int, rep domain.CycleReport) (domain.CycleReport, error) {
	for len(rep.Ranking) < rep.RankingTotal || len(rep.Valuations) < rep.ValuationsTotal {
		var page domain.CycleReport
		ask := contract.ReportRequest{RankingFrom: len(rep.Ranking), ValuationsFrom: len(rep.Valuations)}
		if err := a.queryCycle(ctx, year, contract.QueryCycleReport, &page, ask); err != nil {
			return rep, err
		}
		if page.Revision != rep.Revision || page.RankingTotal != rep.RankingTotal || page.ValuationsTotal != rep.ValuationsTotal ||
			len(page.Ranking)+len(page.Valuations) == 0 {
			return rep, errReportChanged
		}
		rep.Ranking = append(rep.Ranking, page.Ranking...)
		rep.Valuations = append(rep.Valuations, page.Valuations...)
	}
	return rep, nil
}
