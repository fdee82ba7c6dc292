package contacts

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"net/mail"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/internal/csvfile"
	"github.com/skr/handslag/refdata"
)

// The address register: who gets which e-mail. Three kinds of party have addresses: each
// municipality (offers, reminders, digests, hearing invitations), each member of the February
// round (a county's council member or a network: list reminders) and each owner organisation
// (report reminders). The register lives in Handslag's database, where the office edits it in
// the console, imports and exports it as CSV, and every change is recorded with who and when.

// Kind is a kind of party.
type Kind string

const (
	Municipality Kind = "municipality"
	Member       Kind = "member"
	Owner        Kind = "owner"
)

// Kinds lists the kinds in the order the console shows them.
var Kinds = []Kind{Municipality, Member, Owner}

// ParseKind reads a kind.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Entry is one address of one party.
type Entry struct {
	Kind  Kind   `json:"kind"`
	Party string `json:"party"` // municipality code, member ID or owner
	Email string `json:"email"`
}

// Book gives a party's addresses (none: it has none, and the office is told).
type Book interface {
	Addresses(ctx context.Context, kind Kind, party string) ([]string, error)
}

// ManyBook is a Book that reads many parties' addresses at once (the database: one query for a
// batch of receipts instead of one per receipt).
type ManyBook interface {
	Book
	AddressesOfMany(ctx context.Context, kind Kind, parties []string) (map[string][]string, error)
}

// AddressesOfMany gives each of parties' addresses (a party without any is absent), in one
// read where b is a ManyBook and party by party otherwise.
func AddressesOfMany(ctx context.Context, b Book, kind Kind, parties []string) (map[string][]string, error) {
	if mb, ok := b.(ManyBook); ok {
		return mb.AddressesOfMany(ctx, kind, parties)
	}
	out := map[string][]string{}
	for _, p := range parties {
		addrs, err := b.Addresses(ctx, kind, p)
		if err != nil {
			return nil, err
		}
		if len(addrs) > 0 {
			out[p] = addrs
		}
	}
	return out, nil
}

// Party is a party the register may hold addresses for.
type Party struct {
	ID, Name string
}

// Parties knows which parties exist: the municipalities of the reference register, the
// members of the February round, the owner organisations.
type Parties struct {
	Register *refdata.Register
	Members  []domain.Member
}

// DefaultParties are the parties of a reference register with the default networks.
func DefaultParties(reg *refdata.Register) Parties {
	var counties []domain.RegionRef
	for _, c := range reg.Counties {
		counties = append(counties, domain.RegionRef{Code: c.Code, Name: c.Name})
	}
	var members []domain.Member
	for _, n := range domain.DefaultNetworks(counties) {
		members = append(members, n.Members...)
	}
	return Parties{Register: reg, Members: members}
}

// List is every party of a kind, in the register's order.
func (p Parties) List(kind Kind) []Party {
	var out []Party
	switch kind {
	case Municipality:
		for _, m := range p.Register.Municipalities {
			out = append(out, Party{ID: m.Code, Name: m.Name})
		}
	case Member:
		for _, m := range p.Members {
			out = append(out, Party{ID: m.ID, Name: m.Name})
		}
	case Owner:
		for _, o := range domain.Owners {
			out = append(out, Party{ID: string(o), Name: string(o)})
		}
	}
	return out
}

// Problem is what is wrong with one entry: the field (party or email), a hint key of the
// catalogue ("hint.<Hint>") and the value.
type Problem struct {
	Line  int    `json:"line,omitempty"`
	Field string `json:"field"`
	Hint  string `json:"hint"`
	Value string `json:"value"`
}

// Problems is every problem of an import or an entry; nothing is stored while there is one.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("; ")
		}
		if p.Line > 0 {
			b.WriteString("line ")
			b.WriteString(itoa(p.Line))
			b.WriteString(": ")
		}
		b.WriteString(p.Field + " " + p.Value + ": " + p.Hint)
	}
	return b.String()
}

