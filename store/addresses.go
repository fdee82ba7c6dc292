package store

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/skr/handslag/contacts"
)

var _ contacts.Book = (*DB)(nil)

// The address register (contacts.Entry rows) and its change log: every address added or
// removed, by whom, when and why, in the same transaction as the change.

// AddressChange is one line of the change log.
type AddressChange struct {
	At     time.Time     `json:"at"`
	By     string        `json:"by"`
	Kind   contacts.Kind `json:"kind"`
	Party  string        `json:"party"`
	Action string        `json:"action"` // added or removed
	Email  string        `json:"email"`
	Note   string        `json:"note,omitempty"`
}

// Addresses implements contacts.Book: a party's addresses, sorted.
func (db *DB) Addresses(ctx context.Context, kind contacts.Kind, party string) ([]string, error) {
	rows, err := db.query(ctx, `SELECT email FROM addresses WHERE kind = $1 AND party = $2 ORDER BY email`, string(kind), party)
	if err != nil {
		return nil, wrap("addresses", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, wrap("addresses", err)
		}
		out = append(out, e)
	}
	return out, wrap("addresses", rows.Err())
}

var _ contacts.ManyBook = (*DB)(nil)

// partiesPerQuery bounds the parameters of one query (both databases take far more).
const partiesPerQuery = 500

// AddressesOfMany implements contacts.ManyBook: each party's addresses, sorted, in one query
// per partiesPerQuery parties.
func (db *DB) AddressesOfMany(ctx context.Context, kind contacts.Kind, parties []string) (map[string][]string, error) {
	out := map[string][]string{}
	for len(parties) > 0 {
		n := min(len(parties), partiesPerQuery)
		if err := db.addressesOfChunk(ctx, kind, parties[:n], out); err != nil {
			return nil, wrap("addresses", err)
		}
		parties = parties[n:]
	}
	return out, nil
}

// addressesOfChunk adds the addresses of at most partiesPerQuery parties to out.
func (db *DB) addressesOfChunk(ctx context.Context, kind contacts.Kind, parties []string, out map[string][]string) error {
	marks := make([]string, len(parties))
	args := []any{string(kind)}
	for i, p := range parties {
		marks[i] = "$" + strconv.Itoa(i+2)
		args = append(args, p)
	}
	rows, err := db.query(ctx, `SELECT party, email FROM addresses WHERE kind = $1 AND party IN (`+
		strings.Join(marks, ", ")+`) ORDER BY party, email`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var party, email string
		if err := rows.Scan(&party, &email); err != nil {
			return err
		}
		out[party] = append(out[party], email)
	}
	return rows.Err()
}

// Register is every entry of a kind, by party and address.
func (db *DB) Register(ctx context.Context, kind contacts.Kind) ([]contacts.Entry, error) {
	rows, err := db.query(ctx, `SELECT party, email FROM addresses WHERE kind = $1 ORDER BY party, email`, string(kind))
	if err != nil {
		return nil, wrap("addresses", err)
	}
	defer rows.Close()
	var out []contacts.Entry
	for rows.Next() {
		e := contacts.Entry{Kind: kind}
		if err := rows.Scan(&e.Party, &e.Email); err != nil {
			return nil, wrap("addresses", err)
		}
		out = append(out, e)
	}
	return out, wrap("addresses", rows.Err())
}

// AddAddress adds one checked entry; it reports false when the party had it already.
func (db *DB) AddAddress(ctx context.Context, e contacts.Entry, by, note string) (bool, error) {
	added := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		n, err := rowsAffected(tx.ExecContext(ctx, db.q(`INSERT INTO addresses (kind, party, email) VALUES ($1, $2, $3)
			ON CONFLICT (kind, party, email) DO NOTHING`), string(e.Kind), e.Party, e.Email))
		if err != nil || n == 0 {
			return err
		}
		added = true
		return db.logChange(ctx, tx, e, "added", by, note)
	})
	return added, wrap("addresses", err)
}

