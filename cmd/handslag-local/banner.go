package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/devserver"
	"github.com/skr/handslag/i18n"
	"github.com/skr/handslag/internal/demoidp"
)

// printBanner tells a new user where everything is and what to try next, in the catalogue's
// words: the console and who to sign in as first. When the Temporal port is not the default,
// every CLI example carries the --address to use.
func printBanner(w io.Writer, f flags, srv *devserver.Server, baseURL string, sealed bool) {
	payloads := i18n.T(i18n.Swedish, "local.payloads.clear")
	if sealed {
		payloads = i18n.T(i18n.Swedish, "local.payloads.sealed")
	}
	address := ""
	if srv.FrontendAddr != config.DefaultAddress {
		address = " --address " + srv.FrontendAddr
	}
	var people []string
	for _, p := range demoidp.People {
		people = append(people, i18n.T(i18n.Swedish, "local.banner.person", "name", p.Name, "role", i18n.T(i18n.Swedish, p.RoleKey)))
	}
	fmt.Fprintln(w, i18n.T(i18n.Swedish, "local.banner",
		"ui", fmt.Sprintf("http://%s/namespaces/%s/workflows", srv.UIAddr, contract.Namespace),
		"server", srv.FrontendAddr, "namespace", contract.Namespace, "base", baseURL,
		"people", strings.Join(people, "\n"), "payloads", payloads,
		"data", filepath.Clean(f.dataDir), "schedule", contract.ScheduleID, "address", address))
}
