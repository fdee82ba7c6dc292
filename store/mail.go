package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/skr/handslag/mail"
)

var _ mail.Ledger = (*DB)(nil)

// The mail table is the e-mail ledger every worker process shares: one row per business key,
// "kept" by the local outbox, or "claimed" for a lease and then "sent" by SMTP.

// errNoMailKey refuses a message that could be stored twice (mail.Outbox checks the same).
var errNoMailKey = errors.New("a message without idempotency key")

// keepQuery stores a message as kept unless its key is stored.
const keepQuery = `INSERT INTO mail (key, message, created, state) VALUES ($1, $2, $3, 'kept') ON CONFLICT (key) DO NOTHING`

// Keep implements mail.Ledger.
func (db *DB) Keep(ctx context.Context, m mail.Message) (bool, error) {
	data, err := json.Marshal(m)
	if err != nil {
		return false, err
	}
	n, err := rowsAffected(db.exec(ctx, keepQuery, m.Key, string(data), nanos(created(m, db.now()))))
	return n == 1, wrap("mail", err)
}

// KeepAll implements mail.Ledger: one transaction, so that a batch of receipts takes the
// database's write lock once (on SQLite, writers queue for it; one lock per receipt made every
// offer round that sent receipts at the same time wait for the others).
func (db *DB) KeepAll(ctx context.Context, ms []mail.Message) ([]bool, error) {
	data := make([]string, len(ms))
	for i, m := range ms {
		if m.Key == "" {
			return nil, wrap("mail", errNoMailKey)
		}
		b, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		data[i] = string(b)
	}
	kept := make([]bool, len(ms))
	now := db.now()
	err := db.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, db.q(keepQuery))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, m := range ms {
			n, err := rowsAffected(stmt.ExecContext(ctx, m.Key, data[i], nanos(created(m, now))))
			if err != nil {
				return err
			}
			kept[i] = n == 1
		}
		return nil
	})
	if err != nil {
		return nil, wrap("mail", err)
	}
	return kept, nil
}

func created(m mail.Message, now time.Time) time.Time {
	if m.Created.IsZero() {
		return now
	}
	return m.Created
}

// Claim implements mail.Ledger: a new key is inserted claimed; a kept key (an outbox run
// before SMTP was set up) or a claim whose lease ran out is taken over; a sent key is left.
func (db *DB) Claim(ctx context.Context, m mail.Message, lease time.Duration) (mail.ClaimResult, error) {
	data, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	now := db.now()
	until := nanos(now.Add(lease))
	n, err := rowsAffected(db.exec(ctx, `INSERT INTO mail (key, message, created, state, lease_until)
		VALUES ($1, $2, $3, 'claimed', $4) ON CONFLICT (key) DO NOTHING`, m.Key, string(data), nanos(created(m, now)), until))
	if err != nil {
		return 0, wrap("mail", err)
	}
	if n == 1 {
		return mail.Claimed, nil
	}
	n, err = rowsAffected(db.exec(ctx, `UPDATE mail SET state = 'claimed', lease_until = $2, message = $3
		WHERE key = $1 AND (state = 'kept' OR (state = 'claimed' AND lease_until < $4))`, m.Key, until, string(data), nanos(now)))
	if err != nil {
		return 0, wrap("mail", err)
	}
	if n == 1 {
		return mail.Claimed, nil
	}
	var state string
	if err := db.queryRow(ctx, `SELECT state FROM mail WHERE key = $1`, m.Key).Scan(&state); err != nil {
		return 0, wrap("mail", err)
	}
	if state == "sent" {
		return mail.AlreadySent, nil
	}
	return mail.Busy, nil
}

// MarkSent implements mail.Ledger.
func (db *DB) MarkSent(ctx context.Context, key string) error {
	_, err := db.exec(ctx, `UPDATE mail SET state = 'sent', lease_until = 0, sent_at = $2 WHERE key = $1`, key, nanos(db.now()))
	return wrap("mail", err)
}

// Release implements mail.Ledger.
func (db *DB) Release(ctx context.Context, key string) error {
	_, err := db.exec(ctx, `UPDATE mail SET lease_until = 0 WHERE key = $1 AND state = 'claimed'`, key)
	return wrap("mail", err)
}

// Messages implements mail.Ledger: every message, oldest first.
func (db *DB) Messages(ctx context.Context) ([]mail.Message, error) {
	rows, err := db.query(ctx, `SELECT message FROM mail ORDER BY created, key`)
	if err != nil {
		return nil, wrap("mail", err)
	}
	defer rows.Close()
	var out []mail.Message
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, wrap("mail", err)
		}
		var m mail.Message
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, wrap("mail", err)
		}
		out = append(out, m)
	}
	return out, wrap("mail", rows.Err())
}

// MailState says what the ledger knows of a key: "kept", "claimed", "sent", or "" (unknown).
func (db *DB) MailState(ctx context.Context, key string) (string, error) {
	var state string
	err := db.queryRow(ctx, `SELECT state FROM mail WHERE key = $1`, key).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return state, wrap("mail", err)
}
