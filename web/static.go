package web

import (
	_ "embed"
	"net/http"
)

//go:embed static/style.css
var styleCSS []byte

// serveStyle serves the one stylesheet. It is a file, not inline, so the CSP can forbid inline
// styles as well as scripts.
func serveStyle(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(styleCSS)
}
