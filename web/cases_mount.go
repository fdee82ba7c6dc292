package web

import "net/http"

// WithCaseList serves the case list's paths (CaseListRoutes) beside next, which gets every
// other path: the answer form and the case list share one server and one stylesheet.
func WithCaseList(next http.Handler, cfg CaseListConfig) http.Handler {
	list := NewCaseList(cfg)
	mux := http.NewServeMux()
	for _, path := range CaseListRoutes {
		mux.Handle(path, list)
	}
	mux.Handle("/", next)
	return mux
}
