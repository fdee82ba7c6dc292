package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type proposals struct {
	mu  sync.Mutex
	got []domain.Proposal
}

func (p *proposals) Propose(_ context.Context, pr domain.Proposal) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.got = append(p.got, pr)
	return nil
}

func (p *proposals) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.got)
}

type needForm struct {
	t    *testing.T
	h    http.Handler
	back *proposals
	now  time.Time
}

func newNeedForm(t *testing.T) *needForm {
	f := &needForm{t: t, back: &proposals{}, now: time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)}
	f.h = web.NewSite(web.SiteConfig{Proposals: &web.ProposalConfig{Proposals: f.back, FormSecret: []byte("a-form-secret-of-thirty-two-byte"),
		Now: func() time.Time { return f.now }}})
	return f
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)

// form shows the form and returns its hidden fields with a proposal filled in.
func (f *needForm) form() url.Values {
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/forslag", nil))
	require.Equal(f.t, http.StatusOK, rec.Code)
	v := url.Values{"title": {"Gemensam e-arkivtjänst"}, "problem": {"Papper"}, "who_has_the_need": {"Arkiven"},
		"expected_benefit": {"Bevarande"}, "affected_activities": {"Arkiv, Kansli"}, "proposer_organisation": {"Exempelby kommun"},
		"contact_email": {"arkiv@exempelby.example"}, "action_plan_goals": {"m3"}}
	for _, m := range hiddenInput.FindAllStringSubmatch(rec.Body.String(), -1) {
		v.Set(m[1], m[2])
	}
	return v
}

func (f *needForm) post(v url.Values, from string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/forslag", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = from + ":4711"
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return rec
}

// A need proposed on the form starts a proposal (the same form sent twice is one proposal,
// by its ID), and the page says a receipt is on its way.
func TestANeedIsProposed(t *testing.T) {
	f := newNeedForm(t)
	v := f.form()
	f.now = f.now.Add(2 * time.Minute)
	rec := f.post(v, "192.0.2.1")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), "Ett kvitto har skickats till arkiv@exempelby.example.")
	rec = f.post(v, "192.0.2.1")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, 2, f.back.count())
	p := f.back.got[0]
	assert.Equal(t, f.back.got[1].ID, p.ID, "one proposal, however often it is sent")
	assert.NoError(t, domain.ValidateID(p.ID))
	assert.Equal(t, []string{"Arkiv", "Kansli"}, p.Need.AffectedActivities)
	assert.Equal(t, []string{"M3"}, p.Need.ActionPlanGoals)
}

// Everything missing is said at once, by field, and nothing is kept.
func TestAnIncompleteProposalSaysWhatIsMissing(t *testing.T) {
	f := newNeedForm(t)
	v := f.form()
	v.Del("problem")
	v.Set("contact_email", "inte en adress")
	f.now = f.now.Add(time.Minute)
	rec := f.post(v, "192.0.2.1")
	assert.Equal(t, http.StatusUnprocessableEntity, rec.Code)
	body := rec.Body.String()
	assert.Contains(t, body, `href="#f-problem"`)
	assert.Contains(t, body, `href="#f-contact_email"`)
	assert.Contains(t, body, "Gemensam e-arkivtjänst", "what was typed is kept")
	assert.Zero(t, f.back.count())
}

// The form's protections, without a CAPTCHA: a bot filling the hidden field is thanked and
// nothing is kept; a form sent within seconds of being shown, an old or forged one, one too
// large, and a sixth from one address within the hour are refused, keeping nothing.
func TestTheNeedFormResistsAbuse(t *testing.T) {
	f := newNeedForm(t)
	bot := f.form()
	bot.Set("webbplats", "https://spam.example")
	f.now = f.now.Add(time.Minute)
	rec := f.post(bot, "192.0.2.9")
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Zero(t, f.back.count(), "the bot's proposal is not kept")

	fast := f.form()
	rec = f.post(fast, "192.0.2.9")
	assert.Equal(t, http.StatusBadRequest, rec.Code)
	assert.Contains(t, rec.Body.String(), "innan det hann fyllas i")

	old := f.form()
	f.now = f.now.Add(7 * time.Hour)
	assert.Equal(t, http.StatusBadRequest, f.post(old, "192.0.2.9").Code)
	forged := f.form()
	forged.Set("form_key", "1.falsk")
	f.now = f.now.Add(time.Minute)
	assert.Equal(t, http.StatusBadRequest, f.post(forged, "192.0.2.9").Code)
	big := f.form()
	big.Set("problem", strings.Repeat("x", 40<<10))
	f.now = f.now.Add(time.Minute)
	assert.Equal(t, http.StatusRequestEntityTooLarge, f.post(big, "192.0.2.9").Code)
	assert.Zero(t, f.back.count())

	for i := 0; i < 5; i++ {
		v := f.form()
		f.now = f.now.Add(time.Minute)
		require.Equal(t, http.StatusOK, f.post(v, "198.51.100.7").Code, "proposal %d", i)
	}
	v := f.form()
	f.now = f.now.Add(time.Minute)
	rec = f.post(v, "198.51.100.7")
	assert.Equal(t, http.StatusTooManyRequests, rec.Code)
	assert.Contains(t, rec.Body.String(), "Gemensam e-arkivtjänst", "what was written is kept")
	assert.Equal(t, http.StatusOK, f.post(v, "203.0.113.5").Code, "another address is not limited")
	assert.Equal(t, 6, f.back.count())
}
