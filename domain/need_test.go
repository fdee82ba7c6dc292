package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func validNeed() Need {
	return Need{
		Title: "Gemensam e-tjänst för bygglov", Problem: "Varje kommun bygger sin egen.",
		WhoHasTheNeed: "Kommunernas byggnadsnämnder", ExpectedBenefit: "Lägre kostnad",
		AffectedActivities: []string{"Samhällsbyggnad"}, ProposerOrganisation: "Exempelby kommun",
		ContactEmail: "kontakt@exempelby.se", ActionPlanGoals: []string{"M3"},
	}
}

func TestNeedValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Need)
		code  ErrorCode
		field string
	}{
		{"empty title", func(n *Need) { n.Title = "  " }, CodeMissingField, "title"},
		{"long title", func(n *Need) { n.Title = string(make([]byte, 121)) }, CodeInvalidValue, "title"},
		{"no problem", func(n *Need) { n.Problem = "" }, CodeMissingField, "problem"},
		{"no activities", func(n *Need) { n.AffectedActivities = nil }, CodeMissingField, "affected_activities"},
		{"no proposer", func(n *Need) { n.ProposerOrganisation = "" }, CodeMissingField, "proposer_organisation"},
		{"bad e-mail", func(n *Need) { n.ContactEmail = "kontakt at exempelby" }, CodeInvalidValue, "contact_email"},
		{"display name e-mail", func(n *Need) { n.ContactEmail = "Anna <a@b.se>" }, CodeInvalidValue, "contact_email"},
		{"goal M18", func(n *Need) { n.ActionPlanGoals = []string{"M18"} }, CodeInvalidValue, "action_plan_goals"},
		{"duplicate goal", func(n *Need) { n.ActionPlanGoals = []string{"M1", "M1"} }, CodeInvalidValue, "action_plan_goals"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := validNeed()
			tc.edit(&n)
			var ve *ValidationError
			require.ErrorAs(t, n.Normalize().Validate(), &ve)
			assert.Equal(t, tc.code, ve.Code)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	n := validNeed()
	n.ActionPlanGoals = []string{" m17 "}
	assert.NoError(t, n.Normalize().Validate())
	assert.Equal(t, []string{"M17"}, n.Normalize().ActionPlanGoals)
}

func TestIDFromTitle(t *testing.T) {
	cases := map[string]string{
		"Gemensam e-tjänst för bygglov": "gemensam-e-tjanst-for-bygglov",
		"  Öppna data: ÅÄÖ!  ":          "oppna-data-aao",
		"Digital post 2.0":              "digital-post-2-0",
	}
	for title, want := range cases {
		assert.Equal(t, want, IDFromTitle(title))
		assert.NoError(t, ValidateID(IDFromTitle(title)))
	}
	assert.Len(t, IDFromTitle(string(make([]rune, 0))+"a very long title that goes on and on and on beyond sixty characters for sure"), 60)
	assert.Error(t, ValidateID("ab"))
	assert.Error(t, ValidateID("Stora_Bokstäver"))
}
