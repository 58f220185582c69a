package criteria

import (
	"fmt"

	"github.com/didi-index/didi/i18n"
)

// uiText holds the questionnaire's and the answers files' own words (tool
// UI, not model content), by key and language. Format verbs are filled by
// tr.
var uiText = map[string][3]string{ // nl, fr, en
	"file.header": {
		"Antwoorden op de vragenlijst %s (%s).",
		"Réponses au questionnaire %s (%s).",
		"Answers to the questionnaire %s (%s).",
	},
	"file.note": {
		"Gemaakt met 'didi questionnaire'. U mag dit bestand ook met de hand aanpassen.",
		"Créé avec « didi questionnaire ». Vous pouvez aussi modifier ce fichier à la main.",
		"Made with 'didi questionnaire'. You may also edit this file by hand.",
	},
	"file.answer":   {"Antwoord: %s", "Réponse : %s", "Answer: %s"},
	"file.language": {"taal van de opmerkingen", "langue des commentaires", "language of the comments"},
	"tpl.header": {
		"Vragenlijst %s (%s), om met de hand in te vullen.",
		"Questionnaire %s (%s), à remplir à la main.",
		"Questionnaire %s (%s), to fill in by hand.",
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
	"question": {"Vraag %d/%d", "Question %d/%d", "Question %d/%d"},

	"q.welcome": {
		"Vragenlijst %s. U beantwoordt de vragen één voor één. Na elk antwoord bewaren we alles in %s.",
		"Questionnaire %s. Vous répondez aux questions une par une. Après chaque réponse, tout est enregistré dans %s.",
		"Questionnaire %s. You answer the questions one by one. After each answer, everything is saved to %s.",
	},
	"q.resume": {
		"U hebt al %d van de %d vragen beantwoord. We gaan verder bij vraag %d.",
		"Vous avez déjà répondu à %d questions sur %d. Nous reprenons à la question %d.",
		"You have already answered %d of %d questions. We continue at question %d.",
	},
	"q.resume.one": {
		"U hebt al %d van de %d vragen beantwoord. We gaan verder bij vraag %d.",
		"Vous avez déjà répondu à %d question sur %d. Nous reprenons à la question %d.",
		"You have already answered %d of %d questions. We continue at question %d.",
	},
	"q.review": {
		"Alle vragen hebben al een antwoord. Druk op Enter om een antwoord te houden, of kies een ander.",
		"Toutes les questions ont déjà une réponse. Appuyez sur Entrée pour garder une réponse, ou choisissez-en une autre.",
		"Every question already has an answer. Press Enter to keep an answer, or choose another one.",
	},
	"q.field":        {"%s: ", "%s : ", "%s: "},
	"q.organisation": {"Organisatie", "Organisation", "Organisation"},
	"q.product":      {"Product of dienst", "Produit ou service", "Product or service"},
	"q.assessor":     {"Uw naam", "Votre nom", "Your name"},
	"q.current":      {"Huidig antwoord: %s (Enter = houden)", "Réponse actuelle : %s (Entrée = garder)", "Current answer: %s (Enter = keep)"},
	"q.prompt": {
		"Uw keuze (1-%d, ? = uitleg, < = vorige vraag, Enter = overslaan, x = bewaren en stoppen): ",
		"Votre choix (1-%d, ? = explication, < = question précédente, Entrée = passer, x = enregistrer et quitter) : ",
		"Your choice (1-%d, ? = help, < = previous question, Enter = skip, x = save and quit): ",
	},
	"q.first": {"Dit is de eerste vraag.", "C'est la première question.", "This is the first question."},
	"q.bad": {
		"%q is geen keuze. Typ een nummer van 1 tot %d, of ? voor uitleg.",
		"« %s » n'est pas un choix. Tapez un numéro de 1 à %d, ou ? pour l'explication.",
		"%q is not a choice. Type a number from 1 to %d, or ? for help.",
	},
	"q.badLine": {
		"%q is geen antwoord op vraag %d. Kies een nummer van 1 tot %d: %s.",
		"« %s » n'est pas une réponse à la question %d. Choisissez un numéro de 1 à %d : %s.",
		"%q is not an answer to question %d. Choose a number from 1 to %d: %s.",
	},
	"q.badField": {
		"%q kennen we niet. Gebruik organisation, product, assessor of date.",
		"« %s » est inconnu. Utilisez organisation, product, assessor ou date.",
		"%q is unknown. Use organisation, product, assessor or date.",
	},
	"q.badDate": {
		"%q is geen datum. Schrijf de datum als JJJJ-MM-DD.",
		"« %s » n'est pas une date. Écrivez la date sous la forme AAAA-MM-JJ.",
		"%q is not a date. Write the date as YYYY-MM-DD.",
	},
	"q.summary":     {"%d van de %d vragen beantwoord.", "%d questions sur %d ont une réponse.", "%d of %d questions answered."},
	"q.summary.one": {"%d van de %d vragen beantwoord.", "%d question sur %d a une réponse.", "%d of %d questions answered."},
	"q.open":        {"Nog zonder antwoord: %s", "Encore sans réponse : %s", "Still without an answer: %s"},
	"q.saved":       {"Uw antwoorden staan in %s.", "Vos réponses sont dans %s.", "Your answers are in %s."},
	"q.stopped": {
		"Gestopt. Start dezelfde opdracht opnieuw om verder te gaan.",
		"Arrêté. Relancez la même commande pour continuer.",
		"Stopped. Run the same command again to continue.",
	},
	"q.done": {"Klaar! Alle vragen zijn beantwoord.", "Terminé ! Toutes les questions ont une réponse.", "Done! Every question has an answer."},
}

// trN is tr for a count n (the first argument): it uses key+".one" when n
// is 1 and that text exists.
func trN(lang, key string, n int, args ...any) string {
	if _, ok := uiText[key+".one"]; ok && n == 1 {
		key += ".one"
	}
	return tr(lang, key, append([]any{n}, args...)...)
}

// uiLangs are the languages of uiText, in column order.
var uiLangs = []string{"nl", "fr", "en"}

// tr returns the UI text key in lang (English when lang is not nl or fr),
// filled with args.
func tr(lang, key string, args ...any) string {
	col := 2
	for i, l := range uiLangs {
		if l == lang {
			col = i
		}
	}
	texts, ok := uiText[key]
	if !ok {
		return key
	}
	s := texts[col]
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return i18n.Typeset(lang, s)
}
