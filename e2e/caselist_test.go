package e2e

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/admin"
	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/workflowservice/v1"
)

// publishedCase is what the test reads back from /arenden.json.
type publishedCase struct {
	ID             string
	Title          string
	Stage          domain.Stage
	Owner          domain.Owner
	Year           int
	Closed         bool
	LatestDecision *struct {
		Gate    domain.Gate
		Verdict domain.Verdict
		Body    domain.Role
		Date    string
	} `json:"latest_decision"`
	NextMilestone *struct {
		Kind string
		Date string
	} `json:"next_milestone"`
	Outcome *struct {
		Stage domain.Stage
		Body  domain.Role
		Date  string
	}
}

func httpGet(t *testing.T, url string) string {
	t.Helper()
	code, body := httpGetStatus(t, url)
	require.Equal(t, http.StatusOK, code, body)
	return body
}

// httpGetStatus fetches url and returns the status code and the body.
func httpGetStatus(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// publishedCases reads the whole list as JSON, by ID.
func publishedCases(t *testing.T, base string) (map[string]publishedCase, string) {
	body := httpGet(t, base+"/arenden.json?per_page=200")
	var doc struct{ Cases []publishedCase }
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	out := map[string]publishedCase{}
	for _, c := range doc.Cases {
		out[c.ID] = c
	}
	return out, body
}

// The case list, served by the web handler from the database the real worker writes, lists
// every case that has passed intake with what the workflows' own status says, as JSON and CSV,
// without personal data; and a closed case stays listed after its workflow history is deleted
// (as the namespace's retention period does).
func TestCaseListFollowsTheWorkflowsAndOutlivesTheirHistories(t *testing.T) {
	s := startSystem(t, "", 0)
	list := httptest.NewServer(web.NewCaseList(web.CaseListConfig{Cases: s.db}))
	t.Cleanup(list.Close)
	file := filepath.Join(t.TempDir(), "need.yaml")
	require.NoError(t, os.WriteFile(file, []byte(need), 0o600))
	office := []string{"--by", "programkontoret.e2e", "--reason", "Enligt mallen"}
	cli := func(args ...string) { s.mustCLI(append(args, office...)...) }

	// First the case that closes: declined by the leadership in the February review, on a
	// demo calendar that starts just before it. (The server deletes a history only once its
	// closing is acknowledged, up to half a minute later, so it closes early.)
	// Three weeks before February (a second): triage and relevance land before it opens, also
	// on a loaded machine.
	s.mustCLI("register", "--file", file, "--id", "avslaget", "--demo", "--demo-day", "50ms", "--demo-start", "2027-01-10", "--by", "programkontoret.e2e")
	cli("triage", "avslaget", "--owner", "SKR", "--route", "own")
	cli("relevance", "avslaget", "--group", "high", "--municipal", "low")
	s.waitForStage("avslaget", "february_review", 20*time.Second)
	s.mustCLI("decide", "avslaget", "--gate", "quick_analysis", "--verdict", "decline", "--by", "ledningen.e2e", "--reason", "Lena Larsson: inte nu")
	s.waitForStage("avslaget", "declined", 10*time.Second, "--all")

	s.mustCLI("register", "--file", file, "--id", "bara-mottaget", "--by", "programkontoret.e2e")
	s.mustCLI("register", "--file", file, "--id", "triagerat", "--by", "programkontoret.e2e")
	cli("triage", "triagerat", "--owner", "Inera", "--route", "own")
	s.mustCLI("register", "--file", file, "--id", "aterkallat", "--by", "programkontoret.e2e")
	cli("triage", "aterkallat", "--owner", "Adda", "--route", "procurement")
	cli("withdraw", "aterkallat")

	want := map[string]domain.Stage{"triagerat": domain.StageTriaged, "aterkallat": domain.StageWithdrawn, "avslaget": domain.StageDeclined,
		"bara-mottaget": domain.StageBacklog}
	var got map[string]publishedCase
	var body string
	require.Eventually(t, func() bool {
		got, body = publishedCases(t, list.URL)
		if len(got) != len(want) {
			return false
		}
		for id, stage := range want {
			if got[id].Stage != stage {
				return false
			}
		}
		return true
	}, 20*time.Second, 50*time.Millisecond, "the list never showed %v: %s", want, body)
	assert.Empty(t, got["bara-mottaget"].Owner, "a need the office has taken in is listed before its triage, without an owner")

	// Every published case says what its workflow's status says.
	ctx := context.Background()
	for id := range want {
		st, err := s.admin.Status(ctx, id)
		require.NoError(t, err)
		in := st.Initiative
		expect := in.Summary(time.Now())
		c := got[id]
		assert.Equal(t, in.Need.Title, c.Title, id)
		assert.Equal(t, in.Stage, c.Stage, id)
		assert.Equal(t, in.Owner, c.Owner, id)
		assert.Equal(t, in.CycleYear, c.Year, id)
		assert.Equal(t, in.Stage.Closed(), c.Closed, id)
		if d := expect.LatestDecision; d != nil {
			require.NotNil(t, c.LatestDecision, id)
			assert.Equal(t, d.Gate, c.LatestDecision.Gate, id)
			assert.Equal(t, d.Verdict, c.LatestDecision.Verdict, id)
			assert.Equal(t, domain.RoleLeadership, c.LatestDecision.Body, id)
			assert.Equal(t, d.At.Format(time.DateOnly), c.LatestDecision.Date, id)
		} else {
			assert.Nil(t, c.LatestDecision, id)
		}
		if o := in.Outcome; o != nil {
			require.NotNil(t, c.Outcome, id)
			assert.Equal(t, o.Stage, c.Outcome.Stage, id)
			assert.Equal(t, o.At.In(domain.Stockholm()).Format(time.DateOnly), c.Outcome.Date, id, "dated when it happened")
			assert.Nil(t, c.NextMilestone, id)
		} else {
			require.NotNil(t, st.NextWake, id)
			require.NotNil(t, c.NextMilestone, id)
			assert.Equal(t, st.NextWake.Calendar.Format(time.DateOnly), c.NextMilestone.Date, id)
		}
	}
	assert.Equal(t, domain.RoleOffice, got["aterkallat"].Outcome.Body)
	assert.Equal(t, domain.RoleLeadership, got["avslaget"].Outcome.Body)

	// The CSV holds the same cases with the same codes.
	rows, err := csv.NewReader(strings.NewReader(httpGet(t, list.URL+"/arenden.csv"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, len(want)+1)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, row := range rows[1:] {
		c := got[row[col["id"]]]
		assert.Equal(t, string(c.Stage), row[col["stage"]])
		assert.Equal(t, string(c.Owner), row[col["owner"]])
		assert.Equal(t, c.Title, row[col["title"]])
	}

	// No personal data anywhere: not the users, not the free-text reasons, not the contact.
	page := httpGet(t, list.URL+"/arenden")
	for _, personal := range []string{"programkontoret.e2e", "ledningen.e2e", "Lena Larsson", "Enligt mallen", "kansli@exempelby"} {
		for name, out := range map[string]string{"json": body, "page": page, "csv": httpGet(t, list.URL+"/arenden.csv")} {
			assert.NotContains(t, out, personal, name)
		}
	}

	if os.Getenv("HANDSLAG_RECORD_HISTORY") != "" {
		recordHistory(t, s, "avslaget", "../workflows/testdata/history_caselist_declined.json")
	}

	// Retention: the closed initiative's history is deleted; its case stays listed.
	_, err = s.admin.Temporal.WorkflowService().DeleteWorkflowExecution(ctx, &workflowservice.DeleteWorkflowExecutionRequest{
		Namespace:         contract.Namespace,
		WorkflowExecution: &commonpb.WorkflowExecution{WorkflowId: contract.InitiativeWorkflowID("avslaget")},
	})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		_, err := s.admin.Status(ctx, "avslaget")
		var gone *admin.Error
		return errors.As(err, &gone) && gone.Key == "error.not_found"
	}, 90*time.Second, 250*time.Millisecond, "the history was never deleted")
	after, _ := publishedCases(t, list.URL)
	require.Contains(t, after, "avslaget")
	assert.Equal(t, got["avslaget"], after["avslaget"], "the record is unchanged")
	assert.Contains(t, httpGet(t, list.URL+"/arenden?status=closed"), `id="case-avslaget"`)
}
