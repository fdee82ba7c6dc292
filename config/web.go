package config

import (
	"net/netip"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/legal"
)

// Defaults of the web server and the worker's metrics endpoint.
const (
	DefaultWebAddr     = ":8080"
	DefaultBaseURL     = "http://localhost:8080"
	DefaultMetricsAddr = ":9090"
	// FormKeyFile is the form secret's file in the data directory when HANDSLAG_FORM_SECRET is
	// not set.
	FormKeyFile = "formkey.key"
)

// Web is what the web server needs besides Temporal.
type Web struct {
	// Addr is where it listens.
	Addr string
	// BaseURL is how users reach it, for links and redirects; without a trailing slash.
	BaseURL string
	// DatabaseURL is Handslag's database (the case list is read there).
	DatabaseURL string
	// LinkKeys check the links the worker signs; FormKey signs rendered forms.
	LinkKeys answerlink.Keys
	FormKey  []byte
	// RefdataDir is a directory with newer SCB registers (empty: the embedded copy), as the
	// worker reads them: the console's address register lists their municipalities.
	RefdataDir string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For the rate limits believe.
	TrustedProxies []netip.Prefix
	// Legal is what the privacy page and the accessibility statement publish, read from
	// LegalFile (empty: the demo facts).
	Legal     legal.Facts
	LegalFile string
}

// LoadWeb reads and checks the web server's settings.
func LoadWeb(env Lookup) (Web, error) {
	w := Web{Addr: get(env, EnvWebAddr, DefaultWebAddr), DatabaseURL: DatabaseURL(env), RefdataDir: get(env, EnvRefdata, "")}
	if err := CheckHostPort(EnvWebAddr, w.Addr, ":8080"); err != nil {
		return Web{}, err
	}
	var err error
	if w.BaseURL, err = baseURL(env); err != nil {
		return Web{}, err
	}
	data := DataDir(env)
	if w.LinkKeys, err = linkKeys(env, filepath.Join(data, answerlink.KeyFile)); err != nil {
		return Web{}, err
	}
	if w.FormKey, err = key(env, EnvFormSecret, filepath.Join(data, FormKeyFile)); err != nil {
		return Web{}, err
	}
	if w.TrustedProxies, err = prefixes(EnvTrustedProxies, get(env, EnvTrustedProxies, "")); err != nil {
		return Web{}, err
	}
	w.LegalFile = get(env, EnvLegalFile, "")
	if w.Legal, err = Legal(env); err != nil {
		return Web{}, err
	}
	return w, nil
}

// prefixes reads addresses and networks separated by commas (10.0.0.5, 10.0.0.0/8, fd00::/8).
func prefixes(setting, v string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			a, aerr := netip.ParseAddr(f)
			if aerr != nil {
				return nil, &SettingError{Setting: setting, Value: f, Problem: "must be an IP address or a network, e.g. 10.0.0.0/8"}
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// baseURL reads HANDSLAG_BASE_URL: an absolute http(s) URL, kept without a trailing slash.
func baseURL(env Lookup) (string, error) {
	v := strings.TrimRight(get(env, EnvBaseURL, DefaultBaseURL), "/")
	if err := CheckBaseURL(EnvBaseURL, v); err != nil {
		return "", err
	}
	return v, nil
}

// CheckBaseURL checks that value is an absolute http(s) URL; setting names it in the error.
func CheckBaseURL(setting, value string) error {
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &SettingError{Setting: setting, Value: value,
			Problem: "must be an absolute http(s) URL, e.g. https://handslag.example.org"}
	}
	return nil
}

// MetricsAddr reads where the worker serves /metrics, /healthz and /readyz.
func MetricsAddr(env Lookup) (string, error) {
	addr := get(env, EnvMetricsAddr, DefaultMetricsAddr)
	if err := CheckHostPort(EnvMetricsAddr, addr, ":9090"); err != nil {
		return "", err
	}
	return addr, nil
}