// RemoveAddress removes one entry; it reports false when there was none.
func (db *DB) RemoveAddress(ctx context.Context, e contacts.Entry, by, note string) (bool, error) {
	removed := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		n, err := rowsAffected(tx.ExecContext(ctx, db.q(`DELETE FROM addresses WHERE kind = $1 AND party = $2 AND email = $3`),
			string(e.Kind), e.Party, e.Email))
		if err != nil || n == 0 {
			return err
		}
		removed = true
		return db.logChange(ctx, tx, e, "removed", by, note)
	})
	return removed, wrap("addresses", err)
}

// ReplaceRegister makes a kind's register exactly entries (an import), in one transaction: each
// address that goes or comes is logged. It reports how many were added and removed.
func (db *DB) ReplaceRegister(ctx context.Context, kind contacts.Kind, entries []contacts.Entry, by, note string) (added, removed int, err error) {
	err = db.tx(ctx, func(tx *sql.Tx) error {
		added, removed = 0, 0
		rows, err := tx.QueryContext(ctx, db.q(`SELECT party, email FROM addresses WHERE kind = $1`), string(kind))
		if err != nil {
			return err
		}
		have := map[string]contacts.Entry{}
		for rows.Next() {
			e := contacts.Entry{Kind: kind}
			if err := rows.Scan(&e.Party, &e.Email); err != nil {
				rows.Close()
				return err
			}
			have[key(e)] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		want := map[string]bool{}
		for _, e := range entries {
			if e.Kind != kind || want[key(e)] {
				continue
			}
			want[key(e)] = true
			if _, ok := have[key(e)]; ok {
				continue
			}
			if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO addresses (kind, party, email) VALUES ($1, $2, $3)`),
				string(kind), e.Party, e.Email); err != nil {
				return err
			}
			if err := db.logChange(ctx, tx, e, "added", by, note); err != nil {
				return err
			}
			added++
		}
		for _, e := range sortedEntries(have) {
			if want[key(e)] {
				continue
			}
			if _, err := tx.ExecContext(ctx, db.q(`DELETE FROM addresses WHERE kind = $1 AND party = $2 AND email = $3`),
				string(kind), e.Party, e.Email); err != nil {
				return err
			}
			if err := db.logChange(ctx, tx, e, "removed", by, note); err != nil {
				return err
			}
			removed++
		}
		return nil
	})
	return added, removed, wrap("addresses", err)
}

func key(e contacts.Entry) string { return e.Party + "\x00" + strings.ToLower(e.Email) }

func sortedEntries(m map[string]contacts.Entry) []contacts.Entry {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]contacts.Entry, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func (db *DB) logChange(ctx context.Context, tx *sql.Tx, e contacts.Entry, action, by, note string) error {
	_, err := tx.ExecContext(ctx, db.q(`INSERT INTO address_changes (at, by_id, kind, party, action, email, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`), nanos(db.now()), by, string(e.Kind), e.Party, action, e.Email, note)
	return err
}

// AddressChanges is the change log of a kind (of one party when party is not empty), newest
// first, at most limit lines.
func (db *DB) AddressChanges(ctx context.Context, kind contacts.Kind, party string, limit int) ([]AddressChange, error) {
	q := `SELECT at, by_id, kind, party, action, email, note FROM address_changes WHERE kind = $1`
	args := []any{string(kind)}
	if party != "" {
		q += ` AND party = $2`
		args = append(args, party)
	}
	q += ` ORDER BY at DESC, id DESC LIMIT ` + strconv.Itoa(limit)
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, wrap("address changes", err)
	}
	defer rows.Close()
	var out []AddressChange
	for rows.Next() {
		var c AddressChange
		var at int64
		var kind string
		if err := rows.Scan(&at, &c.By, &kind, &c.Party, &c.Action, &c.Email, &c.Note); err != nil {
			return nil, wrap("address changes", err)
		}
		c.At, c.Kind = fromNanos(at), contacts.Kind(kind)
		out = append(out, c)
	}
	return out, wrap("address changes", rows.Err())
}

// HasAddresses reports whether the register holds any address of a kind.
func (db *DB) HasAddresses(ctx context.Context, kind contacts.Kind) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM addresses WHERE kind = $1`, string(kind)).Scan(&n)
	return n > 0, wrap("addresses", err)
}
