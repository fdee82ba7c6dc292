package main

import (
	"net/http"
	"os"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/offerweb"
	"go.uber.org/zap"
)

// answerForm is the municipalities' answer form (/svar/<token>), with the unsubscribe pages
// of the implementation e-mails (/avsluta/<token>) beside it. Its keys come from
// HANDSLAG_LINK_SECRET and HANDSLAG_FORM_SECRET, or from key files in HANDSLAG_DATA (default
// .handslag), which the worker must share for the link key (docker-compose mounts one volume
// in both).
func answerForm(a *admin.Client, logger *zap.Logger) (http.Handler, error) {
	dataDir := os.Getenv("HANDSLAG_DATA")
	if dataDir == "" {
		dataDir = config.DefaultDataDir
	}
	secrets, err := offerweb.LoadSecrets(dataDir)
	if err != nil {
		return nil, err
	}
	h, err := offerweb.NewHandler(a, secrets, logger)
	if err != nil {
		return nil, err
	}
	return offerweb.WithUnsubscribe(h, a, secrets, logger)
}
