package e2e

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/config"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
)

// A municipality stops the implementation e-mails with the link in its digest: the real worker
// sends the digest by SMTP with the personal link (and the RFC 8058 headers), the real web
// server shows the question on GET (changing nothing), takes the button's POST, and the
// office sees the unsubscribe in 'handslag impl status'. The next digest skips Stockholm.
func TestUnsubscribeWithTheLinkInADigest(t *testing.T) {
	smtp, smtpCfg := smtpServer(t)
	var webURL string
	s := startSystemWith(t, "", 0, func(c client.Client, db *store.DB) (sdkworker.Worker, error) {
		webURL = startSite(t, c, db)
		return newTestWorker(c, db, func(w *config.Worker) { w.SMTP, w.BaseURL = smtpCfg, webURL })
	})
	const id = "e2e-avsluta"
	// A day lasts 200 ms: June's digest comes after about two seconds, July's six seconds later.
	startImplementation(t, s, id, time.Date(2027, 6, 20, 10, 0, 0, 0, domain.Stockholm()), 200*time.Millisecond, "0180", "1480")

	digest := waitForMail(t, smtp, "registrator@stockholm.kommun.example", "Nytt om")
	link := regexp.MustCompile(regexp.QuoteMeta(webURL) + `/avsluta/\S+`).FindString(digest.Body)
	require.NotEmpty(t, link, "the digest carries the unsubscribe link:\n%s", digest.Body)
	assert.Equal(t, "<"+link+">", digest.Header.Get("List-Unsubscribe"))
	assert.Equal(t, "List-Unsubscribe=One-Click", digest.Header.Get("List-Unsubscribe-Post"))

	get := func() string {
		resp, err := http.Get(link)
		require.NoError(t, err)
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		return string(body)
	}
	page := get()
	assert.Contains(t, page, "Vill Stockholm sluta få sammanfattningar")
	st, err := s.admin.ImplementationStatus(context.Background(), id)
	require.NoError(t, err)
	assert.Empty(t, st.Implementation.Unsubscribed, "opening the link changes nothing")

	form := url.Values{}
	for _, m := range regexp.MustCompile(`name="(submission_id|form_key)" value="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		form.Set(m[1], m[2])
	}
	require.Len(t, form, 2)
	resp, err := http.PostForm(link, form)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Contains(t, string(body), "Utskicken är avslutade")

	out := s.mustCLI("impl", "status", id)
	assert.Regexp(t, `Avslutade utskick +0180 Stockholm: alla kontakter, 2027-0[67]-\d\d \(av avsluta-lank\)`, out)
	st, err = s.admin.ImplementationStatus(context.Background(), id)
	require.NoError(t, err)
	require.Len(t, st.Implementation.Unsubscribed, 1)
	assert.Equal(t, "0180", st.Implementation.Unsubscribed[0].Municipality)
	assert.Equal(t, offerweb.UnsubscribeSender.ID, st.Implementation.Unsubscribed[0].By)
	assert.Contains(t, get(), "Utskicken var redan avslutade", "a second visit")

	// July's digest goes to Göteborg only.
	_ = waitForMail(t, smtp, "registrator@goteborg.kommun.example", "Nytt om "+"Digital bygglovshandläggning: sammanfattning för 2027-07")
	for _, m := range smtp.Messages() {
		if strings.Contains(m.Subject, "2027-07") {
			assert.NotEqual(t, "registrator@stockholm.kommun.example", m.To[0], "Stockholm gets no more digests")
		}
	}
}
