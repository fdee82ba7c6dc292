package refdata

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/skr/handslag/internal/csvfile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultRegister(t *testing.T) {
	r := Default()
	assert.Len(t, r.Municipalities, 290)
	assert.Len(t, r.Counties, 21)
	assert.Equal(t, 10_587_140, r.TotalPopulation())
	assert.Same(t, r, Default(), "loaded once")

	for i := 1; i < len(r.Municipalities); i++ {
		assert.Less(t, r.Municipalities[i-1].Code, r.Municipalities[i].Code, "municipalities sorted by code")
	}
	for i := 1; i < len(r.Counties); i++ {
		assert.Less(t, r.Counties[i-1].Code, r.Counties[i].Code, "counties sorted by code")
	}
	for _, m := range r.Municipalities {
		assert.Equal(t, "2024-11-01", m.PopulationDate, m.Code)
	}
}

func TestLookups(t *testing.T) {
	r := Default()
	cases := []struct {
		code       string
		found      bool
		name       string
		county     string
		countyName string
		population int
	}{
		{"0114", true, "Upplands Väsby", "01", "Stockholms län", 50295},
		{"0180", true, "Stockholm", "01", "Stockholms län", 0},
		{"2584", true, "Kiruna", "25", "Norrbottens län", 0},
		{"0980", true, "Gotland", "09", "Gotlands län", 0},
		{"114", false, "", "", "", 0},
		{"0000", false, "", "", "", 0},
		{"", false, "", "", "", 0},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			m, ok := r.Municipality(c.code)
			require.Equal(t, c.found, ok)
			if !ok {
				assert.Zero(t, m)
				return
			}
			assert.Equal(t, c.code, m.Code, "leading zero kept")
			assert.Equal(t, c.name, m.Name)
			assert.Equal(t, c.county, m.CountyCode)
			assert.Equal(t, c.countyName, m.CountyName)
			if c.population != 0 {
				assert.Equal(t, c.population, m.Population)
			}
			county, ok := r.County(m.CountyCode)
			require.True(t, ok)
			assert.Equal(t, c.countyName, county.Name)
		})
	}
	_, ok := r.County("1")
	assert.False(t, ok)
	_, ok = r.County("02")
	assert.False(t, ok, "02 is not a county code")
}

const countiesOK = "county_code,county_name\n01,Stockholms län\n03,Uppsala län\n"

const muniHeader = "municipality_code,municipality_name,county_code,county_name,population,population_date\n"

func TestLoadSmallFiles(t *testing.T) {
	r, err := Load(strings.NewReader(muniHeader+
		"0380,Uppsala,03,Uppsala län,245000,2024-11-01\n"+
		"0114,Upplands Väsby,01,Stockholms län,50295,2024-11-01\n"),
		strings.NewReader("county_code,county_name\n03,Uppsala län\n01,Stockholms län\n"))
	require.NoError(t, err)
	assert.Equal(t, []County{{"01", "Stockholms län"}, {"03", "Uppsala län"}}, r.Counties, "sorted by code")
	require.Len(t, r.Municipalities, 2)
	assert.Equal(t, "0114", r.Municipalities[0].Code, "sorted by code")
	assert.Equal(t, 295295, r.TotalPopulation())
}

func TestLoadRejectsBadMunicipalities(t *testing.T) {
	row := func(s string) string {
		return muniHeader + "0114,Upplands Väsby,01,Stockholms län,50295,2024-11-01\n" + s + "\n"
	}
	cases := []struct{ name, in, want string }{
		{"empty", "", "municipalities.csv: the file is empty"},
		{"header only", muniHeader, "municipalities.csv: no municipalities after the header"},
		{"wrong header", "kod,namn,lan,lansnamn,folkmangd,datum\n", `municipalities.csv line 1: the header must be "municipality_code,`},
		{"leading zero lost", row("114,Upplands Väsby,01,Stockholms län,50295,2024-11-01"), `municipalities.csv line 3 column municipality_code: "114" is not a four-digit municipality code (keep the leading zero`},
		{"letters in code", row("01a4,X,01,Stockholms län,1,2024-11-01"), `line 3 column municipality_code: "01a4" is not a four-digit`},
		{"five digits", row("01140,X,01,Stockholms län,1,2024-11-01"), `line 3 column municipality_code: "01140"`},
		{"duplicate code", row("0114,Väsby igen,01,Stockholms län,1,2024-11-01"), "line 3 column municipality_code: 0114 appears again (first on line 2)"},
		{"empty name", row("0115,,01,Stockholms län,1,2024-11-01"), "line 3 column municipality_name: the name is empty"},
		{"county not the first digits", row("0115,Vallentuna,03,Uppsala län,1,2024-11-01"), `line 3 column county_code: "03" must be the first two digits of the municipality code 0115`},
		{"unknown county", row("0215,Nowhere,02,Inget län,1,2024-11-01"), "line 3 column county_code: county 02 is not in counties.csv"},
		{"county name differs", row("0115,Vallentuna,01,Uppsala län,1,2024-11-01"), `line 3 column county_name: "Uppsala län" differs from "Stockholms län"`},
		{"population zero", row("0115,Vallentuna,01,Stockholms län,0,2024-11-01"), `line 3 column population: "0" is not a whole number above zero`},
		{"population negative", row("0115,Vallentuna,01,Stockholms län,-5,2024-11-01"), `line 3 column population: "-5"`},
		{"population with space", row("0115,Vallentuna,01,Stockholms län,35 090,2024-11-01"), `line 3 column population: "35 090"`},
		{"population empty", row("0115,Vallentuna,01,Stockholms län,,2024-11-01"), `line 3 column population: ""`},
		{"bad date", row("0115,Vallentuna,01,Stockholms län,35090,1/11/2024"), `line 3 column population_date: "1/11/2024" is not a date written YYYY-MM-DD`},
		{"missing column", row("0115,Vallentuna,01,Stockholms län,35090"), "line 3: expected 6 columns"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(c.in), strings.NewReader(countiesOK))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var e *csvfile.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, MunicipalitiesFile, e.File)
		})
	}
}

