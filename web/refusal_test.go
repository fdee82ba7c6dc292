package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestABadLinkIsRefusedAndChangesNothing(t *testing.T) {
	f := newFixture(t)
	good := f.tokens["1280"]
	form := f.formFor("1280", complete("yes")...)
	altered := good[:len(good)-1] + "A"
	if altered == good {
		altered = good[:len(good)-1] + "B"
	}
	cases := []struct {
		name, token string
		status      int
		title       string
	}{
		{"forged", "aGVsbG8td29ybGQ", http.StatusForbidden, "Länken fungerar inte"},
		{"altered", altered, http.StatusForbidden, "Länken fungerar inte"},
		{"empty-looking", "%20", http.StatusForbidden, "Länken fungerar inte"},
		{"wrong offer", f.links.Issue("no-such-offer", "1280"), http.StatusNotFound, "Erbjudandet finns inte"},
		{"municipality not in the offer", f.links.Issue(webtestOffer, "0180"), http.StatusNotFound, "Erbjudandet finns inte"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, r := range []response{f.get("/svar/" + c.token), f.post("/svar/"+c.token, form)} {
				assert.Equal(t, c.status, r.status)
				assert.Contains(t, r.body, "<h1>"+c.title+"</h1>")
				assert.Contains(t, r.body, "Inget har registrerats.")
				assert.NotContains(t, r.body, "<form")
			}
		})
	}
	for code := range f.tokens {
		assert.Empty(t, f.offers.Versions(webtestOffer, code))
	}
}

func TestOneMunicipalitysFormCannotAnswerForAnother(t *testing.T) {
	f := newFixture(t)
	// The form key is bound to Malmö's token: posted to Kiruna's link it is refused.
	r := f.post("/svar/"+f.tokens["2584"], f.formFor("1280", complete("yes")...))
	assert.Equal(t, http.StatusBadRequest, r.status)
	assert.Empty(t, f.offers.Versions(webtestOffer, "2584"))
	assert.Empty(t, f.offers.Versions(webtestOffer, "1280"))
}

func TestAStaleOrAlteredFormIsShownAgainFilledIn(t *testing.T) {
	cases := map[string]func(f *fixture, v url.Values){
		"altered key":          func(f *fixture, v url.Values) { v.Set("form_key", v.Get("form_key")+"x") },
		"chosen submission ID": func(f *fixture, v url.Values) { v.Set("submission_id", "mine") },
		"no key":               func(f *fixture, v url.Values) { v.Del("form_key") },
		"a day old":            func(f *fixture, v url.Values) { f.clock.Set(f.clock.Now().Add(25 * 3600e9)) },
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			form := f.formFor("1280", complete("yes")...)
			spoil(f, form)
			r := f.post("/svar/"+f.tokens["1280"], form)
			assert.Equal(t, http.StatusBadRequest, r.status)
			assert.Contains(t, r.body, "Formuläret var för gammalt eller kunde inte kontrolleras.")
			assert.Contains(t, r.body, `value="Anna Andersson"`)
			assert.Empty(t, f.offers.Versions(webtestOffer, "1280"))

			retry := f.post("/svar/"+f.tokens["1280"], withFields(t, r.body, complete("yes")...))
			assert.Equal(t, http.StatusOK, retry.status, "the fresh form shown again is accepted")
		})
	}
}

func TestACrossSitePostIsRefused(t *testing.T) {
	f := newFixture(t)
	form := f.formFor("1280", complete("yes")...)
	req := postRequest("/svar/"+f.tokens["1280"], form)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	r := f.do(req)
	assert.Equal(t, http.StatusForbidden, r.status)
	assert.Contains(t, r.body, "Formuläret skickades från en annan webbplats")
	assert.Empty(t, f.offers.Versions(webtestOffer, "1280"))
}

func TestAClosedRoundSaysSo(t *testing.T) {
	f := newFixture(t)
	form := f.formFor("1280", complete("yes")...)
	f.offers.Close(webtestOffer)

	page := f.get("/svar/" + f.tokens["1280"])
	assert.Equal(t, http.StatusOK, page.status)
	assert.Contains(t, page.body, "Erbjudandet är stängt.")
	assert.NotContains(t, page.body, "<form")

	r := f.post("/svar/"+f.tokens["1280"], form)
	assert.Equal(t, http.StatusConflict, r.status)
	assert.Contains(t, r.body, "Erbjudandet är stängt.")
	assert.Empty(t, f.offers.Versions(webtestOffer, "1280"))
}

