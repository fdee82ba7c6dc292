package webtest

import (
	"context"
	"sync"
	"time"

	"github.com/skr/handslag/web"
)

// Offers is an in-memory fake of the offer round, with the same rules the real one must keep:
// answers are idempotent on the submission ID, every version is kept, a closed round refuses,
// and after the deadline a yes is a late joiner and a no is refused.
type Offers struct {
	mu     sync.Mutex
	now    func() time.Time
	offers map[string]*offer
	fail   error
}

type offer struct {
	view           web.OfferView // the shared part; municipality fields filled in per View
	closed         bool
	municipalities map[string]string // code -> name
	answers        map[string][]web.CurrentAnswer
	receipts       map[string]web.AnswerReceipt // by municipality code + submission ID
}

// NewOffers returns an empty fake that reads the time from now (time.Now when nil).
func NewOffers(now func() time.Time) *Offers {
	if now == nil {
		now = time.Now
	}
	return &Offers{now: now, offers: map[string]*offer{}}
}

// Add registers an offer (keyed by v.OfferID) sent to the municipalities (code -> name).
func (o *Offers) Add(v web.OfferView, municipalities map[string]string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.offers[v.OfferID] = &offer{view: v, municipalities: municipalities,
		answers: map[string][]web.CurrentAnswer{}, receipts: map[string]web.AnswerReceipt{}}
}

// Close closes an offer's round: no more answers.
func (o *Offers) Close(offerID string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.offers[offerID].closed = true
}

// FailWith makes every later call return err (nil: work again), to stand for an outage.
func (o *Offers) FailWith(err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.fail = err
}

// Versions returns every recorded answer of a municipality, oldest first.
func (o *Offers) Versions(offerID, code string) []web.CurrentAnswer {
	o.mu.Lock()
	defer o.mu.Unlock()
	if of, ok := o.offers[offerID]; ok {
		return append([]web.CurrentAnswer(nil), of.answers[code]...)
	}
	return nil
}

// View implements web.Offers.
func (o *Offers) View(_ context.Context, offerID, code string) (web.OfferView, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	of, err := o.find(offerID, code)
	if err != nil {
		return web.OfferView{}, err
	}
	v := of.view
	v.MunicipalityCode, v.MunicipalityName = code, of.municipalities[code]
	v.Closed = of.closed
	v.DeadlinePassed = !o.now().Before(v.AnswerDeadline)
	if versions := of.answers[code]; len(versions) > 0 {
		last := versions[len(versions)-1]
		v.Current = &last
	}
	return v, nil
}

// Answer implements web.Offers.
func (o *Offers) Answer(_ context.Context, s web.AnswerSubmission) (web.AnswerReceipt, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	of, err := o.find(s.OfferID, s.MunicipalityCode)
	if err != nil {
		return web.AnswerReceipt{}, err
	}
	key := s.MunicipalityCode + "/" + s.SubmissionID
	if r, done := of.receipts[key]; done {
		return r, nil
	}
	now := o.now()
	late := !now.Before(of.view.AnswerDeadline)
	switch {
	case of.closed:
		return web.AnswerReceipt{}, web.ErrClosed
	case late && s.Choice == web.No:
		return web.AnswerReceipt{}, web.ErrLateNo
	case !s.Choice.Valid():
		return web.AnswerReceipt{}, web.FieldErrors{{Field: web.FieldChoice, Problem: web.ProblemInvalid}}
	}
	versions := of.answers[s.MunicipalityCode]
	a := web.CurrentAnswer{Choice: s.Choice, Name: s.Name, Role: s.Role, Comment: s.Comment,
		AnsweredAt: now, Late: late, Version: len(versions) + 1}
	of.answers[s.MunicipalityCode] = append(versions, a)
	r := web.AnswerReceipt{Choice: a.Choice, Name: a.Name, Role: a.Role, Comment: a.Comment,
		AnsweredAt: now, Version: a.Version, Changed: len(versions) > 0, Late: late}
	of.receipts[key] = r
	return r, nil
}

func (o *Offers) find(offerID, code string) (*offer, error) {
	if o.fail != nil {
		return nil, o.fail
	}
	of, ok := o.offers[offerID]
	if !ok {
		return nil, web.ErrUnknownOffer
	}
	if _, ok := of.municipalities[code]; !ok {
		return nil, web.ErrUnknownOffer
	}
	return of, nil
}
