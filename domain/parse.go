package domain

import (
	"strconv"
	"strings"
	"time"
)

// Values people type (in the CLI's flags and the console's forms) are read here, once, into
// their canonical form, so that every client reads them by the same rules.

// ParseNumber reads a decimal number written with a comma or a point ("12,5", "12.5").
func ParseNumber(field, s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err != nil {
		return 0, invalid(field, s).hint("format_number")
	}
	return v, nil
}

// ParseInt reads a whole number, for example a score.
func ParseInt(field, s string) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, invalid(field, s).hint("format_integer")
	}
	return v, nil
}

// ParseYesNo reads ja/nej (or yes/no); empty stays unset (nil), so that the command says
// which answer is missing.
func ParseYesNo(field, s string) (*bool, error) {
	var b bool
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return nil, nil
	case "ja", "yes", "j", "y", "true":
		b = true
	case "nej", "no", "n", "false":
		b = false
	default:
		return nil, invalid(field, s).hint("choose_yes_no")
	}
	return &b, nil
}

// SplitList reads a list written with commas (or, from a text area, one item per line); empty
// items are dropped.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' || r == '\r' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// SplitLines reads one item per line; empty lines are dropped.
func SplitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// ParseFinalFigure reads a final figure written goal,value,unit[,YYYY-MM-DD], for example
// "effektmal,52,procent".
func ParseFinalFigure(field, s string) (FinalFigure, error) {
	p := strings.Split(s, ",")
	if len(p) < 3 || len(p) > 4 {
		return FinalFigure{}, invalid(field, s).hint("format_final")
	}
	v, err := ParseNumber(field, p[1])
	if err != nil {
		return FinalFigure{}, err
	}
	f := FinalFigure{Goal: strings.TrimSpace(p[0]), Value: v, Unit: strings.TrimSpace(p[2])}
	if len(p) == 4 {
		f.Date = strings.TrimSpace(p[3])
	}
	return f, nil
}

// ParseDemoStart reads the calendar day a demo begins on (YYYY-MM-DD); the demo starts at
// 09:00 that day, Stockholm time.
func ParseDemoStart(field, s string) (time.Time, error) {
	d, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), Stockholm())
	if err != nil {
		return time.Time{}, invalid(field, s).hint("format_date")
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, Stockholm()), nil
}
