package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAMissingFieldSaysWhatIsMissing(t *testing.T) {
	cases := []struct {
		name    string
		fields  []string
		summary []string // the error summary's links, in page order
	}{
		{"nothing", nil, []string{
			`<a href="#choice">Välj ja eller nej.</a>`, `<a href="#field-name">Skriv ditt namn.</a>`,
			`<a href="#field-role">Skriv din roll i kommunen.</a>`}},
		{"no choice", []string{"name", "Anna", "role", "Chef"}, []string{`<a href="#choice">Välj ja eller nej.</a>`}},
		{"blank name", []string{"choice", "yes", "name", "   ", "role", "Chef"}, []string{`<a href="#field-name">Skriv ditt namn.</a>`}},
		{"no role", []string{"choice", "no", "name", "Anna"}, []string{`<a href="#field-role">Skriv din roll i kommunen.</a>`}},
		{"strange choice", []string{"choice", "maybe", "name", "Anna", "role", "Chef"}, []string{`<a href="#choice">Välj ja eller nej.</a>`}},
		{"long name", []string{"choice", "yes", "name", strings.Repeat("å", 201), "role", "Chef"},
			[]string{`<a href="#field-name">Namnet får vara högst 200 tecken.</a>`}},
		{"long comment", []string{"choice", "yes", "name", "Anna", "role", "Chef", "comment", strings.Repeat("x", 2001)},
			[]string{`<a href="#field-comment">Kommentaren får vara högst 2000 tecken.</a>`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			form := f.formFor("1280", c.fields...)
			r := f.post("/svar/"+f.tokens["1280"], form)
			require.Equal(t, http.StatusUnprocessableEntity, r.status)
			assert.Contains(t, r.body, "<title>Fel: Gemensam e-tjänst för bygglov")
			assert.Contains(t, r.body, `id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus`)
			assert.Contains(t, r.body, "Svaret är inte skickat. Rätta detta:")
			at := 0
			for _, item := range c.summary {
				i := strings.Index(r.body, item)
				assert.Greater(t, i, at, "%s listed, in order", item)
				at = i
			}
			summary := r.body[strings.Index(r.body, `id="error-summary"`):]
			summary = summary[:strings.Index(summary, "</div>")]
			assert.Equal(t, len(c.summary), strings.Count(summary, "<li>"), "only what is wrong is listed")
			assert.Contains(t, r.body, `value="`+form.Get("submission_id")+`"`, "the same submission")
			assert.Empty(t, f.offers.Versions(webtestOffer, "1280"))
		})
	}
}

func TestFieldErrorsAreTiedToTheirFields(t *testing.T) {
	f := newFixture(t)
	r := f.post("/svar/"+f.tokens["1280"], f.formFor("1280", "comment", "Kvar efter felet"))
	for _, want := range []string{
		`<fieldset id="choice" tabindex="-1" aria-describedby="choice-hint choice-error">`,
		`<p class="field-error" id="choice-error"><span class="visually-hidden">Fel:</span> Välj ja eller nej.</p>`,
		`aria-invalid="true" aria-describedby="name-error"`,
		`aria-describedby="role-hint role-error" aria-invalid="true"`,
		`>Kvar efter felet</textarea>`,
	} {
		assert.Contains(t, r.body, want)
	}
	assert.NotContains(t, r.body, `id="comment-error"`)
}
