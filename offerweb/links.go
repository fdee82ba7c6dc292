package offerweb

import (
	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/web"
)

// Links checks answer links with the same signer the worker makes them with.
type Links struct{ Signer *answerlink.Signer }

var _ web.LinkVerifier = Links{}

// Verify implements web.LinkVerifier. That the offer exists and the municipality is part of
// it is checked by Offers.View, which the web calls next.
func (l Links) Verify(token string) (offerID, municipalityCode string, err error) {
	c, err := l.Signer.Verify(token)
	if err != nil {
		return "", "", err
	}
	return c.OfferID, c.Municipality, nil
}
