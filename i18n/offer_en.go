package i18n

var offerEnglish = map[string]string{
	"stage.offer_round":       "The offer is out to the municipalities: collecting answers",
	"stage.offer_not_reached": "Too few yes at the deadline: late joiners may still change the outcome",
	"stage.implementation":    "Implementation: enough municipalities said yes",
	"stage.not_implemented":   "Closed: too few municipalities said yes",

	"error.unknown_municipality": "Municipality code {detail} is not among the offer's recipients. Give a four-digit code, for example 0180.",
	"error.no_offer_round":       "Initiative {id} has no offer round. It starts once the leadership has decided to offer; see 'status {id}'.",
	"error.deadline_passed":      "The answer deadline ({detail}) has passed. Only a late yes can be registered now.",

	"offer.answer.yes":                              "Yes",
	"offer.answer.no":                               "No",
	"offer.source.link":                             "through the answer link",
	"offer.source.office":                           "registered by the programme office",
	"offer.go":                                      "Go (enough yes)",
	"offer.no_go":                                   "No-go (too few yes)",
	"offer.phase.deadline":                          "at the deadline",
	"offer.phase.lifted":                            "after late joiners",
	"offer.phase.final":                             "when the late period ended",
	"offer.mail_kind.offer":                         "the offer",
	"offer.mail_kind.reminder":                      "the reminder",
	"offer.wake.reminder":                           "reminder {days} days before the deadline",
	"offer.wake.deadline":                           "answer deadline of the offer",
	"offer.wake.late_end":                           "the late period ends",
	"offer.wake.receipts":                           "receipts for the latest answers",
	"offer.wake.answerers_forgotten":                "names, roles and comments of the answers are erased",
	"status.offer_round":                            "answer deadline {deadline}; see 'handslag offer status {id}'",
	"offer.late":                                    "late joiner",
	"offer.status.title":                            "Offer",
	"offer.status.seminar":                          "Launch seminar",
	"offer.status.deadline":                         "Answer deadline",
	"offer.status.late_until":                       "Late joiners accepted until",
	"offer.status.rule":                             "Decision rule",
	"offer.status.tally":                            "Answers",
	"offer.status.tally_line":                       "{yes} yes, {no} no, {not_answered} not answered of {municipalities} ({late_yes} late yes)",
	"offer.status.share":                            "Yes share",
	"offer.status.share_line":                       "{municipalities} of the municipalities, {population} of the population",
	"offer.status.outcome":                          "Outcome",
	"offer.status.open":                             "Open: no decision before the deadline",
	"offer.status.lifted":                           "Lifted over the rule by late joiners {at}",
	"offer.status.closed":                           "The round is closed",
	"offer.status.delivery":                         "Sending",
	"offer.status.delivery_line":                    "{sent} sent, {already} already sent before",
	"offer.status.missing":                          "No contact address ({count})",
	"offer.status.reminder":                         "Reminder {days} days before",
	"offer.status.reminder_sent":                    "sent to {count} municipalities",
	"offer.status.reminder_skipped":                 "skipped",
	"offer.status.reminder_sent_late":               "sent to {count} municipalities, late: the offers were still going out when it was due",
	"offer.status.reminder_skipped.before_offer":    "not sent: its time had passed when the round started",
	"offer.status.reminder_skipped.superseded":      "not sent: a later reminder went out at the same time",
	"offer.status.reminder_skipped.before_delivery": "not sent: its time passed while the offers went out",
	"offer.status.rejected":                         "Answers rejected by signal",
	"cli.offer_recorded":                            "The answer of {municipality} is registered (version {version}{late}).",
	"cli.offer_duplicate":                           "The answer of {municipality} was already registered (version {version}); nothing changed.",
	"cli.offer_signalled":                           "The answer was sent as a signal to offer {id} (no confirmation expected).",
	"cli.offer_yes_or_no":                           "give either --yes or --no",
	"cli.venue_missing":                             "give at least one of --place, --address-line and --link",
	"cli.venue_set":                                 "The seminar venue of the offer {id} is saved; the answer form and the municipalities' pages show it.",
	"cli.offer_forget_what":                         "give either --name (answers the person gave) or --municipality with --versions",
	"cli.offer_forget_none":                         "No answers in the offer {id} were given under that name; nothing changed.",
	"cli.offer_forget_versions":                     "--versions must be answer versions separated by commas, for example 1,2 (not {value})",
	"cli.offer_forgotten":                           "Name, role and comment are erased in the answer from {municipality} (version {versions}); the decision stays.",
	"offer.status.retention_until":                  "Names, roles and comments of the answers are erased {at}",
	"offer.status.retention_done":                   "Names, roles and comments of the answers were erased {at}",

	"web.venue.link":     "Video link:",
	"venue.place":        "Place: {value}",
	"venue.address":      "Address: {value}",
	"venue.link":         "Video link: {value}",
	"mail.offer.subject": "Offer to {municipality}: {title}",
	"mail.offer.body": "Hello {municipality}!\n\nSKR offers the municipality to join \"{title}\".\n\n" +
		"What is to be done: {what}\nWho does what: {who_does_what}\nEffect goal: {effect_goal}\n" +
		"Cost: {cost}\nFinancing: {financing}\nImplementation period: {period}\n\n" +
		"You are welcome to the launch seminar {seminar}.{venue}\n\n" +
		"Answer yes or no by {deadline} through your personal answer link:\n{link}\n\n" +
		"The link works for your municipality only. You can change the answer until the deadline.",
	"mail.reminder.subject": "Reminder: answer the offer {title} by {deadline}",
	"mail.reminder.body": "Hello {municipality}!\n\nWe have not yet received your answer to the offer \"{title}\". " +
		"The deadline is {deadline} ({days} days left).\n\nAnswer through your personal answer link:\n{link}",
	"mail.receipt.subject": "Receipt: {municipality} answered {answer} to {title}",
	"mail.receipt.body": "We have received your answer to the offer \"{title}\".\n\n" +
		"Municipality: {municipality}\nAnswer: {answer}{late}\nName: {name}\nRole: {role}\nComment: {comment}\n" +
		"Registered: {at}, {source} (version {version})\n\n" +
		"You can change the answer until the deadline {deadline}.",
	"mail.receipt.late":    " (late joiner after the deadline)",
	"mail.outcome.subject": "Offer {title}: {verdict} {phase}",
	"mail.outcome.body": "Outcome of the offer \"{title}\" ({id}) {phase}: {verdict}.\n\n" +
		"Yes: {yes}, no: {no}, not answered: {not_answered} of {municipalities} municipalities (late yes: {late_yes}).\n" +
		"Yes share: {share_municipalities} of the municipalities, {share_population} of the population.\n" +
		"Decision rule: {rule}.\nDeadline: {deadline}.\n\nThe answers by municipality and county in the console:\n{link}",
	"mail.missing_contacts.subject": "{count} municipalities have no contact address for {title}",
	"mail.missing_contacts.body": "These municipalities did not get {kind} for \"{title}\" ({id}) because they have " +
		"no contact address in the contact register:\n\n{list}\n\nAdd the addresses in the address register:\n{addresses}\n\n" +
		"If needed, register their answers with 'handslag offer answer'.\n\nThe initiative in the console:\n{link}",
}

func init() { merge(english, offerEnglish) }
