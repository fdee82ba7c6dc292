package contacts

import (
	"context"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skr/handslag/refdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const header = "municipality_code,email\n"

func parties() Parties { return DefaultParties(refdata.Default()) }

func TestParseCSV(t *testing.T) {
	entries, probs := parties().ParseCSV(Municipality, strings.NewReader(header+
		"0114,registrator@upplandsvasby.se\n"+
		"0114,Kommunstyrelsen <ks@upplandsvasby.se>\n"+
		"0180,stadsledningskontoret@stockholm.se\n"+
		"2584,kommun@kiruna.se\n"))
	require.Empty(t, probs)
	assert.Equal(t, []Entry{{Municipality, "0114", "registrator@upplandsvasby.se"}, {Municipality, "0114", "ks@upplandsvasby.se"},
		{Municipality, "0180", "stadsledningskontoret@stockholm.se"}, {Municipality, "2584", "kommun@kiruna.se"}}, entries,
		"the address as net/mail reads it, without the display name")

	members, probs := parties().ParseCSV(Member, strings.NewReader("member_id,email\ncounty:01,ab@region.example\nNETWORK:kommundirektorsnatverket,kd@x.example\n"))
	require.Empty(t, probs)
	assert.Equal(t, "network:kommundirektorsnatverket", members[1].Party, "the member as the register names it")
	owners, probs := parties().ParseCSV(Owner, strings.NewReader("owner,email\ninera,kontakt@inera.example\n"))
	require.Empty(t, probs)
	assert.Equal(t, "Inera", owners[0].Party)
}

// Every bad line is reported, each by its line and what to fix; nothing is returned.
func TestParseCSVReportsEveryBadLine(t *testing.T) {
	cases := []struct {
		name, in string
		want     []Problem
	}{
		{"empty", "", []Problem{{Field: "file", Hint: "csv_empty"}}},
		{"wrong header", "kod,epost\n0114,a@b.se\n", []Problem{{Line: 1, Field: "file", Hint: "csv_header"}}},
		{"not an address", header + "0114,registrator\n", []Problem{{Line: 2, Field: "email", Hint: "email", Value: "registrator"}}},
		{"unknown code and empty address", header + "0000,\n", []Problem{{Line: 2, Field: "party", Hint: "unknown_party_municipality", Value: "0000"},
			{Line: 2, Field: "email", Hint: "email"}}},
		{"leading zero lost", header + "114,a@b.se\n", []Problem{{Line: 2, Field: "party", Hint: "leading_zero", Value: "114"}}},
		{"repeated row", header + "0114,a@b.se\n0115,a@b.se\n0114,A@B.se\n", []Problem{{Line: 4, Field: "email", Hint: "repeated_row", Value: "2"}}},
		{"too many columns, and a bad line after it", header + "0114,a@b.se,extra\n0115,x\n",
			[]Problem{{Line: 2, Field: "file", Hint: "csv_columns"}, {Line: 3, Field: "email", Hint: "email", Value: "x"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			entries, probs := parties().ParseCSV(Municipality, strings.NewReader(c.in))
			assert.Nil(t, entries)
			assert.Equal(t, Problems(c.want), probs)
		})
	}
	_, probs := parties().ParseCSV(Member, strings.NewReader("member_id,email\ncounty:99,a@b.se\n"))
	assert.Equal(t, "unknown_party_member", probs[0].Hint)
	_, probs = parties().ParseCSV(Owner, strings.NewReader("owner,email\nKommunen,a@b.se\n"))
	assert.Equal(t, "unknown_party_owner", probs[0].Hint)
}

// Saved by Swedish Excel (byte-order mark, semicolons, CRLF) it reads the same; a file that
// does not parse names the file the operator edits.
func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kontakter.csv")
	_, err := LoadFile(path, Municipality, parties())
	require.Error(t, err)
	require.NoError(t, os.WriteFile(path, []byte("\uFEFFmunicipality_code;email\r\n0114;registrator@upplandsvasby.se\r\n"), 0o644))
	entries, err := LoadFile(path, Municipality, parties())
	require.NoError(t, err)
	assert.Equal(t, []Entry{{Municipality, "0114", "registrator@upplandsvasby.se"}}, entries)
	require.NoError(t, os.WriteFile(path, []byte(header+"0114,nope\n"), 0o644))
	_, err = LoadFile(path, Municipality, parties())
	assert.ErrorContains(t, err, path)
}

// The export reads back as it was, and a value that a spreadsheet would take for a formula is
// neutralised.
func TestWriteCSV(t *testing.T) {
	var b strings.Builder
	in := []Entry{{Municipality, "0114", "a@b.se"}, {Owner, "Inera", "x@y.se"}, {Municipality, "0180", "=HYPERLINK(\"x\")@b.se"}}
	require.NoError(t, WriteCSV(&b, Municipality, in))
	assert.Equal(t, header+"0114,a@b.se\n0180,\"'=HYPERLINK(\"\"x\"\")@b.se\"\n", b.String())
}

func TestDemo(t *testing.T) {
	reg := refdata.Default()
	entries := Demo(reg)
	require.Len(t, entries, len(reg.Municipalities))
	m := &Memory{Entries: entries}
	seen := map[string]string{}
	for _, e := range entries {
		a, err := mail.ParseAddress(e.Email)
		require.NoError(t, err, e.Email)
		assert.True(t, strings.HasSuffix(a.Address, ".kommun.example"), "reserved domain: %s", a.Address)
		if other, dup := seen[a.Address]; dup {
			t.Errorf("%s and %s share %s", other, e.Party, a.Address)
		}
		seen[a.Address] = e.Party
	}
	got, err := m.Addresses(context.Background(), Municipality, "0114")
	require.NoError(t, err)
	assert.Equal(t, []string{"registrator@upplands-vasby.kommun.example"}, got)
	got, _ = m.Addresses(context.Background(), Municipality, "0305")
	assert.Equal(t, []string{"registrator@habo-0305.kommun.example"}, got, "Håbo")
}

func TestSlug(t *testing.T) {
	cases := map[string]string{
		"Upplands Väsby": "upplands-vasby",
		"Österåker":      "osteraker",
		"Malung-Sälen":   "malung-salen",
		"Åre":            "are",
		"Lilla Edet":     "lilla-edet",
		"Dals-Ed":        "dals-ed",
		"  Två  mellan ": "tva-mellan",
		"Örnsköldsvik":   "ornskoldsvik",
		"ÄÖÅ":            "aoa",
		"":               "",
	}
	for in, want := range cases {
		assert.Equal(t, want, Slug(in), in)
	}
}
