// Package casestest is the test suite every case list store must pass: the in-memory one and
// both database back-ends (package store) run it, so they behave the same.
package casestest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// T0 is the suite's reference instant.
var T0 = time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)

// Rec is a record for tests.
func Rec(id string, stage domain.Stage, chain string, created time.Time, revision int, written time.Time) cases.Record {
	return cases.Record{Summary: domain.CaseSummary{ID: id, Title: "Titel " + id, Stage: stage, Year: 2027},
		Chain: chain, Created: created, Revision: revision, Written: written}
}

// Run runs the suite; open returns an empty store (a new one for every test).
func Run(t *testing.T, open func(t *testing.T) cases.Store) {
	t.Run("newest wins, stale writes are ignored", func(t *testing.T) { newestWins(t, open(t)) })
	t.Run("bad records are refused and change nothing", func(t *testing.T) { refusesBad(t, open(t)) })
	t.Run("concurrent writers leave the newest", func(t *testing.T) { concurrent(t, open(t)) })
	t.Run("select filters and pages", func(t *testing.T) { selects(t, open(t)) })
	t.Run("a summary is stored whole", func(t *testing.T) { whole(t, open(t)) })
	t.Run("the change feed lists the latest writes", func(t *testing.T) { changed(t, open(t)) })
}

func get(t *testing.T, s cases.Store, id string) cases.Record {
	t.Helper()
	r, ok, err := s.Get(context.Background(), id)
	require.NoError(t, err)
	require.True(t, ok, "%s not stored", id)
	return r
}

func newestWins(t *testing.T, s cases.Store) {
	ctx := context.Background()
	ok, err := s.Put(ctx, Rec("bygglov", domain.StageTriaged, "run-1", T0, 2, T0))
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = s.Put(ctx, Rec("bygglov", domain.StageDeclined, "run-1", T0, 7, T0.Add(time.Hour)))
	require.NoError(t, err)
	assert.True(t, ok)
	// A delayed retry of an earlier write arrives last: ignored.
	ok, err = s.Put(ctx, Rec("bygglov", domain.StageFebruaryReview, "run-1", T0, 5, T0.Add(30*time.Minute)))
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Equal(t, domain.StageDeclined, get(t, s, "bygglov").Summary.Stage)
	// The same revision written later (the next milestone moved on with time) replaces it.
	later := Rec("bygglov", domain.StageDeclined, "run-1", T0, 7, T0.Add(2*time.Hour))
	later.Summary.Title = "Ny titel"
	ok, err = s.Put(ctx, later)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "Ny titel", get(t, s, "bygglov").Summary.Title)
	// A new initiative under the same ID (its old history gone) replaces the record, even
	// with a lower revision; an older chain does not.
	ok, err = s.Put(ctx, Rec("bygglov", domain.StageTriaged, "run-2", T0.Add(24*time.Hour), 1, T0.Add(25*time.Hour)))
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = s.Put(ctx, Rec("bygglov", domain.StageDeclined, "run-0", T0.Add(-24*time.Hour), 9, T0.Add(26*time.Hour)))
	require.NoError(t, err)
	assert.False(t, ok)
	r := get(t, s, "bygglov")
	assert.Equal(t, "run-2", r.Chain)
	assert.Equal(t, 1, r.Revision)
	assert.True(t, T0.Add(25*time.Hour).Equal(r.Written))
	_, ok, err = s.Get(ctx, "finns-inte")
	require.NoError(t, err)
	assert.False(t, ok)
}

func refusesBad(t *testing.T, s cases.Store) {
	ctx := context.Background()
	for _, bad := range []cases.Record{
		Rec("../utanfor", domain.StageTriaged, "run-1", T0, 1, T0),
		Rec("bygglov", "nowhere", "run-1", T0, 1, T0),
		Rec("bygglov", domain.StageTriaged, "", T0, 1, T0),
		Rec("bygglov", domain.StageTriaged, "run-1", T0, 1, time.Time{}),
	} {
		_, err := s.Put(ctx, bad)
		require.Error(t, err, "%+v", bad)
	}
	res, err := s.Select(ctx, cases.Filter{}, cases.Page{Number: 1, Size: 20})
	require.NoError(t, err)
	assert.Zero(t, res.Total)
}

