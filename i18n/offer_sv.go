package i18n

// The offer round's texts, kept apart from the core catalogue so that the parts of the
// system can grow their catalogues side by side. init merges them in.
var offerSwedish = map[string]string{
	"stage.offer_round":       "Erbjudandet är ute hos kommunerna: svar samlas in",
	"stage.offer_not_reached": "För få ja vid sista svarsdag: sena anslutningar kan ändra utfallet",
	"stage.implementation":    "Genomförande: tillräckligt många kommuner har svarat ja",
	"stage.not_implemented":   "Avslutad: för få kommuner svarade ja",

	"error.unknown_municipality": "Kommunkoden {detail} finns inte bland mottagarna av erbjudandet. Ange en fyrsiffrig kommunkod, till exempel 0180.",
	"error.no_offer_round":       "Initiativet {id} har ingen erbjudandeomgång. Den startar när digitaliseringsledningen har beslutat om erbjudande; se 'status {id}'.",
	"error.deadline_passed":      "Sista svarsdag ({detail}) har passerat. Nu går det bara att anmäla sig sent med ett ja.",

	"offer.answer.yes":                              "Ja",
	"offer.answer.no":                               "Nej",
	"offer.source.link":                             "via svarslänken",
	"offer.source.office":                           "registrerat av programkontoret",
	"offer.go":                                      "Genomförande (tillräckligt många ja)",
	"offer.no_go":                                   "Inget genomförande (för få ja)",
	"offer.phase.deadline":                          "vid sista svarsdag",
	"offer.phase.lifted":                            "efter sena anslutningar",
	"offer.phase.final":                             "när perioden för sena anslutningar är slut",
	"offer.mail_kind.offer":                         "erbjudandet",
	"offer.mail_kind.reminder":                      "påminnelsen",
	"offer.wake.reminder":                           "påminnelse {days} dagar före sista svarsdag",
	"offer.wake.deadline":                           "sista svarsdag för erbjudandet",
	"offer.wake.late_end":                           "perioden för sena anslutningar slutar",
	"offer.wake.receipts":                           "kvitton på de senaste svaren",
	"offer.wake.answerers_forgotten":                "namn, roller och kommentarer i svaren gallras",
	"status.offer_round":                            "sista svarsdag {deadline}; se 'handslag offer status {id}'",
	"offer.late":                                    "sen anslutning",
	"offer.status.title":                            "Erbjudande",
	"offer.status.seminar":                          "Lanseringsseminarium",
	"offer.status.deadline":                         "Sista svarsdag",
	"offer.status.late_until":                       "Sena anslutningar tas emot till",
	"offer.status.rule":                             "Beslutsregel",
	"offer.status.tally":                            "Svar",
	"offer.status.tally_line":                       "{yes} ja, {no} nej, {not_answered} har inte svarat av {municipalities} ({late_yes} sena ja)",
	"offer.status.share":                            "Andel ja",
	"offer.status.share_line":                       "{municipalities} av kommunerna, {population} av befolkningen",
	"offer.status.outcome":                          "Utfall",
	"offer.status.open":                             "Öppen: inget beslut före sista svarsdag",
	"offer.status.lifted":                           "Lyft över regeln av sena anslutningar {at}",
	"offer.status.closed":                           "Omgången är stängd",
	"offer.status.delivery":                         "Utskick",
	"offer.status.delivery_line":                    "{sent} skickade, {already} redan skickade tidigare",
	"offer.status.missing":                          "Saknar kontaktadress ({count})",
	"offer.status.reminder":                         "Påminnelse {days} dagar före",
	"offer.status.reminder_sent":                    "skickad till {count} kommuner",
	"offer.status.reminder_skipped":                 "hoppades över",
	"offer.status.reminder_sent_late":               "skickad till {count} kommuner, sent: erbjudandena gick fortfarande ut när det var dags",
	"offer.status.reminder_skipped.before_offer":    "skickades inte: tiden hade redan passerat när omgången startade",
	"offer.status.reminder_skipped.superseded":      "skickades inte: en senare påminnelse gick ut samtidigt",
	"offer.status.reminder_skipped.before_delivery": "skickades inte: tiden passerade medan erbjudandena gick ut",
	"offer.status.rejected":                         "Avvisade svar via signal",
	"cli.offer_recorded":                            "Svaret från {municipality} är registrerat (version {version}{late}).",
	"cli.offer_duplicate":                           "Svaret från {municipality} var redan registrerat (version {version}); inget ändrades.",
	"cli.offer_signalled":                           "Svaret skickades som signal till erbjudandet {id} (ingen bekräftelse väntas).",
	"cli.offer_yes_or_no":                           "ange antingen --yes eller --no",
	"cli.venue_missing":                             "ange minst en av --place, --address-line och --link",
	"cli.venue_set":                                 "Platsen för seminariet i erbjudandet {id} är sparad; svarsformuläret och kommunernas sidor visar den.",
	"cli.offer_forget_what":                         "ange antingen --name (svar som personen gett) eller --municipality med --versions",
	"cli.offer_forget_none":                         "Inga svar i erbjudandet {id} är givna under det namnet; inget ändrades.",
	"cli.offer_forget_versions":                     "--versions ska vara svarsversioner åtskilda med komma, till exempel 1,2 (inte {value})",
	"cli.offer_forgotten":                           "Namn, roll och kommentar är raderade i svaret från {municipality} (version {versions}); beslutet står kvar.",
	"offer.status.retention_until":                  "Namn, roller och kommentarer i svaren gallras {at}",
	"offer.status.retention_done":                   "Namn, roller och kommentarer i svaren gallrades {at}",

	"web.venue.link":     "Videolänk:",
	"venue.place":        "Plats: {value}",
	"venue.address":      "Adress: {value}",
	"venue.link":         "Videolänk: {value}",
	"mail.offer.subject": "Erbjudande till {municipality}: {title}",
	"mail.offer.body": "Hej {municipality}!\n\nSKR erbjuder kommunen att ansluta till \"{title}\".\n\n" +
		"Vad som ska göras: {what}\nVem som gör vad: {who_does_what}\nEffektmål: {effect_goal}\n" +
		"Kostnad: {cost}\nFinansiering: {financing}\nGenomförandeperiod: {period}\n\n" +
		"Ni är välkomna till lanseringsseminariet {seminar}.{venue}\n\n" +
		"Svara ja eller nej senast {deadline} via er personliga svarslänk:\n{link}\n\n" +
		"Länken gäller bara för er kommun. Ni kan ändra svaret fram till sista svarsdag.",
	"mail.reminder.subject": "Påminnelse: svara på erbjudandet {title} senast {deadline}",
	"mail.reminder.body": "Hej {municipality}!\n\nVi har ännu inte fått ert svar på erbjudandet \"{title}\". " +
		"Sista svarsdag är {deadline} ({days} dagar kvar).\n\nSvara via er personliga svarslänk:\n{link}",
	"mail.receipt.subject": "Kvitto: {municipality} har svarat {answer} på {title}",
	"mail.receipt.body": "Vi har tagit emot ert svar på erbjudandet \"{title}\".\n\n" +
		"Kommun: {municipality}\nSvar: {answer}{late}\nNamn: {name}\nRoll: {role}\nKommentar: {comment}\n" +
		"Registrerat: {at}, {source} (version {version})\n\n" +
		"Ni kan ändra svaret fram till sista svarsdag {deadline}.",
	"mail.receipt.late":    " (sen anslutning efter sista svarsdag)",
	"mail.outcome.subject": "Erbjudandet {title}: {verdict} {phase}",
	"mail.outcome.body": "Utfall för erbjudandet \"{title}\" ({id}) {phase}: {verdict}.\n\n" +
		"Ja: {yes}, nej: {no}, har inte svarat: {not_answered} av {municipalities} kommuner (sena ja: {late_yes}).\n" +
		"Andel ja: {share_municipalities} av kommunerna, {share_population} av befolkningen.\n" +
		"Beslutsregel: {rule}.\nSista svarsdag: {deadline}.\n\nSvaren per kommun och län i konsolen:\n{link}",
	"mail.missing_contacts.subject": "{count} kommuner saknar kontaktadress för {title}",
	"mail.missing_contacts.body": "Följande kommuner fick inte {kind} för \"{title}\" ({id}) eftersom de saknar " +
		"kontaktadress i kontaktregistret:\n\n{list}\n\nLägg till adresserna i adressregistret:\n{addresses}\n\n" +
		"Registrera vid behov svaren med 'handslag offer answer'.\n\nInitiativet i konsolen:\n{link}",
}

func init() { merge(swedish, offerSwedish) }
