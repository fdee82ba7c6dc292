package starter

import (
	"testing"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
)

func TestUnsubscribedLines(t *testing.T) {
	at := time.Date(2027, 7, 2, 9, 0, 0, 0, domain.Stockholm())
	im := domain.Implementation{Participants: []domain.ImplParticipant{{Code: "0180", Name: "Stockholm"}, {Code: "1480", Name: "Göteborg"}},
		Unsubscribed: []domain.Unsubscription{{Municipality: "0180", By: "avsluta-lank", At: at},
			{Municipality: "1480", Email: "en@goteborg.example", By: "programkontoret.anna", At: at}}}
	c := &CLI{Lang: i18n.Swedish}
	assert.Equal(t, []string{"0180 Stockholm: alla kontakter, 2027-07-02 (av avsluta-lank)",
		"1480 Göteborg: bara en@goteborg.example, 2027-07-02 (av programkontoret.anna)"}, c.unsubscribedLines(im))
	assert.Empty(t, c.unsubscribedLines(domain.Implementation{}))
}