// Writers racing on one case (worker processes and retried activities) leave the newest.
func concurrent(t *testing.T, s cases.Store) {
	ctx := context.Background()
	const writers, revisions = 4, 30
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range revisions {
				rev := (i*writers + w*7) % revisions
				_, err := s.Put(ctx, Rec("bygglov", domain.StageTriaged, "run-1", T0, rev, T0.Add(time.Duration(rev)*time.Second)))
				assert.NoError(t, err)
			}
		}()
	}
	var reads sync.WaitGroup
	reads.Add(1)
	go func() {
		defer reads.Done()
		for range 20 {
			_, err := s.Select(ctx, cases.Filter{}, cases.Page{Number: 1, Size: 20})
			assert.NoError(t, err)
		}
	}()
	wg.Wait()
	reads.Wait()
	assert.Equal(t, revisions-1, get(t, s, "bygglov").Revision)
}

func selects(t *testing.T, s cases.Store) {
	ctx := context.Background()
	mk := func(id string, year int, owner domain.Owner, stage domain.Stage, title string) {
		r := Rec(id, stage, "c", T0, 1, T0)
		r.Summary.Year, r.Summary.Owner, r.Summary.Title = year, owner, title
		_, err := s.Put(ctx, r)
		require.NoError(t, err)
	}
	mk("bygglov", 2027, domain.OwnerInera, domain.StageFebruaryReview, "Gemensam e-tjänst för bygglov")
	mk("arkiv", 2027, domain.OwnerSKR, domain.StageDeclined, "Gemensamt e-arkiv")
	mk("upphandling", 2026, domain.OwnerAdda, domain.StageImplementation, "Ramavtal för skolplattform")
	mk("chatt", 2028, domain.OwnerInera, domain.StageWithdrawn, "Chatt för VÅRDGUIDEN")
	mk("ekonomi", 2027, domain.OwnerAdda, domain.StageQualification, "Ekonomisystem 100%_klart")
	mk("e-arkiv-2", 2027, domain.OwnerSKR, domain.StageQualification, "Arkiv, steg två")
	ids := func(r cases.Result) []string {
		var out []string
		for _, c := range r.Cases {
			out = append(out, c.ID)
		}
		return out
	}
	all := []string{"chatt", "arkiv", "bygglov", "e-arkiv-2", "ekonomi", "upphandling"}
	table := []struct {
		name  string
		f     cases.Filter
		p     cases.Page
		want  []string
		total int
		pages int
	}{
		{"all, newest year first, then by id", cases.Filter{}, cases.Page{Number: 1, Size: 20}, all, 6, 1},
		{"by stage", cases.Filter{Stage: domain.StageDeclined}, cases.Page{Number: 1, Size: 20}, []string{"arkiv"}, 1, 1},
		{"open only", cases.Filter{Status: cases.StatusOpen}, cases.Page{Number: 1, Size: 20}, []string{"bygglov", "e-arkiv-2", "ekonomi", "upphandling"}, 4, 1},
		{"closed only", cases.Filter{Status: cases.StatusClosed}, cases.Page{Number: 1, Size: 20}, []string{"chatt", "arkiv"}, 2, 1},
		{"by owner", cases.Filter{Owner: domain.OwnerAdda}, cases.Page{Number: 1, Size: 20}, []string{"ekonomi", "upphandling"}, 2, 1},
		{"by year", cases.Filter{Year: 2027}, cases.Page{Number: 1, Size: 20}, []string{"arkiv", "bygglov", "e-arkiv-2", "ekonomi"}, 4, 1},
		{"text, every word, any case", cases.Filter{Text: "GEMENSAM e-"}, cases.Page{Number: 1, Size: 20}, []string{"arkiv", "bygglov"}, 2, 1},
		{"text, Swedish letters in any case", cases.Filter{Text: "vårdguiden"}, cases.Page{Number: 1, Size: 20}, []string{"chatt"}, 1, 1},
		{"text in the id", cases.Filter{Text: "upphand"}, cases.Page{Number: 1, Size: 20}, []string{"upphandling"}, 1, 1},
		{"wildcards are plain text", cases.Filter{Text: "100%_"}, cases.Page{Number: 1, Size: 20}, []string{"ekonomi"}, 1, 1},
		{"a lone wildcard matches only itself", cases.Filter{Text: "_"}, cases.Page{Number: 1, Size: 20}, []string{"ekonomi"}, 1, 1},
		{"combined, nothing matches", cases.Filter{Owner: domain.OwnerSKR, Year: 2026}, cases.Page{Number: 1, Size: 20}, nil, 0, 1},
		{"page 1 of 3", cases.Filter{}, cases.Page{Number: 1, Size: 2}, []string{"chatt", "arkiv"}, 6, 3},
		{"page 3 of 3", cases.Filter{}, cases.Page{Number: 3, Size: 2}, []string{"ekonomi", "upphandling"}, 6, 3},
		{"after the last page", cases.Filter{}, cases.Page{Number: 4, Size: 2}, nil, 6, 3},
		{"size 0: all on one page", cases.Filter{}, cases.Page{Number: 1, Size: 0}, all, 6, 1},
	}
	for _, c := range table {
		t.Run(c.name, func(t *testing.T) {
			r, err := s.Select(ctx, c.f, c.p)
			require.NoError(t, err)
			assert.Equal(t, c.want, ids(r))
			assert.Equal(t, c.total, r.Total)
			assert.Equal(t, c.pages, r.Pages)
		})
	}
	years, err := s.Years(ctx)
	require.NoError(t, err)
	assert.Equal(t, []int{2028, 2027, 2026}, years)
}

