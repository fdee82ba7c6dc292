package starter

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// run executes the CLI with a Dial that must not be reached unless the test says so.
func run(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	c := &CLI{Out: &out, Err: &out, Lang: i18n.Swedish}
	return c.Run(context.Background(), args), out.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

func TestBadInputIsExplainedBeforeAnythingIsSent(t *testing.T) {
	noServer := "127.0.0.1:1" // nothing listens; a test that reaches it would fail on "svarar inte"
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown command", []string{"frobnicate"}, ExitUsage, "okänt kommando"},
		{"message without id", []string{"triage", "--owner", "SKR"}, ExitUsage, "ange initiativets id"},
		{"unknown flag", []string{"triage", "x", "--colour", "red"}, ExitUsage, ""},
		{"empty title", []string{"register", "--by", "anna", "--title", "", "--address", noServer}, ExitRejected, "Ange --title; det saknas."},
		{"every missing field at once, by its flag", []string{"register", "--by", "anna", "--title", "T", "--problem", "p", "--address", noServer}, ExitRejected,
			"Ange --who; det saknas.\nAnge --benefit; det saknas.\nAnge --activities; det saknas.\nAnge --proposer; det saknas.\nAnge --contact; det saknas."},
		{"a template's missing fields by their names", []string{"register", "--by", "anna", "--file", writeFile(t, "n.json", `{"title":"x"}`), "--address", noServer}, ExitRejected,
			"Fältet problem saknas"},
		{"malformed yaml", []string{"register", "--by", "anna", "--file", writeFile(t, "n.yaml", "title: [x"), "--address", noServer}, ExitRejected, "kunde inte läsas"},
		{"unknown template field", []string{"register", "--by", "anna", "--file", writeFile(t, "n.json", `{"title":"x","colour":"red"}`), "--address", noServer}, ExitRejected,
			"har fältet colour, som mallen inte har. Fälten är: title, problem,"},
		{"unknown template field in YAML", []string{"register", "--by", "anna", "--file", writeFile(t, "n.yaml", "titel: x\n"), "--address", noServer}, ExitRejected,
			"har fältet titel, som mallen inte har"},
		{"template of unknown type", []string{"register", "--by", "anna", "--file", writeFile(t, "n.txt", "x"), "--address", noServer}, ExitRejected, "okänd filtyp"},
		{"unknown owner", []string{"triage", "x", "--by", "anna", "--owner", "Skatteverket", "--reason", "r", "--address", noServer}, ExitRejected, "Värdet för --owner går inte att använda: Skatteverket; välj SKR, Adda eller Inera."},
		{"unknown criterion", []string{"score", "x", "--by", "anna", "--criterion", "snygghet", "--reason", "r", "--address", noServer}, ExitRejected, "snygghet"},
		{"bad list stage", []string{"list", "--stage", "nowhere", "--address", noServer}, ExitRejected, "nowhere"},
		{"bad demo start", []string{"register", "--by", "anna", "--demo-start", "15/10", "--address", noServer}, ExitUsage, "ÅÅÅÅ-MM-DD"},
		{"server not reachable", []string{"status", "x", "--address", noServer}, ExitRejected, "svarar inte"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out := run(t, tc.args...)
			assert.Equal(t, tc.code, code, out)
			assert.Contains(t, out, tc.want)
		})
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out := run(t, "help")
	assert.Equal(t, ExitOK, code)
	for name := range commands {
		assert.Contains(t, out, name)
	}
}

func TestTemplateFilesInBothFormatsGiveTheSameNeed(t *testing.T) {
	yamlNeed, err := readNeed(filepath.Join("..", "examples", "need.yaml"))
	require.NoError(t, err)
	require.NoError(t, yamlNeed.Validate())
	jsonNeed, err := readNeed(writeFile(t, "need.json", `{"title":"Gemensam e-tjänst för bygglov",
		"problem":"Varje kommun bygger och förvaltar sin egen e-tjänst för bygglov, med olika kvalitet.",
		"who_has_the_need":"Kommunernas byggnadsnämnder och de som söker bygglov",
		"expected_benefit":"Lägre kostnad per kommun och en likvärdig tjänst för invånare och företag",
		"affected_activities":["Samhällsbyggnad","Kundtjänst"],"proposer_organisation":"Exempelby kommun",
		"contact_email":"bygglov@exempelby.example","action_plan_goals":["m3","M7"]}`))
	require.NoError(t, err)
	assert.Equal(t, yamlNeed, jsonNeed)
}

// A refusal for missing must-requirements names them in words, not codes.
func TestMissingRequirementsAreNamedInWords(t *testing.T) {
	c := &CLI{Lang: i18n.Swedish}
	msg := c.explain(&domain.ValidationError{Code: domain.CodeRequirementsUnmet, Field: "chosen",
		Detail: "bygglov: qualification_plan, long_term_financing"})
	assert.Contains(t, msg, "bygglov: kvalificeringsplanen, plan för långsiktig finansiering")
	assert.NotContains(t, msg, "long_term")
}

