package console

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/browsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browserSignIn opens the console in a new tab, which sends the browser to the demo
// provider's sign-in page, and signs in as the person by keyboard alone.
func (h *harness) browserSignIn(t *testing.T, b *browsertest.Browser, username string) context.Context {
	ctx := b.Tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(h.base+"/konsol/")))
	browsertest.WaitFor(t, ctx, "button[value="+username+"]")
	b.CheckPage(t, ctx, "the demo provider's sign-in page")
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("button[value="+username+"]"))))
	browsertest.Keys(t, ctx, browsertest.Enter)
	browsertest.WaitFor(t, ctx, "#who")
	return ctx
}

// visit opens a console page in a new tab of the signed-in browser and checks it: axe-core
// with no violations, headings in order, and at 320 CSS pixels no sideways scrolling. It
// returns the tab.
func visit(t *testing.T, b *browsertest.Browser, url, name string) context.Context {
	t.Helper()
	ctx := b.Tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 1024), chromedp.Navigate(url)))
	browsertest.WaitFor(t, ctx, "h1")
	b.CheckPage(t, ctx, name)
	// Every page's footer links to the privacy page and the accessibility statement.
	links, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('footer a[href="/personuppgifter"], footer a[href="/tillganglighet"]').length`))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, links, 2, "%s links to the privacy page and the accessibility statement", name)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Reload()))
	browsertest.WaitFor(t, ctx, "h1")
	sideways, err := browsertest.ScrollsSideways(ctx)
	require.NoError(t, err)
	assert.False(t, sideways, "%s scrolls sideways at 320 px", name)
	return ctx
}

// Every console page and state passes axe-core (WCAG 2.1 A and AA and best practices),
// keeps its headings in order and reflows at 320 px: the start pages of the office and the
// leadership, the list, an initiative with its whole record, every action's form, a form
// with errors, the registration, the cycles, a cycle, a gate's decision page and its summary,
// and the pages that refuse.
func TestBrowserEveryConsolePageIsAccessible(t *testing.T) {
	b := browsertest.Start(t)
	h := newHarness(t)
	in := h.fake.add(need("Digital bygglovshandläggning"), domain.StageFebruaryReview, 2027)
	in.Criteria = []domain.CriterionScore{{Criterion: domain.CriterionBenefit, Score: 5, Motivation: "Alla kommuner"}}
	in.Decisions = []domain.Decision{{Gate: domain.GateQuickAnalysis, Verdict: domain.VerdictDefer, Reason: "Nästa år", By: "lena", At: h.fake.now}}
	h.fake.add(need("Gemensam e-arkivtjänst"), domain.StageBacklog, 2027)
	h.fake.cycles = []admin.CycleSummary{{Year: 2027, Phase: domain.PhaseQuickAnalysisDecision, Running: true}}
	h.fake.cycleStatus = contract.CycleStatus{Year: 2027, Phase: domain.PhaseQuickAnalysisDecision, Calendar: "Beredningsprocessen 2025"}
	h.fake.report = domain.CycleReport{Year: 2027, Lists: []domain.SubmittedList{{PriorityList: domain.PriorityList{Member: "county:01"}}}, MissingLists: []string{"county:03"},
		Ranking: []domain.RankingRow{{Rank: 1, ID: in.ID, Title: in.Need.Title, Points: 30, Lists: 3}}}

	proposed(h, "forslag-aa", "Gemensam e-arkivtjänst")
	h.browserSignIn(t, b, "anna")
	pages := []struct{ path, name string }{
		{"/konsol/", "the office's start page"},
		{"/konsol/initiativ", "the list"},
		{"/konsol/initiativ?steg=okand", "the list with a refused filter"},
		{"/konsol/initiativ/" + in.ID, "an initiative"},
		{"/konsol/nytt", "the registration"},
		{"/konsol/cykel", "the cycles"},
		{"/konsol/cykel/2027", "a cycle"},
		{"/konsol/cykel/2027/beslut/snabbanalys", "a gate, as the office sees it"},
		{"/konsol/initiativ/finns-inte", "a page that does not exist"},
		{"/konsol/initiativ/" + in.ID + "/beslut", "a refused form (not the office's)"},
		{"/konsol/forslag", "the proposals"},
		{"/konsol/forslag/forslag-aa", "a proposal"},
		{"/konsol/adresser", "the address register"},
		{"/konsol/adresser/medlemmar", "the members' addresses"},
		{"/konsol/adresser/kommuner/0180", "a municipality's addresses"},
		{"/konsol/adresser/agare/import", "an import"},
		{"/konsol/personuppgifter", "the page for requests of access and erasure"},
	}
	for _, a := range actions {
		if a.act.PermittedTo(domain.RoleOffice) && !a.impl {
			pages = append(pages, struct{ path, name string }{"/konsol/initiativ/" + in.ID + "/" + a.slug, "the form " + a.slug})
		}
	}
	for _, p := range pages {
		visit(t, b, h.base+p.path, p.name)
	}

	// The members' pages, open (in February and May), as the office sees them.
	h.fake.cycleStatus.Phase = domain.PhasePriorities
	visit(t, b, h.base+"/konsol/cykel/2027/lista?medlem=county:01", "a member's February list")
	h.fake.cycleStatus.Phase = domain.PhaseValuation
	h.fake.report.Decisions = []domain.CycleDecision{{Gate: domain.GateQuickAnalysis, Chosen: []string{in.ID}}}
	visit(t, b, h.base+"/konsol/cykel/2027/vardering?medlem=county:01", "a member's May valuation")
	h.fake.cycleStatus.Phase = domain.PhaseQuickAnalysisDecision

	// The offer dashboard: accessible, and its figures update without a reload.
	offer := offerRound(h)
	dash := visit(t, b, h.base+"/konsol/initiativ/"+offer+"/erbjudande", "the offer dashboard")
	assert.Equal(t, "2", browsertest.Text(t, dash, "#n-yes"))
	h.fake.mu.Lock()
	r := h.fake.rounds[offer]
	r.Answers = append(r.Answers, domain.AnswerVersion{Municipality: "0114", Version: 1, Answer: domain.AnswerYes, At: h.fake.now})
	h.fake.mu.Unlock()
	_, err := chromedp.Run(dash, chromedp.Evaluate[bool](`document.dispatchEvent(new Event('visibilitychange')) || true`))
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		n, err := chromedp.Run(dash, chromedp.Text(chromedp.CSS("#n-yes")))
		return err == nil && n == "3"
	}, 10*time.Second, 100*time.Millisecond, "the dashboard updates itself")

	// An import with errors, and an address page with its log.
	imp := visit(t, b, h.base+"/konsol/adresser/kommuner/import", "the import form")
	require.NoError(t, chromedp.Do(imp, chromedp.EmulateViewport(1280, 1024), chromedp.Reload(),
		chromedp.SendKeys(chromedp.CSS("#f-csv"), "municipality_code,email\n114,x\n"), chromedp.Click(chromedp.CSS("#submit"))))
	browsertest.WaitFor(t, imp, "#error-summary")
	b.CheckPage(t, imp, "an import with errors")
	_, err = h.db.AddAddress(context.Background(), contacts.Entry{Kind: contacts.Municipality, Party: "0180", Email: "a@stockholm.example"}, "anna", "ny")
	require.NoError(t, err)
	visit(t, b, h.base+"/konsol/adresser/kommuner/0180", "a municipality's addresses with a log")

	// A request for access: what was found about an address, with the export and the erasure.
	req := visit(t, b, h.base+"/konsol/personuppgifter", "the personal data page")
	require.NoError(t, chromedp.Do(req, chromedp.EmulateViewport(1280, 1024), chromedp.Reload(),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "kontakt@exempelby.example"), chromedp.Click(chromedp.CSS("#search"))))
	browsertest.WaitFor(t, req, "#found-initiatives")
	b.CheckPage(t, req, "what was found about an address")

	// A form with errors: sent empty, by keyboard.
	anna := visit(t, b, h.base+"/konsol/initiativ/"+in.ID+"/relevans", "the relevance form")
	require.NoError(t, chromedp.Do(anna, chromedp.EmulateViewport(1280, 1024), chromedp.Reload()))
	browsertest.WaitFor(t, anna, "#submit")
	browsertest.TabToVisibly(t, anna, "submit")
	browsertest.Keys(t, anna, browsertest.Enter)
	browsertest.WaitFor(t, anna, "#error-summary")
	b.CheckPage(t, anna, "a form with errors")
	assert.Empty(t, h.fake.messages())

	// The leadership, in a browser of its own.
	b = browsertest.Start(t)
	h.browserSignIn(t, b, "lena")
	visit(t, b, h.base+"/konsol/", "the leadership's start page")
	lena := visit(t, b, h.base+"/konsol/cykel/2027/beslut/snabbanalys", "a gate's decision page")
	require.NoError(t, chromedp.Do(lena, chromedp.EmulateViewport(1280, 1024), chromedp.Reload(),
		chromedp.Click(chromedp.CSS("#v-"+in.ID+"-vald")),
		chromedp.SendKeys(chromedp.CSS("#f-reason"), "Enligt rangordningen"),
		chromedp.Click(chromedp.CSS("#review"))))
	browsertest.WaitFor(t, lena, "#send")
	b.CheckPage(t, lena, "a decision's summary")
	assert.Contains(t, browsertest.Text(t, lena, "#sum-chosen"), in.Need.Title)

	// Signing out, by keyboard.
	browsertest.TabToVisibly(t, lena, "sign-out")
	browsertest.Keys(t, lena, browsertest.Enter)
	require.NoError(t, chromedp.Do(lena, chromedp.WaitVisible(chromedp.CSS("#onwards"))))
	b.CheckPage(t, lena, "signed out")
	assert.True(t, strings.Contains(browsertest.Text(t, lena, "h1"), "utloggad"))
}
