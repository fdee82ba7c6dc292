// Package refdata is the reference register of Sweden's municipalities and counties (SCB codes,
// names and population). A copy is embedded so the system runs with no set-up; an operator can
// load a newer copy from a directory without a code change. Every file is checked strictly, and
// each problem names its line, because a wrong code or population silently skews every offer.
package refdata

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
)

// File names, in the embedded copy and in an operator's directory.
const (
	MunicipalitiesFile = "municipalities.csv"
	CountiesFile       = "counties.csv"
)

// Municipality is one kommun. Code is SCB's four-digit code as text (leading zero kept).
type Municipality struct {
	Code           string
	Name           string
	CountyCode     string
	CountyName     string
	Population     int
	PopulationDate string // YYYY-MM-DD, the day the population was counted
}

// County is one län. Code is SCB's two-digit code as text.
type County struct {
	Code string
	Name string
}

// Register holds every municipality and county, each sorted by code.
type Register struct {
	Municipalities []Municipality
	Counties       []County
}

//go:embed data/municipalities.csv data/counties.csv
var embedded embed.FS

var defaultRegister = sync.OnceValue(func() *Register { return mustLoadFS(embedded, "data") })

// Default returns the embedded register, checked once. Callers must not modify it.
func Default() *Register { return defaultRegister() }

// mustLoadFS loads the files under dir in fsys and panics if they are broken: for the embedded
// copy that is a build mistake, caught by the tests, never an operator's.
func mustLoadFS(fsys fs.FS, dir string) *Register {
	r, err := loadFS(fsys, dir)
	if err != nil {
		panic(fmt.Sprintf("refdata: the embedded reference data is broken: %v", err))
	}
	return r
}

// LoadDir loads municipalities.csv and counties.csv from dir: an operator's newer copy.
func LoadDir(dir string) (*Register, error) {
	r, err := loadFS(os.DirFS(dir), ".")
	if err != nil {
		return nil, fmt.Errorf("reference data in %s: %w", dir, err)
	}
	return r, nil
}

func loadFS(fsys fs.FS, dir string) (*Register, error) {
	m, err := fsys.Open(path.Join(dir, MunicipalitiesFile))
	if err != nil {
		return nil, err
	}
	defer m.Close()
	c, err := fsys.Open(path.Join(dir, CountiesFile))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return Load(m, c)
}

// Load reads and checks both files. It returns every problem it finds, each naming its line.
func Load(municipalities, counties io.Reader) (*Register, error) {
	cs, err := readCounties(counties)
	if err != nil {
		return nil, err
	}
	ms, err := readMunicipalities(municipalities, cs)
	if err != nil {
		return nil, err
	}
	return &Register{Municipalities: ms, Counties: cs}, nil
}

// Municipality looks up a municipality by its four-digit code.
func (r *Register) Municipality(code string) (Municipality, bool) {
	i, ok := slices.BinarySearchFunc(r.Municipalities, code, func(m Municipality, c string) int { return strings.Compare(m.Code, c) })
	if !ok {
		return Municipality{}, false
	}
	return r.Municipalities[i], true
}

// County looks up a county by its two-digit code.
func (r *Register) County(code string) (County, bool) {
	i, ok := slices.BinarySearchFunc(r.Counties, code, func(c County, code string) int { return strings.Compare(c.Code, code) })
	if !ok {
		return County{}, false
	}
	return r.Counties[i], true
}

// TotalPopulation is the sum over every municipality.
func (r *Register) TotalPopulation() int {
	total := 0
	for _, m := range r.Municipalities {
		total += m.Population
	}
	return total
}
