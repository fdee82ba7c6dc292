package config

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noFile keeps a developer's own ~/.config/temporalio/temporal.toml out of the tests.
func noFile(t *testing.T, env Env) Env {
	if _, ok := env["TEMPORAL_CONFIG_FILE"]; !ok {
		env["TEMPORAL_CONFIG_FILE"] = filepath.Join(t.TempDir(), "none.toml")
	}
	return env
}

func TestClientSettings(t *testing.T) {
	dir := t.TempDir()
	cert, key, ca := filepath.Join(dir, "c.pem"), filepath.Join(dir, "k.pem"), filepath.Join(dir, "ca.pem")
	for _, f := range []string{cert, key, ca} {
		require.NoError(t, os.WriteFile(f, []byte("x"), 0o600))
	}
	profile := filepath.Join(dir, "temporal.toml")
	require.NoError(t, os.WriteFile(profile, []byte("[profile.prod]\naddress = \"temporal.prod:7233\"\nnamespace = \"skr\"\n"), 0o600))

	tests := []struct {
		name       string
		env        Env
		args       []string
		address    string
		namespace  string
		tls        bool
		badSetting string // the setting the error must name; "" for no error
	}{
		{name: "defaults", env: Env{}, address: DefaultAddress, namespace: "handslag"},
		{name: "env", env: Env{"TEMPORAL_ADDRESS": "temporal:7233", "TEMPORAL_NAMESPACE": "prod"}, address: "temporal:7233", namespace: "prod"},
		{name: "flags win over env", env: Env{"TEMPORAL_ADDRESS": "temporal:7233"}, args: []string{"--address", "other:7233", "--namespace", "x"}, address: "other:7233", namespace: "x"},
		{name: "profile from the CLI's file", env: Env{"TEMPORAL_CONFIG_FILE": profile, "TEMPORAL_PROFILE": "prod"}, address: "temporal.prod:7233", namespace: "skr"},
		{name: "env over profile", env: Env{"TEMPORAL_CONFIG_FILE": profile, "TEMPORAL_PROFILE": "prod", "TEMPORAL_NAMESPACE": "n"}, address: "temporal.prod:7233", namespace: "n"},
		{name: "unknown profile", env: Env{"TEMPORAL_CONFIG_FILE": profile, "TEMPORAL_PROFILE": "nope"}, badSetting: "TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE"},
		{name: "api key turns TLS on", env: Env{"TEMPORAL_API_KEY": "secret"}, address: DefaultAddress, namespace: "handslag", tls: true},
		{name: "TLS with CA", env: Env{"TEMPORAL_TLS": "true", "TEMPORAL_TLS_SERVER_CA_CERT_PATH": ca}, badSetting: "TEMPORAL_TLS_*"}, // "x" is no PEM
		{name: "address without port", env: Env{"TEMPORAL_ADDRESS": "temporal"}, badSetting: "TEMPORAL_ADDRESS (--address)"},
		{name: "address with a bad port", env: Env{"TEMPORAL_ADDRESS": "temporal:http"}, badSetting: "TEMPORAL_ADDRESS (--address)"},
		{name: "empty namespace flag", env: Env{}, args: []string{"--namespace", " "}, badSetting: "TEMPORAL_NAMESPACE (--namespace)"},
		{name: "TLS not a boolean", env: Env{"TEMPORAL_TLS": "yes"}, badSetting: "TEMPORAL_TLS"},
		{name: "cert without key", env: Env{"TEMPORAL_TLS_CLIENT_CERT_PATH": cert}, badSetting: "TEMPORAL_TLS_CLIENT_KEY_PATH (--tls-key-path)"},
		{name: "key without cert (old CLI name)", env: Env{"TEMPORAL_TLS_KEY": key}, badSetting: "TEMPORAL_TLS_CLIENT_CERT_PATH (--tls-cert-path)"},
		{name: "missing CA file", env: Env{"TEMPORAL_TLS_CA": filepath.Join(dir, "missing.pem")}, badSetting: "TEMPORAL_TLS_SERVER_CA_CERT_PATH (--tls-ca-path)"},
		{name: "missing cert file flag", env: Env{}, args: []string{"--tls-cert-path", "/nope/c.pem", "--tls-key-path", key}, badSetting: "TEMPORAL_TLS_CLIENT_CERT_PATH (--tls-cert-path)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadClient(noFile(t, tt.env))
			if err == nil {
				fs := flag.NewFlagSet("x", flag.ContinueOnError)
				f := AddFlags(fs)
				require.NoError(t, fs.Parse(tt.args))
				f.Apply(c)
				o, oerr := c.Options()
				err = oerr
				if err == nil {
					assert.Equal(t, tt.address, o.HostPort)
					assert.Equal(t, tt.namespace, o.Namespace)
					assert.Equal(t, tt.tls, o.ConnectionOptions.TLS != nil, "TLS")
				}
			}
			if tt.badSetting == "" {
				require.NoError(t, err)
				return
			}
			var se *SettingError
			require.True(t, errors.As(err, &se), "want a SettingError, got %v", err)
			assert.Equal(t, tt.badSetting, se.Setting, "%v", err)
			assert.Contains(t, err.Error(), tt.badSetting)
			assert.NotContains(t, err.Error(), "secret")
		})
	}
}

func TestClientFromArgs(t *testing.T) {
	t.Setenv("TEMPORAL_CONFIG_FILE", filepath.Join(t.TempDir(), "none.toml"))
	t.Setenv("TEMPORAL_ADDRESS", "temporal:7233")
	var extra string
	fs := flag.NewFlagSet("handslag-worker", flag.ContinueOnError)
	fs.StringVar(&extra, "metrics-addr", "", "")
	c, err := ClientFromArgs(fs, []string{"--namespace", "prod", "--metrics-addr", ":1"})
	require.NoError(t, err)
	assert.Equal(t, "temporal:7233", c.Profile.Address)
	assert.Equal(t, "prod", c.Profile.Namespace)
	assert.Equal(t, ":1", extra)

	_, err = ClientFromArgs(flag.NewFlagSet("handslag-worker", flag.ContinueOnError), []string{"stray"})
	assert.ErrorContains(t, err, `unexpected argument "stray"`)
	_, err = ClientFromArgs(flag.NewFlagSet("handslag-worker", flag.ContinueOnError), []string{"--address", "nohost"})
	assert.ErrorContains(t, err, "TEMPORAL_ADDRESS (--address)")
}
