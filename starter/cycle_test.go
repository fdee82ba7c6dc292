package starter

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bad cycle commands are explained before anything is sent.
func TestCycleBadInputIsExplained(t *testing.T) {
	noServer := "127.0.0.1:1"
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown subcommand", []string{"cycle", "frobnicate"}, ExitUsage, "okänt kommando: cycle frobnicate"},
		{"no year", []string{"cycle", "status", "--address", noServer}, ExitUsage, "--year"},
		{"no year for a list", []string{"cycle", "priorities", "--member", "county:01", "a,b,c,d,e", "--address", noServer}, ExitUsage, "--year"},
		{"schedule time malformed", []string{"cycle", "schedule", "--at", "15 januari", "--address", noServer}, ExitUsage, "MM-DD HH:MM"},
		{"schedule inside the DST hour", []string{"cycle", "schedule", "--at", "10-25 02:15", "--address", noServer}, ExitRejected, "mellan 02:00 och 03:00"},
		{"schedule on a day that does not exist", []string{"cycle", "schedule", "--at", "02-30 08:00", "--address", noServer}, ExitRejected, "at.day"},
		{"config file missing", []string{"cycle", "start", "--year", "2027", "--config", "/nonexistent.json", "--address", noServer}, ExitRejected, "nonexistent"},
		{"config with an unknown field", []string{"cycle", "start", "--year", "2027", "--config", writeFile(t, "c.json", `{"colour":"red"}`), "--address", noServer}, ExitRejected, "colour"},
		{"report format", []string{"cycle", "report", "--year", "2027", "--format", "pdf", "--address", noServer}, ExitUsage, "table, csv eller json"},
		// A decision that chooses none ends the cycle: it must be said, and says what it does.
		{"decide without chosen", []string{"cycle", "decide", "--year", "2027", "--gate", "quick_analysis", "--by", "lena", "--reason", "r", "--address", noServer},
			ExitUsage, "--none om inget gör det (då väntar alla i omgången till nästa februari och årscykeln avslutas)"},
		{"decide with chosen and none", []string{"cycle", "decide", "--year", "2027", "--gate", "quick_analysis", "--chosen", "a", "--none", "--by", "lena", "--reason", "r", "--address", noServer},
			ExitUsage, "antingen --chosen eller --none"},
	}
	for _, tc := range cases {
		code, out := run(t, tc.args...)
		assert.Equal(t, tc.code, code, "%s: %s", tc.name, out)
		assert.Contains(t, out, tc.want, tc.name)
	}
}

// The printed default configuration is valid and has the 21 counties and the networks.
func TestCycleConfigPrintsAValidDefault(t *testing.T) {
	code, out := run(t, "cycle", "config")
	require.Equal(t, ExitOK, code, out)
	var cfg domain.CycleConfig
	require.NoError(t, json.Unmarshal([]byte(out), &cfg))
	require.NoError(t, cfg.Validate())
	assert.Len(t, cfg.Networks[0].Members, 21)
	assert.Equal(t, "county:25", cfg.Networks[0].Members[20].ID)
	code, out = run(t, "cycle", "members")
	require.Equal(t, ExitOK, code)
	assert.Contains(t, out, "network:kommundirektorsnatverket")
}

// A participant withdrawn during the cycle is marked in the printed ranking.
func TestTheRankingMarksAWithdrawnInitiative(t *testing.T) {
	var out bytes.Buffer
	c := &CLI{Out: &out, Lang: i18n.Swedish}
	c.printRanking(domain.CycleReport{Year: 2027, Ranking: []domain.RankingRow{
		{Rank: 1, ID: "bygglov", Title: "Bygglov", Points: 10, Lists: 1},
		{Rank: 2, ID: "arkiv", Title: "E-arkiv", Points: 9, Lists: 1, Closed: domain.StageWithdrawn}}})
	assert.Contains(t, out.String(), "E-arkiv – Avslutad: återkallad")
	assert.NotContains(t, out.String(), "Bygglov –")
}
