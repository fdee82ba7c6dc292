// Package answerlink makes the personal answer links sent to municipalities: a token that names
// one offer and one municipality, signed with HMAC-SHA256 so it cannot be guessed or altered.
//
// A token is base64url(payload) "." base64url(mac). The payload is a version byte followed by
// the length-prefixed offer id and municipality code, so no choice of ids can make two claims
// share a payload. Tokens are deterministic: a retried send makes the same link.
//
// What Verify does NOT check, and the caller must: that the offer exists and is still open for
// answers, that the token's offer is the offer the page is about (a valid link for offer A must
// not answer offer B), and that the municipality is in the reference register. Tokens do not
// expire by themselves; the offer's answer window does that. Rotating the key revokes every link.
package answerlink

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// MinKeyLen is the shortest key accepted: as long as the HMAC-SHA256 output.
const MinKeyLen = 32

// PathPrefix is where the answer form lives: a link is baseURL + PathPrefix + token.
const PathPrefix = "/svar/"

const version = 1

// macContext separates these MACs from any other use of the same key.
const macContext = "handslag/answerlink/v1\x00"

var (
	// ErrMalformed: the token is not one this package makes (cut short, wrong characters).
	ErrMalformed = errors.New("answerlink: malformed token")
	// ErrForged: the token is well formed but its signature does not match (altered, or made
	// with another key).
	ErrForged = errors.New("answerlink: signature does not match")
)

// Claims is what a verified token says.
type Claims struct {
	OfferID      string
	Municipality string
}

// Signer makes and checks tokens with one secret key.
type Signer struct {
	key []byte
	// context is mixed into every MAC: the answer links' macContext, or another purpose's
	// (see unsubscribe.go), so a token made for one purpose never verifies for another.
	context string
}

// NewSigner returns a Signer for key, which must be at least MinKeyLen bytes.
func NewSigner(key []byte) (*Signer, error) {
	if len(key) < MinKeyLen {
		return nil, fmt.Errorf("answerlink: the key has %d bytes, at least %d are needed", len(key), MinKeyLen)
	}
	return &Signer{key: append([]byte(nil), key...), context: macContext}, nil
}

var b64 = base64.RawURLEncoding.Strict()

// Token returns the signed, URL-safe token for one municipality's answer to one offer.
func (s *Signer) Token(offerID, municipalityCode string) string {
	p := payload(offerID, municipalityCode)
	return b64.EncodeToString(p) + "." + b64.EncodeToString(s.mac(p))
}

// URL returns the answer link: baseURL (trailing slashes ignored) + "/svar/" + token.
func (s *Signer) URL(baseURL, offerID, municipalityCode string) string {
	return strings.TrimRight(baseURL, "/") + PathPrefix + s.Token(offerID, municipalityCode)
}

// Verify checks the token's signature (in constant time) and returns its claims. Errors wrap
// ErrMalformed or ErrForged; see the package comment for what the caller must check next.
func (s *Signer) Verify(token string) (Claims, error) {
	enc, sig, ok := strings.Cut(token, ".")
	if !ok {
		return Claims{}, fmt.Errorf("%w: no signature part", ErrMalformed)
	}
	p, err := b64.DecodeString(enc)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: payload is not base64url", ErrMalformed)
	}
	mac, err := b64.DecodeString(sig)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: signature is not base64url", ErrMalformed)
	}
	if len(mac) != sha256.Size {
		return Claims{}, fmt.Errorf("%w: signature has %d bytes, not %d", ErrMalformed, len(mac), sha256.Size)
	}
	if !hmac.Equal(mac, s.mac(p)) {
		return Claims{}, ErrForged
	}
	c, err := parse(p)
	if err != nil {
		// Signed with our key yet unreadable: a token from a future format version.
		return Claims{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return c, nil
}

func (s *Signer) mac(p []byte) []byte {
	h := hmac.New(sha256.New, s.key)
	h.Write([]byte(s.context))
	h.Write(p)
	return h.Sum(nil)
}

func payload(offerID, municipality string) []byte {
	p := []byte{version}
	p = binary.AppendUvarint(p, uint64(len(offerID)))
	p = append(p, offerID...)
	return append(p, municipality...)
}

func parse(p []byte) (Claims, error) {
	if len(p) == 0 || p[0] != version {
		return Claims{}, errors.New("unknown version")
	}
	n, w := binary.Uvarint(p[1:])
	if w <= 0 || n > uint64(len(p)-1-w) {
		return Claims{}, errors.New("bad length")
	}
	rest := p[1+w:]
	return Claims{OfferID: string(rest[:n]), Municipality: string(rest[n:])}, nil
}
