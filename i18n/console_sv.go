package i18n

// The console (/konsol/) and the local system's demo identity provider. Keys start with
// "console." and "demoidp.".
var consoleSwedish = map[string]string{
	"demoidp.title":           "Logga in (demo)",
	"demoidp.intro":           "Det här är den lokala demoinloggningen. Välj vem du vill logga in som. I drift loggar du in hos din organisations inloggningstjänst.",
	"demoidp.problem":         "Inloggningen gick inte att slutföra. Gå tillbaka till konsolen och försök igen.",
	"demoidp.role.office":     "Programkontoret",
	"demoidp.role.leadership": "Digitaliseringsledningen",
	"demoidp.role.council":    "Ledamot i programrådet för Stockholms län",
	"demoidp.role.network":    "Kommundirektörsnätverket",
	"demoidp.role.none":       "Har inget uppdrag i Handslag",
}
