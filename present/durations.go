package present

import (
	"strings"
	"time"

	"github.com/skr/handslag/i18n"
)

// Duration writes a length of time in the largest whole units people use for it: "12 timmar",
// "1 timme och 30 minuter", "30 minuter", "2 dagar". Seconds are left out.
func Duration(lang i18n.Lang, d time.Duration) string {
	days, hours, minutes := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour), int(d%time.Hour/time.Minute)
	var parts []string
	for _, u := range []struct {
		n    int
		unit string
	}{{days, "day"}, {hours, "hour"}, {minutes, "minute"}} {
		if u.n == 0 {
			continue
		}
		form := "other"
		if u.n == 1 {
			form = "one"
		}
		parts = append(parts, i18n.T(lang, "present.duration."+u.unit+"."+form, "n", u.n))
	}
	switch len(parts) {
	case 0:
		return i18n.T(lang, "present.duration.minute.other", "n", 0)
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + i18n.T(lang, "present.duration.and") + parts[len(parts)-1]
}
