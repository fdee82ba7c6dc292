package mail

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/skr/handslag/mail/smtptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const wait = 10 * time.Second

func offer(key string, to ...string) Message {
	return Message{
		Key:     key,
		To:      to,
		Subject: "Erbjudande: Gemensam e-tjänst för bygglov – svara senast 15 maj",
		Body: "Hej Upplands Väsby kommun!\n\nÅrets erbjudande gäller \"Gemensam e-tjänst för bygglov\".\n" +
			"Svara här: https://handslag.example.se/svar/AQ.xyz\n\nVänliga hälsningar\nSKR – Sveriges Kommuner och Regioner\n" +
			strings.Repeat("En lång rad med åäö ÅÄÖ för att pröva radbrytning i quoted-printable. ", 3) + "\n",
		Created: time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC),
	}
}

var ctx = context.Background()

func sender(t *testing.T, srv *smtptest.Server, mut func(*Config)) (*SMTPSender, *Memory) {
	t.Helper()
	cfg := Config{Host: srv.Host, Port: srv.Port, TLS: TLSNone, From: "Handslag <handslag@skr.example>", Timeout: 5 * time.Second}
	if mut != nil {
		mut(&cfg)
	}
	ledger := NewMemory()
	s, err := NewSMTPSender(cfg, ledger)
	require.NoError(t, err)
	return s, ledger
}

func TestSendsOnceWithHeadersAndUTF8(t *testing.T) {
	srv := smtptest.Start(t)
	s, ledger := sender(t, srv, nil)
	m := offer("offer/2027/bygglov/0114", "registrator@upplandsvasby.se", "ks@upplandsvasby.se")

	sent, err := s.Send(ctx, m)
	require.NoError(t, err)
	assert.True(t, sent)
	got := srv.Wait(t, 1, wait)[0]
	require.NoError(t, got.Err)
	assert.Equal(t, "handslag@skr.example", got.From)
	assert.Equal(t, []string{"registrator@upplandsvasby.se", "ks@upplandsvasby.se"}, got.To)
	assert.Equal(t, m.Subject, got.Subject)
	assert.Equal(t, m.Body, got.Body)
	assert.Contains(t, got.Header.Get("Content-Type"), "charset=UTF-8")
	assert.Equal(t, "auto-generated", got.Header.Get("Auto-Submitted"))
	assert.Empty(t, got.Header.Get("List-Unsubscribe"), "only messages with a link have one")
	assert.Equal(t, `"Handslag" <handslag@skr.example>`, got.Header.Get("From"))
	assert.Equal(t, MessageID(m.Key, "skr.example"), got.MessageID())
	assert.Regexp(t, `^<handslag\.[0-9a-f]{32}@skr\.example>$`, got.MessageID())
	date, err := got.Header.Date()
	require.NoError(t, err)
	assert.True(t, m.Created.Equal(date), "Date is when the message was made, the same on every attempt")
	for _, line := range strings.Split(string(got.Data), "\r\n") {
		assert.LessOrEqual(t, len(line), 998, "RFC 5322 line length")
	}

	// A retried activity: the same key never sends again, also from a new sender on the same ledger.
	sent, err = s.Send(ctx, m)
	require.NoError(t, err)
	assert.False(t, sent)
	again, err := NewSMTPSender(s.cfg, ledger)
	require.NoError(t, err)
	sent, err = again.Send(ctx, m)
	require.NoError(t, err)
	assert.False(t, sent)
	assert.Equal(t, 1, srv.Attempts())

	assert.Equal(t, []string{m.Key}, ledger.Sent())
}

func TestMessageIDPerKey(t *testing.T) {
	ids := map[string]bool{}
	for _, k := range []string{"a", "b", "offer/2027/x/0114", "offer/2027/x/0115"} {
		id := MessageID(k, "skr.example")
		assert.Equal(t, id, MessageID(k, "skr.example"), "deterministic")
		assert.False(t, ids[id], "distinct")
		ids[id] = true
	}
}

func TestConcurrentPutsOfOneKeySendOnce(t *testing.T) {
	srv := smtptest.Start(t)
	s, _ := sender(t, srv, nil)
	var wg sync.WaitGroup
	results := make(chan bool, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent, err := s.Send(ctx, offer("k", "a@kommun.example"))
			assert.NoError(t, err)
			results <- sent
		}()
	}
	wg.Wait()
	close(results)
	n := 0
	for sent := range results {
		if sent {
			n++
		}
	}
	assert.Equal(t, 1, n)
	assert.Equal(t, 1, srv.Attempts())
}

