package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	netmail "net/mail"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/activities"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
)

// offerDemoDay is the length of a demo day for the round below: the reminders (14 and 3 days
// before) fall about 46 and 57 s after the offer decision and the deadline about 60 s after it,
// well after the disruption, so both reminders and the decision happen within the test.
const offerDemoDay = time.Second

// externalOfferDemoDay is the demo day against the real worker processes, which send by SMTP:
// an offer the killed worker had claimed but not marked sent is held by its lease (three SMTP
// timeouts and 30 s, 2 minutes by default) before another worker sends it, so the reminders
// must fall after that (the first at about 138 s, the deadline at about 180 s), or the offers
// are still going out when the deadline passes and the test depends on where the kill lands.
const externalOfferDemoDay = 3 * time.Second

// While an initiative's offer round is open (the 290 offers going out, answers arriving), the
// Temporal server restarts and the worker is killed with SIGKILL; answers are sent while no
// worker runs and after it is back. Afterwards every answer is in the round, each municipality
// got exactly one offer, each answer version exactly one receipt, each reminder went at most
// once to each municipality, and the go/no-go was reported once. In the production proof
// (scripts/postgres-proof) this runs against the real server binary on PostgreSQL and the real
// worker process; in-process it runs on the embedded server with a data directory, stopped and
// started again on the same data and outbox.
func TestOfferRoundSurvivesServerRestartAndWorkerKill(t *testing.T) {
	s, disrupt := startDisruptableSystem(t)
	ctx := context.Background()
	id := s.id("e2e-erbjudande-omstart")
	day := offerDemoDay
	if s.ext != nil {
		day = externalOfferDemoDay
	}
	startOfferDecision(t, s, id, domain.DemoCalendar(day))

	s.mustCLI("decide", id, "--gate", "offer", "--verdict", "approve", "--reason", "Beslut om erbjudande", "--by", "ledningen.e2e")
	var round domain.OfferRound
	require.Eventually(t, func() bool {
		r, err := s.admin.OfferRound(ctx, id)
		round = r
		return err == nil && len(r.Municipalities) == 290
	}, 30*time.Second, 20*time.Millisecond, "the offer round starts with 290 municipalities")
	codes := make([]string, len(round.Municipalities))
	for i, m := range round.Municipalities {
		codes[i] = m.Code
	}
	offersOut := func() int {
		n := 0
		for _, c := range codes {
			if state, _ := s.db.MailState(ctx, fmt.Sprintf("offer/%s/%s", id, c)); state != "" {
				n++
			}
		}
		return n
	}
	// The disruption should fall on the fan-out: answer as soon as the first offer is out.
	require.Eventually(t, func() bool {
		state, _ := s.db.MailState(ctx, fmt.Sprintf("offer/%s/%s", id, codes[0]))
		return state != ""
	}, 30*time.Second, 2*time.Millisecond, "the first offer goes out")

	submitted := map[string]string{} // submission id -> municipality
	submit := func(asSignal bool, answers ...domain.AnswerInput) {
		t.Helper()
		b := domain.SubmitAnswers{Meta: domain.Meta{By: domain.Actor{ID: "svarsformular", Role: domain.RoleMunicipality}},
			Answers: answers}
		res, err := s.admin.SubmitAnswers(ctx, id, b, asSignal)
		require.NoError(t, err)
		if !asSignal {
			require.Len(t, res.Results, len(answers))
			for _, r := range res.Results {
				require.True(t, r.Accepted, "%+v", r)
			}
		}
		for _, a := range answers {
			submitted[a.SubmissionID] = a.Municipality
		}
	}
	answers := func(from, to int, choice domain.AnswerChoice, tag string) []domain.AnswerInput {
		var out []domain.AnswerInput
		for i := from; i < to; i++ {
			out = append(out, domain.AnswerInput{Municipality: codes[i], Answer: choice, Name: "Namn " + codes[i],
				Role: "Kommundirektör", SubmissionID: fmt.Sprintf("%s-%s", tag, codes[i])})
		}
		return out
	}

	// Before: 20 answers (10 no, 10 yes) as one batch, the way the web server sends them.
	first := append(answers(0, 10, domain.AnswerNo, "fore"), answers(10, 20, domain.AnswerYes, "fore")...)
	submit(false, first...)

	var atKill int
	disrupt(func() {
		atKill = offersOut()
		// No worker runs: signals wait in Temporal. 15 new answers, 5 municipalities changing
		// their no to a yes, and a resent submission that must change nothing.
		submit(true, answers(20, 35, domain.AnswerYes, "nere")...)
		submit(true, answers(0, 5, domain.AnswerYes, "andrat")...)
		submit(true, first[0])
	})
	t.Logf("%d of 290 offers were out when the worker was killed", atKill)

	// After: updates again (the worker answers them), and one through the CLI.
	submit(false, answers(35, 45, domain.AnswerYes, "efter")...)
	s.mustCLI("offer", "answer", id, "--municipality", codes[45], "--yes", "--name", "Kim Svensson", "--role", "Kommundirektör",
		"--submission-id", "cli-"+codes[45], "--by", "programkontoret.e2e")
	submitted["cli-"+codes[45]] = codes[45]

	// Wait for the deadline (both reminders and the decision are then behind) and for every
	// receipt owed.
	var st contract.OfferStatus
	reached := func() bool {
		var err error
		st, err = s.admin.OfferStatus(ctx, id)
		return err == nil && st.Delivery != nil && st.Decision != nil && len(st.Reminders) == 2
	}
	if !assert.Eventually(t, reached, 60*day+3*time.Minute, 200*time.Millisecond, "the round reaches its deadline") {
		t.Fatalf("the round's last status: delivery %+v, decision %+v, reminders %+v, unsent %d, next wake %+v, run %d",
			st.Delivery, st.Decision, st.Reminders, len(st.Unsent), st.NextWake, st.Run)
	}
	round, err := s.admin.OfferRound(ctx, id)
	require.NoError(t, err)
	require.Eventually(t, func() bool { return len(mailOfKind(s.mail(id), "receipt/")) >= len(round.Answers) },
		time.Minute, 200*time.Millisecond, "a receipt for every answer version")

	// No answer lost, none twice.
	got := map[string]string{}
	for _, v := range round.Answers {
		_, dup := got[v.SubmissionID]
		assert.False(t, dup, "submission %s recorded twice", v.SubmissionID)
		got[v.SubmissionID] = v.Municipality
	}
	assert.Equal(t, submitted, got, "every answer submitted is in the round, once")
	assert.Len(t, round.Answers, 20+15+5+10+1)
	assert.Equal(t, 5+15+10+10+1, st.Tally.Yes, "the 5 changed answers count as yes")
	assert.Equal(t, 5, st.Tally.No)
	assert.Zero(t, st.Rejected.Count, "no signal answer was refused: %+v", st.Rejected)

	// No e-mail twice: one offer per municipality, one receipt per answer version, each
	// reminder at most once per municipality and as many as the round recorded, one outcome.
	mail := s.mail(id)
	assert.Equal(t, 290, st.Delivery.Sent+st.Delivery.AlreadySent, "delivery %+v", st.Delivery)
	assert.Empty(t, st.Unsent)
	all := append([]string(nil), codes...)
	sort.Strings(all)
	assert.Equal(t, all, recipientsOf(t, mailOfKind(mail, "offer/"), 2), "exactly one offer per municipality")
	var versions []string
	for _, v := range round.Answers {
		versions = append(versions, activities.ReceiptKey(id, v.Municipality, v.Version))
	}
	assert.ElementsMatch(t, versions, keysOf(mailOfKind(mail, "receipt/")), "exactly one receipt per answer version")
	for _, rec := range st.Reminders {
		sent := mailOfKind(mail, fmt.Sprintf("reminder/%s/%d/", id, rec.DaysBefore))
		recipients := recipientsOf(t, sent, 3)
		t.Logf("reminder %d days before: sent=%v to %d", rec.DaysBefore, rec.Sent, len(recipients))
		if !rec.Sent {
			assert.Empty(t, sent)
			continue
		}
		assert.Equal(t, rec.Recipients, len(recipients), "reminder %d", rec.DaysBefore)
		for _, code := range recipients {
			assert.NotContains(t, codes[:20], code, "reminder %d to a municipality that answered before it", rec.DaysBefore)
		}
	}
	require.Eventually(t, func() bool { return len(mailOfKind(s.mail(id), "outcome/")) > 0 }, 30*time.Second, 200*time.Millisecond,
		"the go/no-go is reported")
	assert.Equal(t, []string{activities.OutcomeKey(id, domain.PhaseDeadline)}, keysOf(mailOfKind(s.mail(id), "outcome/")))
	for _, m := range mailOfKind(mail, "offer/") {
		assert.Contains(t, m.Body, answerBaseURL()+"/svar/", "the answer link points at the web server")
	}
	checkAnswerLink(t, mail, id, round.Municipalities[0])
	checkOffersAtTheSMTPServer(t, id, codes, atKill)
}

