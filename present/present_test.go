package present

import (
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
)

// What goes to municipalities and the public never carries the free-text reason; the office's
// own view does.
func TestTheReasonStaysOutOfPublicEventLines(t *testing.T) {
	e := domain.ImplEvent{At: time.Date(2029, 1, 15, 10, 0, 0, 0, domain.Stockholm()), Kind: domain.EvStopped,
		By: "lena.ledningen", Reason: "Finansieringen drogs in"}
	public := ImplEventLine(i18n.Swedish, e)
	assert.Equal(t, "2029-01-15 Genomförandet har avbrutits", public)
	assert.NotContains(t, public, "Finansieringen")
	assert.Contains(t, ImplEventLineWithReason(i18n.Swedish, e), "motivering: Finansieringen drogs in")
}

func TestAClosedInitiativeIsNamedByItsStage(t *testing.T) {
	msg := Problem(i18n.Swedish, domain.ValidationError{Code: domain.CodeClosed, Detail: "withdrawn"}, nil)
	assert.Contains(t, msg, "Avslutad: återkallad")
	assert.NotContains(t, msg, "withdrawn")
}
