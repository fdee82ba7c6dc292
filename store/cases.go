package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/domain"
)

var _ cases.Store = (*DB)(nil)

// Put stores a case record unless the stored one is as new or newer (cases.Record.Supersedes).
// The comparison and the write are one transaction with the row locked, so racing writers
// (worker processes, retried activities) leave the newest.
func (db *DB) Put(ctx context.Context, rec cases.Record) (bool, error) {
	if err := rec.Validate(); err != nil {
		return false, fmt.Errorf("case list: %w", err)
	}
	summary, err := json.Marshal(rec.Summary)
	if err != nil {
		return false, err
	}
	s := rec.Summary
	args := []any{s.ID, s.Title, search(s), string(s.Stage), s.Stage.Closed(), string(s.Owner), s.Year,
		rec.Chain, nanos(rec.Created), rec.Revision, nanos(rec.Written), string(summary)}
	stored := false
	err = db.tx(ctx, func(tx *sql.Tx) error {
		n, err := rowsAffected(tx.ExecContext(ctx, db.q(`INSERT INTO cases
			(id, title, search, stage, closed, owner, year, chain, created, revision, written, summary)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`), args...))
		if err != nil || n == 1 {
			stored = n == 1
			return err
		}
		lock := " FOR UPDATE"
		if db.dialect == SQLite {
			lock = "" // the immediate transaction holds the write lock already
		}
		var old cases.Record
		var created, written int64
		err = tx.QueryRowContext(ctx, db.q(`SELECT chain, created, revision, written FROM cases WHERE id = $1`+lock), s.ID).
			Scan(&old.Chain, &created, &old.Revision, &written)
		if err != nil {
			return err
		}
		old.Created, old.Written = fromNanos(created), fromNanos(written)
		if !rec.Supersedes(old) {
			return nil
		}
		_, err = tx.ExecContext(ctx, db.q(`UPDATE cases SET title = $2, search = $3, stage = $4, closed = $5, owner = $6,
			year = $7, chain = $8, created = $9, revision = $10, written = $11, summary = $12 WHERE id = $1`), args...)
		stored = err == nil
		return err
	})
	return stored, wrap("case list", err)
}

// search is the text the word filter looks in: the title and the ID, in lower case.
func search(s domain.CaseSummary) string { return strings.ToLower(s.Title + " " + s.ID) }

// where turns a filter into SQL conditions with their arguments, numbered from $1.
func (db *DB) caseConditions(f cases.Filter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(args))))
	}
	if f.Stage != "" {
		add("stage = ?", string(f.Stage))
	}
	switch f.Status {
	case cases.StatusOpen:
		add("closed = ?", false)
	case cases.StatusClosed:
		add("closed = ?", true)
	}
	if f.Owner != "" {
		add("owner = ?", string(f.Owner))
	}
	if f.Year != 0 {
		add("year = ?", f.Year)
	}
	for _, w := range strings.Fields(strings.ToLower(f.Text)) {
		add(`search LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(w)+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// likeEscaper makes the filter's words plain text in a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// Select returns one page of the selected cases in list order (newest cycle year first, then
// by ID), with the count of all selected; the indexes on stage, owner, status and year serve
// the filters.
func (db *DB) Select(ctx context.Context, f cases.Filter, p cases.Page) (cases.Result, error) {
	where, args := db.caseConditions(f)
	res := cases.Result{Page: p, Pages: 1, Cases: nil}
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM cases`+where, args...).Scan(&res.Total); err != nil {
		return res, wrap("case list", err)
	}
	q := `SELECT summary FROM cases` + where + ` ORDER BY year DESC, id`
	if p.Size > 0 {
		if p.Number < 1 {
			p.Number, res.Page.Number = 1, 1
		}
		res.Pages = max(1, (res.Total+p.Size-1)/p.Size)
		args = append(args, p.Size, (p.Number-1)*p.Size)
		q += fmt.Sprintf(` LIMIT $%d OFFSET $%d`, len(args)-1, len(args))
	} else {
		res.Page = cases.Page{Number: 1, Size: res.Total}
	}
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return res, wrap("case list", err)
	}
	defer rows.Close()
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return res, wrap("case list", err)
		}
		var s domain.CaseSummary
		if err := json.Unmarshal(data, &s); err != nil {
			return res, wrap("case list", err)
		}
		res.Cases = append(res.Cases, s)
	}
	return res, wrap("case list", rows.Err())
}

// Years lists the cycle years of the stored cases, newest first.
func (db *DB) Years(ctx context.Context) ([]int, error) {
	rows, err := db.query(ctx, `SELECT DISTINCT year FROM cases WHERE year <> 0 ORDER BY year DESC`)
	if err != nil {
		return nil, wrap("case list", err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, wrap("case list", err)
		}
		out = append(out, y)
	}
	return out, wrap("case list", rows.Err())
}

// Get returns one case's record.
func (db *DB) Get(ctx context.Context, id string) (cases.Record, bool, error) {
	var rec cases.Record
	var created, written int64
	var data []byte
	err := db.queryRow(ctx, `SELECT chain, created, revision, written, summary FROM cases WHERE id = $1`, id).
		Scan(&rec.Chain, &created, &rec.Revision, &written, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return rec, false, nil
	}
	if err != nil {
		return rec, false, wrap("case list", err)
	}
	rec.Created, rec.Written = fromNanos(created), fromNanos(written)
	if err := json.Unmarshal(data, &rec.Summary); err != nil {
		return rec, false, wrap("case list", err)
	}
	return rec, true, nil
}

// Changed returns the records written last, newest first.
func (db *DB) Changed(ctx context.Context, limit int) ([]cases.Record, error) {
	rows, err := db.query(ctx, `SELECT chain, created, revision, written, summary FROM cases ORDER BY written DESC, id LIMIT `+strconv.Itoa(limit))
	if err != nil {
		return nil, wrap("case list", err)
	}
	defer rows.Close()
	var out []cases.Record
	for rows.Next() {
		var rec cases.Record
		var created, written int64
		var data []byte
		if err := rows.Scan(&rec.Chain, &created, &rec.Revision, &written, &data); err != nil {
			return nil, wrap("case list", err)
		}
		rec.Created, rec.Written = fromNanos(created), fromNanos(written)
		if err := json.Unmarshal(data, &rec.Summary); err != nil {
			return nil, wrap("case list", err)
		}
		out = append(out, rec)
	}
	return out, wrap("case list", rows.Err())
}
