package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/worker"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.uber.org/zap"
)

// IdleOptions shape an idle-cost run: what N sleeping initiatives cost the local system (the
// server and the worker in one process, as handslag-local runs them).
type IdleOptions struct {
	Initiatives int
	Clients     int           // registrations at once
	Cache       int           // the worker's workflow cache (HANDSLAG_WORKFLOW_CACHE)
	Settle      time.Duration // at most this long for the process to become quiet before measuring
	Window      time.Duration // how long each measurement lasts
	// Profile, when set, is where the measurement after the restart writes a CPU profile of its
	// window (and Profile+".heap" the heap at its end, Profile+".goroutines" its goroutines): what
	// an idle system spends its time and memory on.
	// The measurement after registration writes the same beside Profile+".registered".
	Profile string
}

// Idle is what an idle-cost run measured: after registration, and after a restart of the
// server and the worker on the same data.
type Idle struct {
	Registered   int
	RegisterTime time.Duration
	After        IdleSample
	Restarted    IdleSample
}

// IdleSample is the resident memory at the end of a quiet window and the share of one core the
// process used during it, and how long the process took to become quiet first (the work the
// registrations or the restart left behind).
type IdleSample struct {
	RSS     int64
	Core    float64
	Quieted time.Duration
	// Quiet is false when the process was still busy when the time to settle ran out.
	Quiet bool
	Parts MemoryParts
}

// localSystem is the server on a data directory and the real worker, in this process.
type localSystem struct {
	srv   *devserver.Server
	admin *admin.Client
	db    *store.DB
	w     sdkworker.Worker
}

// historyCache is the server's history cache in startLocal (--history-cache).
var historyCache = devserver.DefaultHistoryCache

// stickyTimeout is the worker's wait for the worker that holds a workflow (--sticky-timeout).
var stickyTimeout = config.DefaultStickyTimeout

func startLocal(dir string, cache int) (*localSystem, error) {
	srv, err := devserver.Start(devserver.Options{DataDir: filepath.Join(dir, "temporal"), Namespace: contract.Namespace, UIPort: -1,
		SearchAttributes: contract.SearchAttributes, HistoryCache: historyCache, WorkflowCache: cache})
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	l := &localSystem{srv: srv}
	if l.admin, err = admin.Dial(ctx, srv.FrontendAddr, contract.Namespace, client.Options{Logger: logging.SDK(zap.NewNop())}); err != nil {
		l.stop()
		return nil, err
	}
	if l.db, err = store.Open(ctx, "sqlite:"+filepath.Join(dir, "handslag.db")); err != nil {
		l.stop()
		return nil, err
	}
	if l.w, err = worker.New(l.admin.Temporal, config.Worker{LeadershipEmail: config.DefaultLeadership, OfficeEmail: config.DefaultOffice,
		BaseURL: config.DefaultBaseURL, LinkKeys: answerlink.Single(loadLinkKey), WorkflowCache: cache, StickyTimeout: stickyTimeout}, l.db); err != nil {
		l.stop()
		return nil, err
	}
	if err := l.w.Start(); err != nil {
		l.w = nil
		l.stop()
		return nil, err
	}
	return l, nil
}

func (l *localSystem) stop() {
	if l.w != nil {
		l.w.Stop()
	}
	if l.admin != nil {
		l.admin.Close()
	}
	if l.db != nil {
		l.db.Close()
	}
	l.srv.Stop()
	sdkworker.PurgeStickyWorkflowCache()
}

// runIdle registers the initiatives, measures, restarts, measures again, and prints both.
func runIdle(ctx context.Context, o IdleOptions, lang i18n.Lang, out io.Writer) (Idle, error) {
	say := func(key string, args ...any) { fmt.Fprintln(out, i18n.T(lang, key, args...)) }
	dir, err := os.MkdirTemp("", "handslag-idle-")
	if err != nil {
		return Idle{}, err
	}
	defer os.RemoveAll(dir)
	say("load.idle.starting", "count", o.Initiatives, "cache", o.Cache)
	sys, err := startLocal(dir, o.Cache)
	if err != nil {
		return Idle{}, err
	}
	var res Idle
	ids := make([]int, o.Initiatives)
	for i := range ids {
		ids[i] = i
	}
	res.RegisterTime, err = concurrently(o.Clients, ids, func(i int) error { return sys.admin.Register(ctx, idleRegistration(i)) })
	if err != nil {
		sys.stop()
		return res, err
	}
	res.Registered = o.Initiatives
	say("load.idle.registered", "count", o.Initiatives, "seconds", seconds(res.RegisterTime.Seconds()),
		"rate", perSecond(float64(o.Initiatives)/res.RegisterTime.Seconds()))
	registeredProfile := ""
	if o.Profile != "" {
		registeredProfile = o.Profile + ".registered"
	}
	if res.After, err = quietSample(ctx, sys.admin.Temporal, o.Settle, o.Window, registeredProfile); err != nil {
		sys.stop()
		return res, err
	}
	saySample(say, lang, "load.idle.after", res.After)

	sys.stop()
	res.Restarted, err = measureRestarted(ctx, idleRestart{Dir: dir, Cache: o.Cache, HistoryCache: historyCache, Settle: o.Settle,
		Window: o.Window, Profile: o.Profile, LastID: idleRegistration(o.Initiatives - 1).ID})
	if err != nil {
		return res, err
	}
	saySample(say, lang, "load.idle.restarted", res.Restarted)
	return res, nil
}

// saySample prints a sample, with when (a catalogue key) it was taken.
func saySample(say func(string, ...any), lang i18n.Lang, when string, s IdleSample) {
	key := "load.idle.sample"
	if !s.Quiet {
		key = "load.idle.sample_busy"
	}
	say(key, "when", i18n.T(lang, when), "rss", mebibytes(s.RSS), "core", fmt.Sprintf("%.1f", s.Core*100), "quiet", seconds(s.Quieted.Seconds()))
	say("load.idle.parts", "heap", mebibytes(s.Parts.Heap), "stacks", mebibytes(s.Parts.Stacks), "goroutines", s.Parts.Goroutines,
		"outside", mebibytes(s.Parts.Outside), "workflows", s.Parts.Workflows)
}

// idleRegistration is the i-th sleeping initiative: on the default calendar, it waits for
// February in the backlog.
func idleRegistration(i int) domain.Registration {
	return domain.Registration{ID: fmt.Sprintf("vilande-%05d", i), By: domain.Actor{ID: "programkontoret.last", Role: domain.RoleOffice},
		Need: domain.Need{Title: fmt.Sprintf("Vilande behov %d", i), Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b",
			AffectedActivities: []string{"Kansli"}, ProposerOrganisation: "Exempelby kommun", ContactEmail: "kontakt@exempelby.example"}}
}

// profileWindow starts a CPU profile into file (nothing without one); the function it returns
// stops it and writes the heap and the goroutines beside it. A profile that cannot be written is reported and the
// measurement goes on.
func profileWindow(file string) func() {
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		for suffix, name := range map[string]string{".heap": "heap", ".goroutines": "goroutine"} {
			h, err := os.Create(file + suffix)
			if err == nil {
				err = pprof.Lookup(name).WriteTo(h, 0)
				h.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "profile:", err)
			}
		}
	}
}
