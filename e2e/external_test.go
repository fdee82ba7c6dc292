package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	"go.uber.org/zap"
)

// external is a system whose Temporal server, worker and web server run as their own
// processes, as in production; scripts/postgres-proof starts them and sets:
//
//	HANDSLAG_E2E_ADDRESS     the Temporal frontend (host:port); setting it turns the mode on
//	HANDSLAG_E2E_DATABASE    Handslag's database (the worker's outbox, the case list)
//	HANDSLAG_E2E_CONTROL     a program taking restart-server, kill-worker or start-worker
//	HANDSLAG_E2E_WORKER_URL  the worker's /metrics, /healthz, /readyz base URL
//	HANDSLAG_E2E_WEB_URL     the web server's base URL
//	HANDSLAG_E2E_CERTS       the proof's certificates (scripts/make-certs DIR --bad)
//	HANDSLAG_E2E_TEMPORAL_DATABASE, HANDSLAG_E2E_VISIBILITY_DATABASE  Temporal's databases
//
// The test process reaches Temporal as the other processes do: TEMPORAL_* (mutual TLS) and
// HANDSLAG_CODEC_KEYS from the environment (config.ClientFromEnv).
type external struct {
	address, database, control, workerURL, webURL string
	certs, temporalDB, visibilityDB               string
	options                                       client.Options
}

func externalFromEnv(t *testing.T) *external {
	address := os.Getenv("HANDSLAG_E2E_ADDRESS")
	if address == "" {
		return nil
	}
	e := &external{address: address, database: os.Getenv("HANDSLAG_E2E_DATABASE"), control: os.Getenv("HANDSLAG_E2E_CONTROL"),
		workerURL: os.Getenv("HANDSLAG_E2E_WORKER_URL"), webURL: os.Getenv("HANDSLAG_E2E_WEB_URL"),
		certs: os.Getenv("HANDSLAG_E2E_CERTS"), temporalDB: os.Getenv("HANDSLAG_E2E_TEMPORAL_DATABASE"),
		visibilityDB: os.Getenv("HANDSLAG_E2E_VISIBILITY_DATABASE")}
	if e.database == "" {
		t.Fatal("HANDSLAG_E2E_ADDRESS is set but HANDSLAG_E2E_DATABASE (Handslag's database) is not")
	}
	c, err := config.ClientFromEnv()
	require.NoError(t, err, "the Temporal client settings of the environment")
	e.options, err = c.Options()
	require.NoError(t, err, "the Temporal client settings of the environment")
	e.options.Logger = logging.SDK(zap.NewNop())
	return e
}

func startExternal(t *testing.T, e *external) *system {
	a, err := admin.Dial(context.Background(), e.address, contract.Namespace, e.options)
	require.NoError(t, err, "HANDSLAG_E2E_ADDRESS=%s", e.address)
	db, err := store.Open(context.Background(), e.database)
	require.NoError(t, err, "HANDSLAG_E2E_DATABASE")
	s := &system{t: t, address: e.address, admin: a, db: db, ext: e}
	var once sync.Once
	s.Stop = func() { once.Do(func() { a.Close(); db.Close() }) }
	t.Cleanup(s.Stop)
	return s
}

// runSuffix and idCount keep initiative IDs apart between tests and runs against the same
// external database.
var (
	runSuffix = fmt.Sprintf("%x", time.Now().UnixNano()%0xffffffff)
	idCount   atomic.Int64
)

// id returns the initiative ID a test uses: base itself on a fresh in-process server, base with
// a suffix unique to this call against an external server, whose database outlives the test.
func (s *system) id(base string) string {
	if s.ext == nil {
		return base
	}
	return fmt.Sprintf("%s-%s-%d", base, runSuffix, idCount.Add(1))
}

// mail returns the messages in the worker's outbox about one initiative (the idempotency keys
// name it), so tests sharing an external worker see only their own.
func (s *system) mail(id string) []mail.Message {
	s.t.Helper()
	var mine []mail.Message
	for _, m := range s.messages() {
		if strings.Contains(m.Key, "/"+id+"/") {
			mine = append(mine, m)
		}
	}
	return mine
}

// requireProcessControl skips a test that restarts or kills processes unless it runs against
// an external system that lets it (scripts/postgres-proof).
func (s *system) requireProcessControl() {
	s.t.Helper()
	if s.ext == nil || s.ext.control == "" {
		s.t.Skip("needs a server and worker in their own processes: run scripts/postgres-proof")
	}
}

func (s *system) control(action string) {
	s.t.Helper()
	start := time.Now()
	out, err := exec.Command(s.ext.control, action).CombinedOutput()
	require.NoError(s.t, err, "%s %s:\n%s", s.ext.control, action, out)
	s.t.Logf("%s took %s", action, time.Since(start).Round(time.Millisecond))
}

// restartServerAndKillWorker does to the running system what production must survive, while
// work is in flight: it kills the worker with SIGKILL (it can finish nothing it holds), restarts
// the Temporal server process on the same database, runs whileWorkerDown (messages sent then
// must wait in Temporal, not be lost), and starts the worker again, returning once it polls.
// Any test can call it at the moment that matters, e.g. while an offer round is open.
func (s *system) restartServerAndKillWorker(whileWorkerDown func()) {
	s.t.Helper()
	s.requireProcessControl()
	s.control("kill-worker")
	s.control("restart-server")
	if whileWorkerDown != nil {
		whileWorkerDown()
	}
	s.control("start-worker")
}
