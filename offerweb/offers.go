// Package offerweb connects the answer form (package web) to the offer-round workflows: it
// implements web.Offers over the Temporal client and web.LinkVerifier over answerlink.
//
// Answers to the same offer are coalesced (see Batcher): while DefaultInFlight submit_answers
// updates are in flight for a round, new answers wait and then go together as the next update. Reads of the
// same round coalesce the same way, so a rush of municipalities opening their links costs a
// few queries, not one each.
package offerweb

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/present"
	"github.com/skr/handslag/web"
)

// Backend is what Offers needs of the offer rounds, by initiative ID. AdminBackend adapts an
// *admin.Client; tests use fakes.
type Backend interface {
	SubmitAnswers(ctx context.Context, initiativeID string, b domain.SubmitAnswers) (contract.SubmitAnswersResult, error)
	OfferRound(ctx context.Context, initiativeID string) (domain.OfferRound, error)
}

// AdminBackend sends answers as updates and reads rounds with the offer_round query.
type AdminBackend struct{ Admin *admin.Client }

// SubmitAnswers implements Backend.
func (a AdminBackend) SubmitAnswers(ctx context.Context, id string, b domain.SubmitAnswers) (contract.SubmitAnswersResult, error) {
	return a.Admin.SubmitAnswers(ctx, id, b, false)
}

// OfferRound implements Backend.
func (a AdminBackend) OfferRound(ctx context.Context, id string) (domain.OfferRound, error) {
	return a.Admin.OfferRound(ctx, id)
}

// Options tune Offers; the zero value gives the defaults.
type Options struct {
	// By is who the answers are recorded as sent by (the history is the audit trail);
	// default DefaultSender.
	By domain.Actor
	// MaxBatch caps the answers in one update; default DefaultMaxBatch, at most
	// domain.MaxAnswersPerBatch.
	MaxBatch int
	// CallTimeout bounds each update and query; default 30 seconds.
	CallTimeout time.Duration
	// InFlight caps the answer updates in flight per round at once; default DefaultInFlight.
	InFlight int
}

// DefaultSender is the web server's identity in the answers it records.
var DefaultSender = domain.Actor{ID: "svarsformular", Role: domain.RoleMunicipality}

// DefaultMaxBatch keeps an update well under the server's payload limits even when every
// answer carries a comment of the longest kind (2,000 characters).
const DefaultMaxBatch = 100

// DefaultInFlight answer updates per round at once. Updates that wait at the server go
// together in one workflow task, while answers queued here wait a whole round trip: with many
// rounds and few answers each (one update in flight per round), an answer cost the server a
// third more than a raw update; with four it costs about the same (README, "Load test"). Four
// stays far below the server's limit of updates in flight per workflow (10). Answers to one
// round sent at the same moment have no order among them either way.
const DefaultInFlight = 4

// Offers implements web.Offers over the offer-round workflows.
type Offers struct {
	backend Backend
	meta    domain.Meta
	writes  *Batcher[domain.AnswerInput, domain.AnswerResult]
	reads   *Batcher[struct{}, *domain.OfferRound]
	// last is each round as last read, for RecentView.
	mu   sync.Mutex
	last map[string]readRound
	now  func() time.Time
}

// readRound is a round and when it was read.
type readRound struct {
	round *domain.OfferRound
	at    time.Time
}

var (
	_ web.Offers      = (*Offers)(nil)
	_ web.RecentViews = (*Offers)(nil)
)

