package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/web"
	"github.com/skr/handslag/web/webtest"
	"github.com/stretchr/testify/assert"
)

func TestEveryResponseHasTheSecurityHeaders(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/svar/" + f.tokens["1280"], "/svar/forged", "/nowhere", "/static/style.css"} {
		h := f.get(path).header
		csp := h.Get("Content-Security-Policy")
		assert.Contains(t, csp, "default-src 'none'", path)
		assert.NotContains(t, csp, "script-src", path)
		assert.NotContains(t, csp, "unsafe-inline", path)
		assert.Contains(t, csp, "frame-ancestors 'none'", path)
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), path)
		assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"), path)
		assert.Equal(t, "DENY", h.Get("X-Frame-Options"), path)
	}
	assert.Equal(t, "no-store", f.get("/svar/"+f.tokens["1280"]).header.Get("Cache-Control"))
	css := f.get("/static/style.css")
	assert.Equal(t, "text/css; charset=utf-8", css.header.Get("Content-Type"))
	assert.Contains(t, css.body, ":focus-visible")
}

func TestAnUnknownPageIsExplained(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/", "/svar", "/svar/a/b"} {
		r := f.get(path)
		assert.Equal(t, http.StatusNotFound, r.status, path)
		assert.Contains(t, r.body, "<h1>Sidan finns inte</h1>", path)
	}
}

func TestTheFormSpeaksEnglishWhenAsked(t *testing.T) {
	offers, links, tokens := webtest.Demo(nil)
	h := web.New(web.Config{Verifier: links, Offers: offers, Lang: i18n.English})
	r := (&fixture{t: t, handler: h}).get("/svar/" + tokens["1280"])
	assert.Contains(t, r.body, `<html lang="en">`)
	assert.Contains(t, r.body, "Does the municipality want to join the offer?")
}

func TestWiringMistakesStopAtStart(t *testing.T) {
	offers, links, _ := webtest.Demo(nil)
	assert.Panics(t, func() { web.New(web.Config{Offers: offers}) })
	assert.Panics(t, func() { web.New(web.Config{Verifier: links}) })
	assert.Panics(t, func() {
		web.New(web.Config{Verifier: links, Offers: offers, FormSecret: []byte(strings.Repeat("k", 31))})
	})
}
