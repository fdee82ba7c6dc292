package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
)

// printBanner tells a new user where everything is and what to try next. When the Temporal
// port is not the default, every CLI example carries the --address to use.
func printBanner(w io.Writer, f flags, srv *devserver.Server, baseURL string) {
	address := ""
	if srv.FrontendAddr != config.DefaultAddress {
		address = " --address " + srv.FrontendAddr
	}
	fmt.Fprintf(w, `
Handslag körs lokalt.
  Temporal Web UI:   http://%s/namespaces/%s/workflows
  Temporal-server:   %s (namespace %s)
  Svarsformuläret:   %s/svar/... (länkarna i erbjudandena)
  Ärendelistan:      %s/arenden
  Data:              %s (Temporal i temporal/, Handslags databas handslag.db med utkorgen)
  Årscykeln:         startas av schemat %s varje år 15 januari 08:00 (handslag cycle help)

Prova så här i ett annat fönster:
  go run ./cmd/handslag register%s --file examples/need.yaml --demo
  go run ./cmd/handslag list%s
  go run ./cmd/handslag status%s gemensam-e-tjanst-for-bygglov

Med --demo varar en kalenderdag en sekund, så ett helt år går på drygt sex minuter.
Stoppa med Ctrl+C; allt finns kvar till nästa start.
`, srv.UIAddr, contract.Namespace, srv.FrontendAddr, contract.Namespace, baseURL, baseURL,
		filepath.Clean(f.dataDir), contract.ScheduleID, address, address, address)
}
