// Package layout holds tests of the code's structure: which packages may depend on which.
package layout

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/skr/handslag/"

func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", module+pkg).CombinedOutput()
	require.NoError(t, err, "%s", out)
	return strings.Fields(string(out))
}

// Clients talk to the workflows through package contract (and admin): the CLI and the web
// server link no workflow or activity code, so a change there never reaches them.
func TestClientsDoNotLinkTheWorker(t *testing.T) {
	for _, client := range []string{"cmd/handslag", "cmd/handslag-web", "admin", "contract", "config", "starter", "offerweb", "web"} {
		for _, d := range deps(t, client) {
			for _, worker := range []string{"workflows", "activities", "worker"} {
				assert.False(t, d == module+worker || strings.HasPrefix(d, module+worker+"/"),
					"%s depends on %s", client, d)
			}
		}
	}
}

// The domain is plain Go: no Temporal, no other package of ours.
func TestDomainIsPlainGo(t *testing.T) {
	for _, d := range deps(t, "domain") {
		assert.False(t, strings.HasPrefix(d, "go.temporal.io/"), "domain depends on %s", d)
		if strings.HasPrefix(d, module) {
			assert.Equal(t, module+"domain", d, "domain depends on %s", d)
		}
	}
}

// Only the worker (and the local system, which runs one) imports the workflows.
func TestOnlyTheWorkerImportsWorkflows(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, module+"...").CombinedOutput()
	require.NoError(t, err, "%s", out)
	allowed := map[string]bool{module + "worker": true}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		for _, imp := range f[1:] {
			if imp == module+"workflows" {
				assert.True(t, allowed[f[0]], "%s imports workflows", f[0])
			}
		}
	}
}

// Only package config reads the environment: every process gets its settings there and passes
// them on, so a setting is documented once (docs/settings.md) and a test can set any of them.
// Test helpers under internal/ read their own test settings.
func TestOnlyConfigReadsTheEnvironment(t *testing.T) {
	out, err := exec.Command("git", "-C", "../..", "grep", "-l", "-E", `os\.(Getenv|LookupEnv|Environ)\(|envconfig\.EnvLookupOS`, "--", "*.go").CombinedOutput()
	if err != nil && len(out) > 0 {
		require.NoError(t, err, "%s", out)
	}
	for _, f := range strings.Fields(string(out)) {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "config/") || strings.HasPrefix(f, "internal/") {
			continue
		}
		t.Errorf("%s reads the environment; read the setting in package config and pass it on", f)
	}
}

// Production never runs the local system's demo identity provider: handslag-web does not even
// link it.
func TestProductionDoesNotLinkTheDemoProvider(t *testing.T) {
	for _, cmd := range []string{"cmd/handslag-web", "cmd/handslag-worker", "cmd/handslag", "site", "console"} {
		for _, d := range deps(t, cmd) {
			assert.NotEqual(t, module+"internal/demoidp", d, "%s links the demo identity provider", cmd)
		}
	}
	local := deps(t, "cmd/handslag-local")
	assert.Contains(t, local, module+"internal/demoidp", "the local system runs it (else this test proves nothing)")
}
