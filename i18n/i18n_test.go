package i18n

import (
	"testing"

	"github.com/skr/handslag/domain"
	"github.com/stretchr/testify/assert"
)

func TestEveryKeyHasBothLanguages(t *testing.T) {
	assert.Equal(t, Keys(Swedish), Keys(English))
}

func TestEveryDomainNameIsInTheCatalogue(t *testing.T) {
	for _, s := range domain.Stages {
		assert.True(t, Has(Swedish, "stage."+string(s)), s)
	}
	for _, s := range domain.AllSeasons {
		assert.True(t, Has(Swedish, "season."+string(s)), s)
	}
	codes := []domain.ErrorCode{domain.CodeMissingField, domain.CodeInvalidValue, domain.CodeUnknownRole,
		domain.CodeForbiddenRole, domain.CodeWrongStage, domain.CodeRequirementsUnmet, domain.CodeClosed, domain.CodeInvalidCalendar}
	for _, c := range codes {
		assert.True(t, Has(Swedish, "error."+string(c)), c)
	}
	for _, w := range []string{domain.WaitDecisionQuickAnalysis, domain.WaitDecisionQualification, domain.WaitDecisionOffer,
		domain.WaitQuickAnalysis, domain.WaitValuation, domain.WaitQualificationPlan} {
		assert.True(t, Has(Swedish, "waiting."+w), w)
	}
}

func TestPlaceholdersAndFallback(t *testing.T) {
	assert.Equal(t, "Fältet title saknas. Fyll i det och försök igen.", T(Swedish, "error.missing_field", "field", "title"))
	assert.Equal(t, "no.such.key", T(English, "no.such.key"))
}
