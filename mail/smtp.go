package mail

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	netmail "net/mail"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/outbox"
	gomail "github.com/wneessen/go-mail"
)

// SMTPSender sends each message through an SMTP server once per key. It implements
// activities.Sender.
//
// Exactly once, and its limit: a key is recorded in the sent-log (an outbox.Dir) after the
// server accepted the message, and a Put whose key is recorded sends nothing. If the process dies
// (or the disk fails) between the server's acceptance and the record, the retry sends again.
// That copy carries the same Message-ID, derived from the key, so mail systems and readers can
// recognise it as a duplicate. Within one process, Puts of one key are serialised; two worker
// processes sending the same key at the same instant could both send (Temporal does not run one
// activity twice at once, so that needs two workflows using one key).
type SMTPSender struct {
	cfg    Config
	domain string // of the From address, for Message-IDs
	sent   *outbox.Dir
	locks  [stripes]sync.Mutex // striped by key
}

var _ activities.Sender = (*SMTPSender)(nil)

// NewSMTPSender checks cfg and keeps its sent-log in sentLogDir.
func NewSMTPSender(cfg Config, sentLogDir string) (*SMTPSender, error) {
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	from, _ := netmail.ParseAddress(cfg.From) // checked by normalize
	_, domain, _ := strings.Cut(from.Address, "@")
	sent, err := outbox.NewDir(sentLogDir)
	if err != nil {
		return nil, err
	}
	return &SMTPSender{cfg: cfg, domain: domain, sent: sent}, nil
}

// FromEnv returns the SMTP sender when HANDSLAG_SMTP_HOST is set, its sent-log in
// outboxDir/smtp-sent; otherwise the file outbox in outboxDir, so the local system needs no mail
// server. A separate sent-log keeps messages a local run stored from counting as sent.
func FromEnv(outboxDir string) (activities.Sender, error) {
	cfg, ok, err := ConfigFromEnv()
	if err != nil {
		return nil, err
	}
	if !ok {
		return outbox.NewDir(outboxDir)
	}
	return NewSMTPSender(cfg, filepath.Join(outboxDir, "smtp-sent"))
}

// MessageID is the Message-ID header of the message with this key sent from domain: the same
// for every attempt, so a resent copy can be recognised.
func MessageID(key, domain string) string {
	sum := sha256.Sum256([]byte(key))
	return "<handslag." + hex.EncodeToString(sum[:16]) + "@" + domain + ">"
}

// Put sends m unless its key is already in the sent-log; it reports whether it sent. A server
// that refuses returns a *SendError and records nothing, so a retry sends again.
func (s *SMTPSender) Put(m outbox.Message) (bool, error) {
	if m.Key == "" {
		return false, errors.New("mail: message without idempotency key")
	}
	lock := &s.locks[stripe(m.Key)]
	lock.Lock()
	defer lock.Unlock()
	done, err := s.sent.Has(m.Key)
	if err != nil {
		return false, fmt.Errorf("mail: sent-log: %w", err)
	}
	if done {
		return false, nil
	}
	msg, err := s.build(m)
	if err != nil {
		// A message no server would take: as permanent as a 5xx reply.
		return false, &SendError{Key: m.Key, Server: s.server(), Permanent: true, reason: redact(err.Error()), err: err}
	}
	if err := s.send(msg); err != nil {
		return false, sendError(m.Key, s.server(), err)
	}
	if _, err := s.sent.Put(m); err != nil {
		return false, fmt.Errorf("mail %s: sent, but not recorded (a retry sends it again with the same Message-ID): %w", m.Key, err)
	}
	return true, nil
}

func (s *SMTPSender) build(m outbox.Message) (*gomail.Msg, error) {
	if len(m.To) == 0 {
		return nil, errors.New("no recipient")
	}
	msg := gomail.NewMsg() // UTF-8, quoted-printable
	if err := msg.From(s.cfg.From); err != nil {
		return nil, err
	}
	if err := msg.To(m.To...); err != nil {
		return nil, err
	}
	msg.Subject(m.Subject)
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	msg.SetMessageIDWithValue(strings.Trim(MessageID(m.Key, s.domain), "<>"))
	if !m.Created.IsZero() {
		msg.SetDateWithValue(m.Created)
	} else {
		msg.SetDate()
	}
	// RFC 3834: keeps out-of-office replies away from the sender.
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	if m.Unsubscribe != "" {
		// RFC 8058: a mail client offers "unsubscribe" and POSTs "List-Unsubscribe=One-Click"
		// to the link, which the unsubscribe page accepts without a form (web/unsubscribe.go).
		msg.SetGenHeader(gomail.Header("List-Unsubscribe"), "<"+m.Unsubscribe+">")
		msg.SetGenHeader(gomail.Header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click")
	}
	return msg, nil
}

func (s *SMTPSender) send(msg *gomail.Msg) error {
	opts := []gomail.Option{gomail.WithPort(s.cfg.Port), gomail.WithTimeout(s.cfg.Timeout)}
	switch s.cfg.TLS {
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	}
	if s.cfg.TLSConfig != nil {
		tc := s.cfg.TLSConfig.Clone()
		if tc.ServerName == "" {
			tc.ServerName = s.cfg.Host
		}
		opts = append(opts, gomail.WithTLSConfig(tc))
	}
	if s.cfg.Username != "" {
		// Auto-discovery picks the strongest mechanism offered and, on a connection without
		// TLS, only those that do not reveal the password (never PLAIN or LOGIN).
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	client, err := gomail.NewClient(s.cfg.Host, opts...)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*s.cfg.Timeout)
	defer cancel()
	return client.DialAndSendWithContext(ctx, msg)
}

func (s *SMTPSender) server() string { return net.JoinHostPort(s.cfg.Host, strconv.Itoa(s.cfg.Port)) }

const stripes = 64

func stripe(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % stripes)
}
