package criteria

import (
	"github.com/didi-index/didi/i18n"
)

// uiText holds the questionnaire's and the answers files' own words (tool
// UI, not model content), by key, one column per language of
// i18n.Languages. {placeholders} are filled by tr.
var uiText = i18n.Table{ // nl, fr, en
	"file.header": {
		"Antwoorden op de vragenlijst {title} ({model}).",
		"Réponses au questionnaire {title} ({model}).",
		"Answers to the questionnaire {title} ({model}).",
	},
	"file.note": {
		"Gemaakt met 'didi questionnaire'. U mag dit bestand ook met de hand aanpassen.",
		"Créé avec « didi questionnaire ». Vous pouvez aussi modifier ce fichier à la main.",
		"Made with 'didi questionnaire'. You may also edit this file by hand.",
	},
	"file.answer":   {"Antwoord: {answer}", "Réponse : {answer}", "Answer: {answer}"},
	"file.language": {"taal van de opmerkingen", "langue des commentaires", "language of the comments"},
	"tpl.header": {
		"Vragenlijst {title} ({model}), om met de hand in te vullen.",
		"Questionnaire {title} ({model}), à remplir à la main.",
		"Questionnaire {title} ({model}), to fill in by hand.",
	},
	"tpl.how": {
		"Schrijf achter elke vraag uw antwoord, zoals het in de lijst staat (bijvoorbeeld Ja), of de korte code ervoor (yes). Bijvoorbeeld:",
		"Après chaque question, écrivez votre réponse telle qu'elle figure dans la liste (par exemple Oui), ou le code court qui la précède (yes). Par exemple :",
		"After each question, write your answer as it appears in the list (for example Yes), or the short code before it (yes). For example:",
	},
	"tpl.comment": {
		"Wilt u iets uitleggen? Schrijf dan:",
		"Vous voulez expliquer votre réponse ? Écrivez alors :",
		"Want to explain your answer? Then write:",
	},
	"tpl.comment.example": {"onze uitleg", "notre explication", "our explanation"},
	"tpl.empty": {
		"Weet u het antwoord niet? Kies dan 'Weet ik niet': het rapport zegt wie het meestal weet. Of laat de vraag leeg.",
		"Vous ne connaissez pas la réponse ? Choisissez alors « Je ne sais pas » : le rapport dit qui la connaît le plus souvent. Ou laissez la question vide.",
		"Don't know the answer? Then choose 'Don't know': the report says who usually knows. Or leave the question empty.",
	},
	"tpl.date":    {"datum: JJJJ-MM-DD", "date : AAAA-MM-JJ", "date: YYYY-MM-DD"},
	"tpl.options": {"Antwoorden:", "Réponses :", "Answers:"},
	"tpl.reviews": {
		"Sommige dingen kan een computer niet beoordelen. Het rapport stelt er dan een vraag over. Antwoord hier met pass (in orde) of fail (niet in orde). Haal het hekje weg voor de regels die u invult.",
		"Un ordinateur ne peut pas juger certains points. Le rapport pose alors une question à leur sujet. Répondez ici par pass (c'est correct) ou fail (ce n'est pas correct). Retirez le dièse devant les lignes que vous remplissez.",
		"Some things a computer cannot judge. The report then asks a question about them. Answer here with pass (fine) or fail (not fine). Remove the hash sign before the lines you fill in.",
	},
	"question": {"Vraag {n}/{total}", "Question {n}/{total}", "Question {n}/{total}"},
}

// tr returns the text key of uiText in lang, filled from kv (name, value
// pairs).
func tr(lang, key string, kv ...string) string { return uiText.Text(lang, key, kv...) }
