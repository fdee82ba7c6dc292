// Package webtest has in-memory fakes of what package web needs (the link verifier and the
// offer round), for tests and demos. They follow the contracts documented in web/api.go.
package webtest

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"sync"
)

// ErrBadLink is what Links.Verify returns for a token it never issued.
var ErrBadLink = errors.New("webtest: unknown link")

// Links is a fake LinkVerifier: it issues random tokens and remembers what each is for.
type Links struct {
	mu      sync.Mutex
	byToken map[string][2]string
}

// NewLinks returns an empty link register.
func NewLinks() *Links { return &Links{byToken: map[string][2]string{}} }

// Issue returns a new token bound to the offer and the municipality.
func (l *Links) Issue(offerID, municipalityCode string) string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	token := base64.RawURLEncoding.EncodeToString(b[:])
	l.mu.Lock()
	defer l.mu.Unlock()
	l.byToken[token] = [2]string{offerID, municipalityCode}
	return token
}

// Verify implements web.LinkVerifier.
func (l *Links) Verify(token string) (offerID, municipalityCode string, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	pair, ok := l.byToken[token]
	if !ok {
		return "", "", ErrBadLink
	}
	return pair[0], pair[1], nil
}
