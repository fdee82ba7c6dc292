package i18n

import (
	"testing"

	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
)

func TestOfferCodesAreInTheCatalogue(t *testing.T) {
	for _, c := range []domain.ErrorCode{domain.CodeUnknownMunicipality, domain.CodeDeadlinePassed} {
		assert.True(t, Has(Swedish, "error."+string(c)), c)
		assert.True(t, Has(English, "error."+string(c)), c)
	}
	assert.Equal(t, "Ja", T(Swedish, "offer.answer."+string(domain.AnswerYes)))
}
