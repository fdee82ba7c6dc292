// Package devserver runs a real Temporal server and its Web UI inside this process, on SQLite
// in a data directory, the way the Temporal CLI's dev server does. A restart keeps every
// workflow and timer. It is the embedded default for running Handslag locally and for the
// end-to-end tests; production uses a Temporal cluster (see docker-compose.yml).
package devserver

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	uiserver "github.com/temporalio/ui-server/v2/server"
	uiconfig "github.com/temporalio/ui-server/v2/server/config"
	uiserveroptions "github.com/temporalio/ui-server/v2/server/server_options"
	enumspb "go.temporal.io/api/enums/v1"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics"
	sqliteplugin "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"
	"go.temporal.io/server/schema/sqlite"
	"go.temporal.io/server/temporal"
	"google.golang.org/protobuf/types/known/durationpb"
)

// Options configures the embedded server.
type Options struct {
	// DataDir holds temporal.db and server.log. Empty: in memory (tests), nothing survives.
	DataDir   string
	Namespace string
	// IP to listen on; 127.0.0.1 by default.
	IP string
	// FrontendPort for gRPC clients (0: a free port). UIPort for the Web UI (0: a free port;
	// -1: no UI).
	FrontendPort int
	UIPort       int
	// SearchAttributes are registered on the namespace when it is created.
	SearchAttributes map[string]enumspb.IndexedValueType
	// Retention of closed workflows in the namespace (default 30 days).
	Retention time.Duration
	// HistoryCache bounds how many workflows' state the history service keeps in memory
	// (0: the server's default, 128,000, which holds every sleeping initiative of the local
	// system). DefaultHistoryCache is what the local system uses.
	HistoryCache int
	// WorkflowCache is the Go SDK's workflow cache for every worker in this process (0: the
	// SDK's default, 10,000). The SDK keeps one cache per process, sized when the first worker
	// starts, and the server's own workers start before any worker of ours: without this, a
	// worker in the same process (the local system's) got the SDK's default, whatever size it
	// asked for.
	WorkflowCache int
}

// DefaultHistoryCache keeps the local system's memory bounded however many initiatives sleep;
// a workflow not in the cache is read from the database when it wakes.
const DefaultHistoryCache = 2000

// Server is a running embedded Temporal server (and Web UI).
type Server struct {
	server       temporal.Server
	ui           *uiserver.Server
	FrontendAddr string
	UIAddr       string // empty when there is no UI
}

// startAttempts bounds how often Start tries again when a port it chose itself turned out to
// be taken (reservePort makes that rare; a port the caller chose is never retried).
const startAttempts = 3

// Start brings up the server and, unless disabled, the Web UI. It returns once the frontend
// accepts connections. A server that cannot start returns a *StartError with the reason.
func Start(opts Options) (*Server, error) {
	if opts.IP == "" {
		opts.IP = "127.0.0.1"
	}
	if opts.Namespace == "" {
		return nil, errors.New("devserver: namespace is required")
	}
	if opts.Retention == 0 {
		opts.Retention = 30 * 24 * time.Hour
	}
	if opts.WorkflowCache > 0 {
		sdkworker.SetStickyWorkflowCacheSize(opts.WorkflowCache)
	}
	for attempt := 1; ; attempt++ {
		s, err := start(opts)
		var se *StartError
		if err == nil || !errors.As(err, &se) || !se.addressInUse() || opts.FrontendPort != 0 || attempt == startAttempts {
			return s, err
		}
	}
}

