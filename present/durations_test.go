package present

import (
	"testing"
	"time"

	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
)

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		12 * time.Hour:               "12 timmar",
		time.Hour + 30*time.Minute:   "1 timme och 30 minuter",
		30 * time.Minute:             "30 minuter",
		time.Minute:                  "1 minut",
		49 * time.Hour:               "2 dagar och 1 timme",
		26*time.Hour + 5*time.Minute: "1 dag, 2 timmar och 5 minuter",
		20 * time.Second:             "0 minuter",
	} {
		assert.Equal(t, want, Duration(i18n.Swedish, d), d.String())
	}
	assert.Equal(t, "1 hour and 30 minutes", Duration(i18n.English, 90*time.Minute))
}
