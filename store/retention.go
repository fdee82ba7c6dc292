package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/skr/handslag/mail"
)

// forgetBatch bounds one transaction of ForgetMail.
const forgetBatch = 500

// ForgetMail removes the recipients and contents of e-mails sent (or kept by the local outbox)
// before the cutoff: the row keeps its key, state and dates, so that a retried activity still
// finds the key and never sends the message again. A message claimed for sending is left
// alone. It returns how many messages it emptied; running it again empties none of them twice.
func (db *DB) ForgetMail(ctx context.Context, before time.Time) (int, error) {
	cutoff := nanos(before)
	return db.forgetMailWhere(ctx, `((state = 'sent' AND sent_at < $1) OR (state = 'kept' AND created < $1))`, cutoff)
}

// ForgetMailKeys empties, as ForgetMail does, every e-mail whose key begins with prefix (the
// receipts of one offer round when its answerers' retention runs out), whenever it was sent.
func (db *DB) ForgetMailKeys(ctx context.Context, prefix string) (int, error) {
	if prefix == "" {
		return 0, errors.New("store: forgetting e-mail needs a key prefix")
	}
	return db.forgetMailWhere(ctx, `state IN ('sent', 'kept') AND substr(key, 1, $1) = $2`, len(prefix), prefix)
}

// forgetMailWhere empties the messages that match cond (its arguments from $1), in batches.
func (db *DB) forgetMailWhere(ctx context.Context, cond string, args ...any) (int, error) {
	limit := fmt.Sprintf("$%d", len(args)+1)
	total := 0
	for {
		var keys []string
		var created []int64
		rows, err := db.query(ctx, `SELECT key, created FROM mail WHERE forgotten = 0 AND `+cond+
			` ORDER BY key LIMIT `+limit, append(args, forgetBatch)...)
		if err != nil {
			return total, wrap("mail", err)
		}
		for rows.Next() {
			var k string
			var c int64
			if err := rows.Scan(&k, &c); err != nil {
				rows.Close()
				return total, wrap("mail", err)
			}
			keys, created = append(keys, k), append(created, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return total, wrap("mail", err)
		}
		if len(keys) == 0 {
			return total, nil
		}
		err = db.tx(ctx, func(tx *sql.Tx) error {
			for i, k := range keys {
				empty, err := json.Marshal(mail.Message{Key: k, Created: time.Unix(0, created[i]).UTC()})
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, db.q(`UPDATE mail SET message = $2, forgotten = 1 WHERE key = $1`), k, string(empty)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return total, wrap("mail", err)
		}
		total += len(keys)
	}
}

// ForgetAddressChanges deletes the address registers' change log before the cutoff (who
// changed which address when); the registers themselves are what is in use now.
func (db *DB) ForgetAddressChanges(ctx context.Context, before time.Time) (int, error) {
	n, err := rowsAffected(db.exec(ctx, `DELETE FROM address_changes WHERE at < $1`, nanos(before)))
	return int(n), wrap("address changes", err)
}
