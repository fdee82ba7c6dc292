package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets the test binary be the restarted process of an idle run, as the command is.
func TestMain(m *testing.M) {
	if len(os.Args) == 3 && os.Args[1] == "--"+idleRestartFlag {
		if err := serveRestarted(context.Background(), os.Args[2]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A tiny run of the benchmark (not timed): every answer is counted, the report is complete.
func TestLoadSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	var out bytes.Buffer
	rep, err := run(context.Background(), Options{Rounds: 2, Clients: 8}, i18n.English, &out)
	require.NoError(t, err, out.String())
	t.Log(out.String())
	assert.Equal(t, 2*290, rep.Answers)
	assert.Equal(t, 2*290, rep.RawUpdates)
	assert.Positive(t, rep.AnswerUpdates)
	assert.LessOrEqual(t, rep.AnswerUpdates, rep.Answers)
	require.Len(t, rep.Runs, 2)
	assert.Positive(t, rep.MaxRun())
	assert.Less(t, rep.MaxRun(), historyLimit)
	assert.Positive(t, rep.PeakGoHeap)
	if runtime.GOOS == "linux" {
		assert.Positive(t, rep.AnswerCPU)
		assert.Positive(t, rep.RawCPU)
	}
	assert.Len(t, rep.Waits, 2*290, "every answer waited for its confirmation page")
	assert.Zero(t, rep.Failed)
	for _, want := range []string{"Wait from an answer's POST to its confirmation page: p50", "Answers through the answer path", "Raw updates", "Ratio", "CPU time", "History events", "Peak memory"} {
		assert.Contains(t, out.String(), want)
	}
}

// The deadline-day scenario in small: every answer of a round arrives within two seconds, each
// at its own moment; all are confirmed and counted, and no raw baseline runs.
func TestLoadRushSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	var out bytes.Buffer
	rep, err := run(context.Background(), Options{Rounds: 1, Clients: 1, Rush: 2 * time.Second}, i18n.English, &out)
	require.NoError(t, err, out.String())
	t.Log(out.String())
	assert.Len(t, rep.Waits, 290)
	assert.Zero(t, rep.Failed)
	assert.Zero(t, rep.RawTime, "no raw phase ran")
	assert.Contains(t, out.String(), "Deadline day: 290 answers arriving within 2s were all confirmed")
	assert.NotContains(t, out.String(), "Raw updates")
}

func TestPercentilesByNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	l := latencyOf(ds)
	assert.Equal(t, Latency{P50: 50 * time.Millisecond, P95: 95 * time.Millisecond, P99: 99 * time.Millisecond, Max: 100 * time.Millisecond}, l)
	assert.Equal(t, Latency{}, latencyOf(nil))
	assert.Equal(t, 7*time.Millisecond, latencyOf([]time.Duration{7 * time.Millisecond}).P99)
}

// The open load starts each job at its own moment, not when the earlier ones are done.
func TestOpenLoadDoesNotWaitForEarlierJobs(t *testing.T) {
	release := make(chan struct{})
	started := make(chan int, 3)
	done := make(chan time.Duration)
	go func() {
		done <- openLoad([]int{0, 1, 2}, 30*time.Millisecond, func(i int) error {
			started <- i
			<-release
			return nil
		})
	}()
	for range 3 {
		<-started // all three start while none has finished
	}
	close(release)
	assert.Positive(t, <-done)
}

