package admin

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// The years of the stand-in cycles, each changing its revision in its own way.
const (
	yearSteady      = 2101 // never changes
	yearChangedOnce = 2102 // changes once, after its first answer
	yearRestless    = 2103 // changes at every answer
)

// revisions counts the report answers of each stand-in cycle and says its revision at each.
var revisions = struct {
	sync.Mutex
	calls map[int]int
}{calls: map[int]int{}}

func revisionAt(year int) int {
	revisions.Lock()
	defer revisions.Unlock()
	revisions.calls[year]++
	switch n := revisions.calls[year]; year {
	case yearChangedOnce:
		return min(n, 2)
	case yearRestless:
		return n
	}
	return 1
}

func callsOf(year int) int {
	revisions.Lock()
	defer revisions.Unlock()
	return revisions.calls[year]
}

// pagedReportWorkflow stands in for a cycle with a ranking of rows rows and valuations of
// valued initiatives: its report query pages them as the cycle's does
// (domain.CycleReport.WithPage).
func pagedReportWorkflow(ctx workflow.Context, year, rows, valued int) error {
	var ranking []domain.RankingRow
	for i := range rows {
		ranking = append(ranking, domain.RankingRow{Rank: i + 1, ID: fmt.Sprintf("p%05d", i)})
	}
	var valuations []domain.ValuationSummary
	for i := range valued {
		valuations = append(valuations, domain.ValuationSummary{Initiative: fmt.Sprintf("p%05d", i), Count: i})
	}
	if err := workflow.SetQueryHandler(ctx, contract.QueryCycleReport, func(req contract.ReportRequest) (domain.CycleReport, error) {
		rep := domain.CycleReport{Year: year, Ranking: ranking, Valuations: valuations, Revision: revisionAt(year)}
		return rep.WithPage(req)
	}); err != nil {
		return err
	}
	workflow.GetSignalChannel(ctx, "stop").Receive(ctx, nil)
	return nil
}

// The whole report is read page by page, in order; a page of another revision starts the
// reading over, and a cycle that changes at every page gives a clear error, not a ranking
// pieced together from different moments.
func TestTheWholeReportIsReadPageByPage(t *testing.T) {
	srv, err := devserver.Start(devserver.Options{Namespace: contract.Namespace, UIPort: -1})
	require.NoError(t, err, "the embedded Temporal server did not start")
	defer srv.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	a, err := Dial(ctx, srv.FrontendAddr, contract.Namespace, client.Options{})
	require.NoError(t, err)
	defer a.Close()
	const queue = "paged"
	w := sdkworker.New(a.Temporal, queue, sdkworker.Options{})
	w.RegisterWorkflow(pagedReportWorkflow)
	require.NoError(t, w.Start())
	defer w.Stop()
	// Three pages of the ranking; the valuations take four.
	const rows, valued = 2*domain.RankingPageSize + 17, 3*domain.ValuationsPageSize + 1
	for _, year := range []int{yearSteady, yearChangedOnce, yearRestless} {
		_, err := a.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.CycleWorkflowID(year), TaskQueue: queue},
			pagedReportWorkflow, year, rows, valued)
		require.NoError(t, err)
	}

	rep, err := a.CycleReport(ctx, yearSteady)
	require.NoError(t, err)
	require.Len(t, rep.Ranking, rows)
	require.Len(t, rep.Valuations, valued)
	assert.True(t, rep.Complete())
	for i, r := range rep.Ranking {
		require.Equal(t, i+1, r.Rank, "row %d", i)
	}
	for i, v := range rep.Valuations {
		require.Equal(t, i, v.Count, "valuation %d", i)
	}
	assert.Equal(t, 4, callsOf(yearSteady), "four pages, one answer each")

	rep, err = a.CycleReport(ctx, yearChangedOnce)
	require.NoError(t, err)
	assert.Len(t, rep.Ranking, rows)
	assert.Len(t, rep.Valuations, valued)
	assert.Equal(t, 2, rep.Revision, "read again, wholly at the later revision")
	assert.Equal(t, 2+4, callsOf(yearChangedOnce), "the first reading stopped at its second page")

	_, err = a.CycleReport(ctx, yearRestless)
	require.ErrorIs(t, err, errReportChanged)
	assert.Contains(t, err.Error(), fmt.Sprint(yearRestless))

	_, err = a.CycleReport(ctx, 2104)
	var ae *Error
	require.ErrorAs(t, err, &ae, "no such cycle")
	assert.Equal(t, "error.cycle_not_found", ae.Key)
}
