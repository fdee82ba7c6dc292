package workflows

import (
	"fmt"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/activities/coordinator"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// CycleWorkflow runs one year's annual cycle. It validates its input and hands over to
// cycleRun: it takes in the backlog, runs the February round, and passes the leadership's
// decisions on to the initiatives, until the offer decision the following year.
func CycleWorkflow(ctx workflow.Context, in contract.CycleInput) (*domain.CycleReport, error) {
	if in.State == nil {
		if err := in.Config.Validate(); err != nil {
			return nil, contract.ApplicationError(err)
		}
		if in.Year < 2000 || in.Year > 2200 {
			return nil, contract.ApplicationError(&domain.ValidationError{Code: domain.CodeInvalidValue, Field: "year", Detail: fmt.Sprint(in.Year)})
		}
	}
	r := &cycleRun{input: in, state: in.State}
	r.input.State = nil
	if r.input.MaxHistoryEvents <= 0 {
		r.input.MaxHistoryEvents = contract.DefaultMaxHistoryEvents
	}
	if err := r.registerMessages(ctx); err != nil {
		return nil, err
	}
	if r.state == nil {
		if err := r.start(ctx); err != nil {
			return nil, err
		}
	}
	if r.input.ReadParticipants {
		if err := r.readParticipants(ctx); err != nil {
			return nil, err
		}
	}
	return r.loop(ctx)
}

type cycleRun struct {
	input    contract.CycleInput
	state    *domain.Cycle
	signals  []signalChannel
	rejected []contract.RejectedSignal
	// deciding is set while a decision is being passed on to the initiatives; other decisions
	// are refused meanwhile so two can never interleave.
	deciding bool
	wake     sleeper
}

// coordinators names the coordinating activities by method reference (the worker registers
// a *coordinator.Activities holding the client they use).
var coordinators *coordinator.Activities

// Activity options: the coordinating activities go through every initiative, so they have a
// longer time-out, heartbeat, and a bounded number of attempts.
func coordinatorOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Minute,
		HeartbeatTimeout:    time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 10, InitialInterval: time.Second, MaximumInterval: time.Minute},
	})
}

func cycleNoticeOptions(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 2 * time.Minute,
		HeartbeatTimeout:    30 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 5, InitialInterval: time.Second},
	})
}

// start takes in the backlog: every initiative waiting for this February is told it is in the
// cycle and takes on the cycle's calendar; then the members are told the round is open.
func (r *cycleRun) start(ctx workflow.Context) error {
	in := r.input
	actx := coordinatorOptions(ctx)
	var ids []string
	if err := workflow.ExecuteActivity(actx, coordinators.FindBacklog, coordinator.FindBacklogInput{Year: in.Year}).Get(ctx, &ids); err != nil {
		return err
	}
	var snaps []domain.InitiativeSnapshot
	if len(ids) > 0 {
		var err error
		snaps, err = inBatches(ctx, ids, func(ids []string) ([]domain.InitiativeSnapshot, error) {
			var out []domain.InitiativeSnapshot
			join := coordinator.JoinInput{Year: in.Year, Calendar: in.Config.Calendar, Clock: in.Clock, IDs: ids}
			return out, workflow.ExecuteActivity(actx, coordinators.JoinInitiatives, join).Get(ctx, &out)
		})
		if err != nil {
			return err
		}
	}
	now := workflow.Now(ctx)
	var participants []domain.Participant
	for _, s := range snaps {
		if s.Found {
			participants = append(participants, domain.Participant{ID: s.ID, Title: s.Title, Owner: s.Owner, Criteria: s.Criteria, Included: now})
		}
	}
	r.state = domain.NewCycle(in.Year, in.Config, in.Clock, now, participants)
	// Cycles recorded before the May valuation's notices (DefaultVersion) run without them; the
	// choice is kept in the state, so it holds across continue-as-new.
	r.state.ValuationNotices = workflow.GetVersion(ctx, cycleValuationNotices, workflow.DefaultVersion, 1) == 1
	// Likewise the bound on the messages' free texts: a cycle recorded before it keeps taking
	// any length, so its signals replay as they were applied.
	r.state.TextBounded = workflow.GetVersion(ctx, cycleTextBounded, workflow.DefaultVersion, 1) == 1
	if len(participants) > 0 {
		r.notifyMembers(ctx, "round_open", fmt.Sprintf("round-open/%s", contract.CycleWorkflowID(in.Year)), allMembers(r.state),
			r.state.ListsDeadline(), len(participants))
	}
	return nil
}

