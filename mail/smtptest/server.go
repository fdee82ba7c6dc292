// Package smtptest runs a real SMTP server (github.com/emersion/go-smtp) on 127.0.0.1 inside a
// test and keeps every message it accepts, decoded for assertions. It is shared by the tests of
// the mail package, the offer round and the browser tests.
//
//	srv := smtptest.Start(t)
//	cfg := mail.Config{Host: srv.Host, Port: srv.Port, TLS: mail.TLSNone, From: "handslag@skr.example"}
//	... send ...
//	msgs := srv.Wait(t, 1, 5*time.Second)
package smtptest

import (
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Option changes how the server behaves.
type Option func(*Server)

// WithAuth requires AUTH PLAIN with these credentials before MAIL FROM.
func WithAuth(username, password string) Option {
	return func(s *Server) { s.username, s.password = username, password }
}

// WithSTARTTLS offers STARTTLS with a fresh self-signed certificate (see ClientTLSConfig).
func WithSTARTTLS() Option { return func(s *Server) { s.tlsMode = "starttls" } }

// WithImplicitTLS speaks TLS from the first byte (as on port 465).
func WithImplicitTLS() Option { return func(s *Server) { s.tlsMode = "tls" } }

// Server is a running test SMTP server.
type Server struct {
	Addr string // 127.0.0.1:port
	Host string // 127.0.0.1
	Port int

	username, password string
	tlsMode            string
	tlsConfig          *tls.Config
	clientTLS          *tls.Config

	mu       sync.Mutex
	msgs     []Message
	refuse   *smtp.SMTPError // at DATA
	refuseTo *smtp.SMTPError // at RCPT TO
	arrived  chan struct{}
	attempts int
	close    func() error
}

// Start starts a server on 127.0.0.1:0; it stops when the test ends.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := Listen("127.0.0.1:0", opts...)
	if err != nil {
		t.Fatalf("smtptest: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("smtptest: %v", err)
		}
	})
	return s
}

// Listen starts a server on addr (host:port) outside a test: the production proof runs one as
// its own process (cmd/smtpsink) to count what the workers send. Close stops it.
func Listen(addr string, opts ...Option) (*Server, error) {
	s := &Server{arrived: make(chan struct{}, 1)}
	for _, o := range opts {
		o(s)
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	s.Host = host
	srv := smtp.NewServer(smtp.BackendFunc(s.newSession))
	srv.Domain = "smtptest.localhost"
	srv.AllowInsecureAuth = s.tlsMode == ""
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.MaxMessageBytes = 10 << 20
	srv.MaxRecipients = 1000
	if s.tlsMode != "" {
		if s.tlsConfig, s.clientTLS, err = selfSigned(s.Host); err != nil {
			return nil, err
		}
		srv.TLSConfig = s.tlsConfig
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if s.tlsMode == "tls" {
		l = tls.NewListener(l, s.tlsConfig)
	}
	s.Addr = l.Addr().String()
	s.Port = l.Addr().(*net.TCPAddr).Port
	done := make(chan struct{})
	var serveErr error
	go func() {
		defer close(done)
		if err := srv.Serve(l); err != nil && !errors.Is(err, smtp.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
			serveErr = err
		}
	}()
	s.close = func() error {
		_ = srv.Close()
		// A server closed at once (a test that skips) can be closed before Serve has taken the
		// listener in; Close then does not know it, and Serve would wait on it for ever.
		_ = l.Close()
		<-done
		return serveErr
	}
	return s, nil
}

// Close stops the server; it reports what ended serving, if anything but the close.
func (s *Server) Close() error { return s.close() }

// ClientTLSConfig trusts the server's self-signed certificate (nil without TLS).
func (s *Server) ClientTLSConfig() *tls.Config {
	if s.clientTLS == nil {
		return nil
	}
	return s.clientTLS.Clone()
}

// Refuse makes the server answer every DATA command with code (a 4xx or 5xx) until Accept.
func (s *Server) Refuse(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: "refused by smtptest"}
}

// RefuseRecipients makes the server answer every RCPT TO with code until Accept (a mailbox
// that does not exist: 550).
func (s *Server) RefuseRecipients(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuseTo = &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: "recipient refused by smtptest"}
}

// Accept undoes Refuse and RefuseRecipients.
func (s *Server) Accept() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse, s.refuseTo = nil, nil
}

// Messages returns a copy of every accepted message, in arrival order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Attempts counts DATA commands, accepted or refused.
func (s *Server) Attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts
}

// Wait returns the messages once at least n have arrived, failing the test after timeout.
func (s *Server) Wait(t testing.TB, n int, timeout time.Duration) []Message {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		if msgs := s.Messages(); len(msgs) >= n {
			return msgs
		}
		select {
		case <-s.arrived:
		case <-deadline.C:
			t.Fatalf("smtptest: %d messages after %v, want %d", len(s.Messages()), timeout, n)
		}
	}
}

func (s *Server) newSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{srv: s, conn: c}, nil
}

type session struct {
	srv  *Server
	conn *smtp.Conn
	user string
	from string
	to   []string
}

func (ss *session) AuthMechanisms() []string {
	if ss.srv.username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != ss.srv.username || password != ss.srv.password {
			return smtp.ErrAuthFailed
		}
		ss.user = username
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.srv.username != "" && ss.user == "" {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.srv.mu.Lock()
	defer ss.srv.mu.Unlock()
	if ss.srv.refuseTo != nil {
		return ss.srv.refuseTo
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, isTLS := ss.conn.TLSConnectionState()
	s := ss.srv
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attempts++
	if s.refuse != nil {
		return s.refuse
	}
	m := decode(data)
	m.From, m.To, m.TLS, m.AuthUser = ss.from, append([]string(nil), ss.to...), isTLS, ss.user
	s.msgs = append(s.msgs, m)
	select {
	case s.arrived <- struct{}{}:
	default:
	}
	return nil
}

func (ss *session) Reset() { ss.from, ss.to = "", nil }

func (ss *session) Logout() error { return nil }
