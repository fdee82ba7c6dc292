package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"

	"github.com/skr/handslag/contract"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"
)

// Client is how a process reaches Temporal. It is read the way the Temporal CLI reads it, so one
// setup serves our processes and the `temporal` command alike: first the profile in the CLI's
// TOML file (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE), then the TEMPORAL_* variables
// (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS,
// TEMPORAL_TLS_CLIENT_CERT_PATH, TEMPORAL_TLS_CLIENT_KEY_PATH, TEMPORAL_TLS_SERVER_CA_CERT_PATH,
// TEMPORAL_TLS_SERVER_NAME, ...; the older TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY and TEMPORAL_TLS_CA
// too), then the flags from AddFlags. What is still empty gets our defaults.
type Client struct {
	Profile envconfig.ClientConfigProfile
	env     envconfig.EnvLookup
}

// legacyNames maps the SDK's variable names to the names older Temporal CLIs used, which are
// still accepted when the new name is not set.
var legacyNames = map[string]string{
	"TEMPORAL_TLS_CLIENT_CERT_PATH":    "TEMPORAL_TLS_CERT",
	"TEMPORAL_TLS_CLIENT_CERT_DATA":    "TEMPORAL_TLS_CERT_DATA",
	"TEMPORAL_TLS_CLIENT_KEY_PATH":     "TEMPORAL_TLS_KEY",
	"TEMPORAL_TLS_CLIENT_KEY_DATA":     "TEMPORAL_TLS_KEY_DATA",
	"TEMPORAL_TLS_SERVER_CA_CERT_PATH": "TEMPORAL_TLS_CA",
	"TEMPORAL_TLS_SERVER_CA_CERT_DATA": "TEMPORAL_TLS_CA_DATA",
}

// Env looks variables up; tests pass a map instead of the process environment.
type Env map[string]string

// Environ implements envconfig.EnvLookup.
func (e Env) Environ() []string {
	out := make([]string, 0, len(e))
	for k, v := range e {
		out = append(out, k+"="+v)
	}
	return out
}

// LookupEnv implements envconfig.EnvLookup.
func (e Env) LookupEnv(name string) (string, bool) { v, ok := e[name]; return v, ok }

// withLegacyNames answers a variable by its older name when the new one is not set.
type withLegacyNames struct{ envconfig.EnvLookup }

func (l withLegacyNames) LookupEnv(name string) (string, bool) {
	if v, ok := l.EnvLookup.LookupEnv(name); ok {
		return v, ok
	}
	if old, ok := legacyNames[name]; ok {
		return l.EnvLookup.LookupEnv(old)
	}
	return "", false
}

// ClientFromEnv reads the client settings from the process environment.
func ClientFromEnv() (*Client, error) { return LoadClient(envconfig.EnvLookupOS) }

// LoadClient reads the client settings from env (file profile, then variables, then defaults).
func LoadClient(env envconfig.EnvLookup) (*Client, error) {
	env = withLegacyNames{env}
	prof, err := envconfig.LoadClientConfigProfile(envconfig.LoadClientConfigProfileOptions{EnvLookup: env})
	if err != nil {
		return nil, &SettingError{Setting: "TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE",
			Problem: "the Temporal client configuration cannot be read: " + err.Error()}
	}
	if prof.Address == "" {
		prof.Address = DefaultAddress
	}
	if prof.Namespace == "" {
		prof.Namespace = contract.Namespace
	}
	return &Client{Profile: prof, env: env}, nil
}

// ClientFlags are the Temporal CLI's connection flags; a flag given on the command line wins
// over the environment.
type ClientFlags struct {
	fs                                    *flag.FlagSet
	address, namespace, apiKey            string
	certPath, keyPath, caPath, serverName string
	tls, disableHostVerification          bool
}

// AddFlags registers --address, --namespace, --api-key, --tls, --tls-cert-path,
// --tls-key-path, --tls-ca-path and --tls-server-name on fs.
func AddFlags(fs *flag.FlagSet) *ClientFlags {
	f := &ClientFlags{fs: fs}
	fs.StringVar(&f.address, "address", "", "Temporal frontend host:port (TEMPORAL_ADDRESS, default "+DefaultAddress+")")
	fs.StringVar(&f.namespace, "namespace", "", "Temporal namespace (TEMPORAL_NAMESPACE, default "+contract.Namespace+")")
	fs.StringVar(&f.apiKey, "api-key", "", "API key; turns TLS on (TEMPORAL_API_KEY)")
	fs.BoolVar(&f.tls, "tls", false, "connect with TLS (TEMPORAL_TLS)")
	fs.StringVar(&f.certPath, "tls-cert-path", "", "client certificate for mTLS (TEMPORAL_TLS_CLIENT_CERT_PATH)")
	fs.StringVar(&f.keyPath, "tls-key-path", "", "client key for mTLS (TEMPORAL_TLS_CLIENT_KEY_PATH)")
	fs.StringVar(&f.caPath, "tls-ca-path", "", "CA of the server certificate (TEMPORAL_TLS_SERVER_CA_CERT_PATH)")
	fs.StringVar(&f.serverName, "tls-server-name", "", "server name to verify (TEMPORAL_TLS_SERVER_NAME)")
	fs.BoolVar(&f.disableHostVerification, "tls-disable-host-verification", false, "do not verify the server's host name (TEMPORAL_TLS_DISABLE_HOST_VERIFICATION)")
	return f
}

