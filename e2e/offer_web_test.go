package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/browsertest"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/mail/smtptest"
	"github.com/skr/handslag/offerweb"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
)

// startRound starts an offer round on its own (no initiative) with the deadline a day ahead.
func startRound(t *testing.T, s *system, id string, ms []domain.OfferMunicipality) {
	t.Helper()
	now := time.Now().In(domain.Stockholm()).Truncate(time.Minute)
	in := contract.OfferRoundInput{Setup: domain.OfferSetup{InitiativeID: id,
		Content: domain.OfferContent{InitiativeID: id, Title: "Svarstest", What: "En tjänst"},
		Seminar: now.Add(time.Hour), Deadline: now.Add(24 * time.Hour), LateUntil: now.Add(24 * time.Hour),
		Rule: domain.DefaultDecisionRule(), Municipalities: ms}}
	_, err := s.admin.Temporal.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{ID: contract.OfferRoundWorkflowID(id),
		TaskQueue: contract.TaskQueue}, contract.OfferRoundWorkflowType, in)
	require.NoError(t, err)
}

// Every municipality answers through the web's adapter at once: the answers are coalesced
// into few updates on the real server, each caller gets its own receipt, a repeated submission
// records nothing, and the tally counts every answer once.
func TestConcurrentWebAnswersAreCoalescedOnARealServer(t *testing.T) {
	s, _, ms := startOfferSystem(t)
	const id = "e2e-samtidiga-svar"
	startRound(t, s, id, ms)
	offers := offerweb.New(offerweb.AdminBackend{Admin: s.admin}, offerweb.Options{})
	ctx := context.Background()
	offerID := contract.OfferRoundWorkflowID(id)

	var wg sync.WaitGroup
	receipts := make([]web.AnswerReceipt, len(ms))
	errs := make([]error, len(ms))
	for i, m := range ms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			receipts[i], errs[i] = offers.Answer(ctx, web.AnswerSubmission{OfferID: offerID, MunicipalityCode: m.Code,
				SubmissionID: fmt.Sprintf("form-%d", i), Choice: web.Yes, Name: "Person " + m.Code, Role: "Kommundirektör"})
		}()
	}
	wg.Wait()
	for i := range ms {
		require.NoError(t, errs[i], ms[i].Code)
		assert.Equal(t, "Person "+ms[i].Code, receipts[i].Name)
		assert.Equal(t, 1, receipts[i].Version)
	}
	again, err := offers.Answer(ctx, web.AnswerSubmission{OfferID: offerID, MunicipalityCode: ms[7].Code,
		SubmissionID: "form-7", Choice: web.No, Name: "Ändrat", Role: "R"})
	require.NoError(t, err)
	assert.Equal(t, receipts[7].Name, again.Name, "the same submission repeats the first receipt")
	assert.Equal(t, web.Yes, again.Choice)

	st, err := s.admin.OfferStatus(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, len(ms), st.Tally.Yes)
	updates := countEvents(t, s, offerID, enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
	t.Logf("%d answers in %d updates", len(ms)+1, updates)
	assert.Less(t, updates, len(ms)/2, "answers were coalesced")

	v, err := offers.View(ctx, offerID, ms[7].Code)
	require.NoError(t, err)
	require.NotNil(t, v.Current)
	assert.Equal(t, "Person "+ms[7].Code, v.Current.Name)
	_, err = offers.View(ctx, contract.OfferRoundWorkflowID("finns-inte"), ms[7].Code)
	assert.ErrorIs(t, err, web.ErrUnknownOffer)
}

