package batch

import "github.com/didi-index/didi/i18n"

// pageTexts are the texts of summary.html, in every language.
var pageTexts = map[string]i18n.Text{
	"language": {"nl": "Nederlands", "fr": "Français", "en": "English"},
	"title":    {"nl": "Overzicht van de sites", "fr": "Synthèse des sites", "en": "Summary of the sites"},
	"intro": {
		"nl": "Elke rij is één site. Klik op een kolomkop om de tabel te sorteren.",
		"fr": "Chaque ligne est un site. Cliquez sur le titre d'une colonne pour trier le tableau.",
		"en": "Each row is one site. Click a column heading to sort the table.",
	},
	"shard":       {"nl": "Dit is deel", "fr": "Ceci est la partie", "en": "This is part"},
	"sites":       {"nl": "Sites", "fr": "Sites", "en": "Sites"},
	"done":        {"nl": "gescand", "fr": "analysés", "en": "scanned"},
	"failed":      {"nl": "mislukt", "fr": "en échec", "en": "failed"},
	"not_scanned": {"nl": "nog niet gescand", "fr": "pas encore analysés", "en": "not scanned yet"},
	"missing":     {"nl": "ontbreken", "fr": "manquants", "en": "missing"},
	"site":        {"nl": "Site", "fr": "Site", "en": "Site"},
	"group":       {"nl": "Groep", "fr": "Groupe", "en": "Group"},
	"status":      {"nl": "Status", "fr": "Statut", "en": "Status"},
	"index":       {"nl": "Index", "fr": "Indice", "en": "Index"},
	"level":       {"nl": "Niveau", "fr": "Niveau", "en": "Level"},
	"coverage":    {"nl": "Dekking", "fr": "Couverture", "en": "Coverage"},
	"pages":       {"nl": "Pagina's", "fr": "Pages", "en": "Pages"},
	"report":      {"nl": "rapport", "fr": "rapport", "en": "report"},
	"averages":    {"nl": "Gemiddelde per groep", "fr": "Moyenne par groupe", "en": "Average per group"},
	"averages_note": {
		"nl": "Alleen de gescande sites tellen mee.",
		"fr": "Seuls les sites analysés comptent.",
		"en": "Only the sites that were scanned count.",
	},
	"all":      {"nl": "Alle sites", "fr": "Tous les sites", "en": "All sites"},
	"scanned":  {"nl": "Gescand", "fr": "Analysés", "en": "Scanned"},
	"checks":   {"nl": "Controles die het vaakst mislukken", "fr": "Contrôles qui échouent le plus souvent", "en": "Checks that fail most often"},
	"check":    {"nl": "Controle", "fr": "Contrôle", "en": "Check"},
	"fails_on": {"nl": "Aantal sites waar de controle mislukt", "fr": "Nombre de sites où le contrôle échoue", "en": "Number of sites where the check fails"},
	"reason_nothing": {
		"nl": "Geen enkele pagina kon gescand worden. {url}: {why}.",
		"fr": "Aucune page n'a pu être analysée. {url} : {why}.",
		"en": "No page could be scanned. {url}: {why}.",
	},
	"no_checks": {
		"nl": "Geen enkele controle mislukt op de gescande sites.",
		"fr": "Aucun contrôle n'échoue sur les sites analysés.",
		"en": "No check fails on the sites that were scanned.",
	},
	"duplicates": {
		"nl": "Deze sites staan in meer dan één deel. Elke site hoort in één deel. Kijk na of alle delen dezelfde lijst en hetzelfde aantal delen gebruikten.",
		"fr": "Ces sites se trouvent dans plus d'une partie. Chaque site doit être dans une seule partie. Vérifiez que toutes les parties ont utilisé la même liste et le même nombre de parties.",
		"en": "These sites are in more than one part. Each site belongs in one part. Check that all parts used the same list and the same number of parts.",
	},
}

// statusNames name a site's status in a table cell.
var statusNames = map[string]i18n.Text{
	StatusDone:       {"nl": "gescand", "fr": "analysé", "en": "scanned"},
	StatusFailed:     {"nl": "mislukt", "fr": "échec", "en": "failed"},
	StatusNotScanned: {"nl": "nog niet gescand", "fr": "pas encore analysé", "en": "not scanned yet"},
	StatusMissing:    {"nl": "ontbreekt", "fr": "manquant", "en": "missing"},
}

func texts(lang string) map[string]string {
	out := map[string]string{}
	for k, t := range pageTexts {
		out[k] = t.In(lang)
	}
	return out
}

func statusTexts(lang string) map[string]string {
	out := map[string]string{}
	for k, t := range statusNames {
		out[k] = t.In(lang)
	}
	return out
}