// Every field of a summary comes back as it went in.
func whole(t *testing.T, s cases.Store) {
	ctx := context.Background()
	at := time.Date(2027, 3, 5, 14, 0, 0, 0, domain.Stockholm())
	r := Rec("bygglov", domain.StageQuickAnalysis, "run-1", T0, 3, T0)
	r.Summary.Owner = domain.OwnerInera
	r.Summary.LatestDecision = &domain.CaseDecision{Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictApprove, At: at, Body: domain.RoleLeadership}
	r.Summary.NextMilestone = &domain.CaseMilestone{Kind: domain.MilestoneSeasonOpens, Season: domain.SeasonValuation, At: at.AddDate(0, 2, 0)}
	_, err := s.Put(ctx, r)
	require.NoError(t, err)
	got := get(t, s, "bygglov")
	require.NotNil(t, got.Summary.LatestDecision)
	assert.True(t, at.Equal(got.Summary.LatestDecision.At))
	assert.Equal(t, domain.VerdictApprove, got.Summary.LatestDecision.Verdict)
	require.NotNil(t, got.Summary.NextMilestone)
	assert.Equal(t, domain.SeasonValuation, got.Summary.NextMilestone.Season)
	assert.True(t, r.Summary.NextMilestone.At.Equal(got.Summary.NextMilestone.At))
	assert.Equal(t, r.Summary.Owner, got.Summary.Owner)
	assert.True(t, r.Created.Equal(got.Created))
}

// changed: the records written last come first, at most the limit; a record written again
// moves to the top.
func changed(t *testing.T, s cases.Store) {
	ctx := context.Background()
	for i, id := range []string{"alfa", "beta", "gamma", "delta"} {
		_, err := s.Put(ctx, Rec(id, domain.StageTriaged, "run-"+id, T0, 1, T0.Add(time.Duration(i)*time.Hour)))
		require.NoError(t, err)
	}
	_, err := s.Put(ctx, Rec("alfa", domain.StageAwaitingFebruary, "run-alfa", T0, 2, T0.Add(10*time.Hour)))
	require.NoError(t, err)
	got, err := s.Changed(ctx, 3)
	require.NoError(t, err)
	ids := make([]string, len(got))
	for i, r := range got {
		ids[i] = r.Summary.ID
	}
	assert.Equal(t, []string{"alfa", "delta", "gamma"}, ids)
	assert.Equal(t, domain.StageAwaitingFebruary, got[0].Summary.Stage)
}
