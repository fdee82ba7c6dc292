package console

import (
	"errors"
	"net/http"

	"github.com/skr/handslag/signin"
	"go.uber.org/zap"
)

// signIn sends the browser to the identity provider; tillbaka is where to come back to.
func (c *Console) signIn(w http.ResponseWriter, r *http.Request) {
	if p, ok := c.cfg.SignIn.Person(r.Context()); ok {
		http.Redirect(w, r, signin.LocalPath(r.URL.Query().Get("tillbaka")), http.StatusSeeOther)
		_ = p
		return
	}
	u, err := c.cfg.SignIn.Begin(r.Context(), r.URL.Query().Get("tillbaka"))
	if err != nil {
		c.cfg.Logger.Warn("console: the identity provider cannot be reached", zap.Error(err))
		c.message(w, r, nil, http.StatusBadGateway, "console.signin.provider")
		return
	}
	http.Redirect(w, r, u, http.StatusSeeOther)
}

// callback is where the provider sends the browser back with a code.
func (c *Console) callback(w http.ResponseWriter, r *http.Request) {
	p, back, err := c.cfg.SignIn.Finish(r.Context(), r.URL.Query())
	switch {
	case err == nil:
		c.cfg.Logger.Info("console: signed in", zap.String("by", p.ID), zap.Any("roles", p.Roles()))
		http.Redirect(w, r, back, http.StatusSeeOther)
	case errors.Is(err, signin.ErrNoRole):
		c.cfg.Logger.Info("console: sign-in without a role", zap.String("by", p.ID))
		c.message(w, r, nil, http.StatusForbidden, "console.signin.no_role", "id", p.ID)
	case errors.Is(err, signin.ErrState):
		c.message(w, r, nil, http.StatusBadRequest, "console.signin.state")
	default:
		c.cfg.Logger.Warn("console: sign-in failed", zap.Error(err))
		c.message(w, r, nil, http.StatusBadGateway, "console.signin.provider")
	}
}

// signOut ends the session here and at the provider.
func (c *Console) signOut(w http.ResponseWriter, r *http.Request) {
	next, err := c.cfg.SignIn.End(r.Context(), c.cfg.BaseURL+"/konsol/utloggad")
	if err != nil {
		c.cfg.Logger.Warn("console: sign-out", zap.Error(err))
	}
	if next == "" {
		next = "/konsol/utloggad"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (c *Console) signedOut(w http.ResponseWriter, r *http.Request) {
	c.message(w, r, nil, http.StatusOK, "console.signed_out")
}
