package e2e

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
	"github.com/skr/handslag/mail/smtptest"
	"github.com/skr/handslag/store"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
)

// The demo people who read the sweep's e-mails, by the address the e-mails go to: the
// function mailboxes of the test worker (leadership, office) and the people's own addresses,
// which the sweep puts in the address register.
var readerOf = map[string]string{
	"ledningen@example.org":                   "lena",
	config.DefaultOffice:                      "anna",
	"karin.karlsson@region-stockholm.example": "karin",
	"nils.nilsson@kommundirektorer.example":   "nils",
	"olle.olsson@inera.example":               "olle",
}

// staff are the demo people with a role in the console.
var staff = []string{"anna", "lena", "karin", "nils", "olle"}

// mayOpen is who may open a console page an e-mail links to, from the permission table
// (domain/permissions.go) as a person reads it: a member its own list (and the office on its
// behalf), the leadership its decisions, the owner its reports, the office its registers;
// an initiative's or a cycle's own page everyone with a role.
func mayOpen(t *testing.T, path string) []string {
	t.Helper()
	switch {
	case strings.HasSuffix(path, "/lista?medlem="+url.QueryEscape("county:01")),
		strings.HasSuffix(path, "/vardering?medlem="+url.QueryEscape("county:01")):
		return []string{"karin", "anna"}
	case strings.HasSuffix(path, "/lista?medlem="+url.QueryEscape("network:kommundirektorsnatverket")):
		return []string{"nils", "anna"}
	case regexp.MustCompile(`^/konsol/cykel/\d+/beslut/[a-z]+$`).MatchString(path):
		return []string{"lena", "anna"}
	case strings.HasSuffix(path, "/beslut"):
		return []string{"lena"}
	case strings.HasSuffix(path, "/erbjudande"):
		return []string{"lena", "anna"}
	case strings.HasSuffix(path, "/rapport"):
		return []string{"olle", "anna"}
	case strings.HasPrefix(path, "/konsol/adresser/"):
		return []string{"anna"}
	case regexp.MustCompile(`^/konsol/(initiativ/[^/]+|cykel/\d+)$`).MatchString(path):
		return staff
	}
	t.Fatalf("the sweep has no rule for who may open %s; add one", path)
	return nil
}

// linklessKinds are the e-mails that carry no link, by key: the receipt repeats the answer,
// and the office's copies of the implementation's digests and invitations are for its files.
var linklessKinds = regexp.MustCompile(`^(receipt/|impl/[^/]+/(digest|hearing)/.*/office$)`)

