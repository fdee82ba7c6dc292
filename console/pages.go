package console

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/present"
	"github.com/skr/handslag/signin"
	"go.uber.org/zap"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages holds one parsed template per page, each with the console's layout.
type pages struct {
	lang  i18n.Lang
	byKey map[string]*template.Template
}

// page is what the layout needs from every page.
type page struct {
	Lang   string
	Title  string
	Error  bool // the title starts with "Fel:" so it is heard first
	Person *signin.Person
	// Nav marks the current section of the navigation.
	Nav string
	// Office and Leadership show the sections for those roles.
	Office, Leadership bool
}

func parsePages(lang i18n.Lang, controller string) *pages {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	funcs := template.FuncMap{
		"t":        t,
		"when":     func(at time.Time) string { return present.DateTime(lang, at.In(domain.Stockholm())) },
		"day":      func(at time.Time) string { return present.Day(lang, at.In(domain.Stockholm())) },
		"stage":    func(s domain.Stage) string { return t("stage." + string(s)) },
		"word":     func(kind, code string) string { return present.Word(lang, kind, code) },
		"event":    func(e string) string { return present.TimelineEvent(lang, e) },
		"phase":    func(p domain.CyclePhase) string { return t("phase." + string(p)) },
		"implline": func(e domain.ImplEvent) string { return present.ImplEventLineWithReason(lang, e) },
		"join":     strings.Join,
		// controller names who is responsible for personal data, in every page's notice.
		"controller": func() string { return controller },
	}
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/parts.html"))
	p := &pages{lang: lang, byKey: map[string]*template.Template{}}
	files, _ := templateFiles.ReadDir("templates")
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".html")
		if name == "layout" || name == "parts" {
			continue
		}
		p.byKey[name] = template.Must(template.Must(layout.Clone()).ParseFS(templateFiles, "templates/"+f.Name()))
	}
	return p
}

// render writes a whole page, built in memory first so that a person never gets half a page.
func (c *Console) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := c.pages.byKey[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		c.cfg.Logger.Error("console page failed", zap.String("page", name), zap.Error(err))
		http.Error(w, i18n.T(c.cfg.Lang, "web.unavailable.title"), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// base is the layout's data for a person (nil when nobody is signed in).
func (c *Console) base(p *signin.Person, title, nav string) page {
	b := page{Lang: string(c.cfg.Lang), Title: title, Person: p, Nav: nav}
	if p != nil {
		b.Office, b.Leadership = p.Has(domain.RoleOffice), p.Has(domain.RoleLeadership)
	}
	return b
}

func (c *Console) t(key string, args ...any) string { return i18n.T(c.cfg.Lang, key, args...) }

// messagePage is a page of a few paragraphs and an optional link onwards.
type messagePage struct {
	page
	Paragraphs []string
	Link       string
	LinkText   string
}

// message writes a message page whose title and text are prefix.title and prefix.body.
func (c *Console) message(w http.ResponseWriter, r *http.Request, p *signin.Person, status int, prefix string, args ...any) {
	m := messagePage{page: c.base(p, c.t(prefix+".title", args...), ""), Paragraphs: []string{c.t(prefix+".body", args...)}}
	m.Error = status >= 400
	if p != nil {
		m.Link, m.LinkText = "/konsol/", c.t("console.back_home")
	} else {
		m.Link, m.LinkText = "/konsol/logga-in", c.t("console.signin.button")
	}
	c.render(w, status, "message", m)
}

func (c *Console) notConfigured(w http.ResponseWriter, r *http.Request) {
	c.message(w, r, nil, http.StatusServiceUnavailable, "console.not_configured")
}

func (c *Console) notFound(w http.ResponseWriter, r *http.Request, p signin.Person) {
	c.message(w, r, &p, http.StatusNotFound, "console.not_found")
}

// forbidden is the page for a person whose roles do not allow what they asked for.
func (c *Console) forbidden(w http.ResponseWriter, r *http.Request, p signin.Person) {
	c.message(w, r, &p, http.StatusForbidden, "console.forbidden")
}

// unavailable is the page for a back-end that did not answer.
func (c *Console) unavailable(w http.ResponseWriter, r *http.Request, p signin.Person, err error) {
	c.cfg.Logger.Warn("console: Temporal did not answer", zap.String("path", r.URL.Path), zap.Error(err))
	c.message(w, r, &p, http.StatusServiceUnavailable, "console.unavailable")
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