func TestRefusedIsNotRecordedSoARetrySends(t *testing.T) {
	cases := []struct {
		name      string
		refuse    func(*smtptest.Server, int)
		code      int
		permanent bool
		attempts  int // DATA commands after the retry
	}{
		{"temporary at DATA", (*smtptest.Server).Refuse, 451, false, 2},
		{"permanent at DATA", (*smtptest.Server).Refuse, 554, true, 2},
		{"mailbox unknown at RCPT", (*smtptest.Server).RefuseRecipients, 550, true, 1},
		{"mailbox busy at RCPT", (*smtptest.Server).RefuseRecipients, 450, false, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := smtptest.Start(t)
			s, ledger := sender(t, srv, nil)
			m := offer("offer/2027/bygglov/0180", "registrator@stockholm.se")
			c.refuse(srv, c.code)
			sent, err := s.Send(ctx, m)
			require.Error(t, err)
			assert.False(t, sent)
			var se *SendError
			require.True(t, errors.As(err, &se), "%T", err)
			assert.Equal(t, c.code, se.Code)
			assert.Equal(t, c.permanent, se.Permanent)
			assert.Equal(t, m.Key, se.Key)
			assert.Contains(t, err.Error(), m.Key)
			assert.NotContains(t, err.Error(), "registrator@", "no address in the error")
			assert.Contains(t, errors.Unwrap(err).Error(), "smtptest", "the full error stays available")
			assert.Empty(t, ledger.Sent(), "not recorded as sent")
			assert.Empty(t, srv.Messages())

			srv.Accept()
			sent, err = s.Send(ctx, m)
			require.NoError(t, err)
			assert.True(t, sent, "the retry sends")
			assert.Len(t, srv.Wait(t, 1, wait), 1)
			assert.Equal(t, c.attempts, srv.Attempts())
		})
	}
}

func TestNoServer(t *testing.T) {
	srv := smtptest.Start(t)
	s, ledger := sender(t, srv, func(c *Config) { c.Port = 1; c.Timeout = time.Second })
	_, err := s.Send(ctx, offer("k", "a@kommun.example"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "smtp 127.0.0.1:1")
	var se *SendError
	require.True(t, errors.As(err, &se))
	assert.False(t, se.Permanent, "no connection: worth retrying")
	assert.Zero(t, se.Code)
	assert.Empty(t, ledger.Sent())
}

func TestAuthAndTLS(t *testing.T) {
	cases := []struct {
		name    string
		opts    []smtptest.Option
		mode    TLSMode
		user    string
		pass    string
		trust   bool
		wantErr string
		wantTLS bool
	}{
		{name: "starttls with auth", opts: []smtptest.Option{smtptest.WithSTARTTLS(), smtptest.WithAuth("handslag", "hemligt-lösenord")},
			mode: TLSStartTLS, user: "handslag", pass: "hemligt-lösenord", trust: true, wantTLS: true},
		{name: "implicit tls with auth", opts: []smtptest.Option{smtptest.WithImplicitTLS(), smtptest.WithAuth("handslag", "pw")},
			mode: TLSImplicit, user: "handslag", pass: "pw", trust: true, wantTLS: true},
		{name: "starttls without auth", opts: []smtptest.Option{smtptest.WithSTARTTLS()}, mode: TLSStartTLS, trust: true, wantTLS: true},
		{name: "wrong password", opts: []smtptest.Option{smtptest.WithSTARTTLS(), smtptest.WithAuth("handslag", "pw")},
			mode: TLSStartTLS, user: "handslag", pass: "fel", trust: true, wantErr: "auth"},
		{name: "auth required but not configured", opts: []smtptest.Option{smtptest.WithSTARTTLS(), smtptest.WithAuth("handslag", "pw")},
			mode: TLSStartTLS, trust: true, wantErr: "authenticate first"},
		{name: "untrusted certificate", opts: []smtptest.Option{smtptest.WithSTARTTLS()}, mode: TLSStartTLS, wantErr: "certificate"},
		{name: "starttls required, server has none", mode: TLSStartTLS, wantErr: "STARTTLS"},
		{name: "password never in clear text", opts: []smtptest.Option{smtptest.WithAuth("handslag", "pw")},
			mode: TLSNone, user: "handslag", pass: "pw", wantErr: "auth"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := smtptest.Start(t, c.opts...)
			s, ledger := sender(t, srv, func(cfg *Config) {
				cfg.TLS, cfg.Username, cfg.Password = c.mode, c.user, c.pass
				if c.trust {
					cfg.TLSConfig = srv.ClientTLSConfig()
				}
			})
			sent, err := s.Send(ctx, offer("k", "a@kommun.example"))
			if c.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, strings.ToLower(err.Error()), strings.ToLower(c.wantErr))
				assert.False(t, sent)
				assert.Empty(t, ledger.Sent(), "a failed send is not recorded")
				assert.Empty(t, srv.Messages())
				return
			}
			require.NoError(t, err)
			assert.True(t, sent)
			got := srv.Wait(t, 1, wait)[0]
			assert.Equal(t, c.wantTLS, got.TLS)
			assert.Equal(t, c.user, got.AuthUser)
			assert.Equal(t, "Erbjudande: Gemensam e-tjänst för bygglov – svara senast 15 maj", got.Subject)
		})
	}
}