// Every e-mail the system sends in a year of the process, through a real SMTP server, links
// to a page that serves 200 for its recipient and refuses anyone else:
//   - the console's links (members' February round and reminders, the leadership's
//     escalations and gates, the offer's outcome, the owner's report reminders, the office's
//     missing contacts) open for the person the e-mail went to, 403 for every person with a
//     role the page is not for, and send a stranger to sign in;
//   - the municipalities' personal links (answer, unsubscribe) open the page of the
//     municipality the e-mail went to, and 403 when altered or when they are another's;
//   - the proposer's links go to the public case list, which is for everyone.
//
// The flows run side by side on demo calendars: a cycle's February round and its
// escalation, an initiative escalated at the offer decision, an offer round with reminders,
// missing contacts and its outcome, an implementation's hearing, digest and report chase,
// and a proposal accepted.
func TestEveryEmailLinkOpensForItsRecipientAndNobodyElse(t *testing.T) {
	if externalFromEnv(t) != nil {
		t.Skip("the console and the SMTP server run in-process with the system under test")
	}
	smtp, smtpCfg := smtpServer(t)
	srv, base := newSiteServer(t)
	s := startSystemWith(t, "", 0, func(c client.Client, db *store.DB) (sdkworker.Worker, error) {
		seedSweepRegister(t, db)
		return newTestWorker(c, db, func(w *config.Worker) { w.SMTP, w.BaseURL = smtpCfg, base })
	})
	serveConsole(t, srv, base, s)
	ctx := context.Background()
	office := []string{"--by", "programkontoret.e2e", "--role", "office"}

	// The cycle: one initiative in the backlog; February opens 12 demo days after the start. A
	// reminder due after the lists have closed is not sent, so the days are long enough for the
	// 7-day reminder to come before the deadline on a loaded machine.
	s.mustCLI(append([]string{"register", "--title", "Svep i cykeln", "--problem", "p", "--who", "w", "--benefit", "b",
		"--activities", "Kansli", "--proposer", "Exempelby kommun", "--contact", "k@exempelby.example"}, office...)...)
	s.mustCLI(append([]string{"triage", "svep-i-cykeln", "--owner", "Inera", "--reason", "r"}, office...)...)
	s.mustCLI(append([]string{"score", "svep-i-cykeln", "--criterion", "nytta", "--score", "4", "--motivation", "m", "--reason", "r"}, office...)...)
	s.mustCLI(append([]string{"relevance", "svep-i-cykeln", "--group", "high", "--municipal", "medium", "--reason", "r"}, office...)...)
	s.waitForStage("svep-i-cykeln", "awaiting_february", 10*time.Second)
	s.mustCLI("cycle", "schedule", "--demo", "--demo-day", "200ms", "--demo-start", "2027-01-20")
	s.mustCLI("cycle", "trigger")

	// The offer decision passes its deadline (15 March) undecided.
	day := func(origin time.Time) domain.Clock {
		return domain.Clock{DayLength: 100 * time.Millisecond, RealOrigin: time.Now(), VirtualOrigin: origin}
	}
	startOfferDecisionOn(t, s, "svep-eskalering", domain.DefaultCalendar(), day(time.Date(2027, 3, 13, 10, 0, 0, 0, domain.Stockholm())), nil)

	// The offer goes to the two municipalities with an address; nobody answers.
	settings := domain.DefaultOfferSettings()
	settings.ReminderDays = []int{30, 10}
	startOfferDecisionOn(t, s, "svep-erbjudande", domain.DefaultCalendar(), day(time.Date(2027, 2, 10, 10, 0, 0, 0, domain.Stockholm())), &settings)
	s.mustCLI("decide", "svep-erbjudande", "--gate", "offer", "--verdict", "approve", "--reason", "Beslut om erbjudande", "--by", "ledningen.e2e")
	// Where the seminar is held is known after the offers went out: the answer pages show it.
	s.waitForStage("svep-erbjudande", string(domain.StageOfferRound), 10*time.Second)
	s.mustCLI("offer", "seminar", "svep-erbjudande", "--place", "SKR, Hornsgatan 20", "--link", seminarLink,
		"--by", "programkontoret.e2e", "--reason", "Lokalen bokad")

	// The implementation starts in September: its digest on 1 October, the Q3 report due 15
	// October and escalated 29 October, the invitation to 20 November's hearing on 30 October.
	startImplementation(t, s, "svep-genomforande", time.Date(2027, 9, 15, 10, 0, 0, 0, domain.Stockholm()), 100*time.Millisecond, "0180", "1480")

	// A proposal, accepted.
	require.NoError(t, s.admin.Propose(ctx, domain.Proposal{ID: "forslag-svep", Need: domain.Need{Title: "Svep av förslag", Problem: "p",
		WhoHasTheNeed: "w", ExpectedBenefit: "b", AffectedActivities: []string{"Kansli"}, ProposerOrganisation: "Exempelby kommun",
		ContactEmail: "kansli@exempelby.example"}}))
	_, err := s.admin.DecideProposal(ctx, "forslag-svep", domain.DecideProposal{Meta: domain.Meta{By: domain.Actor{ID: "anna.andersson@programkontoret.example",
		Role: domain.RoleOffice}, Reason: "Efterfrågat"}, Verdict: domain.ProposalAccept}, "")
	require.NoError(t, err)

	want := []string{
		"round-open/cycle-2027/county:01", "round-open/cycle-2027/network:kommundirektorsnatverket",
		"reminder/cycle-2027/7/county:01", "reminder/cycle-2027/7/network:kommundirektorsnatverket",
		"lists-closed/cycle-2027", "escalation/cycle-2027/quick_analysis_decision",
		"escalation/svep-eskalering/offer_decision/",
		"offer/svep-erbjudande/0180", "reminder/svep-erbjudande/30/1480",
		"missing-contacts/svep-erbjudande/offer", "outcome/svep-erbjudande/deadline",
		"impl/svep-genomforande/digest/2027-09/0180", "impl/svep-genomforande/hearing/", "impl/svep-genomforande/report_reminder/2027-07",
		"impl/svep-genomforande/report_escalation/2027-07",
		"proposal/forslag-svep/received", "proposal/forslag-svep/accept",
	}
	// The leadership decides on the quick analyses after the escalation; May's valuation opens
	// for the council and reminds those who have not valued.
	waitForKinds(t, s, "escalation/cycle-2027/quick_analysis_decision")
	s.mustCLI("cycle", "decide", "--year", "2027", "--gate", "quick_analysis", "--chosen", "svep-i-cykeln", "--reason", "Efter eskaleringen",
		"--by", "ledningen.e2e", "--role", "leadership")
	want = append(want, "valuation-open/cycle-2027/county:01", "valuation-reminder/cycle-2027/7/county:01")
	sent := waitForKinds(t, s, want...)

	sweep := &linkSweep{t: t, base: base, smtp: smtp, people: map[string]*http.Client{}, seen: map[string]bool{}}
	for _, p := range staff {
		sweep.people[p] = signInOverHTTP(t, base, p)
	}
	checked := 0
	for _, m := range sent {
		checked += sweep.check(m)
	}
	t.Logf("%d e-mails, %d different links opened as their recipients and as everyone else", len(sent), checked)
	// Every kind of page the e-mails lead to was opened.
	for _, page := range []string{`^/konsol/cykel/2027/lista\?medlem=county%3A01$`, `^/konsol/cykel/2027/lista\?medlem=network%3A`,
		`^/konsol/cykel/2027/vardering\?medlem=county%3A01$`,
		`^/konsol/cykel/2027$`, `^/konsol/cykel/2027/beslut/snabbanalys$`, `^/konsol/initiativ/svep-eskalering/beslut$`,
		`^/konsol/initiativ/svep-i-cykeln/beslut$`, `^/konsol/initiativ/svep-erbjudande/erbjudande$`, `^/konsol/adresser/kommuner$`, `^/konsol/adresser/medlemmar$`,
		`^/konsol/initiativ/svep-erbjudande$`, `^/konsol/initiativ/svep-genomforande/rapport$`, `^/konsol/initiativ/svep-genomforande$`,
		`^/svar/`, `^/avsluta/`, `^/arenden$`, `^/arenden/svep-av-forslag$`} {
		assert.True(t, slices.ContainsFunc(sweep.opened, regexp.MustCompile(page).MatchString), "no e-mail led to %s; opened: %v", page, sweep.opened)
	}

	// The answer page shows where the seminar is held, set after the offer went out.
	offer := sweep.delivered(s.message("offer/svep-erbjudande/0180"))
	status, page := sweep.get(http.DefaultClient, strings.TrimPrefix(linkPattern.FindString(offer.Body), base))
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, page, "SKR, Hornsgatan 20")
	assert.Contains(t, page, `href="`+seminarLink+`"`)

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordRun(t, s, contract.OfferRoundWorkflowID("svep-erbjudande"), "", "../workflows/testdata/history_offer_round_seminar_venue.json")
		recordRun(t, s, contract.CycleWorkflowID(2027), "", "../workflows/testdata/history_cycle_valuation_notices.json")
	}

	// A person without a role cannot sign in at all.
	res := signInResponse(t, base, "utan")
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
}

