package worker

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/skr/handslag/answerlink"
	"github.com/skr/handslag/config"
	"github.com/skr/handslag/contacts"
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

// offerDependencies builds what offer rounds need: the municipality register (HANDSLAG_REFDATA:
// a directory with newer SCB files, else the embedded copy), the contact register
// (HANDSLAG_CONTACTS: a CSV file, else demo addresses at a reserved domain, so the local system
// needs no real data), and the link signer (HANDSLAG_LINK_SECRET, else a key kept in the data
// directory).
func offerDependencies(cfg config.Worker) (municipalities, *contacts.Book, *answerlink.Signer, error) {
	reg := refdata.Default()
	if dir := os.Getenv("HANDSLAG_REFDATA"); dir != "" {
		r, err := refdata.LoadDir(dir)
		if err != nil {
			return municipalities{}, nil, nil, fmt.Errorf("HANDSLAG_REFDATA: %w", err)
		}
		reg = r
	}
	book := contacts.Demo(reg)
	if path := os.Getenv("HANDSLAG_CONTACTS"); path != "" {
		b, err := contacts.LoadFile(path, reg)
		if err != nil {
			return municipalities{}, nil, nil, fmt.Errorf("HANDSLAG_CONTACTS: %w", err)
		}
		book = b
	}
	key, err := answerlink.LoadKey(answerlink.EnvSecret, filepath.Join(filepath.Dir(cfg.OutboxDir), answerlink.KeyFile))
	if err != nil {
		return municipalities{}, nil, nil, err
	}
	signer, err := answerlink.NewSigner(key)
	if err != nil {
		return municipalities{}, nil, nil, err
	}
	return municipalities{reg}, book, signer, nil
}
