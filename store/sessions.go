package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Sessions is the console's session store (an scs.CtxStore) in the sessions table: the token
// is the cookie's value, the data is scs's encoding of the session, and an expired row is never
// returned. Every web server instance shares it, so a person stays signed in whichever
// instance answers, and a restart signs nobody out.
type Sessions struct{ db *DB }

// Sessions returns the session store.
func (db *DB) Sessions() Sessions { return Sessions{db} }

// FindCtx returns a session's data, or found false when there is none or it has expired.
func (s Sessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := s.db.queryRow(ctx, `SELECT data FROM sessions WHERE token = $1 AND expiry > $2`, token, nanos(s.db.now())).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, wrap("sessions", err)
	}
	return data, true, nil
}

// CommitCtx stores a session until its expiry.
func (s Sessions) CommitCtx(ctx context.Context, token string, data []byte, expiry time.Time) error {
	_, err := s.db.exec(ctx, `INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`, token, data, nanos(expiry))
	return wrap("sessions", err)
}

// DeleteCtx removes a session (sign-out, a renewed token).
func (s Sessions) DeleteCtx(ctx context.Context, token string) error {
	_, err := s.db.exec(ctx, `DELETE FROM sessions WHERE token = $1`, token)
	return wrap("sessions", err)
}

// DeleteExpiredSessions removes the sessions whose expiry has passed; it reports how many.
func (s Sessions) DeleteExpired(ctx context.Context) (int64, error) {
	return rowsAffected(s.db.exec(ctx, `DELETE FROM sessions WHERE expiry <= $1`, nanos(s.db.now())))
}

// The scs.Store methods without a context, for completeness (scs uses the Ctx ones).
func (s Sessions) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}
func (s Sessions) Commit(token string, data []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, data, expiry)
}
func (s Sessions) Delete(token string) error { return s.DeleteCtx(context.Background(), token) }

// Sweep deletes expired sessions every interval until ctx ends (expired ones are never
// returned anyway; this keeps the table small).
func (s Sessions) Sweep(ctx context.Context, every time.Duration, failed func(error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.DeleteExpired(ctx); err != nil && failed != nil {
				failed(err)
			}
		}
	}
}
