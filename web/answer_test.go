package web_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheLinkShowsTheOfferAndAnAccessibleForm(t *testing.T) {
	f := newFixture(t)
	r := f.get("/svar/" + f.tokens["1280"])
	require.Equal(t, http.StatusOK, r.status)
	for _, want := range []string{
		`<html lang="sv">`, `href="#main"`, `<main id="main"`,
		"<h1>Gemensam e-tjänst för bygglov</h1>", "Erbjudande till Malmö (kommunkod 1280)",
		"Inera bygger och förvaltar e-tjänsten.", "Minst 80 procent", "Anslutning 25 000 kronor",
		"SKR finansierar", "1 september 2027 – 31 augusti 2028", "17 februari 2027 kl. 13.00",
		"Plats: SKR, Hornsgatan 20, Stockholm", `Videolänk: <a href="https://mote.example.se/bygglov">`,
		"minst 60 procent", "Svara senast 12 mars 2027 kl. 17.00.",
		"<legend>Vill kommunen ansluta sig till erbjudandet?</legend>",
		`<input type="radio" id="choice-yes" name="choice" value="yes" required>`,
		`<label for="choice-no">Nej, kommunen ansluter sig inte</label>`,
		`<label for="name">Ditt namn</label>`, `<label for="role">Din roll i kommunen</label>`,
		`<label for="comment">Kommentar (frivillig)</label>`, `action="/svar/` + f.tokens["1280"] + `"`,
	} {
		assert.Contains(t, r.body, want)
	}
	assert.NotContains(t, r.body, "<script")
	assert.NotContains(t, r.body, "error-summary")
}

func TestAnAnswerIsConfirmedAndRepeated(t *testing.T) {
	f := newFixture(t)
	r := f.post("/svar/"+f.tokens["1280"], f.formFor("1280", complete("yes")...))
	require.Equal(t, http.StatusOK, r.status, r.body)
	for _, want := range []string{
		"<h1>Tack! Kommunens svar är registrerat</h1>", "Ja, kommunen ansluter sig", "Anna Andersson",
		"Kommundirektör", "Vi ser fram emot det.", "Malmö (1280)", "kvitto med svaret skickas med e-post",
		"10 februari 2027 kl. 10.00", "Du kan ändra svaret fram till 12 mars 2027 kl. 17.00",
	} {
		assert.Contains(t, r.body, want)
	}
	versions := f.offers.Versions(webtestOffer, "1280")
	require.Len(t, versions, 1)
	assert.Equal(t, web.CurrentAnswer{Choice: web.Yes, Name: "Anna Andersson", Role: "Kommundirektör",
		Comment: "Vi ser fram emot det.", AnsweredAt: f.clock.Now(), Version: 1}, versions[0])
	assert.Empty(t, f.offers.Versions(webtestOffer, "0114"), "no other municipality is touched")
}

func TestADoubleSubmitRecordsOneAnswer(t *testing.T) {
	f := newFixture(t)
	form := f.formFor("1280", complete("no")...)
	first := f.post("/svar/"+f.tokens["1280"], form)
	second := f.post("/svar/"+f.tokens["1280"], form)
	require.Equal(t, http.StatusOK, first.status)
	require.Equal(t, http.StatusOK, second.status)
	assert.Equal(t, first.body, second.body, "the second submit shows the same receipt")
	assert.Len(t, f.offers.Versions(webtestOffer, "1280"), 1)
}

func TestAnAnswerCanBeChangedBeforeTheDeadline(t *testing.T) {
	f := newFixture(t)
	require.Equal(t, http.StatusOK, f.post("/svar/"+f.tokens["2584"], f.formFor("2584", complete("no")...)).status)

	page := f.get("/svar/" + f.tokens["2584"])
	assert.Contains(t, page.body, "Kommunen har redan svarat: Nej, kommunen ansluter sig inte.")
	assert.Contains(t, page.body, "Du kan ändra svaret fram till 12 mars 2027 kl. 17.00. Det tidigare svaret sparas.")
	assert.Contains(t, page.body, "Skicka det nya svaret")

	form := withFields(t, page.body, "choice", "yes", "name", "Bo Berg", "role", "Digitaliseringschef")
	r := f.post("/svar/"+f.tokens["2584"], form)
	require.Equal(t, http.StatusOK, r.status)
	assert.Contains(t, r.body, "<h1>Kommunens ändrade svar är registrerat</h1>")
	assert.Contains(t, r.body, "version 2 av svaret")
	assert.Contains(t, r.body, "Ingen kommentar")
	versions := f.offers.Versions(webtestOffer, "2584")
	require.Len(t, versions, 2, "every version is kept")
	assert.Equal(t, web.No, versions[0].Choice)
	assert.Equal(t, web.Yes, versions[1].Choice)
}

func TestUserTextIsEscaped(t *testing.T) {
	f := newFixture(t)
	r := f.post("/svar/"+f.tokens["1280"], f.formFor("1280", "choice", "yes",
		"name", `<script>alert(1)</script>`, "role", `"><b>x</b>`))
	require.Equal(t, http.StatusOK, r.status)
	assert.NotContains(t, r.body, "<script>alert")
	assert.NotContains(t, r.body, "<b>x</b>")
	assert.Contains(t, r.body, "&lt;script&gt;alert(1)&lt;/script&gt;")
}

// recentCounting wraps Offers with RecentViews and counts which of the two the handler used.
type recentCounting struct {
	web.Offers
	views, recents int
	maxAge         time.Duration
}

func (r *recentCounting) View(ctx context.Context, offerID, code string) (web.OfferView, error) {
	r.views++
	return r.Offers.View(ctx, offerID, code)
}

func (r *recentCounting) RecentView(ctx context.Context, offerID, code string, maxAge time.Duration) (web.OfferView, error) {
	r.recents, r.maxAge = r.recents+1, maxAge
	return r.Offers.View(ctx, offerID, code)
}

// The form reads the offer afresh (a person sees the answer just given); the POST of an answer
// accepts a recent view, so that a rush of answers does not read the whole round each.
func TestThePostOfAnAnswerAcceptsARecentView(t *testing.T) {
	var rc *recentCounting
	f := newFixture(t, func(o web.Offers) web.Offers { rc = &recentCounting{Offers: o}; return rc })
	form := f.formFor("1280", "choice", "yes", "name", "Kim", "role", "Kommundirektör")
	require.Equal(t, 1, rc.views)
	require.Zero(t, rc.recents)
	r := f.post("/svar/"+f.tokens["1280"], form)
	require.Equal(t, http.StatusOK, r.status, r.body)
	assert.Equal(t, 1, rc.views, "the POST did not read afresh")
	assert.Equal(t, 1, rc.recents)
	assert.Equal(t, web.RecentViewAge, rc.maxAge)
}
