// Command handslag-worker runs the Handslag worker against a Temporal server given by
// TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE. Run as many as you like: they share the task queue.
package main

import (
	"context"
	"os"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/worker"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.uber.org/zap"
)

func main() {
	logger := logging.New()
	defer func() { _ = logger.Sync() }()
	t := config.TemporalFromEnv()
	a, err := admin.Dial(context.Background(), t.Address, t.Namespace, client.Options{Logger: logging.SDK(logger)})
	if err != nil {
		logger.Error("cannot reach Temporal", zap.String("address", t.Address), zap.Error(err))
		os.Exit(1)
	}
	defer a.Close()
	w, err := worker.New(a.Temporal, config.WorkerFromEnv())
	if err != nil {
		logger.Error("worker", zap.Error(err))
		os.Exit(1)
	}
	logger.Info("worker started", zap.String("address", t.Address), zap.String("namespace", t.Namespace))
	if err := w.Run(sdkworker.InterruptCh()); err != nil {
		logger.Error("worker stopped", zap.Error(err))
		os.Exit(1)
	}
}
