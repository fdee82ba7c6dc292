package i18n

var consoleEnglish = map[string]string{
	"demoidp.title":           "Sign in (demo)",
	"demoidp.intro":           "This is the local demo sign-in. Choose who to sign in as. In production you sign in at your organisation's identity provider.",
	"demoidp.problem":         "The sign-in could not be completed. Go back to the console and try again.",
	"demoidp.role.office":     "The programme office",
	"demoidp.role.leadership": "The digitalisation leadership",
	"demoidp.role.council":    "Council member for Stockholm county",
	"demoidp.role.network":    "The municipal directors' network",
	"demoidp.role.none":       "Has no part in Handslag",
}
