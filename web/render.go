package web

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"time"

	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/legal"
	"github.com/skr/handslag/present"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages holds one parsed template per page, each with the shared layout.
type pages struct {
	lang  i18n.Lang
	byKey map[string]*template.Template
}

// base is what the layout needs from every page.
type base struct {
	Lang  string
	Title string // the page's own title; the layout adds the site name
	Error bool   // the page shows errors: the title starts with "Fel:" so it is heard first
	Site  string // the site name; the answer form's when empty
	Wide  bool   // the page needs a wider column (a table)
	// Public pages may be indexed by search engines; the answer form's pages may not.
	Public bool
}

func newPages(lang i18n.Lang, loc *time.Location, facts legal.Facts) *pages {
	return parsePages(lang, loc, facts, "offer", "confirm", "message")
}

// parsePages parses the named pages, each with the shared layout. The pages that collect
// personal data say who is responsible for it (facts, through "legal").
func parsePages(lang i18n.Lang, loc *time.Location, facts legal.Facts, names ...string) *pages {
	funcs := template.FuncMap{
		"legal":  func() legal.Facts { return facts },
		"t":      func(key string, args ...any) string { return i18n.T(lang, key, args...) },
		"when":   func(at time.Time) string { return formatTime(lang, loc, at) },
		"day":    func(at time.Time) string { return formatDay(lang, loc, at) },
		"choice": func(c Choice) string { return i18n.T(lang, "web.choice."+string(c)) },
	}
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html"))
	p := &pages{lang: lang, byKey: map[string]*template.Template{}}
	for _, name := range names {
		p.byKey[name] = template.Must(template.Must(layout.Clone()).ParseFS(templateFiles, "templates/"+name+".html"))
	}
	return p
}

// render writes a whole page or, should the template fail, a plain error: the page is built in
// memory first so a user never gets half a page.
func (p *pages) render(w http.ResponseWriter, status int, page string, data any) {
	var buf bytes.Buffer
	if err := p.byKey[page].ExecuteTemplate(&buf, "layout", data); err != nil {
		writePlain(w, http.StatusInternalServerError, i18n.T(p.lang, "web.unavailable.title"))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// formatTime writes an instant as a reader expects it, in the configured zone: "15 mars 2027
// kl. 17.00" (Swedish time notation uses a dot).
func formatTime(lang i18n.Lang, loc *time.Location, at time.Time) string {
	return present.DateTime(lang, at.In(loc))
}

// formatDay writes the date of an instant in the configured zone: "15 mars 2027".
func formatDay(lang i18n.Lang, loc *time.Location, at time.Time) string {
	return present.Day(lang, at.In(loc))
}
