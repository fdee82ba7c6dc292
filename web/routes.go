package web

import "net/http"

// routes is the route table: every path the web server answers, in one place. A part that
// the site does not have (SiteConfig) has no routes. /healthz, /readyz and /metrics are the
// operator endpoints, served beside this handler by the process (package telemetry).
func (s *site) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /static/style.css", serveStyle)
	// What the law asks every site to publish, linked from every page's footer.
	mux.HandleFunc("GET "+PrivacyPath, s.privacy)
	mux.HandleFunc("GET "+AccessibilityPath, s.accessibility)

	// The municipalities' answer form, behind the personal link in the offer e-mail.
	if a := s.answers; a != nil {
		mux.HandleFunc("GET /svar/{token}", s.limited(s.limits.answer, a.showForm))
		mux.HandleFunc("POST /svar/{token}", s.limited(s.limits.answer, a.postForm))
	}
	// The unsubscribe pages, behind the personal link in implementation e-mails.
	if u := s.unsub; u != nil {
		mux.HandleFunc("GET "+UnsubscribePathPrefix+"{token}", s.limited(s.limits.unsubscribe, u.show))
		mux.HandleFunc("POST "+UnsubscribePathPrefix+"{token}", s.limited(s.limits.unsubscribe, u.post))
		mux.HandleFunc("GET "+UnsubscribePathPrefix, u.noToken)
	}
	// A municipality's own page, behind any of its personal links.
	if m := s.muni; m != nil {
		mux.HandleFunc("GET "+MunicipalityPath+"{token}", s.limited(s.limits.answer, m.show))
	}
	// The public case list.
	if l := s.list; l != nil {
		mux.HandleFunc("GET /arenden", l.page)
		mux.HandleFunc("GET /arenden.json", l.json)
		mux.HandleFunc("GET /arenden.csv", l.csv)
		mux.HandleFunc("GET /arenden.atom", l.feed)
		mux.HandleFunc("GET /arenden/{id}", l.one)
	}

	// The public need form.
	if p := s.propose; p != nil {
		mux.HandleFunc("GET /forslag", s.limited(s.limits.proposal, p.show))
		mux.HandleFunc("POST /forslag", s.limited(s.limits.proposal, p.post))
	}
	// The console, behind sign-in (package console adds its routes under /konsol/).
	if s.console != nil {
		s.console.Register(mux)
	}
	// The codec server for the Temporal Web UI.
	if s.codec != nil {
		mux.Handle("POST /codec/", s.codec)
		mux.Handle("OPTIONS /codec/", s.codec)
	}
	// The local system's demo identity provider (never in production).
	if s.idp != nil {
		mux.Handle("GET "+DemoIdentityProviderPath+"/", s.idp)
		mux.Handle("POST "+DemoIdentityProviderPath+"/", s.idp)
	}

	mux.HandleFunc("GET /", s.notFound)
	return mux
}