// checkOffersAtTheSMTPServer counts the offers where they arrived, at the real SMTP server of the
// production proof (HANDSLAG_E2E_SMTP_URL; in-process runs keep their mail in the outbox): every
// municipality got its offer, each under one Message-ID. A worker killed between the server's
// acceptance and the mark in the ledger sends that message again, with the same Message-ID, so
// a copy can be recognised; at most one message per fan-out activity in flight can be caught so.
func checkOffersAtTheSMTPServer(t *testing.T, id string, codes []string, atKill int) {
	t.Helper()
	url := os.Getenv("HANDSLAG_E2E_SMTP_URL")
	if url == "" {
		return
	}
	var received []struct {
		To        []string `json:"to"`
		MessageID string   `json:"message_id"`
	}
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&received))
	copies := map[string]int{}
	for _, m := range received {
		copies[m.MessageID]++
	}
	from, err := netmail.ParseAddress(os.Getenv(config.EnvSMTPFrom))
	require.NoError(t, err, "%s", config.EnvSMTPFrom)
	_, domainName, _ := strings.Cut(from.Address, "@")
	duplicates := 0
	for _, code := range codes {
		n := copies[mail.MessageID(fmt.Sprintf("offer/%s/%s", id, code), domainName)]
		assert.GreaterOrEqual(t, n, 1, "no offer to %s arrived at the SMTP server", code)
		duplicates += max(0, n-1)
	}
	t.Logf("offers at the SMTP server: %d municipalities, %d resent copies (%d offers were out at the kill)", len(codes), duplicates, atKill)
	assert.LessOrEqual(t, duplicates, contract.DefaultOfferParallel, "only messages in flight at the kill can be sent twice")
}

