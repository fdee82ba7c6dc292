package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// AxeTags are the rule sets checked: WCAG 2.0 and 2.1, levels A and AA.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeRelPath is where scripts/install-browser-test-deps puts axe-core, below the module root
// (git-ignored, outside the Go module's packages).
const axeRelPath = ".cache/npm/node_modules/axe-core/axe.min.js"

// Violation is one failed axe rule with every element that fails it.
type Violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n  - %s\n    %s\n    %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n    "))
	}
	return b.String()
}

// runAxe is evaluated in the page after axe-core is injected; it returns the violations only.
const runAxe = `axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary || ''}))})))`

// Axe runs axe-core on the page now open in ctx and returns every violation of AxeTags.
// The script is injected through the DevTools protocol, which the page's CSP does not govern,
// so the page keeps its real policy.
func (b *Browser) Axe(ctx context.Context) ([]Violation, error) {
	return b.AxeTags(ctx, AxeTags...)
}

// AxeTags runs axe-core with other rule tags, for example "best-practice".
func (b *Browser) AxeTags(ctx context.Context, tags ...string) ([]Violation, error) {
	tagList, _ := json.Marshal(tags)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](b.axe+"\n;true")); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]Violation](fmt.Sprintf(runAxe, tagList), chromedp.EvalAwaitPromise))
}

// CheckAxe fails t listing every WCAG 2.1 A/AA violation on the page now open in ctx; page
// names the page in the message. Extra tags (for example "best-practice") are checked too.
func (b *Browser) CheckAxe(t testing.TB, ctx context.Context, page string, extraTags ...string) {
	t.Helper()
	tags := append(append([]string(nil), AxeTags...), extraTags...)
	violations, err := b.AxeTags(ctx, tags...)
	if err != nil {
		t.Fatalf("axe-core did not run on %s: %v", page, err)
	}
	if len(violations) == 0 {
		return
	}
	lines := make([]string, len(violations))
	for i, v := range violations {
		lines[i] = v.String()
	}
	t.Errorf("%d accessibility violation(s) on %s (axe-core, %s):\n%s", len(violations), page,
		strings.Join(tags, ", "), strings.Join(lines, "\n"))
}

// axeSource reads axe.min.js from HANDSLAG_AXE or from .cache/npm in the module root.
func axeSource() (string, error) {
	path := os.Getenv(EnvAxe)
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			return "", err
		}
		path = filepath.Join(root, axeRelPath)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("axe-core is not installed (%w)", err)
	}
	return string(src), nil
}

// moduleRoot is the nearest directory up from the working directory (a test's package
// directory) that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
