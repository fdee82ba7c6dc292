package workflows

import (
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// registerMessages installs, for every message name, an update with a validator and a signal
// feeding the same domain command; the status query; and the goroutine applying signals.
func (r *implRun) registerMessages(ctx workflow.Context) error {
	regs := []func(workflow.Context) error{
		implMessage[domain.SetPlan](r, contract.MsgImplPlan),
		implMessage[domain.RecordMilestone](r, contract.MsgImplMilestone),
		implMessage[domain.SubmitReport](r, contract.MsgImplReport),
		implMessage[domain.RecordMeasurement](r, contract.MsgImplMeasure),
		implMessage[domain.RecordHearing](r, contract.MsgImplHearing),
		implMessage[domain.JoinImplementation](r, contract.MsgImplJoin),
		implMessage[domain.Unsubscribe](r, contract.MsgImplUnsubscribe),
		implMessage[domain.CompleteImplementation](r, contract.MsgImplComplete),
		implMessage[domain.StopImplementation](r, contract.MsgImplStop),
	}
	for _, reg := range regs {
		if err := reg(ctx); err != nil {
			return err
		}
	}
	if err := workflow.SetQueryHandler(ctx, contract.QueryImplementationStatus, func() (contract.ImplementationStatus, error) {
		return r.status(ctx), nil
	}); err != nil {
		return err
	}
	workflow.Go(ctx, func(ctx workflow.Context) {
		if err := workflow.Await(ctx, r.ready); err != nil {
			return
		}
		receiveAll(ctx, r.signals)
	})
	return nil
}

// implMessage returns the registration of one message name for command type C.
func implMessage[C domain.ImplCommand](r *implRun, name string) func(workflow.Context) error {
	return func(ctx workflow.Context) error {
		handler, validator := applyOnce(&r.input.Applied,
			func(ctx workflow.Context, cmd C) (contract.ImplReceipt, error) {
				before := len(r.im.Events)
				if err := r.im.Apply(cmd, workflow.Now(ctx)); err != nil {
					return contract.ImplReceipt{}, contract.ApplicationError(err)
				}
				rec := contract.ImplReceipt{Revision: r.im.Revision, Ended: r.im.Outcome != nil}
				if n := len(r.im.Events); n > 0 {
					e := r.im.Events[n-1]
					rec.Event = &e
				}
				if before < len(r.im.Events) { // a join of several municipalities records one each
					rec.Events = append([]domain.ImplEvent(nil), r.im.Events[before:]...)
				}
				return rec, nil
			},
			func(ctx workflow.Context, cmd C) error {
				if !r.ready() {
					return nil // checked by the handler once the run is set up
				}
				return contract.ApplicationError(r.im.Check(cmd, workflow.Now(ctx)))
			})
		// The run's record of applied updates is only there once it is set up: wait for that
		// before looking in it. A rejected update is never written to the history.
		err := workflow.SetUpdateHandlerWithOptions(ctx, name,
			func(ctx workflow.Context, cmd C) (contract.ImplReceipt, error) {
				if err := workflow.Await(ctx, r.ready); err != nil {
					return contract.ImplReceipt{}, err
				}
				return handler(ctx, cmd)
			},
			workflow.UpdateHandlerOptions{Validator: validator})
		if err != nil {
			return err
		}
		r.signals = append(r.signals, typedSignal[C](ctx, name, func(ctx workflow.Context, cmd C) {
			r.input.Rejected = recordRejected(ctx, r.input.Rejected, name, cmd, r.im.Apply(cmd, workflow.Now(ctx)))
		}))
		return nil
	}
}
