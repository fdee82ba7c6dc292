package main

import (
	"context"
	"fmt"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/telemetry"
	"go.uber.org/zap"
)

// answerForm is the running answer form and the base URL of the links that lead to it.
type answerForm struct {
	baseURL string
	stop    func()
}

// startAnswerForm serves the municipalities' answer form on port, with its keys in the data
// directory (the worker signs the links with the same answerlink.key).
func startAnswerForm(a *admin.Client, dataDir string, port int, logger *zap.Logger) (answerForm, error) {
	secrets, err := offerweb.LoadSecrets(dataDir)
	if err != nil {
		return answerForm{}, err
	}
	h, err := offerweb.NewHandler(a, secrets, logger)
	if err == nil { // the unsubscribe pages of the implementation e-mails (/avsluta/<token>)
		h, err = offerweb.WithUnsubscribe(h, a, secrets, logger)
	}
	if err != nil {
		return answerForm{}, err
	}
	srv, err := telemetry.Start(fmt.Sprintf(":%d", port), withLocalCaseList(h, dataDir, logger), logger)
	if err != nil {
		return answerForm{}, fmt.Errorf("%w (välj en annan port med --web-port)", err)
	}
	return answerForm{baseURL: fmt.Sprintf("http://localhost:%d", port), stop: func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}}, nil
}
