package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/client"
)

// Backlog is what a February start with a large backlog measured.
type Backlog struct {
	Initiatives  int
	Prepared     time.Duration // registering, triaging and assessing them
	Joined       time.Duration // from the cycle's start until every one is in it
	Participants int
	// LargestPayload is the largest payload in the cycle's histories (bytes); Runs the events
	// of each of its runs.
	LargestPayload int
	Runs           []int
	// Retries counts the attempts of the cycle's activities beyond each one's first: a batch
	// whose snapshot could not be read is tried again as a whole.
	Retries int
	// The quick-analysis decision: how many were chosen, how long the leadership waited for
	// the receipt, and how long until every initiative showed its new stage (chosen, or back
	// waiting for the next February).
	Chosen    int
	Receipt   time.Duration
	AllMoved  time.Duration
	Decisions int // lines in the receipt
	// ReportSize is the size of the cycle's report after the decision (bytes of JSON): the
	// first page, the largest answer.
	ReportSize int
}

// BacklogOptions shape a February start with a large backlog.
type BacklogOptions struct {
	Initiatives int
	Clients     int
	// Day is how long a calendar day of the cycle's demo clock lasts: the cycle starts on 2
	// January and reaches the quick-analysis decision after the lists close at the end of
	// February (about 58 days later).
	Day time.Duration
	// Cache is the worker's workflow cache (the local system's default when zero).
	Cache int
}

// backlogYear is the year whose February the backlog waits for (initiatives assessed now, on
// the default calendar, wait for the next one).
func backlogYear(now time.Time) int {
	return domain.NextCycleYear(domain.DefaultCalendar(), domain.Clock{}, now)
}

