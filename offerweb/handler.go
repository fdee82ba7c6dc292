package offerweb

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/web"
	"go.temporal.io/sdk/client"
	"go.uber.org/zap"
)

// The form secret signs the keys of rendered forms (see web.Config.FormSecret). It must stay
// the same across restarts and be shared by every web server instance, or a form rendered
// before a restart is shown again instead of being recorded.
const (
	EnvFormSecret = "HANDSLAG_FORM_SECRET"
	FormKeyFile   = "formkey.key"
)

// Secrets are the keys the answer form needs: the link key (the same the worker signs links
// with) and the form secret.
type Secrets struct {
	Link, Form []byte
}

// LoadSecrets reads HANDSLAG_LINK_SECRET and HANDSLAG_FORM_SECRET, and for each one not set
// uses (creating it on first use) a key file in dataDir: answerlink.key, which the worker of
// the local system uses too, and formkey.key.
func LoadSecrets(dataDir string) (Secrets, error) {
	link, err := answerlink.LoadKey(answerlink.EnvSecret, filepath.Join(dataDir, answerlink.KeyFile))
	if err != nil {
		return Secrets{}, fmt.Errorf("answer link key: %w", err)
	}
	form, err := answerlink.LoadKey(EnvFormSecret, filepath.Join(dataDir, FormKeyFile))
	if err != nil {
		return Secrets{}, fmt.Errorf("form secret: %w", err)
	}
	return Secrets{Link: link, Form: form}, nil
}

// NewHandler is the answer form served over the offer rounds of the Temporal client in a.
func NewHandler(a *admin.Client, secrets Secrets, logger *zap.Logger) (http.Handler, error) {
	signer, err := answerlink.NewSigner(secrets.Link)
	if err != nil {
		return nil, err
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	return web.New(web.Config{
		Verifier:   Links{Signer: signer},
		Offers:     New(AdminBackend{Admin: a}, Options{}),
		FormSecret: secrets.Form,
		Ready: func(ctx context.Context) error {
			_, err := a.Temporal.CheckHealth(ctx, &client.CheckHealthRequest{})
			return err
		},
		Logger: logger,
	}), nil
}
