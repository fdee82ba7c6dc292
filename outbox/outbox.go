// Package outbox keeps every outgoing message under its business idempotency key. The local
// system needs no mail server: messages land here, one JSON file each, and a user can read
// them. Putting the same key twice stores nothing new, so a retried activity never sends twice.
package outbox

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// Message is one outgoing e-mail.
type Message struct {
	Key     string    `json:"key"`
	To      []string  `json:"to"`
	Subject string    `json:"subject"`
	Body    string    `json:"body"`
	Created time.Time `json:"created"`
	// Unsubscribe is the recipient's one-click unsubscribe link, if any: a sender that can
	// set headers puts it in List-Unsubscribe with List-Unsubscribe-Post (RFC 8058).
	Unsubscribe string `json:"unsubscribe,omitempty"`
}

// Dir is an outbox in a directory.
type Dir struct{ Path string }

// NewDir creates the directory if needed.
func NewDir(path string) (*Dir, error) {
	if err := os.MkdirAll(path, 0o750); err != nil {
		return nil, fmt.Errorf("outbox %s: %w", path, err)
	}
	return &Dir{Path: path}, nil
}

func (d *Dir) file(key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(d.Path, hex.EncodeToString(sum[:12])+".json")
}

// Put stores m under m.Key unless a message with that key is already there. It reports
// whether it stored a new message. Writing to a temporary file and linking it into place makes
// the check-and-store atomic, also between worker processes sharing the directory.
func (d *Dir) Put(m Message) (bool, error) {
	if m.Key == "" {
		return false, errors.New("outbox: message without idempotency key")
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return false, err
	}
	tmp, err := os.CreateTemp(d.Path, ".tmp-*")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := os.Link(tmp.Name(), d.file(m.Key)); err != nil {
		if errors.Is(err, os.ErrExist) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// Has reports whether a message with this key is stored.
func (d *Dir) Has(key string) (bool, error) {
	_, err := os.Stat(d.file(key))
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// List returns every stored message, oldest first.
func (d *Dir) List() ([]Message, error) {
	paths, err := filepath.Glob(filepath.Join(d.Path, "*.json"))
	if err != nil {
		return nil, err
	}
	out := make([]Message, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var m Message
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Created.Equal(out[j].Created) {
			return out[i].Key < out[j].Key
		}
		return out[i].Created.Before(out[j].Created)
	})
	return out, nil
}
