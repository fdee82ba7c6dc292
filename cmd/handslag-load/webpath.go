package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/web"
)

// answerSite is the real answer form (package web over offerweb) in this process: a
// municipality opens its link, and the time from its POST to the confirmation page is what
// the person waits for.
type answerSite struct {
	h      http.Handler
	signer *answerlink.Signer
}

// loadFormKey signs the rendered forms of the load run.
var loadFormKey = []byte("handslag-load-form-key-32-bytes!")

func newAnswerSite(offers web.Offers) (*answerSite, error) {
	signer, err := answerlink.NewRingSigner(answerlink.Single(loadLinkKey))
	if err != nil {
		return nil, err
	}
	// One client address sends every request here: the per-address limit is lifted so that
	// it measures the answer path, not the limiter.
	unlimited := web.Limit{Every: time.Nanosecond, Burst: 1 << 30}
	h := web.NewSite(web.SiteConfig{Answers: &web.Config{Verifier: offerweb.Links{Signer: signer}, Offers: offers, FormSecret: loadFormKey},
		Limits: web.Limits{Answer: unlimited, Unsubscribe: unlimited, Proposal: unlimited}})
	return &answerSite{h: h, signer: signer}, nil
}

var formField = regexp.MustCompile(`name="(submission_id|form_key)" value="([^"]*)"`)

// filledForm is a municipality's form, opened from its link and filled in with a yes.
type filledForm struct {
	path string
	form url.Values
}

// open opens the form of a municipality's link (as the person does before answering) and
// fills it in.
func (s *answerSite) open(ctx context.Context, initiative, code string) (filledForm, error) {
	f := filledForm{path: "/svar/" + s.signer.Token(contract.OfferRoundWorkflowID(initiative), code), form: url.Values{}}
	page, status := s.do(httptest.NewRequestWithContext(ctx, http.MethodGet, f.path, nil))
	if status != http.StatusOK {
		return f, fmt.Errorf("the form answered %d", status)
	}
	for _, m := range formField.FindAllStringSubmatch(page, -1) {
		f.form.Set(m[1], m[2])
	}
	f.form.Set("choice", string(web.Yes))
	f.form.Set("name", "Lasttest "+code)
	f.form.Set("role", "Kommundirektör")
	f.form.Set("comment", "Vi ansluter oss.")
	return f, nil
}

// send posts a filled form and returns how long until the confirmation page was complete.
// Anything but the confirmation is an error.
func (s *answerSite) send(ctx context.Context, f filledForm) (time.Duration, error) {
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, f.path, strings.NewReader(f.form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	start := time.Now()
	body, status := s.do(req)
	took := time.Since(start)
	if status != http.StatusOK || !strings.Contains(body, `id="confirmed-choice"`) {
		return took, fmt.Errorf("the answer was not confirmed (%d)", status)
	}
	return took, nil
}

func (s *answerSite) do(req *http.Request) (string, int) {
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return string(b), rec.Code
}

// percentile is the q-quantile (0 < q <= 1) of the durations, by the nearest-rank method.
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*q+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// Latency summarises what the people answering waited.
type Latency struct {
	P50, P95, P99, Max time.Duration
}

func latencyOf(ds []time.Duration) Latency {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return Latency{}
	}
	return Latency{P50: percentile(s, 0.50), P95: percentile(s, 0.95), P99: percentile(s, 0.99), Max: s[len(s)-1]}
}
