package i18n

// The implementation's texts (genomförande och uppföljning), kept apart so that the parts of
// the system grow their catalogues side by side. Keys start with "impl." except the stages
// and error codes, which the shared renderers look up by name.
var implSwedish = map[string]string{
	"stage.completed":       "Avslutad: genomförandet är klart (med slutliga effektvärden)",
	"impl.reason.late_join": "sen anslutning i erbjudandeomgången",
	"stage.stopped":         "Avslutad: genomförandet avbröts",

	"error.unknown_goal":      "Effektmålet finns inte: {detail}. Se målen med 'handslag impl status'.",
	"error.wrong_unit":        "Fel enhet: {detail}. Ange målets enhet.",
	"error.unknown_period":    "Uppföljningsperioden {detail} finns inte i genomförandets plan. Ange ÅÅÅÅ-MM (periodens första månad) eller ÅÅÅÅ-Q1..Q4, inom genomförandeperioden.",
	"error.unknown_milestone": "Milstolpen {detail} finns inte. Se milstolparna med 'handslag impl status' eller lägg till den med 'handslag impl plan'.",
	"error.unknown_hearing":   "Hearingen {detail} finns inte. Hearingar heter ÅÅÅÅ-1 (våren) och ÅÅÅÅ-2 (hösten); se 'handslag impl status'.",
	"error.out_of_range":      "Datumet eller perioden är utanför det tillåtna ({field}): {detail}.",
	"error.no_implementation": "Initiativet {id} har inget genomförande. Det startar när erbjudandet har fått tillräckligt många ja; se 'handslag status {id}'.",

	"impl.office": "Programkontoret",

	"impl.wake.milestone":  "milstolpen {ref} ska vara nådd",
	"impl.wake.report_due": "statusrapporten för {ref} ska vara inne",
	"impl.wake.escalation": "statusrapporten för {ref} eskaleras om den saknas",
	"impl.wake.invitation": "inbjudan till hearing {ref}",
	"impl.wake.digest":     "sammanfattning till kommunerna för {ref}",
	"impl.wake.period":     "ny uppföljningsperiod",

	"period.default":               "tre år från beslutet att genomföra (om inget annat anges)",
	"impl.event.started":           "Genomförandet har startat",
	"impl.event.plan_changed":      "Planen har uppdaterats (period {detail})",
	"impl.event.joined":            "Kommun {ref} {detail} deltar nu i genomförandet",
	"impl.event.milestone_reached": "Milstolpen {ref} är nådd ({detail})",
	"impl.event.milestone_missed":  "Milstolpen {ref} nåddes inte till {detail}",
	"impl.event.report":            "Statusrapport för {ref}: {detail}",
	"impl.event.report_replaced":   "Ny statusrapport för {ref} ersätter den tidigare: {detail}",
	"impl.event.report_reminder":   "Påminnelse: statusrapporten för {ref} saknas (skulle vara inne {detail})",
	"impl.event.report_escalated":  "Statusrapporten för {ref} saknas och har eskalerats till digitaliseringsledningen",
	"impl.event.measurement":       "Nytt mätvärde för effektmålet {ref}: {detail}",
	"impl.event.hearing_invited":   "Inbjudan till hearing {ref} den {detail}",
	"impl.event.hearing_moved":     "Hearing {ref} är flyttad till {detail}",
	"impl.event.hearing_venue":     "Hearing {ref} hålls här: {detail}",
	"impl.event.hearing_held":      "Hearing {ref} har hållits",
	"impl.event.unsubscribed":      "Kommun {ref} får inte längre sammanfattningar",
	"impl.event.completed":         "Genomförandet är klart",
	"impl.event.stopped":           "Genomförandet har avbrutits",
	"impl.event.reason":            "motivering: {reason}",

	"impl.mail.report_reminder.subject": "Påminnelse: statusrapport för {period} saknas – {title}",
	"impl.mail.report_reminder.body": "Hej!\n\nStatusrapporten för {title} ({id}) för perioden {period} skulle ha varit inne {due}. " +
		"Huvudägare: {owner}.\n\nRegistrera den i konsolen:\n{report}\n\n" +
		"Kommer den inte in inom två veckor eskaleras den till digitaliseringsledningen.{note}\n\nHandslag",
	"impl.mail.report_escalation.subject": "Eskalering: statusrapport för {period} saknas – {title}",
	"impl.mail.report_escalation.body": "Hej!\n\nStatusrapporten för {title} ({id}) för perioden {period} skulle ha varit inne {due} " +
		"och saknas fortfarande, trots påminnelse. Huvudägare: {owner}.\n\nSe läget i konsolen:\n{link}\n\nHandslag",
	"impl.mail.hearing_invitation.subject": "Inbjudan till hearing om {title} {at}",
	"impl.mail.hearing_invitation.body": "Hej {municipality}!\n\nVälkommen till hearing om genomförandet av {title} {at}. " +
		"Hearingen är öppen för alla som är intresserade: vi berättar hur arbetet går och lyssnar på era synpunkter.{venue}\n\n" +
		"{stop}\n\n" +
		"Programkontoret, Handslag för digitalisering",
	"impl.mail.digest.subject": "Nytt om {title}: sammanfattning för {ref}",
	"impl.events.one":          "1 händelse",
	"impl.events.other":        "{count} händelser",
	"impl.mail.digest.body": "Hej {municipality}!\n\nHär är det som har hänt i genomförandet av {title} ({count_events}):\n\n{events}\n\n" +
		"{stop}\n\n" +
		"Programkontoret, Handslag för digitalisering",

	"impl.cli.accepted":  "Registrerat för {id}: {event}.",
	"impl.cli.signalled": "Skickat till genomförandet för {id} som signal; se 'handslag impl status {id}'.",
	"impl.cli.ended":     "Genomförandet för {id} är avslutat: {stage}.",

	"impl.status.title":           "Initiativ",
	"impl.status.stage":           "Läge",
	"impl.status.period":          "Genomförandeperiod",
	"impl.status.participants":    "Deltagande kommuner",
	"impl.status.next_milestone":  "Nästa milstolpe",
	"impl.status.latest":          "Senaste händelse",
	"impl.status.milestones":      "Milstolpar",
	"impl.status.reports":         "Statusrapporter",
	"impl.status.goals":           "Effektmål",
	"impl.status.hearings":        "Hearingar",
	"impl.status.digests":         "Sammanfattningar skickade",
	"impl.status.next":            "Nästa händelse",
	"impl.status.escalated":       "ESKALERAT: en statusrapport saknas",
	"impl.status.rejected":        "Avvisade signaler",
	"impl.status.reached":         "nådd {date}",
	"impl.status.missed":          "MISSAD",
	"impl.status.open":            "öppen",
	"impl.status.missing":         "saknas (skulle vara inne {due})",
	"impl.status.not_due":         "ej förfallen (senast {due})",
	"impl.status.goal_line":       "{goal}: mål {target} {unit}, senast {value} ({date}) – {verdict}",
	"impl.status.goal_unmeasured": "{goal}: mål {target} {unit}, inget mätvärde än",
	"impl.status.goal_met":        "uppnått",
	"impl.status.goal_not_met":    "inte uppnått",
	"impl.status.none":            "inga",

	"impl.newsletter.title":      "Nyhetsbrev från Handslag för digitalisering – {month}",
	"impl.newsletter.intro":      "Det här har hänt i initiativen som genomförs under {month}.",
	"impl.newsletter.none":       "Inga nyheter under {month}.",
	"impl.newsletter.initiative": "{title} ({id}) – {stage}",
}

func init() { merge(swedish, implSwedish) }