// The idle-cost run in small: the initiatives are registered, the process is measured, the
// server and the worker restart on the same data, and the initiatives are still there; the
// window after the restart is profiled.
func TestIdleSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	// The SDK's workflow cache is one per process and keeps the size it got when the process's
	// first worker started (the other tests' workers start earlier here): the run that checks
	// the bound is a process of its own.
	if os.Getenv("HANDSLAG_LOAD_TEST_ALONE") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIdleSmoke$", "-test.v")
		cmd.Env = append(os.Environ(), "HANDSLAG_LOAD_TEST_ALONE=1")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		t.Log(string(out))
		require.Contains(t, string(out), "--- PASS: TestIdleSmoke")
		return
	}
	var out bytes.Buffer
	profile := filepath.Join(t.TempDir(), "idle.pprof")
	res, err := runIdle(context.Background(), IdleOptions{Initiatives: 20, Clients: 8, Cache: 5, Settle: time.Second, Window: time.Second,
		Profile: profile}, i18n.English, &out)
	require.NoError(t, err, out.String())
	t.Log(out.String())
	assert.Equal(t, 20, res.Registered)
	// The worker's cache bounds the initiatives held in memory, also with the server in the
	// same process (whose own workers start first and used to fix the SDK's cache at 10,000).
	assert.LessOrEqual(t, res.After.Parts.Workflows, 5, "workflows in memory after registration, cache 5")
	assert.Positive(t, res.After.Parts.Workflows)
	if runtime.GOOS == "linux" {
		assert.Positive(t, res.After.RSS)
		assert.Positive(t, res.Restarted.RSS)
	}
	assert.Contains(t, out.String(), "After a restart:")
	for _, f := range []string{profile, profile + ".heap", profile + ".goroutines", profile + ".registered", profile + ".registered.heap"} {
		info, err := os.Stat(f)
		require.NoError(t, err)
		assert.Positive(t, info.Size(), f)
	}
}

// The February start in small: every waiting initiative is taken into the cycle, and the
// cycle's history is read (payload sizes, events per run).
func TestBacklogSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	var out bytes.Buffer
	res, err := runBacklog(context.Background(), BacklogOptions{Initiatives: 6, Clients: 3, Day: 100 * time.Millisecond}, i18n.English, &out)
	require.NoError(t, err, out.String())
	t.Log(out.String())
	assert.Equal(t, 6, res.Participants)
	assert.Positive(t, res.LargestPayload)
	require.NotEmpty(t, res.Runs)
	assert.Contains(t, out.String(), "The annual cycle took in 6 of 6 initiatives")
	assert.Equal(t, 3, res.Chosen)
	assert.Equal(t, 6, res.Decisions, "a line for every initiative at the gate")
	assert.Contains(t, out.String(), "chose 3 of 6")
	assert.Positive(t, res.ReportSize, "the report after the decision is read")
	assert.Contains(t, out.String(), "The cycle's report after the decision: 6 rows in the ranking")
}

// The wake-up storm in small: every initiative's timer fires at one instant, every one moves
// to the February review, and the lag of each timer is read from its case record.
func TestStormSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	var out bytes.Buffer
	res, err := runStorm(context.Background(), StormOptions{Initiatives: 6, Clients: 3, Lead: 5 * time.Second, Cache: 100}, i18n.English, &out)
	require.NoError(t, err, out.String())
	t.Log(out.String())
	assert.Equal(t, 6, res.Initiatives)
	assert.Positive(t, res.AllMoved)
	assert.GreaterOrEqual(t, res.Lag.Max, res.Lag.P50)
	assert.GreaterOrEqual(t, res.Lag.P50, time.Duration(0), "no timer fires before its instant")
	assert.Contains(t, out.String(), "All 6 had moved to the February review")
	// Where the time went, from the histories: every initiative's timer fired (the lead left
	// room for all six to start), and the task that handled it came after the timer.
	ph := res.Phases
	assert.Zero(t, ph.NoTimer)
	assert.GreaterOrEqual(t, ph.Fired.P50, -time.Second)
	assert.GreaterOrEqual(t, ph.Taken.Max, ph.Fired.Max, "the task that handles a timer is taken after it fired")
	assert.GreaterOrEqual(t, ph.Done.Max, ph.Taken.Max)
	assert.Contains(t, out.String(), "the server fired the timer")
	assert.Contains(t, out.String(), "workflow tasks after the timer that timed out: ")
}
