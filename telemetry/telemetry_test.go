package telemetry

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func serve(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, err := io.ReadAll(rec.Result().Body)
	require.NoError(t, err)
	return rec.Code, string(body)
}

func TestReadinessNamesWhatFails(t *testing.T) {
	var dbErr error
	mux := http.NewServeMux()
	Routes(mux, nil,
		Check{Name: "temporal", Run: func(context.Context) error { return nil }},
		Check{Name: "database", Run: func(context.Context) error { return dbErr }})

	code, body := serve(t, mux, "/healthz")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok\n", body)

	code, body = serve(t, mux, "/readyz")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ready\n", body)

	dbErr = errors.New("connection refused")
	code, body = serve(t, mux, "/readyz")
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Contains(t, body, "database: connection refused")
	assert.NotContains(t, body, "temporal")
}

func TestMetricsCountHTTPRequests(t *testing.T) {
	m, err := NewMetrics("test", zap.NewNop())
	require.NoError(t, err)
	app := http.NewServeMux()
	app.HandleFunc("/ok", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "hej") })
	h := m.InstrumentHTTP(app)
	serve(t, h, "/ok")
	serve(t, h, "/ok")
	serve(t, h, "/missing")

	mux := http.NewServeMux()
	Routes(mux, m)
	code, body := serve(t, mux, "/metrics")
	assert.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, `http_server_requests_total{code="200",method="GET",service="test"} 2`)
	assert.Contains(t, body, `http_server_requests_total{code="404",method="GET",service="test"} 1`)
	assert.Contains(t, body, `http_server_request_duration_seconds_count{code="200",method="GET",service="test"} 2`)
	assert.Contains(t, body, "process_cpu_seconds_total")
}

func TestProbe(t *testing.T) {
	mux := http.NewServeMux()
	ready := false
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !ready {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()
	assert.ErrorContains(t, Probe(ctx, srv.URL+"/readyz"), "503")
	ready = true
	assert.NoError(t, Probe(ctx, srv.URL+"/readyz"))
	srv.Close()
	assert.Error(t, Probe(ctx, srv.URL+"/readyz"))
}
