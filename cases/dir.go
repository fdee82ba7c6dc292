package cases

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// Dir keeps one JSON file per case, <id>.json, in a directory that the worker processes and
// the web server share (a volume in docker-compose.yml). Writes are atomic (a temporary file
// renamed into place, so a reader never sees half a record) and ordered: a per-case file lock
// makes the compare-and-replace safe between processes, and a record replaces the stored one
// only if it Supersedes it.
type Dir struct {
	path string

	mu    sync.Mutex
	cache map[string]cached // by file name: records already decoded, while the file is unchanged
}

type cached struct {
	info os.FileInfo
	rec  Record
}

// lockDir holds the lock files, out of the way of the records.
const lockDir = ".locks"

// OpenDir opens (and creates if needed) a case directory.
func OpenDir(path string) (*Dir, error) {
	if path == "" {
		return nil, errors.New("case list: no directory given (HANDSLAG_CASES_DIR)")
	}
	if err := os.MkdirAll(filepath.Join(path, lockDir), 0o750); err != nil {
		return nil, fmt.Errorf("case list %s: %w", path, err)
	}
	return &Dir{path: path, cache: map[string]cached{}}, nil
}

// ReadOnly opens a case directory for reading only (the web server, which may see it on a
// read-only volume). A directory that does not exist yet holds no cases.
func ReadOnly(path string) *Dir { return &Dir{path: path, cache: map[string]cached{}} }

// Path is the directory.
func (d *Dir) Path() string { return d.path }

func (d *Dir) file(id string) string { return filepath.Join(d.path, id+".json") }

// Put stores rec unless the stored record is as new or newer (see Record.Supersedes).
func (d *Dir) Put(_ context.Context, rec Record) (bool, error) {
	if err := rec.Validate(); err != nil {
		return false, fmt.Errorf("case list: %w", err)
	}
	unlock, err := d.lock(rec.Summary.ID)
	if err != nil {
		return false, err
	}
	defer unlock()
	old, err := readRecord(d.file(rec.Summary.ID))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		// An unreadable record is replaced rather than left to block the case forever.
	case !rec.Supersedes(old):
		return false, nil
	}
	return true, d.write(rec)
}

// write puts the record in place atomically and durably: the data reaches the disk before the
// rename, and the rename reaches it before Put returns.
func (d *Dir) write(rec Record) error {
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(d.path, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), d.file(rec.Summary.ID)); err != nil {
		return err
	}
	return syncDir(d.path)
}

// lock takes the case's lock file (flock: held by this open file, released on close or when the
// process dies, so a crash never leaves a case locked).
func (d *Dir) lock(id string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(d.path, lockDir, id), os.O_CREATE|os.O_RDWR, 0o640)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("case list: lock %s: %w", id, err)
	}
	return func() { _ = f.Close() }, nil
}

func syncDir(path string) error {
	dir, err := os.Open(path)
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}

func readRecord(path string) (Record, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Record{}, err
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return Record{}, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if err := r.Validate(); err != nil {
		return Record{}, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return r, nil
}

// UnreadableError names the files All skipped because they do not hold a valid record (edited
// by hand, or written by something else). The other records are still returned.
type UnreadableError struct{ Problems []error }

func (e *UnreadableError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return "case list: unreadable records skipped: " + strings.Join(msgs, "; ")
}

// All returns every stored record, in no particular order. Files that do not hold a valid
// record are skipped and named in an *UnreadableError returned beside the rest.
func (d *Dir) All(ctx context.Context) ([]Record, error) {
	entries, err := os.ReadDir(d.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // nothing recorded yet
	}
	if err != nil {
		return nil, fmt.Errorf("case list %s: %w", d.path, err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	seen := map[string]bool{}
	var out []Record
	var bad []error
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		info, err := e.Info()
		if err != nil {
			continue // replaced or removed meanwhile
		}
		seen[name] = true
		if c, ok := d.cache[name]; ok && os.SameFile(c.info, info) && c.info.ModTime().Equal(info.ModTime()) && c.info.Size() == info.Size() {
			out = append(out, c.rec)
			continue
		}
		r, err := readRecord(filepath.Join(d.path, name))
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				bad = append(bad, err)
			}
			continue
		}
		if name != r.Summary.ID+".json" {
			bad = append(bad, fmt.Errorf("%s: holds case %s", name, r.Summary.ID))
			continue
		}
		d.cache[name] = cached{info: info, rec: r}
		out = append(out, r)
	}
	for name := range d.cache {
		if !seen[name] {
			delete(d.cache, name)
		}
	}
	if len(bad) > 0 {
		return out, &UnreadableError{Problems: bad}
	}
	return out, nil
}