// New returns Offers over backend.
func New(backend Backend, opts Options) *Offers {
	if opts.By.ID == "" {
		opts.By = DefaultSender
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = DefaultMaxBatch
	}
	opts.MaxBatch = min(opts.MaxBatch, domain.MaxAnswersPerBatch)
	if opts.CallTimeout <= 0 {
		opts.CallTimeout = 30 * time.Second
	}
	o := &Offers{backend: backend, meta: domain.Meta{By: opts.By, Reason: i18n.T(i18n.Swedish, "web.answer.reason")}, last: map[string]readRound{}, now: time.Now}
	if opts.InFlight <= 0 {
		opts.InFlight = DefaultInFlight
	}
	o.writes = NewBatcher(o.submit, opts.MaxBatch, opts.CallTimeout).WithInFlight(opts.InFlight)
	// Every waiting reader gets the same round, so there is no reason to cap a read batch. A
	// reader that arrives while a query is in flight waits for the next one, so it always sees
	// every answer recorded before it asked.
	o.reads = NewBatcher(o.read, 1<<20, opts.CallTimeout)
	return o
}

// View implements web.Offers.
func (o *Offers) View(ctx context.Context, offerID, code string) (web.OfferView, error) {
	r, err := o.reads.Do(ctx, offerID, struct{}{})
	if err != nil {
		return web.OfferView{}, err
	}
	return viewOf(r, offerID, code)
}

// RecentView implements web.RecentViews: the round as last read, if that was at most maxAge
// ago, or else read now.
func (o *Offers) RecentView(ctx context.Context, offerID, code string, maxAge time.Duration) (web.OfferView, error) {
	o.mu.Lock()
	last, ok := o.last[offerID]
	o.mu.Unlock()
	if ok && o.now().Sub(last.at) <= maxAge {
		return viewOf(last.round, offerID, code)
	}
	return o.View(ctx, offerID, code)
}

func viewOf(r *domain.OfferRound, offerID, code string) (web.OfferView, error) {
	m, ok := r.Municipality(code)
	if !ok {
		return web.OfferView{}, web.ErrUnknownOffer
	}
	c := r.Content
	v := web.OfferView{OfferID: offerID, Title: c.Title, What: c.What, WhoDoesWhat: c.WhoDoesWhat,
		EffectGoal: c.EffectGoal, Cost: c.Cost, Financing: c.Financing, ImplementationPeriod: present.Period(i18n.Swedish, c.ImplementationPeriod),
		AnswerDeadline: r.Deadline, SeminarDate: r.Seminar, SeminarVenue: r.SeminarVenue, DecisionRule: r.Rule.String(),
		MunicipalityCode: m.Code, MunicipalityName: m.Name,
		Closed: r.Closed, DeadlinePassed: !time.Now().Before(r.Clock.ToReal(r.Deadline))}
	if latest, n := latestOf(r, code); n > 0 {
		v.Current = &web.CurrentAnswer{Choice: web.Choice(latest.Answer), Name: latest.Name, Role: latest.Role,
			Comment: latest.Comment, AnsweredAt: latest.At.In(domain.Stockholm()), Late: latest.Late, Version: latest.Version}
	}
	return v, nil
}

// Answer implements web.Offers. The submission ID is the answer's idempotency key: the round
// records a repeated one only once and reports it as a duplicate, and the receipt then repeats
// what was recorded the first time.
func (o *Offers) Answer(ctx context.Context, s web.AnswerSubmission) (web.AnswerReceipt, error) {
	res, err := o.writes.Do(ctx, s.OfferID, domain.AnswerInput{Municipality: s.MunicipalityCode,
		Answer: domain.AnswerChoice(s.Choice), Name: s.Name, Role: s.Role, Comment: s.Comment, SubmissionID: s.SubmissionID})
	if err != nil {
		return web.AnswerReceipt{}, err
	}
	if res.Error != nil {
		return web.AnswerReceipt{}, answerError(res.Error)
	}
	rc := web.AnswerReceipt{Choice: s.Choice, Name: strings.TrimSpace(s.Name), Role: strings.TrimSpace(s.Role),
		Comment: strings.TrimSpace(s.Comment), AnsweredAt: res.At.In(domain.Stockholm()), Version: res.Version,
		Changed: res.Version > 1, Late: res.Late}
	if res.Duplicate {
		// What this call carried may differ from what was recorded (a form sent again after an
		// edit): repeat the recorded version.
		r, err := o.reads.Do(ctx, s.OfferID, struct{}{})
		if err != nil {
			return web.AnswerReceipt{}, err
		}
		for _, v := range r.Answers {
			if v.SubmissionID == s.SubmissionID && v.Municipality == s.MunicipalityCode {
				rc.Choice, rc.Name, rc.Role, rc.Comment = web.Choice(v.Answer), v.Name, v.Role, v.Comment
			}
		}
	}
	return rc, nil
}