// start is one attempt of Start.
func start(opts Options) (s *Server, err error) {
	defer recoverStart(&err)
	if opts.FrontendPort == 0 {
		if opts.FrontendPort, err = reservePort(opts.IP); err != nil {
			return nil, err
		}
	}
	sqlCfg := config.SQL{PluginName: sqliteplugin.PluginName, ConnectAttributes: map[string]string{}}
	var logger log.Logger = log.NewNoopLogger()
	if opts.DataDir == "" {
		sqlCfg.ConnectAttributes["mode"] = "memory"
		sqlCfg.ConnectAttributes["cache"] = "shared"
		sqlCfg.DatabaseName = fmt.Sprintf("handslag-%d", time.Now().UnixNano())
	} else {
		if err := os.MkdirAll(opts.DataDir, 0o750); err != nil {
			return nil, fmt.Errorf("data directory %s: %w", opts.DataDir, err)
		}
		sqlCfg.ConnectAttributes["mode"] = "rwc"
		sqlCfg.ConnectAttributes["_journal_mode"] = "WAL"
		sqlCfg.DatabaseName = filepath.Join(opts.DataDir, "temporal.db")
		if _, err := os.Stat(sqlCfg.DatabaseName); errors.Is(err, os.ErrNotExist) {
			if err := sqlite.SetupSchema(&sqlCfg); err != nil {
				return nil, fmt.Errorf("setting up the Temporal schema: %w", err)
			}
		}
		if err := forgetStaleMembers(sqlCfg.DatabaseName); err != nil {
			return nil, err
		}
		logger = log.NewZapLogger(log.BuildZapLogger(log.Config{Level: "warn", OutputFile: filepath.Join(opts.DataDir, "server.log")}))
	}
	cfg, err := serverConfig(opts, sqlCfg)
	if err != nil {
		return nil, err
	}
	ns, err := sqlite.NewNamespaceConfig(cfg.ClusterMetadata.CurrentClusterName, opts.Namespace, false, opts.SearchAttributes)
	if err != nil {
		return nil, err
	}
	ns.Detail.Config.Retention = durationpb.New(opts.Retention)
	if err := sqlite.CreateNamespaces(&sqlCfg, ns); err != nil {
		return nil, fmt.Errorf("creating namespace %s: %w", opts.Namespace, err)
	}
	srv, err := temporal.NewServer(
		temporal.WithConfig(cfg),
		temporal.ForServices(temporal.DefaultServices),
		temporal.WithLogger(fatalLogger{logger}),
		temporal.WithDynamicConfigClient(dynamicConfig(opts)),
	)
	if err != nil {
		return nil, fmt.Errorf("creating the Temporal server: %w", err)
	}
	started := &Server{server: srv, FrontendAddr: net.JoinHostPort(opts.IP, fmt.Sprint(opts.FrontendPort))}
	// A fatal error half-way through leaves services started; stop them before reporting it.
	defer func() {
		if err != nil {
			started.Stop()
		}
	}()
	defer recoverStart(&err)
	if err := srv.Start(); err != nil {
		return nil, fmt.Errorf("starting the Temporal server: %w", err)
	}
	if opts.UIPort >= 0 {
		if err := started.startUI(opts); err != nil {
			return nil, err
		}
	}
	return started, nil
}

func (s *Server) startUI(opts Options) error {
	port := opts.UIPort
	if port == 0 {
		var err error
		if port, err = reservePort(opts.IP); err != nil {
			return err
		}
	}
	ui := uiserver.NewServer(uiserveroptions.WithConfigProvider(&uiconfig.Config{
		Host:                opts.IP,
		Port:                port,
		TemporalGRPCAddress: s.FrontendAddr,
		EnableUI:            true,
		DefaultNamespace:    opts.Namespace,
		HideLogs:            true,
		DisableNewsFetch:    true, // no internet needed
		CORS:                uiconfig.CORS{CookieInsecure: true},
	}))
	s.ui = ui
	s.UIAddr = net.JoinHostPort(opts.IP, fmt.Sprint(port))
	// The UI server ends the process when it cannot listen (it logs a fatal error), so a taken
	// port is found here first. A port it chose itself was reserved (see reservePort).
	l, err := net.Listen("tcp", s.UIAddr)
	if err != nil {
		return fmt.Errorf("the Temporal Web UI could not listen on %s: %w", s.UIAddr, err)
	}
	_ = l.Close()
	go func() { _ = ui.Start() }()
	return waitForPort(s.UIAddr, 30*time.Second)
}

// Stop shuts the UI and the server down.
func (s *Server) Stop() {
	if s.ui != nil {
		s.ui.Stop()
	}
	_ = s.server.Stop()
}

