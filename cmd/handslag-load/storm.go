package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"go.temporal.io/sdk/client"
)

// StormOptions: how many initiatives wake at once, with how many clients they are started,
// and how long before the instant the preparation may take (0: a minute plus 20 ms each).
type StormOptions struct {
	Initiatives int
	Clients     int
	Lead        time.Duration
	Cache       int
}

// Storm is what a wake-up storm measured: every initiative's timer fires at one instant (the
// February review opening at 09:00), and each moves to the review.
type Storm struct {
	Initiatives int
	Prepared    time.Duration // starting them all, each asleep until the instant
	Asleep      time.Duration // how long before the instant every one was asleep
	// AllMoved is from the instant until the visibility store shows every one in the review;
	// Lag is, per initiative, from the instant until its workflow handled its timer (the time
	// of the case record it wrote then).
	AllMoved time.Duration
	Lag      Latency
	Phases   WakePhases
}

// stormLead is how long the preparation may take by default: starting them and each one's
// first workflow task, which puts it to sleep (at 10,000, 20 ms each was too little).
func stormLead(n int) time.Duration { return time.Minute + time.Duration(n)*40*time.Millisecond }

// runStorm starts n initiatives waiting for February on one demo clock, whose 1 February
// 09:00 is the same real instant for all of them, and measures how the local system (the
// embedded server and the real worker) takes the storm of timers.
func runStorm(ctx context.Context, o StormOptions, lang i18n.Lang, out io.Writer) (Storm, error) {
	say := func(key string, args ...any) { fmt.Fprintln(out, i18n.T(lang, key, args...)) }
	if o.Lead <= 0 {
		o.Lead = stormLead(o.Initiatives)
	}
	dir, err := os.MkdirTemp("", "handslag-storm-")
	if err != nil {
		return Storm{}, err
	}
	defer os.RemoveAll(dir)
	say("load.storm.starting", "count", o.Initiatives, "seconds", seconds(o.Lead.Seconds()))
	sys, err := startLocal(dir, o.Cache)
	if err != nil {
		return Storm{}, err
	}
	defer sys.stop()

	// One clock for all: a calendar day lasts an hour, so nothing else falls due for weeks.
	year := backlogYear(time.Now())
	opens := domain.DefaultCalendar().Opens(domain.SeasonFebruaryReview, year)
	instant := time.Now().Add(o.Lead).Truncate(time.Millisecond)
	clock := domain.Clock{DayLength: time.Hour, RealOrigin: instant, VirtualOrigin: opens}
	res := Storm{Initiatives: o.Initiatives}
	ids, firstRuns := make([]int, o.Initiatives), make([]string, o.Initiatives)
	for i := range ids {
		ids[i] = i
	}
	res.Prepared, err = concurrently(o.Clients, ids, func(i int) error {
		reg := idleRegistration(i).Canonical() // the default calendar, whose February it waits for
		st := domain.NewInitiative(reg, time.Now())
		st.Stage, st.CycleYear, st.Owner, st.Clock = domain.StageAwaitingFebruary, year, domain.OwnerInera, clock
		run, err := sys.admin.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: contract.InitiativeWorkflowID(reg.ID),
			TaskQueue: contract.TaskQueue}, contract.InitiativeWorkflowType, contract.InitiativeInput{Registration: reg, State: st})
		if err == nil {
			firstRuns[i] = run.GetRunID()
		}
		return err
	})
	if err != nil {
		return res, err
	}
	say("load.storm.prepared", "count", o.Initiatives, "seconds", seconds(res.Prepared.Seconds()))
	// A storm of timers only if every one is asleep before the instant: one whose first task
	// comes after it moves at once, without a timer.
	asleep := fmt.Sprintf("WorkflowType = '%s' AND %s = '%s'", contract.InitiativeWorkflowType, contract.SAStage.GetName(), domain.StageAwaitingFebruary)
	var sleeping int64
	err = waitFor(ctx, time.Until(instant), func() (bool, error) {
		n, err := countWhere(ctx, sys.admin.Temporal, asleep)
		sleeping = n
		return err == nil && int(n) >= o.Initiatives, nil
	})
	if err != nil || time.Now().After(instant) {
		return res, fmt.Errorf("%d of %d were asleep at the instant, %s after the start: give --storm-lead more", sleeping, o.Initiatives, o.Lead)
	}
	res.Asleep = time.Until(instant)
	say("load.storm.asleep", "count", o.Initiatives, "seconds", seconds((o.Lead - res.Asleep).Seconds()), "left", seconds(res.Asleep.Seconds()))

	query := fmt.Sprintf("%s = '%s'", contract.SAStage.GetName(), domain.StageFebruaryReview)
	err = waitFor(ctx, o.Lead+30*time.Minute, func() (bool, error) {
		if time.Now().Before(instant) {
			return false, nil
		}
		n, err := countWhere(ctx, sys.admin.Temporal, query)
		if err != nil {
			return false, err
		}
		res.AllMoved = time.Since(instant)
		return int(n) >= o.Initiatives, nil
	})
	if err != nil {
		return res, err
	}

	// Each initiative's lag: its case record is written with the time its workflow handled the
	// timer (the record may follow a moment later, so it is waited for).
	lags := make([]time.Duration, 0, o.Initiatives)
	for i := range o.Initiatives {
		id := idleRegistration(i).ID
		err := waitFor(ctx, time.Minute, func() (bool, error) {
			rec, ok, err := sys.db.Get(ctx, id)
			if err != nil || !ok || rec.Summary.Stage != domain.StageFebruaryReview {
				return false, err
			}
			lags = append(lags, rec.Written.Sub(instant))
			return true, nil
		})
		if err != nil {
			return res, fmt.Errorf("%s: its case record: %w", id, err)
		}
	}
	res.Lag = latencyOf(lags)
	say("load.storm.moved", "count", o.Initiatives, "seconds", seconds(res.AllMoved.Seconds()))
	say("load.storm.lag", "p50", ms1(res.Lag.P50), "p95", ms1(res.Lag.P95), "p99", ms1(res.Lag.P99), "max", ms1(res.Lag.Max))
	if res.Phases, err = wakePhases(ctx, sys.admin.Temporal, firstRuns, instant); err != nil {
		return res, err
	}
	for _, ph := range []struct {
		key string
		l   Latency
	}{{"load.storm.fired", res.Phases.Fired}, {"load.storm.taken", res.Phases.Taken}, {"load.storm.done", res.Phases.Done}} {
		say(ph.key, "p50", ms1(ph.l.P50), "p95", ms1(ph.l.P95), "p99", ms1(ph.l.P99), "max", ms1(ph.l.Max))
	}
	say("load.storm.tasks", "timed_out", res.Phases.TimedOut, "failed", res.Phases.Failed, "no_timer", res.Phases.NoTimer)
	return res, nil
}