func TestPutRejectsBadMessages(t *testing.T) {
	srv := smtptest.Start(t)
	s, _ := sender(t, srv, nil)
	cases := []struct {
		name string
		m    Message
		want string
	}{
		{"no key", offer("", "a@kommun.example"), "without idempotency key"},
		{"no recipient", offer("k1"), "no recipient"},
		{"bad recipient", offer("k2", "inte en adress"), "k2"},
		{"one bad recipient of two", offer("k3", "ok@kommun.example", "a@b@c.se"), "k3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sent, err := s.Send(ctx, c.m)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.NotContains(t, err.Error(), "ok@kommun.example")
			assert.False(t, sent)
			var se *SendError
			if c.m.Key != "" {
				require.True(t, errors.As(err, &se))
				assert.True(t, se.Permanent, "retrying cannot help")
			}
		})
	}
	assert.Zero(t, srv.Attempts())
}

// A message with an unsubscribe link gets the RFC 8058 one-click headers.
func TestListUnsubscribeHeaders(t *testing.T) {
	srv := smtptest.Start(t)
	s, _ := sender(t, srv, nil)
	m := offer("impl/bygglov/digest/2027-06/0114", "registrator@upplandsvasby.se")
	m.Unsubscribe = "https://handslag.example.se/avsluta/AQ.xyz"
	_, err := s.Send(ctx, m)
	require.NoError(t, err)
	got := srv.Wait(t, 1, wait)[0]
	require.NoError(t, got.Err)
	assert.Equal(t, "<https://handslag.example.se/avsluta/AQ.xyz>", got.Header.Get("List-Unsubscribe"))
	assert.Equal(t, "List-Unsubscribe=One-Click", got.Header.Get("List-Unsubscribe-Post"))
}

// Two worker processes: while one holds a key's claim, the other is told to try later; once
// the holder died and its lease ran out, the retry sends again, with the same Message-ID.
func TestAClaimHeldElsewhereIsBusyAndAnExpiredOneIsSentAgain(t *testing.T) {
	srv := smtptest.Start(t)
	s, ledger := sender(t, srv, nil)
	m := offer("offer/2027/bygglov/0114", "registrator@upplandsvasby.se")
	now := time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC)
	ledger.now = func() time.Time { return now }
	// The other process claimed the key and died before marking it sent.
	got, err := ledger.Claim(ctx, m, time.Minute)
	require.NoError(t, err)
	require.Equal(t, Claimed, got)

	sent, err := s.Send(ctx, m)
	var busy *BusyError
	require.ErrorAs(t, err, &busy)
	assert.False(t, sent)
	assert.Zero(t, srv.Attempts())

	now = now.Add(2 * time.Minute)
	sent, err = s.Send(ctx, m)
	require.NoError(t, err)
	assert.True(t, sent)
	assert.Equal(t, MessageID(m.Key, "skr.example"), srv.Wait(t, 1, wait)[0].MessageID())
	assert.Equal(t, []string{m.Key}, ledger.Sent())
}

// A message the local outbox kept (a run without SMTP) is not thereby sent: with SMTP it is.
func TestAMessageKeptByTheOutboxIsSentBySMTP(t *testing.T) {
	srv := smtptest.Start(t)
	s, ledger := sender(t, srv, nil)
	m := offer("k", "a@kommun.example")
	kept, err := (Outbox{Ledger: ledger}).Send(ctx, m)
	require.NoError(t, err)
	assert.True(t, kept)
	kept, err = (Outbox{Ledger: ledger}).Send(ctx, m)
	require.NoError(t, err)
	assert.False(t, kept, "kept once per key")
	assert.Empty(t, ledger.Sent())

	sent, err := s.Send(ctx, m)
	require.NoError(t, err)
	assert.True(t, sent)
	assert.Len(t, srv.Wait(t, 1, wait), 1)
	assert.Equal(t, []string{"k"}, ledger.Sent())
}

func TestNewSenderPicksSMTPOnlyWithAConfig(t *testing.T) {
	ledger := NewMemory()
	s, err := NewSender(nil, ledger)
	require.NoError(t, err)
	assert.IsType(t, Outbox{}, s)
	s, err = NewSender(&Config{Host: "smtp.skr.example", From: "handslag@skr.example"}, ledger)
	require.NoError(t, err)
	assert.IsType(t, &SMTPSender{}, s)
	_, err = NewSender(&Config{Host: "smtp.skr.example", From: "handslag@skr.example", TLS: "yes"}, ledger)
	var ce *ConfigError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, EnvTLS, ce.Setting)
}
