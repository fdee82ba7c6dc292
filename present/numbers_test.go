package present

import (
	"testing"

	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
)

func TestPercent(t *testing.T) {
	assert.Equal(t, "58,3 %", Percent(i18n.Swedish, 0.5834))
	assert.Equal(t, "58.3 %", Percent(i18n.English, 0.5834))
	assert.Equal(t, "100,0 %", Percent(i18n.Swedish, 1))
}
