package console

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
)

// fakeBackend stands in for Temporal: initiatives in memory that apply every command by the
// domain's own rules (what the workflows do), and a record of every message that got through.
type fakeBackend struct {
	mu          sync.Mutex
	now         time.Time
	initiatives map[string]*domain.Initiative
	impls       map[string]*domain.Implementation
	rounds      map[string]*domain.OfferRound
	proposals   map[string]*contract.ProposalStatus
	sent        []sent
	applied     map[string]bool // update IDs
	cycles      []admin.CycleSummary
	cycleStatus contract.CycleStatus
	report      domain.CycleReport
	down        bool // Temporal does not answer
	// passingOn makes the cycle take a decision and still be passing it on when the page's
	// wait ends (a backlog of thousands): the cycle's status then says it is deciding.
	passingOn bool
}

type sent struct {
	Workflow string // initiative ID, "impl:<id>" or "cycle:<year>"
	Name     string
	Payload  any
	UpdateID string
}

var _ Backend = (*fakeBackend)(nil)

func newFake() *fakeBackend {
	return &fakeBackend{now: time.Date(2027, 2, 10, 10, 0, 0, 0, domain.Stockholm()), initiatives: map[string]*domain.Initiative{},
		impls: map[string]*domain.Implementation{}, rounds: map[string]*domain.OfferRound{}, proposals: map[string]*contract.ProposalStatus{}, applied: map[string]bool{}}
}

// add registers an initiative and moves it to a stage by the domain's own commands where
// that is simple, or sets the stage.
func (f *fakeBackend) add(reg domain.Registration, stage domain.Stage, year int) *domain.Initiative {
	f.mu.Lock()
	defer f.mu.Unlock()
	in := domain.NewInitiative(reg.Canonical(), f.now)
	in.Stage, in.CycleYear, in.Owner = stage, year, domain.OwnerInera
	f.initiatives[in.ID] = in
	return in
}

func (f *fakeBackend) messages() []sent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]sent(nil), f.sent...)
}

func (f *fakeBackend) List(_ context.Context, flt admin.Filter) ([]admin.Summary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return nil, errDown
	}
	var out []admin.Summary
	for _, in := range f.initiatives {
		if (flt.Stage != "" && in.Stage != flt.Stage) || (flt.Owner != "" && in.Owner != flt.Owner) ||
			(flt.CycleYear != 0 && in.CycleYear != flt.CycleYear) || (flt.Escalated && !in.Escalated()) ||
			(!flt.IncludeClosed && in.Stage.Closed()) {
			continue
		}
		out = append(out, admin.Summary{ID: in.ID, Title: in.Need.Title, Stage: in.Stage, Owner: in.Owner, CycleYear: in.CycleYear,
			Escalated: in.Escalated()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeBackend) Cycles(context.Context) ([]admin.CycleSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]admin.CycleSummary(nil), f.cycles...), nil
}

func (f *fakeBackend) Status(_ context.Context, id string) (contract.Status, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return contract.Status{}, errDown
	}
	in, ok := f.initiatives[id]
	if !ok {
		return contract.Status{}, &admin.Error{Key: "error.not_found", Args: []any{"id", id}}
	}
	return contract.Status{Initiative: *in}, nil
}

func (f *fakeBackend) Register(_ context.Context, reg domain.Registration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := reg.Canonical().Validate(); err != nil {
		return err
	}
	if _, ok := f.initiatives[reg.ID]; ok {
		return &admin.Error{Key: "error.already_started", Args: []any{"id", reg.ID}}
	}
	f.initiatives[reg.ID] = domain.NewInitiative(reg.Canonical(), f.now)
	f.sent = append(f.sent, sent{Workflow: reg.ID, Name: "register", Payload: reg})
	return nil
}

func (f *fakeBackend) SendOnce(_ context.Context, id, name string, payload any, updateID string) (contract.Receipt, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	in, ok := f.initiatives[id]
	if !ok {
		return contract.Receipt{}, &admin.Error{Key: "error.not_found", Args: []any{"id", id}}
	}
	if f.applied[updateID] {
		return contract.Receipt{Stage: in.Stage}, nil
	}
	if err := in.Apply(payload.(domain.Command), f.now); err != nil {
		return contract.Receipt{}, err
	}
	f.applied[updateID] = true
	f.sent = append(f.sent, sent{Workflow: id, Name: name, Payload: payload, UpdateID: updateID})
	return contract.Receipt{Stage: in.Stage, Revision: in.Revision}, nil
}