// Apply puts the flags the user gave (and only those) over c.
func (f *ClientFlags) Apply(c *Client) {
	p := &c.Profile
	tls := func() *envconfig.ClientConfigTLS {
		if p.TLS == nil {
			p.TLS = &envconfig.ClientConfigTLS{}
		}
		return p.TLS
	}
	f.fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "address":
			p.Address = f.address
		case "namespace":
			p.Namespace = f.namespace
		case "api-key":
			p.APIKey = f.apiKey
		case "tls":
			tls().Disabled = !f.tls
		case "tls-cert-path":
			tls().ClientCertPath = f.certPath
		case "tls-key-path":
			tls().ClientKeyPath = f.keyPath
		case "tls-ca-path":
			tls().ServerCACertPath = f.caPath
		case "tls-server-name":
			tls().ServerName = f.serverName
		case "tls-disable-host-verification":
			tls().DisableHostVerification = f.disableHostVerification
		}
	})
}

// Validate checks every setting and returns the first problem as a *SettingError naming it.
func (c *Client) Validate() error {
	p := c.Profile
	if err := CheckHostPort("TEMPORAL_ADDRESS (--address)", p.Address, "temporal:7233"); err != nil {
		return err
	}
	if strings.TrimSpace(p.Namespace) == "" {
		return &SettingError{Setting: "TEMPORAL_NAMESPACE (--namespace)", Problem: "is empty; give the namespace, e.g. " + contract.Namespace,
			Hint: "empty", Example: contract.Namespace}
	}
	for _, name := range []string{"TEMPORAL_TLS", "TEMPORAL_TLS_DISABLE_HOST_VERIFICATION"} {
		if v, ok := c.lookup(name); ok && v != "" {
			if _, err := strconv.ParseBool(v); err != nil {
				return &SettingError{Setting: name, Value: v, Problem: "must be true or false", Hint: "bool"}
			}
		}
	}
	if p.TLS == nil {
		return nil
	}
	t := p.TLS
	if (t.ClientCertPath == "") != (t.ClientKeyPath == "") && len(t.ClientCertData) == 0 && len(t.ClientKeyData) == 0 {
		missing, given := "TEMPORAL_TLS_CLIENT_KEY_PATH (--tls-key-path)", "certificate"
		if t.ClientCertPath == "" {
			missing, given = "TEMPORAL_TLS_CLIENT_CERT_PATH (--tls-cert-path)", "key"
		}
		return &SettingError{Setting: missing, Problem: "is missing: a client " + given + " is set, and mTLS needs both the certificate and its key",
			Hint: "cert_and_key"}
	}
	for _, file := range []struct{ setting, path string }{
		{"TEMPORAL_TLS_CLIENT_CERT_PATH (--tls-cert-path)", t.ClientCertPath},
		{"TEMPORAL_TLS_CLIENT_KEY_PATH (--tls-key-path)", t.ClientKeyPath},
		{"TEMPORAL_TLS_SERVER_CA_CERT_PATH (--tls-ca-path)", t.ServerCACertPath},
	} {
		if file.path == "" {
			continue
		}
		if _, err := os.Stat(file.path); err != nil {
			problem := err.Error()
			var pe *os.PathError
			if errors.As(err, &pe) {
				problem = pe.Err.Error()
			}
			return &SettingError{Setting: file.setting, Value: file.path, Problem: "cannot be read: " + problem, Hint: "unreadable", Example: problem}
		}
	}
	return nil
}

func (c *Client) lookup(name string) (string, bool) {
	if c.env == nil {
		return "", false
	}
	return c.env.LookupEnv(name)
}

// Options validates the settings and turns them into SDK client options (address, namespace,
// TLS, API key, gRPC metadata). Logger, metrics and identity are for the caller to add.
func (c *Client) Options() (client.Options, error) {
	if err := c.Validate(); err != nil {
		return client.Options{}, err
	}
	opts, err := c.Profile.ToClientOptions(envconfig.ToClientOptionsRequest{})
	if err != nil {
		return client.Options{}, &SettingError{Setting: "TEMPORAL_TLS_*", Problem: err.Error()}
	}
	// Every client and worker seals its payloads with the same key ring (package codec).
	cd, err := Codec(c.env)
	if err != nil {
		return client.Options{}, err
	}
	opts.DataConverter = DataConverter(cd)
	return opts, nil
}

// CheckHostPort checks that value is host:port with a numeric port (the host may be empty, to
// listen on every interface). setting names the variable in the error.
func CheckHostPort(setting, value, example string) error {
	if value == "" {
		return &SettingError{Setting: setting, Problem: "is missing; give host:port, e.g. " + example, Hint: "host_port", Example: example}
	}
	_, port, err := net.SplitHostPort(value)
	if err != nil {
		return &SettingError{Setting: setting, Value: value, Problem: "must be host:port, e.g. " + example, Hint: "host_port", Example: example}
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return &SettingError{Setting: setting, Value: value, Problem: fmt.Sprintf("port %q is not a number from 0 to 65535", port),
			Hint: "port", Example: port}
	}
	return nil
}

// ClientFromArgs registers the connection flags on fs (next to any the caller registered),
// parses args and resolves the client settings: file profile, environment, then flags.
func ClientFromArgs(fs *flag.FlagSet, args []string) (*Client, error) {
	f := AddFlags(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("%s: unexpected argument %q (see -h)", fs.Name(), fs.Arg(0))
	}
	c, err := ClientFromEnv()
	if err != nil {
		return nil, err
	}
	f.Apply(c)
	return c, c.Validate()
}