// One clock per record: on a demo calendar the timeline shows when things happened (real time),
// not the simulated calendar's date of that instant.
func TestStatusDatesWhatHappenedInRealTime(t *testing.T) {
	realStart := time.Date(2026, 12, 1, 21, 37, 0, 0, time.UTC) // 22:37 in Stockholm
	reg := domain.Registration{ID: "demo", By: domain.Actor{ID: "anna", Role: domain.RoleOffice}, Calendar: domain.DemoCalendar(time.Second),
		DemoStart: time.Date(2026, 10, 15, 0, 0, 0, 0, domain.Stockholm()),
		Need: domain.Need{Title: "Demo", Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b", AffectedActivities: []string{"a"},
			ProposerOrganisation: "o", ContactEmail: "a@b.se"}}
	in := domain.NewInitiative(reg, realStart)
	var out bytes.Buffer
	(&CLI{Lang: i18n.Swedish}).printStatus(&out, contract.Status{Initiative: *in})
	assert.Contains(t, out.String(), "2026-12-01 22:37")
	assert.NotContains(t, out.String(), "2026-10-15", "not the demo calendar's date")
	assert.Contains(t, out.String(), "Det som har hänt visas med verklig tid")
}

// Status speaks Swedish: steps, relevance, criteria and requirements in words, not codes.
func TestStatusSaysCodesInWords(t *testing.T) {
	now := time.Date(2026, 10, 15, 10, 0, 0, 0, domain.Stockholm())
	office := domain.Meta{By: domain.Actor{ID: "anna", Role: domain.RoleOffice}, Reason: "Enligt mallen"}
	in := domain.NewInitiative(domain.Registration{ID: "bygglov", By: office.By, Calendar: domain.DefaultCalendar(),
		Need: domain.Need{Title: "Bygglov", Problem: "p", WhoHasTheNeed: "w", ExpectedBenefit: "b", AffectedActivities: []string{"a"},
			ProposerOrganisation: "o", ContactEmail: "a@b.se"}}, now)
	for _, cmd := range []domain.Command{
		domain.TriageOwner{Meta: office, Owner: domain.OwnerInera, Route: domain.RouteOwn},
		domain.AssessRelevance{Meta: office, Group: domain.RelevanceHigh, Municipal: domain.RelevanceLow},
		domain.ScoreCriteria{Meta: office, Scores: []domain.CriterionScore{{Criterion: domain.CriterionBenefit, Score: 5, Motivation: "Alla"}}},
	} {
		require.NoError(t, in.Apply(cmd, now))
	}
	var out bytes.Buffer
	(&CLI{Lang: i18n.Swedish}).printStatus(&out, contract.Status{Initiative: *in})
	for _, want := range []string{"Inera (äger)", "SKR-koncernen hög, kommunerna låg", "nytta 5/5: Alla", "till steget",
		"verifierat behov och intresse hos medlemmarna", "registrerat"} {
		assert.Contains(t, out.String(), want)
	}
	for _, code := range []string{"stage:", "high", "benefit", "verified_need", "[awaiting_february]"} {
		assert.NotContains(t, out.String(), code)
	}
}

// The connection flags may come before the command; every group answers help; a wrong flag is
// explained once, in Swedish.
func TestTheCommandLineIsForgiving(t *testing.T) {
	noServer := "127.0.0.1:1"
	code, out := run(t, "--address", noServer, "status", "bygglov")
	assert.Equal(t, ExitRejected, code, out)
	assert.Contains(t, out, "127.0.0.1:1 svarar inte", "the flag before the command was used")
	code, out = run(t, "--address="+noServer, "cycle", "status", "--year", "2027")
	assert.Equal(t, ExitRejected, code, out)
	assert.Contains(t, out, "svarar inte")
	for _, group := range []string{"impl", "cycle", "offer"} {
		code, out := run(t, group, "help")
		assert.Equal(t, ExitOK, code, group)
		assert.Contains(t, out, "Kommandon:", group)
	}
	code, out = run(t, "impl", "help")
	assert.Contains(t, out, "join         lägg till kommuner som deltar")
	code, out = run(t, "triage", "x", "--colour", "red")
	assert.Equal(t, ExitUsage, code)
	assert.Equal(t, 1, strings.Count(out, "colour"), "said once: %s", out)
	assert.Contains(t, out, "okänd flagga -colour")
	assert.NotContains(t, out, "flag provided")
	code, out = run(t, "score", "x", "--score", "fem")
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, out, "flaggan -score har ett värde som inte går att läsa")
	code, out = run(t, "triage", "-h")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, "Flaggor för handslag triage:")
	assert.Contains(t, out, "--owner")
}