func (f *fakeBackend) OfferStatus(_ context.Context, id string) (contract.OfferStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.rounds[id]
	if !ok {
		return contract.OfferStatus{}, &admin.Error{Key: "error.offer_not_found"}
	}
	return contract.OfferStatus{Content: r.Content, Seminar: r.Seminar, SeminarVenue: r.SeminarVenue, Deadline: r.Deadline, Rule: r.Rule,
		Tally: r.Tally(), Answers: r.Latest()}, nil
}

func (f *fakeBackend) OfferRound(_ context.Context, id string) (domain.OfferRound, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.rounds[id]
	if !ok {
		return domain.OfferRound{}, &admin.Error{Key: "error.offer_not_found"}
	}
	return *r, nil
}

func (f *fakeBackend) ForgetAnswerer(_ context.Context, id string, c domain.ForgetAnswerer, updateID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.rounds[id]
	if !ok {
		return &admin.Error{Key: "error.no_offer_round"}
	}
	if f.applied[updateID] {
		return nil
	}
	if err := r.Forget(c); err != nil {
		return err
	}
	f.applied[updateID] = true
	f.sent = append(f.sent, sent{Workflow: "offer-" + id, Name: "forget_answerer", Payload: c, UpdateID: updateID})
	return nil
}

func (f *fakeBackend) SendOfferOnce(_ context.Context, id, name string, payload any, updateID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.rounds[id]
	if !ok {
		return &admin.Error{Key: "error.no_offer_round"}
	}
	if f.applied[updateID] {
		return nil
	}
	c, ok := payload.(domain.SetSeminarVenue)
	if !ok {
		return fmt.Errorf("the fake knows no offer message %s", name)
	}
	if err := r.SetSeminarVenue(c, f.now); err != nil {
		return err
	}
	f.applied[updateID] = true
	f.sent = append(f.sent, sent{Workflow: "offer-" + id, Name: name, Payload: payload, UpdateID: updateID})
	return nil
}

func (f *fakeBackend) ImplementationStatus(_ context.Context, id string) (contract.ImplementationStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	im, ok := f.impls[id]
	if !ok {
		return contract.ImplementationStatus{}, &admin.Error{Key: "error.impl_not_found"}
	}
	return contract.ImplementationStatus{Implementation: *im, Stage: domain.StageImplementation}, nil
}

func (f *fakeBackend) SendImplementationOnce(_ context.Context, id, name string, payload any, updateID string) (contract.ImplReceipt, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	im, ok := f.impls[id]
	if !ok {
		return contract.ImplReceipt{}, &admin.Error{Key: "error.impl_not_found"}
	}
	if f.applied[updateID] {
		return contract.ImplReceipt{}, nil
	}
	if err := im.Apply(payload.(domain.ImplCommand), f.now); err != nil {
		return contract.ImplReceipt{}, err
	}
	f.applied[updateID] = true
	f.sent = append(f.sent, sent{Workflow: "impl:" + id, Name: name, Payload: payload, UpdateID: updateID})
	return contract.ImplReceipt{}, nil
}

func (f *fakeBackend) QueryCycle(_ context.Context, year int, query string, out any) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if year != f.cycleStatus.Year {
		return &admin.Error{Key: "error.cycle_not_found"}
	}
	// The report is read through CycleReport; the console queries only the status here.
	if query == contract.QueryCycleStatus {
		*(out.(*contract.CycleStatus)) = f.cycleStatus
	}
	return nil
}

func (f *fakeBackend) CycleReport(_ context.Context, year int) (domain.CycleReport, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if year != f.cycleStatus.Year {
		return domain.CycleReport{}, &admin.Error{Key: "error.cycle_not_found"}
	}
	return f.report, nil
}

