// Package browsertest runs tests in a real headless browser (Debian's chromium, driven through
// the DevTools protocol with chromedp) and checks pages for accessibility with axe-core.
//
// Without chromium or axe-core the tests skip with a message saying how to install them;
// with HANDSLAG_BROWSER_TESTS=require (set by CI) they fail instead, so a CI machine that
// lacks them can never pass by skipping. scripts/install-browser-test-deps installs both.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Environment variables that steer the browser tests.
const (
	EnvMode     = "HANDSLAG_BROWSER_TESTS" // "require": missing chromium or axe-core fails the test
	EnvChromium = "HANDSLAG_CHROMIUM"      // path of the browser; default /usr/bin/chromium
	EnvAxe      = "HANDSLAG_AXE"           // path of axe.min.js; default .cache/npm/... in the module
)

// TabTimeout bounds everything one tab does: generous, as the machines are small and shared.
const TabTimeout = 90 * time.Second

// Browser is one running headless chromium with its own fresh profile.
type Browser struct {
	ctx context.Context
	axe string // the axe-core source
}

// Start launches chromium for this test and stops it when the test ends. It skips, or with
// HANDSLAG_BROWSER_TESTS=require fails, when chromium or axe-core is missing.
func Start(t testing.TB) *Browser {
	t.Helper()
	path, err := chromiumPath()
	if err != nil {
		unavailable(t, err)
	}
	axe, err := axeSource()
	if err != nil {
		unavailable(t, err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), launchOptions(path, t.TempDir())...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// No timeout on this first call: its context is the browser's lifetime.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium (%s) did not start: %v", path, err)
	}
	return &Browser{ctx: ctx, axe: axe}
}

// launchOptions are chromium's flags. Headless without a sandbox (CI runs as root), and with
// everything that phones home switched off: on a machine without internet access, chromium's
// background fetches (component updates, sync, QUIC probes) otherwise stall or misbehave.
func launchOptions(path, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.WindowSize(1280, 1024),
	}
}

// Tab opens a new tab, closed when the test ends; everything run in it is bounded by TabTimeout.
func (b *Browser) Tab(t testing.TB) context.Context {
	t.Helper()
	tab, closeTab := chromedp.NewContext(b.ctx)
	ctx, cancel := context.WithTimeout(tab, TabTimeout)
	t.Cleanup(func() { cancel(); closeTab() })
	return ctx
}

func chromiumPath() (string, error) {
	if p := os.Getenv(EnvChromium); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w", EnvChromium, p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("chromium is not installed (/usr/bin/chromium)")
}

func unavailable(t testing.TB, err error) {
	t.Helper()
	msg := fmt.Sprintf("browser tests need chromium and axe-core: %v. Install them with scripts/install-browser-test-deps", err)
	if os.Getenv(EnvMode) == "require" {
		t.Fatal(msg + " (" + EnvMode + "=require: this is a failure, not a skip)")
	}
	t.Skip(msg + "; set " + EnvMode + "=require to make this a failure")
}
