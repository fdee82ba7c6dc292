package web

import (
	"net/http"

	"github.com/skr/handslag/i18n"
)

// offerPage is the offer with its answer form, shown again with errors after a failed POST.
type offerPage struct {
	base
	Token        string
	Offer        OfferView
	Overview     bool // link to the municipality's own page
	Form         answerForm
	SubmissionID string // kept across a re-render, so the retried answer has the same ID
	FormKey      string
	General      []string    // problems not tied to one field, listed first in the summary
	Fields       FieldErrors // problems with fields

	// Filled in by renderOffer for the template.
	Errors     []summaryItem
	FieldErr   map[string]string
	MaxComment int
}

// summaryItem is one line of the error summary, linking to its field when it has one.
type summaryItem struct {
	Anchor string
	Text   string
}

type confirmPage struct {
	base
	Token    string
	Offer    OfferView
	Receipt  AnswerReceipt
	Overview bool // link to the municipality's own page
}

type messagePage struct {
	base
	Paragraphs []string
}

func (s *server) renderOffer(w http.ResponseWriter, status int, p offerPage) {
	if p.SubmissionID == "" {
		p.SubmissionID, p.FormKey = s.keys.issue(p.Token)
	}
	p.Overview = s.cfg.overview
	p.FieldErr = map[string]string{}
	for _, text := range p.General {
		p.Errors = append(p.Errors, summaryItem{Text: text})
	}
	for _, field := range fieldOrder { // page order, whatever order the errors came in
		for _, fe := range p.Fields {
			if fe.Field == field {
				text := s.fieldMessage(fe)
				p.FieldErr[field] = text
				p.Errors = append(p.Errors, summaryItem{Anchor: anchorFor(field), Text: text})
				break
			}
		}
	}
	p.MaxComment = maxComment
	p.base = s.base(p.Offer.Title, len(p.Errors) > 0)
	s.pages.render(w, status, "offer", p)
}

func (s *server) renderConfirm(w http.ResponseWriter, l link, r AnswerReceipt) {
	title := s.t("web.confirm.title")
	if r.Changed {
		title = s.t("web.confirm.title_change")
	}
	s.pages.render(w, http.StatusOK, "confirm", confirmPage{base: s.base(title, false), Token: l.token, Offer: l.view, Receipt: r, Overview: s.cfg.overview})
}

// message shows a page with a title and a text: prefix.title, prefix.body and, when help is
// set, prefix.help from the catalogue.
func (s *server) message(w http.ResponseWriter, status int, prefix string, help bool) {
	p := messagePage{base: s.base(s.t(prefix+".title"), false), Paragraphs: []string{s.t(prefix + ".body")}}
	if help {
		p.Paragraphs = append(p.Paragraphs, s.t(prefix+".help"))
	}
	s.pages.render(w, status, "message", p)
}

func (s *server) base(title string, hasErrors bool) base {
	return base{Lang: string(s.cfg.Lang), Title: title, Error: hasErrors}
}

// fieldMessage explains a field problem: a specific text when the catalogue has one, else a
// general "check this field" naming the field's label.
func (s *server) fieldMessage(fe FieldError) string {
	key := "web.error." + fe.Field + "." + fe.Problem
	if i18n.Has(s.cfg.Lang, key) {
		return s.t(key, "max", maxFor(fe.Field))
	}
	label := s.t("web.form." + fe.Field)
	if fe.Field == FieldChoice {
		label = s.t("web.form.legend")
	}
	return s.t("web.error.field_invalid", "label", label)
}
