package main

import (
	"net/http"
	"path/filepath"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/web"
	"go.uber.org/zap"
)

// withLocalCaseList adds the public case list (/arenden, .json, .csv) beside next, read from
// the directory the local worker writes (<data>/cases).
func withLocalCaseList(next http.Handler, dataDir string, logger *zap.Logger) http.Handler {
	return web.WithCaseList(next,
		web.CaseListConfig{Cases: cases.ReadOnly(filepath.Join(dataDir, "cases")), Logger: logger})
}
