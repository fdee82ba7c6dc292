package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
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
	// window (and Profile+".heap" the heap at its end): what an idle system spends its time on.
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

func startLocal(dir string, cache int) (*localSystem, error) {
	srv, err := devserver.Start(devserver.Options{DataDir: filepath.Join(dir, "temporal"), Namespace: contract.Namespace, UIPort: -1,
		SearchAttributes: contract.SearchAttributes, HistoryCache: historyCache})
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
		BaseURL: config.DefaultBaseURL, LinkKeys: answerlink.Single(loadLinkKey), WorkflowCache: cache}, l.db); err != nil {
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
	res.After = quietSample(o.Settle, o.Window, "")
	say("load.idle.sample", "when", i18n.T(lang, "load.idle.after"), "rss", mebibytes(res.After.RSS), "core", fmt.Sprintf("%.1f", res.After.Core*100),
		"quiet", seconds(res.After.Quieted.Seconds()))

	sys.stop()
	if sys, err = startLocal(dir, o.Cache); err != nil {
		return res, err
	}
	defer sys.stop()
	res.Restarted = quietSample(o.Settle, o.Window, o.Profile)
	say("load.idle.sample", "when", i18n.T(lang, "load.idle.restarted"), "rss", mebibytes(res.Restarted.RSS), "core", fmt.Sprintf("%.1f", res.Restarted.Core*100),
		"quiet", seconds(res.Restarted.Quieted.Seconds()))
	qctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	st, err := sys.admin.Status(qctx, idleRegistration(o.Initiatives-1).ID)
	if err != nil {
		return res, fmt.Errorf("after the restart the last initiative cannot be read: %w", err)
	}
	if st.Initiative.Stage.Closed() {
		return res, fmt.Errorf("after the restart the last initiative is %s", st.Initiative.Stage)
	}
	return res, nil
}

// quietCore is the share of a core under which the process counts as quiet.
const quietCore = 0.10

// quietSample waits (at most settle) until the process is quiet over five seconds, returns
// what the Go runtime no longer uses to the system (as a fresh process would not hold it), then
// measures a window (profiled into profile, when given).
func quietSample(settle, window time.Duration, profile string) IdleSample {
	begin := time.Now()
	for time.Since(begin) < settle {
		before, start := processCPU(), time.Now()
		time.Sleep(min(5*time.Second, settle))
		if (processCPU()-before).Seconds()/time.Since(start).Seconds() < quietCore {
			break
		}
	}
	quieted := time.Since(begin)
	runtime.GC()
	debug.FreeOSMemory()
	stop := profileWindow(profile)
	before, start := processCPU(), time.Now()
	time.Sleep(window)
	stop()
	return IdleSample{RSS: currentRSS(), Core: (processCPU() - before).Seconds() / time.Since(start).Seconds(), Quieted: quieted}
}

// idleRegistration is the i-th sleeping initiative: on the default calendar, it waits for
// February in the backlog.
func idleRegistration(i int) domain.Registration {
	return domain.Registration{ID: fmt.Sprintf("vilande-%05d", i), By: domain.Actor{ID: "programkontoret.last", Role: domain.RoleOffice},
		Need: domain.Need{Title: fmt.Sprintf("Vilande behov %d", i), Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b",
			AffectedActivities: []string{"Kansli"}, ProposerOrganisation: "Exempelby kommun", ContactEmail: "kontakt@exempelby.example"}}
}

// profileWindow starts a CPU profile into file (nothing without one); the function it returns
// stops it and writes the heap beside it. A profile that cannot be written is reported and the
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
		h, err := os.Create(file + ".heap")
		if err == nil {
			err = pprof.WriteHeapProfile(h)
			h.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "profile:", err)
		}
	}
}
