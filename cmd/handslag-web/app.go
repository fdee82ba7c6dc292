package main

import (
	"net/http"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"go.uber.org/zap"
)

// app is the web application: every path except /healthz, /readyz and /metrics.
//
// >>> MOUNT THE WEB PACKAGE HERE. <<<
// Replace the body with the real handler, e.g. `return web.New(a, cfg, logger)`. It gets the
// Temporal client (a), the web settings (listen address, base URL) and the logger; the
// operator endpoints and request metrics around it stay as they are (see newHandler).
func app(a *admin.Client, cfg config.Web, logger *zap.Logger) http.Handler {
	_ = a
	return withCaseList(http.NotFoundHandler(), cfg, logger)
}
