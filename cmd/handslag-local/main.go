// Command handslag-local runs the whole system in one process with no Docker: a real Temporal
// server on SQLite in a data directory (a restart keeps every initiative and timer), the
// Temporal Web UI, the Handslag worker, and the web pages, with Handslag's own data in an
// SQLite database beside Temporal's. The namespace, search attributes and the annual cycle's
// Schedule are set up automatically.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/internal/demoidp"
	"github.com/skr/handslag/logging"
	"github.com/skr/handslag/signin"
	"github.com/skr/handslag/site"
	"github.com/skr/handslag/telemetry"
	webpages "github.com/skr/handslag/web"
	"github.com/skr/handslag/worker"
	"go.temporal.io/sdk/client"
	"go.uber.org/zap"
)

// flags are the local system's own settings; everything else is read as every process does
// (package config).
type flags struct {
	dataDir               string
	port, uiPort, webPort int
}

func main() {
	var f flags
	flag.StringVar(&f.dataDir, "data", config.DefaultDataDir, t("local.flag.data"))
	flag.IntVar(&f.port, "port", 7233, t("local.flag.port"))
	flag.IntVar(&f.uiPort, "ui-port", 8233, t("local.flag.ui_port"))
	flag.IntVar(&f.webPort, "web-port", 8080, t("local.flag.web_port"))
	flag.Parse()
	if err := run(f); err != nil {
		fmt.Fprintln(os.Stderr, t("local.failed", "error", err))
		os.Exit(1)
	}
}

func run(f flags) error {
	logger := logging.New(config.LoadLogging(config.OS))
	defer func() { _ = logger.Sync() }()
	env := config.With(config.OS, map[string]string{
		config.EnvData:    f.dataDir,
		config.EnvBaseURL: fmt.Sprintf("http://localhost:%d", f.webPort),
	})
	settings, err := config.LoadWorker(env)
	if err != nil {
		return err
	}
	web, err := config.LoadWeb(env)
	if err != nil {
		return err
	}
	ctx := context.Background()
	db, err := worker.OpenStore(ctx, settings.DatabaseURL, f.dataDir, logger)
	if err != nil {
		return err
	}
	defer db.Close()

	temporalDir := filepath.Join(f.dataDir, "temporal")
	_, statErr := os.Stat(filepath.Join(temporalDir, "temporal.db"))
	if errors.Is(statErr, os.ErrNotExist) {
		fmt.Println(t("local.starting_first"))
	} else {
		fmt.Println(t("local.starting"))
	}
	srv, err := devserver.Start(devserver.Options{
		DataDir: temporalDir, Namespace: contract.Namespace,
		FrontendPort: f.port, UIPort: f.uiPort, SearchAttributes: contract.SearchAttributes, HistoryCache: devserver.DefaultHistoryCache,
		WorkflowCache: settings.WorkflowCache,
	})
	if err != nil {
		return fmt.Errorf("%w (%s)", err, t("local.ports_taken", "port", f.port, "ui_port", f.uiPort))
	}
	defer srv.Stop()
	// Payloads are sealed when HANDSLAG_CODEC_KEYS is set, as in production.
	ring, err := config.Codec(env)
	if err != nil {
		return err
	}
	a, err := admin.Dial(ctx, srv.FrontendAddr, contract.Namespace, client.Options{
		Logger: logging.SDK(logger.WithOptions(zap.IncreaseLevel(zap.WarnLevel))), DataConverter: config.DataConverter(ring)})
	if err != nil {
		return err
	}
	defer a.Close()
	if err := admin.EnsureSearchAttributes(ctx, a.Temporal, contract.Namespace); err != nil {
		return err
	}
	// The retention the privacy page publishes is the one Temporal applies.
	if err := admin.EnsureNamespace(ctx, a.Temporal, contract.Namespace, time.Duration(web.Legal.Retention.HistoryDays)*24*time.Hour); err != nil {
		return err
	}
	// The console signs in through its own, real OpenID Connect provider: the same code as
	// in production, with demo people instead of an organisation's directory.
	idp, err := demoidp.New(demoidp.Options{BaseURL: web.BaseURL, Path: webpages.DemoIdentityProviderPath,
		RedirectURL: web.BaseURL + "/konsol/inloggning", AfterSignOut: web.BaseURL + "/konsol/utloggad"})
	if err != nil {
		return err
	}
	parties, err := contacts.PartiesIn(settings.RefdataDir)
	if err != nil {
		return err
	}
	roles, err := signin.ParseRoleMap(demoidp.RoleMap)
	if err != nil {
		return err
	}
	pages, err := site.New(site.Deps{Admin: a, Cases: db, LinkKeys: web.LinkKeys, FormKey: web.FormKey, Logger: logger,
		SignIn: signin.Config{Issuer: idp.Issuer, ClientID: demoidp.ClientID, ClientSecret: idp.ClientSecret,
			RedirectURL: web.BaseURL + "/konsol/inloggning", Scopes: []string{"openid", "email", "profile", demoidp.GroupsScope}, Roles: roles},
		Sessions: db.Sessions(), BaseURL: web.BaseURL, AllowDemo: true, IdentityProvider: idp,
		Addresses: db, People: db, Parties: parties, Codec: ring, Legal: &web.Legal})
	if err != nil {
		return err
	}
	webSrv, err := telemetry.Start(fmt.Sprintf(":%d", f.webPort), pages, logger)
	if err != nil {
		return fmt.Errorf("%w (%s)", err, t("local.web_port_taken"))
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = webSrv.Shutdown(ctx)
	}()
	w, err := worker.New(a.Temporal, settings, db)
	if err != nil {
		return err
	}
	if err := w.Start(); err != nil {
		return err
	}
	defer w.Stop()
	// The retention periods the privacy page publishes, enforced on the database.
	sweep, stopSweep := context.WithCancel(ctx)
	defer stopSweep()
	go worker.KeepRetention(sweep, db, settings.Legal.Retention, worker.RetentionEvery, logger)
	// The annual cycle's Schedule: created on the first start, left as it is afterwards.
	if _, err := a.CreateScheduleIfMissing(ctx, admin.CycleSchedule{At: admin.DefaultScheduleAt,
		CatchupWindow: admin.DefaultCatchupWindow, Launch: contract.LauncherInput{Config: config.DefaultCycleConfig()}}); err != nil {
		return fmt.Errorf("%s: %w", t("local.schedule"), err)
	}
	printBanner(os.Stdout, f, srv, settings.BaseURL, ring != nil)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	fmt.Println("\n" + t("local.stopping"))
	return nil
}

// t is the local system's text in Swedish, from the catalogue.
func t(key string, args ...any) string { return i18n.T(i18n.Swedish, key, args...) }
