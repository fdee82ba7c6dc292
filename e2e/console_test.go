package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2/memstore"
	"github.com/chromedp/chromedp"
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/browsertest"
	"github.com/skr/handslag/internal/demoidp"
	"github.com/skr/handslag/refdata"
	"github.com/skr/handslag/signin"
	"github.com/skr/handslag/site"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	"google.golang.org/protobuf/encoding/protojson"
)

// consoleDay is how long a day of the console test's demo calendar lasts.
const consoleDay = 100 * time.Millisecond

// startConsole serves the web application with the console, signing in through the demo
// identity provider as the local system does, over the system's Temporal and database.
func startConsole(t *testing.T, s *system) string {
	srv, base := newSiteServer(t)
	serveConsole(t, srv, base, s)
	return base
}

// newSiteServer makes the web application's test server before it serves: the worker's
// e-mails need its address before the system starts.
func newSiteServer(t *testing.T) (*httptest.Server, string) {
	srv := httptest.NewUnstartedServer(nil)
	t.Cleanup(srv.Close)
	return srv, "http://" + srv.Listener.Addr().String()
}

// serveConsole serves the whole web application with the console on srv.
func serveConsole(t *testing.T, srv *httptest.Server, base string, s *system) {
	idp, err := demoidp.New(demoidp.Options{BaseURL: base, Path: web.DemoIdentityProviderPath,
		RedirectURL: base + "/konsol/inloggning", AfterSignOut: base + "/konsol/utloggad"})
	require.NoError(t, err)
	roles, err := signin.ParseRoleMap(demoidp.RoleMap)
	require.NoError(t, err)
	h, err := site.New(site.Deps{Admin: s.admin, Cases: s.db, LinkKeys: answerlink.Single(testLinkKey), FormKey: []byte("e2e-form-key-of-thirty-two-bytes"),
		SignIn: signin.Config{Issuer: idp.Issuer, ClientID: demoidp.ClientID, ClientSecret: idp.ClientSecret,
			RedirectURL: base + "/konsol/inloggning", Scopes: []string{"openid", "email", "profile", demoidp.GroupsScope}, Roles: roles},
		Sessions: memstore.New(), BaseURL: base, AllowDemo: true, DemoDays: []time.Duration{consoleDay}, IdentityProvider: idp,
		Addresses: s.db, People: s.db, Parties: contacts.DefaultParties(refdata.Default())})
	require.NoError(t, err)
	srv.Config.Handler = h
	srv.Start()
}

// person is one signed-in person's browser.
type person struct {
	t    *testing.T
	b    *browsertest.Browser
	base string
}

func signInAs(t *testing.T, base, username string) *person {
	p := &person{t: t, b: browsertest.Start(t), base: base}
	ctx := p.b.Tab(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/konsol/"), chromedp.WaitVisible(chromedp.CSS("button[value="+username+"]")),
		chromedp.Click(chromedp.CSS("button[value="+username+"]")), chromedp.WaitVisible(chromedp.CSS("#who"))))
	return p
}

