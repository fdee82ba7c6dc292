package domain

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// AnswersCSVHeader names the columns of the answer export.
var AnswersCSVHeader = []string{
	"municipality_code", "municipality_name", "county_code", "population", "version", "latest",
	"answer", "name", "role", "comment", "source", "entered_by", "submission_id", "at", "late",
}

// WriteAnswersCSV writes every version of every answer, by municipality code and version,
// and one row with an empty answer for each municipality that has not answered, so the
// export always lists all municipalities. Times are local (Europe/Stockholm) on the round's
// calendar.
func WriteAnswersCSV(w io.Writer, r *OfferRound) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(AnswersCSVHeader); err != nil {
		return err
	}
	byCode := map[string][]AnswerVersion{}
	for _, v := range r.Answers {
		byCode[v.Municipality] = append(byCode[v.Municipality], v)
	}
	for _, m := range r.Municipalities {
		base := []string{m.Code, m.Name, m.CountyCode, fmt.Sprint(m.Population)}
		vs := byCode[m.Code]
		if len(vs) == 0 {
			if err := cw.Write(append(base, "0", "true", "", "", "", "", "", "", "", "", "")); err != nil {
				return err
			}
		}
		for i, v := range vs {
			row := append(append([]string(nil), base...), fmt.Sprint(v.Version), fmt.Sprint(i == len(vs)-1),
				string(v.Answer), cell(v.Name), cell(v.Role), cell(v.Comment), string(v.Source), cell(v.EnteredBy),
				cell(v.SubmissionID), v.At.In(Stockholm()).Format("2006-01-02T15:04:05-07:00"), fmt.Sprint(v.Late))
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell neutralises text a spreadsheet would run as a formula (free text comes from a web
// form).
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
