package i18n

// The monthly newsletter's preparation part (prefix news.), in English.
var newsEnglish = map[string]string{
	"news.preparation.intro": "This is what happened in the preparation in {month}.",
	"news.decision":          "{date}: {decision} ({body})",
	"news.entered":           "{date}: new stage – {stage}",
}
