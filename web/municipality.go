package web

import (
	"context"
	"net/http"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.uber.org/zap"
)

// MunicipalityPath is where a municipality's own page is, under any of its personal links
// (an answer link or an unsubscribe link): /kommun/<token>.
const MunicipalityPath = "/kommun/"

// Overviews gives what a municipality has been offered and takes part in
// (offerweb.Overviews).
type Overviews interface {
	Overview(ctx context.Context, municipalityCode string) (MunicipalityOverview, error)
}

// MunicipalityOverview is a municipality's current and past offers and answers, and the
// implementations it takes part in.
type MunicipalityOverview struct {
	Code, Name      string
	Offers          []OfferEntry
	Implementations []ImplementationEntry
}

// OfferEntry is one offer to the municipality with its latest answer.
type OfferEntry struct {
	Title          string
	AnswerPath     string // the municipality's answer form for this offer
	Deadline       time.Time
	Seminar        time.Time
	SeminarVenue   domain.Venue
	DeadlinePassed bool
	Closed         bool
	Current        *CurrentAnswer
}

// ImplementationEntry is one implementation the municipality takes part in.
type ImplementationEntry struct {
	Title           string
	Stage           domain.Stage
	Hearings        []HearingEntry
	Unsubscribed    bool
	UnsubscribePath string // its unsubscribe page for this implementation
}

// HearingEntry is a hearing of an implementation.
type HearingEntry struct {
	At    time.Time
	Held  bool
	Venue domain.Venue
}

// MunicipalityConfig is the municipality's page: the link verifiers of both kinds of personal
// link, and where the overview comes from.
type MunicipalityConfig struct {
	Answers     LinkVerifier
	Unsubscribe UnsubscribeVerifier
	Overviews   Overviews
	CallTimeout time.Duration // 15 seconds by default
	Logger      *zap.Logger
}

type municipalityPage struct {
	base
	Overview MunicipalityOverview
}

type municipalityPages struct {
	cfg   MunicipalityConfig
	pages *pages
	lang  i18n.Lang
}

// show verifies the personal link (an answer or an unsubscribe link) and shows the
// municipality's page; any other token is refused as the answer form refuses it.
func (m *municipalityPages) show(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	code := ""
	if m.cfg.Answers != nil {
		if _, c, err := m.cfg.Answers.Verify(token); err == nil {
			code = c
		}
	}
	if code == "" && m.cfg.Unsubscribe != nil {
		if _, c, err := m.cfg.Unsubscribe.Verify(token); err == nil {
			code = c
		}
	}
	if code == "" {
		m.cfg.Logger.Info("web: municipality link refused")
		m.message(w, http.StatusForbidden, "web.refused")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), m.cfg.CallTimeout)
	defer cancel()
	o, err := m.cfg.Overviews.Overview(ctx, code)
	if err != nil {
		m.cfg.Logger.Warn("web: municipality overview not available", zap.String("municipality", code), zap.Error(err))
		m.message(w, http.StatusServiceUnavailable, "web.unavailable")
		return
	}
	m.pages.render(w, http.StatusOK, "municipality", municipalityPage{
		base: base{Lang: string(m.lang), Title: i18n.T(m.lang, "muni.title", "municipality", o.Name), Site: i18n.T(m.lang, "legal.site")}, Overview: o})
}

func (m *municipalityPages) message(w http.ResponseWriter, status int, prefix string) {
	m.pages.render(w, status, "message", messagePage{base: base{Lang: string(m.lang), Title: i18n.T(m.lang, prefix+".title")},
		Paragraphs: []string{i18n.T(m.lang, prefix+".body")}})
}
