package workflows

import (
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/workflow"
)

// implProgressChange versions the progress reports from an implementation to its initiative.
// Runs recorded before it (DefaultVersion) send none, as they did.
const implProgressChange = "implementation-progress"

// implEscalationProgressChange versions telling the initiative of an escalated report too.
// Runs recorded before it (DefaultVersion) told only the next milestone.
const implEscalationProgressChange = "implementation-escalation-progress"

// reportProgress tells the initiative the plan's next milestone whenever it changes, so the
// public case list can show it. A report that cannot be delivered is logged; the next change
// (or the next run) tells it again.
func (r *implRun) reportProgress(ctx workflow.Context) {
	parent := r.input.ParentWorkflowID
	if parent == "" || r.im.Outcome != nil {
		return
	}
	p := r.im.Progress()
	if !r.escalationProgress {
		p.Escalated = false
	}
	if r.progress != nil && r.progress.Same(p) {
		return
	}
	if workflow.GetVersion(ctx, implProgressChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return
	}
	if err := workflow.SignalExternalWorkflow(ctx, parent, "", contract.MsgImplementationProgress, p).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Warn("progress not delivered to the initiative", "initiative", r.im.InitiativeID, "error", err)
		return
	}
	r.progress = &p
}

// applyImplementationProgress keeps what the implementation last told of its plan.
func (r *initiativeRun) applyImplementationProgress(_ workflow.Context, p domain.ImplementationProgress) {
	r.state.ApplyImplementationProgress(p)
}

// implementationProgressSignal is the channel on which the implementation reports progress.
func (r *initiativeRun) implementationProgressSignal(ctx workflow.Context) signalChannel {
	return typedSignal[domain.ImplementationProgress](ctx, contract.MsgImplementationProgress, r.applyImplementationProgress)
}
