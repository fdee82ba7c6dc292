package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/mail"
)

// Person is everything Handslag's database holds about one e-mail address: what an access
// request exports and an erasure request removes.
type Person struct {
	Addresses []contacts.Entry `json:"addresses"`
	// Changes are the address change log's lines that name the address or were made by it.
	Changes []AddressChange `json:"address_changes"`
	// Mail are the e-mails sent to the address, with their contents (while kept).
	Mail []mail.Message `json:"mail"`
}

// Erased counts what ErasePerson removed.
type Erased struct {
	Addresses, Changes, Mail int
}

// FindPerson finds what the database holds about an e-mail address (compared without regard
// to case).
func (db *DB) FindPerson(ctx context.Context, email string) (Person, error) {
	var p Person
	email = strings.ToLower(strings.TrimSpace(email))
	rows, err := db.query(ctx, `SELECT kind, party, email FROM addresses WHERE lower(email) = $1 ORDER BY kind, party`, email)
	if err != nil {
		return Person{}, wrap("addresses", err)
	}
	for rows.Next() {
		var e contacts.Entry
		var kind string
		if err := rows.Scan(&kind, &e.Party, &e.Email); err != nil {
			rows.Close()
			return Person{}, wrap("addresses", err)
		}
		e.Kind = contacts.Kind(kind)
		p.Addresses = append(p.Addresses, e)
	}
	rows.Close()
	if p.Changes, err = db.changesOf(ctx, email); err != nil {
		return Person{}, err
	}
	sent, err := db.mailTo(ctx, email)
	if err != nil {
		return Person{}, err
	}
	for _, s := range sent {
		p.Mail = append(p.Mail, s.message)
	}
	return p, nil
}

func (db *DB) changesOf(ctx context.Context, email string) ([]AddressChange, error) {
	rows, err := db.query(ctx, `SELECT at, by_id, kind, party, action, email, note FROM address_changes
		WHERE lower(email) = $1 OR lower(by_id) = $1 ORDER BY at, id`, email)
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

type sentMail struct {
	state   string
	message mail.Message
}

// mailTo reads the e-mails with the address among their recipients. LIKE narrows the rows
// (an underscore in the address matches any character there); the recipients decide.
func (db *DB) mailTo(ctx context.Context, email string) ([]sentMail, error) {
	rows, err := db.query(ctx, `SELECT state, message FROM mail WHERE forgotten = 0 AND lower(CAST(message AS TEXT)) LIKE $1 ORDER BY created, key`,
		"%\""+email+"\"%")
	if err != nil {
		return nil, wrap("mail", err)
	}
	defer rows.Close()
	var out []sentMail
	for rows.Next() {
		var s sentMail
		var data []byte
		if err := rows.Scan(&s.state, &data); err != nil {
			return nil, wrap("mail", err)
		}
		if err := json.Unmarshal(data, &s.message); err != nil {
			return nil, wrap("mail", err)
		}
		for _, to := range s.message.To {
			if strings.EqualFold(strings.TrimSpace(to), email) {
				out = append(out, s)
				break
			}
		}
	}
	return out, wrap("mail", rows.Err())
}

// ErasePerson removes an e-mail address from the database at the person's request: from the
// address registers, from the change log (lines naming it or made by it), and from the e-mails
// sent to it, which keep their key and dates (so none is sent again) but lose recipients and
// contents. A message being sent at this moment is left to the retention sweep.
func (db *DB) ErasePerson(ctx context.Context, email string) (Erased, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	sent, err := db.mailTo(ctx, email)
	if err != nil {
		return Erased{}, err
	}
	var out Erased
	err = db.tx(ctx, func(tx *sql.Tx) error {
		n, err := rowsAffected(tx.ExecContext(ctx, db.q(`DELETE FROM addresses WHERE lower(email) = $1`), email))
		if err != nil {
			return err
		}
		out.Addresses = int(n)
		if n, err = rowsAffected(tx.ExecContext(ctx, db.q(`DELETE FROM address_changes WHERE lower(email) = $1 OR lower(by_id) = $1`), email)); err != nil {
			return err
		}
		out.Changes = int(n)
		for _, s := range sent {
			if s.state == "claimed" {
				continue
			}
			empty, err := json.Marshal(mail.Message{Key: s.message.Key, Created: s.message.Created})
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, db.q(`UPDATE mail SET message = $2, forgotten = 1 WHERE key = $1`), s.message.Key, string(empty)); err != nil {
				return err
			}
			out.Mail++
		}
		return nil
	})
	if err != nil {
		return Erased{}, wrap("erasure", err)
	}
	return out, nil
}
