package mail

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReadDir reads an outbox kept in files by earlier versions (one JSON message per file, in
// HANDSLAG_OUTBOX, and the SMTP sent-log in its smtp-sent directory), for the import into the
// database. A directory that does not exist holds no messages; a file that is not a message is
// named in the error beside the messages read.
func ReadDir(path string) ([]Message, error) {
	entries, err := os.ReadDir(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("outbox %s: %w", path, err)
	}
	var out []Message
	var bad []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(path, name))
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		var m Message
		if err := json.Unmarshal(data, &m); err != nil || m.Key == "" {
			bad = append(bad, name+": not a message")
			continue
		}
		out = append(out, m)
	}
	if len(bad) > 0 {
		return out, fmt.Errorf("outbox %s: skipped %s", path, strings.Join(bad, "; "))
	}
	return out, nil
}
