// Package telemetry is what our long-running processes show an operator: Prometheus metrics
// (the Temporal SDK's own, through its OpenTelemetry handler, plus Go runtime, process and HTTP
// metrics), /healthz and /readyz, and a small probe for container health checks.
package telemetry

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/otel/attribute"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	"go.opentelemetry.io/otel/metric"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.temporal.io/sdk/client"
	temporalotel "go.temporal.io/sdk/contrib/opentelemetry"
	"go.uber.org/zap"
)

// Metrics is one Prometheus registry per process, fed by OpenTelemetry.
type Metrics struct {
	registry *prometheus.Registry
	provider *sdkmetric.MeterProvider
	meter    metric.Meter
	// SDK goes into client.Options.MetricsHandler: the SDK then reports its workers' polls,
	// task latencies, activity and workflow outcomes (temporal_* series).
	SDK client.MetricsHandler
}

// NewMetrics builds the registry. service names the process in the "service" label every series
// carries.
func NewMetrics(service string, logger *zap.Logger) (*Metrics, error) {
	reg := prometheus.NewRegistry()
	labelled := prometheus.WrapRegistererWith(prometheus.Labels{"service": service}, reg)
	labelled.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	exporter, err := otelprom.New(otelprom.WithRegisterer(labelled), otelprom.WithoutScopeInfo(), otelprom.WithoutTargetInfo())
	if err != nil {
		return nil, err
	}
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exporter))
	m := &Metrics{registry: reg, provider: provider, meter: provider.Meter("github.com/skr/handslag")}
	m.SDK = temporalotel.NewMetricsHandler(temporalotel.MetricsHandlerOptions{
		Meter:                provider.Meter("temporal-sdk-go"),
		UseMonotonicCounters: true,
		// The default panics; a metric that cannot be recorded must not stop the worker.
		OnError: func(err error) { logger.Warn("recording a metric failed", zap.Error(err)) },
	})
	return m, nil
}

// Handler serves the registry in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Shutdown flushes and stops the meter provider.
func (m *Metrics) Shutdown(ctx context.Context) error { return m.provider.Shutdown(ctx) }

// InstrumentHTTP counts requests and their durations by method and status code
// (http_server_requests_total, http_server_request_duration_seconds).
func (m *Metrics) InstrumentHTTP(next http.Handler) http.Handler {
	count, _ := m.meter.Int64Counter("http_server_requests", metric.WithDescription("HTTP requests served"))
	dur, _ := m.meter.Float64Histogram("http_server_request_duration", metric.WithUnit("s"),
		metric.WithDescription("time to serve an HTTP request"))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		attrs := metric.WithAttributes(attribute.String("method", r.Method), attribute.String("code", strconv.Itoa(rec.status)))
		count.Add(r.Context(), 1, attrs)
		dur.Record(r.Context(), time.Since(start).Seconds(), attrs)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the real writer (flushing, deadlines).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
