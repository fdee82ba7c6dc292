package console

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/demoidp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func email(username string) string {
	for _, p := range demoidp.People {
		if p.Username == username {
			return p.Email
		}
	}
	return ""
}

// Nobody who is not signed in sees a console page or sends anything: pages send the browser
// to sign in (and back afterwards), posts are refused.
func TestNotSignedIn(t *testing.T) {
	h := newHarness(t)
	h.fake.add(need("Bygglov"), domain.StageBacklog, 2027)
	c := h.browser()
	res := h.get(c, "/konsol/initiativ/bygglov")
	assert.Equal(t, http.StatusSeeOther, res.Status)
	assert.Equal(t, "/konsol/logga-in?tillbaka=%2Fkonsol%2Finitiativ%2Fbygglov", res.Location)
	res = h.post(c, "/konsol/initiativ/bygglov/triagera", url.Values{"owner": {"Inera"}, "route": {"own"}, "reason": {"r"}})
	assert.Equal(t, http.StatusUnauthorized, res.Status)
	assert.Contains(t, res.Body, "Du är inte inloggad")
	assert.Empty(t, h.fake.messages())

	// A forged session cookie is no session.
	u, _ := url.Parse(h.base)
	c.Jar.SetCookies(u, []*http.Cookie{{Name: "handslag_konsol", Value: "förfalskad", Path: "/konsol/"}})
	res = h.post(c, "/konsol/initiativ/bygglov/triagera", url.Values{"owner": {"Inera"}, "route": {"own"}, "reason": {"r"}})
	assert.Equal(t, http.StatusUnauthorized, res.Status)
	assert.Empty(t, h.fake.messages())
}

// The office registers a need and triages it: every message carries the signed-in person, the
// form's submission is the update ID, and a form posted twice sends one message.
func TestTheSignedInPersonIsTheSender(t *testing.T) {
	h := newHarness(t)
	anna := h.signIn("anna")
	form := h.formOf(anna, "/konsol/nytt", "title", "Digital bygglovshandläggning", "problem", "Papper",
		"who_has_the_need", "Byggnadsnämnder", "expected_benefit", "Kortare ledtider", "affected_activities", "Bygg, Kansli",
		"proposer_organisation", "Exempelby kommun", "contact_email", "bygg@exempelby.example", "action_plan_goals", "M2",
		// Nothing a request carries chooses the sender.
		"by", "lena", "role", "leadership")
	for i := 0; i < 2; i++ {
		res := h.post(anna, "/konsol/nytt", form)
		require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
		assert.Equal(t, "/konsol/initiativ/digital-bygglovshandlaggning?klart=registrerat", res.Location)
	}
	msgs := h.fake.messages()
	require.Len(t, msgs, 1, "registered once")
	reg := msgs[0].Payload.(domain.Registration)
	assert.Equal(t, domain.Actor{ID: email("anna"), Role: domain.RoleOffice}, reg.By)
	assert.Equal(t, []string{"Bygg", "Kansli"}, reg.Need.AffectedActivities)

	page := h.get(anna, "/konsol/initiativ/digital-bygglovshandlaggning?klart=registrerat")
	assert.Contains(t, page.Body, "Klart: behovet är registrerat.")
	assert.Contains(t, page.Body, "bygg@exempelby.example", "the office sees the proposer's contact")

	form = h.formOf(anna, "/konsol/initiativ/digital-bygglovshandlaggning/triagera", "owner", "inera", "route", "own", "reason", "Inera har plattformen")
	for i := 0; i < 2; i++ {
		res := h.post(anna, "/konsol/initiativ/digital-bygglovshandlaggning/triagera", form)
		require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	}
	msgs = h.fake.messages()
	require.Len(t, msgs, 2, "triaged once")
	tr := msgs[1].Payload.(domain.TriageOwner)
	assert.Equal(t, domain.Actor{ID: email("anna"), Role: domain.RoleOffice}, tr.By)
	assert.Equal(t, domain.OwnerInera, domain.Canonical(tr).(domain.TriageOwner).Owner)
	assert.Equal(t, "konsol/"+form.Get("submission"), msgs[1].UpdateID)
	assert.Equal(t, contract.MsgTriageOwner, msgs[1].Name)
	page = h.get(anna, "/konsol/initiativ/digital-bygglovshandlaggning?klart=triagera")
	assert.Contains(t, page.Body, "Inera har plattformen", "the timeline says why")
	assert.Contains(t, page.Body, email("anna"), "and who")
}

