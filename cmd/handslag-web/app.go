package main

import (
	"net/http"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"go.uber.org/zap"
)

// app is the web application: every path except /healthz, /readyz and /metrics. It gets the
// Temporal client (a), the web settings (listen address, base URL) and the logger; the
// operator endpoints and request metrics around it stay as they are (see newHandler).
// The answer form (answers.go) serves /svar/ and, for now, every other path; the public case
// list (cases.go) serves /arenden.
func app(a *admin.Client, cfg config.Web, logger *zap.Logger) (http.Handler, error) {
	h, err := answerForm(a, logger)
	if err != nil {
		return nil, err
	}
	return withCaseList(h, cfg, logger), nil
}
