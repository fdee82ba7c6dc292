package i18n

// English texts of the load benchmark (cmd/handslag-load).
var loadEnglish = map[string]string{
	"load.starting":        "Starting the Temporal server and the worker in this process ...",
	"load.ready":           "{rounds} offer rounds with {municipalities} municipalities each have sent their offers.",
	"load.raw":             "Raw updates (one trivial workflow per round, {clients} at once): {count} in {seconds} s = {rate} per second",
	"load.answers":         "Answers through the answer path ({clients} municipalities at once): {count} in {seconds} s = {rate} per second, in {updates} updates",
	"load.ratio":           "Ratio answers per second / raw updates per second: {ratio} (the aim is at least 0.8)",
	"load.cpu":             "CPU time (the whole process): {answer} ms per answer, {raw} ms per raw update; an answer costs {ratio} times a raw update",
	"load.history":         "History events: at most {max} in one run of a round (the limit is {limit})",
	"load.history_round":   "  {offer}: events per run {runs}",
	"load.memory":          "Peak memory (server, worker and load generator in one process): {rss} MiB RSS, {heap} MiB Go heap",
	"load.latency":         "Wait from an answer's POST to its confirmation page: p50 {p50} ms, p95 {p95} ms, p99 {p99} ms, longest {max} ms; {failed} answers without confirmation",
	"load.rush":            "Deadline day: {count} answers arriving within {within} were all confirmed after {seconds} s, in {updates} updates",
	"load.first_failure":   "The first answer without confirmation: {error}",
	"load.failed":          "The load test failed: {error}",
	"load.flag.rounds":     "number of offer rounds (290 answers in each)",
	"load.flag.clients":    "answers (and raw updates) at once",
	"load.flag.rush":       "the deadline day: every answer arrives within this long, each at its own moment (e.g. 1m with --rounds 10)",
	"load.flag.cpuprofile": "write a CPU profile of the whole run to the file",
	"load.bad_flags":       "--rounds and --clients must be at least 1, and --rush must not be negative.",
}
