package web_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/legal"
	"github.com/skr/handslag/web"
	"github.com/skr/handslag/web/webtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// getPattern finds the GET routes of the route table (routes.go): "GET /arenden" or
// "GET "+UnsubscribePathPrefix+"{token}", as written there.
var getPattern = regexp.MustCompile(`Handle(?:Func)?\("GET (.*?), `)

// Every page a person can open links to the privacy page and the accessibility statement from
// its footer: the test walks every GET route of the route table (read from routes.go, so a new
// route without a sample here fails) on a site with every public part, and the pages they
// lead to when something is wrong.
func TestEveryPageLinksToThePrivacyPageAndTheAccessibilityStatement(t *testing.T) {
	f := newUnsubFixture(t)
	offers, links, tokens := webtest.Demo(nil)
	f.handler = web.NewSite(web.SiteConfig{
		Answers:        &web.Config{Verifier: links, Offers: offers},
		Unsubscribe:    &web.UnsubscribeConfig{Verifier: unsubLinks{f.signer}, Subscriptions: f.subs},
		Cases:          &web.CaseListConfig{Cases: staticCases{records: caseFixtures(0)}},
		Proposals:      &web.ProposalConfig{Proposals: &proposals{}, FormSecret: []byte("a-form-secret-of-thirty-two-byte")},
		Municipalities: &web.MunicipalityConfig{Answers: links, Overviews: &fakeOverviews{}},
	})
	// A sample path per route; "" marks a route that serves no HTML page.
	samples := map[string]string{
		`/static/style.css`:              "",
		`PrivacyPath`:                    web.PrivacyPath,
		`AccessibilityPath`:              web.AccessibilityPath,
		`/svar/{token}`:                  "/svar/" + tokens["1280"],
		`UnsubscribePathPrefix+"{token}`: f.path("0180"),
		`UnsubscribePathPrefix`:          web.UnsubscribePathPrefix,
		`/arenden`:                       "/arenden",
		`/arenden.json`:                  "",
		`/arenden.csv`:                   "",
		`/arenden.atom`:                  "",
		`/arenden/{id}`:                  "/arenden/skolplattform",
		`/forslag`:                       "/forslag",
		`MunicipalityPath+"{token}`:      web.MunicipalityPath + tokens["1280"],
		`/`:                              "/ingenstans",
		`DemoIdentityProviderPath+"/`:    "", // the provider's own pages (local only)
	}
	src, err := os.ReadFile("routes.go")
	require.NoError(t, err)
	routes := getPattern.FindAllStringSubmatch(string(src), -1)
	require.Greater(t, len(routes), 10, "the route table was read")
	for _, m := range routes {
		route := strings.Trim(m[1], `"+`)
		path, known := samples[route]
		if !assert.True(t, known, "the route %s has no sample in this test: add one", route) || path == "" {
			continue
		}
		assertFooterLinks(t, f.handler, path)
	}
	// Pages of refusal and error, too.
	for _, path := range []string{"/svar/not-a-token", "/arenden/finns-inte", "/arenden?ar=x", "/kommun/not-a-token"} {
		assertFooterLinks(t, f.handler, path)
	}
}

func assertFooterLinks(t *testing.T, h http.Handler, path string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body := rec.Body.String()
	require.Contains(t, rec.Header().Get("Content-Type"), "text/html", path)
	footer := body[strings.Index(body, "<footer"):]
	assert.Contains(t, footer, `href="/personuppgifter"`, "%s (%d) links to the privacy page", path, rec.Code)
	assert.Contains(t, footer, `href="/tillganglighet"`, "%s (%d) links to the accessibility statement", path, rec.Code)
}