// runBacklog prepares n initiatives that wait for February, each triaged, assessed and scored
// on every criterion with a motivation, starts that year's cycle on a demo clock, and measures
// how long until all are in it, the largest payload and the events of every run of the cycle;
// then the leadership chooses half of them for quick analysis, and it measures the decision.
func runBacklog(ctx context.Context, o BacklogOptions, lang i18n.Lang, out io.Writer) (Backlog, error) {
	n, clients := o.Initiatives, o.Clients
	say := func(key string, args ...any) { fmt.Fprintln(out, i18n.T(lang, key, args...)) }
	dir, err := os.MkdirTemp("", "handslag-backlog-")
	if err != nil {
		return Backlog{}, err
	}
	defer os.RemoveAll(dir)
	say("load.backlog.starting", "count", n)
	cache := o.Cache
	if cache == 0 {
		cache = config.DefaultWorkflowCache
	}
	sys, err := startLocal(dir, cache)
	if err != nil {
		return Backlog{}, err
	}
	defer sys.stop()
	res := Backlog{Initiatives: n}
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i
	}
	office := domain.Actor{ID: "programkontoret.last", Role: domain.RoleOffice}
	meta := domain.Meta{By: office, Reason: "lasttest"}
	res.Prepared, err = concurrently(clients, ids, func(i int) error {
		reg := idleRegistration(i)
		if err := sys.admin.Register(ctx, reg); err != nil {
			return err
		}
		var scores []domain.CriterionScore
		for _, c := range []domain.Criterion{domain.CriterionUrgency, domain.CriterionFeasibility, domain.CriterionBenefit, domain.CriterionCost} {
			scores = append(scores, domain.CriterionScore{Criterion: c, Score: 1 + i%5,
				Motivation: fmt.Sprintf("Bedömning av %s för behov %d: underlaget visar tydligt varför poängen blev denna.", c, i)})
		}
		for _, m := range []struct {
			name    string
			payload any
		}{
			{contract.MsgTriageOwner, domain.TriageOwner{Meta: meta, Owner: domain.OwnerInera, Route: domain.RouteOwn}},
			{contract.MsgAssessRelevance, domain.AssessRelevance{Meta: meta, Group: domain.RelevanceHigh, Municipal: domain.RelevanceHigh}},
			{contract.MsgScoreCriteria, domain.ScoreCriteria{Meta: meta, Scores: scores}},
		} {
			if _, err := sys.admin.SendOnce(ctx, reg.ID, m.name, m.payload, fmt.Sprintf("backlog/%d/%s", i, m.name)); err != nil {
				return fmt.Errorf("%s %s: %w", reg.ID, m.name, err)
			}
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	say("load.backlog.prepared", "count", n, "seconds", seconds(res.Prepared.Seconds()))

	year := backlogYear(time.Now())
	start := time.Now()
	clock := domain.Clock{DayLength: o.Day, RealOrigin: start, VirtualOrigin: time.Date(year, 1, 2, 9, 0, 0, 0, domain.Stockholm())}
	if _, err := sys.admin.StartCycle(ctx, contract.CycleInput{Year: year, Config: config.DefaultCycleConfig(), Clock: clock}); err != nil {
		return res, err
	}
	var st contract.CycleStatus
	err = waitFor(ctx, 30*time.Minute, func() (bool, error) {
		if err := sys.admin.QueryCycle(ctx, year, contract.QueryCycleStatus, &st); err != nil {
			desc, derr := sys.admin.Temporal.DescribeWorkflowExecution(ctx, contract.CycleWorkflowID(year), "")
			if derr == nil && desc.GetWorkflowExecutionInfo().GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
				return false, fmt.Errorf("the cycle ended: %s", desc.GetWorkflowExecutionInfo().GetStatus())
			}
			return false, nil // not started yet, or busy taking the backlog in
		}
		return st.Participants >= n, nil
	})
	res.Joined, res.Participants = time.Since(start), st.Participants
	res.LargestPayload, res.Runs, res.Retries = cycleHistory(ctx, sys.admin.Temporal, contract.CycleWorkflowID(year))
	say("load.backlog.joined", "count", res.Participants, "of", n, "seconds", seconds(res.Joined.Seconds()))
	say("load.backlog.history", "when", i18n.T(lang, "load.backlog.after_start"), "payload", kibibytes(res.LargestPayload), "runs", fmt.Sprint(res.Runs),
		"retries", res.Retries)
	if err != nil {
		return res, err
	}
	if err := decideBacklog(ctx, sys, year, n, &res, say); err != nil {
		return res, err
	}
	say("load.backlog.decided", "chosen", res.Chosen, "of", n, "receipt", seconds(res.Receipt.Seconds()), "lines", res.Decisions,
		"moved", seconds(res.AllMoved.Seconds()))
	res.LargestPayload, res.Runs, res.Retries = cycleHistory(ctx, sys.admin.Temporal, contract.CycleWorkflowID(year))
	say("load.backlog.history", "when", i18n.T(lang, "load.backlog.after_decision"), "payload", kibibytes(res.LargestPayload), "runs", fmt.Sprint(res.Runs),
		"retries", res.Retries)
	// The report the console's cycle page and the CLI's ranking read: query answers, which
	// Temporal limits like any payload. The first answer carries the most (a page of the
	// ranking beside the lists and decisions); the whole ranking is read page by page.
	var first domain.CycleReport
	if err := sys.admin.QueryCycle(ctx, year, contract.QueryCycleReport, &first); err != nil {
		return res, fmt.Errorf("the cycle's report could not be read: %w", err)
	}
	b, _ := json.Marshal(first)
	res.ReportSize = len(b)
	rep, err := sys.admin.CycleReport(ctx, year)
	if err != nil {
		return res, fmt.Errorf("the cycle's whole report could not be read: %w", err)
	}
	if len(rep.Ranking) != res.Participants {
		return res, fmt.Errorf("the cycle's report has %d rows in its ranking, not %d", len(rep.Ranking), res.Participants)
	}
	say("load.backlog.report", "rows", len(rep.Ranking), "page", len(first.Ranking), "size", kibibytes(res.ReportSize))
	return res, nil
}

// decideBacklog waits for the quick-analysis decision, has the leadership choose the first half
// of the backlog, and measures the receipt and the time until every initiative has moved.
func decideBacklog(ctx context.Context, sys *localSystem, year, n int, res *Backlog, say func(string, ...any)) error {
	var st contract.CycleStatus
	if err := waitFor(ctx, 30*time.Minute, func() (bool, error) {
		err := sys.admin.QueryCycle(ctx, year, contract.QueryCycleStatus, &st)
		return err == nil && st.Phase == domain.PhaseQuickAnalysisDecision, nil
	}); err != nil {
		return fmt.Errorf("the cycle did not reach the quick-analysis decision (it is %s): %w", st.Phase, err)
	}
	say("load.backlog.deciding", "participants", st.Participants)
	d := domain.DecideCycle{Meta: domain.Meta{By: domain.Actor{ID: "ledningen.last", Role: domain.RoleLeadership}, Reason: "lasttest"},
		Gate: domain.GateQuickAnalysis}
	for i := range n / 2 {
		d.Chosen = append(d.Chosen, idleRegistration(i).ID)
	}
	res.Chosen = len(d.Chosen)
	start := time.Now()
	var receipt contract.DecisionReceipt
	if err := sys.admin.SendCycleOnce(ctx, year, contract.MsgDecideCycle, d, &receipt, fmt.Sprintf("backlog/%d/decision", year)); err != nil {
		return fmt.Errorf("the decision: %w", err)
	}
	res.Receipt, res.Decisions = time.Since(start), len(receipt.Results)
	for _, r := range receipt.Results {
		if r.Error != "" {
			return fmt.Errorf("the decision was not passed on to %s: %s", r.Initiative, r.Error)
		}
	}
	// The initiatives took the cycle's demo clock when they joined and go on along it: a chosen
	// one may be in April's quick analysis or later when it is counted, and a deferred one,
	// after a long decision, in next year's February review (or, deferred after the demo
	// clock passed next February, waiting for the one after). So a chosen one counts once it is
	// in this year's cycle and past the review, a deferred one once it waits for a later year.
	// (The cycle's own workflow publishes the year and its phase too: only initiatives count.)
	initiatives := fmt.Sprintf("WorkflowType = '%s' AND ", contract.InitiativeWorkflowType)
	chosen := initiatives + fmt.Sprintf("%s = %d AND %s != '%s'", contract.SACycleYear.GetName(), year, contract.SAStage.GetName(), domain.StageFebruaryReview)
	waiting := initiatives + fmt.Sprintf("%s > %d", contract.SACycleYear.GetName(), year)
	say("load.backlog.receipt", "lines", res.Decisions, "seconds", seconds(res.Receipt.Seconds()))
	var moved, waited int64
	err := waitFor(ctx, 30*time.Minute, func() (bool, error) {
		var err error
		if moved, err = countWhere(ctx, sys.admin.Temporal, chosen); err != nil {
			return false, err
		}
		if waited, err = countWhere(ctx, sys.admin.Temporal, waiting); err != nil {
			return false, err
		}
		return int(moved) == res.Chosen && int(waited) == n-res.Chosen, nil
	})
	res.AllMoved = time.Since(start)
	if err != nil {
		return fmt.Errorf("%d of %d chosen and %d of %d deferred showed their new stage: %w", moved, res.Chosen, waited, n-res.Chosen, err)
	}
	return nil
}

// cycleHistory reads every run of the cycle from its first: the largest payload (bytes), the
// events of each run, and the activity attempts beyond each one's first (the history records
// the attempt an activity ended on).
func cycleHistory(ctx context.Context, c client.Client, workflowID string) (largest int, runs []int, retries int) {
	resp, err := c.DescribeWorkflowExecution(ctx, workflowID, "")
	if err != nil {
		return 0, nil, 0
	}
	first := resp.GetWorkflowExecutionInfo().GetFirstRunId()
	if first == "" {
		first = resp.GetWorkflowExecutionInfo().GetExecution().GetRunId()
	}
	runs, _ = walkRuns(ctx, c, workflowID, first, func(e *historypb.HistoryEvent) {
		for _, p := range eventPayloads(e) {
			largest = max(largest, p)
		}
		if a := e.GetActivityTaskStartedEventAttributes(); a != nil {
			retries += max(0, int(a.GetAttempt())-1)
		}
	})
	return largest, runs, retries
}

func kibibytes(b int) string { return fmt.Sprintf("%.0f", float64(b)/1024) }
