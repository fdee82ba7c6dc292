// Package answerlink makes the personal answer links sent to municipalities: a token that names
// one offer and one municipality, signed with HMAC-SHA256 so it cannot be guessed or altered.
//
// A token is base64url(payload) "." base64url(mac). The payload is a version byte, then (from
// version 2) the length-prefixed ID of the key that signed it, then the length-prefixed offer id
// and the municipality code, so no choice of ids can make two claims share a payload. Tokens
// are deterministic: a retried send makes the same link.
//
// What Verify does NOT check, and the caller must: that the offer exists and is still open for
// answers, that the token's offer is the offer the page is about (a valid link for offer A must
// not answer offer B), and that the municipality is in the reference register. Tokens do not
// expire by themselves; the offer's answer window does that.
//
// Keys rotate (keys.go): the first key of the ring signs new links with its ID in them, and
// every key of the ring verifies, so links already sent keep working until their key is
// retired (removed from the ring). A key without an ID signs links of version 1, which carry no
// key ID; those verify against every key of the ring.
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

// The token format versions: 1 without a key ID, 2 with one.
const (
	version      = 1
	versionKeyID = 2
)

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

// Signer makes tokens with the first key of its ring and checks them with any.
type Signer struct {
	keys Keys
	// context is mixed into every MAC: the answer links' macContext, or another purpose's
	// (see unsubscribe.go), so a token made for one purpose never verifies for another.
	context string
}

// NewSigner returns a Signer for one key without an ID, which must be at least MinKeyLen bytes.
func NewSigner(key []byte) (*Signer, error) { return NewRingSigner(Single(key)) }

// NewRingSigner returns a Signer for a ring of keys (see ParseKeys): the first signs.
func NewRingSigner(keys Keys) (*Signer, error) {
	if err := keys.check(); err != nil {
		return nil, err
	}
	return &Signer{keys: keys.clone(), context: macContext}, nil
}

var b64 = base64.RawURLEncoding.Strict()

// Token returns the signed, URL-safe token for one municipality's answer to one offer.
func (s *Signer) Token(offerID, municipalityCode string) string {
	k := s.keys[0]
	p := payload(k.ID, offerID, municipalityCode)
	return b64.EncodeToString(p) + "." + b64.EncodeToString(s.mac(k.Secret, p))
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
	keyID, rest, err := parse(p)
	signedBy := s.keys
	if err == nil && keyID != "" {
		// The token names its key: only that one may verify it.
		k, ok := s.keys.find(keyID)
		if !ok {
			return Claims{}, fmt.Errorf("%w: signed with key %q, which is retired", ErrForged, keyID)
		}
		signedBy = Keys{k}
	}
	if !s.signedByAny(signedBy, p, mac) {
		return Claims{}, ErrForged
	}
	if err != nil {
		// Signed with our key yet unreadable: a token from a future format version.
		return Claims{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	c, err := claims(rest)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return c, nil
}

// signedByAny checks mac against every key given, each in constant time.
func (s *Signer) signedByAny(keys Keys, p, mac []byte) bool {
	ok := false
	for _, k := range keys {
		if hmac.Equal(mac, s.mac(k.Secret, p)) {
			ok = true
		}
	}
	return ok
}

func (s *Signer) mac(key, p []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(s.context))
	h.Write(p)
	return h.Sum(nil)
}

func payload(keyID, offerID, municipality string) []byte {
	var p []byte
	if keyID == "" {
		p = []byte{version}
	} else {
		p = []byte{versionKeyID}
		p = binary.AppendUvarint(p, uint64(len(keyID)))
		p = append(p, keyID...)
	}
	p = binary.AppendUvarint(p, uint64(len(offerID)))
	p = append(p, offerID...)
	return append(p, municipality...)
}

// parse reads a payload's version and key ID and returns the claims' part.
func parse(p []byte) (keyID string, rest []byte, err error) {
	if len(p) == 0 {
		return "", nil, errors.New("empty")
	}
	switch p[0] {
	case version:
		return "", p[1:], nil
	case versionKeyID:
		id, rest, err := lengthPrefixed(p[1:])
		if err != nil || len(id) == 0 {
			return "", nil, errors.New("bad key ID")
		}
		return string(id), rest, nil
	}
	return "", nil, errors.New("unknown version")
}

func claims(rest []byte) (Claims, error) {
	offer, code, err := lengthPrefixed(rest)
	if err != nil {
		return Claims{}, err
	}
	return Claims{OfferID: string(offer), Municipality: string(code)}, nil
}

func lengthPrefixed(p []byte) (field, rest []byte, err error) {
	n, w := binary.Uvarint(p)
	if w <= 0 || n > uint64(len(p)-w) {
		return nil, nil, errors.New("bad length")
	}
	return p[w : w+int(n)], p[w+int(n):], nil
}
