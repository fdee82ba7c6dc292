package i18n

// Catalogue parts kept in their own files (one per feature) are merged in here at start. A key
// defined twice is a programming mistake that would silently hide one text, so it stops the
// program instead.
func init() {
	merge(swedish, webSwedish)
	merge(english, webEnglish)
	merge(swedish, casesSwedish)
	merge(english, casesEnglish)
	merge(swedish, newsSwedish)
	merge(english, newsEnglish)
	merge(swedish, hintsSwedish)
	merge(english, hintsEnglish)
	merge(swedish, consoleSwedish)
	merge(english, consoleEnglish)
}

func merge(into, part map[string]string) {
	for k, v := range part {
		if _, dup := into[k]; dup {
			panic("i18n: key defined twice: " + k)
		}
		into[k] = v
	}
}