// act fills in and sends a console form, as a person would: text fields by ID, radio buttons
// and checkboxes by clicking them. The page it lands on must say it is done. When the
// initiative moved on between showing and sending (the demo calendar runs fast), the console
// refuses the form as stale, and the person opens it again, as anyone would.
func (p *person) act(path string, fields map[string]string, clicks ...string) {
	p.t.Helper()
	for attempt := 1; ; attempt++ {
		ctx := p.b.Tab(p.t)
		actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(p.base + path), chromedp.WaitVisible(chromedp.CSS("#submit"))}
		for id, v := range fields {
			actions = append(actions, chromedp.SetValue(chromedp.CSS("#"+id), v))
		}
		for _, id := range clicks {
			actions = append(actions, chromedp.Click(chromedp.CSS("#"+id)))
		}
		// The old page is marked, so that the page the post lands on is known by its lack of it.
		require.NoError(p.t, chromedp.Do(ctx, actions...), path)
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.oldPage = true`))
		require.NoError(p.t, err)
		require.NoError(p.t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#submit"))), path)
		require.Eventually(p.t, func() bool {
			landed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.oldPage !== true && document.readyState === 'complete' && !!document.querySelector('h1')`))
			return err == nil && landed
		}, 30*time.Second, 20*time.Millisecond, "%s: the post lands on a page", path)
		h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
		require.NoError(p.t, err)
		done, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.getElementById('done')||{}).textContent||''`))
		require.NoError(p.t, err)
		if strings.Contains(done, "Klart") {
			return
		}
		if !strings.Contains(h1, "har ändrats") || attempt == 3 {
			main, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
			p.t.Fatalf("%s: the form was not accepted:\n%s", path, main)
		}
	}
}

// check opens a page and checks it with axe-core.
func (p *person) check(path, name string) {
	p.t.Helper()
	ctx := p.b.Tab(p.t)
	require.NoError(p.t, chromedp.Do(ctx, chromedp.Navigate(p.base+path), chromedp.WaitVisible(chromedp.CSS("h1"))))
	p.b.CheckPage(p.t, ctx, name)
}

// A need registered in the console is taken by the office and the leadership through all
// three gates to an offer on the demo calendar, in a real browser, with no CLI call; every
// page it passes has no accessibility violations, and the Temporal history records the
// signed-in people as the senders.
func TestConsoleTakesANeedToAnOffer(t *testing.T) {
	if externalFromEnv(t) != nil {
		t.Skip("the console runs in-process over the system under test")
	}
	s := startSystem(t, "", 0)
	base := startConsole(t, s)
	anna := signInAs(t, base, "anna")

	// The intake must be done before February, 73 demo days (7.3 s) after the need arrives.
	anna.act("/konsol/nytt", map[string]string{"f-title": "Digital nämndhantering i konsolen", "f-problem": "Papper",
		"f-who_has_the_need": "Nämndsekreterare", "f-expected_benefit": "Kortare ledtider", "f-affected_activities": "Kansli",
		"f-proposer_organisation": "Exempelby kommun", "f-contact_email": "kansli@exempelby.example", "f-action_plan_goals": "M2",
		"f-demo_start": "2026-11-20"}, "f-demo")
	const id = "digital-namndhantering-i-konsolen"
	in := "/konsol/initiativ/" + id
	anna.check(in, "a new initiative")
	anna.act(in+"/triagera", map[string]string{"f-reason": "Inera har plattformen"}, "f-owner-2", "f-route-0")
	anna.act(in+"/relevans", map[string]string{"f-reason": "Efterfrågat"}, "f-group-0", "f-municipal-0")
	anna.act(in+"/kriterium", map[string]string{"f-motivation": "Alla kommuner", "f-reason": "Bedömning"}, "f-criterion-2", "f-score-4")

	lena := signInAs(t, base, "lena")
	s.waitForStage(id, string(domain.StageFebruaryReview), 30*time.Second)
	lena.check("/konsol/", "the leadership's start page")
	lena.act(in+"/beslut", map[string]string{"f-reason": "Prioriterat av rådet"}, "f-verdict-0")
	s.waitForStage(id, string(domain.StageQuickAnalysis), 30*time.Second)
	anna.act(in+"/snabbanalys", map[string]string{"f-offer_meaning": "Gemensam tjänst", "f-qualification_needs": "Kalkyl", "f-reason": "Klar"})
	s.waitForStage(id, string(domain.StageValuation), 30*time.Second)
	anna.act(in+"/vardering", map[string]string{"f-comment": "Stöd i rådet", "f-reason": "Majmötet"}, "f-group_score-3", "f-municipal_score-4")
	s.waitForStage(id, string(domain.StageFinalPrioritisation), 30*time.Second)
	lena.act(in+"/beslut", map[string]string{"f-reason": "Kvalificeras"}, "f-verdict-0")
	s.waitForStage(id, string(domain.StageQualification), 30*time.Second)
	anna.act(in+"/kvalificering", map[string]string{"f-what": "Bygga tjänsten", "f-who_does_what": "Inera bygger", "f-effect_goal": "Halverad ledtid",
		"f-cost": "8 mnkr", "f-financing": "Abonnemang", "f-reason": "Plan klar"})
	for _, r := range domain.Requirements {
		anna.act(in+"/ska-krav", map[string]string{"f-requirement": string(r), "f-evidence": "Beslut i styrgruppen", "f-reason": "Underlag"})
	}
	s.waitForStage(id, string(domain.StageOfferDecision), 60*time.Second)
	lena.check(in, "an initiative at the offer decision")
	lena.act(in+"/beslut", map[string]string{"f-reason": "Erbjuds kommunerna", "f-reference": "DL 2028-02-10"}, "f-verdict-0")
	s.waitForStage(id, string(domain.StageOfferRound), 30*time.Second)
	anna.check(in, "an initiative whose offer is out")

	// The history: every message came from the console as the signed-in person.
	senders := map[string]domain.Role{}
	iter := s.admin.Temporal.GetWorkflowHistory(context.Background(), contract.InitiativeWorkflowID(id), "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for iter.HasNext() {
		e, err := iter.Next()
		require.NoError(t, err)
		a := e.GetWorkflowExecutionUpdateAcceptedEventAttributes()
		if a == nil {
			continue
		}
		raw, err := protojson.Marshal(a.GetAcceptedRequest().GetInput().GetArgs().GetPayloads()[0])
		require.NoError(t, err)
		var p struct{ Data string }
		require.NoError(t, json.Unmarshal(raw, &p))
		data, err := base64.StdEncoding.DecodeString(p.Data)
		require.NoError(t, err)
		var m domain.Meta
		require.NoError(t, json.Unmarshal(data, &m))
		senders[m.By.ID] = m.By.Role
	}
	assert.Equal(t, map[string]domain.Role{"anna.andersson@programkontoret.example": domain.RoleOffice,
		"lena.larsson@ledningen.example": domain.RoleLeadership}, senders)
	st, err := s.admin.Status(context.Background(), id)
	require.NoError(t, err)
	assert.Equal(t, "anna.andersson@programkontoret.example", st.Initiative.CreatedBy.ID)
	require.Len(t, st.Initiative.Decisions, 3)
	assert.Equal(t, "DL 2028-02-10", st.Initiative.Decisions[2].Reference)
}
