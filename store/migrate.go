package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations
var embedded embed.FS

// migrations are the schema's versions for the dialect, one SQL file per version.
func migrations(d Dialect) fs.FS {
	sub, err := fs.Sub(embedded, "migrations/"+string(d))
	if err != nil {
		panic(err) // embedded at build time
	}
	return sub
}

// migrate brings the schema up to the newest version in fsys. Each migration runs in a
// transaction, so one that fails leaves the schema as it was. A lock lets one process at a
// time migrate: PostgreSQL's advisory lock, or a file lock beside the SQLite file.
func (db *DB) migrate(ctx context.Context, fsys fs.FS) error {
	dialect := goose.DialectPostgres
	var locker lock.SessionLocker
	if db.dialect == SQLite {
		dialect = goose.DialectSQLite3
		locker = &fileLocker{path: db.where + ".migrate.lock"}
	} else {
		var err error
		if locker, err = lock.NewPostgresSessionLocker(); err != nil {
			return err
		}
	}
	p, err := goose.NewProvider(dialect, db.sql, fsys, goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrating the schema: %w", err)
	}
	return nil
}

// SchemaVersion is the newest migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int64, error) {
	dialect := goose.DialectPostgres
	if db.dialect == SQLite {
		dialect = goose.DialectSQLite3
	}
	p, err := goose.NewProvider(dialect, db.sql, migrations(db.dialect))
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}

// fileLocker serialises migrations of an SQLite file between processes on its host with a
// lock file (flock: released when the process dies). SQLite's own write lock cannot be held
// for this: the migrations run on other connections of the pool.
type fileLocker struct {
	path string
	f    *os.File
}

func (l *fileLocker) SessionLock(ctx context.Context, _ *sql.Conn) error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- syscall.Flock(int(f.Fd()), syscall.LOCK_EX) }()
	select {
	case err := <-done:
		if err != nil {
			f.Close()
			return err
		}
		l.f = f
		return nil
	case <-ctx.Done():
		f.Close() // ends the waiting flock
		return ctx.Err()
	}
}

func (l *fileLocker) SessionUnlock(context.Context, *sql.Conn) error {
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