// Every action × every role: a role the permission table does not allow sees no link, gets
// 403 for the form and its post, and nothing is sent; an allowed role gets the form.
func TestRoleMatrix(t *testing.T) {
	h := newHarness(t)
	in := h.fake.add(need("Matris"), domain.StageBacklog, 2027)
	for role, username := range people {
		c := h.signIn(username)
		page := h.get(c, "/konsol/initiativ/"+in.ID)
		require.Equal(t, http.StatusOK, page.Status)
		for _, a := range actions {
			may := a.act.PermittedTo(domain.Role(role))
			path := "/konsol/initiativ/" + in.ID + "/" + a.slug
			res := h.get(c, path)
			before := len(h.fake.messages())
			if !may {
				assert.Equal(t, http.StatusForbidden, res.Status, "%s: form of %s", role, a.slug)
				assert.NotContains(t, page.Body, path+`"`, "%s sees no link to %s", role, a.slug)
				post := h.post(c, path, url.Values{"submission": {submissionID()}, "revision": {"0"}, "reason": {"r"}})
				assert.Equal(t, http.StatusForbidden, post.Status, "%s: post of %s", role, a.slug)
				assert.Len(t, h.fake.messages(), before, "%s: nothing sent for %s", role, a.slug)
				continue
			}
			assert.Equal(t, http.StatusOK, res.Status, "%s: form of %s", role, a.slug)
		}
		reg := h.get(c, "/konsol/nytt")
		assert.Equal(t, domain.ActRegister.PermittedTo(domain.Role(role)), reg.Status == http.StatusOK, "%s: register", role)
	}
}

// A refusal by the domain shows the form again, with what was typed and what to fix, and
// changes nothing.
func TestARefusedFormIsShownAgainAsTyped(t *testing.T) {
	h := newHarness(t)
	in := h.fake.add(need("Avvisat"), domain.StageBacklog, 2027)
	anna := h.signIn("anna")
	path := "/konsol/initiativ/" + in.ID + "/triagera"
	res := h.post(anna, path, h.formOf(anna, path, "route", "own", "reason", "Min <motivering>"))
	assert.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.Body, `href="#f-owner"`, "the summary leads to the field")
	assert.Contains(t, res.Body, "Ägare")
	assert.Contains(t, res.Body, "Min &lt;motivering&gt;", "what was typed is kept, escaped")
	assert.Contains(t, res.Body, "<title>Fel: ")
	assert.Empty(t, h.fake.messages())
}

// A form older than the initiative's last change sends nothing.
func TestAStaleFormSendsNothing(t *testing.T) {
	h := newHarness(t)
	in := h.fake.add(need("Gammalt"), domain.StageBacklog, 2027)
	anna := h.signIn("anna")
	path := "/konsol/initiativ/" + in.ID + "/triagera"
	form := h.formOf(anna, path, "owner", "Inera", "route", "own", "reason", "r")
	other := h.formOf(anna, "/konsol/initiativ/"+in.ID+"/kriterium", "criterion", "benefit", "score", "4", "motivation", "m", "reason", "r")
	require.Equal(t, http.StatusSeeOther, h.post(anna, "/konsol/initiativ/"+in.ID+"/kriterium", other).Status)
	res := h.post(anna, path, form)
	assert.Equal(t, http.StatusConflict, res.Status)
	assert.Contains(t, res.Body, "Initiativet har ändrats")
	assert.Len(t, h.fake.messages(), 1, "only the score")
}

// Pages that cannot be: an initiative that does not exist, a made-up action, a cycle that is
// not there; and a back-end that does not answer.
func TestPagesThatCannotBe(t *testing.T) {
	h := newHarness(t)
	anna := h.signIn("anna")
	for _, p := range []string{"/konsol/initiativ/finns-inte", "/konsol/initiativ/finns-inte/triagera", "/konsol/initiativ/x/okand",
		"/konsol/cykel/2031", "/konsol/okand", "/konsol/initiativ/Versaler"} {
		res := h.get(anna, p)
		assert.Equal(t, http.StatusNotFound, res.Status, p)
		assert.Contains(t, res.Body, "Sidan finns inte", p)
	}
	res := h.post(anna, "/konsol/initiativ/finns-inte/triagera", url.Values{"submission": {submissionID()}, "reason": {"r"}})
	assert.Equal(t, http.StatusNotFound, res.Status)
	h.fake.down = true
	res = h.get(anna, "/konsol/")
	assert.Equal(t, http.StatusServiceUnavailable, res.Status)
	assert.Contains(t, res.Body, "Handslag svarar inte just nu")
	assert.Empty(t, h.fake.messages())
}