// checkAnswerLink checks the answer link in the offer e-mail to one municipality against the
// web server's settings: when HANDSLAG_LINK_SECRET is set (the production proof gives the
// worker and the web server the same one), the link's token must verify with it, so the web
// server can accept the answer.
func checkAnswerLink(t *testing.T, mail []mail.Message, id string, muni domain.OfferMunicipality) {
	t.Helper()
	code := muni.Code
	secret := os.Getenv(config.EnvLinkSecret)
	if secret == "" {
		return
	}
	keys, err := answerlink.ParseKeys(secret)
	require.NoError(t, err)
	var link string
	for _, m := range mail {
		if m.Key == fmt.Sprintf("offer/%s/%s", id, code) {
			_, rest, found := strings.Cut(m.Body, answerBaseURL()+answerlink.PathPrefix)
			require.True(t, found, "no answer link in %s:\n%s", m.Key, m.Body)
			link = answerBaseURL() + answerlink.PathPrefix + strings.Fields(rest)[0]
		}
	}
	require.NotEmpty(t, link, "no offer e-mail to %s", code)
	token := strings.TrimPrefix(link, answerBaseURL()+answerlink.PathPrefix)
	signer, err := answerlink.NewRingSigner(keys)
	require.NoError(t, err)
	claims, err := signer.Verify(token)
	require.NoError(t, err, "the worker signed the link with another key than HANDSLAG_LINK_SECRET")
	assert.Equal(t, signer.Token(claims.OfferID, claims.Municipality), token, "signed with the ring's first key, which it names")
	assert.Equal(t, answerlink.Claims{OfferID: contract.OfferRoundWorkflowID(id), Municipality: code}, claims)

	checkAnswerPage(t, link, muni.Name)
}

// checkAnswerPage opens the answer link on the web server of the production proof (a separate
// process, HANDSLAG_E2E_WEB_URL): it must serve the real offer page for the round, and refuse the
// same link with one character changed. In-process runs have no web server; the browser path
// test covers the pages there.
func checkAnswerPage(t *testing.T, link, municipality string) {
	t.Helper()
	ext := externalFromEnv(t)
	if ext == nil || ext.webURL == "" {
		return
	}
	require.True(t, strings.HasPrefix(link, strings.TrimRight(ext.webURL, "/")),
		"HANDSLAG_BASE_URL (%s) must be the web server (%s)", link, ext.webURL)
	get := func(url string) (int, string) { return httpGetStatus(t, url) }
	status, page := get(link)
	require.Equal(t, http.StatusOK, status, page)
	assert.Contains(t, page, "Digital nämndhantering", "the offer's title")
	assert.Contains(t, page, municipality, "the municipality the link was made for")
	// One character in the middle of the token changed (the last one may only carry padding bits).
	i := len(link) - 10
	swap := byte('A')
	if link[i] == 'A' {
		swap = 'B'
	}
	forged := link[:i] + string(swap) + link[i+1:]
	status, page = get(forged)
	assert.Equal(t, http.StatusForbidden, status, "a forged link is refused: %s", page)
	t.Logf("the web server at %s served the answer page and refused a forged link", ext.webURL)
}

