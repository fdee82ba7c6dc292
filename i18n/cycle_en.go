package i18n

var cycleEnglish = map[string]string{
	"phase.starting":                "Starting: taking in the backlog",
	"phase.priorities":              "February round: members give their priority lists",
	"phase.quick_analysis_decision": "Waiting for the leadership's decision on quick analyses",
	"phase.quick_analysis":          "Quick analyses (April)",
	"phase.valuation":               "Valuation (May): the council values the quick analyses",
	"phase.final_prioritisation":    "Final prioritisation (June): waiting for the decision on qualification",
	"phase.qualification":           "Qualification (September-January)",
	"phase.offer_decision":          "Waiting for the decision on offers",
	"phase.done":                    "Finished",

	"mail.round_open.subject": "The February round {year} is open: give your priority list",
	"mail.round_open.body": "Hello {member},\n\nThe February round {year} is open. {count} initiatives are in the backlog.\n" +
		"Give a list of your 5-10 most urgent initiatives, most urgent first, by {deadline}.\n" +
		"You can replace the list until then. The programme office can enter it for you.\n\n" +
		"Give the list here (sign in with your account):\n{link}\n",
	"mail.list_reminder.subject": "Reminder: your priority list for {year} is missing",
	"mail.list_reminder.body": "Hello {member},\n\nWe have not yet received your priority list for the February round {year}.\n" +
		"The deadline is {deadline}. No lists are accepted after it.\n\nGive the list here:\n{link}\n",
	"mail.valuation_open.subject": "The valuation {year} has opened: value the quick analyses",
	"mail.valuation_open.body": "Hello {member},\n\nThe May valuation {year} has opened. {count} quick analyses wait for your valuation.\n" +
		"Give each quick analysis a score and a comment by {deadline}. You can change the valuation until then. " +
		"The programme office can enter the valuation for you.\n\nValue them here (sign in with your account):\n{link}\n",
	"mail.valuation_reminder.subject": "Reminder: your valuation for {year} is not complete",
	"mail.valuation_reminder.body": "Hello {member},\n\nWe have not yet received your valuation of every quick analysis in the May valuation {year}.\n" +
		"The deadline is {deadline}.\n\nValue them here:\n{link}\n",
	"mail.no_address.subject": "Members without an e-mail address ({year})",
	"mail.no_address.body": "The message \"{kind}\" could not be sent to these members because no address is known:\n{members}\n\n" +
		"Contact them another way and add their addresses to the member register:\n{link}\n",
	"mail.lists_closed.subject": "The February round {year} is closed: the ranking is ready",
	"mail.lists_closed.body": "The February round {year} is closed. {lists} lists came in, {missing} are missing.\n" +
		"The ranking is in the console:\n{link}\n\n" +
		"The leadership decides on quick analyses here:\n{decision}\n",
	"mail.cycle_escalation.subject": "Escalation: the annual cycle {year} is waiting for a decision",
	"mail.cycle_escalation.body": "The annual cycle {year} is still waiting for the leadership's decision.\n" +
		"Phase: {phase}.\nThe deadline was {deadline}.\n\nThe cycle and the decision in the console:\n{link}\n\nThis message is sent once per phase.\n",
}

func init() { merge(english, cycleEnglish) }

var cycleEnglishCLI = map[string]string{
	"cli.cycle.choose_or_none":  "name the initiatives that go on with --chosen, or --none if none does (then every one in the round waits for next February and the annual cycle ends)",
	"cli.cycle.chosen_and_none": "give either --chosen or --none, not both",
	"cli.cycle.ended":           "The annual cycle {year} has thereby ended.",
	"error.cycle_closed":        "The annual cycle {year} has ended and takes no more decisions or lists. 'handslag cycle status --year {year}' shows how it ended.",
	"error.cycle_not_found":     "There is no annual cycle {year}. Start it with 'handslag cycle start --year {year}' or 'handslag cycle trigger'.",
	"error.no_schedule":         "The annual cycle's schedule does not exist. Create it with 'handslag cycle schedule'.",

	"cli.cycle.schedule_created": "The annual cycle's schedule is created: every year {at} (Europe/Stockholm), catch-up within {catchup}, overlapping runs skipped.",
	"cli.cycle.schedule_updated": "The annual cycle's schedule is updated: every year {at} (Europe/Stockholm), catch-up within {catchup}, overlapping runs skipped.",
	"cli.cycle.next":             "  next start: {at}",
	"cli.cycle.triggered":        "The schedule has run now. The cycle starts within seconds; see 'handslag cycle status --year YEAR'.",
	"cli.cycle.started":          "The annual cycle {year} has started.",
	"cli.cycle.exists":           "The annual cycle {year} already exists; no new one was started.",
	"cli.cycle.status":           "Annual cycle {year}: {phase}\n  calendar: {calendar}\n  initiatives: {participants}, lists: {lists} (missing: {missing})",
	"cli.cycle.list_saved":       "The list from {member} is saved ({count} initiatives). It can be replaced until {deadline}.",
	"cli.cycle.valuation_saved":  "The valuation from {member} of {initiative} is saved.",
	"cli.cycle.declined":         "{count} were declined and are closed.",
	"cli.cycle.decided":          "The decision ({gate}) is made: {chosen} go on, {deferred} wait for next February.",
	"cli.cycle.result_error":     "  {initiative}: could not be passed on: {detail}",
	"cli.cycle.sent":             "The signal is sent (no answer is awaited; see 'handslag cycle status').",
	"cli.cycle.ranking_header":   "Weighed-together ranking, annual cycle {year} ({lists} lists):",
	"cycle.deciding_now":         "another decision is being passed on now",
	"cycle.not_passed_on":        "could not be passed on: {error}",
	"cycle.reason.joined":        "in the annual cycle {year}",
	"cycle.reason.not_chosen":    "not chosen in the annual cycle {year}: {reason}",
	"schedule.comment":           "The annual cycle of Handslag's preparation process",
	"schedule.created_locally":   "Created by the local system",
}

func init() { merge(english, cycleEnglishCLI) }
