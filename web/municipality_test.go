package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
	"github.com/skr/handslag/web/webtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeOverviews answers with one offer and one implementation, and remembers who asked.
type fakeOverviews struct {
	mu    sync.Mutex
	asked []string
	fail  error
}

func (f *fakeOverviews) Overview(_ context.Context, code string) (web.MunicipalityOverview, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, code)
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, domain.Stockholm())
	return web.MunicipalityOverview{Code: code, Name: "Malmö",
		Offers: []web.OfferEntry{{Title: "E-tjänst för bygglov", AnswerPath: "/svar/abc", Deadline: at.AddDate(0, 1, 0), Seminar: at,
			SeminarVenue: domain.Venue{Place: "SKR, Hornsgatan 20", Link: "https://mote.example.se/bygglov?a=1&b=<2>"},
			Current:      &web.CurrentAnswer{Choice: web.Yes, Name: "Kim Svensson", AnsweredAt: at}},
			{Title: "E-arkiv", AnswerPath: "/svar/def", Deadline: at, DeadlinePassed: true}},
		Implementations: []web.ImplementationEntry{{Title: "Skolplattform", UnsubscribePath: "/avsluta/ghi",
			Hearings: []web.HearingEntry{{At: at, Held: true, Venue: domain.Venue{Address: "Östgötagatan 12, Stockholm"}}}}}}, f.fail
}

type muniSite struct {
	h       http.Handler
	fake    *fakeOverviews
	answer  string // Malmö's answer link token
	unsub   string // Stockholm's unsubscribe link token
	forms   map[string]string
	withOut http.Handler // the same site without the municipalities' pages
}

func newMuniSite(t *testing.T) *muniSite {
	f := newUnsubFixture(t)
	offers, links, tokens := webtest.Demo(nil)
	fake := &fakeOverviews{}
	cfg := web.SiteConfig{
		Answers:     &web.Config{Verifier: links, Offers: offers},
		Unsubscribe: &web.UnsubscribeConfig{Verifier: unsubLinks{f.signer}, Subscriptions: f.subs},
	}
	without := web.NewSite(cfg)
	cfg.Municipalities = &web.MunicipalityConfig{Answers: links, Unsubscribe: unsubLinks{f.signer}, Overviews: fake}
	return &muniSite{h: web.NewSite(cfg), fake: fake, answer: tokens["1280"], unsub: f.signer.Token("bygglov", "0180"), withOut: without}
}

func get(h http.Handler, path string) (int, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

// A municipality's page, from its answer link or its unsubscribe link, shows every offer with
// its answer and a link to answer, and the implementations with the hearings and the
// unsubscribe link; the answer form and its confirmation link to it.
func TestAMunicipalitysOwnPage(t *testing.T) {
	s := newMuniSite(t)
	status, body := get(s.h, "/kommun/"+s.answer)
	require.Equal(t, http.StatusOK, status, body)
	for _, want := range []string{"<title>Erbjudanden till Malmö – Handslag för digitalisering</title>",
		"E-tjänst för bygglov", "Svar: Ja, kommunen ansluter sig, av Kim Svensson, 1 mars 2027 kl. 10.00.", `href="/svar/abc"`, "Se eller ändra svaret om E-tjänst för bygglov",
		"E-arkiv", "Inte besvarat.", "Sista dagen var 1 mars 2027 kl. 10.00.", "Informationsseminarium: 1 mars 2027 kl. 10.00.",
		"Plats: SKR, Hornsgatan 20", `Videolänk: <a href="https://mote.example.se/bygglov?a=1&amp;b=%3c2%3e">https://mote.example.se/bygglov?a=1&amp;b=&lt;2&gt;</a>`,
		"Skolplattform", "(hållen)", "Adress: Östgötagatan 12, Stockholm", `href="/avsluta/ghi"`, `name="robots" content="noindex`} {
		assert.Contains(t, body, want)
	}
	status, _ = get(s.h, "/kommun/"+s.unsub)
	assert.Equal(t, http.StatusOK, status, "an unsubscribe link leads there too")
	assert.Equal(t, []string{"1280", "0180"}, s.fake.asked, "each link for its own municipality")

	_, form := get(s.h, "/svar/"+s.answer)
	assert.Contains(t, form, `href="/kommun/`+s.answer+`"`)
	_, form = get(s.withOut, "/svar/"+s.answer)
	assert.NotContains(t, form, "/kommun/", "no link where the site has no such page")
}

// A forged or altered link shows nothing and asks for nothing; a back-end that fails says so.
func TestAMunicipalitysPageRefusesOtherLinks(t *testing.T) {
	s := newMuniSite(t)
	for _, token := range []string{"forged", s.answer[:len(s.answer)-2] + "xx", strings.ToUpper(s.answer)} {
		status, body := get(s.h, "/kommun/"+token)
		assert.Equal(t, http.StatusForbidden, status, token)
		assert.Contains(t, body, "Länken fungerar inte")
	}
	assert.Empty(t, s.fake.asked)
	s.fake.fail = errors.New("temporal down")
	status, _ := get(s.h, "/kommun/"+s.answer)
	assert.Equal(t, http.StatusServiceUnavailable, status)
}
