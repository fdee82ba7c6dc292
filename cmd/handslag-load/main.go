// Command handslag-load is the offer rounds' load benchmark (not a timed test). In one process
// it starts the Temporal server and the real worker, runs N offer rounds and has all 290
// municipalities of each answer through the real answer path (the web's adapter, which
// coalesces concurrent answers into few updates), and in the same run measures the server's
// raw update throughput on a trivial workflow with the same concurrency. It prints answers per
// second, raw updates per second and their ratio (the figure we track; aim for at least 0.8),
// the history length of every run of every round (each must stay under 4,096 events), and the
// peak memory.
//
//	go run ./cmd/handslag-load --rounds 5 --clients 32
//
// With --idle N it measures instead what N sleeping initiatives cost: resident memory and CPU
// of the server and the worker after registration and after a restart; with --backlog N the
// February start of a cycle with N initiatives waiting; with --storm N the wake-up storm of N
// initiatives whose timers fire at the same instant (docs/performance.md).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/i18n"
)

// historyLimit is the server's default history length limit; every run must stay below it.
const historyLimit = 4096

func main() {
	lang := i18n.Swedish
	if config.LoadCLI(config.OS).English {
		lang = i18n.English
	}
	var opts Options
	flag.IntVar(&opts.Rounds, "rounds", 5, i18n.T(lang, "load.flag.rounds"))
	flag.IntVar(&opts.Clients, "clients", 32, i18n.T(lang, "load.flag.clients"))
	flag.DurationVar(&opts.Rush, "rush", 0, i18n.T(lang, "load.flag.rush"))
	cpuProfile := flag.String("cpuprofile", "", i18n.T(lang, "load.flag.cpuprofile"))
	idle := IdleOptions{Settle: 15 * time.Minute, Window: 30 * time.Second}
	flag.IntVar(&idle.Initiatives, "idle", 0, i18n.T(lang, "load.flag.idle"))
	flag.IntVar(&idle.Cache, "cache", config.DefaultWorkflowCache, i18n.T(lang, "load.flag.cache"))
	flag.StringVar(&idle.Profile, "idle-profile", "", i18n.T(lang, "load.flag.idle_profile"))
	backlog := flag.Int("backlog", 0, i18n.T(lang, "load.flag.backlog"))
	backlogDay := flag.Duration("backlog-day", 3*time.Second, i18n.T(lang, "load.flag.backlog_day"))
	var storm StormOptions
	flag.IntVar(&storm.Initiatives, "storm", 0, i18n.T(lang, "load.flag.storm"))
	flag.DurationVar(&storm.Lead, "storm-lead", 0, i18n.T(lang, "load.flag.storm_lead"))
	flag.IntVar(&historyCache, "history-cache", historyCache, i18n.T(lang, "load.flag.history_cache"))
	flag.DurationVar(&stickyTimeout, "sticky-timeout", stickyTimeout, i18n.T(lang, "load.flag.sticky_timeout"))
	restart := flag.String(idleRestartFlag, "", i18n.T(lang, "load.flag.idle_restart"))
	flag.Parse()
	if *restart != "" {
		// The fresh process of an idle run's restart (idle_restart.go).
		if err := serveRestarted(context.Background(), *restart); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if opts.Rounds < 1 || opts.Clients < 1 || opts.Rush < 0 || idle.Initiatives < 0 || idle.Cache < 1 || stickyTimeout <= 0 {
		fmt.Fprintln(os.Stderr, i18n.T(lang, "load.bad_flags"))
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, i18n.T(lang, "load.failed", "error", err))
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if storm.Initiatives > 0 {
		storm.Clients, storm.Cache = opts.Clients, idle.Cache
		if _, err := runStorm(ctx, storm, lang, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, i18n.T(lang, "load.failed", "error", err))
			os.Exit(1)
		}
		return
	}
	if *backlog > 0 {
		if _, err := runBacklog(ctx, BacklogOptions{Initiatives: *backlog, Clients: opts.Clients, Day: *backlogDay, Cache: idle.Cache}, lang, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, i18n.T(lang, "load.failed", "error", err))
			os.Exit(1)
		}
		return
	}
	if idle.Initiatives > 0 {
		idle.Clients = opts.Clients
		if _, err := runIdle(ctx, idle, lang, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, i18n.T(lang, "load.failed", "error", err))
			os.Exit(1)
		}
		return
	}
	if _, err := run(ctx, opts, lang, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, i18n.T(lang, "load.failed", "error", err))
		os.Exit(1)
	}
}

