// Command handslag-local runs the whole system in one process with no Docker: a real Temporal
// server on SQLite in a data directory (a restart keeps every initiative and timer), the
// Temporal Web UI, and the Handslag worker. The namespace and search attributes are set up
// automatically.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/worker"
	"go.temporal.io/sdk/client"
	"go.uber.org/zap"
)

func main() {
	dataDir := flag.String("data", config.DefaultDataDir, "datakatalog (Temporal-databas, utkorg)")
	port := flag.Int("port", 7233, "Temporal-serverns port")
	uiPort := flag.Int("ui-port", 8233, "Temporal Web UI:s port")
	webPort := flag.Int("web-port", 8080, "webbsidornas port: svarsformuläret (länkarna i e-posten pekar hit) och ärendelistan")
	flag.Parse()
	if err := run(*dataDir, *port, *uiPort, *webPort); err != nil {
		fmt.Fprintln(os.Stderr, "Kunde inte starta:", err)
		os.Exit(1)
	}
}

func run(dataDir string, port, uiPort, webPort int) error {
	logger := logging.New()
	defer func() { _ = logger.Sync() }()
	fmt.Println("Startar Temporal-servern (första starten skapar databasen) ...")
	srv, err := devserver.Start(devserver.Options{
		DataDir: filepath.Join(dataDir, "temporal"), Namespace: contract.Namespace,
		FrontendPort: port, UIPort: uiPort, SearchAttributes: contract.SearchAttributes,
	})
	if err != nil {
		return fmt.Errorf("%w (är porten %d eller %d upptagen? välj andra med --port och --ui-port)", err, port, uiPort)
	}
	defer srv.Stop()
	ctx := context.Background()
	a, err := admin.Dial(ctx, srv.FrontendAddr, contract.Namespace, client.Options{Logger: logging.SDK(logger.WithOptions(zap.IncreaseLevel(zap.WarnLevel)))})
	if err != nil {
		return err
	}
	defer a.Close()
	if err := admin.EnsureSearchAttributes(ctx, a.Temporal, contract.Namespace); err != nil {
		return err
	}
	// The answer form; the links in the offers must lead to it.
	answers, err := startAnswerForm(a, dataDir, webPort, logger)
	if err != nil {
		return err
	}
	defer answers.stop()
	w, err := worker.New(a.Temporal, config.Worker{
		OutboxDir:       filepath.Join(dataDir, "outbox"),
		LeadershipEmail: config.WorkerFromEnv().LeadershipEmail,
		BaseURL:         answers.baseURL,
	})
	if err != nil {
		return err
	}
	if err := w.Start(); err != nil {
		return err
	}
	defer w.Stop()
	// The annual cycle's Schedule: created on the first start, left as it is afterwards.
	if _, err := a.CreateScheduleIfMissing(ctx, admin.CycleSchedule{At: admin.DefaultScheduleAt,
		CatchupWindow: admin.DefaultCatchupWindow, Launch: contract.LauncherInput{Config: config.DefaultCycleConfig()}}); err != nil {
		return fmt.Errorf("schemat för årscykeln: %w", err)
	}

	fmt.Printf(`
Handslag körs lokalt.
  Temporal Web UI:   http://%s/namespaces/%s/workflows
  Temporal-server:   %s (namespace %s)
  Svarsformuläret:   %s/svar/... (länkarna i erbjudandena)
  Ärendelistan:      %s/arenden
  Data:              %s (databas i temporal/, utgående e-post i outbox/)
  Årscykeln:         startas av schemat %s varje år 15 januari 08:00 (handslag cycle help)

Prova så här i ett annat fönster:
  go run ./cmd/handslag register --file examples/need.yaml --demo
  go run ./cmd/handslag list
  go run ./cmd/handslag status gemensam-e-tjanst-for-bygglov

Med --demo varar en kalenderdag en sekund, så ett helt år går på drygt sex minuter.
Stoppa med Ctrl+C; allt finns kvar till nästa start.
`, srv.UIAddr, contract.Namespace, srv.FrontendAddr, contract.Namespace, answers.baseURL, answers.baseURL, dataDir, contract.ScheduleID)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	fmt.Println("\nStänger ned ...")
	return nil
}
