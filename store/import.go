package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/mail"
)

// FileImport says what ImportFiles took over from the file stores of earlier versions.
type FileImport struct {
	// Dir is the directory imported; Done is false when it had been imported before (or
	// held nothing), and then the counts are zero.
	Dir  string `json:"dir"`
	Done bool   `json:"done"`
	// Cases read from <dir>/cases; Messages from the outbox <dir>/outbox; Sent keys from the
	// SMTP sent-log <dir>/outbox/smtp-sent.
	Cases    int `json:"cases"`
	Messages int `json:"messages"`
	Sent     int `json:"sent"`
	// Skipped names files that held no valid record or message.
	Skipped []string `json:"skipped,omitempty"`
}

// ImportFiles takes over the case list, the outbox and the SMTP sent-log that earlier versions
// kept in files under dataDir, once: the import is recorded, and a second call does nothing.
// Records and keys the database already has are left as they are (a newer record wins), so a
// partial import can simply run again.
func (db *DB) ImportFiles(ctx context.Context, dataDir string) (FileImport, error) {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return FileImport{}, err
	}
	rep := FileImport{Dir: abs}
	var seen int
	if err := db.queryRow(ctx, `SELECT COUNT(*) FROM file_imports WHERE path = $1`, abs).Scan(&seen); err != nil {
		return rep, wrap("import", err)
	}
	if seen > 0 {
		return rep, nil
	}
	records, err := cases.ReadDir(filepath.Join(abs, "cases"))
	if err != nil {
		rep.Skipped = append(rep.Skipped, err.Error())
	}
	outbox, err := mail.ReadDir(filepath.Join(abs, "outbox"))
	if err != nil {
		rep.Skipped = append(rep.Skipped, err.Error())
	}
	sent, err := mail.ReadDir(filepath.Join(abs, "outbox", "smtp-sent"))
	if err != nil {
		rep.Skipped = append(rep.Skipped, err.Error())
	}
	if len(records)+len(outbox)+len(sent) == 0 {
		return rep, nil
	}
	for _, r := range records {
		if _, err := db.Put(ctx, r); err != nil {
			return rep, err
		}
		rep.Cases++
	}
	for _, m := range outbox {
		if _, err := db.Keep(ctx, m); err != nil {
			return rep, err
		}
		rep.Messages++
	}
	for _, m := range sent {
		// A key the SMTP sender recorded was sent: claim and mark it so that it never goes again.
		r, err := db.Claim(ctx, m, 0)
		if err != nil {
			return rep, err
		}
		if r == mail.Claimed {
			if err := db.MarkSent(ctx, m.Key); err != nil {
				return rep, err
			}
		}
		rep.Sent++
	}
	rep.Done = true
	summary, _ := json.Marshal(rep)
	if _, err := db.exec(ctx, `INSERT INTO file_imports (path, at, summary) VALUES ($1, $2, $3) ON CONFLICT (path) DO NOTHING`,
		abs, nanos(db.now()), string(summary)); err != nil {
		return rep, wrap("import", err)
	}
	return rep, nil
}

// String says what was imported, for the log and the operator.
func (r FileImport) String() string {
	if !r.Done {
		return fmt.Sprintf("no file stores to import in %s", r.Dir)
	}
	return fmt.Sprintf("imported from %s: %d cases, %d outbox messages, %d keys of sent e-mail", r.Dir, r.Cases, r.Messages, r.Sent)
}

// HasFileStores reports whether dataDir holds file stores of an earlier version.
func HasFileStores(dataDir string) bool {
	for _, d := range []string{"cases", "outbox"} {
		if _, err := os.Stat(filepath.Join(dataDir, d)); !errors.Is(err, os.ErrNotExist) {
			return true
		}
	}
	return false
}