// run does one load run, prints the report to out and returns it. It fails when an answer is
// lost or refused, or a run of a round reaches the history limit.
func run(ctx context.Context, opts Options, lang i18n.Lang, out io.Writer) (Report, error) {
	say := func(key string, args ...any) { fmt.Fprintln(out, i18n.T(lang, key, args...)) }
	say("load.starting")
	heap := startHeapPeak()
	sys, err := startSystem()
	if err != nil {
		heap.stop()
		return Report{}, err
	}
	defer sys.stop()

	ids, firstRuns, ms, err := sys.startRounds(ctx, opts.Rounds)
	if err != nil {
		heap.stop()
		return Report{}, err
	}
	rep := Report{Municipality: len(ms), Answers: len(ids) * len(ms), RawUpdates: len(ids) * len(ms), Runs: map[string][]int{}}
	say("load.ready", "rounds", len(ids), "municipalities", len(ms))

	answers := func() (time.Duration, error) {
		took, waits, failed, err := sys.answerAll(ctx, ids, ms, opts.Clients, opts.Rush)
		rep.Waits, rep.Failed = waits, failed
		if err != nil {
			say("load.first_failure", "error", err)
		}
		return took, nil
	}
	if opts.Rush > 0 {
		// The deadline day: no raw baseline, only what the people feel.
		rep.AnswerTime, rep.AnswerCPU, err = cpuDuring(answers)
	} else {
		// The raw baseline runs half before and half after the answers, so that a machine
		// whose load drifts during the run (a shared one) does not favour either side.
		var before, beforeCPU, after, afterCPU time.Duration
		before, beforeCPU, err = cpuDuring(func() (time.Duration, error) {
			return rawThroughput(ctx, sys.admin.Temporal, len(ids), len(ms)/2, opts.Clients)
		})
		if err == nil {
			rep.AnswerTime, rep.AnswerCPU, err = cpuDuring(answers)
		}
		if err == nil {
			after, afterCPU, err = cpuDuring(func() (time.Duration, error) {
				return rawThroughput(ctx, sys.admin.Temporal, len(ids), len(ms)-len(ms)/2, opts.Clients)
			})
		}
		rep.RawTime, rep.RawCPU = before+after, beforeCPU+afterCPU
	}
	if err != nil {
		heap.stop()
		return rep, err
	}
	lat := latencyOf(rep.Waits)
	say("load.latency", "p50", ms1(lat.P50), "p95", ms1(lat.P95), "p99", ms1(lat.P99), "max", ms1(lat.Max), "failed", rep.Failed)
	if rep.Failed > 0 {
		heap.stop()
		return rep, fmt.Errorf("%d answers got no confirmation", rep.Failed)
	}
	if opts.Rush == 0 {
		say("load.raw", "clients", opts.Clients, "count", rep.RawUpdates, "seconds", seconds(rep.RawTime.Seconds()), "rate", perSecond(rep.RawPerSecond()))
	}
	if err := sys.check(ctx, ids, len(ms)); err != nil {
		heap.stop()
		return rep, err
	}
	for _, id := range ids {
		runs, updates, err := settledHistory(ctx, sys.admin.Temporal, contract.OfferRoundWorkflowID(id), firstRuns[id])
		if err != nil {
			heap.stop()
			return rep, err
		}
		rep.Runs[id], rep.AnswerUpdates = runs, rep.AnswerUpdates+updates
	}
	rep.PeakGoHeap, rep.PeakRSS = heap.stop(), peakRSS()

	if opts.Rush > 0 {
		say("load.rush", "count", rep.Answers, "within", opts.Rush, "seconds", seconds(rep.AnswerTime.Seconds()), "updates", rep.AnswerUpdates)
	} else {
		say("load.answers", "clients", opts.Clients, "count", rep.Answers, "seconds", seconds(rep.AnswerTime.Seconds()),
			"rate", perSecond(rep.AnswersPerSecond()), "updates", rep.AnswerUpdates)
		say("load.ratio", "ratio", fmt.Sprintf("%.2f", rep.Ratio()))
	}
	if opts.Rush == 0 && rep.RawCPU > 0 && rep.AnswerCPU > 0 {
		say("load.cpu", "answer", millis(rep.AnswerCPU, rep.Answers), "raw", millis(rep.RawCPU, rep.RawUpdates),
			"ratio", fmt.Sprintf("%.2f", rep.CPURatio()))
	}
	say("load.history", "max", rep.MaxRun(), "limit", historyLimit)
	sorted := append([]string(nil), ids...)
	sort.Strings(sorted)
	for _, id := range sorted {
		parts := make([]string, len(rep.Runs[id]))
		for i, n := range rep.Runs[id] {
			parts[i] = fmt.Sprint(n)
		}
		say("load.history_round", "offer", contract.OfferRoundWorkflowID(id), "runs", strings.Join(parts, ", "))
	}
	say("load.memory", "rss", mebibytes(rep.PeakRSS), "heap", mebibytes(int64(rep.PeakGoHeap)))
	if rep.MaxRun() >= historyLimit {
		return rep, fmt.Errorf("a run reached %d history events (limit %d)", rep.MaxRun(), historyLimit)
	}
	return rep, nil
}

func seconds(s float64) string   { return fmt.Sprintf("%.1f", s) }
func perSecond(r float64) string { return fmt.Sprintf("%.0f", r) }
func millis(d time.Duration, n int) string {
	return fmt.Sprintf("%.2f", d.Seconds()*1000/float64(n))
}
func ms1(d time.Duration) string { return fmt.Sprintf("%.0f", d.Seconds()*1000) }
func mebibytes(b int64) string   { return fmt.Sprintf("%.0f", float64(b)/(1<<20)) }
