// Command handslag-web serves Handslag's web pages. It is a separate service from the worker:
// it only talks to Temporal as a client (updates, queries, visibility), so it scales and
// restarts on its own.
//
//	handslag-web [flags]        serve on HANDSLAG_WEB_ADDR (default :8080)
//	handslag-web probe URL      exit 0 when URL answers 200 (container health checks)
//
// Besides the pages it answers /healthz, /readyz (ready = Temporal answers) and /metrics.
// Temporal is found like the Temporal CLI finds it (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// TEMPORAL_API_KEY, TEMPORAL_TLS_*, or the same flags).
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/site"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/telemetry"
	"go.temporal.io/sdk/client"
	"go.uber.org/zap"
)

func main() {
	logger := logging.New(config.LoadLogging(config.OS))
	defer func() { _ = logger.Sync() }()
	var err error
	if len(os.Args) > 1 && os.Args[1] == "probe" {
		err = telemetry.ProbeCommand(os.Args[2:])
	} else {
		err = run(logger, os.Args[1:])
	}
	if err != nil {
		logger.Error("handslag-web failed", zap.Error(err))
		os.Exit(1)
	}
}

func run(logger *zap.Logger, args []string) error {
	web, err := config.LoadWeb(config.OS)
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("handslag-web", flag.ContinueOnError)
	fs.StringVar(&web.Addr, "listen", web.Addr, "where to listen (HANDSLAG_WEB_ADDR)")
	fs.StringVar(&web.BaseURL, "base-url", web.BaseURL, "how users reach the pages (HANDSLAG_BASE_URL)")
	c, err := config.ClientFromArgs(fs, args)
	if err != nil {
		return err
	}
	if err := config.CheckHostPort("HANDSLAG_WEB_ADDR (--listen)", web.Addr, ":8080"); err != nil {
		return err
	}
	opts, err := c.Options()
	if err != nil {
		return err
	}
	metrics, err := telemetry.NewMetrics("handslag-web", logger)
	if err != nil {
		return err
	}
	opts.MetricsHandler = metrics.SDK
	opts.Logger = logging.SDK(logger.WithOptions(zap.IncreaseLevel(zap.WarnLevel)))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The database first: one that cannot be used stops the server before it listens.
	db, err := store.Open(ctx, web.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	dialCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	a, err := admin.DialWait(dialCtx, opts, func(err error) {
		logger.Warn("Temporal not reachable yet", zap.String("address", opts.HostPort), zap.Error(err))
	})
	if err != nil {
		return err
	}
	defer a.Close()

	cons, err := config.LoadConsole(config.OS, web.BaseURL)
	if err != nil {
		return err
	}
	if web.LegalFile == "" {
		logger.Warn("the privacy page and the accessibility statement show the demo facts: set HANDSLAG_LEGAL_FILE (docs/personal-data.md)")
	}
	if !cons.Enabled() {
		logger.Warn("the console is off: no identity provider is configured (HANDSLAG_OIDC_ISSUER)")
	}
	// The same key ring as the client's (c.Options read it): the codec server opens payloads
	// for the Web UI's signed-in staff.
	ring, err := config.Codec(config.OS)
	if err != nil {
		return err
	}
	parties, err := contacts.PartiesIn(web.RefdataDir)
	if err != nil {
		return fmt.Errorf("%s: %w", config.EnvRefdata, err)
	}
	go db.Sessions().Sweep(ctx, 10*time.Minute, func(err error) { logger.Warn("expired sessions not deleted", zap.Error(err)) })
	// Never a demo identity provider or demo calendars here: those are the local system's.
	pages, err := site.New(site.Deps{Admin: a, Cases: db, LinkKeys: web.LinkKeys, FormKey: web.FormKey, Logger: logger,
		SignIn: cons.OIDC, SessionIdle: cons.SessionIdle, SessionLifetime: cons.SessionLifetime, Sessions: db.Sessions(),
		BaseURL: web.BaseURL, Addresses: db, People: db, Parties: parties, Codec: ring, CodecOrigin: cons.CodecOrigin,
		TrustedProxies: web.TrustedProxies, Legal: &web.Legal})
	if err != nil {
		return err
	}
	srv, err := telemetry.Start(web.Addr, newHandler(metrics, pages, temporalCheck(a),
		telemetry.Check{Name: "database", Run: db.Ping}), logger)
	if err != nil {
		return err
	}
	logger.Info("web server started", zap.String("addr", srv.Addr), zap.String("base_url", web.BaseURL),
		zap.String("temporal", opts.HostPort), zap.String("namespace", opts.Namespace))
	select {
	case <-ctx.Done():
	case err := <-srv.Done():
		return err
	}
	shutdownCtx, cancelShutdown := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancelShutdown()
	return srv.Shutdown(shutdownCtx)
}

// newHandler puts the operator endpoints beside the application; every application request is
// counted in the metrics.
func newHandler(metrics *telemetry.Metrics, app http.Handler, checks ...telemetry.Check) http.Handler {
	mux := http.NewServeMux()
	telemetry.Routes(mux, metrics, checks...)
	mux.Handle("/", metrics.InstrumentHTTP(app))
	return mux
}

func temporalCheck(a *admin.Client) telemetry.Check {
	return telemetry.Check{Name: "temporal", Run: func(ctx context.Context) error {
		_, err := a.Temporal.CheckHealth(ctx, &client.CheckHealthRequest{})
		return err
	}}
}
