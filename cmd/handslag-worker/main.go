// Command handslag-worker runs the Handslag worker against a Temporal server. Run as many as you
// like: they share the task queue.
//
//	handslag-worker [flags]             run the worker; /metrics, /healthz, /readyz on --metrics-addr
//	handslag-worker bootstrap [flags]   register the namespace and search attributes, then exit
//	handslag-worker probe URL           exit 0 when URL answers 200 (container health checks)
//
// Temporal is found the way the Temporal CLI finds it: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// TEMPORAL_API_KEY, TEMPORAL_TLS_* (or the CLI's config file and profile), or the same flags.
package main

import (
	"context"
	"flag"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/telemetry"
	"github.com/skr/handslag/worker"
	"go.uber.org/zap"
)

func main() {
	args := os.Args[1:]
	cmd := "run"
	if len(args) > 0 && (args[0] == "bootstrap" || args[0] == "probe" || args[0] == "run") {
		cmd, args = args[0], args[1:]
	}
	logger := logging.New(config.LoadLogging(config.OS))
	defer func() { _ = logger.Sync() }()
	var err error
	switch cmd {
	case "probe":
		err = telemetry.ProbeCommand(args)
	case "bootstrap":
		err = bootstrap(logger, args)
	default:
		err = run(logger, args)
	}
	if err != nil {
		logger.Error("handslag-worker "+cmd+" failed", zap.Error(err))
		os.Exit(1)
	}
}

// clientFlags parses the connection flags (and extra ones) and resolves the client settings.
func clientFlags(name string, args []string, extra func(fs *flag.FlagSet)) (*config.Client, error) {
	fs := flag.NewFlagSet("handslag-worker "+name, flag.ContinueOnError)
	extra(fs)
	return config.ClientFromArgs(fs, args)
}

func run(logger *zap.Logger, args []string) error {
	metricsDefault, err := config.MetricsAddr(config.OS)
	if err != nil {
		return err
	}
	settings, err := config.LoadWorker(config.OS)
	if err != nil {
		return err
	}
	var metricsAddr string
	c, err := clientFlags("run", args, func(fs *flag.FlagSet) {
		fs.StringVar(&metricsAddr, "metrics-addr", metricsDefault, "where /metrics, /healthz and /readyz answer (HANDSLAG_METRICS_ADDR)")
	})
	if err != nil {
		return err
	}
	if err := config.CheckHostPort("HANDSLAG_METRICS_ADDR (--metrics-addr)", metricsAddr, ":9090"); err != nil {
		return err
	}
	opts, err := c.Options()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p, err := worker.StartProcess(ctx, worker.ProcessOptions{
		Client: opts, Worker: settings, MetricsAddr: metricsAddr, Logger: logger})
	if err != nil {
		return err
	}
	<-ctx.Done()
	logger.Info("stopping the worker")
	p.Stop()
	return nil
}

func bootstrap(logger *zap.Logger, args []string) error {
	var retention, wait time.Duration
	// The retention the privacy page publishes is the one Temporal applies.
	facts, err := config.Legal(config.OS)
	if err != nil {
		return err
	}
	c, err := clientFlags("bootstrap", args, func(fs *flag.FlagSet) {
		fs.DurationVar(&retention, "retention", time.Duration(facts.Retention.HistoryDays)*24*time.Hour,
			"how long closed initiatives stay in the namespace (default: history_days of HANDSLAG_LEGAL_FILE)")
		fs.DurationVar(&wait, "wait", 3*time.Minute, "how long to wait for the Temporal server")
	})
	if err != nil {
		return err
	}
	opts, err := c.Options()
	if err != nil {
		return err
	}
	opts.Logger = logging.SDK(logger.WithOptions(zap.IncreaseLevel(zap.WarnLevel)))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	report := func(err error) { logger.Info("waiting for Temporal", zap.Error(err)) }
	a, err := admin.DialWait(ctx, opts, report)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := admin.Bootstrap(ctx, a.Temporal, opts.Namespace, retention, report); err != nil {
		return err
	}
	logger.Info("namespace and search attributes ready", zap.String("namespace", opts.Namespace))
	return nil
}