// Check parses one entry into its canonical form: the party as the register names it (a
// municipality code with its leading zero, an owner as SKR, Adda or Inera), the address as
// net/mail reads it.
func (p Parties) Check(e Entry) (Entry, Problems) {
	var probs Problems
	party, ok := p.canonical(e.Kind, strings.TrimSpace(e.Party))
	if !ok {
		hint := "unknown_party_" + string(e.Kind)
		if e.Kind == Municipality {
			if _, zero := p.Register.Municipality("0" + strings.TrimSpace(e.Party)); zero {
				hint = "leading_zero"
			}
		}
		probs = append(probs, Problem{Field: "party", Hint: hint, Value: e.Party})
	}
	raw := strings.TrimSpace(e.Email)
	addr, err := mail.ParseAddress(raw)
	if raw == "" || err != nil {
		probs = append(probs, Problem{Field: "email", Hint: "email", Value: e.Email})
	}
	if len(probs) > 0 {
		return Entry{}, probs
	}
	return Entry{Kind: e.Kind, Party: party, Email: addr.Address}, nil
}

func (p Parties) canonical(kind Kind, party string) (string, bool) {
	switch kind {
	case Municipality:
		if _, ok := p.Register.Municipality(party); ok {
			return party, true
		}
	case Member:
		for _, m := range p.Members {
			if strings.EqualFold(m.ID, party) {
				return m.ID, true
			}
		}
	case Owner:
		if o, err := domain.ParseOwner(party); err == nil {
			return string(o), true
		}
	}
	return "", false
}

// csvHeader is each kind's CSV header: the party's column, then the address.
var csvHeader = map[Kind][]string{
	Municipality: {"municipality_code", "email"},
	Member:       {"member_id", "email"},
	Owner:        {"owner", "email"},
}

// CSVHeader is the header of a kind's CSV file.
func CSVHeader(kind Kind) []string { return append([]string(nil), csvHeader[kind]...) }

// ParseCSV reads a kind's register from CSV (comma or semicolon separated, with or without a
// byte order mark, as spreadsheets save it). Every bad line is reported, each by its number,
// and nothing is returned while there is one: an unknown party, a bad address, a row that
// repeats an earlier one, a wrong header or column count.
func (p Parties) ParseCSV(kind Kind, in io.Reader) ([]Entry, Problems) {
	r, err := csvfile.Open(in, string(kind)+".csv", csvHeader[kind]...)
	if err != nil {
		return nil, Problems{csvProblem(err)}
	}
	var out []Entry
	var probs Problems
	first := map[string]int{}
	err = r.Each(func(rec []string, line int) error {
		e, ps := p.Check(Entry{Kind: kind, Party: rec[0], Email: rec[1]})
		for i := range ps {
			ps[i].Line = line
		}
		if len(ps) > 0 {
			probs = append(probs, ps...)
			return nil
		}
		key := e.Party + " " + strings.ToLower(e.Email)
		if at, dup := first[key]; dup {
			probs = append(probs, Problem{Line: line, Field: "email", Hint: "repeated_row", Value: itoa(at)})
			return nil
		}
		first[key] = line
		out = append(out, e)
		return nil
	})
	var ce *csvfile.Error
	for _, e := range unjoin(err) {
		if errors.As(e, &ce) {
			probs = append(probs, csvProblem(ce))
		}
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, probs
	}
	return out, nil
}

func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// csvProblem says a structural problem of the file (its header, a line's columns) by a hint.
func csvProblem(err error) Problem {
	var ce *csvfile.Error
	if errors.As(err, &ce) {
		return Problem{Line: ce.Line, Field: "file", Hint: "csv_" + ce.Code, Value: ce.Column}
	}
	return Problem{Field: "file", Hint: "csv_syntax", Value: err.Error()}
}

// WriteCSV writes entries of a kind as CSV, with the kind's header; a spreadsheet formula in
// a value is neutralised.
func WriteCSV(w io.Writer, kind Kind, entries []Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader[kind]); err != nil {
		return err
	}
	for _, e := range entries {
		if e.Kind == kind {
			if err := cw.Write([]string{csvfile.SafeCell(e.Party), csvfile.SafeCell(e.Email)}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// Memory is a register in memory, for tests.
type Memory struct {
	mu      sync.Mutex
	Entries []Entry
}

// Addresses implements Book.
func (m *Memory) Addresses(_ context.Context, kind Kind, party string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, e := range m.Entries {
		if e.Kind == kind && e.Party == party {
			out = append(out, e.Email)
		}
	}
	return out, nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// PartiesIn are the parties of the SCB registers in dir (empty: the embedded copy).
func PartiesIn(dir string) (Parties, error) {
	reg := refdata.Default()
	if dir != "" {
		r, err := refdata.LoadDir(dir)
		if err != nil {
			return Parties{}, err
		}
		reg = r
	}
	return DefaultParties(reg), nil
}
