package config

import (
	"net/url"
	"strings"

	"go.temporal.io/sdk/contrib/envconfig"
)

// Defaults of the web server and the worker's metrics endpoint.
const (
	DefaultWebAddr     = ":8080"
	DefaultBaseURL     = "http://localhost:8080"
	DefaultMetricsAddr = ":9090"
)

// Web is what the web server needs besides Temporal.
type Web struct {
	// Addr is where it listens (HANDSLAG_WEB_ADDR, default :8080).
	Addr string
	// BaseURL is how users reach it, for links in e-mails and redirects (HANDSLAG_BASE_URL,
	// default http://localhost:8080); without a trailing slash.
	BaseURL string
	// CasesDir is where the worker keeps the public case list (HANDSLAG_CASES_DIR).
	CasesDir string
}

// WebFromEnv reads and checks the web settings.
func WebFromEnv() (Web, error) { return WebFrom(envconfig.EnvLookupOS) }

// WebFrom reads and checks the web settings from env.
func WebFrom(env lookuper) (Web, error) {
	w := Web{
		Addr:    get(env, "HANDSLAG_WEB_ADDR", DefaultWebAddr),
		BaseURL: strings.TrimRight(get(env, "HANDSLAG_BASE_URL", DefaultBaseURL), "/"),
		// The case list is read here and written by the worker.
		CasesDir: CasesDirFrom(env),
	}
	if err := CheckHostPort("HANDSLAG_WEB_ADDR", w.Addr, ":8080"); err != nil {
		return Web{}, err
	}
	u, err := url.Parse(w.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Web{}, &SettingError{Setting: "HANDSLAG_BASE_URL", Value: w.BaseURL,
			Problem: "must be an absolute http(s) URL, e.g. https://handslag.example.org"}
	}
	return w, nil
}

// MetricsAddrFromEnv reads where the worker serves /metrics, /healthz and /readyz
// (HANDSLAG_METRICS_ADDR, default :9090).
func MetricsAddrFromEnv() (string, error) { return MetricsAddrFrom(envconfig.EnvLookupOS) }

// MetricsAddrFrom reads HANDSLAG_METRICS_ADDR from env.
func MetricsAddrFrom(env lookuper) (string, error) {
	addr := get(env, "HANDSLAG_METRICS_ADDR", DefaultMetricsAddr)
	if err := CheckHostPort("HANDSLAG_METRICS_ADDR", addr, ":9090"); err != nil {
		return "", err
	}
	return addr, nil
}

type lookuper interface {
	LookupEnv(string) (string, bool)
}

func get(env lookuper, name, def string) string {
	if v, ok := env.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}
