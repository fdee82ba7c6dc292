package config

import (
	"encoding/hex"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var secret = strings.Repeat("ab", 32)

func TestWebSettings(t *testing.T) {
	dir := t.TempDir()
	w, err := LoadWeb(Env{EnvData: dir})
	require.NoError(t, err)
	assert.Equal(t, DefaultWebAddr, w.Addr)
	assert.Equal(t, DefaultBaseURL, w.BaseURL)
	assert.Equal(t, "sqlite:"+filepath.Join(dir, "handslag.db"), w.DatabaseURL)
	require.Len(t, w.LinkKeys, 1)
	assert.Len(t, w.LinkKeys[0].Secret, 32, "a key file made in the data directory")
	again, err := LoadWeb(Env{EnvData: dir})
	require.NoError(t, err)
	assert.Equal(t, w.LinkKeys, again.LinkKeys, "the same key file next time")
	assert.NotEqual(t, w.LinkKeys[0].Secret, w.FormKey)

	w, err = LoadWeb(Env{EnvWebAddr: "0.0.0.0:80", EnvBaseURL: "https://handslag.example.org/", EnvLinkSecret: secret,
		EnvFormSecret: secret, EnvDatabaseURL: "postgres://h@db/handslag"})
	require.NoError(t, err)
	assert.Equal(t, "https://handslag.example.org", w.BaseURL)
	assert.Equal(t, "postgres://h@db/handslag", w.DatabaseURL)
	want, _ := hex.DecodeString(secret)
	assert.Equal(t, answerlink.Single(want), w.LinkKeys)

	w, err = LoadWeb(Env{EnvData: dir, EnvLinkSecret: "2027:" + secret + ",2026:" + strings.Repeat("1", 64)})
	require.NoError(t, err)
	assert.Equal(t, []string{"2027", "2026"}, []string{w.LinkKeys[0].ID, w.LinkKeys[1].ID}, "a ring for rotation")

	for _, tt := range []struct {
		env     Env
		setting string
	}{
		{Env{EnvWebAddr: "8080"}, EnvWebAddr},
		{Env{EnvBaseURL: "handslag.example.org"}, EnvBaseURL},
		{Env{EnvBaseURL: "ftp://x"}, EnvBaseURL},
		{Env{EnvLinkSecret: "kort"}, EnvLinkSecret},
		{Env{EnvLinkSecret: secret, EnvFormSecret: "abcd"}, EnvFormSecret},
	} {
		tt.env[EnvData] = t.TempDir()
		_, err := LoadWeb(tt.env)
		var se *SettingError
		require.True(t, errors.As(err, &se), "%v: %v", tt.env, err)
		assert.Equal(t, tt.setting, se.Setting)
		assert.NotContains(t, err.Error(), "kort", "a secret is never repeated")
	}

	addr, err := MetricsAddr(Env{})
	require.NoError(t, err)
	assert.Equal(t, DefaultMetricsAddr, addr)
	_, err = MetricsAddr(Env{EnvMetricsAddr: "localhost"})
	assert.ErrorContains(t, err, EnvMetricsAddr)
}

func TestWorkerSettings(t *testing.T) {
	dir := t.TempDir()
	w, err := LoadWorker(Env{EnvData: dir})
	require.NoError(t, err)
	assert.Nil(t, w.SMTP, "no SMTP host: the outbox")
	assert.Equal(t, DefaultLeadership, w.LeadershipEmail)
	assert.Equal(t, DefaultOffice, w.OfficeEmail)
	assert.Empty(t, w.OwnerEmails)
	web, err := LoadWeb(Env{EnvData: dir})
	require.NoError(t, err)
	assert.Equal(t, web.LinkKeys, w.LinkKeys, "worker and web of the local system share the key file")

	w, err = LoadWorker(Env{EnvData: dir, EnvOwnerEmails: "inera=inera@example.org", EnvSMTPHost: "smtp.skr.example",
		EnvSMTPFrom: "Handslag <handslag@skr.example>", EnvSMTPPassword: " p ", EnvSMTPUsername: "u", EnvMembers: "m.csv"})
	require.NoError(t, err)
	assert.Equal(t, map[domain.Owner]string{domain.OwnerInera: "inera@example.org"}, w.OwnerEmails)
	require.NotNil(t, w.SMTP)
	assert.Equal(t, mail.Config{Host: "smtp.skr.example", Port: 587, TLS: mail.TLSStartTLS, Username: "u", Password: " p ",
		From: "Handslag <handslag@skr.example>", Timeout: mail.DefaultTimeout}, *w.SMTP)
	assert.Equal(t, "m.csv", w.MembersFile)
	assert.Equal(t, DefaultWorkflowCache, w.WorkflowCache)

	w, err = LoadWorker(Env{EnvData: dir, EnvWorkflowCache: "250"})
	require.NoError(t, err)
	assert.Equal(t, 250, w.WorkflowCache)
	for _, bad := range []string{"0", "-5", "many"} {
		_, err = LoadWorker(Env{EnvData: dir, EnvWorkflowCache: bad})
		var se *SettingError
		require.ErrorAs(t, err, &se, bad)
		assert.Equal(t, EnvWorkflowCache, se.Setting)
	}

	w, err = LoadWorker(Env{EnvData: dir})
	require.NoError(t, err)
	assert.Equal(t, DefaultStickyTimeout, w.StickyTimeout)
	w, err = LoadWorker(Env{EnvData: dir, EnvStickyTimeout: "90s"})
	require.NoError(t, err)
	assert.Equal(t, 90*time.Second, w.StickyTimeout)
	for _, bad := range []string{"0s", "-5s", "30"} {
		_, err = LoadWorker(Env{EnvData: dir, EnvStickyTimeout: bad})
		var se *SettingError
		require.ErrorAs(t, err, &se, bad)
		assert.Equal(t, EnvStickyTimeout, se.Setting)
	}
}

func TestSMTPSettings(t *testing.T) {
	base := func(extra Env) Env {
		env := Env{EnvSMTPHost: "smtp.skr.example", EnvSMTPFrom: "Handslag <handslag@skr.example>", EnvLinkSecret: secret}
		for k, v := range extra {
			env[k] = v
		}
		return env
	}
	cases := []struct {
		name    string
		env     Env
		want    *mail.Config
		setting string
		problem string
	}{
		{name: "unset", env: Env{EnvLinkSecret: secret}},
		{name: "only other settings", env: Env{EnvSMTPFrom: "a@b.se", EnvSMTPPort: "x", EnvLinkSecret: secret}},
		{name: "tls on 465", env: base(Env{EnvSMTPTLS: "TLS"}),
			want: &mail.Config{Host: "smtp.skr.example", Port: 465, TLS: mail.TLSImplicit, From: "Handslag <handslag@skr.example>", Timeout: mail.DefaultTimeout}},
		{name: "none on 25", env: base(Env{EnvSMTPTLS: "none"}),
			want: &mail.Config{Host: "smtp.skr.example", Port: 25, TLS: mail.TLSNone, From: "Handslag <handslag@skr.example>", Timeout: mail.DefaultTimeout}},
		{name: "port", env: base(Env{EnvSMTPPort: " 2525 "}),
			want: &mail.Config{Host: "smtp.skr.example", Port: 2525, TLS: mail.TLSStartTLS, From: "Handslag <handslag@skr.example>", Timeout: mail.DefaultTimeout}},
		{name: "port not a number", env: base(Env{EnvSMTPPort: "smtp"}), setting: EnvSMTPPort, problem: "is not a port number"},
		{name: "port out of range", env: base(Env{EnvSMTPPort: "70000"}), setting: EnvSMTPPort, problem: "70000 is not a port number (1-65535)"},
		{name: "unknown tls mode", env: base(Env{EnvSMTPTLS: "ssl"}), setting: EnvSMTPTLS, problem: `"ssl" is not one of none, starttls, tls`},
		{name: "password without user", env: base(Env{EnvSMTPPassword: "p"}), setting: EnvSMTPUsername, problem: "a password is set but no user name"},
		{name: "user without password", env: base(Env{EnvSMTPUsername: "u"}), setting: EnvSMTPPassword, problem: "a user name is set but no password"},
		{name: "no sender", env: Env{EnvSMTPHost: "smtp.skr.example", EnvLinkSecret: secret}, setting: EnvSMTPFrom, problem: "the sender address is required"},
		{name: "bad sender", env: base(Env{EnvSMTPFrom: "handslag"}), setting: EnvSMTPFrom, problem: `"handslag" is not an e-mail address`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := LoadWorker(c.env)
			if c.setting != "" {
				var se *SettingError
				require.True(t, errors.As(err, &se), "%v", err)
				assert.Equal(t, c.setting, se.Setting)
				assert.Contains(t, se.Problem, c.problem)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, w.SMTP)
		})
	}
}

