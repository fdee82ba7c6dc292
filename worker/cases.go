package worker

import (
	"path/filepath"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/config"
)

// caseList opens the public case list's directory: HANDSLAG_CASES_DIR (cfg.CasesDir), else
// "cases" beside the outbox, in the same data directory.
func caseList(cfg config.Worker) (*cases.Dir, error) {
	dir := cfg.CasesDir
	if dir == "" {
		dir = filepath.Join(filepath.Dir(cfg.OutboxDir), "cases")
	}
	return cases.OpenDir(dir)
}