// seedSweepRegister gives addresses to two municipalities (the other 288 have none), the
// council member for Stockholm, the directors' network and Inera: the demo people's own.
func seedSweepRegister(t *testing.T, db *store.DB) {
	ctx := context.Background()
	for kind, entries := range map[contacts.Kind][]contacts.Entry{
		contacts.Municipality: {{Kind: contacts.Municipality, Party: "0180", Email: "registrator@stockholm.kommun.example"},
			{Kind: contacts.Municipality, Party: "1480", Email: "registrator@goteborg.kommun.example"}},
		contacts.Member: {{Kind: contacts.Member, Party: "county:01", Email: "karin.karlsson@region-stockholm.example"},
			{Kind: contacts.Member, Party: "network:kommundirektorsnatverket", Email: "nils.nilsson@kommundirektorer.example"}},
		contacts.Owner: {{Kind: contacts.Owner, Party: "Inera", Email: "olle.olsson@inera.example"}},
	} {
		_, _, err := db.ReplaceRegister(ctx, kind, entries, "e2e", "")
		require.NoError(t, err)
	}
}

// seminarLink is the offer seminar's video link in the sweep: the one link that leaves the
// system (the offers sent after the office set it carry it).
const seminarLink = "https://mote.example/lansering"

// sweepMunicipalities are the municipalities with an address in the sweep, by code.
var sweepMunicipalities = map[string]string{"0180": "Stockholm", "1480": "Göteborg"}

