package console

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// february sets up a cycle in its February round with eight initiatives, county:01 without a
// list and county:03 with one.
func february(h *harness, phase domain.CyclePhase) {
	h.fake.cycles = []admin.CycleSummary{{Year: 2027, Phase: phase, Running: true}}
	h.fake.cycleStatus = contract.CycleStatus{Year: 2027, Phase: phase}
	rep := domain.CycleReport{Year: 2027, MissingLists: []string{"county:01", "network:kommundirektorsnatverket"},
		Lists: []domain.SubmittedList{{PriorityList: domain.PriorityList{Member: "county:03", Initiatives: []string{"i1", "i2", "i3", "i4", "i5"}}}}}
	for i := 1; i <= 8; i++ {
		rep.Ranking = append(rep.Ranking, domain.RankingRow{ID: fmt.Sprintf("i%d", i), Title: fmt.Sprintf("Initiativ %d", i), Benefit: i % 5})
	}
	rep.Decisions = []domain.CycleDecision{{Gate: domain.GateQuickAnalysis, Chosen: []string{"i2", "i5"}}}
	h.fake.report = rep
}

// A council member gives the county's February list in the console, in the order of the
// places chosen, as themselves in the council role; two initiatives on one place are refused
// by name; another member's list is not theirs to see or give.
func TestACouncilMemberGivesTheList(t *testing.T) {
	h := newHarness(t)
	february(h, domain.PhasePriorities)
	karin := h.signIn("karin")
	home := h.get(karin, "/konsol/")
	assert.Contains(t, home.Body, "/konsol/cykel/2027/lista", "the start page leads to the list")
	page := h.get(karin, "/konsol/cykel/2027/lista")
	require.Equal(t, http.StatusOK, page.Status)
	assert.Contains(t, page.Body, "county:01")

	path := "/konsol/cykel/2027/lista"
	res := h.post(karin, path, h.formOf(karin, path, "plats_i3", "1", "plats_i1", "1", "reason", "Rådsmöte"))
	assert.Equal(t, http.StatusUnprocessableEntity, res.Status)
	assert.Contains(t, res.Body, "Plats 1 är vald för både")
	assert.Empty(t, h.fake.messages())

	form := h.formOf(karin, path, "plats_i3", "1", "plats_i1", "2", "plats_i8", "3", "plats_i2", "4", "plats_i7", "5", "reason", "Rådsmöte 12 februari")
	res = h.post(karin, path, form)
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	msgs := h.fake.messages()
	require.Len(t, msgs, 1)
	l := msgs[0].Payload.(domain.SubmitPriorities)
	assert.Equal(t, "county:01", l.Member)
	assert.Equal(t, []string{"i3", "i1", "i8", "i2", "i7"}, l.Initiatives)
	assert.Equal(t, domain.Actor{ID: email("karin"), Role: domain.RoleCouncil}, l.By)

	// Another member's list: not hers.
	assert.Equal(t, http.StatusForbidden, h.get(karin, path+"?medlem=county:03").Status)
	form.Set("member", "county:03")
	assert.Equal(t, http.StatusForbidden, h.post(karin, path, form).Status)
	assert.Len(t, h.fake.messages(), 1)
	// The leadership gives no lists.
	assert.Equal(t, http.StatusForbidden, h.get(h.signIn("lena"), path).Status)
}

// The office enters a list on a member's behalf, recorded as the office.
func TestTheOfficeGivesAListOnBehalf(t *testing.T) {
	h := newHarness(t)
	february(h, domain.PhasePriorities)
	anna := h.signIn("anna")
	path := "/konsol/cykel/2027/lista"
	page := h.get(anna, path+"?medlem=network:kommundirektorsnatverket")
	require.Equal(t, http.StatusOK, page.Status)
	assert.Contains(t, page.Body, "för network:kommundirektorsnatverkets räkning")
	form := h.formOf(anna, path+"?medlem=network:kommundirektorsnatverket", "plats_i1", "1", "plats_i2", "2", "plats_i3", "3",
		"plats_i4", "4", "plats_i5", "5", "reason", "Per telefon")
	require.Equal(t, http.StatusSeeOther, h.post(anna, path, form).Status)
	l := h.fake.messages()[0].Payload.(domain.SubmitPriorities)
	assert.Equal(t, "network:kommundirektorsnatverket", l.Member)
	assert.Equal(t, domain.RoleOffice, l.By.Role)
}

// In May a council member values each quick analysis; each valuation is its own message as
// the member; a network does not value.
func TestACouncilMemberValuesTheQuickAnalyses(t *testing.T) {
	h := newHarness(t)
	february(h, domain.PhaseValuation)
	for _, id := range []string{"i2", "i5"} {
		r := need("Snabbanalys " + id)
		r.ID = id
		h.fake.add(r, domain.StageValuation, 2027)
	}
	karin := h.signIn("karin")
	path := "/konsol/cykel/2027/vardering"
	page := h.get(karin, path)
	require.Equal(t, http.StatusOK, page.Status)
	assert.Contains(t, page.Body, "Initiativ 2")
	assert.NotContains(t, page.Body, "Initiativ 3", "only the chosen quick analyses")
	res := h.post(karin, path, h.formOf(karin, path, "betyg_i2", "4", "kommentar_i2", "Lovande", "betyg_i5", "2", "kommentar_i5", "Dyrt",
		"reason", "Majmötet"))
	require.Equal(t, http.StatusSeeOther, res.Status, res.Body)
	msgs := h.fake.messages()
	require.Len(t, msgs, 2)
	v := msgs[0].Payload.(domain.SubmitValuation)
	assert.Equal(t, domain.SubmitValuation{Meta: domain.Meta{By: domain.Actor{ID: email("karin"), Role: domain.RoleCouncil}, Reason: "Majmötet"},
		Member: "county:01", Initiative: "i2", Score: 4, Comment: "Lovande"}, v)
	assert.NotEqual(t, msgs[0].UpdateID, msgs[1].UpdateID)
	assert.Equal(t, http.StatusForbidden, h.get(h.signIn("nils"), path).Status, "networks do not value")
}
