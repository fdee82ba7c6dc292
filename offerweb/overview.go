package offerweb

import (
	"context"
	"slices"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
)

// OverviewBackend is what a municipality's page reads; *admin.Client is it.
type OverviewBackend interface {
	List(ctx context.Context, f admin.Filter) ([]admin.Summary, error)
	OfferRound(ctx context.Context, id string) (domain.OfferRound, error)
	ImplementationStatus(ctx context.Context, id string) (contract.ImplementationStatus, error)
}

var _ OverviewBackend = (*admin.Client)(nil)

// Overviews implements web.Overviews: every initiative that has reached the offer round is
// looked at (closed ones too, within the namespace's retention), and the municipality's part
// in each offer round and implementation is shown with fresh personal links to its pages.
type Overviews struct {
	Backend     OverviewBackend
	Answers     *answerlink.Signer
	Unsubscribe *answerlink.UnsubscribeSigner
	// Now is for "the deadline has passed" (time.Now by default).
	Now func() time.Time
}

var _ web.Overviews = Overviews{}

// offered are the stages of initiatives with an offer round, and implemented those with an
// implementation.
var (
	offered     = []domain.Stage{domain.StageOfferRound, domain.StageOfferNotReached, domain.StageImplementation, domain.StageNotImplemented, domain.StageCompleted, domain.StageStopped}
	implemented = []domain.Stage{domain.StageImplementation, domain.StageCompleted, domain.StageStopped}
)

// Overview implements web.Overviews.
func (o Overviews) Overview(ctx context.Context, code string) (web.MunicipalityOverview, error) {
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	out := web.MunicipalityOverview{Code: code, Name: code}
	list, err := o.Backend.List(ctx, admin.Filter{IncludeClosed: true})
	if err != nil {
		return out, err
	}
	for _, s := range list {
		if !slices.Contains(offered, s.Stage) {
			continue
		}
		if err := o.addOffer(ctx, &out, s.ID, code, now()); err != nil {
			return out, err
		}
		if slices.Contains(implemented, s.Stage) {
			if err := o.addImplementation(ctx, &out, s.ID, code); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

func (o Overviews) addOffer(ctx context.Context, out *web.MunicipalityOverview, id, code string, now time.Time) error {
	r, err := o.Backend.OfferRound(ctx, id)
	if err != nil {
		if e, ok := err.(*admin.Error); ok && (e.Key == "error.no_offer_round" || e.Key == "error.offer_not_found") {
			return nil // an initiative offered before offer rounds existed, or deleted by retention
		}
		return err
	}
	m, ok := r.Municipality(code)
	if !ok {
		return nil
	}
	out.Name = m.Name
	e := web.OfferEntry{Title: r.Content.Title, AnswerPath: "/svar/" + o.Answers.Token(contract.OfferRoundWorkflowID(id), code),
		Deadline: r.Deadline, Seminar: r.Seminar, SeminarVenue: r.SeminarVenue, Closed: r.Closed, DeadlinePassed: !now.Before(r.Clock.ToReal(r.Deadline))}
	if latest, n := latestOf(&r, code); n > 0 {
		e.Current = &web.CurrentAnswer{Choice: web.Choice(latest.Answer), Name: latest.Name, Role: latest.Role,
			AnsweredAt: latest.At.In(domain.Stockholm()), Late: latest.Late, Version: latest.Version}
	}
	out.Offers = append(out.Offers, e)
	return nil
}

func (o Overviews) addImplementation(ctx context.Context, out *web.MunicipalityOverview, id, code string) error {
	st, err := o.Backend.ImplementationStatus(ctx, id)
	if err != nil {
		if e, ok := err.(*admin.Error); ok && e.Key == "error.no_implementation" {
			return nil
		}
		return err
	}
	im := st.Implementation
	if !slices.ContainsFunc(im.Participants, func(p domain.ImplParticipant) bool { return p.Code == code }) {
		return nil
	}
	e := web.ImplementationEntry{Title: im.Title, Stage: st.Stage,
		Unsubscribed:    slices.ContainsFunc(im.Unsubscribed, func(u domain.Unsubscription) bool { return u.Municipality == code && u.Email == "" }),
		UnsubscribePath: web.UnsubscribePathPrefix + o.Unsubscribe.Token(id, code)}
	for _, h := range im.Hearings {
		e.Hearings = append(e.Hearings, web.HearingEntry{At: h.At, Held: h.Status == domain.HearingHeld, Venue: h.Venue})
	}
	out.Implementations = append(out.Implementations, e)
	return nil
}
