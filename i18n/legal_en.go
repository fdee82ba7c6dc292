package i18n

var legalEnglish = map[string]string{
	"legal.site":                 "Handslag for digitalisation",
	"legal.footer.privacy":       "Personal data",
	"legal.footer.accessibility": "Accessibility",
	"legal.footer.nav":           "About the site",

	"legal.privacy.title": "How we handle personal data",
	"legal.privacy.lead": "What personal data Handslag for digitalisation keeps, why, for how long, " +
		"and how you find out what is kept about you or ask for it to be erased.",
	"legal.privacy.controller.heading": "Who is responsible?",
	"legal.privacy.controller.body":    "{name} (organisation number {number}) is the controller. Address: {address}.",
	"legal.privacy.controller.contact": "E-mail to the controller:",
	"legal.privacy.dpo":                "Data protection officer:",
	"legal.privacy.what.heading":       "What we keep and why",
	"legal.privacy.col.what":           "Data",
	"legal.privacy.col.why":            "Why",
	"legal.privacy.col.basis":          "Legal basis",
	"legal.privacy.col.kept":           "How long",

	"legal.purpose.answers.what":   "The name, role and any comment of the person who answers an offer for their municipality.",
	"legal.purpose.answers.why":    "So that the municipality's decision can be followed up and questions about it reach the right person.",
	"legal.purpose.proposals.what": "The contact person's e-mail address and organisation when someone proposes a need.",
	"legal.purpose.proposals.why":  "To send a receipt, answer the proposal and tell what was decided.",
	"legal.purpose.registers.what": "E-mail addresses of the municipalities' contacts, council members, networks and owner organisations, and who changed them.",
	"legal.purpose.registers.why":  "So that offers, reminders and reports reach the right people.",
	"legal.purpose.mail.what":      "Recipients and contents of e-mails the system sent.",
	"legal.purpose.mail.why":       "So that no message is ever sent twice and what was sent can be shown.",
	"legal.purpose.console.what":   "The name, e-mail address and roles of whoever signs in to the console, and who did what.",
	"legal.purpose.console.why":    "So that only those entitled take and record decisions, and who did so can be seen.",

	"legal.basis.public_task":          "Task in the public interest",
	"legal.basis.legitimate_interests": "Legitimate interests",
	"legal.basis.legal_obligation":     "Legal obligation",
	"legal.basis.contract":             "Contract",
	"legal.basis.consent":              "Consent",

	"legal.kept.answers":   "Name, role and comment are removed {years} years after the offer round has closed (it runs until the time in which municipalities may join late is over). The municipality's decision is kept. After that they remain in the system's event log for at most {days} days.",
	"legal.kept.workflow":  "While the initiative runs. Once it has closed, the data is removed after {days} days.",
	"legal.kept.registers": "While the address is in use. The change log is kept for {years} years.",
	"legal.kept.mail":      "Recipients and contents are removed {days} days after the e-mail was sent.",
	"legal.kept.console":   "A sign-in ends after {idle} without activity and at the latest {lifetime} after signing in.",

	"legal.privacy.public.heading": "What is public?",
	"legal.privacy.public.body": "The public case list shows the initiatives' titles, stages and how many municipalities answered, " +
		"never names, e-mail addresses or comments.",
	"legal.privacy.rights.heading": "Your rights",
	"legal.privacy.rights.body": "You may find out what we keep about you, have errors corrected, have data erased when it is no longer needed, " +
		"and object to the processing. A decision you gave for your municipality stays, as it is the municipality's. Your name and comment are removed once the offer round has closed and the time above has passed.",
	"legal.privacy.rights.ask":     "Send your request to",
	"legal.privacy.complaint":      "If you are not satisfied with how we handle your data, you may complain to the Swedish Authority for Privacy Protection (IMY).",
	"legal.privacy.complaint.link": "How to complain to IMY",

	"legal.a11y.title": "Accessibility statement",
	"legal.a11y.lead": "{controller} runs this website. We want as many people as possible to be able to use it. " +
		"This page describes how {site} complies with the Swedish accessibility law for digital public services, " +
		"the known shortcomings, and how to report problems so that we can fix them.",
	"legal.a11y.status.heading":       "How accessible is the site?",
	"legal.a11y.status.full":          "The site fully complies with the law on accessibility of digital public services.",
	"legal.a11y.status.partial":       "The site partially complies with the law on accessibility of digital public services, because of the shortcomings below.",
	"legal.a11y.status.none":          "The site does not comply with the law on accessibility of digital public services. The shortcomings are below.",
	"legal.a11y.shortcomings.heading": "What does not work?",
	"legal.a11y.shortcomings.none":    "We know of no shortcomings.",
	"legal.a11y.report.heading":       "Report a problem",
	"legal.a11y.report.body":          "If you find a problem not described here, or need content in another format, please tell us. E-mail",
	"legal.a11y.enforcement.heading":  "Enforcement",
	"legal.a11y.enforcement.body": "The Agency for Digital Government (Digg) supervises the law on accessibility of digital public services. " +
		"If you are not satisfied with how we handle your report, you may contact Digg.",
	"legal.a11y.enforcement.link": "Report to Digg",
	"legal.a11y.method.heading":   "How we tested the site",
	"legal.a11y.dates":            "The assessment was made on {assessed}. The statement was published on {published} and last updated on {reviewed}.",

	"legal.notice.answer": "Your name, role and comment are kept with the municipality's answer so that the decision can be followed up. " +
		"{controller} is responsible for the data. It is kept while the initiative runs.",
	"legal.notice.proposal": "The contact person's e-mail address is used only to answer about the proposal and is not shown in the public case list. " +
		"{controller} is responsible for the data.",
	"legal.notice.unsubscribe": "We keep only that the municipality stopped the e-mails. {controller} is responsible for the data.",
	"legal.notice.console":     "The console keeps your name, e-mail address and roles while you are signed in, and who sent each decision. {controller} is responsible for the data.",
	"legal.notice.more":        "How we handle personal data, and how to ask for a copy or erasure",

	"present.duration.day.one":      "{n} day",
	"present.duration.day.other":    "{n} days",
	"present.duration.hour.one":     "{n} hour",
	"present.duration.hour.other":   "{n} hours",
	"present.duration.minute.one":   "{n} minute",
	"present.duration.minute.other": "{n} minutes",
	"present.duration.and":          " and ",
}

func init() { merge(english, legalEnglish) }
