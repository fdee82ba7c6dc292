package web

import (
	"net/http"
	"time"

	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/legal"
	"github.com/skr/handslag/present"
)

// The paths of the pages the law asks for; every page's footer links to both.
const (
	PrivacyPath       = "/personuppgifter"
	AccessibilityPath = "/tillganglighet"
)

// legalPages are the privacy page and the accessibility statement: their facts come from
// configuration (package legal), their words from the catalogue ("legal.").
type legalPages struct {
	facts          legal.Facts
	idle, lifetime time.Duration
	console        bool // the site has the console: the privacy page tells of its sign-in
}

// privacyPage is the privacy page's data: one row per purpose.
type privacyPage struct {
	base
	Facts    legal.Facts
	Purposes []purposeRow
}

type purposeRow struct {
	Purpose legal.Purpose
	Basis   legal.Basis
	Kept    string // how long, in words
}

// accessibilityPage is the accessibility statement's data.
type accessibilityPage struct {
	base
	Facts legal.Accessibility
}

func (s *site) privacy(w http.ResponseWriter, r *http.Request) {
	f, t := s.legal.facts, func(key string, args ...any) string { return i18n.T(s.lang, key, args...) }
	kept := map[legal.Purpose]string{
		legal.Answers:   t("legal.kept.answers", "years", f.Retention.AnswererYears, "days", f.Retention.HistoryDays),
		legal.Proposals: t("legal.kept.workflow", "days", f.Retention.HistoryDays),
		legal.Registers: t("legal.kept.registers", "years", f.Retention.ChangeLogYears),
		legal.Mail:      t("legal.kept.mail", "days", f.Retention.MailDays),
		legal.Console: t("legal.kept.console", "idle", present.Duration(s.lang, s.legal.idleOrDefault()),
			"lifetime", present.Duration(s.lang, s.legal.lifetimeOrDefault())),
	}
	p := privacyPage{base: base{Lang: string(s.lang), Title: t("legal.privacy.title"), Public: true, Site: t("legal.site"), Wide: true}, Facts: f}
	for _, purpose := range legal.Purposes {
		if purpose == legal.Console && !s.legal.console {
			continue
		}
		p.Purposes = append(p.Purposes, purposeRow{Purpose: purpose, Basis: f.Basis[purpose], Kept: kept[purpose]})
	}
	s.pages.render(w, http.StatusOK, "privacy", p)
}

func (s *site) accessibility(w http.ResponseWriter, r *http.Request) {
	s.pages.render(w, http.StatusOK, "accessibility", accessibilityPage{
		base:  base{Lang: string(s.lang), Title: i18n.T(s.lang, "legal.a11y.title"), Public: true, Site: i18n.T(s.lang, "legal.site")},
		Facts: s.legal.facts.Accessibility})
}

// The console's defaults when the site was not told its session lengths.
func (l legalPages) idleOrDefault() time.Duration     { return cmpOr(l.idle, 30*time.Minute) }
func (l legalPages) lifetimeOrDefault() time.Duration { return cmpOr(l.lifetime, 12*time.Hour) }
