package i18n

// The monthly newsletter's preparation part (prefix news.), in Swedish.
var newsSwedish = map[string]string{
	"news.preparation.intro": "Det här har hänt i beredningen under {month}.",
	"news.decision":          "{date}: {decision} ({body})",
	"news.entered":           "{date}: nytt steg – {stage}",
}
