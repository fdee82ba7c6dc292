package worker

import (
	"fmt"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/refdata"
)

// municipalities adapts the SCB register to the offer round's list of recipients.
type municipalities struct{ reg *refdata.Register }

func (m municipalities) OfferMunicipalities() []domain.OfferMunicipality {
	out := make([]domain.OfferMunicipality, len(m.reg.Municipalities))
	for i, x := range m.reg.Municipalities {
		out[i] = domain.OfferMunicipality{Code: x.Code, Name: x.Name, CountyCode: x.CountyCode, Population: x.Population}
	}
	return out
}

// offerDependencies builds what offer rounds need: the municipality register (a directory with
// newer SCB files, else the embedded copy) and the link signer.
func offerDependencies(cfg config.Worker) (municipalities, *answerlink.Signer, error) {
	reg := refdata.Default()
	if cfg.RefdataDir != "" {
		r, err := refdata.LoadDir(cfg.RefdataDir)
		if err != nil {
			return municipalities{}, nil, fmt.Errorf("%s: %w", config.EnvRefdata, err)
		}
		reg = r
	}
	signer, err := answerlink.NewRingSigner(cfg.LinkKeys)
	if err != nil {
		return municipalities{}, nil, fmt.Errorf("%s: %w", config.EnvLinkSecret, err)
	}
	return municipalities{reg}, signer, nil
}
