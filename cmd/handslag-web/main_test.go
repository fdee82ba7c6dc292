package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/skr/handslag/telemetry"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func TestOperatorEndpointsBesideTheApp(t *testing.T) {
	m, err := telemetry.NewMetrics("handslag-web", zap.NewNop())
	require.NoError(t, err)
	app := http.NewServeMux()
	app.HandleFunc("GET /initiatives", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "lista") })
	var temporalErr error
	h := newHandler(m, app, telemetry.Check{Name: "temporal", Run: func(context.Context) error { return temporalErr }})
	srv := httptest.NewServer(h)
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	code, body := get("/initiatives")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "lista", body)
	code, _ = get("/healthz")
	assert.Equal(t, http.StatusOK, code)
	code, _ = get("/readyz")
	assert.Equal(t, http.StatusOK, code)
	temporalErr = errors.New("connection refused")
	code, body = get("/readyz")
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Contains(t, body, "temporal: connection refused")
	_, body = get("/metrics")
	assert.Contains(t, body, `http_server_requests_total{code="200",method="GET",service="handslag-web"} 1`)
	assert.NotContains(t, body, `code="503"`, "operator endpoints are not counted as application requests")
}
