// Package mail owns the system's e-mail: the Message, the Sender that activities send through,
// the local outbox (messages kept in the database for a person to read, no mail server needed)
// and SMTP. Each message has a business idempotency key, and a Ledger shared by every worker
// process (the database) records each key, so a retried or replayed activity never sends twice.
package mail

import (
	"context"
	"time"
)

// Message is one outgoing e-mail.
type Message struct {
	Key     string    `json:"key"`
	To      []string  `json:"to"`
	Subject string    `json:"subject"`
	Body    string    `json:"body"`
	Created time.Time `json:"created"`
	// Unsubscribe is the recipient's one-click unsubscribe link, if any: a sender that can
	// set headers puts it in List-Unsubscribe with List-Unsubscribe-Post (RFC 8058).
	Unsubscribe string `json:"unsubscribe,omitempty"`
}

// Sender sends (or keeps) one message exactly once per key; it reports whether it was new.
type Sender interface {
	Send(ctx context.Context, m Message) (bool, error)
}

// Forgetter empties stored messages of their recipients and contents, keeping their keys (so
// that none is ever sent again), for every key that begins with a prefix: the retention of
// one case's personal data (package store: the database).
type Forgetter interface {
	ForgetMailKeys(ctx context.Context, prefix string) (int, error)
}

// ClaimResult says what Ledger.Claim found.
type ClaimResult int

const (
	// Claimed: the caller holds the key now and sends; it marks it sent or releases it.
	Claimed ClaimResult = iota + 1
	// AlreadySent: the key was sent before; nothing to do.
	AlreadySent
	// Busy: another process holds the key and its lease has not run out; try again later.
	Busy
)

// Ledger records messages by key, in a store every worker process shares (package store: the
// database; Memory for tests and tools that run alone).
type Ledger interface {
	// Keep stores m unless a message with its key is stored; it reports whether it stored m.
	// The local outbox uses it: the message is "sent" when it is kept.
	Keep(ctx context.Context, m Message) (bool, error)
	// KeepAll keeps each of ms as Keep does, all or none (one transaction in the database, so
	// that a batch of receipts costs one write, not one each); it reports for each whether it
	// stored it. A key twice in ms is stored once, the first time. A message without a key is
	// refused, and none of ms is kept.
	KeepAll(ctx context.Context, ms []Message) ([]bool, error)
	// Claim takes m's key for sending until lease has passed, storing m with it. A claim whose
	// lease ran out (its holder died between sending and marking) can be claimed again: that
	// copy is sent again, with the same Message-ID.
	Claim(ctx context.Context, m Message, lease time.Duration) (ClaimResult, error)
	// MarkSent records a claimed key as sent, for good.
	MarkSent(ctx context.Context, key string) error
	// Release gives a claimed key back after a failed send, so a retry may claim it at once.
	Release(ctx context.Context, key string) error
	// Messages returns every stored message, oldest first (the local outbox, for reading).
	Messages(ctx context.Context) ([]Message, error)
}

// Outbox is the Sender of a system without a mail server: every message is kept in the ledger
// (the database), once per key, where a person can read it.
type Outbox struct{ Ledger Ledger }

// Send keeps m; it reports whether m was new.
func (o Outbox) Send(ctx context.Context, m Message) (bool, error) {
	if m.Key == "" {
		return false, errNoKey
	}
	return o.Ledger.Keep(ctx, m)
}

var _ BatchSender = Outbox{}

// SendAll keeps ms in one write; it reports for each whether it was new. A message without a
// key is refused by the ledger, and none of ms is kept.
func (o Outbox) SendAll(ctx context.Context, ms []Message) ([]bool, error) {
	return o.Ledger.KeepAll(ctx, ms)
}

// BatchSender is a Sender that sends many messages at once more cheaply than one by one (the
// outbox: one write to the database).
type BatchSender interface {
	Sender
	SendAll(ctx context.Context, ms []Message) ([]bool, error)
}
