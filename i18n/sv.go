package i18n

var swedish = map[string]string{
	// Stages.
	"stage.backlog":                   "Behov beskrivet, i backlog",
	"stage.triaged":                   "Ägare bedömd, väntar på relevansbedömning",
	"stage.awaiting_february":         "Väntar på februarigenomgången",
	"stage.february_review":           "Februarigenomgång: väntar på beslut om snabbanalys",
	"stage.chosen_for_quick_analysis": "Vald för snabbanalys, väntar på april",
	"stage.quick_analysis":            "Snabbanalys (april)",
	"stage.valuation":                 "Värdering (maj)",
	"stage.final_prioritisation":      "Slutlig prioritering (juni): väntar på beslut om kvalificering",
	"stage.chosen_for_qualification":  "Vald för kvalificering, väntar på september",
	"stage.qualification":             "Kvalificering (september-januari)",
	"stage.offer_decision":            "Väntar på beslut om erbjudande",
	"stage.offered":                   "Beslutad som erbjudande till kommunerna",
	"stage.declined":                  "Avslutad: avslagen",
	"stage.withdrawn":                 "Avslutad: återkallad",

	// Seasons.
	"season.february_review":      "februarigenomgången",
	"season.quick_analysis":       "snabbanalysen",
	"season.valuation":            "värderingen",
	"season.final_prioritisation": "slutliga prioriteringen",
	"season.qualification":        "kvalificeringen",
	"season.offer_decision":       "beslutet om erbjudande",

	// What an escalated stage waits for.
	"waiting.decision:quick_analysis": "digitaliseringsledningens beslut om snabbanalys",
	"waiting.decision:qualification":  "digitaliseringsledningens beslut om kvalificering",
	"waiting.decision:offer":          "digitaliseringsledningens beslut om erbjudande",
	"waiting.quick_analysis":          "snabbanalysen",
	"waiting.valuation":               "värderingen",
	"waiting.qualification_plan":      "kvalificeringsplanen och alla ska-krav",

	// Errors: {field} and {detail} come from the rejected input.
	"error.missing_field":      "Fältet {field} saknas. Fyll i det och försök igen.",
	"error.invalid_value":      "Fältet {field} har ett ogiltigt värde: {detail}.",
	"error.unknown_role":       "Rollen {detail} finns inte. Använd office (programkontoret), leadership (digitaliseringsledningen), council (programrådet) eller municipality (kommun via svarslänk).",
	"error.forbidden_role":     "Rollen får inte göra detta ({detail}).",
	"error.wrong_stage":        "Initiativet är i fel steg för detta (nu och tillåtna: {detail}). Kontrollera status med 'status'.",
	"error.requirements_unmet": "Alla ska-krav är inte uppfyllda: {detail}. Registrera dem med 'requirement' först.",
	"error.closed":             "Initiativet är avslutat ({detail}) och tar inte emot fler meddelanden.",
	"error.invalid_calendar":   "Kalenderinställningen {field} är fel: {detail}.",
	"error.already_started":    "Initiativet {id} är redan registrerat. Använd 'status {id}' eller välj ett annat --id.",
	"error.not_found":          "Det finns inget initiativ med id {id}. Se 'list'.",
	"error.unreachable":        "Temporal-servern på {address} svarar inte ({detail}). Starta den lokala miljön med 'go run ./cmd/handslag-local' eller ange --address.",
	"error.template":           "Mallfilen {file} kunde inte läsas: {detail}",
	"error.usage":              "{detail}\nSkriv 'handslag help' för hjälp.",
	"error.timeout":            "Inget svar inom {seconds} sekunder. Körs workern? Den lokala miljön (go run ./cmd/handslag-local) startar en.",
	"error.other":              "Något gick fel: {detail}",

	// CLI.
	"cli.registered":    "Registrerat: {id} ({title}). Steg: {stage}. Första februarigenomgång: {year}.",
	"cli.accepted":      "Mottaget: {id} är nu i steget {stage}.",
	"cli.signalled":     "Skickat som signal till {id} (ingen bekräftelse väntas).",
	"cli.none":          "Inga initiativ matchar.",
	"cli.demo":          "DEMOKALENDER: en dag varar {day}.",
	"cli.escalated":     "ESKALERAD: {what} kom inte före {deadline}.",
	"cli.next":          "Nästa händelse: {what} {at}.",
	"cli.next_opens":    "{season} öppnar",
	"cli.next_deadline": "sista dag för {season}",
	"cli.waiting":       "Väntar på: meddelande (ingen tidpunkt).",

	// Notifications.
	"mail.escalation.subject": "Eskalering: {title} väntar på {what}",
	"mail.escalation.body":    "Initiativet \"{title}\" ({id}) väntar fortfarande på {what}.\nSista dag var {deadline}.\nSteg: {stage}.\n\nDetta meddelande skickas en gång per steg och år.",

	// Status and list.
	"status.initiative":      "Initiativ",
	"status.stage":           "Steg",
	"status.cycle":           "Februarigenomgång (cykelår)",
	"status.calendar":        "Kalender",
	"status.owner":           "Ägare",
	"status.assisting":       "bistår:",
	"status.relevance":       "Relevans",
	"status.criterion":       "Kriterium",
	"status.requirements":    "Ska-krav uppfyllda",
	"status.missing":         "saknas",
	"status.quick_analysis":  "Snabbanalys",
	"status.valuation":       "Värdering",
	"status.qualification":   "Kvalificering",
	"status.decision":        "Beslut",
	"status.earlier_round":   "Tidigare år",
	"status.outcome":         "Utfall",
	"status.rejected_signal": "Avvisad signal",
	"status.timeline":        "Tidslinje",
	"list.header":            "ID\tSTEG\tÄGARE\tÅR\tESK.\tTITEL",
}
