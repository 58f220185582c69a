package criteria

import (
	"slices"
	"strconv"

	"github.com/didi-index/didi/i18n"
)

// uiText holds the questionnaire's and the answers files' own words (tool
// UI, not model content), by key, one column per language of
// i18n.Languages. {placeholders} are filled by tr.
var uiText = map[string][3]string{ // nl, fr, en
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

	"q.welcome": {
		"Vragenlijst {title}. U beantwoordt de vragen één voor één. Na elk antwoord bewaren we alles in {file}.",
		"Questionnaire {title}. Vous répondez aux questions une par une. Après chaque réponse, tout est enregistré dans {file}.",
		"Questionnaire {title}. You answer the questions one by one. After each answer, everything is saved to {file}.",
	},
	"q.resume": {
		"U hebt al {answered} van de {total} vragen beantwoord. We gaan verder bij vraag {next}.",
		"Vous avez déjà répondu à {answered} questions sur {total}. Nous reprenons à la question {next}.",
		"You have already answered {answered} of {total} questions. We continue at question {next}.",
	},
	"q.resume.one": {
		"U hebt al {answered} van de {total} vragen beantwoord. We gaan verder bij vraag {next}.",
		"Vous avez déjà répondu à {answered} question sur {total}. Nous reprenons à la question {next}.",
		"You have already answered {answered} of {total} questions. We continue at question {next}.",
	},
	"q.review": {
		"Alle vragen hebben al een antwoord. Druk op Enter om een antwoord te houden, of kies een ander.",
		"Toutes les questions ont déjà une réponse. Appuyez sur Entrée pour garder une réponse, ou choisissez-en une autre.",
		"Every question already has an answer. Press Enter to keep an answer, or choose another one.",
	},
	"q.field":        {"{field}: ", "{field} : ", "{field}: "},
	"q.organisation": {"Organisatie", "Organisation", "Organisation"},
	"q.product":      {"Product of dienst", "Produit ou service", "Product or service"},
	"q.assessor":     {"Uw naam", "Votre nom", "Your name"},
	"q.current":      {"Huidig antwoord: {answer} (Enter = houden)", "Réponse actuelle : {answer} (Entrée = garder)", "Current answer: {answer} (Enter = keep)"},
	"q.prompt": {
		"Uw keuze (1-{max}, ? = uitleg, < = vorige vraag, Enter = overslaan, x = bewaren en stoppen): ",
		"Votre choix (1-{max}, ? = explication, < = question précédente, Entrée = passer, x = enregistrer et quitter) : ",
		"Your choice (1-{max}, ? = help, < = previous question, Enter = skip, x = save and quit): ",
	},
	"q.first": {"Dit is de eerste vraag.", "C'est la première question.", "This is the first question."},
	"q.bad": {
		"{quoted} is geen keuze. Typ een nummer van 1 tot {max}, of ? voor uitleg.",
		"« {value} » n'est pas un choix. Tapez un numéro de 1 à {max}, ou ? pour l'explication.",
		"{quoted} is not a choice. Type a number from 1 to {max}, or ? for help.",
	},
	"q.badLine": {
		"{quoted} is geen antwoord op vraag {question}. Kies een nummer van 1 tot {max}: {choices}.",
		"« {value} » n'est pas une réponse à la question {question}. Choisissez un numéro de 1 à {max} : {choices}.",
		"{quoted} is not an answer to question {question}. Choose a number from 1 to {max}: {choices}.",
	},
	"q.badField": {
		"{quoted} kennen we niet. Gebruik organisation, product, assessor of date.",
		"« {value} » est inconnu. Utilisez organisation, product, assessor ou date.",
		"{quoted} is unknown. Use organisation, product, assessor or date.",
	},
	"q.badDate": {
		"{quoted} is geen datum. Schrijf de datum als JJJJ-MM-DD.",
		"« {value} » n'est pas une date. Écrivez la date sous la forme AAAA-MM-JJ.",
		"{quoted} is not a date. Write the date as YYYY-MM-DD.",
	},
	"q.summary":     {"{answered} van de {total} vragen beantwoord.", "{answered} questions sur {total} ont une réponse.", "{answered} of {total} questions answered."},
	"q.summary.one": {"{answered} van de {total} vragen beantwoord.", "{answered} question sur {total} a une réponse.", "{answered} of {total} questions answered."},
	"q.open":        {"Nog zonder antwoord: {questions}", "Encore sans réponse : {questions}", "Still without an answer: {questions}"},
	"q.saved":       {"Uw antwoorden staan in {file}.", "Vos réponses sont dans {file}.", "Your answers are in {file}."},
	"q.stopped": {
		"Gestopt. Start dezelfde opdracht opnieuw om verder te gaan.",
		"Arrêté. Relancez la même commande pour continuer.",
		"Stopped. Run the same command again to continue.",
	},
	"q.done": {"Klaar! Alle vragen zijn beantwoord.", "Terminé ! Toutes les questions ont une réponse.", "Done! Every question has an answer."},
}

// uiText's columns are i18n.Languages, in that order (TestUITextComplete).

// trN is tr for a count n: it uses key+".one" when n is 1 and that text
// exists, and fills {n} besides kv.
func trN(lang, key string, n int, kv ...string) string {
	if _, ok := uiText[key+".one"]; ok && n == 1 {
		key += ".one"
	}
	return tr(lang, key, append([]string{"n", strconv.Itoa(n)}, kv...)...)
}

// tr returns the UI text key in lang (English when lang is not one of
// i18n.Languages), its {placeholders} filled from kv (name, value pairs)
// with i18n.Fill, the syntax of the model's texts.
func tr(lang, key string, kv ...string) string {
	col := slices.Index(i18n.Languages, "en")
	if i := slices.Index(i18n.Languages, lang); i >= 0 {
		col = i
	}
	texts, ok := uiText[key]
	if !ok {
		return key
	}
	if len(kv) == 0 {
		return i18n.Typeset(lang, texts[col])
	}
	return i18n.Typeset(lang, i18n.Fill(texts[col], i18n.Pairs(kv...)))
}

// quoted are the {value} and {quoted} parameters of a text that repeats what
// the user typed: Dutch and English show it Go-quoted, French between « ».
func quoted(value string) []string { return []string{"value", value, "quoted", strconv.Quote(value)} }
