package starter

import (
	"strings"
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
)

// The newsletter the office publishes says an implementation was stopped, not why: the reason
// is free text for the audit trail.
func TestTheNewsletterHasNoFreeTextReasons(t *testing.T) {
	im := domain.Implementation{InitiativeID: "bygglov", Title: "Bygglov", Events: []domain.ImplEvent{
		{At: time.Date(2029, 1, 15, 10, 0, 0, 0, domain.Stockholm()), Kind: domain.EvStopped, By: "lena", Reason: "Finansieringen drogs in"}}}
	var b strings.Builder
	c := &CLI{Lang: i18n.Swedish}
	c.writeNewsletter(&b, "2029-01", newsletter{Implementation: domain.Newsletter(time.Date(2029, 1, 1, 0, 0, 0, 0, domain.Stockholm()), []domain.Implementation{im})})
	assert.Contains(t, b.String(), "Genomförandet har avbrutits")
	assert.NotContains(t, b.String(), "Finansieringen")
	assert.NotContains(t, b.String(), "lena")
}
