package mail

import (
	"errors"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/skr/handslag/mail/smtptest"
	"github.com/skr/handslag/outbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var allEnv = []string{EnvHost, EnvPort, EnvTLS, EnvUsername, EnvPassword, EnvFrom}

func setEnv(t *testing.T, env map[string]string) {
	for _, k := range allEnv {
		t.Setenv(k, env[k])
	}
}

func TestConfigFromEnv(t *testing.T) {
	base := func(extra map[string]string) map[string]string {
		env := map[string]string{EnvHost: "smtp.skr.example", EnvFrom: "Handslag <handslag@skr.example>"}
		for k, v := range extra {
			env[k] = v
		}
		return env
	}
	cases := []struct {
		name    string
		env     map[string]string
		set     bool
		want    Config
		setting string // the variable the error names
		problem string
	}{
		{name: "unset", env: map[string]string{}},
		{name: "only other settings", env: map[string]string{EnvFrom: "a@b.se", EnvPort: "x"}},
		{name: "defaults: starttls on 587", env: base(nil), set: true,
			want: Config{Host: "smtp.skr.example", Port: 587, TLS: TLSStartTLS, From: "Handslag <handslag@skr.example>", Timeout: DefaultTimeout}},
		{name: "tls on 465", env: base(map[string]string{EnvTLS: "TLS"}), set: true,
			want: Config{Host: "smtp.skr.example", Port: 465, TLS: TLSImplicit, From: "Handslag <handslag@skr.example>", Timeout: DefaultTimeout}},
		{name: "none on 25", env: base(map[string]string{EnvTLS: "none"}), set: true,
			want: Config{Host: "smtp.skr.example", Port: 25, TLS: TLSNone, From: "Handslag <handslag@skr.example>", Timeout: DefaultTimeout}},
		{name: "everything", env: base(map[string]string{EnvPort: " 2525 ", EnvTLS: "starttls", EnvUsername: "u", EnvPassword: "p"}), set: true,
			want: Config{Host: "smtp.skr.example", Port: 2525, TLS: TLSStartTLS, Username: "u", Password: "p", From: "Handslag <handslag@skr.example>", Timeout: DefaultTimeout}},
		{name: "port not a number", env: base(map[string]string{EnvPort: "smtp"}), set: true, setting: EnvPort, problem: `"smtp" is not a port number`},
		{name: "port out of range", env: base(map[string]string{EnvPort: "70000"}), set: true, setting: EnvPort, problem: "70000 is not a port number (1-65535)"},
		{name: "port zero", env: base(map[string]string{EnvPort: "-1"}), set: true, setting: EnvPort, problem: "-1 is not a port number"},
		{name: "unknown tls mode", env: base(map[string]string{EnvTLS: "ssl"}), set: true, setting: EnvTLS, problem: `"ssl" is not one of none, starttls, tls`},
		{name: "password without user", env: base(map[string]string{EnvPassword: "p"}), set: true, setting: EnvUsername, problem: "a password is set but no user name"},
		{name: "user without password", env: base(map[string]string{EnvUsername: "u"}), set: true, setting: EnvPassword, problem: "a user name is set but no password"},
		{name: "no sender", env: map[string]string{EnvHost: "smtp.skr.example"}, set: true, setting: EnvFrom, problem: "the sender address is required"},
		{name: "bad sender", env: base(map[string]string{EnvFrom: "handslag"}), set: true, setting: EnvFrom, problem: `"handslag" is not an e-mail address`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			setEnv(t, c.env)
			got, set, err := ConfigFromEnv()
			assert.Equal(t, c.set, set)
			if c.setting != "" {
				require.Error(t, err)
				var ce *ConfigError
				require.True(t, errors.As(err, &ce))
				assert.Equal(t, c.setting, ce.Setting)
				assert.Contains(t, ce.Problem, c.problem)
				assert.Contains(t, err.Error(), c.setting+": ")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestNewSMTPSenderChecksConfig(t *testing.T) {
	_, err := NewSMTPSender(Config{From: "a@b.se"}, t.TempDir())
	var ce *ConfigError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, EnvHost, ce.Setting)
	_, err = NewSMTPSender(Config{Host: "h", Port: 1 << 17, From: "a@b.se"}, t.TempDir())
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, EnvPort, ce.Setting)
}

func TestFromEnv(t *testing.T) {
	t.Run("no SMTP host: the file outbox", func(t *testing.T) {
		setEnv(t, nil)
		dir := t.TempDir()
		s, err := FromEnv(dir)
		require.NoError(t, err)
		d, ok := s.(*outbox.Dir)
		require.True(t, ok, "%T", s)
		assert.Equal(t, dir, d.Path)
	})
	t.Run("bad setting", func(t *testing.T) {
		setEnv(t, map[string]string{EnvHost: "h", EnvFrom: "a@b.se", EnvTLS: "yes"})
		_, err := FromEnv(t.TempDir())
		require.Error(t, err)
		assert.Contains(t, err.Error(), EnvTLS)
	})
	t.Run("SMTP host: sends through it", func(t *testing.T) {
		srv := smtptest.Start(t)
		setEnv(t, map[string]string{EnvHost: srv.Host, EnvPort: strconv.Itoa(srv.Port), EnvTLS: "none", EnvFrom: "handslag@skr.example"})
		dir := t.TempDir()
		// A message the local outbox already holds is not thereby "sent".
		local, err := outbox.NewDir(dir)
		require.NoError(t, err)
		_, err = local.Put(offer("k", "a@kommun.example"))
		require.NoError(t, err)

		s, err := FromEnv(dir)
		require.NoError(t, err)
		_, ok := s.(*SMTPSender)
		require.True(t, ok, "%T", s)
		sent, err := s.Put(offer("k", "a@kommun.example"))
		require.NoError(t, err)
		assert.True(t, sent)
		assert.Len(t, srv.Wait(t, 1, 10*time.Second), 1)
		has, err := (&outbox.Dir{Path: filepath.Join(dir, "smtp-sent")}).Has("k")
		require.NoError(t, err)
		assert.True(t, has, "recorded in the sent-log")
	})
}
