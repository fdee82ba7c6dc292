package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/skr/handslag/internal/pgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testBackends = map[string]func(t *testing.T) string{
	"sqlite":     func(t *testing.T) string { return "sqlite:" + t.TempDir() + "/handslag.db" },
	"postgresql": func(t *testing.T) string { return pgtest.URL(t) },
}

// withBroken is the real schema plus a version whose second statement fails.
func withBroken(d Dialect) fstest.MapFS {
	fsys := fstest.MapFS{}
	real := migrations(d)
	data, err := fsReadFile(real, "00001_initial.sql")
	if err != nil {
		panic(err)
	}
	fsys["00001_initial.sql"] = &fstest.MapFile{Data: data}
	fsys["99999_broken.sql"] = &fstest.MapFile{Data: []byte(`-- +goose Up
CREATE TABLE half_done (x INTEGER);
INSERT INTO no_such_table VALUES (1);
-- +goose Down
DROP TABLE half_done;
`)}
	return fsys
}

// A migration that fails leaves the schema as it was: its first statement is undone too, and
// the version stays where it was.
func TestAFailedMigrationLeavesTheSchemaAsItWas(t *testing.T) {
	for name, url := range testBackends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db, err := Open(ctx, url(t))
			require.NoError(t, err)
			defer db.Close()
			before, err := db.SchemaVersion(ctx)
			require.NoError(t, err)
			err = db.migrate(ctx, withBroken(db.dialect))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "no_such_table")
			v, err := db.SchemaVersion(ctx)
			require.NoError(t, err)
			assert.Equal(t, before, v)
			_, err = db.exec(ctx, `SELECT x FROM half_done`)
			assert.Error(t, err, "the failed migration's table does not exist")
			// The store still works.
			_, err = db.Keep(ctx, msgForTest("k"))
			require.NoError(t, err)
		})
	}
}

// Processes starting at once (here: separate connection pools) migrate once, and all start.
func TestConcurrentStartsMigrateOnce(t *testing.T) {
	for name, url := range testBackends {
		t.Run(name, func(t *testing.T) {
			u := url(t)
			var wg sync.WaitGroup
			errs := make(chan error, 6)
			for range 6 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					db, err := Open(context.Background(), u)
					if err == nil {
						db.Close()
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				require.NoError(t, err)
			}
			db, err := Open(context.Background(), u)
			require.NoError(t, err)
			defer db.Close()
			v, err := db.SchemaVersion(context.Background())
			require.NoError(t, err)
			assert.EqualValues(t, latestVersion(t, db.dialect), v)
		})
	}
}

// A database that cannot be reached is reported at once, naming it without its password.
func TestAnUnreachableDatabaseIsReportedClearly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := Open(ctx, "postgres://handslag:hemligt@127.0.0.1:1/handslag?sslmode=disable&connect_timeout=5")
	var oe *OpenError
	require.True(t, errors.As(err, &oe), "%v", err)
	assert.Contains(t, err.Error(), "127.0.0.1:1")
	assert.NotContains(t, err.Error(), "hemligt")
	_, err = Open(ctx, "")
	require.ErrorAs(t, err, &oe)
	_, err = Open(ctx, "sqlite:/proc/handslag/db")
	require.ErrorAs(t, err, &oe)
}
