package web

import (
	"strconv"
	"testing"

	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
)

// The web builds some catalogue keys from parts; every key it can build must exist in both
// languages, or a reader would see the bare key.
func TestEveryBuiltKeyIsInTheCatalogue(t *testing.T) {
	keys := []string{"web.choice." + string(Yes), "web.choice." + string(No)}
	for m := 1; m <= 12; m++ {
		keys = append(keys, "web.month."+strconv.Itoa(m))
	}
	for _, p := range []string{"web.refused", "web.unknown", "web.notfound", "web.unavailable", "web.foreign"} {
		keys = append(keys, p+".title", p+".body")
	}
	keys = append(keys, "web.refused.help", "web.notfound.help", "web.unavailable.help") // pages shown with help
	// Every problem validate can find has its own text.
	for _, f := range []answerForm{{}, {Choice: "x", Name: repeat("n", 201), Role: repeat("r", 201), Comment: repeat("c", 2001)}} {
		for _, fe := range f.validate() {
			keys = append(keys, "web.error."+fe.Field+"."+fe.Problem)
		}
	}
	for _, f := range fieldOrder[1:] {
		keys = append(keys, "web.form."+f) // labels, used for problems without their own text
	}
	for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
		for _, k := range keys {
			assert.True(t, i18n.Has(lang, k), "%s: %s", lang, k)
		}
	}
}
