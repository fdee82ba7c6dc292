// Package e2e drives the system end to end against a real Temporal server running in this
// process, through the same CLI code a user runs. With HANDSLAG_E2E_ADDRESS set the same tests
// run against a server, worker and web server in their own processes instead (see external_test.go
// and scripts/postgres-proof); tests that need their own in-process server then skip.
package e2e

import (
	"bytes"
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/site"
	"github.com/skr/handslag/starter"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/worker"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.uber.org/zap"
)

type system struct {
	t *testing.T
	// address of the Temporal frontend.
	address string
	admin   *admin.Client
	// db is Handslag's database: the worker's outbox and the case list are read there.
	db   *store.DB
	Stop func()
	// ext is set in external mode (HANDSLAG_E2E_ADDRESS).
	ext *external
}

// startSystem brings up the embedded server (dataDir "" keeps it in memory) and a worker, or,
// in external mode, connects to the external system; a test that needs its own server on a
// data directory or port is skipped there.
func startSystem(t *testing.T, dataDir string, port int) *system {
	t.Helper()
	if ext := externalFromEnv(t); ext != nil {
		if dataDir != "" || port != 0 {
			t.Skip("needs its own in-process server; the external mode has its own restart test")
		}
		return startExternal(t, ext)
	}
	return startSystemWith(t, dataDir, port, func(c client.Client, db *store.DB) (sdkworker.Worker, error) {
		return newTestWorker(c, db, nil)
	})
}

// testLinkKey signs the answer and unsubscribe links of the in-process tests.
var testLinkKey = []byte("e2e-answer-link-key-of-32-bytes!")

// newTestWorker is the real worker with the tests' settings: the outbox in db, the SCB
// register, demo contacts and testLinkKey; with may change them (SMTP, the base URL).
func newTestWorker(c client.Client, db *store.DB, with func(*config.Worker)) (sdkworker.Worker, error) {
	cfg := config.Worker{LeadershipEmail: "ledningen@example.org", OfficeEmail: config.DefaultOffice,
		BaseURL: config.DefaultBaseURL, LinkKeys: answerlink.Single(testLinkKey)}
	if with != nil {
		with(&cfg)
	}
	return worker.New(c, cfg, db)
}

// startSystemWith is startSystem with a worker of the test's own making (fakes for the
// dependencies that are not there yet).
func startSystemWith(t *testing.T, dataDir string, port int, newWorker func(c client.Client, db *store.DB) (sdkworker.Worker, error)) *system {
	t.Helper()
	return startSystemWithOptions(t, dataDir, port, client.Options{}, newWorker)
}

// startSystemWithOptions is startSystemWith with client options of the test's own (a data
// converter, for example); the worker runs on the same client.
func startSystemWithOptions(t *testing.T, dataDir string, port int, opts client.Options,
	newWorker func(c client.Client, db *store.DB) (sdkworker.Worker, error)) *system {
	t.Helper()
	if externalFromEnv(t) != nil {
		t.Skip("runs its own worker; the external mode uses the real worker processes")
	}
	srv, err := devserver.Start(devserver.Options{DataDir: dataDir, Namespace: contract.Namespace,
		FrontendPort: port, UIPort: -1, SearchAttributes: contract.SearchAttributes})
	require.NoError(t, err)
	ctx := context.Background()
	opts.Logger = logging.SDK(zap.NewNop())
	a, err := admin.Dial(ctx, srv.FrontendAddr, contract.Namespace, opts)
	require.NoError(t, err)
	require.NoError(t, admin.EnsureSearchAttributes(ctx, a.Temporal, contract.Namespace))
	dbDir := dataDir
	if dbDir == "" {
		dbDir = t.TempDir()
	}
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(dbDir, "handslag.db"))
	require.NoError(t, err)
	w, err := newWorker(a.Temporal, db)
	require.NoError(t, err)
	require.NoError(t, w.Start())
	s := &system{t: t, address: srv.FrontendAddr, admin: a, db: db}
	var once sync.Once
	s.Stop = func() {
		once.Do(func() {
			w.Stop()
			a.Close()
			srv.Stop()
			db.Close()
		})
	}
	t.Cleanup(s.Stop)
	return s
}

// startSite serves the real web application (every page) over a Temporal client and the
// database, with the tests' link key, and returns its base URL.
func startSite(t *testing.T, c client.Client, db *store.DB) string {
	t.Helper()
	h, err := site.New(site.Deps{Admin: &admin.Client{Temporal: c, Namespace: contract.Namespace}, Cases: db,
		LinkKeys: answerlink.Single(testLinkKey), FormKey: []byte("e2e-form-key-of-thirty-two-bytes")})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// messages is every message in the worker's outbox (the database's e-mail ledger).
func (s *system) messages() []mail.Message {
	s.t.Helper()
	msgs, err := s.db.Messages(context.Background())
	require.NoError(s.t, err)
	return msgs
}

// cli runs one CLI command against the system and returns its exit code and output.
func (s *system) cli(args ...string) (int, string) {
	var out bytes.Buffer
	c := &starter.CLI{Out: &out, Err: &out, Lang: i18n.Swedish,
		Dial: func(ctx context.Context, _, _ string) (*admin.Client, error) {
			opts := client.Options{Logger: logging.SDK(zap.NewNop())}
			if s.ext != nil {
				opts = s.ext.options // mutual TLS and the codec, as every process of the proof
			}
			return admin.Dial(ctx, s.address, contract.Namespace, opts)
		}}
	code := c.Run(context.Background(), args)
	return code, out.String()
}

// mustCLI runs a command that must succeed.
func (s *system) mustCLI(args ...string) string {
	s.t.Helper()
	code, out := s.cli(args...)
	require.Equal(s.t, starter.ExitOK, code, "%v: %s", args, out)
	return out
}

// waitForStage polls the visibility store (the HandslagStage search attribute) until the
// initiative shows the stage.
func (s *system) waitForStage(id, stage string, within time.Duration, listArgs ...string) {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for {
		code, out := s.cli(append([]string{"list", "--stage", stage}, listArgs...)...)
		if code == starter.ExitOK && strings.Contains(out, id) {
			return
		}
		if time.Now().After(deadline) {
			_, st := s.cli("status", id)
			s.t.Fatalf("%s never reached stage %s in visibility; status:\n%s", id, stage, st)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
