package web

import (
	"encoding/xml"
	"net/http"
	"strings"
	"time"

	"github.com/skr/handslag/domain"
	"go.uber.org/zap"
)

// casePage is one case's own page (/arenden/<id>): what the list says of it, on a page a member
// can link to. No personal data: the same fields as the list.
type casePage struct {
	base
	Case caseView
}

// one shows a case's page; a case that is not in the list is not found.
func (l *caseList) one(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if domain.ValidateID(id) != nil {
		l.message(w, http.StatusNotFound, "cases.notfound")
		return
	}
	rec, ok, err := l.cfg.Cases.Get(r.Context(), id)
	if err != nil {
		l.cfg.Logger.Error("case list: cannot read", zap.Error(err))
		l.message(w, http.StatusServiceUnavailable, "cases.unavailable")
		return
	}
	if !ok {
		l.message(w, http.StatusNotFound, "cases.case.notfound")
		return
	}
	v := viewCase(l.cfg.Lang, l.cfg.Location, rec.Summary)
	l.pages.render(w, http.StatusOK, "case", casePage{base: base{Lang: string(l.cfg.Lang), Title: v.Title, Site: l.t("cases.site"),
		Public: true}, Case: v})
}

// feedSize is how many changes the feed carries.
const feedSize = 50

// atomFeed is an Atom 1.0 feed (RFC 4287) of the cases written last: each entry is a case in
// the stage it has now, linked to its page, so a member's feed reader shows what moved.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// feed writes the change feed (/arenden.atom).
func (l *caseList) feed(w http.ResponseWriter, r *http.Request) {
	recs, err := l.cfg.Cases.Changed(r.Context(), feedSize)
	if err != nil {
		l.cfg.Logger.Error("case list: cannot read", zap.Error(err))
		l.message(w, http.StatusServiceUnavailable, "cases.unavailable")
		return
	}
	base := siteURL(r)
	f := atomFeed{Lang: string(l.cfg.Lang), ID: base + "/arenden", Title: l.t("cases.feed.title"), Updated: atomTime(time.Unix(0, 0)),
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/arenden.atom"}, {Rel: "alternate", Type: "text/html", Href: base + "/arenden"}},
		Author: atomAuthor{Name: l.t("cases.feed.author")}}
	for i, rec := range recs {
		v := viewCase(l.cfg.Lang, l.cfg.Location, rec.Summary)
		updated := atomTime(rec.Written)
		if i == 0 {
			f.Updated = updated
		}
		summary := v.StageText
		if v.Outcome != nil {
			summary = v.Outcome.Text
		} else if v.LatestDecision != nil {
			summary += ". " + v.LatestDecision.Text
		}
		f.Entries = append(f.Entries, atomEntry{ID: base + "/arenden/" + v.ID + "#" + rec.Written.UTC().Format("20060102T150405.000000000"),
			Title: v.Title + ": " + v.StageText, Updated: updated, Link: atomLink{Rel: "alternate", Type: "text/html", Href: base + "/arenden/" + v.ID},
			Summary: summary})
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	_ = enc.Encode(f)
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// siteURL is the address the request came to, for the feed's absolute links.
func siteURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
