package main

import (
	"net/http"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/web"
	"go.uber.org/zap"
)

// withCaseList adds the public case list (/arenden, .json, .csv) beside next. It reads the
// directory the workers write (HANDSLAG_CASES_DIR, a shared volume in docker-compose.yml).
func withCaseList(next http.Handler, cfg config.Web, logger *zap.Logger) http.Handler {
	return web.WithCaseList(next, web.CaseListConfig{Cases: cases.ReadOnly(cfg.CasesDir), Logger: logger})
}
