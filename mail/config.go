package mail

import (
	"crypto/tls"
	"fmt"
	netmail "net/mail"
	"time"
)

// TLSMode is how the connection to the SMTP server is encrypted.
type TLSMode string

const (
	TLSNone     TLSMode = "none"     // plain text (a relay on the same host or network)
	TLSStartTLS TLSMode = "starttls" // upgrade with STARTTLS, required (submission, port 587)
	TLSImplicit TLSMode = "tls"      // TLS from the first byte (port 465)
)

// DefaultTimeout bounds connecting and each SMTP command.
const DefaultTimeout = 30 * time.Second

// The environment variables package config reads into a Config.
const (
	EnvHost     = "HANDSLAG_SMTP_HOST"
	EnvPort     = "HANDSLAG_SMTP_PORT"
	EnvTLS      = "HANDSLAG_SMTP_TLS"
	EnvUsername = "HANDSLAG_SMTP_USERNAME"
	EnvPassword = "HANDSLAG_SMTP_PASSWORD"
	EnvFrom     = "HANDSLAG_SMTP_FROM"
)

// Config says how to reach the SMTP server.
type Config struct {
	Host string
	Port int     // 0: the usual port of the TLS mode (25, 587, 465)
	TLS  TLSMode // "": starttls
	// Username and Password, when set, authenticate with the strongest mechanism the server
	// offers; a password is never sent over an unencrypted connection.
	Username string
	Password string
	// From is the sender, "Name <address>" or a bare address; its domain also names the
	// Message-IDs.
	From    string
	Timeout time.Duration // 0: DefaultTimeout
	// TLSConfig overrides the TLS settings (a private CA; tests). Nil: the system's roots.
	TLSConfig *tls.Config
}

// ConfigError names the setting that is wrong and says how to fix it.
type ConfigError struct {
	Setting string
	Problem string
}

func (e *ConfigError) Error() string { return e.Setting + ": " + e.Problem }

// Check checks the settings and fills in defaults. Errors name the environment variable (see
// package config), which is also how a Config built in code is explained.
func (c Config) Check() (Config, error) {
	if c.Host == "" {
		return c, &ConfigError{EnvHost, "the SMTP server's host name is required"}
	}
	switch c.TLS {
	case "":
		c.TLS = TLSStartTLS
	case TLSNone, TLSStartTLS, TLSImplicit:
	default:
		return c, &ConfigError{EnvTLS, fmt.Sprintf("%q is not one of none, starttls, tls", c.TLS)}
	}
	if c.Port == 0 {
		c.Port = map[TLSMode]int{TLSNone: 25, TLSStartTLS: 587, TLSImplicit: 465}[c.TLS]
	}
	if c.Port < 1 || c.Port > 65535 {
		return c, &ConfigError{EnvPort, fmt.Sprintf("%d is not a port number (1-65535)", c.Port)}
	}
	if c.Username == "" && c.Password != "" {
		return c, &ConfigError{EnvUsername, "a password is set but no user name"}
	}
	if c.Username != "" && c.Password == "" {
		return c, &ConfigError{EnvPassword, "a user name is set but no password"}
	}
	if c.From == "" {
		return c, &ConfigError{EnvFrom, "the sender address is required (for example: Handslag <handslag@skr.se>)"}
	}
	if _, err := netmail.ParseAddress(c.From); err != nil {
		return c, &ConfigError{EnvFrom, fmt.Sprintf("%q is not an e-mail address (%v)", c.From, err)}
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	return c, nil
}
