package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/skr/handslag/web"
	"github.com/skr/handslag/web/webtest"
)

// The handler over the in-memory fakes, as in a demo: Demo registers one offer to three
// municipalities and issues a link for each.
func ExampleNew() {
	offers, links, tokens := webtest.Demo(nil)
	handler := web.New(web.Config{Verifier: links, Offers: offers})

	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/svar/"+tokens["1280"], nil))
	fmt.Println(rec.Code, rec.Header().Get("Referrer-Policy"))

	rec = httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/svar/not-a-link", nil))
	fmt.Println(rec.Code)
	// Output:
	// 200 no-referrer
	// 403
}
