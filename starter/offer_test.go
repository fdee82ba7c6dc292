package starter

import (
	"bytes"
	"testing"
	"time"

	"github.com/skr/handslag/contract"
	"github.com/skr/handslag/domain"
	"github.com/skr/handslag/i18n"
	"github.com/stretchr/testify/assert"
)

func TestOfferBadInputIsExplainedBeforeAnythingIsSent(t *testing.T) {
	noServer := "127.0.0.1:1"
	answer := func(extra ...string) []string {
		return append([]string{"offer", "answer", "bygglov", "--by", "anna", "--address", noServer}, extra...)
	}
	forget := func(extra ...string) []string {
		return append([]string{"offer", "forget", "bygglov", "--by", "anna", "--reason", "Begäran 17", "--address", noServer}, extra...)
	}
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no subcommand: the help", []string{"offer"}, ExitOK, "answer       registrera en kommuns svar"},
		{"unknown subcommand", []string{"offer", "delete", "x"}, ExitUsage, "okänt kommando: offer delete (se 'handslag offer help')"},
		{"no id", []string{"offer", "status"}, ExitUsage, "ange initiativets id"},
		{"neither yes nor no", answer("--municipality", "0180", "--name", "Kim", "--role", "KD"), ExitUsage, "--yes eller --no"},
		{"both yes and no", answer("--yes", "--no", "--municipality", "0180", "--name", "Kim", "--role", "KD"), ExitUsage, "--yes eller --no"},
		{"no municipality", answer("--yes", "--name", "Kim", "--role", "KD"), ExitRejected, "Ange --municipality; det saknas."},
		{"no name", answer("--yes", "--municipality", "0180", "--role", "KD"), ExitRejected, "Ange --name; det saknas."},
		{"no person's role", answer("--yes", "--municipality", "0180", "--name", "Kim"), ExitRejected, "Ange --role; det saknas."},
		{"no sender", []string{"offer", "answer", "bygglov", "--by", "", "--yes", "--municipality", "0180", "--name", "Kim", "--role", "KD", "--address", noServer}, ExitRejected, "Ange --by (vem du är; eller sätt HANDSLAG_USER); det saknas."},
		{"valid answer reaches for the server", answer("--yes", "--municipality", "0180", "--name", "Kim", "--role", "KD"), ExitRejected, "svarar inte"},
		{"export needs the server", []string{"offer", "export", "bygglov", "--address", noServer}, ExitRejected, "svarar inte"},
		{"forget: neither a name nor a municipality", forget(), ExitUsage, "ange antingen --name"},
		{"forget: both a name and a municipality", forget("--name", "Bo Berg", "--municipality", "0114"), ExitUsage, "ange antingen --name"},
		{"forget: versions that are not numbers", forget("--municipality", "0114", "--versions", "ett"), ExitUsage, "--versions ska vara svarsversioner"},
		{"forget: no versions", forget("--municipality", "0114"), ExitUsage, "--versions ska vara svarsversioner"},
		{"forget reaches for the server", forget("--municipality", "0114", "--versions", "1,2"), ExitRejected, "svarar inte"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out := run(t, tc.args...)
			assert.Equal(t, tc.code, code, out)
			assert.Contains(t, out, tc.want)
		})
	}
}

func TestPrintOfferStatus(t *testing.T) {
	loc := domain.Stockholm()
	st := contract.OfferStatus{
		Content: domain.OfferContent{InitiativeID: "bygglov", Title: "Bygglov"},
		Seminar: time.Date(2027, 2, 24, 13, 0, 0, 0, loc), Deadline: time.Date(2027, 4, 11, 17, 0, 0, 0, loc),
		LateUntil: time.Date(2027, 7, 10, 17, 0, 0, 0, loc), Rule: domain.DefaultDecisionRule(),
		Tally:           domain.Tally{Municipalities: 290, Yes: 150, No: 40, NotAnswered: 100, LateYes: 1, YesSharePopulation: 0.6123, YesShareMunicipalities: 150.0 / 290},
		Decision:        &domain.OfferDecision{Go: false, Tally: domain.Tally{YesSharePopulation: 0.58}},
		Lifted:          &domain.OfferDecision{Go: true, Tally: domain.Tally{YesSharePopulation: 0.6123}, At: time.Date(2027, 5, 1, 11, 0, 0, 0, loc)},
		Delivery:        &domain.Delivery{Sent: 288},
		MissingContacts: []domain.OfferMunicipality{{Code: "2584", Name: "Kiruna"}},
		Reminders: []domain.ReminderRecord{{DaysBefore: 14, Sent: true, Recipients: 120, At: time.Date(2027, 3, 28, 17, 0, 0, 0, loc)},
			{DaysBefore: 7, At: time.Date(2027, 4, 4, 17, 0, 0, 0, loc), Skipped: domain.SkipSuperseded},
			{DaysBefore: 3, Sent: true, Late: true, Recipients: 90, At: time.Date(2027, 4, 8, 17, 0, 0, 0, loc)}},
	}
	var out bytes.Buffer
	c := &CLI{Out: &out, Err: &out, Lang: i18n.Swedish}
	c.printOfferStatus(&out, st)
	for _, want := range []string{
		"Lanseringsseminarium", "2027-02-24 13:00", "Sista svarsdag", "2027-04-11 17:00",
		"minst 60 % av befolkningen", "150 ja, 40 nej, 100 har inte svarat av 290 (1 sena ja)",
		"61,2 % av befolkningen", "Inget genomförande (för få ja) vid sista svarsdag (58,0 %)",
		"Lyft över regeln av sena anslutningar 2027-05-01 11:00", "288 skickade",
		"Saknar kontaktadress (1)", "2584 Kiruna",
	} {
		assert.Contains(t, out.String(), want)
	}
	for _, want := range []string{
		`Påminnelse 14 dagar före +2027-03-28 17:00: skickad till 120 kommuner\n`,
		`Påminnelse 7 dagar före +2027-04-04 17:00: skickades inte: en senare påminnelse gick ut samtidigt`,
		`Påminnelse 3 dagar före +2027-04-08 17:00: skickad till 90 kommuner, sent:`,
	} {
		assert.Regexp(t, want, out.String())
	}
	assert.NotContains(t, out.String(), "{", "every placeholder is filled")
}
