package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every hint the domain gives a refusal is explained in both languages.
func TestEveryDomainHintIsInTheCatalogue(t *testing.T) {
	files, err := filepath.Glob("../domain/*.go")
	require.NoError(t, err)
	use := regexp.MustCompile(`\.hint\("([a-z_]+)"|Hint: "([a-z_]+)"`)
	found := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range use.FindAllStringSubmatch(string(data), -1) {
			key := "hint." + m[1] + m[2]
			found++
			assert.True(t, Has(Swedish, key), "%s: %s has no Swedish text", f, key)
			assert.True(t, Has(English, key), "%s: %s has no English text", f, key)
		}
	}
	assert.Greater(t, found, 40)
}
