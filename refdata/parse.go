package refdata

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/skr/handslag/internal/csvfile"
)

func readCounties(in io.Reader) ([]County, error) {
	r, err := csvfile.Open(in, CountiesFile, "county_code", "county_name")
	if err != nil {
		return nil, err
	}
	var out []County
	firstLine := map[string]int{}
	err = r.Each(func(rec []string, line int) error {
		c := County{Code: rec[0], Name: rec[1]}
		if !digits(c.Code, 2) {
			return r.Fail(line, "county_code", "%q is not a two-digit county code (keep the leading zero: 01, not 1)", c.Code)
		}
		if c.Name == "" {
			return r.Fail(line, "county_name", "the name is empty")
		}
		if first, dup := firstLine[c.Code]; dup {
			return r.Fail(line, "county_code", "%s appears again (first on line %d)", c.Code, first)
		}
		firstLine[c.Code] = line
		out = append(out, c)
		return nil
	})
	return sortedRows(out, err, CountiesFile, "counties", func(c County) string { return c.Code })
}

func readMunicipalities(in io.Reader, counties []County) ([]Municipality, error) {
	r, err := csvfile.Open(in, MunicipalitiesFile,
		"municipality_code", "municipality_name", "county_code", "county_name", "population", "population_date")
	if err != nil {
		return nil, err
	}
	countyName := map[string]string{}
	for _, c := range counties {
		countyName[c.Code] = c.Name
	}
	var out []Municipality
	firstLine := map[string]int{}
	err = r.Each(func(rec []string, line int) error {
		m := Municipality{Code: rec[0], Name: rec[1], CountyCode: rec[2], CountyName: rec[3], PopulationDate: rec[5]}
		if !digits(m.Code, 4) {
			return r.Fail(line, "municipality_code", "%q is not a four-digit municipality code (keep the leading zero: 0114, not 114)", m.Code)
		}
		if first, dup := firstLine[m.Code]; dup {
			return r.Fail(line, "municipality_code", "%s appears again (first on line %d)", m.Code, first)
		}
		firstLine[m.Code] = line
		if m.Name == "" {
			return r.Fail(line, "municipality_name", "the name is empty")
		}
		if m.CountyCode != m.Code[:2] {
			return r.Fail(line, "county_code", "%q must be the first two digits of the municipality code %s", m.CountyCode, m.Code)
		}
		name, ok := countyName[m.CountyCode]
		if !ok {
			return r.Fail(line, "county_code", "county %s is not in %s", m.CountyCode, CountiesFile)
		}
		if m.CountyName != name {
			return r.Fail(line, "county_name", "%q differs from %q, the name of county %s in %s", m.CountyName, name, m.CountyCode, CountiesFile)
		}
		pop, err := strconv.Atoi(rec[4])
		if err != nil || pop <= 0 {
			return r.Fail(line, "population", "%q is not a whole number above zero (write it without spaces or separators)", rec[4])
		}
		m.Population = pop
		if _, err := time.Parse(time.DateOnly, m.PopulationDate); err != nil {
			return r.Fail(line, "population_date", "%q is not a date written YYYY-MM-DD", m.PopulationDate)
		}
		out = append(out, m)
		return nil
	})
	return sortedRows(out, err, MunicipalitiesFile, "municipalities", func(m Municipality) string { return m.Code })
}

// sortedRows finishes reading a file: its errors, or its rows sorted by code, of which there
// must be at least one.
func sortedRows[T any](rows []T, err error, file, what string, code func(T) string) ([]T, error) {
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, &csvfile.Error{File: file, Problem: "no " + what + " after the header"}
	}
	slices.SortFunc(rows, func(a, b T) int { return strings.Compare(code(a), code(b)) })
	return rows, nil
}

// digits reports whether s is exactly n ASCII digits.
func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
