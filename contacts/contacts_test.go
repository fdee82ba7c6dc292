package contacts

import (
	"errors"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skr/handslag/internal/csvfile"
	"github.com/skr/handslag/refdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const header = "municipality_code,email\n"

func TestLoad(t *testing.T) {
	reg := refdata.Default()
	b, err := Load(strings.NewReader(header+
		"0114,registrator@upplandsvasby.se\n"+
		"0114,Kommunstyrelsen <ks@upplandsvasby.se>\n"+
		"0180,stadsledningskontoret@stockholm.se\n"+
		"2584,kommun@kiruna.se\n"+
		"0180,kommun@kiruna.se\n"), reg)
	require.NoError(t, err)
	cases := []struct {
		code string
		want []string
	}{
		{"0114", []string{"registrator@upplandsvasby.se", "ks@upplandsvasby.se"}},
		{"0180", []string{"stadsledningskontoret@stockholm.se", "kommun@kiruna.se"}},
		{"2584", []string{"kommun@kiruna.se"}},
		{"0115", nil},
		{"9999", nil},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, b.Addresses(c.code), c.code)
	}
	got := b.Addresses("0114")
	got[0] = "changed"
	assert.Equal(t, "registrator@upplandsvasby.se", b.Addresses("0114")[0], "callers get a copy")

	missing := b.Missing()
	assert.Len(t, missing, 290-3)
	for _, m := range missing {
		assert.NotContains(t, []string{"0114", "0180", "2584"}, m.Code)
	}
	assert.Equal(t, "0115", missing[0].Code, "code order")
}

func TestLoadRejectsBadLines(t *testing.T) {
	reg := refdata.Default()
	cases := []struct{ name, in, want string }{
		{"empty", "", "contacts.csv: the file is empty"},
		{"wrong header", "kod,epost\n0114,a@b.se\n", `contacts.csv line 1: the header must be "municipality_code,email"`},
		{"not an address", header + "0114,registrator\n", `contacts.csv line 2 column email: "registrator" is not an e-mail address`},
		{"two @", header + "0114,a@@b.se\n", `line 2 column email: "a@@b.se" is not an e-mail address`},
		{"empty address", header + "0114,\n", "line 2 column email: the address is empty"},
		{"unknown code", header + "0000,a@b.se\n", `line 2 column municipality_code: "0000" is not a municipality code in the reference register`},
		{"leading zero lost", header + "114,a@b.se\n", `line 2 column municipality_code: "114" is not a municipality code in the reference register (did a spreadsheet drop the leading zero of 0114?)`},
		{"name instead of code", header + "Kiruna,a@b.se\n", `line 2 column municipality_code: "Kiruna"`},
		{"duplicate row", header + "0114,a@b.se\n0115,a@b.se\n0114,A@B.se\n", "line 4 column email: A@B.se is listed for 0114 again (first on line 2)"},
		{"too many columns", header + "0114,a@b.se,extra\n", "line 2: expected 2 columns"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := Load(strings.NewReader(c.in), reg)
			require.Error(t, err)
			assert.Nil(t, b)
			assert.Contains(t, err.Error(), c.want)
			var e *csvfile.Error
			assert.True(t, errors.As(err, &e), "typed error")
		})
	}
}

func TestLoadReportsEveryBadLine(t *testing.T) {
	_, err := Load(strings.NewReader(header+"0114,x\n0115,ok@vallentuna.se\n999,y@z.se\n"), refdata.Default())
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], "line 2 ")
	assert.Contains(t, lines[1], "line 4 ")
}

func TestLoadFile(t *testing.T) {
	reg := refdata.Default()
	path := filepath.Join(t.TempDir(), "kontakter.csv")
	_, err := LoadFile(path, reg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "contact register")

	// Saved by Swedish Excel: byte-order mark, semicolons, CRLF.
	require.NoError(t, os.WriteFile(path, []byte("\uFEFFmunicipality_code;email\r\n0114;registrator@upplandsvasby.se\r\n"), 0o644))
	b, err := LoadFile(path, reg)
	require.NoError(t, err)
	assert.Equal(t, []string{"registrator@upplandsvasby.se"}, b.Addresses("0114"))

	require.NoError(t, os.WriteFile(path, []byte("municipality_code,email\n0114,nope\n"), 0o644))
	_, err = LoadFile(path, reg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), path+" line 2 column email", "the error names the file the operator edits")
}

func TestDemo(t *testing.T) {
	reg := refdata.Default()
	b := Demo(reg)
	assert.Empty(t, b.Missing())
	seen := map[string]string{}
	for _, m := range reg.Municipalities {
		addrs := b.Addresses(m.Code)
		require.Len(t, addrs, 1, m.Code)
		a, err := mail.ParseAddress(addrs[0])
		require.NoError(t, err, addrs[0])
		assert.True(t, strings.HasSuffix(a.Address, ".kommun.example"), "reserved domain: %s", a.Address)
		if other, dup := seen[a.Address]; dup {
			t.Errorf("%s and %s share %s", other, m.Code, a.Address)
		}
		seen[a.Address] = m.Code
	}
	assert.Equal(t, []string{"registrator@upplands-vasby.kommun.example"}, b.Addresses("0114"))
	assert.Equal(t, []string{"registrator@habo-0305.kommun.example"}, b.Addresses("0305"), "Håbo")
	assert.Equal(t, []string{"registrator@habo-0643.kommun.example"}, b.Addresses("0643"), "Habo")
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
