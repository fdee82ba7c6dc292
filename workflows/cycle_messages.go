package workflows

import (
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/sdk/workflow"
)

// registerMessages installs the cycle's updates (with validators), the same messages as
// signals, and the queries.
func (r *cycleRun) registerMessages(ctx workflow.Context) error {
	regs := []func(workflow.Context) error{
		cycleMessage[domain.SubmitPriorities](r, contract.MsgSubmitPriorities),
		cycleMessage[domain.SubmitValuation](r, contract.MsgSubmitValuation),
		r.registerDecide,
	}
	for _, reg := range regs {
		if err := reg(ctx); err != nil {
			return err
		}
	}
	r.signals = append(r.signals, typedSignal[domain.ParticipantClosing](ctx, contract.MsgParticipantClosed,
		func(_ workflow.Context, p domain.ParticipantClosing) {
			if r.state != nil {
				r.state.ParticipantClosed(p.Initiative, p.Stage, p.At)
			}
		}))
	if err := workflow.SetQueryHandler(ctx, contract.QueryCycleStatus, func() (contract.CycleStatus, error) { return r.status(ctx), nil }); err != nil {
		return err
	}
	// The report carries one page of the ranking and of the valuations (a client that sends
	// no argument gets the first), so that it stays an answer Temporal can carry with
	// thousands of participants.
	if err := workflow.SetQueryHandler(ctx, contract.QueryCycleReport, func(req contract.ReportRequest) (domain.CycleReport, error) {
		if r.state == nil {
			return domain.CycleReport{Year: r.input.Year, Phase: domain.PhaseStarting}, nil
		}
		rep, err := r.state.Report().WithPage(req)
		return rep, contract.ApplicationError(err)
	}); err != nil {
		return err
	}
	workflow.Go(ctx, func(ctx workflow.Context) { receiveAll(ctx, r.signals) })
	return nil
}

// check validates a message against the cycle now; before the backlog is taken in, nothing is
// accepted yet.
func (r *cycleRun) check(ctx workflow.Context, cmd domain.CycleCommand) error {
	if r.state == nil {
		return &domain.ValidationError{Code: domain.CodeWrongStage, Field: "phase", Detail: string(domain.PhaseStarting)}
	}
	return r.state.Check(cmd, workflow.Now(ctx))
}

func (r *cycleRun) apply(ctx workflow.Context, cmd domain.CycleCommand) error {
	if err := r.check(ctx, cmd); err != nil {
		return err
	}
	return r.state.Apply(cmd, workflow.Now(ctx))
}

// cycleMessage registers one plain cycle message as an update and a signal.
func cycleMessage[C domain.CycleCommand](r *cycleRun, name string) func(workflow.Context) error {
	return func(ctx workflow.Context) error {
		handler, validator := applyOnce(&r.input.Applied,
			func(ctx workflow.Context, cmd C) (contract.CycleReceipt, error) {
				if err := r.apply(ctx, cmd); err != nil {
					return contract.CycleReceipt{}, contract.ApplicationError(err)
				}
				return contract.CycleReceipt{Phase: r.state.Phase, Revision: r.state.Revision, ListsDeadline: r.state.ListsDeadline()}, nil
			},
			func(ctx workflow.Context, cmd C) error { return contract.ApplicationError(r.check(ctx, cmd)) })
		err := workflow.SetUpdateHandlerWithOptions(ctx, name, handler, workflow.UpdateHandlerOptions{Validator: validator})
		if err != nil {
			return err
		}
		r.signals = append(r.signals, typedSignal[C](ctx, name, func(ctx workflow.Context, cmd C) {
			r.rejected = recordRejected(ctx, r.rejected, name, cmd, r.apply(ctx, cmd))
		}))
		return nil
	}
}

// typedSignal is the signal channel of one message name, decoding into C.
func typedSignal[C any](ctx workflow.Context, name string, handle func(workflow.Context, C)) signalChannel {
	ch := workflow.GetSignalChannel(ctx, name)
	return signalChannel{name: name, channel: ch, receive: func(ctx workflow.Context, wait bool) bool {
		var cmd C
		if wait {
			ch.Receive(ctx, &cmd)
		} else if !ch.ReceiveAsync(&cmd) {
			return false
		}
		handle(ctx, cmd)
		return true
	}}
}

// registerDecide installs the leadership's decision. Its validator checks the decision against
// the cycle; the handler then reads the initiatives' current state, checks it (a chosen one
// must be at the gate, and for an offer meet every must-requirement), records the decision and
// passes it on to every initiative at the gate.
func (r *cycleRun) registerDecide(ctx workflow.Context) error {
	err := workflow.SetUpdateHandlerWithOptions(ctx, contract.MsgDecideCycle,
		func(ctx workflow.Context, cmd domain.DecideCycle) (contract.DecisionReceipt, error) {
			rec, err := r.decide(ctx, cmd)
			return rec, contract.ApplicationError(err)
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, cmd domain.DecideCycle) error {
			return contract.ApplicationError(r.checkDecide(ctx, cmd))
		}})
	if err != nil {
		return err
	}
	r.signals = append(r.signals, typedSignal[domain.DecideCycle](ctx, contract.MsgDecideCycle, func(ctx workflow.Context, cmd domain.DecideCycle) {
		_, err := r.decide(ctx, cmd)
		r.rejected = recordRejected(ctx, r.rejected, contract.MsgDecideCycle, cmd, err)
	}))
	return nil
}

func (r *cycleRun) checkDecide(ctx workflow.Context, cmd domain.DecideCycle) error {
	if r.deciding {
		return &domain.ValidationError{Code: domain.CodeWrongStage, Field: "phase", Detail: i18n.T(i18n.Swedish, "cycle.deciding_now")}
	}
	return r.check(ctx, cmd)
}

func (r *cycleRun) decide(ctx workflow.Context, cmd domain.DecideCycle) (contract.DecisionReceipt, error) {
	if err := r.checkDecide(ctx, cmd); err != nil {
		return contract.DecisionReceipt{}, err
	}
	r.deciding = true
	defer func() { r.deciding = false }()
	actx := coordinatorOptions(ctx)
	snaps, err := snapshotsOf(ctx, actx, r.state.Eligible(cmd.Gate))
	if err != nil {
		return contract.DecisionReceipt{}, err
	}
	plan, err := r.state.PlanDecision(cmd, snaps)
	if err != nil {
		return contract.DecisionReceipt{}, err
	}
	if cmd.Gate == domain.GateQuickAnalysis {
		r.state.RefreshParticipants(snaps)
	}
	if err := r.state.Apply(cmd, workflow.Now(ctx)); err != nil {
		return contract.DecisionReceipt{}, err
	}
	in := coordinator.ApplyDecisionsInput{Year: r.state.Year, Gate: cmd.Gate, Plan: plan, By: cmd.By, Reason: cmd.Reason, Reference: cmd.Reference}
	results, err := applyDecisions(ctx, actx, in)
	if err != nil {
		// The decision stands and is recorded; what could not be passed on shows in the results.
		workflow.GetLogger(ctx).Error("decision not passed on", "gate", cmd.Gate, "error", err)
		results = append(results, domain.DecisionResult{Error: i18n.T(i18n.Swedish, "cycle.not_passed_on", "error", err)})
	}
	r.state.RecordResults(cmd.Gate, results)
	return contract.DecisionReceipt{Gate: cmd.Gate, Phase: r.state.Phase, Results: results}, nil
}
