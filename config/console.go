package config

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/skr/handslag/signin"
)

// Defaults of the console's sign-in and sessions.
const (
	DefaultOIDCScopes      = "openid email profile"
	DefaultSessionIdle     = 30 * time.Minute
	DefaultSessionLifetime = 12 * time.Hour
)

// Console is the console's sign-in: the OpenID Connect relying party and the sessions. Zero
// Issuer: no provider is configured and the console says so.
type Console struct {
	OIDC signin.Config
	// SessionIdle and SessionLifetime bound a session.
	SessionIdle, SessionLifetime time.Duration
	// CodecOrigin is the Temporal Web UI's address, the only browser origin the codec server
	// answers (HANDSLAG_CODEC_ORIGIN; empty: none, so only non-browser callers).
	CodecOrigin string
}

// Enabled reports whether an identity provider is configured.
func (c Console) Enabled() bool { return c.OIDC.Issuer != "" }

// LoadConsole reads the console's settings; the redirect URL is <base URL>/konsol/inloggning.
// With an issuer, a client ID, a secret and a role mapping are required.
func LoadConsole(env Lookup, baseURL string) (Console, error) {
	c := Console{SessionIdle: DefaultSessionIdle, SessionLifetime: DefaultSessionLifetime}
	var err error
	if c.SessionIdle, err = duration(env, EnvSessionIdle, DefaultSessionIdle); err != nil {
		return Console{}, err
	}
	if c.SessionLifetime, err = duration(env, EnvSessionLifetime, DefaultSessionLifetime); err != nil {
		return Console{}, err
	}
	c.CodecOrigin = strings.TrimRight(get(env, EnvCodecOrigin, ""), "/")
	if c.CodecOrigin != "" {
		if err := CheckBaseURL(EnvCodecOrigin, c.CodecOrigin); err != nil {
			return Console{}, err
		}
	}
	issuer := strings.TrimRight(get(env, EnvOIDCIssuer, ""), "/")
	if issuer == "" {
		return c, nil
	}
	if err := CheckBaseURL(EnvOIDCIssuer, issuer); err != nil {
		return Console{}, err
	}
	o := signin.Config{Issuer: issuer, ClientID: get(env, EnvOIDCClientID, ""), RedirectURL: baseURL + "/konsol/inloggning",
		Scopes: strings.Fields(get(env, EnvOIDCScopes, DefaultOIDCScopes)), IDClaim: get(env, EnvOIDCIDClaim, "email"),
		RoleClaim: get(env, EnvOIDCRoleClaim, "groups")}
	if o.ClientID == "" {
		return Console{}, &SettingError{Setting: EnvOIDCClientID, Problem: "is required with " + EnvOIDCIssuer}
	}
	o.ClientSecret = get(env, EnvOIDCClientSecret, "")
	if file := get(env, EnvOIDCClientSecretFile, ""); file != "" && o.ClientSecret == "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return Console{}, &SettingError{Setting: EnvOIDCClientSecretFile, Value: file, Problem: "cannot be read: " + err.Error()}
		}
		o.ClientSecret = strings.TrimSpace(string(b))
	}
	if o.ClientSecret == "" {
		return Console{}, &SettingError{Setting: EnvOIDCClientSecret, Problem: "is required with " + EnvOIDCIssuer}
	}
	roles := get(env, EnvOIDCRoles, "")
	if o.Roles, err = signin.ParseRoleMap(roles); err != nil {
		return Console{}, &SettingError{Setting: EnvOIDCRoles, Value: roles, Problem: err.Error()}
	}
	if len(o.Roles) == 0 {
		return Console{}, &SettingError{Setting: EnvOIDCRoles, Problem: "is required with " + EnvOIDCIssuer + ": nobody would have a role"}
	}
	c.OIDC = o
	return c, nil
}

// positive reads a whole number of at least 1 (def when not set).
func positive(env Lookup, name string, def int) (int, error) {
	v := get(env, name, "")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &SettingError{Setting: name, Value: v, Problem: "must be a whole number of at least 1, e.g. 1000"}
	}
	return n, nil
}

func duration(env Lookup, name string, def time.Duration) (time.Duration, error) {
	v := get(env, name, "")
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, &SettingError{Setting: name, Value: v, Problem: "must be a duration, e.g. 30m or 12h"}
	}
	return d, nil
}
