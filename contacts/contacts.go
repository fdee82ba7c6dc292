// Package contacts is the contact register: the e-mail addresses each municipality receives
// offers at. It is a CSV file an operator keeps (municipality_code,email; one row per address)
// and replaces without a code change. Every address is checked when the file is loaded, and a
// municipality without an address is reported by Missing, never skipped silently.
package contacts

import (
	"fmt"
	"io"
	"net/mail"
	"os"
	"strings"

	"github.com/skr/handslag/internal/csvfile"
	"github.com/skr/handslag/refdata"
)

// Book holds the addresses of every municipality in a reference register.
type Book struct {
	reg   *refdata.Register
	addrs map[string][]string // municipality code → addresses in file order
}

// LoadFile reads the contact register at path.
func LoadFile(path string, reg *refdata.Register) (*Book, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("contact register: %w", err)
	}
	defer f.Close()
	b, err := load(f, path, reg)
	if err != nil {
		return nil, fmt.Errorf("contact register: %w", err)
	}
	return b, nil
}

// Load reads a contact register. It reports every bad line at once, each by its number: an
// address net/mail cannot parse, a code not in reg, or a row that repeats an earlier one.
func Load(r io.Reader, reg *refdata.Register) (*Book, error) {
	return load(r, "contacts.csv", reg)
}

func load(in io.Reader, file string, reg *refdata.Register) (*Book, error) {
	r, err := csvfile.Open(in, file, "municipality_code", "email")
	if err != nil {
		return nil, err
	}
	b := &Book{reg: reg, addrs: map[string][]string{}}
	firstLine := map[string]int{} // code + lower-cased address → line
	err = r.Each(func(rec []string, line int) error {
		code, raw := rec[0], rec[1]
		if _, ok := reg.Municipality(code); !ok {
			hint := ""
			if _, ok := reg.Municipality("0" + code); ok {
				hint = fmt.Sprintf(" (did a spreadsheet drop the leading zero of 0%s?)", code)
			}
			return r.Fail(line, "municipality_code", "%q is not a municipality code in the reference register%s", code, hint)
		}
		if raw == "" {
			return r.Fail(line, "email", "the address is empty")
		}
		addr, err := mail.ParseAddress(raw)
		if err != nil {
			return r.Fail(line, "email", "%q is not an e-mail address (%v)", raw, err)
		}
		key := code + " " + strings.ToLower(addr.Address)
		if first, dup := firstLine[key]; dup {
			return r.Fail(line, "email", "%s is listed for %s again (first on line %d)", addr.Address, code, first)
		}
		firstLine[key] = line
		b.addrs[code] = append(b.addrs[code], addr.Address)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Demo is a register for the local system with no real data: one address per municipality at
// a reserved domain (RFC 2606 .example), so nothing can reach a real mailbox. Names that
// share a slug (Håbo and Habo) get their code added, so every address is a different mailbox.
func Demo(reg *refdata.Register) *Book {
	b := &Book{reg: reg, addrs: map[string][]string{}}
	shared := map[string]int{}
	for _, m := range reg.Municipalities {
		shared[Slug(m.Name)]++
	}
	for _, m := range reg.Municipalities {
		label := Slug(m.Name)
		if shared[label] > 1 {
			label += "-" + m.Code
		}
		b.addrs[m.Code] = []string{"registrator@" + label + ".kommun.example"}
	}
	return b
}

// Addresses returns the addresses of a municipality in file order (nil if it has none).
func (b *Book) Addresses(code string) []string {
	return append([]string(nil), b.addrs[code]...)
}

// Missing returns, in code order, every municipality of the register with no address.
func (b *Book) Missing() []refdata.Municipality {
	var out []refdata.Municipality
	for _, m := range b.reg.Municipalities {
		if len(b.addrs[m.Code]) == 0 {
			out = append(out, m)
		}
	}
	return out
}

// Slug turns a municipality's name into a DNS label: "Upplands Väsby" → "upplands-vasby".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch r {
		case 'å', 'ä', 'à', 'á', 'â':
			r = 'a'
		case 'ö', 'ø', 'ó', 'ô':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú':
			r = 'u'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
