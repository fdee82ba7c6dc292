// Package contacts is the address register: the e-mail addresses of every municipality, of
// the members of the February round and of the owner organisations (register.go). It lives in
// Handslag's database; this package checks entries, reads and writes its CSV form, and makes
// the local system's demo addresses.
package contacts

import (
	"fmt"
	"os"
	"strings"

	"github.com/skr/handslag/refdata"
)

// LoadFile reads a kind's register from a CSV file (the upgrade path from HANDSLAG_CONTACTS
// and HANDSLAG_MEMBERS), reporting every bad line.
func LoadFile(path string, kind Kind, parties Parties) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("address register: %w", err)
	}
	defer f.Close()
	entries, probs := parties.ParseCSV(kind, f)
	if len(probs) > 0 {
		return nil, fmt.Errorf("address register %s: %w", path, probs)
	}
	return entries, nil
}

// Demo is a register for the local system with no real data: one address per municipality at
// a reserved domain (RFC 2606 .example), so nothing can reach a real mailbox. Names that
// share a slug (Håbo and Habo) get their code added, so every address is a different mailbox.
func Demo(reg *refdata.Register) []Entry {
	shared := map[string]int{}
	for _, m := range reg.Municipalities {
		shared[Slug(m.Name)]++
	}
	var out []Entry
	for _, m := range reg.Municipalities {
		label := Slug(m.Name)
		if shared[label] > 1 {
			label += "-" + m.Code
		}
		out = append(out, Entry{Kind: Municipality, Party: m.Code, Email: "registrator@" + label + ".kommun.example"})
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
