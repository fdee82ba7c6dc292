package i18n

// The annual cycle's texts, kept apart from the initiative's so each part of the process has
// its own small catalogue file; init merges them into the catalogue.
var cycleSwedish = map[string]string{
	"phase.starting":                "Startar: tar in initiativen i backlog",
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
		"Ni kan byta ut listan fram till dess. Programkontoret kan lägga in listan åt er.\n\n" +
		"Lämna listan här (logga in med ert konto):\n{link}\n",
	"mail.list_reminder.subject": "Påminnelse: er prioriteringslista för {year} saknas",
	"mail.list_reminder.body": "Hej {member}!\n\nVi har ännu inte fått er prioriteringslista för februarirundan {year}.\n" +
		"Sista dag är {deadline}. Efter det tas inga listor emot.\n\nLämna listan här:\n{link}\n",
	"mail.valuation_open.subject": "Värderingen {year} har öppnat: värdera snabbanalyserna",
	"mail.valuation_open.body": "Hej {member}!\n\nMajvärderingen {year} har öppnat. {count} snabbanalyser väntar på er värdering.\n" +
		"Ge varje snabbanalys ett betyg och en kommentar senast {deadline}. Ni kan ändra värderingen fram till dess. " +
		"Programkontoret kan lägga in värderingen åt er.\n\nVärdera här (logga in med ert konto):\n{link}\n",
	"mail.valuation_reminder.subject": "Påminnelse: er värdering för {year} är inte klar",
	"mail.valuation_reminder.body": "Hej {member}!\n\nVi har ännu inte fått er värdering av alla snabbanalyser i majvärderingen {year}.\n" +
		"Sista dag är {deadline}.\n\nVärdera här:\n{link}\n",
	"mail.no_address.subject": "Medlemmar utan e-postadress ({year})",
	"mail.no_address.body": "Meddelandet \"{kind}\" kunde inte skickas till dessa medlemmar eftersom ingen e-postadress finns:\n{members}\n\n" +
		"Kontakta dem på annat sätt och lägg in adresserna i medlemsregistret:\n{link}\n",
	"mail.lists_closed.subject": "Februarirundan {year} är stängd: sammanvägningen är klar",
	"mail.lists_closed.body": "Februarirundan {year} är stängd. {lists} listor kom in, {missing} saknas.\n" +
		"Sammanvägningen finns i konsolen:\n{link}\n\n" +
		"Digitaliseringsledningen beslutar om snabbanalyser här:\n{decision}\n",
	"mail.cycle_escalation.subject": "Eskalering: årscykeln {year} väntar på beslut",
	"mail.cycle_escalation.body": "Årscykeln {year} väntar fortfarande på digitaliseringsledningens beslut.\n" +
		"Fas: {phase}.\nSista dag var {deadline}.\n\nÅrscykeln och beslutet i konsolen:\n{link}\n\nDetta meddelande skickas en gång per fas.\n",
}

func init() { merge(swedish, cycleSwedish) }

var cycleSwedishCLI = map[string]string{
	"cli.cycle.choose_or_none":  "ange vilka initiativ som går vidare med --chosen, eller --none om inget gör det (då väntar alla i omgången till nästa februari och årscykeln avslutas)",
	"cli.cycle.chosen_and_none": "ange antingen --chosen eller --none, inte båda",
	"cli.cycle.ended":           "Årscykeln {year} är därmed avslutad.",
	"error.cycle_closed":        "Årscykeln {year} är avslutad och tar inte emot fler beslut eller listor. 'handslag cycle status --year {year}' visar hur den slutade.",
	"error.cycle_not_found":     "Det finns ingen årscykel {year}. Starta den med 'handslag cycle start --year {year}' eller 'handslag cycle trigger'.",
	"error.no_schedule":         "Schemat för årscykeln finns inte. Skapa det med 'handslag cycle schedule'.",

	"cli.cycle.schedule_created": "Schemat för årscykeln är skapat: varje år {at} (Europe/Stockholm), ikappkörning inom {catchup}, överlappande körningar hoppas över.",
	"cli.cycle.schedule_updated": "Schemat för årscykeln är uppdaterat: varje år {at} (Europe/Stockholm), ikappkörning inom {catchup}, överlappande körningar hoppas över.",
	"cli.cycle.next":             "  nästa start: {at}",
	"cli.cycle.triggered":        "Schemat har körts nu. Årscykeln startar inom några sekunder; se 'handslag cycle status --year ÅR'.",
	"cli.cycle.started":          "Årscykeln {year} har startat.",
	"cli.cycle.exists":           "Årscykeln {year} finns redan; ingen ny startades.",
	"cli.cycle.status":           "Årscykeln {year}: {phase}\n  kalender: {calendar}\n  initiativ: {participants}, listor: {lists} (saknas: {missing})",
	"cli.cycle.list_saved":       "Listan från {member} är sparad ({count} initiativ). Den kan bytas ut fram till {deadline}.",
	"cli.cycle.valuation_saved":  "Värderingen från {member} av {initiative} är sparad.",
	"cli.cycle.declined":         "{count} avslogs och är avslutade.",
	"cli.cycle.decided":          "Beslutet ({gate}) är fattat: {chosen} går vidare, {deferred} väntar till nästa februari.",
	"cli.cycle.result_error":     "  {initiative}: kunde inte föras vidare: {detail}",
	"cli.cycle.sent":             "Signalen är skickad (inget svar väntas; se 'handslag cycle status').",
	"cli.cycle.ranking_header":   "Sammanvägd rangordning, årscykeln {year} ({lists} listor):",
	"cycle.deciding_now":         "ett annat beslut förs just nu vidare",
	"cycle.not_passed_on":        "kunde inte föras vidare: {error}",
	"cycle.reason.joined":        "med i årscykeln {year}",
	"cycle.reason.not_chosen":    "inte vald i årscykeln {year}: {reason}",
	"schedule.comment":           "Årscykeln för Handslags beredningsprocess",
	"schedule.created_locally":   "Skapat av den lokala miljön",
}

func init() { merge(swedish, cycleSwedishCLI) }