// submit is the write batch: one submit_answers update for every queued answer of a round.
func (o *Offers) submit(ctx context.Context, offerID string, answers []domain.AnswerInput) ([]domain.AnswerResult, error) {
	id, err := initiativeID(offerID)
	if err != nil {
		return nil, err
	}
	res, err := o.backend.SubmitAnswers(ctx, id, domain.SubmitAnswers{Meta: o.meta, Answers: answers})
	if err != nil {
		return nil, callError(err)
	}
	return res.Results, nil
}

// read is the read batch: one query answers every waiting reader.
func (o *Offers) read(ctx context.Context, offerID string, waiting []struct{}) ([]*domain.OfferRound, error) {
	id, err := initiativeID(offerID)
	if err != nil {
		return nil, err
	}
	r, err := o.backend.OfferRound(ctx, id)
	if err != nil {
		return nil, callError(err)
	}
	o.mu.Lock()
	o.last[offerID] = readRound{round: &r, at: o.now()}
	o.mu.Unlock()
	out := make([]*domain.OfferRound, len(waiting))
	for i := range out {
		out[i] = &r // shared, read-only
	}
	return out, nil
}

// initiativeID takes the initiative's ID out of an offer ID (the round's workflow ID).
func initiativeID(offerID string) (string, error) {
	id, ok := strings.CutPrefix(offerID, contract.OfferRoundWorkflowID(""))
	if !ok || id == "" {
		return "", web.ErrUnknownOffer
	}
	return id, nil
}

// latestOf returns a municipality's latest answer version and how many it has.
func latestOf(r *domain.OfferRound, code string) (domain.AnswerVersion, int) {
	var last domain.AnswerVersion
	n := 0
	for _, v := range r.Answers {
		if v.Municipality == code {
			last, n = v, n+1
		}
	}
	return last, n
}

// callError explains a failed update or query: no such round, or one that has ended; anything
// else is passed on (the web treats it as temporary).
func callError(err error) error {
	var ae *admin.Error
	if errors.As(err, &ae) && (ae.Key == "error.no_offer_round" || ae.Key == "error.not_found") {
		return web.ErrUnknownOffer
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) && ve.Code == domain.CodeClosed {
		return web.ErrClosed
	}
	return err
}

// answerError maps the round's refusal of one answer to what the web explains.
func answerError(ve *domain.ValidationError) error {
	switch ve.Code {
	case domain.CodeClosed:
		return web.ErrClosed
	case domain.CodeDeadlinePassed:
		return web.ErrLateNo
	case domain.CodeUnknownMunicipality:
		return web.ErrUnknownOffer
	}
	field, ok := formFields[ve.Field]
	switch {
	case ve.Field == "municipality":
		return web.ErrUnknownOffer
	case ok && ve.Code == domain.CodeMissingField:
		return web.FieldErrors{{Field: field, Problem: web.ProblemMissing}}
	case ok && ve.Code == domain.CodeInvalidValue && field == web.FieldChoice:
		return web.FieldErrors{{Field: field, Problem: web.ProblemInvalid}}
	case ok && ve.Code == domain.CodeInvalidValue:
		// The round refuses a text field only for its length (or broken UTF-8, which a
		// browser never sends).
		return web.FieldErrors{{Field: field, Problem: web.ProblemTooLong}}
	}
	return ve // a submission ID problem: the server made the ID, so not the user's to fix
}

// formFields maps the round's field names to the form's.
var formFields = map[string]string{"answer": web.FieldChoice, "name": web.FieldName, "role": web.FieldRole,
	"comment": web.FieldComment}
