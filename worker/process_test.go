package worker

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	"go.uber.org/zap"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

// A worker process against a real (in-process) server: alive at once, ready once it polls,
// and its metrics carry the SDK's series.
func TestProcessEndpoints(t *testing.T) {
	srv, err := devserver.Start(devserver.Options{Namespace: contract.Namespace, UIPort: -1, SearchAttributes: contract.SearchAttributes})
	require.NoError(t, err)
	defer srv.Stop()
	p, err := StartProcess(context.Background(), ProcessOptions{
		Client: client.Options{HostPort: srv.FrontendAddr, Namespace: contract.Namespace},
		Worker: config.Worker{DatabaseURL: "sqlite:" + t.TempDir() + "/handslag.db", LeadershipEmail: "ledningen@example.org",
			LinkKeys: answerlink.Single([]byte("a link key of thirty-two bytes!!"))},
		MetricsAddr: "127.0.0.1:0", Logger: zap.NewNop()})
	require.NoError(t, err)
	base := "http://" + p.MetricsAddr

	code, body := get(t, base+"/healthz")
	assert.Equal(t, http.StatusOK, code, body)

	deadline := time.Now().Add(20 * time.Second)
	for {
		code, body = get(t, base+"/readyz")
		if code == http.StatusOK {
			break
		}
		assert.Equal(t, http.StatusServiceUnavailable, code)
		assert.Contains(t, body, "temporal: ")
		require.True(t, time.Now().Before(deadline), "never ready: %s", body)
		time.Sleep(100 * time.Millisecond)
	}
	assert.Contains(t, body, "ready")

	code, body = get(t, base+"/metrics")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, "temporal_request_total")
	assert.Contains(t, body, `service="handslag-worker"`)
	assert.Contains(t, body, `task_queue="handslag"`)
	assert.Contains(t, body, "go_goroutines")

	// Once stopped, it is no longer ready (and no longer listens).
	p.Stop()
	_, err = http.Get(base + "/readyz")
	assert.Error(t, err)
}