func serverConfig(opts Options, sqlCfg config.SQL) (*config.Config, error) {
	ports := make([]int, 8)
	for i := range ports {
		p, err := reservePort(opts.IP)
		if err != nil {
			return nil, err
		}
		ports[i] = p
	}
	service := func(grpc, membership int) config.Service {
		return config.Service{RPC: config.RPC{GRPCPort: grpc, MembershipPort: membership, BindOnIP: opts.IP}}
	}
	frontend := net.JoinHostPort(opts.IP, fmt.Sprint(opts.FrontendPort))
	return &config.Config{
		Global: config.Global{
			Membership: config.Membership{MaxJoinDuration: 30 * time.Second, BroadcastAddress: opts.IP},
			Metrics: &metrics.Config{Prometheus: &metrics.PrometheusConfig{
				ListenAddress: net.JoinHostPort(opts.IP, fmt.Sprint(ports[7])), HandlerPath: "/metrics"}},
		},
		Persistence: config.Persistence{
			DefaultStore: sqliteplugin.PluginName, VisibilityStore: sqliteplugin.PluginName, NumHistoryShards: 1,
			DataStores: map[string]config.DataStore{sqliteplugin.PluginName: {SQL: &sqlCfg}},
		},
		ClusterMetadata: &cluster.Config{
			EnableGlobalNamespace: false, FailoverVersionIncrement: 10,
			MasterClusterName: "active", CurrentClusterName: "active",
			ClusterInformation: map[string]cluster.ClusterInformation{
				"active": {Enabled: true, InitialFailoverVersion: 1, RPCAddress: frontend},
			},
		},
		DCRedirectionPolicy: config.DCRedirectionPolicy{Policy: "noop"},
		Services: map[string]config.Service{
			"frontend": service(opts.FrontendPort, ports[0]),
			"history":  service(ports[1], ports[2]),
			"matching": service(ports[3], ports[4]),
			"worker":   service(ports[5], ports[6]),
		},
		Archival: config.Archival{
			History:    config.HistoryArchival{State: "disabled"},
			Visibility: config.VisibilityArchival{State: "disabled"},
		},
		NamespaceDefaults: config.NamespaceDefaults{Archival: config.ArchivalNamespaceDefaults{
			History: config.HistoryArchivalNamespaceDefaults{State: "disabled"}, Visibility: config.VisibilityArchivalNamespaceDefaults{State: "disabled"},
		}},
		PublicClient: config.PublicClient{HostPort: frontend},
	}, nil
}

func waitForPort(addr string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			return c.Close()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s did not start listening: %w", addr, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// forgetStaleMembers removes the cluster membership rows of the previous run. The embedded
// server is the only member of its cluster, but its services get new ports at every start;
// without this the restarted services try to join the dead ones and report "Not enough hosts
// to serve the request" until those rows expire.
func forgetStaleMembers(dbPath string) error {
	db, err := sql.Open("sqlite", "file:"+dbPath)
	if err != nil {
		return fmt.Errorf("opening %s: %w", dbPath, err)
	}
	defer db.Close()
	if _, err := db.Exec("DELETE FROM cluster_membership"); err != nil {
		return fmt.Errorf("clearing stale cluster members in %s: %w", dbPath, err)
	}
	return nil
}

// dynamicConfig is the server's dynamic configuration for opts.
func dynamicConfig(opts Options) dynamicconfig.StaticClient {
	dc := dynamicconfig.StaticClient{
		// New search attributes are visible at once (the Web UI and tests filter by them).
		dynamicconfig.ForceSearchAttributesCacheRefreshOnRead.Key(): []dynamicconfig.ConstrainedValue{{Value: true}},
	}
	if opts.HistoryCache > 0 {
		dc[dynamicconfig.HistoryCacheHostLevelMaxSize.Key()] = []dynamicconfig.ConstrainedValue{{Value: opts.HistoryCache}}
	}
	if opts.WorkflowCache > 0 {
		// The server sets the SDK's process-wide size from this when its workers start; the
		// same value as Start set, so that neither undoes the other.
		dc[dynamicconfig.WorkerStickyCacheSize.Key()] = []dynamicconfig.ConstrainedValue{{Value: opts.WorkflowCache}}
	}
	return dc
}