// startOfferDecision starts an initiative that waits for the offer decision, on calendar cal.
func startOfferDecision(t *testing.T, s *system, id string, cal domain.Calendar) {
	startOfferDecisionOn(t, s, id, cal, domain.Clock{}, nil)
}

// startOfferDecisionOn starts it on a given demo clock (one that starts on a chosen day), with
// the offer settings given (nil: the defaults).
func startOfferDecisionOn(t *testing.T, s *system, id string, cal domain.Calendar, clock domain.Clock, offer *domain.OfferSettings) {
	reg := domain.Registration{ID: id, By: domain.Actor{ID: "programkontoret.e2e", Role: domain.RoleOffice},
		Calendar: cal, Need: domain.Need{Title: "Digital nämndhantering", Problem: "Papper",
			WhoHasTheNeed: "Nämndsekreterare", ExpectedBenefit: "Kortare ledtider", AffectedActivities: []string{"Kansli"},
			ProposerOrganisation: "Exempelby kommun", ContactEmail: "kansli@exempelby.example", ActionPlanGoals: []string{"M2"}}}
	st := domain.NewInitiative(reg, time.Now())
	st.Stage, st.CycleYear, st.Owner = domain.StageOfferDecision, time.Now().Year(), domain.OwnerInera
	if clock.Scaled() { // else the calendar's own (a demo calendar's clock starts now)
		st.Clock = clock
	}
	st.Qualification = &domain.QualificationPlan{What: "Bygga tjänsten", WhoDoesWhat: "Inera bygger", EffectGoal: "Halverad ledtid",
		Cost: "8 mnkr", Financing: "Abonnemang"}
	for i := range st.Requirements {
		st.Requirements[i].Met, st.Requirements[i].Evidence = true, "Beslut"
	}
	_, err := s.admin.Temporal.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{ID: contract.InitiativeWorkflowID(id),
		TaskQueue: contract.TaskQueue}, contract.InitiativeWorkflowType, contract.InitiativeInput{Registration: reg, State: st, Offer: offer})
	require.NoError(t, err)
}

// startDisruptableSystem starts the system and returns how to disrupt it: against the
// production proof, kill -9 the worker and restart the Temporal server process
// (restartServerAndKillWorker); in-process, stop the worker (its running activities are
// cancelled) and the embedded server, and start both again on the same data and outbox; the
// messages of whileDown are then sent once the server is back.
func startDisruptableSystem(t *testing.T) (*system, func(whileDown func())) {
	if externalFromEnv(t) != nil {
		s := startSystem(t, "", 0)
		s.requireProcessControl()
		return s, s.restartServerAndKillWorker
	}
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	start := func() *system {
		return startSystemWith(t, dir, port, func(c client.Client, db *store.DB) (sdkworker.Worker, error) {
			return newTestWorker(c, db, nil)
		})
	}
	s := start()
	return s, func(whileDown func()) {
		s.Stop()
		*s = *start()
		if whileDown != nil {
			whileDown()
		}
	}
}

// answerBaseURL is where the answer links in offers point: the web server the proof runs
// (HANDSLAG_BASE_URL, which the worker reads too), else the default.
func answerBaseURL() string {
	if v := os.Getenv(config.EnvBaseURL); v != "" {
		return strings.TrimRight(v, "/")
	}
	return config.DefaultBaseURL
}

// mailOfKind returns the messages whose key starts with prefix (offer/, receipt/, ...).
func mailOfKind(msgs []mail.Message, prefix string) []mail.Message {
	var out []mail.Message
	for _, m := range msgs {
		if strings.HasPrefix(m.Key, prefix) {
			out = append(out, m)
		}
	}
	return out
}

func keysOf(msgs []mail.Message) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.Key
	}
	return out
}

// recipientsOf returns the municipality codes the messages went to, taken from the part of
// each key at index part (offer/<id>/<code>: 2), sorted; a code twice fails the test.
func recipientsOf(t *testing.T, msgs []mail.Message, part int) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for _, m := range msgs {
		parts := strings.Split(m.Key, "/")
		require.Greater(t, len(parts), part, m.Key)
		code := parts[part]
		assert.False(t, seen[code], "two messages to %s: %s", code, m.Key)
		assert.NotEmpty(t, m.To, m.Key)
		seen[code] = true
		out = append(out, code)
	}
	sort.Strings(out)
	return out
}
