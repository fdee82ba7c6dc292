// Package store keeps Handslag's own data, everything that is not workflow state, in a real
// database: SQLite embedded in the local system (one file in the data directory, WAL mode) and
// PostgreSQL in production. Both pass the same test suite. It holds the public case list, the
// e-mail ledger (outbox and sent-log), the address registers with their change log, and the
// console's sessions. The schema is migrated at Open with goose, versioned, each migration in a
// transaction, under a lock so that processes starting at once migrate once.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	_ "modernc.org/sqlite"             // the "sqlite" driver
)

// Dialect is the database behind a DB.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the open store.
type DB struct {
	sql     *sql.DB
	dialect Dialect
	// where names the database for messages, without a password.
	where string
	now   func() time.Time
}

// OpenError says the database cannot be used, naming it (without a password) and why.
type OpenError struct {
	Where string
	Err   error
}

func (e *OpenError) Error() string {
	return "the database " + e.Where + " cannot be used: " + e.Err.Error()
}
func (e *OpenError) Unwrap() error { return e.Err }

// Open connects to the database at url, checks that it answers, and migrates its schema.
// url is "postgres://..." (or "postgresql://...") for PostgreSQL, and "sqlite:PATH" or a plain
// file path for SQLite (the file and its directory are created).
func Open(ctx context.Context, url string) (*DB, error) {
	db, err := open(url)
	if err != nil {
		return nil, err
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.sql.PingContext(pingCtx); err != nil {
		db.sql.Close()
		return nil, &OpenError{Where: db.where, Err: err}
	}
	if err := db.migrate(ctx, migrations(db.dialect)); err != nil {
		db.sql.Close()
		return nil, &OpenError{Where: db.where, Err: err}
	}
	return db, nil
}

func open(dsn string) (*DB, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, &OpenError{Where: redactURL(dsn), Err: err}
		}
		db.SetMaxOpenConns(20)
		return &DB{sql: db, dialect: Postgres, where: redactURL(dsn), now: time.Now}, nil
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	if path == "" {
		return nil, &OpenError{Where: "(none)", Err: errors.New("no database given: a postgres:// URL or an SQLite file")}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, &OpenError{Where: path, Err: err}
	}
	// WAL: readers never wait for the writer. A busy timeout instead of "database is locked".
	// Immediate transactions take the write lock when they begin, so two writers never
	// deadlock upgrading a read lock. Foreign keys on.
	q := "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", "file:"+path+"?"+q)
	if err != nil {
		return nil, &OpenError{Where: path, Err: err}
	}
	return &DB{sql: db, dialect: SQLite, where: path, now: time.Now}, nil
}

// redactURL hides the password of a database URL.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(a database URL that cannot be parsed)"
	}
	return u.Redacted()
}

// Dialect is the database kind.
func (db *DB) Dialect() Dialect { return db.dialect }

// Where names the database (without a password), for logs and messages.
func (db *DB) Where() string { return db.where }

// Ping checks that the database answers (readiness).
func (db *DB) Ping(ctx context.Context) error { return db.sql.PingContext(ctx) }

// Close closes the connections.
func (db *DB) Close() error { return db.sql.Close() }

// numbered matches the $1, $2 ... placeholders the queries are written with.
var numbered = regexp.MustCompile(`\$(\d+)`)

// q adapts a query written for PostgreSQL ($1 placeholders) to the dialect: SQLite takes ?1.
func (db *DB) q(query string) string {
	if db.dialect == SQLite {
		return numbered.ReplaceAllString(query, "?$1")
	}
	return query
}

func (db *DB) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.sql.ExecContext(ctx, db.q(query), args...)
}

func (db *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.sql.QueryContext(ctx, db.q(query), args...)
}

func (db *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return db.sql.QueryRowContext(ctx, db.q(query), args...)
}

// tx runs fn in a transaction: committed if fn returns nil, rolled back otherwise.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// nanos stores an instant as Unix nanoseconds: the same in both databases and comparable in
// SQL (a lease that ran out). Zero stays zero.
func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// rowsAffected is how many rows a statement changed.
func rowsAffected(r sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
