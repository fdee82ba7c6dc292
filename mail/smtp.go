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
	"strconv"
	"strings"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTPSender sends each message through an SMTP server once per key. It implements Sender.
//
// Exactly once, and its limit: before sending, the key is claimed in the ledger (the database
// every worker shares) for a lease; after the server accepted the message, the key is marked
// sent, and a Send whose key is marked sends nothing. If the process dies between the server's
// acceptance and the mark, the lease runs out and the retry sends again. That copy carries the
// same Message-ID, derived from the key, so mail systems and readers can recognise it as a
// duplicate. While a lease runs, another process's Send of the same key is told to try later
// (BusyError); within one process, Sends of one key wait for each other.
type SMTPSender struct {
	cfg    Config
	domain string // of the From address, for Message-IDs
	ledger Ledger
	locks  [stripes]sync.Mutex // striped by key
}

var _ Sender = (*SMTPSender)(nil)

// NewSMTPSender checks cfg and records its keys in ledger.
func NewSMTPSender(cfg Config, ledger Ledger) (*SMTPSender, error) {
	cfg, err := cfg.Check()
	if err != nil {
		return nil, err
	}
	from, _ := netmail.ParseAddress(cfg.From) // checked by Check
	_, domain, _ := strings.Cut(from.Address, "@")
	return &SMTPSender{cfg: cfg, domain: domain, ledger: ledger}, nil
}

// NewSender returns the SMTP sender when cfg is given, otherwise the outbox in the ledger, so
// the local system needs no mail server. Both record their keys in ledger.
func NewSender(cfg *Config, ledger Ledger) (Sender, error) {
	if cfg == nil {
		return Outbox{Ledger: ledger}, nil
	}
	return NewSMTPSender(*cfg, ledger)
}

// MessageID is the Message-ID header of the message with this key sent from domain: the same
// for every attempt, so a resent copy can be recognised.
func MessageID(key, domain string) string {
	sum := sha256.Sum256([]byte(key))
	return "<handslag." + hex.EncodeToString(sum[:16]) + "@" + domain + ">"
}

// BusyError says another worker process is sending the message with this key right now; the
// activity retries, and then finds it sent (or the other process's lease run out).
type BusyError struct{ Key string }

func (e *BusyError) Error() string {
	return "mail " + e.Key + ": another worker is sending it now; try again later"
}

// lease is how long a claim holds: longer than one attempt to send can take.
func (s *SMTPSender) lease() time.Duration { return 3*s.cfg.Timeout + 30*time.Second }

// Send sends m unless its key is marked sent; it reports whether it sent. A server that refuses
// returns a *SendError and marks nothing, so a retry sends again.
func (s *SMTPSender) Send(ctx context.Context, m Message) (bool, error) {
	if m.Key == "" {
		return false, errNoKey
	}
	lock := &s.locks[stripe(m.Key)]
	lock.Lock()
	defer lock.Unlock()
	claim, err := s.ledger.Claim(ctx, m, s.lease())
	if err != nil {
		return false, fmt.Errorf("mail %s: ledger: %w", m.Key, err)
	}
	switch claim {
	case AlreadySent:
		return false, nil
	case Busy:
		return false, &BusyError{Key: m.Key}
	}
	msg, err := s.build(m)
	if err == nil {
		err = s.send(ctx, msg)
	}
	if err != nil {
		// Detached from ctx: a cancelled attempt still gives its claim back.
		_ = s.ledger.Release(context.WithoutCancel(ctx), m.Key)
		if msg == nil {
			// A message no server would take: as permanent as a 5xx reply.
			return false, &SendError{Key: m.Key, Server: s.server(), Permanent: true, reason: redact(err.Error()), err: err}
		}
		return false, sendError(m.Key, s.server(), err)
	}
	if err := s.ledger.MarkSent(context.WithoutCancel(ctx), m.Key); err != nil {
		return false, fmt.Errorf("mail %s: sent, but not recorded (a retry sends it again with the same Message-ID): %w", m.Key, err)
	}
	return true, nil
}

func (s *SMTPSender) build(m Message) (*gomail.Msg, error) {
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

func (s *SMTPSender) send(ctx context.Context, msg *gomail.Msg) error {
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
	ctx, cancel := context.WithTimeout(ctx, 2*s.cfg.Timeout)
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
