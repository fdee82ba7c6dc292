package answerlink

import "strings"

// UnsubscribePathPrefix is where the unsubscribe page lives: a link is baseURL +
// UnsubscribePathPrefix + token.
const UnsubscribePathPrefix = "/avsluta/"

// unsubscribeContext separates unsubscribe MACs from answer-link MACs made with the same key:
// an answer token never verifies as an unsubscribe token, nor the other way round.
const unsubscribeContext = "handslag/unsubscribe/v1\x00"

// UnsubscribeClaims is what a verified unsubscribe token says: stop the implementation
// e-mails (digests, hearing invitations) of one initiative to one municipality.
type UnsubscribeClaims struct {
	InitiativeID string
	Municipality string
}

// UnsubscribeSigner makes and checks the personal unsubscribe links in implementation
// e-mails. It shares the answer links' key (one secret to manage, one to rotate) and format,
// but not their MACs. As with answer links, the caller checks that the initiative has an
// implementation and that the municipality takes part in it.
type UnsubscribeSigner struct{ s Signer }

// ForUnsubscribe returns the unsubscribe signer with the same key as s.
func (s *Signer) ForUnsubscribe() *UnsubscribeSigner {
	return &UnsubscribeSigner{s: Signer{keys: s.keys, context: unsubscribeContext}}
}

// NewUnsubscribeSigner returns an UnsubscribeSigner for a ring of keys (see NewRingSigner).
func NewUnsubscribeSigner(keys Keys) (*UnsubscribeSigner, error) {
	s, err := NewRingSigner(keys)
	if err != nil {
		return nil, err
	}
	return s.ForUnsubscribe(), nil
}

// Token returns the signed, URL-safe token for one municipality and one initiative.
func (u *UnsubscribeSigner) Token(initiativeID, municipalityCode string) string {
	return u.s.Token(initiativeID, municipalityCode)
}

// URL returns the unsubscribe link: baseURL (trailing slashes ignored) + "/avsluta/" + token.
func (u *UnsubscribeSigner) URL(baseURL, initiativeID, municipalityCode string) string {
	return strings.TrimRight(baseURL, "/") + UnsubscribePathPrefix + u.Token(initiativeID, municipalityCode)
}

// Verify checks the token's signature and returns its claims; errors wrap ErrMalformed or
// ErrForged.
func (u *UnsubscribeSigner) Verify(token string) (UnsubscribeClaims, error) {
	c, err := u.s.Verify(token)
	if err != nil {
		return UnsubscribeClaims{}, err
	}
	return UnsubscribeClaims{InitiativeID: c.OfferID, Municipality: c.Municipality}, nil
}