// A cross-site post is refused before anything is read or sent.
func TestACrossSitePostIsRefused(t *testing.T) {
	h := newHarness(t)
	in := h.fake.add(need("Korsvis"), domain.StageBacklog, 2027)
	anna := h.signIn("anna")
	path := "/konsol/initiativ/" + in.ID + "/triagera"
	res := h.post(anna, path, h.formOf(anna, path, "owner", "Inera", "route", "own", "reason", "r"), "Sec-Fetch-Site", "cross-site")
	assert.Equal(t, http.StatusForbidden, res.Status)
	assert.Empty(t, h.fake.messages())
}

// What a person typed is escaped wherever it is shown.
func TestTypedTextIsEscaped(t *testing.T) {
	h := newHarness(t)
	r := need("Skript")
	r.Need.Problem = `<script>alert("x")</script>`
	in := h.fake.add(r, domain.StageBacklog, 2027)
	page := h.get(h.signIn("anna"), "/konsol/initiativ/"+in.ID)
	assert.NotContains(t, page.Body, "<script>alert")
	assert.Contains(t, page.Body, "&lt;script&gt;")
}

// Personal data (the proposer's contact) is for the office and the leadership only.
func TestTheContactIsShownToOfficeAndLeadershipOnly(t *testing.T) {
	h := newHarness(t)
	in := h.fake.add(need("Kontakt"), domain.StageBacklog, 2027)
	for username, shown := range map[string]bool{"anna": true, "lena": true, "karin": false, "nils": false} {
		page := h.get(h.signIn(username), "/konsol/initiativ/"+in.ID)
		assert.Equal(t, shown, strings.Contains(page.Body, "kontakt@exempelby.example"), username)
	}
}

// Signing out ends the session here and at the provider; a person without a role is not
// signed in at all.
func TestSignOutAndNoRole(t *testing.T) {
	h := newHarness(t)
	anna := h.signIn("anna")
	res := h.post(anna, "/konsol/logga-ut", nil)
	assert.Equal(t, http.StatusSeeOther, res.Status)
	assert.Contains(t, res.Location, "/demo-idp/end_session")
	assert.Equal(t, http.StatusSeeOther, h.get(anna, "/konsol/").Status, "signed out: sent to sign in")

	c := h.browser()
	follow := &http.Client{Jar: c.Jar}
	r, err := follow.Get(h.base + "/konsol/")
	require.NoError(t, err)
	r.Body.Close()
	r, err = follow.PostForm(h.base+"/demo-idp/login", url.Values{"id": {r.Request.URL.Query().Get("authRequestID")}, "username": {"utan"}})
	require.NoError(t, err)
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	assert.Equal(t, http.StatusForbidden, r.StatusCode)
	assert.Contains(t, string(body), "Du har inget uppdrag i Handslag")
	assert.Equal(t, http.StatusSeeOther, h.get(c, "/konsol/").Status, "not signed in")
}

// The console says what it keeps about the people who sign in, who is responsible, and links
// to the privacy page: on every page, also the one that refuses a person without a role.
func TestTheConsoleSaysWhatItKeepsAboutThoseWhoSignIn(t *testing.T) {
	h := newHarness(t)
	anna := h.signIn("anna")
	for _, page := range []string{"/konsol/", "/konsol/initiativ", "/konsol/finns-inte"} {
		body := h.get(anna, page).Body
		i := strings.Index(body, `id="privacy-notice"`)
		if !assert.Positive(t, i, page) {
			continue
		}
		notice := body[i : i+strings.Index(body[i:], "</p>")]
		assert.Contains(t, notice, "Konsolen sparar ditt namn, din e-postadress och dina roller", page)
		assert.Contains(t, notice, "Exempelförbundet ansvarar för uppgifterna.", page)
		assert.Contains(t, notice, `href="/personuppgifter"`, page)
		assert.Contains(t, body, `href="/tillganglighet"`, page)
	}
}