func (f *fakeBackend) SendCycleWithin(ctx context.Context, year int, name string, payload, out any, updateID string, _ time.Duration) (bool, error) {
	if err := f.SendCycleOnce(ctx, year, name, payload, out, updateID); err != nil {
		return false, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.passingOn {
		f.cycleStatus.Deciding = true
		return false, nil
	}
	return true, nil
}

func (f *fakeBackend) SendCycleOnce(_ context.Context, year int, name string, payload, out any, updateID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.applied[updateID] {
		return nil
	}
	// The cycle's own rules are the domain's; here the sender's role, and a list's length.
	switch d := payload.(type) {
	case domain.DecideCycle:
		if err := d.Meta.By.Validate(domain.ActDecideCycle.Roles()...); err != nil {
			return err
		}
	case domain.SubmitPriorities:
		if err := d.Meta.By.Validate(domain.ActPriorities.Roles()...); err != nil {
			return err
		}
		if len(d.Initiatives) < domain.MinPriorities {
			return &domain.ValidationError{Code: domain.CodeInvalidValue, Field: "initiatives", Detail: itoa(len(d.Initiatives))}
		}
	case domain.SubmitValuation:
		if err := d.Meta.By.Validate(domain.ActCycleValuation.Roles()...); err != nil {
			return err
		}
	}
	f.applied[updateID] = true
	f.sent = append(f.sent, sent{Workflow: "cycle:" + itoa(year), Name: name, Payload: payload, UpdateID: updateID})
	return nil
}

type downError struct{}

func (downError) Error() string { return "temporal: connection refused" }

var errDown = downError{}

func (f *fakeBackend) Proposals(context.Context) ([]admin.ProposalSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []admin.ProposalSummary
	for _, id := range sortedKeys(f.proposals) {
		if p := f.proposals[id]; p.Outcome == nil {
			out = append(out, admin.ProposalSummary{ID: id, Title: p.Proposal.Need.Title, Received: p.Proposal.Received})
		}
	}
	return out, nil
}

func (f *fakeBackend) Proposal(_ context.Context, id string) (contract.ProposalStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.proposals[id]
	if !ok {
		return contract.ProposalStatus{}, &admin.Error{Key: "error.not_found"}
	}
	return *p, nil
}

// DecideProposal decides by the domain's rules, as the proposal's workflow does: an accept
// registers the initiative, a merge needs an open one.
func (f *fakeBackend) DecideProposal(_ context.Context, id string, d domain.DecideProposal, updateID string) (domain.ProposalOutcome, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.proposals[id]
	if !ok {
		return domain.ProposalOutcome{}, &admin.Error{Key: "error.not_found"}
	}
	if f.applied[updateID] {
		return *p.Outcome, nil
	}
	if p.Outcome != nil {
		return domain.ProposalOutcome{}, &domain.ValidationError{Code: domain.CodeClosed}
	}
	d = d.Canonical(p.Proposal)
	if err := d.Check(); err != nil {
		return domain.ProposalOutcome{}, err
	}
	switch d.Verdict {
	case domain.ProposalAccept:
		if _, taken := f.initiatives[d.Initiative]; taken {
			return domain.ProposalOutcome{}, &domain.ValidationError{Code: domain.CodeAlreadyRegistered, Field: "initiative", Detail: d.Initiative}
		}
		f.initiatives[d.Initiative] = domain.NewInitiative(domain.Registration{ID: d.Initiative, Need: p.Proposal.Need, By: d.By,
			Calendar: domain.DefaultCalendar()}, f.now)
	case domain.ProposalMerge:
		if in, ok := f.initiatives[d.Initiative]; !ok || in.Stage.Closed() {
			return domain.ProposalOutcome{}, domain.MergeRefused(d.Initiative)
		}
	}
	out := domain.ProposalOutcome{Verdict: d.Verdict, Initiative: d.Initiative, Reason: d.Reason, By: d.By.ID, At: f.now}
	if d.Verdict == domain.ProposalDecline {
		out.Initiative = ""
	}
	p.Outcome = &out
	f.applied[updateID] = true
	f.sent = append(f.sent, sent{Workflow: "proposal:" + id, Name: "decide_proposal", Payload: d, UpdateID: updateID})
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
