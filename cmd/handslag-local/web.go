package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/web"
	"go.uber.org/zap"
)

// localWeb is the local system's web pages: the public case list, read from the directory
// the worker writes (<data>/cases). Other pages are added beside it here.
func localWeb(dataDir string, logger *zap.Logger) http.Handler {
	return web.WithCaseList(http.NotFoundHandler(),
		web.CaseListConfig{Cases: cases.ReadOnly(filepath.Join(dataDir, "cases")), Logger: logger})
}

// serveWeb listens on addr and serves h until the returned stop is called.
func serveWeb(addr string, h http.Handler, logger *zap.Logger) (stop func(), err error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("webbsidorna: %w (välj en annan port med --web-port)", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("web server stopped", zap.Error(err))
		}
	}()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}
