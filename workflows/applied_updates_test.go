package workflows

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppliedUpdatesRememberTheLatestWithinTheirBound(t *testing.T) {
	var a appliedUpdates[int]
	_, ok := a.find("u1")
	assert.False(t, ok)
	a = a.add("", 7)
	assert.Empty(t, a, "an update without an ID (a test environment) is not remembered")
	for i := 0; i < maxAppliedUpdates+5; i++ {
		a = a.add(fmt.Sprintf("u%d", i), i)
	}
	assert.Len(t, a, maxAppliedUpdates)
	_, ok = a.find("u4")
	assert.False(t, ok, "the oldest are forgotten")
	r, ok := a.find("u5")
	assert.True(t, ok)
	assert.Equal(t, 5, r)
	r, ok = a.find(fmt.Sprintf("u%d", maxAppliedUpdates+4))
	assert.True(t, ok)
	assert.Equal(t, maxAppliedUpdates+4, r)
}