// countEvents counts the events of one type in the current run of a workflow.
func countEvents(t *testing.T, s *system, workflowID string, typ enumspb.EventType) int {
	iter := s.admin.Temporal.GetWorkflowHistory(context.Background(), workflowID, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	n := 0
	for iter.HasNext() {
		e, err := iter.Next()
		require.NoError(t, err)
		if e.GetEventType() == typ {
			n++
		}
	}
	return n
}

// The whole path a municipality takes: the offer arrives by e-mail (a real SMTP server), the
// link in it opens the answer form in a real browser, the answer is confirmed on screen and by
// a receipt e-mail that repeats it, and the round's tally counts it.
func TestAnswerFromTheEmailedLinkInABrowser(t *testing.T) {
	smtp, smtpCfg := smtpServer(t)

	// The real worker (SMTP, the SCB register, demo contacts, signed links) and the real web
	// application, whose address the links carry.
	s := startSystemWith(t, "", 0, func(c client.Client, db *store.DB) (sdkworker.Worker, error) {
		url := startSite(t, c, db)
		return newTestWorker(c, db, func(w *config.Worker) { w.SMTP, w.BaseURL = smtpCfg, url })
	})
	b := browsertest.Start(t) // after the system: the external mode skips this test above
	const id = "e2e-svar-i-webblasare"
	s.offerInitiative(id)

	offer := waitForMail(t, smtp, "registrator@stockholm.kommun.example", "Erbjudande")
	link := regexp.MustCompile(`http://127\.0\.0\.1:\d+/svar/\S+`).FindString(offer.Body)
	require.NotEmpty(t, link, "the offer carries the answer link:\n%s", offer.Body)

	ctx := b.Tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#choice-yes"))))
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	require.NoError(t, err)
	assert.Contains(t, h1, "Digital nämndhantering")
	b.CheckAxe(t, ctx, "the answer form with a real offer", "best-practice")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#choice-yes")),
		chromedp.SendKeys(chromedp.CSS("#name"), "Kim Svensson"),
		chromedp.SendKeys(chromedp.CSS("#role"), "Kommundirektör"),
		chromedp.Click(chromedp.CSS("#submit")),
		chromedp.WaitVisible(chromedp.CSS("#confirmed-choice"))))
	confirmed, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#confirmed-choice")))
	require.NoError(t, err)
	assert.Equal(t, "Ja, kommunen ansluter sig", confirmed)

	// From the confirmation to the municipality's own page: the offer with the answer just given.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#overview-link")), chromedp.WaitVisible(chromedp.CSS("#offers"))))
	h1, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	require.NoError(t, err)
	assert.Equal(t, "Erbjudanden till Stockholm", h1)
	offers, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#offers")))
	require.NoError(t, err)
	assert.Contains(t, offers, "Digital nämndhantering")
	assert.Contains(t, offers, "Svar: Ja, kommunen ansluter sig, av Kim Svensson")
	b.CheckAxe(t, ctx, "the municipality's page with a real offer", "best-practice")

	receipt := waitForMail(t, smtp, "registrator@stockholm.kommun.example", "Kvitto")
	for _, want := range []string{"Svar: Ja", "Namn: Kim Svensson", "Roll: Kommundirektör", "Kommun: Stockholm", "version 1"} {
		assert.Contains(t, receipt.Body, want)
	}
	st, err := s.admin.OfferStatus(context.Background(), id)
	require.NoError(t, err)
	assert.Equal(t, 1, st.Tally.Yes)
	assert.Equal(t, 0, st.Tally.No)
	assert.Equal(t, 289, st.Tally.NotAnswered)
}

// smtpWorkerEnv starts a test SMTP server and sets the environment so that a real worker
// (worker.New) sends through it, signing links with linkKey (32 bytes).
// smtpServer starts a real SMTP server for a test and returns the worker's settings for it.
func smtpServer(t *testing.T) (*smtptest.Server, *mail.Config) {
	srv := smtptest.Start(t)
	return srv, &mail.Config{Host: srv.Host, Port: srv.Port, TLS: mail.TLSNone, From: "Handslag <handslag@skr.example>"}
}

// waitForMail waits for the message to one address whose subject starts with subject.
func waitForMail(t *testing.T, srv *smtptest.Server, to, subject string) smtptest.Message {
	t.Helper()
	var found *smtptest.Message
	require.Eventually(t, func() bool {
		for _, m := range srv.Messages() {
			if strings.HasPrefix(m.Subject, subject) && len(m.To) > 0 && m.To[0] == to {
				found = &m
				return true
			}
		}
		return false
	}, time.Minute, 50*time.Millisecond, "a message %q to %s", subject, to)
	return *found
}
