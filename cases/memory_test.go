package cases_test

import (
	"testing"

	"github.com/skr/handslag/cases"
	"github.com/skr/handslag/cases/casestest"
)

func TestMemoryPassesTheSuite(t *testing.T) {
	casestest.Run(t, func(*testing.T) cases.Store { return cases.NewMemory() })
}
