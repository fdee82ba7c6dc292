package i18n

// The one-click unsubscribe from implementation e-mails (digests and hearing invitations):
// the sentence in the e-mails and the pages behind the link. Keys start with "unsub.". Also
// the owner address book's note in a report reminder ("unsub.owner.").
var unsubSwedish = map[string]string{
	"unsub.mail.link": "Vill ni inte längre få utskick om {title}? Avsluta dem här:\n{url}",
	"unsub.mail.reply": "Vill ni inte längre få utskick om {title}? Svara på detta mejl med ordet AVSLUTA, " +
		"så tar programkontoret bort er.",
	"unsub.mail.office":      "Kommunerna kan avsluta utskicken med en personlig länk i sina mejl.",
	"unsub.reason.link":      "Avslutade utskicken med länken i e-postmeddelandet",
	"unsub.reason.one_click": "Avslutade utskicken med e-postprogrammets avsluta-knapp (RFC 8058)",

	"unsub.site":          "Handslag för digitalisering",
	"unsub.confirm.title": "Avsluta utskick om {title}",
	"unsub.confirm.body": "Vill {municipality} sluta få sammanfattningar och inbjudningar till hearingar om genomförandet av {title}? " +
		"Det gäller alla kommunens kontaktpersoner.",
	"unsub.confirm.button":     "Ja, avsluta utskicken",
	"unsub.confirm.keep":       "Vill ni fortsätta få utskicken behöver ni inte göra något. Du kan stänga sidan.",
	"unsub.confirm.expired":    "Formuläret var för gammalt. Tryck på knappen igen för att avsluta utskicken.",
	"unsub.done.title":         "Utskicken är avslutade",
	"unsub.done.body":          "{municipality} får inte längre sammanfattningar eller inbjudningar om {title}.",
	"unsub.done.already_title": "Utskicken var redan avslutade",
	"unsub.done.already_body":  "{municipality} får redan inga sammanfattningar eller inbjudningar om {title}. Ni behöver inte göra något mer.",
	"unsub.done.undo":          "Har det blivit fel? Kontakta programkontoret, så börjar ni få utskicken igen.",
	"unsub.closed.title":       "Genomförandet är avslutat",
	"unsub.closed.body":        "Genomförandet av {title} är avslutat, så inga fler utskick skickas. Ni behöver inte göra något.",
	"unsub.refused.title":      "Länken fungerar inte",
	"unsub.refused.body":       "Länken för att avsluta utskick är ogiltig. Den kan ha blivit avklippt eller ändrad.",
	"unsub.refused.help":       "Kopiera hela länken från mejlet och försök igen, eller kontakta programkontoret.",
	"unsub.foreign.title":      "Utskicken kunde inte avslutas",
	"unsub.foreign.body":       "Begäran kom från en annan webbplats och har inte registrerats. Öppna länken i mejlet och tryck på knappen där.",
	"unsub.unknown.title":      "Utskicken finns inte",
	"unsub.unknown.body":       "Vi hittar inga utskick om det här genomförandet till er kommun. Kontakta programkontoret om ni ändå får dem.",
	"unsub.unavailable.title":  "Tjänsten är inte tillgänglig just nu",
	"unsub.unavailable.body":   "Vi kunde inte avsluta utskicken just nu. Försök igen om en stund.",
	"unsub.unavailable.help":   "Fungerar det inte senare heller, kontakta programkontoret.",

	"unsub.status.label":   "Avslutade utskick",
	"unsub.status.whole":   "{code} {name}: alla kontakter, {date} (av {by})",
	"unsub.status.address": "{code} {name}: bara {email}, {date} (av {by})",

	"unsub.owner.none": "Ingen e-postadress till {owner} finns inlagd (i adressregistret), " +
		"så påminnelsen går bara till programkontoret. Vidarebefordra den till {owner}.",
	"unsub.owner.none_no_owner": "Initiativet har ingen huvudägare, så påminnelsen går bara till programkontoret.",
}

func init() { merge(swedish, unsubSwedish) }
