package i18n

// The annual cycle's texts, kept apart from the initiative's so each part of the process has
// its own small catalogue file; init merges them into the catalogue.
var cycleSwedish = map[string]string{
	"phase.priorities":              "Februarirundan: medlemmarna lämnar prioriteringslistor",
	"phase.quick_analysis_decision": "Väntar på digitaliseringsledningens beslut om snabbanalyser",
	"phase.quick_analysis":          "Snabbanalyser (april)",
	"phase.valuation":               "Värdering (maj): programrådet värderar snabbanalyserna",
	"phase.final_prioritisation":    "Slutlig prioritering (juni): väntar på beslut om kvalificering",
	"phase.qualification":           "Kvalificering (september-januari)",
	"phase.offer_decision":          "Väntar på beslut om erbjudanden",
	"phase.done":                    "Avslutad",

	"mail.round_open.subject": "Februarirundan {year} har öppnat: lämna er prioriteringslista",
	"mail.round_open.body": "Hej {member}!\n\nFebruarirundan {year} har öppnat. {count} initiativ finns i backlog.\n" +
		"Lämna en lista med era 5-10 mest angelägna initiativ, det mest angelägna först, senast {deadline}.\n" +
		"Ni kan byta ut listan fram till dess. Programkontoret kan lägga in listan åt er.\n",
	"mail.reminder.subject": "Påminnelse: er prioriteringslista för {year} saknas",
	"mail.reminder.body": "Hej {member}!\n\nVi har ännu inte fått er prioriteringslista för februarirundan {year}.\n" +
		"Sista dag är {deadline}. Efter det tas inga listor emot.\n",
	"mail.no_address.subject": "Medlemmar utan e-postadress ({year})",
	"mail.no_address.body": "Meddelandet \"{kind}\" kunde inte skickas till dessa medlemmar eftersom ingen e-postadress finns:\n{members}\n\n" +
		"Kontakta dem på annat sätt och lägg in adresserna i medlemsregistret.\n",
	"mail.lists_closed.subject": "Februarirundan {year} är stängd: sammanvägningen är klar",
	"mail.lists_closed.body": "Februarirundan {year} är stängd. {lists} listor kom in, {missing} saknas.\n" +
		"Sammanvägningen visas med 'handslag cycle ranking --year {year}'.\n" +
		"Digitaliseringsledningen beslutar om snabbanalyser med 'handslag cycle decide --year {year} --gate quick_analysis'.\n",
	"mail.cycle_escalation.subject": "Eskalering: årscykeln {year} väntar på beslut",
	"mail.cycle_escalation.body": "Årscykeln {year} väntar fortfarande på digitaliseringsledningens beslut.\n" +
		"Fas: {phase}.\nSista dag var {deadline}.\n\nDetta meddelande skickas en gång per fas.\n",
}

func init() {
	for k, v := range cycleSwedish {
		swedish[k] = v
	}
}