// The leadership's decision at a gate: every candidate side by side, chosen, deferred or
// declined each, a summary to confirm, then one cycle decision as the signed-in person. A
// decision that chooses none must be confirmed explicitly; the office sees the page and may
// not decide.
func TestTheLeadershipDecidesAGate(t *testing.T) {
	h := newHarness(t)
	for _, title := range []string{"Alfa", "Beta", "Gamma"} {
		h.fake.add(need(title), domain.StageFebruaryReview, 2027)
	}
	h.fake.cycles = []admin.CycleSummary{{Year: 2027, Phase: domain.PhaseQuickAnalysisDecision, Running: true}}
	h.fake.cycleStatus = contract.CycleStatus{Year: 2027, Phase: domain.PhaseQuickAnalysisDecision}
	h.fake.report = domain.CycleReport{Year: 2027, Ranking: []domain.RankingRow{{Rank: 1, ID: "beta", Title: "Beta", Points: 30, Lists: 3},
		{Rank: 2, ID: "alfa", Title: "Alfa", Points: 20, Lists: 2}}}
	lena := h.signIn("lena")
	home := h.get(lena, "/konsol/")
	assert.Contains(t, home.Body, "/konsol/cykel/2027/beslut/snabbanalys", "the start page leads to the decision")
	path := "/konsol/cykel/2027/beslut/snabbanalys"
	page := h.get(lena, path)
	require.Equal(t, http.StatusOK, page.Status)
	assert.Less(t, strings.Index(page.Body, "Beta"), strings.Index(page.Body, "Alfa"), "in the order of the ranking")
	assert.Contains(t, page.Body, "Plats 1, 30 poäng från 3 listor")

	form := h.formOf(lena, path, "v_beta", "vald", "v_alfa", "vantar", "v_gamma", "avslas", "reason", "Enligt rangordningen", "reference", "DL 2027-03-05")
	review := h.post(lena, path, form)
	require.Equal(t, http.StatusOK, review.Status)
	assert.Contains(t, review.Body, `<dd id="sum-chosen">Beta</dd>`)
	assert.Contains(t, review.Body, `<dd id="sum-declined">Gamma</dd>`)
	assert.Empty(t, h.fake.messages(), "nothing is sent before it is confirmed")

	form.Set("step", "skicka")
	for i := 0; i < 2; i++ {
		res := h.post(lena, path, form)
		require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	}
	msgs := h.fake.messages()
	require.Len(t, msgs, 1, "one decision, however often it is posted")
	d := msgs[0].Payload.(domain.DecideCycle)
	assert.Equal(t, domain.Actor{ID: email("lena"), Role: domain.RoleLeadership}, d.By)
	assert.Equal(t, []string{"beta"}, d.Chosen)
	assert.Equal(t, []string{"gamma"}, d.Declined)
	assert.False(t, d.None)
	assert.Equal(t, "DL 2027-03-05", d.Reference)

	// None chosen: the summary warns, and without the confirmation nothing is sent.
	form = h.formOf(lena, path, "reason", "Inget i år", "step", "skicka")
	res := h.post(lena, path, form)
	assert.Equal(t, http.StatusOK, res.Status)
	assert.Contains(t, res.Body, "Inget initiativ går vidare")
	assert.Contains(t, res.Body, "Bekräfta att inget initiativ ska gå vidare")
	assert.Len(t, h.fake.messages(), 1)
	form.Set("confirm_none", "ja")
	require.Equal(t, http.StatusSeeOther, h.post(lena, path, form).Status)
	require.Len(t, h.fake.messages(), 2)
	assert.True(t, h.fake.messages()[1].Payload.(domain.DecideCycle).None)

	// The office sees the candidates but no choices, and may not decide.
	anna := h.signIn("anna")
	page = h.get(anna, path)
	assert.Equal(t, http.StatusOK, page.Status)
	assert.NotContains(t, page.Body, `name="v_beta"`)
	res = h.post(anna, path, h.formOf(lena, path, "v_beta", "vald", "reason", "r", "step", "skicka"))
	assert.Equal(t, http.StatusForbidden, res.Status)
	assert.Len(t, h.fake.messages(), 2)
	// A council member does not see the decision page at all.
	assert.Equal(t, http.StatusForbidden, h.get(h.signIn("karin"), path).Status)
}

