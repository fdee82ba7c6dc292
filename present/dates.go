package present

import (
	"strconv"
	"time"

	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
)

// Day writes the date of an instant as people read it, in Europe/Stockholm: "15 mars 2027".
func Day(lang i18n.Lang, at time.Time) string {
	at = at.In(domain.Stockholm())
	return i18n.T(lang, "cases.date", "day", at.Day(), "month", i18n.T(lang, "web.month."+strconv.Itoa(int(at.Month()))), "year", at.Year())
}

// DateTime writes an instant as people read it, in Europe/Stockholm: "15 mars 2027 kl. 17.00"
// (Swedish time notation uses a dot).
func DateTime(lang i18n.Lang, at time.Time) string {
	at = at.In(domain.Stockholm())
	clock := at.Format("15.04")
	if lang == i18n.English {
		clock = at.Format("15:04")
	}
	return i18n.T(lang, "web.datetime", "day", at.Day(), "month", i18n.T(lang, "web.month."+strconv.Itoa(int(at.Month()))),
		"year", at.Year(), "time", clock)
}

// DayRange writes two dates as a range: "1 april 2029 – 31 december 2031".
func DayRange(lang i18n.Lang, from, to time.Time) string {
	return Day(lang, from) + " – " + Day(lang, to)
}

// Period writes a qualification's implementation period as people read it ("1 januari 2027 –
// 31 december 2029"); an empty one says what applies instead, and a period written as free text
// before it was validated is shown as it was written.
func Period(lang i18n.Lang, period string) string {
	if period == "" {
		return i18n.T(lang, "period.default")
	}
	from, to, ok := domain.ParsePeriod(period)
	if !ok {
		return period
	}
	return DayRange(lang, from, to)
}
