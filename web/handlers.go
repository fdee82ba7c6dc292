package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/skr/handslag/i18n"
	"go.uber.org/zap"
)

// link is a verified answer link with the offer it leads to.
type link struct {
	token, offerID, code string
	view                 OfferView
}

func (s *server) showForm(w http.ResponseWriter, r *http.Request) {
	l, ok := s.open(w, r, false)
	if !ok {
		return
	}
	s.renderOffer(w, http.StatusOK, offerPage{Token: l.token, Offer: l.view})
}

func (s *server) postForm(w http.ResponseWriter, r *http.Request) {
	l, ok := s.open(w, r, true)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	page := offerPage{Token: l.token, Offer: l.view}
	if err := r.ParseForm(); err != nil {
		page.General = []string{s.t("web.error.form_expired")}
		s.renderOffer(w, http.StatusBadRequest, page)
		return
	}
	page.Form = readForm(r.PostForm)
	id, key := r.PostForm.Get("submission_id"), r.PostForm.Get("form_key")
	if !s.keys.valid(l.token, id, key) {
		// A stale, altered or foreign form: show it again, filled in, with a fresh key.
		page.General = []string{s.t("web.error.form_expired")}
		s.renderOffer(w, http.StatusBadRequest, page)
		return
	}
	page.SubmissionID, page.FormKey = id, key
	if l.view.Closed {
		s.renderOffer(w, http.StatusConflict, page)
		return
	}
	if errs := page.Form.validate(); len(errs) > 0 {
		page.Fields = errs
		s.renderOffer(w, http.StatusUnprocessableEntity, page)
		return
	}
	s.answer(w, r, l, page)
}

// answer hands a checked form to the offer round and shows the outcome.
func (s *server) answer(w http.ResponseWriter, r *http.Request, l link, page offerPage) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.CallTimeout)
	defer cancel()
	receipt, err := s.cfg.Offers.Answer(ctx, AnswerSubmission{
		OfferID: l.offerID, MunicipalityCode: l.code, SubmissionID: page.SubmissionID,
		Choice: page.Form.Choice, Name: page.Form.Name, Role: page.Form.Role, Comment: page.Form.Comment,
	})
	var fields FieldErrors
	switch {
	case err == nil:
		s.log.Info("web: answer recorded", zap.String("offer", l.offerID), zap.String("municipality", l.code),
			zap.Int("version", receipt.Version), zap.Bool("late", receipt.Late))
		s.renderConfirm(w, l, receipt)
	case errors.Is(err, ErrClosed):
		page.Offer.Closed = true
		s.renderOffer(w, http.StatusConflict, page)
	case errors.Is(err, ErrLateNo):
		page.Offer.DeadlinePassed = true
		page.General = []string{s.t("web.error.late_no", "deadline", formatTime(s.cfg.Lang, s.cfg.Location, l.view.AnswerDeadline))}
		s.renderOffer(w, http.StatusConflict, page)
	case errors.As(err, &fields):
		page.Fields = fields
		s.renderOffer(w, http.StatusUnprocessableEntity, page)
	case errors.Is(err, ErrUnknownOffer):
		s.message(w, http.StatusNotFound, "web.unknown", false)
	default:
		// The answer may or may not have been recorded; the same submission ID makes a retry safe.
		s.log.Warn("web: answer not taken", zap.String("offer", l.offerID), zap.String("municipality", l.code), zap.Error(err))
		page.General = []string{s.t("web.error.unavailable")}
		s.renderOffer(w, http.StatusServiceUnavailable, page)
	}
}

// open verifies the link in the path and fetches its offer (a recent view will do for a POST,
// see RecentViews). On failure it has already answered with a refusal page, and nothing has
// been changed.
func (s *server) open(w http.ResponseWriter, r *http.Request, recent bool) (link, bool) {
	l := link{token: r.PathValue("token")}
	var err error
	if l.offerID, l.code, err = s.cfg.Verifier.Verify(l.token); err != nil {
		// Neither the token nor the verifier's error (which may quote it) is logged: the token
		// is the municipality's credential.
		s.log.Info("web: answer link refused")
		s.message(w, http.StatusForbidden, "web.refused", true)
		return l, false
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.CallTimeout)
	defer cancel()
	if rv, ok := s.cfg.Offers.(RecentViews); ok && recent {
		l.view, err = rv.RecentView(ctx, l.offerID, l.code, RecentViewAge)
	} else {
		l.view, err = s.cfg.Offers.View(ctx, l.offerID, l.code)
	}
	if err != nil {
		if errors.Is(err, ErrUnknownOffer) {
			s.message(w, http.StatusNotFound, "web.unknown", false)
		} else {
			s.log.Warn("web: offer not available", zap.String("offer", l.offerID), zap.Error(err))
			s.message(w, http.StatusServiceUnavailable, "web.unavailable", true)
		}
		return l, false
	}
	return l, true
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.message(w, http.StatusNotFound, "web.notfound", true)
}

// crossOrigin answers a POST that a browser says came from another site.
func (s *server) crossOrigin(w http.ResponseWriter, r *http.Request) {
	s.message(w, http.StatusForbidden, "web.foreign", false)
}

func (s *server) t(key string, args ...any) string { return i18n.T(s.cfg.Lang, key, args...) }
