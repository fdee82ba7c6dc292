package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The checker must find what it is there to find: a page with known faults gives exactly
// those violations, and a clean page none.
func TestAxeFindsViolationsAndPassesACleanPage(t *testing.T) {
	b := Start(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/bad" {
			_, _ = w.Write([]byte(`<!doctype html><html><head><title>Bad</title></head><body><main>` +
				`<img src="/x.png"><input type="text"><p style="color:#bbb">faint</p></main></body></html>`))
			return
		}
		_, _ = w.Write([]byte(`<!doctype html><html lang="sv"><head><title>Bra</title></head><body>` +
			`<main><h1>Rubrik</h1><label for="f">Namn</label><input id="f" type="text"></main></body></html>`))
	}))
	defer srv.Close()

	ctx := b.Tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/bad")); err != nil {
		t.Fatal(err)
	}
	violations, err := b.Axe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range violations {
		ids = append(ids, v.ID)
	}
	for _, want := range []string{"html-has-lang", "image-alt", "label", "color-contrast"} {
		if !strings.Contains(strings.Join(ids, " "), want) {
			t.Errorf("axe did not report %s on the faulty page; it reported %v", want, ids)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/good")); err != nil {
		t.Fatal(err)
	}
	b.CheckAxe(t, ctx, "the clean page")
}

// Missing chromium skips by default and fails under HANDSLAG_BROWSER_TESTS=require. Checked in
// a child process running TestMissingBrowserChild, so the failure is observed, not suffered.
func TestMissingBrowserFailsOnlyWhenRequired(t *testing.T) {
	for _, mode := range []string{"", "require"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingBrowserChild$", "-test.v")
		cmd.Env = append(os.Environ(), "HANDSLAG_BROWSERTEST_CHILD=1", EnvChromium+"=/nonexistent/chromium", EnvMode+"="+mode)
		out, err := cmd.CombinedOutput()
		switch {
		case mode == "" && (err != nil || !strings.Contains(string(out), "--- SKIP")):
			t.Errorf("without %s a missing browser should skip; got err=%v\n%s", EnvMode, err, out)
		case mode == "require" && (err == nil || !strings.Contains(string(out), "this is a failure, not a skip")):
			t.Errorf("with %s=require a missing browser should fail; got err=%v\n%s", EnvMode, err, out)
		}
	}
}

func TestMissingBrowserChild(t *testing.T) {
	if os.Getenv("HANDSLAG_BROWSERTEST_CHILD") != "1" {
		t.Skip("run by TestMissingBrowserFailsOnlyWhenRequired")
	}
	Start(t)
	t.Error("Start returned without chromium")
}
