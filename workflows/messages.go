package workflows

import (
	"errors"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// maxRejectedSignals bounds the list of rejected signals kept for status.
const maxRejectedSignals = 20

// signalChannel is one message name's signal channel with its typed receive.
type signalChannel struct {
	name    string
	channel workflow.ReceiveChannel
	// receive takes one signal (blocking when wait is true) and reports whether it got one.
	receive func(ctx workflow.Context, wait bool) bool
}

// registerMessages installs, for every message name, an update handler with a validator and
// a signal channel that feeds the same domain command. It also installs the status query and
// starts the goroutine that applies signals.
func (r *initiativeRun) registerMessages(ctx workflow.Context) error {
	regs := []func(workflow.Context) error{
		message[domain.TriageOwner](r, contract.MsgTriageOwner),
		message[domain.AssessRelevance](r, contract.MsgAssessRelevance),
		message[domain.ScoreCriteria](r, contract.MsgScoreCriteria),
		message[domain.RecordRequirement](r, contract.MsgRecordRequirement),
		message[domain.Decide](r, contract.MsgDecide),
		message[domain.RecordQuickAnalysis](r, contract.MsgRecordQuickAnalysis),
		message[domain.RecordValuation](r, contract.MsgRecordValuation),
		message[domain.RecordQualification](r, contract.MsgRecordQualification),
		message[domain.Withdraw](r, contract.MsgWithdraw),
		message[domain.JoinCycle](r, contract.MsgJoinCycle),
		message[domain.ForgetContact](r, contract.MsgForgetContact),
	}
	for _, reg := range regs {
		if err := reg(ctx); err != nil {
			return err
		}
	}
	r.signals = append(r.signals, r.offerOutcomeSignal(ctx), r.implementationOutcomeSignal(ctx),
		r.implementationProgressSignal(ctx))
	if err := workflow.SetQueryHandler(ctx, contract.QueryStatus, func() (contract.Status, error) { return r.status(ctx), nil }); err != nil {
		return err
	}
	if r.checked { // otherwise once the registration check has passed
		workflow.Go(ctx, r.receiveSignals)
	}
	return nil
}

// message returns the registration of one message name for command type C.
func message[C domain.Command](r *initiativeRun, name string) func(workflow.Context) error {
	return func(ctx workflow.Context) error {
		handler, validator := applyOnce(&r.input.Applied,
			func(ctx workflow.Context, cmd C) (contract.Receipt, error) {
				if !r.checked {
					if err := workflow.Await(ctx, func() bool { return r.checked }); err != nil {
						return contract.Receipt{}, err
					}
				}
				if err := r.apply(ctx, cmd); err != nil {
					return contract.Receipt{}, contract.ApplicationError(err)
				}
				return contract.Receipt{Stage: r.state.Stage, CycleYear: r.state.CycleYear, Revision: r.state.Revision}, nil
			},
			func(ctx workflow.Context, cmd C) error {
				return contract.ApplicationError(r.state.Check(cmd, workflow.Now(ctx)))
			})
		// A rejected update is never written to the history.
		err := workflow.SetUpdateHandlerWithOptions(ctx, name, handler, workflow.UpdateHandlerOptions{Validator: validator})
		if err != nil {
			return err
		}
		r.signals = append(r.signals, typedSignal[C](ctx, name, func(ctx workflow.Context, cmd C) {
			r.applySignal(ctx, name, cmd)
		}))
		return nil
	}
}

// apply changes the state and lets the calendar catch up at once, so the answer shows where
// the initiative really is (a late decision may open the next season immediately).
func (r *initiativeRun) apply(ctx workflow.Context, cmd domain.Command) error {
	now := workflow.Now(ctx)
	if r.canonical {
		cmd = domain.Canonical(cmd)
	}
	if err := r.state.Apply(cmd, now); err != nil {
		return err
	}
	if _, ok := cmd.(domain.ForgetContact); ok {
		// The next run's input must not carry the address either.
		r.input.Registration.Need.ContactEmail = ""
		r.forgotten = true
	}
	r.pending = append(r.pending, r.state.Advance(now)...)
	return nil
}

func (r *initiativeRun) applySignal(ctx workflow.Context, name string, cmd domain.Command) {
	r.rejected = recordRejected(ctx, r.rejected, name, cmd, r.apply(ctx, cmd))
}

// recordRejected keeps a signal's rejection for status (signals cannot be refused); nil err
// changes nothing.
func recordRejected(ctx workflow.Context, rejected []contract.RejectedSignal, name string, cmd any, err error) []contract.RejectedSignal {
	if err == nil {
		return rejected
	}
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		ve = &domain.ValidationError{Code: domain.CodeInvalidValue, Detail: err.Error()}
	}
	by := ""
	if m, ok := cmd.(interface{ Sender() domain.Actor }); ok {
		by = m.Sender().ID
	}
	workflow.GetLogger(ctx).Warn("signal rejected", "signal", name, "code", ve.Code, "field", ve.Field)
	rejected = append(rejected, contract.RejectedSignal{Name: name, By: by, Error: ve})
	if len(rejected) > maxRejectedSignals {
		rejected = rejected[len(rejected)-maxRejectedSignals:]
	}
	return rejected
}

// receiveSignals applies signals as they come, in arrival order per channel.
func (r *initiativeRun) receiveSignals(ctx workflow.Context) { receiveAll(ctx, r.signals) }

// drainSignals applies every signal still buffered (before continue-as-new).
func (r *initiativeRun) drainSignals(ctx workflow.Context) { drainAll(ctx, r.signals) }

// receiveAll applies signals as they come, in arrival order per channel; it never returns.
func receiveAll(ctx workflow.Context, signals []signalChannel) {
	sel := workflow.NewSelector(ctx)
	for _, s := range signals {
		s := s
		sel.AddReceive(s.channel, func(workflow.ReceiveChannel, bool) { s.receive(ctx, true) })
	}
	for {
		sel.Select(ctx)
	}
}

// drainAll applies every signal still buffered.
func drainAll(ctx workflow.Context, signals []signalChannel) {
	for _, s := range signals {
		for s.receive(ctx, false) {
		}
	}
}

// settleMessages lets every message already delivered to the run be applied before the run
// closes or continues as new. A signal handed to a goroutine blocked in Receive or Select is
// not applied until that goroutine runs again, and the main coroutine could close the run
// first: the signal would be lost (seen on a real server, when a continue-as-new is retried
// with the signals that arrived meanwhile). Yielding once lets every such goroutine run; then
// the handlers still running (updates) are awaited.
func settleMessages(ctx workflow.Context) error {
	yielded := false
	workflow.Go(ctx, func(workflow.Context) { yielded = true })
	if err := workflow.Await(ctx, func() bool { return yielded }); err != nil {
		return err
	}
	return workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
}