// The privacy page publishes the configured facts: the controller, where to ask, each
// purpose with its legal basis and retention period; the accessibility statement its status,
// shortcomings, where to report and the enforcement procedure.
func TestThePrivacyPageAndTheAccessibilityStatementShowTheConfiguredFacts(t *testing.T) {
	facts, err := legal.Parse([]byte(`
controller: {name: Exempelförbundet, organisation_number: 123456-7890, address: Box 1 Exempelby, email: dpo@exempel.se}
requests_email: begaran@exempel.se
legal_basis: {console: public_task}
retention: {history_days: 45, mail_days: 60, change_log_years: 3, answerer_years: 4}
accessibility:
  status: none
  shortcomings: [Tabellerna saknar rubriker., Knapparna är för små.]
  report_email: a11y@exempel.se
  assessed: 2026-10-01
`))
	require.NoError(t, err)
	h := web.NewSite(web.SiteConfig{Legal: &facts, Console: noConsole{}, SessionIdle: 20 * time.Minute, SessionLifetime: 8 * time.Hour})
	get := func(path string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		require.Equal(t, http.StatusOK, rec.Code, path)
		return rec.Body.String()
	}
	p := get("/personuppgifter")
	for _, want := range []string{
		"<title>Så hanterar vi personuppgifter – Handslag för digitalisering</title>",
		"Exempelförbundet (organisationsnummer 123456-7890) är personuppgiftsansvarig. Adress: Box 1 Exempelby.",
		`href="mailto:begaran@exempel.se"`, `href="mailto:dpo@exempel.se"`,
		"När det är avslutat tas uppgifterna bort efter 45 dagar.",
		"Mottagare och innehåll tas bort 60 dagar efter att e-posten skickades.",
		"Ändringsloggen sparas i 3 år.",
		"Namn, roll och kommentar tas bort 4 år efter att svarsomgången avslutats",
		"Inloggningen upphör efter 20 minuter utan aktivitet och senast 8 timmar efter att du loggade in.",
		"Integritetsskyddsmyndigheten",
	} {
		assert.Contains(t, p, want)
	}
	console := p[strings.Index(p, `id="purpose-console"`):]
	assert.Contains(t, console[:strings.Index(console, "</tr>")], "Uppgift av allmänt intresse", "the configured basis")
	assert.NotContains(t, p, "noindex", "a public page")

	a := get("/tillganglighet")
	for _, want := range []string{
		"Exempelförbundet står bakom den här webbplatsen.",
		"Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service.",
		"<li>Tabellerna saknar rubriker.</li>", "<li>Knapparna är för små.</li>",
		`href="mailto:a11y@exempel.se"`, "Myndigheten för digital förvaltning (Digg)", "https://www.digg.se/tdosanmalan",
		"Bedömningen gjordes 1 oktober 2026.",
	} {
		assert.Contains(t, a, want)
	}

	// Without the console, the privacy page does not speak of signing in.
	plain := web.NewSite(web.SiteConfig{})
	rec := httptest.NewRecorder()
	plain.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/personuppgifter", nil))
	assert.NotContains(t, rec.Body.String(), `id="purpose-console"`)
	assert.Contains(t, rec.Body.String(), legal.Default().Controller.Name, "the demo facts by default")
}

// The forms that collect personal data say so, name the controller and link to the privacy
// page.
func TestTheFormsThatCollectPersonalDataSaySo(t *testing.T) {
	facts, err := legal.Parse([]byte(`controller: {name: Exempelförbundet}`))
	require.NoError(t, err)
	f := newUnsubFixture(t)
	offers, links, tokens := webtest.Demo(nil)
	h := web.NewSite(web.SiteConfig{Legal: &facts,
		Answers:     &web.Config{Verifier: links, Offers: offers},
		Unsubscribe: &web.UnsubscribeConfig{Verifier: unsubLinks{f.signer}, Subscriptions: f.subs},
		Proposals:   &web.ProposalConfig{Proposals: &proposals{}, FormSecret: []byte("a-form-secret-of-thirty-two-byte")},
	})
	for path, want := range map[string]string{
		"/svar/" + tokens["1280"]: "Ditt namn, din roll och din kommentar sparas tillsammans med kommunens svar",
		"/forslag":                "Kontaktpersonens e-postadress används bara för att svara på förslaget",
		f.path("0180"):            "Vi sparar bara att kommunen har avslutat utskicken.",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		body := rec.Body.String()
		i := strings.Index(body, `id="privacy-notice"`)
		if !assert.Positive(t, i, path) {
			continue
		}
		notice := body[i : i+strings.Index(body[i:], "</p>")]
		assert.Contains(t, notice, want, path)
		assert.Contains(t, notice, "Exempelförbundet ansvarar för uppgifterna.", path)
		assert.Contains(t, notice, `href="/personuppgifter"`, path)
	}
}

// noConsole stands in for the console where only its presence matters.
type noConsole struct{}

func (noConsole) Register(*http.ServeMux) {}