// loop applies calendar events, announces them, publishes the search attributes and sleeps
// until the next calendar event or the next accepted message.
func (r *cycleRun) loop(ctx workflow.Context) (*domain.CycleReport, error) {
	for {
		now := workflow.Now(ctx)
		r.announce(ctx, r.state.Advance(now))
		r.publish(ctx)
		if r.state.Phase == domain.PhaseDone {
			if err := settleMessages(ctx); err != nil {
				return nil, err
			}
			report := r.state.Report()
			// The result is a payload too: with thousands of participants the whole ranking
			// would pass Temporal's limit and the cycle could not complete. Since
			// cycle-lean-result it carries the first page of the ranking and of the valuations;
			// the report query gives the rest.
			if workflow.GetVersion(ctx, cycleLeanResultChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion {
				report, _ = report.WithPage(domain.ReportPage{})
			}
			return &report, nil
		}
		if r.shouldContinueAsNew(ctx) {
			return nil, r.continueAsNew(ctx)
		}
		if err := r.sleep(ctx, now); err != nil {
			return nil, err
		}
	}
}

// announce sends the reminders and notices the calendar events call for. A notice that
// finally fails is logged; the event itself stays recorded in the cycle.
func (r *cycleRun) announce(ctx workflow.Context, ev domain.CycleEvents) {
	id := contract.CycleWorkflowID(r.state.Year)
	for _, rem := range ev.Reminders {
		members := membersNamed(r.state, rem.Members)
		r.notifyMembers(ctx, "list_reminder", fmt.Sprintf("reminder/%s/%d", id, rem.DaysBefore), members,
			r.state.ListsDeadline(), len(r.state.Participants))
	}
	if ev.ValuationOpened {
		r.notifyMembers(ctx, "valuation_open", "valuation-open/"+id, membersNamed(r.state, r.state.Valuers()),
			r.state.ValuationDeadline(), len(r.state.QuickAnalyses()))
	}
	for _, rem := range ev.ValuationReminders {
		r.notifyMembers(ctx, "valuation_reminder", fmt.Sprintf("valuation-reminder/%s/%d", id, rem.DaysBefore), membersNamed(r.state, rem.Members),
			r.state.ValuationDeadline(), len(r.state.QuickAnalyses()))
	}
	if ev.ListsClosed {
		// The ranking report shows the criteria scores as they are now.
		r.refreshParticipants(ctx)
		r.notifyCycle(ctx, activities.CycleNotice{Key: "lists-closed/" + id, Kind: "lists_closed", Year: r.state.Year,
			Lists: len(r.state.Lists), Missing: len(r.state.MissingLists())})
	}
	for _, e := range ev.Escalations {
		r.notifyCycle(ctx, activities.CycleNotice{Key: fmt.Sprintf("escalation/%s/%s", id, e.Phase), Kind: "cycle_escalation",
			Year: r.state.Year, Phase: string(e.Phase), Deadline: e.Deadline})
	}
}

func (r *cycleRun) refreshParticipants(ctx workflow.Context) {
	ids := make([]string, len(r.state.Participants))
	for i, p := range r.state.Participants {
		ids[i] = p.ID
	}
	snaps, err := snapshotsOf(ctx, coordinatorOptions(ctx), ids)
	if err != nil {
		workflow.GetLogger(ctx).Error("refresh participants", "error", err)
		return
	}
	r.state.RefreshParticipants(snaps)
}

// cycleLeanResultChange versions the cycle's result carrying the report's first page (loop).
const cycleLeanResultChange = "cycle-lean-result"

// cycleValuationNotices versions the May valuation's notices (see start).
const cycleValuationNotices = "cycle-valuation-notices"

// notifyMembers sends a member notice of a kind (its deadline, and how many initiatives it is
// about) to members, once per key.
func (r *cycleRun) notifyMembers(ctx workflow.Context, kind, key string, members []activities.NoticeMember, deadline time.Time, initiatives int) {
	var a *activities.Activities
	n := activities.MemberNotice{Key: key, Kind: kind, Year: r.state.Year, Members: members,
		Deadline: deadline, Initiatives: initiatives}
	if err := workflow.ExecuteActivity(cycleNoticeOptions(ctx), a.NotifyMembers, n).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Error("member notice failed", "key", key, "error", err)
	}
}

func (r *cycleRun) notifyCycle(ctx workflow.Context, n activities.CycleNotice) {
	var a *activities.Activities
	if err := workflow.ExecuteActivity(cycleNoticeOptions(ctx), a.NotifyCycle, n).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Error("cycle notice failed", "key", n.Key, "error", err)
	}
}