// A decision on a large round is still being passed on to the initiatives when the page's wait
// ends: the leadership gets the cycle page saying so (not a page that times out), the same
// form sent again sends nothing new, and once it is done the cycle page lists the initiatives
// that did not take the decision.
func TestADecisionStillBeingPassedOnShowsOnTheCyclePage(t *testing.T) {
	h := newHarness(t)
	h.fake.add(need("Alfa"), domain.StageFebruaryReview, 2027)
	h.fake.add(need("Beta"), domain.StageFebruaryReview, 2027)
	h.fake.cycles = []admin.CycleSummary{{Year: 2027, Phase: domain.PhaseQuickAnalysisDecision, Running: true}}
	h.fake.cycleStatus = contract.CycleStatus{Year: 2027, Phase: domain.PhaseQuickAnalysisDecision}
	h.fake.passingOn = true
	lena := h.signIn("lena")
	path := "/konsol/cykel/2027/beslut/snabbanalys"
	form := h.formOf(lena, path, "v_alfa", "vald", "v_beta", "vantar", "reason", "Enligt rangordningen", "step", "skicka")
	for i := 0; i < 2; i++ {
		res := h.post(lena, path, form)
		require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
		assert.Equal(t, "/konsol/cykel/2027?pagar=snabbanalys", res.Location)
	}
	assert.Len(t, h.fake.messages(), 1, "sent again, the same decision is waited for, not sent twice")
	page := h.get(lena, "/konsol/cykel/2027?pagar=snabbanalys")
	assert.Contains(t, page.Body, `id="passing"`)
	assert.Contains(t, page.Body, "Beslutet om snabbanalys är mottaget och förs nu vidare till initiativen.")
	assert.NotContains(t, page.Body, `id="done"`)
	// Anyone opening the cycle page meanwhile sees that a decision is under way.
	assert.Contains(t, h.get(h.signIn("anna"), "/konsol/cykel/2027").Body, "Ett beslut förs vidare till initiativen just nu.")

	// Passed on: no notice any more, and the initiative that refused is named.
	h.fake.mu.Lock()
	h.fake.cycleStatus = contract.CycleStatus{Year: 2027, Phase: domain.PhaseQuickAnalysis}
	h.fake.report = domain.CycleReport{Year: 2027, Decisions: []domain.CycleDecision{{Gate: domain.GateQuickAnalysis, Chosen: []string{"alfa"},
		NotChosen: []string{"beta"}, Reason: "Enligt rangordningen", By: email("lena"),
		Results: []domain.DecisionResult{{Initiative: "alfa", Verdict: domain.VerdictApprove, Stage: domain.StageChosenForQuickAnalysis},
			{Initiative: "beta", Verdict: domain.VerdictDefer, Error: "wrong_stage"}}}}}
	h.fake.mu.Unlock()
	page = h.get(lena, "/konsol/cykel/2027?pagar=snabbanalys")
	assert.NotContains(t, page.Body, `id="passing"`)
	assert.Contains(t, page.Body, "Klart: beslutet om snabbanalys är skickat.")
	assert.Contains(t, page.Body, "1 initiativ tog inte emot beslutet: beta")
}

// A decision page older than the round (an initiative came or went) sends nothing.
func TestAStaleDecisionPageSendsNothing(t *testing.T) {
	h := newHarness(t)
	h.fake.add(need("Alfa"), domain.StageFebruaryReview, 2027)
	h.fake.cycleStatus = contract.CycleStatus{Year: 2027, Phase: domain.PhaseQuickAnalysisDecision}
	lena := h.signIn("lena")
	path := "/konsol/cykel/2027/beslut/snabbanalys"
	form := h.formOf(lena, path, "v_alfa", "vald", "reason", "r", "step", "skicka")
	h.fake.add(need("Beta"), domain.StageFebruaryReview, 2027)
	res := h.post(lena, path, form)
	assert.Equal(t, http.StatusConflict, res.Status)
	assert.Empty(t, h.fake.messages())
}

