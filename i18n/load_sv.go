package i18n

// Texts of the load benchmark (cmd/handslag-load), kept in their own file and merged at start.
var loadSwedish = map[string]string{
	"load.starting":               "Startar Temporal-servern och workern i den här processen ...",
	"load.ready":                  "{rounds} erbjudandeomgångar med {municipalities} kommuner i varje har skickat sina erbjudanden.",
	"load.raw":                    "Råa uppdateringar (ett trivialt arbetsflöde per omgång, {clients} samtidiga): {count} på {seconds} s = {rate} per sekund",
	"load.answers":                "Svar genom svarsvägen ({clients} samtidiga kommuner): {count} på {seconds} s = {rate} per sekund, i {updates} uppdateringar",
	"load.ratio":                  "Kvot svar per sekund / råa uppdateringar per sekund: {ratio} (målet är minst 0.8)",
	"load.cpu":                    "CPU-tid (hela processen): {answer} ms per svar, {raw} ms per rå uppdatering; ett svar kostar {ratio} gånger en rå uppdatering",
	"load.history":                "Händelser i historiken: högst {max} i en körning av en omgång (gränsen är {limit})",
	"load.history_round":          "  {offer}: händelser per körning {runs}",
	"load.memory":                 "Högsta minnesanvändning (server, worker och lastgenerator i samma process): {rss} MiB RSS, {heap} MiB Go-heap",
	"load.latency":                "Väntan från svarets POST till bekräftelsesidan: p50 {p50} ms, p95 {p95} ms, p99 {p99} ms, längst {max} ms; {failed} svar utan bekräftelse",
	"load.rush":                   "Sista dagen: {count} svar som kom inom {within} var alla bekräftade efter {seconds} s, i {updates} uppdateringar",
	"load.first_failure":          "Första svaret utan bekräftelse: {error}",
	"load.failed":                 "Lasttestet misslyckades: {error}",
	"load.flag.rounds":            "antal erbjudandeomgångar (290 svar i varje)",
	"load.flag.clients":           "samtidiga svar (och råa uppdateringar)",
	"load.flag.rush":              "sista dagen: alla svar kommer inom denna tid, vart och ett i sin egen stund (t.ex. 1m med --rounds 10)",
	"load.flag.cpuprofile":        "skriv en CPU-profil av hela körningen till filen",
	"load.flag.idle":              "mät i stället vad så många vilande initiativ kostar (minne och CPU, före och efter en omstart)",
	"load.flag.cache":             "workerns arbetsflödescache (HANDSLAG_WORKFLOW_CACHE)",
	"load.flag.history_cache":     "serverns historikcache i den lokala miljön (antal arbetsflöden)",
	"load.flag.backlog":           "mät i stället februaristarten med så många initiativ som väntar",
	"load.flag.idle_profile":      "skriv en CPU-profil av mätfönstret efter omstarten hit (och heapen till filen med .heap; fönstret efter registreringen till filen med .registered)",
	"load.flag.storm":             "mät i stället väckningsstormen: så många initiativ vars timrar löser ut i samma ögonblick (1 februari kl. 9)",
	"load.flag.storm_lead":        "hur lång tid förberedelsen får ta före ögonblicket (0: en minut plus 20 ms per initiativ)",
	"load.storm.starting":         "Startar {count} initiativ som väntar på februari; deras timrar löser ut om {seconds} s ...",
	"load.storm.prepared":         "{count} initiativ startade på {seconds} s",
	"load.storm.moved":            "Alla {count} hade gått vidare till februariberedningen {seconds} s efter ögonblicket (enligt visibility)",
	"load.storm.lag":              "Fördröjning per timer (ms): p50 {p50}, p95 {p95}, p99 {p99}, störst {max}",
	"load.backlog.starting":       "Förbereder {count} initiativ som väntar på februari (registrerade, ägarbedömda, relevansbedömda och poängsatta) ...",
	"load.backlog.prepared":       "{count} initiativ förberedda på {seconds} s",
	"load.backlog.joined":         "Årscykeln tog in {count} av {of} initiativ på {seconds} s",
	"load.backlog.history":        "Årscykelns historik {when}: största payload {payload} KiB, händelser per körning {runs}",
	"load.backlog.after_start":    "efter starten",
	"load.backlog.after_decision": "efter beslutet",
	"load.backlog.decided":        "Ledningen valde {chosen} av {of} till snabbanalys: kvittot ({lines} rader) kom efter {receipt} s, och alla initiativ hade flyttats efter {moved} s",
	"load.flag.backlog_day":       "hur länge en kalenderdag varar på årscykelns demoklocka i --backlog (cykeln börjar 2 januari och når beslutet om snabbanalys i slutet av februari)",
	"load.idle.starting":          "Registrerar {count} initiativ i den lokala miljön (server och worker i den här processen, arbetsflödescache {cache}) ...",
	"load.idle.registered":        "{count} initiativ registrerade på {seconds} s = {rate} per sekund",
	"load.idle.sample":            "{when}: {rss} MiB RSS, {core} % av en kärna i vila (lugnt efter {quiet} s)",
	"load.idle.sample_busy":       "{when}: {rss} MiB RSS, {core} % av en kärna (fortfarande upptagen efter {quiet} s: arbete väntade i uppgiftskön eller processen använde 10 % av en kärna eller mer)",
	"load.idle.parts":             "  varav: levande Go-heap {heap} MiB, gorutiners stackar {stacks} MiB ({goroutines} gorutiner), utanför Go-körmiljön (programkoden och SQLite) {outside} MiB; {workflows} arbetsflöden i workerns minne",
	"load.idle.after":             "Efter registreringen",
	"load.idle.restarted":         "Efter en omstart",
	"load.bad_flags":              "--rounds och --clients måste vara minst 1, och --rush får inte vara negativ.",
}

func init() {
	merge(swedish, loadSwedish)
	merge(english, loadEnglish)
}
