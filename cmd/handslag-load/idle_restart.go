package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// idleRestartFlag makes this process the fresh one that an idle run restarts into: it starts
// the local system on the data the first process left, measures itself and writes the sample
// as JSON on its last line of output. A fresh process holds nothing of the registrations, as
// handslag-local started again would not; measured in the first process, the memory the Go
// runtime kept from them counted. The flag's value is an idleRestart as JSON.
const idleRestartFlag = "idle-restart"

// idleRestart is what the fresh process needs.
type idleRestart struct {
	Dir          string        `json:"dir"`
	Cache        int           `json:"cache"`
	HistoryCache int           `json:"history_cache"`
	Settle       time.Duration `json:"settle"`
	Window       time.Duration `json:"window"`
	Profile      string        `json:"profile,omitempty"`
	// LastID is an initiative that must still be there, and still open, after the restart.
	LastID string `json:"last_id"`
}

// measureRestarted runs this program again as the restarted system and returns its sample.
func measureRestarted(ctx context.Context, r idleRestart) (IdleSample, error) {
	exe, err := os.Executable()
	if err != nil {
		return IdleSample{}, err
	}
	spec, err := json.Marshal(r)
	if err != nil {
		return IdleSample{}, err
	}
	cmd := exec.CommandContext(ctx, exe, "--"+idleRestartFlag, string(spec))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return IdleSample{}, fmt.Errorf("the restarted process: %w", err)
	}
	lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	var s IdleSample
	if err := json.Unmarshal(lines[len(lines)-1], &s); err != nil {
		return IdleSample{}, fmt.Errorf("the restarted process answered %q: %w", out, err)
	}
	return s, nil
}

// serveRestarted is the restarted process: the local system on the data of spec (an
// idleRestart), measured once it is quiet; the initiative named last must still be open.
func serveRestarted(ctx context.Context, spec string) error {
	var r idleRestart
	if err := json.Unmarshal([]byte(spec), &r); err != nil {
		return fmt.Errorf("--%s: %w", idleRestartFlag, err)
	}
	historyCache = r.HistoryCache
	sys, err := startLocal(r.Dir, r.Cache)
	if err != nil {
		return err
	}
	defer sys.stop()
	s, err := quietSample(ctx, sys.admin.Temporal, r.Settle, r.Window, r.Profile)
	if err != nil {
		return err
	}
	qctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	st, err := sys.admin.Status(qctx, r.LastID)
	if err != nil {
		return fmt.Errorf("after the restart %s cannot be read: %w", r.LastID, err)
	}
	if st.Initiative.Stage.Closed() {
		return fmt.Errorf("after the restart %s is %s", r.LastID, st.Initiative.Stage)
	}
	return json.NewEncoder(os.Stdout).Encode(s)
}
