package codec

import (
	"net/http"
	"strings"

	"go.temporal.io/sdk/converter"
)

// Handler is the codec server the Temporal Web UI calls to show decoded payloads
// (POST <endpoint>/decode, and /encode): only for requests allow accepts (a signed-in staff
// member's access token), and, for browsers, only from the Web UI's origin. Everyone else
// gets 401 or 403 and sees nothing.
func Handler(c Codec, prefix, origin string, allow func(r *http.Request) bool) http.Handler {
	inner := http.StripPrefix(prefix, converter.NewPayloadCodecHTTPHandler(c))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		from := r.Header.Get("Origin")
		if from != "" {
			if origin == "" || !strings.EqualFold(from, origin) {
				http.Error(w, "origin not allowed", http.StatusForbidden)
				return
			}
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true")
			h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Namespace")
			h.Set("Access-Control-Allow-Methods", "POST, OPTIONS")
			h.Add("Vary", "Origin")
		}
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		if !allow(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="handslag-codec"`)
			http.Error(w, "a signed-in staff member's access token is required", http.StatusUnauthorized)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
		inner.ServeHTTP(w, r)
	})
}
