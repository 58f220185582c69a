package questionnaire

import (
	"strconv"

	"github.com/didi-index/didi/i18n"
)

// uiText holds the questionnaire's own words, one column per language of
// i18n.Languages (nl, fr, en), with {placeholders} filled by tr.
var uiText = i18n.Table{
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
	"q.field":          {"{field}: ", "{field} : ", "{field}: "},
	"q.organisation":   {"Organisatie", "Organisation", "Organisation"},
	"q.product":        {"Product of dienst", "Produit ou service", "Product or service"},
	"q.assessor":       {"Uw naam", "Votre nom", "Your name"},
	"q.fieldCurrent":   {"{field} ({value}, Enter = houden): ", "{field} ({value}, Entrée = garder) : ", "{field} ({value}, Enter = keep): "},
	"q.current":        {"Huidig antwoord: {answer} (Enter = houden)", "Réponse actuelle : {answer} (Entrée = garder)", "Current answer: {answer} (Enter = keep)"},
	"q.currentComment": {"Uw opmerking: {comment}", "Votre commentaire : {comment}", "Your comment: {comment}"},
	"q.prompt": {
		"Uw keuze (1-{max}, ? = uitleg, c = opmerking, < = vorige vraag, Enter = overslaan, x = bewaren en stoppen): ",
		"Votre choix (1-{max}, ? = explication, c = commentaire, < = question précédente, Entrée = passer, x = enregistrer et quitter) : ",
		"Your choice (1-{max}, ? = help, c = comment, < = previous question, Enter = skip, x = save and quit): ",
	},
	"q.commentPrompt": {"Uw opmerking bij dit antwoord: ", "Votre commentaire sur cette réponse : ", "Your comment on this answer: "},
	"q.commentSaved":  {"Opmerking bewaard.", "Commentaire enregistré.", "Comment saved."},
	"q.commentPending": {
		"We bewaren uw opmerking samen met uw antwoord. Kies nu een antwoord.",
		"Nous enregistrons votre commentaire avec votre réponse. Choisissez maintenant une réponse.",
		"We save your comment with your answer. Now choose an answer.",
	},
	"q.commentDropped": {
		"Uw opmerking is niet bewaard: een opmerking hoort bij een antwoord.",
		"Votre commentaire n'est pas enregistré : un commentaire va avec une réponse.",
		"Your comment was not saved: a comment goes with an answer.",
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
		"{quoted} kennen we niet. Gebruik organisation, product, assessor, date of comment.",
		"« {value} » est inconnu. Utilisez organisation, product, assessor, date ou comment.",
		"{quoted} is unknown. Use organisation, product, assessor, date or comment.",
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
		"Gestopt. Typ deze opdracht om verder te gaan:",
		"Arrêté. Tapez cette commande pour continuer :",
		"Stopped. Type this command to continue:",
	},
	"q.next": {
		"Volgende stap: scan uw website met deze antwoorden. Typ deze opdracht, met het adres van uw website:",
		"Étape suivante : analysez votre site avec ces réponses. Tapez cette commande, avec l'adresse de votre site :",
		"Next step: scan your website with these answers. Type this command, with the address of your website:",
	},
	"q.url":  {"https://www.uw-website.be", "https://www.votre-site.be", "https://www.your-website.be"},
	"q.done": {"Klaar! Alle vragen zijn beantwoord.", "Terminé ! Toutes les questions ont une réponse.", "Done! Every question has an answer."},
}

// tr returns the text key of uiText in lang, filled from kv (name, value
// pairs).
func tr(lang, key string, kv ...string) string { return uiText.Text(lang, key, kv...) }

// trN is tr for a count n (see i18n.Table.TextN).
func trN(lang, key string, n int, kv ...string) string { return uiText.TextN(lang, key, n, kv...) }

// quoted are the {value} and {quoted} parameters of a text that repeats what
// the user typed: Dutch and English show it Go-quoted, French between « ».
func quoted(value string) []string { return []string{"value", value, "quoted", strconv.Quote(value)} }
