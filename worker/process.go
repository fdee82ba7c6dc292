package worker

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"sync/atomic"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/telemetry"
	enumspb "go.temporal.io/api/enums/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.uber.org/zap"
)

// ProcessOptions configures a worker process (cmd/handslag-worker).
type ProcessOptions struct {
	// Client says where Temporal is (config.Client.Options); logger, metrics and identity are
	// filled in here.
	Client client.Options
	Worker config.Worker
	// MetricsAddr serves /metrics, /healthz and /readyz (":0" picks a free port).
	MetricsAddr string
	Logger      *zap.Logger
	// ConnectWait is how long to keep trying to reach Temporal at start (default 1 minute).
	ConnectWait time.Duration
}

// Process is a running worker process.
type Process struct {
	// MetricsAddr is where /metrics, /healthz and /readyz answer.
	MetricsAddr string
	// Identity is the worker's identity, as Temporal lists it among the task queue's pollers.
	Identity string
	admin    *admin.Client
	db       *store.DB
	worker   sdkworker.Worker
	http     *telemetry.Server
	metrics  *telemetry.Metrics
	started  atomic.Bool
	// stopRetention ends the retention sweep (retention.go).
	stopRetention context.CancelFunc
}

// StartProcess opens Handslag's database, connects to Temporal, starts the worker and serves
// the operator endpoints. A database that cannot be used stops it before anything else starts.
// Every worker process polls the same task queue; run as many as the load needs.
func StartProcess(ctx context.Context, o ProcessOptions) (*Process, error) {
	if o.ConnectWait == 0 {
		o.ConnectWait = time.Minute
	}
	db, err := OpenStore(ctx, o.Worker.DatabaseURL, o.Worker.DataDir, o.Logger)
	if err != nil {
		return nil, err
	}
	metrics, err := telemetry.NewMetrics("handslag-worker", o.Logger)
	if err != nil {
		db.Close()
		return nil, err
	}
	host, _ := os.Hostname()
	// Unique per start: a restarted container has the same host name and pid, and readiness
	// must not mistake the previous run's entry in the poller list for this one.
	p := &Process{Identity: fmt.Sprintf("handslag-worker-%d-%04x@%s", os.Getpid(), time.Now().UnixNano()&0xffff, host), metrics: metrics, db: db}
	opts := o.Client
	opts.Identity, opts.MetricsHandler = p.Identity, metrics.SDK
	opts.Logger = logging.SDK(o.Logger)
	// The endpoints answer from the start: /healthz at once, /readyz once polling.
	mux := http.NewServeMux()
	telemetry.Routes(mux, metrics, telemetry.Check{Name: "temporal", Run: p.ready}, telemetry.Check{Name: "database", Run: db.Ping})
	if p.http, err = telemetry.Start(o.MetricsAddr, mux, o.Logger); err != nil {
		p.Stop()
		return nil, err
	}
	p.MetricsAddr = p.http.Addr
	dialCtx, cancel := context.WithTimeout(ctx, o.ConnectWait)
	defer cancel()
	p.admin, err = admin.DialWait(dialCtx, opts, func(err error) {
		o.Logger.Warn("Temporal not reachable yet", zap.String("address", opts.HostPort), zap.Error(err))
	})
	if err != nil {
		p.Stop()
		return nil, err
	}
	if p.worker, err = New(p.admin.Temporal, o.Worker, db); err != nil {
		p.Stop()
		return nil, err
	}
	if err := p.worker.Start(); err != nil {
		p.Stop()
		return nil, fmt.Errorf("starting the worker: %w", err)
	}
	p.started.Store(true)
	sweep, stop := context.WithCancel(context.Background())
	p.stopRetention = stop
	go KeepRetention(sweep, db, o.Worker.Legal.Retention, RetentionEvery, o.Logger)
	o.Logger.Info("worker started", zap.String("address", opts.HostPort), zap.String("namespace", opts.Namespace),
		zap.String("task_queue", contract.TaskQueue), zap.String("identity", p.Identity), zap.String("metrics", p.MetricsAddr))
	return p, nil
}

// ready is the readiness check: connected to Temporal, and this worker is among the pollers of
// the workflow task queue (so it is really taking work, not just started).
func (p *Process) ready(ctx context.Context) error {
	if !p.started.Load() {
		return errors.New("the worker has not started")
	}
	if _, err := p.admin.Temporal.CheckHealth(ctx, &client.CheckHealthRequest{}); err != nil {
		return fmt.Errorf("not connected: %w", err)
	}
	resp, err := p.admin.Temporal.DescribeTaskQueue(ctx, contract.TaskQueue, enumspb.TASK_QUEUE_TYPE_WORKFLOW)
	if err != nil {
		return fmt.Errorf("describing task queue %s: %w", contract.TaskQueue, err)
	}
	if !slices.ContainsFunc(resp.GetPollers(), func(pi *taskqueuepb.PollerInfo) bool { return pi.GetIdentity() == p.Identity }) {
		return fmt.Errorf("not yet polling task queue %s", contract.TaskQueue)
	}
	return nil
}

// Stop stops the worker (finishing tasks in hand), then the endpoints and the connection.
func (p *Process) Stop() {
	p.started.Store(false)
	if p.stopRetention != nil {
		p.stopRetention()
	}
	if p.worker != nil {
		p.worker.Stop()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if p.http != nil {
		_ = p.http.Shutdown(ctx)
	}
	_ = p.metrics.Shutdown(ctx)
	if p.admin != nil {
		p.admin.Close()
	}
	if p.db != nil {
		p.db.Close()
	}
}

// OpenStore opens Handslag's database at url and, the first time, imports the file stores an
// earlier version kept in dataDir, saying what it imported.
func OpenStore(ctx context.Context, url, dataDir string, logger *zap.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	if dataDir != "" && store.HasFileStores(dataDir) {
		rep, err := db.ImportFiles(ctx, dataDir)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("importing the file stores of %s: %w", dataDir, err)
		}
		if rep.Done {
			logger.Info(rep.String(), zap.Strings("skipped", rep.Skipped))
		}
	}
	return db, nil
}
