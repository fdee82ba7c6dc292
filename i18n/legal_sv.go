package i18n

// The privacy page (/personuppgifter), the accessibility statement (/tillganglighet), the short
// notices where personal data is collected, and the footer links to both. Keys start with
// "legal."; the facts in them (names, addresses, periods) come from configuration.
var legalSwedish = map[string]string{
	"legal.site":                 "Handslag för digitalisering",
	"legal.footer.privacy":       "Personuppgifter",
	"legal.footer.accessibility": "Tillgänglighet",
	"legal.footer.nav":           "Om webbplatsen",

	"legal.privacy.title": "Så hanterar vi personuppgifter",
	"legal.privacy.lead": "Här står vilka personuppgifter Handslag för digitalisering sparar, varför, hur länge " +
		"och hur du får veta vad som finns om dig eller begär att det tas bort.",
	"legal.privacy.controller.heading": "Vem ansvarar för uppgifterna?",
	"legal.privacy.controller.body":    "{name} (organisationsnummer {number}) är personuppgiftsansvarig. Adress: {address}.",
	"legal.privacy.controller.contact": "E-post till den personuppgiftsansvariga:",
	"legal.privacy.dpo":                "Dataskyddsombud:",
	"legal.privacy.what.heading":       "Vilka uppgifter sparar vi och varför?",
	"legal.privacy.col.what":           "Uppgifter",
	"legal.privacy.col.why":            "Varför",
	"legal.privacy.col.basis":          "Rättslig grund",
	"legal.privacy.col.kept":           "Hur länge",

	"legal.purpose.answers.what":   "Namn, roll och eventuell kommentar från den som svarar på ett erbjudande för sin kommun.",
	"legal.purpose.answers.why":    "För att kommunens beslut ska kunna följas upp och frågor om svaret kunna ställas till rätt person.",
	"legal.purpose.proposals.what": "Kontaktpersonens e-postadress och organisation när någon lämnar ett behov.",
	"legal.purpose.proposals.why":  "För att kunna skicka kvitto, svara på förslaget och berätta vad som beslutades.",
	"legal.purpose.registers.what": "E-postadresser till kommunernas kontaktpersoner, ledamöter i programrådet, nätverk och ägarorganisationer, och vem som har ändrat dem.",
	"legal.purpose.registers.why":  "För att erbjudanden, påminnelser och rapporter ska nå rätt mottagare.",
	"legal.purpose.mail.what":      "Mottagare och innehåll i e-post som systemet har skickat.",
	"legal.purpose.mail.why":       "För att samma meddelande aldrig ska skickas två gånger och för att kunna visa vad som skickades.",
	"legal.purpose.console.what":   "Namn, e-postadress och roller för den som loggar in i konsolen, och vem som gjorde vad.",
	"legal.purpose.console.why":    "För att bara behöriga ska kunna fatta och registrera beslut, och för att det ska gå att se vem som gjorde det.",

	"legal.basis.public_task":          "Uppgift av allmänt intresse",
	"legal.basis.legitimate_interests": "Berättigat intresse",
	"legal.basis.legal_obligation":     "Rättslig förpliktelse",
	"legal.basis.contract":             "Avtal",
	"legal.basis.consent":              "Samtycke",

	"legal.kept.answers":   "Namn, roll och kommentar tas bort {years} år efter att svarsomgången avslutats (den pågår till och med tiden då kommuner kan ansluta sent). Kommunens beslut sparas. Därefter finns de kvar i systemets händelselogg i högst {days} dagar.",
	"legal.kept.workflow":  "Så länge initiativet pågår. När det är avslutat tas uppgifterna bort efter {days} dagar.",
	"legal.kept.registers": "Så länge adressen används. Ändringsloggen sparas i {years} år.",
	"legal.kept.mail":      "Mottagare och innehåll tas bort {days} dagar efter att e-posten skickades.",
	"legal.kept.console":   "Inloggningen upphör efter {idle} utan aktivitet och senast {lifetime} efter att du loggade in.",

	"legal.privacy.public.heading": "Vad syns öppet?",
	"legal.privacy.public.body": "Den öppna ärendelistan visar initiativens titlar, skeden och hur många kommuner som har svarat, " +
		"men aldrig namn, e-postadresser eller kommentarer.",
	"legal.privacy.rights.heading": "Dina rättigheter",
	"legal.privacy.rights.body": "Du har rätt att få veta vilka uppgifter vi har om dig (registerutdrag), att få fel rättade, " +
		"att få uppgifter borttagna när de inte längre behövs och att invända mot behandlingen. " +
		"Ett beslut som du har lämnat för din kommun finns kvar, eftersom det är kommunens. Ditt namn och din kommentar tas bort när svarsomgången är avslutad och tiden ovan har gått.",
	"legal.privacy.rights.ask":     "Skicka din begäran till",
	"legal.privacy.complaint":      "Är du inte nöjd med hur vi hanterar dina uppgifter kan du klaga till Integritetsskyddsmyndigheten (IMY).",
	"legal.privacy.complaint.link": "Läs om hur du klagar hos IMY",

	"legal.a11y.title": "Tillgänglighetsredogörelse",
	"legal.a11y.lead": "{controller} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. " +
		"Här beskriver vi hur {site} uppfyller lagen om tillgänglighet till digital offentlig service, " +
		"vilka kända brister som finns och hur du kan rapportera problem så att vi kan åtgärda dem.",
	"legal.a11y.status.heading":       "Hur tillgänglig är webbplatsen?",
	"legal.a11y.status.full":          "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.",
	"legal.a11y.status.partial":       "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.",
	"legal.a11y.status.none":          "Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service. Bristerna beskrivs nedan.",
	"legal.a11y.shortcomings.heading": "Vad fungerar inte?",
	"legal.a11y.shortcomings.none":    "Vi känner inte till några brister.",
	"legal.a11y.report.heading":       "Rapportera brister",
	"legal.a11y.report.body": "Om du upptäcker problem som inte beskrivs på den här sidan, eller om du behöver innehåll i ett annat format, " +
		"vill vi gärna veta det. Skicka e-post till",
	"legal.a11y.enforcement.heading": "Tillsyn",
	"legal.a11y.enforcement.body": "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. " +
		"Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.",
	"legal.a11y.enforcement.link": "Anmäl till Digg",
	"legal.a11y.method.heading":   "Hur vi testat webbplatsen",
	"legal.a11y.dates":            "Bedömningen gjordes {assessed}. Redogörelsen publicerades {published} och uppdaterades senast {reviewed}.",

	"legal.notice.answer": "Ditt namn, din roll och din kommentar sparas tillsammans med kommunens svar, så att beslutet kan följas upp. " +
		"{controller} ansvarar för uppgifterna. De sparas så länge initiativet pågår.",
	"legal.notice.proposal": "Kontaktpersonens e-postadress används bara för att svara på förslaget och syns inte i den öppna ärendelistan. " +
		"{controller} ansvarar för uppgifterna.",
	"legal.notice.unsubscribe": "Vi sparar bara att kommunen har avslutat utskicken. {controller} ansvarar för uppgifterna.",
	"legal.notice.console": "Konsolen sparar ditt namn, din e-postadress och dina roller medan du är inloggad, och vem som skickade varje beslut. " +
		"{controller} ansvarar för uppgifterna.",
	"legal.notice.more": "Så hanterar vi personuppgifter och så begär du utdrag eller radering",

	"present.duration.day.one":      "{n} dag",
	"present.duration.day.other":    "{n} dagar",
	"present.duration.hour.one":     "{n} timme",
	"present.duration.hour.other":   "{n} timmar",
	"present.duration.minute.one":   "{n} minut",
	"present.duration.minute.other": "{n} minuter",
	"present.duration.and":          " och ",
}

func init() { merge(swedish, legalSwedish) }
