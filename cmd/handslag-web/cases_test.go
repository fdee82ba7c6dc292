package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

// The web app serves the case list from the directory the workers write, and leaves every
// other path to the answer form.
func TestAppServesTheCaseList(t *testing.T) {
	dir := t.TempDir()
	store, err := cases.OpenDir(dir)
	require.NoError(t, err)
	at := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	_, err = store.Put(context.Background(), cases.Record{Summary: domain.CaseSummary{ID: "bygglov", Title: "Bygglov",
		Stage: domain.StageDeclined, Owner: domain.OwnerInera, Year: 2027}, Chain: "run-1", Revision: 3, Written: at})
	require.NoError(t, err)

	t.Setenv("HANDSLAG_DATA", t.TempDir()) // the answer form's keys
	h, err := app(nil, config.Web{CasesDir: dir}, zap.NewNop())
	require.NoError(t, err)
	for path, want := range map[string]int{"/arenden": 200, "/arenden.json": 200, "/arenden.csv": 200,
		"/static/style.css": 200, "/ingenstans": 404} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, want, rec.Code, path)
		if path == "/arenden.csv" {
			assert.Contains(t, rec.Body.String(), "bygglov,Bygglov,declined")
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/svar/forfalskad", nil))
	assert.NotContains(t, rec.Body.String(), "Ärendelistan finns på /arenden", "the answer form answers its own paths")
	assert.Contains(t, rec.Body.String(), "Länken fungerar inte")

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/avsluta/forfalskad", nil))
	assert.Equal(t, http.StatusForbidden, rec.Code)
	assert.Contains(t, rec.Body.String(), "Länken för att avsluta utskick är ogiltig", "the unsubscribe pages answer theirs")
}
