package config

import (
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/refdata"
)

// DefaultCycleConfig is the default calendar with the council's 21 county members taken from
// the reference register, and the three other networks with their default weights.
func DefaultCycleConfig() domain.CycleConfig {
	var counties []domain.RegionRef
	for _, c := range refdata.Default().Counties {
		counties = append(counties, domain.RegionRef{Code: c.Code, Name: c.Name})
	}
	return domain.DefaultCycleConfig(counties)
}
