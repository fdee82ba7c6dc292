// Package offerfakes holds small fakes of the offer round's dependencies (the municipality
// register, the contact book, the answer links and the mail sender) for tests; the real ones
// live in their own packages.
package offerfakes

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/skr/handslag/contacts"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/mail"
)

// Register is a fixed list of municipalities.
type Register []domain.OfferMunicipality

// OfferMunicipalities returns the list.
func (r Register) OfferMunicipalities() []domain.OfferMunicipality { return r }

// Contacts gives every municipality one address, except those listed in Missing; members and
// owners have none.
type Contacts struct{ Missing map[string]bool }

// Addresses implements contacts.Book: "registrator@<code>.kommun.example", or nothing for a
// missing municipality.
func (c Contacts) Addresses(_ context.Context, kind contacts.Kind, code string) ([]string, error) {
	if kind != contacts.Municipality || c.Missing[code] {
		return nil, nil
	}
	return []string{Address(code)}, nil
}

// Address is the fake contact address of a municipality.
func Address(code string) string { return fmt.Sprintf("registrator@%s.kommun.example", code) }

// Links makes recognisable, unsigned links.
type Links struct{}

// URL returns base/svar/<offer>/<code>?sig=fake.
func (Links) URL(base, offerID, code string) string {
	return fmt.Sprintf("%s/svar/%s/%s?sig=fake", base, offerID, code)
}

// Sender keeps messages in memory, once per key, and counts every attempt. FailOnPut makes
// the put with that number (1-based, counting every attempt) fail once, like a worker that
// dies half-way through a fan-out.
type Sender struct {
	mu        sync.Mutex
	messages  map[string]mail.Message
	Puts      int
	FailOnPut int
}

// ErrInjected is the failure FailOnPut produces.
var ErrInjected = errors.New("injected failure: the worker died")

// Send stores m unless its key is known; it reports whether it stored a new message.
func (s *Sender) Send(_ context.Context, m mail.Message) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Puts++
	if s.FailOnPut > 0 && s.Puts == s.FailOnPut {
		return false, ErrInjected
	}
	if s.messages == nil {
		s.messages = map[string]mail.Message{}
	}
	if _, ok := s.messages[m.Key]; ok {
		return false, nil
	}
	s.messages[m.Key] = m
	return true, nil
}

// ForgetMailKeys empties the messages whose key begins with prefix, as the database does:
// the key and the date stay.
func (s *Sender) ForgetMailKeys(_ context.Context, prefix string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, m := range s.messages {
		if strings.HasPrefix(k, prefix) && (len(m.To) > 0 || m.Body != "") {
			s.messages[k] = mail.Message{Key: k, Created: m.Created}
			n++
		}
	}
	return n, nil
}

// Messages returns the stored messages, by key.
func (s *Sender) Messages() []mail.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]mail.Message, 0, len(s.messages))
	for _, m := range s.messages {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Get returns the message stored under key.
func (s *Sender) Get(key string) (mail.Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[key]
	return m, ok
}

// ReadMunicipalities reads a municipality CSV in SCB's layout (code, name, county code,
// county name, population, date), for tests.
func ReadMunicipalities(path string) ([]domain.OfferMunicipality, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []domain.OfferMunicipality
	for i, row := range rows {
		if i == 0 {
			continue
		}
		if len(row) < 5 {
			return nil, fmt.Errorf("%s line %d: %d columns", path, i+1, len(row))
		}
		pop, err := strconv.Atoi(row[4])
		if err != nil {
			return nil, fmt.Errorf("%s line %d: population: %w", path, i+1, err)
		}
		out = append(out, domain.OfferMunicipality{Code: row[0], Name: row[1], CountyCode: row[2], Population: pop})
	}
	return out, nil
}
