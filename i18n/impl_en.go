package i18n

// The implementation's texts in English (see impl_sv.go).
var implEnglish = map[string]string{
	"stage.completed":       "Closed: the implementation is complete (with final effect figures)",
	"impl.reason.late_join": "late joining in the offer round",
	"stage.stopped":         "Closed: the implementation was stopped",

	"error.unknown_goal":      "No such effect goal: {detail}. See the goals with 'handslag impl status'.",
	"error.wrong_unit":        "Wrong unit: {detail}. Give the goal's unit.",
	"error.unknown_period":    "The follow-up period {detail} is not in the implementation's plan. Give YYYY-MM (the period's first month) or YYYY-Q1..Q4, within the implementation period.",
	"error.unknown_milestone": "No such milestone: {detail}. See the milestones with 'handslag impl status' or add it with 'handslag impl plan'.",
	"error.unknown_hearing":   "No such hearing: {detail}. Hearings are named YYYY-1 (spring) and YYYY-2 (autumn); see 'handslag impl status'.",
	"error.out_of_range":      "The date or period is out of range ({field}): {detail}.",
	"error.no_implementation": "Initiative {id} has no implementation. It starts when the offer has enough yes answers; see 'handslag status {id}'.",

	"impl.office": "The programme office",

	"impl.wake.milestone":  "milestone {ref} is due",
	"impl.wake.report_due": "the status report for {ref} is due",
	"impl.wake.escalation": "the status report for {ref} is escalated if missing",
	"impl.wake.invitation": "invitation to hearing {ref}",
	"impl.wake.digest":     "digest to the municipalities for {ref}",
	"impl.wake.period":     "new follow-up period",

	"period.default":               "three years from the decision to implement (unless stated otherwise)",
	"impl.event.started":           "The implementation has started",
	"impl.event.plan_changed":      "The plan was updated (period {detail})",
	"impl.event.joined":            "Municipality {ref} {detail} now takes part",
	"impl.event.milestone_reached": "Milestone {ref} reached ({detail})",
	"impl.event.milestone_missed":  "Milestone {ref} was not reached by {detail}",
	"impl.event.report":            "Status report for {ref}: {detail}",
	"impl.event.report_replaced":   "A new status report for {ref} replaces the earlier one: {detail}",
	"impl.event.report_reminder":   "Reminder: the status report for {ref} is missing (due {detail})",
	"impl.event.report_escalated":  "The status report for {ref} is missing and was escalated to the leadership",
	"impl.event.measurement":       "New measurement of effect goal {ref}: {detail}",
	"impl.event.hearing_invited":   "Invitation to hearing {ref} on {detail}",
	"impl.event.hearing_moved":     "Hearing {ref} moved to {detail}",
	"impl.event.hearing_venue":     "Hearing {ref} is held at: {detail}",
	"impl.event.hearing_held":      "Hearing {ref} was held",
	"impl.event.unsubscribed":      "Municipality {ref} no longer receives digests",
	"impl.event.completed":         "The implementation is complete",
	"impl.event.stopped":           "The implementation was stopped",
	"impl.event.reason":            "reason: {reason}",

	"impl.mail.report_reminder.subject": "Reminder: status report for {period} missing – {title}",
	"impl.mail.report_reminder.body": "Hello,\n\nThe status report of {title} ({id}) for {period} was due {due}. Owner: {owner}.\n\n" +
		"Record it in the console:\n{report}\n\nIf it is not in within two weeks it is escalated to the leadership.{note}\n\nHandslag",
	"impl.mail.report_escalation.subject": "Escalation: status report for {period} missing – {title}",
	"impl.mail.report_escalation.body": "Hello,\n\nThe status report of {title} ({id}) for {period} was due {due} and is still missing after a reminder. " +
		"Owner: {owner}.\n\nSee it in the console:\n{link}\n\nHandslag",
	"impl.mail.hearing_invitation.subject": "Invitation to a hearing on {title} {at}",
	"impl.mail.hearing_invitation.body": "Hello {municipality},\n\nWelcome to a hearing on the implementation of {title} {at}. It is open to everyone interested.{venue}\n\n" +
		"{stop}\n\nThe programme office",
	"impl.mail.digest.subject": "News on {title}: digest for {ref}",
	"impl.events.one":          "1 event",
	"impl.events.other":        "{count} events",
	"impl.mail.digest.body": "Hello {municipality},\n\nThis is what happened in the implementation of {title} ({count_events}):\n\n{events}\n\n" +
		"{stop}\n\nThe programme office",

	"impl.cli.accepted":  "Recorded for {id}: {event}.",
	"impl.cli.signalled": "Sent to the implementation of {id} as a signal; see 'handslag impl status {id}'.",
	"impl.cli.ended":     "The implementation of {id} has ended: {stage}.",

	"impl.status.title":           "Initiative",
	"impl.status.stage":           "Stage",
	"impl.status.period":          "Implementation period",
	"impl.status.participants":    "Participating municipalities",
	"impl.status.next_milestone":  "Next milestone",
	"impl.status.latest":          "Latest event",
	"impl.status.milestones":      "Milestones",
	"impl.status.reports":         "Status reports",
	"impl.status.goals":           "Effect goals",
	"impl.status.hearings":        "Hearings",
	"impl.status.digests":         "Digests sent",
	"impl.status.next":            "Next event",
	"impl.status.escalated":       "ESCALATED: a status report is missing",
	"impl.status.rejected":        "Rejected signals",
	"impl.status.reached":         "reached {date}",
	"impl.status.missed":          "MISSED",
	"impl.status.open":            "open",
	"impl.status.missing":         "missing (due {due})",
	"impl.status.not_due":         "not yet due ({due})",
	"impl.status.goal_line":       "{goal}: target {target} {unit}, latest {value} ({date}) – {verdict}",
	"impl.status.goal_unmeasured": "{goal}: target {target} {unit}, not measured yet",
	"impl.status.goal_met":        "met",
	"impl.status.goal_not_met":    "not met",
	"impl.status.none":            "none",

	"impl.newsletter.title":      "Newsletter from Handslag för digitalisering – {month}",
	"impl.newsletter.intro":      "This is what happened in the initiatives being implemented in {month}.",
	"impl.newsletter.none":       "No news in {month}.",
	"impl.newsletter.initiative": "{title} ({id}) – {stage}",
}

func init() { merge(english, implEnglish) }