// The implementation's follow-up goes to the implementation, as the signed-in person.
func TestAnImplementationReport(t *testing.T) {
	h := newHarness(t)
	in := h.fake.add(need("Genomforande"), domain.StageImplementation, 2026)
	in.Implementation = &domain.ImplementationRef{WorkflowID: "implementation-" + in.ID}
	im, err := domain.NewImplementation(domain.ImplementationSetup{InitiativeID: in.ID, Title: "Genomförande", Owner: domain.OwnerInera,
		Settings: domain.DefaultImplementationSettings(), Start: h.fake.now, Period: "2027-2029", EffectGoal: "Halverad ledtid",
		Participants: []string{"0180"}, By: "offer-" + in.ID})
	require.NoError(t, err)
	h.fake.impls[in.ID] = im
	anna := h.signIn("anna")
	path := "/konsol/initiativ/" + in.ID + "/rapport"
	res := h.post(anna, path, h.formOf(anna, path, "period", "2027-Q1", "on_schedule_group", "ja", "on_schedule_municipalities", "nej",
		"within_staff", "ja", "within_budget", "ja", "reason", "Kvartalsrapport"))
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	msgs := h.fake.messages()
	require.Len(t, msgs, 1)
	assert.Equal(t, "impl:"+in.ID, msgs[0].Workflow)
	rep := msgs[0].Payload.(domain.SubmitReport)
	assert.Equal(t, email("anna"), rep.By.ID)
	require.NotNil(t, rep.OnScheduleMunicipalities)
	assert.False(t, *rep.OnScheduleMunicipalities)
}

// An owner organisation's contact reports on the implementations it owns, as itself in the
// owner role; another organisation's implementation is not theirs (403, nothing sent).
func TestAnOwnerReportsOnItsImplementations(t *testing.T) {
	h := newHarness(t)
	mk := func(title string, owner domain.Owner) *domain.Initiative {
		in := h.fake.add(need(title), domain.StageImplementation, 2026)
		in.Owner = owner
		in.Implementation = &domain.ImplementationRef{WorkflowID: "implementation-" + in.ID}
		im, err := domain.NewImplementation(domain.ImplementationSetup{InitiativeID: in.ID, Title: title, Owner: owner,
			Settings: domain.DefaultImplementationSettings(), Start: h.fake.now, Period: "2027-2029", EffectGoal: "Halverad ledtid",
			Participants: []string{"0180"}, By: "offer-" + in.ID})
		require.NoError(t, err)
		h.fake.impls[in.ID] = im
		return in
	}
	ours, theirs := mk("Ineras tjanst", domain.OwnerInera), mk("Addas tjanst", domain.OwnerAdda)
	olle := h.signIn("olle")
	home := h.get(olle, "/konsol/")
	assert.Contains(t, home.Body, "/konsol/initiativ/"+ours.ID)
	assert.NotContains(t, home.Body, "/konsol/initiativ/"+theirs.ID)
	page := h.get(olle, "/konsol/initiativ/"+ours.ID)
	assert.Contains(t, page.Body, "/konsol/initiativ/"+ours.ID+"/rapport")
	assert.NotContains(t, page.Body, "/konsol/initiativ/"+ours.ID+"/stoppa", "stopping is the office's")

	path := "/konsol/initiativ/" + ours.ID + "/rapport"
	res := h.post(olle, path, h.formOf(olle, path, "period", "2027-Q1", "on_schedule_group", "ja", "on_schedule_municipalities", "ja",
		"within_staff", "ja", "within_budget", "nej", "reason", "Kvartalsrapport från Inera"))
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	rep := h.fake.messages()[0].Payload.(domain.SubmitReport)
	assert.Equal(t, domain.Actor{ID: email("olle"), Role: domain.RoleOwner, Owner: domain.OwnerInera}, rep.By)

	other := "/konsol/initiativ/" + theirs.ID + "/rapport"
	assert.Equal(t, http.StatusForbidden, h.get(olle, other).Status)
	assert.Equal(t, http.StatusForbidden, h.post(olle, other, url.Values{"submission": {submissionID()}, "reason": {"r"}}).Status)
	assert.NotContains(t, h.get(olle, "/konsol/initiativ/"+theirs.ID).Body, other)
	assert.Len(t, h.fake.messages(), 1)
}