// membersNamed are the members with the IDs given, in network order.
func membersNamed(c *domain.Cycle, ids []string) []activities.NoticeMember {
	members := make([]activities.NoticeMember, 0, len(ids))
	for _, m := range allMembers(c) {
		for _, want := range ids {
			if m.ID == want {
				members = append(members, m)
			}
		}
	}
	return members
}

func allMembers(c *domain.Cycle) []activities.NoticeMember {
	var out []activities.NoticeMember
	for _, n := range c.Config.Networks {
		for _, m := range n.Members {
			out = append(out, activities.NoticeMember{ID: m.ID, Name: m.Name})
		}
	}
	return out
}

// publish keeps the Web UI's columns current: the phase in HandslagStage, the year.
func (r *cycleRun) publish(ctx workflow.Context) {
	publishShown(ctx, stageShown(string(r.state.Phase)), yearShown(r.state.Year), escalatedShown(r.escalated()))
}

// escalated reports whether the current phase has passed its deadline undecided.
func (r *cycleRun) escalated() bool {
	for _, e := range r.state.Escalations {
		if e.Phase == r.state.Phase {
			return true
		}
	}
	return false
}

// sleep waits for a message that changes the cycle or for its next calendar event, keeping
// one timer for that event.
func (r *cycleRun) sleep(ctx workflow.Context, now time.Time) error {
	revision := r.state.Revision
	wake, ok := r.state.NextWake(now)
	return r.wake.sleep(ctx, now, wake.Real, ok, func() string { return wake.Calendar.Format("2006-01-02 15:04") + " " + wake.What },
		func() bool { return r.state.Revision != revision })
}

func (r *cycleRun) shouldContinueAsNew(ctx workflow.Context) bool {
	return historyFull(ctx, r.input.MaxHistoryEvents)
}

// continueAsNew waits for running handlers (a decision being passed on), takes in every
// buffered signal and carries the whole cycle to the next run.
func (r *cycleRun) continueAsNew(ctx workflow.Context) error {
	if err := settleMessages(ctx); err != nil {
		return err
	}
	drainAll(ctx, r.signals)
	next := r.input
	next.State = r.state
	if workflow.GetVersion(ctx, cycleLeanContinueChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion {
		next.State, next.ReadParticipants = r.state.ForNextRun(), true
	}
	next.Run++
	return workflow.NewContinueAsNewError(ctx, CycleWorkflow, next)
}

// cycleTextBounded versions the bound on the free texts of the cycle's messages
// (domain.MaxFreeTextLength): the cycle keeps every reason and comment, replaced ones too, and
// carries them across continue-as-new in one payload, so one very long text could stop it.
const cycleTextBounded = "cycle-text-bounded"

// cycleLeanContinueChange versions what the cycle carries across continue-as-new. Runs
// recorded before it (DefaultVersion) carry every participant with its title, owner and
// scores, about 360 bytes each: at 5,000 initiatives that passed the 2 MB payload limit after
// the first decision, and every workflow task of the cycle failed from then on. Now the
// participants go without them and the next run reads them back from the initiatives.
const cycleLeanContinueChange = "cycle-lean-continue"

// readParticipants reads the participants' titles, owners and scores back after a lean
// continue-as-new, in batches, before the run does anything else. Until it succeeds the cycle
// waits: its ranking and reports need them. (An initiative that is gone keeps its ID only.)
func (r *cycleRun) readParticipants(ctx workflow.Context) error {
	ids := make([]string, len(r.state.Participants))
	for i, p := range r.state.Participants {
		ids[i] = p.ID
	}
	for {
		snaps, err := snapshotsOf(ctx, coordinatorOptions(ctx), ids)
		if err == nil {
			r.state.RefreshParticipants(snaps)
			r.input.ReadParticipants = false
			return nil
		}
		workflow.GetLogger(ctx).Error("reading the participants back", "error", err)
		if err := workflow.Sleep(ctx, time.Minute); err != nil {
			return err
		}
	}
}

func (r *cycleRun) status(ctx workflow.Context) contract.CycleStatus {
	s := contract.CycleStatus{Year: r.input.Year, Run: r.input.Run, Deciding: r.deciding, RejectedSignals: r.rejected}
	if r.state == nil {
		s.Phase = domain.PhaseStarting
		return s
	}
	s.Phase, s.Calendar, s.Demo = r.state.Phase, r.state.Config.Calendar.Name, r.state.Config.Calendar.IsDemo()
	s.Participants, s.Lists, s.MissingLists = len(r.state.Participants), len(r.state.Lists), r.state.MissingLists()
	if w, ok := r.state.NextWake(workflow.Now(ctx)); ok {
		s.NextWake = &w
	}
	return s
}