// waitForKinds waits until the outbox has a message of every kind (key prefix) and returns
// the outbox.
func waitForKinds(t *testing.T, s *system, want ...string) []mail.Message {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	sent := s.messages()
	for ; len(missingKinds(sent, want)) > 0; sent = s.messages() {
		if time.Now().After(deadline) {
			t.Fatalf("these kinds of e-mail were never sent: %v\nsent: %v", missingKinds(sent, want), keysOf(sent))
		}
		time.Sleep(200 * time.Millisecond)
	}
	return sent
}

// missingKinds are the wanted key prefixes no message has.
func missingKinds(msgs []mail.Message, want []string) []string {
	var out []string
	for _, w := range want {
		found := false
		for _, m := range msgs {
			found = found || strings.HasPrefix(m.Key, w)
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
}

type linkSweep struct {
	t      *testing.T
	base   string
	smtp   *smtptest.Server
	people map[string]*http.Client // signed in, by demo username
	seen   map[string]bool         // links already opened for the same readers
	opened []string                // the paths opened
}

var linkPattern = regexp.MustCompile(`https?://[^\s<>"]+`)

// check opens every link of the e-mail as it arrived at the SMTP server, and returns how
// many it opened.
func (w *linkSweep) check(m mail.Message) int {
	t := w.t
	t.Helper()
	got := w.delivered(m)
	links := linkPattern.FindAllString(got.Body, -1)
	if len(links) == 0 {
		assert.Regexp(t, linklessKinds, m.Key, "an e-mail without a link, of a kind that should have one")
		return 0
	}
	n := 0
	for _, link := range links {
		if link == seminarLink {
			continue // the meeting's own video link, once the office has set it
		}
		require.True(t, strings.HasPrefix(link, w.base+"/"), "%s links outside the system: %s", m.Key, link)
		path := strings.TrimPrefix(link, w.base)
		key := path + " " + strings.Join(got.To, ",")
		if w.seen[key] {
			continue
		}
		w.seen[key] = true
		w.opened = append(w.opened, path)
		n++
		switch {
		case strings.HasPrefix(path, "/konsol/"):
			w.consoleLink(m, got.To, path)
		case strings.HasPrefix(path, answerlink.PathPrefix), strings.HasPrefix(path, answerlink.UnsubscribePathPrefix):
			w.personalLink(m, path)
		case path == "/arenden" || strings.HasPrefix(path, "/arenden/"):
			status, body := w.get(http.DefaultClient, path)
			assert.Equal(t, http.StatusOK, status, "%s: the public case list %s: %s", m.Key, path, body)
		default:
			t.Errorf("%s links to %s, which the sweep does not know", m.Key, path)
		}
	}
	return n
}

// delivered is the message as the SMTP server received it (known by its Message-ID, which
// the key gives).
func (w *linkSweep) delivered(m mail.Message) smtptest.Message {
	id := mail.MessageID(m.Key, "skr.example")
	var found *smtptest.Message
	require.Eventually(w.t, func() bool {
		for _, d := range w.smtp.Messages() {
			if d.MessageID() == id {
				found = &d
				return true
			}
		}
		return false
	}, 10*time.Second, 50*time.Millisecond, "%s reached the SMTP server", m.Key)
	return *found
}

// consoleLink: 200 for every reader the e-mail went to, 200 for whoever else may open the
// page and 403 for every other person with a role; a stranger is sent to sign in.
func (w *linkSweep) consoleLink(m mail.Message, to []string, path string) {
	t := w.t
	allowed := mayOpen(t, path)
	for _, addr := range to {
		reader, ok := readerOf[addr]
		require.True(t, ok, "%s went to %s, who has no sign-in in the sweep", m.Key, addr)
		assert.Contains(t, allowed, reader, "%s went to %s, who may not open %s", m.Key, reader, path)
	}
	for _, p := range staff {
		status, body := w.get(w.people[p], path)
		want := http.StatusForbidden
		if slices.Contains(allowed, p) {
			want = http.StatusOK
		}
		assert.Equal(t, want, status, "%s: %s opens %s: %.300s", m.Key, p, path, body)
	}
	res, err := noRedirects(nil).Get(w.base + path)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusSeeOther, res.StatusCode, "%s: a stranger opens %s", m.Key, path)
	assert.True(t, strings.HasPrefix(res.Header.Get("Location"), "/konsol/logga-in"), "%s: a stranger is sent to sign in", m.Key)
}

// personalLink: the link opens the page of the municipality the e-mail went to (its code is
// the key's last part); altered, or made of another municipality's signature, it is refused.
func (w *linkSweep) personalLink(m mail.Message, path string) {
	t := w.t
	code := m.Key[strings.LastIndex(m.Key, "/")+1:]
	name := sweepMunicipalities[code]
	status, body := w.get(http.DefaultClient, path)
	require.Equal(t, http.StatusOK, status, "%s: %s: %.300s", m.Key, path, body)
	assert.Contains(t, body, name, "%s: the page is %s's", m.Key, name)
	prefix, token := path[:strings.LastIndex(path, "/")+1], path[strings.LastIndex(path, "/")+1:]
	claims, sig, ok := strings.Cut(token, ".")
	require.True(t, ok, token)
	flip := "A"
	if strings.HasPrefix(sig, "A") {
		flip = "B"
	}
	for what, forged := range map[string]string{
		"altered":             prefix + claims + "." + flip + sig[1:],
		"another's signature": prefix + claims + "." + w.otherSignature(path, code),
	} {
		status, body := w.get(http.DefaultClient, forged)
		assert.Equal(t, http.StatusForbidden, status, "%s: an %s link: %.300s", m.Key, what, body)
		assert.NotContains(t, body, name, "%s: an %s link shows nothing of %s", m.Key, what, name)
	}
}

// otherSignature is the signature of the same kind of link sent to the other municipality.
func (w *linkSweep) otherSignature(path, code string) string {
	other := "1480"
	if code == "1480" {
		other = "0180"
	}
	kind := path[:strings.LastIndex(path, "/")+1]
	for _, d := range w.smtp.Messages() {
		for _, l := range linkPattern.FindAllString(d.Body, -1) {
			p := strings.TrimPrefix(l, w.base)
			if strings.HasPrefix(p, kind) && strings.Contains(d.Subject+d.Body, sweepMunicipalities[other]) {
				_, sig, _ := strings.Cut(p[len(kind):], ".")
				return sig
			}
		}
	}
	w.t.Fatalf("no %s link to %s", kind, other)
	return ""
}

func (w *linkSweep) get(c *http.Client, path string) (int, string) {
	res, err := noRedirects(c).Get(w.base + path)
	require.NoError(w.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(w.t, err)
	return res.StatusCode, string(b)
}

// noRedirects is the client with its cookies that stops at a redirect, so the sweep sees it.
func noRedirects(c *http.Client) *http.Client {
	var jar http.CookieJar
	if c != nil {
		jar = c.Jar
	}
	return &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// signInOverHTTP signs a demo person in through the demo identity provider, as a browser
// would, and returns a client with the session's cookie.
func signInOverHTTP(t *testing.T, base, username string) *http.Client {
	res := signInResponse(t, base, username)
	require.Equal(t, http.StatusOK, res.StatusCode, "%s signs in", username)
	require.Equal(t, "/konsol/", res.Request.URL.Path)
	return &http.Client{Jar: res.jar}
}

type signInResult struct {
	*http.Response
	jar http.CookieJar
}

func signInResponse(t *testing.T, base, username string) signInResult {
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	res, err := c.Get(base + "/konsol/")
	require.NoError(t, err)
	res.Body.Close()
	id := res.Request.URL.Query().Get("authRequestID")
	require.NotEmpty(t, id, "the console sends a stranger to the provider's sign-in page")
	res, err = c.PostForm(base+web.DemoIdentityProviderPath+"/login", url.Values{"id": {id}, "username": {username}})
	require.NoError(t, err)
	_, _ = io.ReadAll(res.Body)
	res.Body.Close()
	return signInResult{Response: res, jar: jar}
}
