package cases

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReadDir reads a case list kept in files by earlier versions (one <id>.json per case, in
// HANDSLAG_CASES_DIR), for the import into the database. A directory that does not exist holds
// no cases; a file without a valid record is named in the error beside the records read.
func ReadDir(path string) ([]Record, error) {
	entries, err := os.ReadDir(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("case list %s: %w", path, err)
	}
	var out []Record
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
		var r Record
		if err := json.Unmarshal(data, &r); err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		if err := r.Validate(); err != nil || name != r.Summary.ID+".json" {
			bad = append(bad, fmt.Sprintf("%s: not a case record", name))
			continue
		}
		out = append(out, r)
	}
	if len(bad) > 0 {
		return out, fmt.Errorf("case list %s: skipped %s", path, strings.Join(bad, "; "))
	}
	return out, nil
}