func TestAClosedRoundFromTheOfferRoundSaysSo(t *testing.T) {
	f := newFixture(t, func(o web.Offers) web.Offers { return answerFails{o, web.ErrClosed} })
	r := f.post("/svar/"+f.tokens["1280"], f.formFor("1280", complete("yes")...))
	assert.Equal(t, http.StatusConflict, r.status)
	assert.Contains(t, r.body, "Erbjudandet är stängt.")
}

func TestAfterTheDeadlineAYesIsALateJoiner(t *testing.T) {
	f := newFixture(t)
	f.clock.Set(f.deadline().Add(48 * 3600e9))
	page := f.get("/svar/" + f.tokens["0114"])
	assert.Contains(t, page.body, "Sista dag att svara var 12 mars 2027 kl. 17.00. Kommunen kan fortfarande ansluta sig i efterhand")

	r := f.post("/svar/"+f.tokens["0114"], withFields(t, page.body, complete("yes")...))
	require.Equal(t, http.StatusOK, r.status)
	assert.Contains(t, r.body, "Kommunen är registrerad som sen anslutning.")
	assert.NotContains(t, r.body, "Du kan ändra svaret")
	versions := f.offers.Versions(webtestOffer, "0114")
	require.Len(t, versions, 1)
	assert.True(t, versions[0].Late)
}

func TestAfterTheDeadlineANoIsRefusedWithAnExplanation(t *testing.T) {
	f := newFixture(t)
	f.clock.Set(f.deadline())
	r := f.post("/svar/"+f.tokens["0114"], f.formFor("0114", complete("no")...))
	assert.Equal(t, http.StatusConflict, r.status)
	assert.Contains(t, r.body, "Efter den går det inte att svara nej")
	assert.Contains(t, r.body, `id="error-summary"`)
	assert.Contains(t, r.body, `value="Anna Andersson"`, "the form is kept, so a yes can be sent instead")
	assert.Empty(t, f.offers.Versions(webtestOffer, "0114"))
}

func TestAnOutageKeepsTheFormAndItsSubmissionID(t *testing.T) {
	f := newFixture(t, func(o web.Offers) web.Offers { return answerFails{o, errors.New("temporal unreachable")} })
	form := f.formFor("1280", complete("yes")...)
	r := f.post("/svar/"+f.tokens["1280"], form)
	assert.Equal(t, http.StatusServiceUnavailable, r.status)
	assert.Contains(t, r.body, "Svaret kunde inte tas emot just nu")
	assert.Contains(t, r.body, `value="`+form.Get("submission_id")+`"`, "a retry is the same submission")
	assert.NotContains(t, r.body, "temporal unreachable")

	f.offers.FailWith(errors.New("down"))
	page := f.get("/svar/" + f.tokens["1280"])
	assert.Equal(t, http.StatusServiceUnavailable, page.status)
	assert.Contains(t, page.body, "Erbjudandet kan inte visas just nu")
}

func TestFieldErrorsFromTheOfferRoundAreShown(t *testing.T) {
	refuse := web.FieldErrors{{Field: web.FieldRole, Problem: web.ProblemInvalid}, {Field: web.FieldName, Problem: web.ProblemInvalid}}
	f := newFixture(t, func(o web.Offers) web.Offers { return answerFails{o, refuse} })
	r := f.post("/svar/"+f.tokens["1280"], f.formFor("1280", complete("yes")...))
	assert.Equal(t, http.StatusUnprocessableEntity, r.status)
	name := strings.Index(r.body, `<a href="#field-name">Kontrollera fältet ”Ditt namn”.</a>`)
	role := strings.Index(r.body, `<a href="#field-role">Kontrollera fältet ”Din roll i kommunen”.</a>`)
	assert.True(t, name > 0 && role > name, "both listed, in page order")
}

// answerFails passes View through and answers every Answer with err.
type answerFails struct {
	web.Offers
	err error
}

func (a answerFails) Answer(context.Context, web.AnswerSubmission) (web.AnswerReceipt, error) {
	return web.AnswerReceipt{}, a.err
}