func TestCLISettings(t *testing.T) {
	c := LoadCLI(Env{"USER": "anna"})
	assert.Equal(t, "anna", c.User)
	assert.False(t, c.English)
	assert.Equal(t, Temporal{Address: DefaultAddress, Namespace: "handslag"}, c.Temporal)
	c = LoadCLI(Env{"USER": "anna", EnvUser: "anna.programkontoret", EnvLang: "en_GB", "TEMPORAL_ADDRESS": "t:1"})
	assert.Equal(t, "anna.programkontoret", c.User)
	assert.True(t, c.English)
	assert.Equal(t, "t:1", c.Temporal.Address)
}

// docs/settings.md lists every setting of Table, and nothing else.
func TestTheDocsListEverySetting(t *testing.T) {
	data, err := os.ReadFile("../docs/settings.md")
	require.NoError(t, err)
	doc := string(data)
	for _, s := range Table {
		assert.Contains(t, doc, "`"+s.Name+"`", "docs/settings.md misses %s", s.Name)
	}
	known := map[string]bool{}
	for _, s := range Table {
		known[s.Name] = true
	}
	for _, w := range strings.FieldsFunc(doc, func(r rune) bool { return !(r == '_' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) {
		if strings.HasPrefix(w, "HANDSLAG_") && !strings.HasSuffix(w, "_") {
			assert.True(t, known[w], "docs/settings.md names %s, which no process reads", w)
		}
	}
}

// The console's sign-in: off without an issuer; with one, the client, its secret and a role
// mapping are required, and each wrong value is named.
func TestLoadConsole(t *testing.T) {
	off, err := LoadConsole(Env{}, "https://handslag.example")
	require.NoError(t, err)
	assert.False(t, off.Enabled())
	assert.Equal(t, DefaultSessionIdle, off.SessionIdle)

	full := Env{EnvOIDCIssuer: "https://idp.example/realms/skr/", EnvOIDCClientID: "handslag", EnvOIDCClientSecret: "hemligt",
		EnvOIDCRoles: "kontoret=office,ledningen=leadership", EnvSessionIdle: "15m"}
	c, err := LoadConsole(full, "https://handslag.example")
	require.NoError(t, err)
	assert.True(t, c.Enabled())
	assert.Equal(t, "https://idp.example/realms/skr", c.OIDC.Issuer)
	assert.Equal(t, "https://handslag.example/konsol/inloggning", c.OIDC.RedirectURL)
	assert.Equal(t, []string{"openid", "email", "profile"}, c.OIDC.Scopes)
	assert.Equal(t, 15*time.Minute, c.SessionIdle)
	assert.Len(t, c.OIDC.Roles, 2)

	for setting, change := range map[string]Env{
		EnvOIDCClientID:     {EnvOIDCClientID: ""},
		EnvOIDCClientSecret: {EnvOIDCClientSecret: ""},
		EnvOIDCRoles:        {EnvOIDCRoles: "kontoret=chef"},
		EnvSessionIdle:      {EnvSessionIdle: "en stund"},
		EnvOIDCIssuer:       {EnvOIDCIssuer: "idp.example"},
	} {
		env := Env{}
		for k, v := range full {
			env[k] = v
		}
		for k, v := range change {
			env[k] = v
		}
		_, err := LoadConsole(env, "https://handslag.example")
		var se *SettingError
		require.ErrorAs(t, err, &se, setting)
		assert.Contains(t, se.Setting, setting)
	}
}

func TestTrustedProxies(t *testing.T) {
	w, err := LoadWeb(Env{EnvData: t.TempDir(), EnvTrustedProxies: "10.0.0.5, 172.16.0.0/12,fd00::/8"})
	require.NoError(t, err)
	assert.Equal(t, []netip.Prefix{netip.MustParsePrefix("10.0.0.5/32"), netip.MustParsePrefix("172.16.0.0/12"),
		netip.MustParsePrefix("fd00::/8")}, w.TrustedProxies)
	_, err = LoadWeb(Env{EnvData: t.TempDir(), EnvTrustedProxies: "10.0.0.5,proxy.example"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "HANDSLAG_TRUSTED_PROXIES")
	assert.Contains(t, err.Error(), "proxy.example")
}