func TestLoadReportsEveryBadLine(t *testing.T) {
	_, err := Load(strings.NewReader(muniHeader+
		"114,A,01,Stockholms län,1,2024-11-01\n"+
		"0115,B,01,Stockholms län,1,2024-11-01\n"+
		"0117,C,01,Stockholms län,x,2024-11-01\n"),
		strings.NewReader(countiesOK))
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 2, err.Error())
	assert.Contains(t, lines[0], "line 2 ")
	assert.Contains(t, lines[1], "line 4 ")
}

func TestLoadRejectsBadCounties(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"empty", "", "counties.csv: the file is empty"},
		{"header only", "county_code,county_name\n", "counties.csv: no counties after the header"},
		{"wrong header", "code,name\n01,Stockholms län\n", `counties.csv line 1: the header must be "county_code,county_name"`},
		{"leading zero lost", "county_code,county_name\n1,Stockholms län\n", `counties.csv line 2 column county_code: "1" is not a two-digit county code`},
		{"duplicate", countiesOK + "01,Stockholm igen\n", "counties.csv line 4 column county_code: 01 appears again (first on line 2)"},
		{"empty name", "county_code,county_name\n01,\n", "counties.csv line 2 column county_name: the name is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(muniHeader+"0114,Upplands Väsby,01,Stockholms län,50295,2024-11-01\n"), strings.NewReader(c.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadDir(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), dir)
	assert.Contains(t, err.Error(), MunicipalitiesFile)

	// An operator's newer copy: one more inhabitant in Upplands Väsby, saved by a spreadsheet.
	m, err := embedded.ReadFile("data/municipalities.csv")
	require.NoError(t, err)
	c, err := embedded.ReadFile("data/counties.csv")
	require.NoError(t, err)
	newer := strings.Replace(string(m), "0114,Upplands Väsby,01,Stockholms län,50295,", "0114,Upplands Väsby,01,Stockholms län,50296,", 1)
	require.NotEqual(t, string(m), newer)
	require.NoError(t, os.WriteFile(filepath.Join(dir, MunicipalitiesFile), []byte("\uFEFF"+strings.ReplaceAll(newer, "\n", "\r\n")), 0o644))
	_, err = LoadDir(dir)
	require.Error(t, err, "counties.csv is missing too")
	assert.Contains(t, err.Error(), CountiesFile)
	require.NoError(t, os.WriteFile(filepath.Join(dir, CountiesFile), c, 0o644))

	r, err := LoadDir(dir)
	require.NoError(t, err)
	assert.Equal(t, Default().TotalPopulation()+1, r.TotalPopulation())
	assert.Len(t, r.Municipalities, 290)

	require.NoError(t, os.WriteFile(filepath.Join(dir, CountiesFile), []byte("county_code,county_name\n"), 0o644))
	_, err = LoadDir(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "reference data in "+dir+": counties.csv: no counties")
}

func TestBrokenEmbeddedCopyPanics(t *testing.T) {
	good := fstest.MapFS{
		"d/municipalities.csv": {Data: []byte(muniHeader + "0114,Upplands Väsby,01,Stockholms län,50295,2024-11-01\n")},
		"d/counties.csv":       {Data: []byte(countiesOK)},
	}
	assert.NotPanics(t, func() { mustLoadFS(good, "d") })
	broken := fstest.MapFS{
		"d/municipalities.csv": {Data: []byte(muniHeader + "114,Upplands Väsby,01,Stockholms län,50295,2024-11-01\n")},
		"d/counties.csv":       {Data: []byte(countiesOK)},
	}
	assert.PanicsWithValue(t,
		`refdata: the embedded reference data is broken: municipalities.csv line 2 column municipality_code: "114" is not a four-digit municipality code (keep the leading zero: 0114, not 114)`,
		func() { mustLoadFS(broken, "d") })
	assert.Panics(t, func() { mustLoadFS(fstest.MapFS{}, "d") }, "missing files")
}
