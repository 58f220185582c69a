package report

import (
	"fmt"
	"github.com/didi-index/didi/result"
	"strings"
)

// txt builds a Text in nl, fr and en.
func txt(nl, fr, en string) result.Text { return result.Text{"nl": nl, "fr": fr, "en": en} }

// fp returns a pointer to v.
func fp(v float64) *float64 { return &v }

// fixtureCheck describes a check of the fixture: which pages fail, which
// need review, and whether it is site-wide or could not run.
type fixtureCheck struct {
	id        string
	weight    float64
	wcag      []string
	title     result.Text
	problem   result.Text
	desc      result.Text
	tip       result.Text
	review    result.Text
	message   result.Text
	failEvery int // page i fails when i%failEvery == 0; 0 never
	reviewAt  int // page i needs review when i%reviewAt == 1; 0 never
	siteWide  bool
	notRun    bool
	inapp     bool
}

// fixtureURL is the URL of page i; some are very long.
func fixtureURL(i int) string {
	switch {
	case i == 0:
		return "https://www.voorbeeld-gemeente.be/"
	case i%9 == 4:
		return fmt.Sprintf("https://www.voorbeeld-gemeente.be/nl/diensten/burgerzaken/identiteitskaarten-en-reispassen/elektronische-identiteitskaart-aanvragen-vernieuwen-of-verloren-melden/stap-%d?utm_source=nieuwsbrief&utm_medium=email&utm_campaign=najaar-2026-digitale-inclusie-en-toegankelijkheid&sessionid=9f8e7d6c5b4a39281706f5e4d3c2b1a0", i)
	case i%2 == 0:
		return fmt.Sprintf("https://www.voorbeeld-gemeente.be/fr/services/page-%d-démarches-en-ligne", i)
	}
	return fmt.Sprintf("https://www.voorbeeld-gemeente.be/nl/diensten/pagina-%d", i)
}

// fixtureEvidence is the failing element of check c on page i.
func fixtureEvidence(c fixtureCheck, i int) []result.Evidence {
	snippet := fmt.Sprintf(`<img src="/media/hero-%d.jpg" class="hero hero--wide">`, i)
	if i%5 == 0 {
		snippet = `<a href="https://www.voorbeeld-gemeente.be/nl/diensten/afval/ophaalkalender/2026/ophaalkalender-voor-alle-deelgemeenten-met-gft-pmd-papier-en-karton-glas-en-restafval.pdf" class="btn btn-primary btn-lg js-track-download" data-tracking-category="downloads" data-tracking-label="ophaalkalender 2026 – €5 korting"><span class="icon icon-download" aria-hidden="true">🙂</span></a>`
	}
	ev := []result.Evidence{{
		Selector: fmt.Sprintf("main > section:nth-of-type(%d) > div.card-grid > article.card:nth-child(%d) > a.card__link > img", i%4+1, i%7+1),
		Snippet:  snippet,
		Message:  c.message,
	}}
	if i%3 == 0 {
		ev = append(ev, result.Evidence{Selector: "#footer-logo", Snippet: `<img src="/logo.svg">`, Message: c.message})
	}
	return ev
}

// buildFixtureCheck computes a check's outcomes over n pages.
func buildFixtureCheck(c fixtureCheck, urls []string) result.Check {
	ch := result.Check{
		ID: c.id, Weight: c.weight, WCAG: c.wcag, ACTRules: []string{}, Title: c.title,
		Problem: c.problem, Description: c.desc, Tip: c.tip, Review: c.review, SiteWide: c.siteWide,
		Counts: map[string]int{},
	}
	if c.siteWide {
		urls = urls[:1]
	}
	for i, u := range urls {
		o := result.Outcome{URL: u, Outcome: "pass"}
		switch {
		case c.notRun:
			o.Outcome = "not_evaluated"
			o.Evidence = []result.Evidence{{Message: txt(
				"Deze controle heeft een browser nodig; de scan liep zonder browser.",
				"Ce contrôle a besoin d'un navigateur ; l'analyse s'est faite sans navigateur.",
				"This check needs a browser; the scan ran without one.")}}
		case c.inapp:
			o.Outcome = "inapplicable"
		case c.failEvery > 0 && i%c.failEvery == 0:
			o.Outcome, o.Evidence = "fail", fixtureEvidence(c, i)
		case c.reviewAt > 0 && i%c.reviewAt == 1:
			o.Outcome = "needs_review"
			o.Evidence = []result.Evidence{{Selector: "main > figure.banner > img", Snippet: `<img src="/banner.jpg" alt="">`}}
		}
		ch.Counts[o.Outcome]++
		ch.Outcomes = append(ch.Outcomes, o)
	}
	if pass, fail := ch.Counts["pass"], ch.Counts["fail"]; pass+fail > 0 {
		ch.Score = fp(float64(pass) / float64(pass+fail))
	}
	return ch
}

// fixtureQuestion is a question and its answer ("" unanswered).
type fixtureQuestion struct {
	id     string
	text   result.Text
	answer string
	tip    result.Text
}

var answerTexts = map[string]result.Text{
	"yes":    txt("Ja", "Oui", "Yes"),
	"partly": txt("Gedeeltelijk", "En partie", "Partly"),
	"no":     txt("Nee", "Non", "No"),
	"na":     txt("Niet van toepassing", "Sans objet", "Not applicable"),
}

var answerScores = map[string]float64{"yes": 1, "partly": 0.5, "no": 0}

// fixtureCriterion describes one criterion of the fixture.
type fixtureCriterion struct {
	id        string
	title     result.Text
	why       result.Text
	questions []fixtureQuestion
	checks    []fixtureCheck
}

// fixtureCriteria are the seven criteria with realistic texts.
func fixtureCriteria() []fixtureCriterion {
	altMsg := txt("Deze afbeelding heeft geen tekstalternatief (alt).", "Cette image n'a pas d'alternative textuelle (alt).", "This image has no text alternative (alt).")
	return []fixtureCriterion{
		{id: "accessible", title: txt("Toegankelijk", "Accessible", "Accessible"),
			why: txt("Eén op vijf mensen leeft met een beperking. Ze gebruiken vaak een schermlezer, vergroting of alleen een toetsenbord. Een site die de WCAG-regels volgt, werkt ook voor hen.",
				"Une personne sur cinq vit avec un handicap. Elle utilise souvent un lecteur d'écran, un agrandissement ou seulement le clavier. Un site qui suit les règles WCAG fonctionne aussi pour elle.",
				"One in five people lives with a disability. They often use a screen reader, zoom or only a keyboard. A site that follows the WCAG rules works for them too."),
			questions: []fixtureQuestion{
				{id: "accessible.audit", text: txt("Heeft een expert de site het afgelopen jaar getest volgens WCAG 2.2 AA?", "Un expert a-t-il testé le site selon WCAG 2.2 AA l'année passée ?", "Has an expert tested the site against WCAG 2.2 AA in the past year?"), answer: "partly",
					tip: txt("Laat de belangrijkste taken elk jaar testen door een expert, samen met mensen met een beperking.", "Faites tester chaque année les tâches principales par un expert, avec des personnes handicapées.", "Have an expert test the main tasks every year, together with disabled people.")},
				{id: "accessible.statement", text: txt("Staat er een toegankelijkheidsverklaring op de site?", "Le site a-t-il une déclaration d'accessibilité ?", "Does the site have an accessibility statement?"), answer: "yes"},
				{id: "accessible.documents", text: txt("Zijn pdf’s en andere documenten ook toegankelijk?", "Les PDF et autres documents sont-ils aussi accessibles ?", "Are PDFs and other documents accessible too?"), answer: ""},
			},
			checks: []fixtureCheck{
				{id: "image-alt", weight: 3, wcag: []string{"1.1.1"}, failEvery: 2, reviewAt: 5,
					title:   txt("Afbeeldingen hebben een tekstalternatief", "Les images ont une alternative textuelle", "Images have a text alternative"),
					problem: txt("Afbeeldingen hebben geen tekstalternatief", "Des images n'ont pas d'alternative textuelle", "Images have no text alternative"),
					desc:    txt("Elke afbeelding met inhoud heeft een alt-tekst die zegt wat erop staat.", "Chaque image porteuse d'information a un texte alt qui dit ce qu'elle montre.", "Every meaningful image has an alt text that says what it shows."),
					tip:     txt("Geef elke afbeelding een korte alt-tekst. Is ze alleen versiering? Gebruik dan alt=\"\".", "Donnez à chaque image un court texte alt. Elle est seulement décorative ? Utilisez alt=\"\".", "Give every image a short alt text. Is it only decoration? Then use alt=\"\"."),
					review:  txt("Deze afbeeldingen hebben een lege alt-tekst. Zijn ze echt alleen versiering?", "Ces images ont un texte alt vide. Sont-elles vraiment seulement décoratives ?", "These images have an empty alt text. Are they really only decoration?"),
					message: altMsg},
				{id: "html-lang", weight: 2, wcag: []string{"3.1.1"}, failEvery: 13,
					title:   txt("De taal van de pagina is ingesteld", "La langue de la page est indiquée", "The page language is set"),
					problem: txt("De taal van de pagina is niet ingesteld", "La langue de la page n'est pas indiquée", "The page language is not set"),
					desc:    txt("Het html-element heeft een geldig lang-attribuut.", "L'élément html a un attribut lang valide.", "The html element has a valid lang attribute."),
					tip:     txt("Zet de taal van elke pagina in het html-element, bijvoorbeeld <html lang=\"nl\">.", "Indiquez la langue de chaque page dans l'élément html, par exemple <html lang=\"fr\">.", "Set the language of each page on the html element, for example <html lang=\"en\">."),
					message: txt("Het html-element heeft geen lang-attribuut.", "L'élément html n'a pas d'attribut lang.", "The html element has no lang attribute.")},
				{id: "color-contrast", weight: 3, wcag: []string{"1.4.3"}, notRun: true,
					title: txt("Tekst heeft genoeg contrast", "Le texte a assez de contraste", "Text has enough contrast"),
					desc:  txt("Tekst en achtergrond verschillen genoeg (4,5:1).", "Le texte et le fond sont assez différents (4,5:1).", "Text and background differ enough (4.5:1).")},
			}},
		{id: "understandable", title: txt("Begrijpelijk", "Compréhensible", "Understandable"),
			why: txt("Veel mensen lezen moeilijk. Korte zinnen en gewone woorden helpen iedereen, ook wie een andere moedertaal heeft.",
				"Beaucoup de personnes lisent difficilement. Des phrases courtes et des mots courants aident tout le monde, aussi ceux qui ont une autre langue maternelle.",
				"Many people find reading hard. Short sentences and common words help everyone, also people with another mother tongue."),
			questions: []fixtureQuestion{
				{id: "understandable.b1", text: txt("Schrijft u de teksten op taalniveau B1?", "Rédigez-vous les textes au niveau B1 ?", "Do you write the texts at language level B1?"), answer: "no",
					tip: txt("Herschrijf de tien meest bezochte pagina’s in eenvoudige taal en test ze met lezers.", "Réécrivez les dix pages les plus visitées en langage clair et testez-les avec des lecteurs.", "Rewrite the ten most visited pages in plain language and test them with readers.")},
				{id: "understandable.languages", text: txt("Is alle informatie er in het Nederlands, het Frans en het Duits?", "Toutes les informations existent-elles en néerlandais, en français et en allemand ?", "Is all information available in Dutch, French and German?"), answer: "partly"},
			},
			checks: []fixtureCheck{
				{id: "link-purpose", weight: 2, wcag: []string{"2.4.4"}, failEvery: 3,
					title:   txt("Links zeggen waar ze naartoe gaan", "Les liens disent où ils mènent", "Links say where they go"),
					problem: txt("Links zeggen niet waar ze naartoe gaan", "Des liens ne disent pas où ils mènent", "Links do not say where they go"),
					desc:    txt("De tekst van een link is duidelijk, ook zonder de zin eromheen.", "Le texte d'un lien est clair, même sans la phrase autour.", "The text of a link is clear, even without the sentence around it."),
					tip:     txt("Vervang „klik hier” en „lees meer” door woorden die zeggen wat de lezer vindt.", "Remplacez « cliquez ici » et « lire la suite » par des mots qui disent ce que le lecteur trouvera.", "Replace \"click here\" and \"read more\" with words that say what the reader will find."),
					message: txt("De linktekst „lees meer” zegt niet waar de link naartoe gaat.", "Le texte du lien « lire la suite » ne dit pas où il mène.", "The link text \"read more\" does not say where it goes.")},
				{id: "reading-level", weight: 2, failEvery: 4,
					title:   txt("De tekst is makkelijk te lezen", "Le texte est facile à lire", "The text is easy to read"),
					problem: txt("De tekst is moeilijk te lezen", "Le texte est difficile à lire", "The text is hard to read"),
					desc:    txt("Zinnen zijn kort en woorden zijn gewoon.", "Les phrases sont courtes et les mots courants.", "Sentences are short and words are common."),
					tip:     txt("Schrijf zinnen van hoogstens 15 woorden en leg vaktaal uit.", "Écrivez des phrases de 15 mots au plus et expliquez le jargon.", "Write sentences of 15 words at most and explain jargon."),
					message: txt("Gemiddeld 27 woorden per zin; streef naar 15.", "En moyenne 27 mots par phrase ; visez 15.", "On average 27 words per sentence; aim for 15.")},
			}},
		{id: "simple", title: txt("Eenvoudig", "Simple", "Simple to use"),
			why: txt("Elke extra stap zorgt voor stress en fouten. Korte formulieren zonder tijdsdruk helpen mensen met weinig digitale vaardigheden.",
				"Chaque étape en plus crée du stress et des erreurs. Des formulaires courts, sans pression de temps, aident les personnes peu à l'aise avec le numérique.",
				"Every extra step causes stress and errors. Short forms without time pressure help people with few digital skills."),
			questions: []fixtureQuestion{
				{id: "simple.steps", text: txt("Kan men de belangrijkste taak in vijf stappen of minder doen?", "Peut-on faire la tâche principale en cinq étapes ou moins ?", "Can people do the main task in five steps or fewer?"), answer: "yes"},
				{id: "simple.captcha", text: txt("Gebruikt de site geen CAPTCHA?", "Le site n'utilise-t-il pas de CAPTCHA ?", "Does the site avoid CAPTCHAs?"), answer: "na"},
			},
			checks: []fixtureCheck{
				{id: "autocomplete", weight: 2, wcag: []string{"1.3.5"}, failEvery: 6,
					title:   txt("Formuliervelden vullen zichzelf aan", "Les champs de formulaire se remplissent tout seuls", "Form fields can fill themselves in"),
					problem: txt("Formuliervelden vullen zichzelf niet aan", "Des champs de formulaire ne se remplissent pas tout seuls", "Form fields cannot fill themselves in"),
					desc:    txt("Velden voor naam, adres en e-mail hebben een autocomplete-attribuut.", "Les champs pour le nom, l'adresse et le courriel ont un attribut autocomplete.", "Fields for name, address and email have an autocomplete attribute."),
					tip:     txt("Voeg autocomplete toe, bijvoorbeeld autocomplete=\"email\".", "Ajoutez autocomplete, par exemple autocomplete=\"email\".", "Add autocomplete, for example autocomplete=\"email\"."),
					message: txt("Het veld ‘E-mail’ heeft geen autocomplete.", "Le champ « Courriel » n'a pas d'autocomplete.", "The field ‘Email’ has no autocomplete.")},
				{id: "no-captcha", weight: 2, inapp: true,
					title: txt("Geen CAPTCHA", "Pas de CAPTCHA", "No CAPTCHA"),
					desc:  txt("Formulieren vragen geen puzzel om te bewijzen dat u een mens bent.", "Les formulaires ne demandent pas de puzzle pour prouver que vous êtes humain.", "Forms ask no puzzle to prove you are human.")},
			}},
		{id: "reachable", title: txt("Werkt op elk toestel", "Fonctionne sur tout appareil", "Works on any device"),
			why: txt("Eén op vier mensen met een laag inkomen gaat alleen via een smartphone online. Een lichte site werkt ook op een oud toestel en met weinig data.",
				"Une personne sur quatre à faible revenu ne va en ligne qu'avec un smartphone. Un site léger fonctionne aussi sur un vieil appareil et avec peu de données.",
				"One in four people on a low income go online only with a smartphone. A light site also works on an old device and with little data."),
			questions: []fixtureQuestion{
				{id: "reachable.app-only", text: txt("Kan men alles ook zonder app doen?", "Peut-on tout faire aussi sans application ?", "Can people do everything without an app too?"), answer: "partly"},
			},
			checks: []fixtureCheck{
				{id: "page-weight", weight: 2, failEvery: 2,
					title:   txt("De pagina is licht", "La page est légère", "The page is light"),
					problem: txt("De pagina is te zwaar", "La page est trop lourde", "The page is too heavy"),
					desc:    txt("De pagina weegt minder dan 1,5 MB.", "La page pèse moins de 1,5 Mo.", "The page weighs less than 1.5 MB."),
					tip:     txt("Verklein afbeeldingen en laad scripts alleen waar nodig.", "Réduisez les images et ne chargez les scripts que là où il le faut.", "Shrink images and load scripts only where needed."),
					message: txt("De pagina weegt 4,2 MB.", "La page pèse 4,2 Mo.", "The page weighs 4.2 MB.")},
				{id: "reflow", weight: 2, wcag: []string{"1.4.10"}, notRun: true,
					title: txt("De pagina past op een smal scherm", "La page tient sur un écran étroit", "The page fits a narrow screen"),
					desc:  txt("Op 320 pixels breed hoeft niemand opzij te scrollen.", "Sur 320 pixels de large, personne ne doit défiler de côté.", "At 320 pixels wide nobody has to scroll sideways.")},
			}},
		{id: "supported", title: txt("Hulp en alternatieven", "Aide et alternatives", "Help and alternatives"),
			why: txt("Niet iedereen kan of wil alles online doen. Een mens aan de telefoon of aan een loket is voor velen de enige weg.",
				"Tout le monde ne peut pas ou ne veut pas tout faire en ligne. Une personne au téléphone ou au guichet est pour beaucoup la seule voie.",
				"Not everyone can or wants to do everything online. A person on the phone or at a desk is the only way for many."),
			questions: []fixtureQuestion{
				{id: "supported.human", text: txt("Kan men een mens bereiken via telefoon of loket?", "Peut-on joindre une personne par téléphone ou au guichet ?", "Can people reach a person by phone or at a desk?"), answer: "yes"},
				{id: "supported.offline", text: txt("Is er voor elke online dienst een alternatief op papier of aan het loket?", "Chaque service en ligne a-t-il une alternative sur papier ou au guichet ?", "Does every online service have a paper or desk alternative?"), answer: "no",
					tip: txt("Bied voor elke online dienst een weg aan het loket of op papier, en zeg dat duidelijk op de site.", "Proposez pour chaque service en ligne une voie au guichet ou sur papier, et dites-le clairement sur le site.", "Offer a desk or paper route for every online service, and say so clearly on the site.")},
				{id: "supported.proxy", text: txt("Kan iemand een aanvraag doen voor een ander (volmacht)?", "Quelqu'un peut-il faire une demande pour une autre personne (procuration) ?", "Can someone apply on behalf of another person (proxy)?"), answer: ""},
			},
			checks: []fixtureCheck{
				{id: "contact-page", weight: 3, siteWide: true,
					title:   txt("Er is een contactpagina", "Il y a une page de contact", "There is a contact page"),
					problem: txt("De startpagina leidt niet naar contactgegevens", "La page d'accueil ne mène pas aux coordonnées", "The start page does not lead to contact details"),
					desc:    txt("De site heeft een pagina met telefoon, adres en openingsuren.", "Le site a une page avec le téléphone, l'adresse et les heures d'ouverture.", "The site has a page with phone, address and opening hours.")},
			}},
		{id: "trustworthy", title: txt("Veilig en betrouwbaar", "Sûr et fiable", "Safe and trustworthy"),
			why: txt("Angst voor fraude houdt veel mensen weg van het internet. Een veilige site zonder verborgen tracking wint hun vertrouwen.",
				"La peur de la fraude éloigne beaucoup de gens d'internet. Un site sûr, sans traçage caché, gagne leur confiance.",
				"Fear of fraud keeps many people off the internet. A safe site without hidden tracking wins their trust."),
			questions: []fixtureQuestion{
				{id: "trustworthy.privacy", text: txt("Legt de privacyverklaring in eenvoudige taal uit welke gegevens u bewaart?", "La déclaration de confidentialité explique-t-elle en langage clair quelles données vous gardez ?", "Does the privacy notice explain in plain language which data you keep?"), answer: "partly"},
			},
			checks: []fixtureCheck{
				{id: "https", weight: 3, siteWide: true, failEvery: 1,
					title:   txt("De pagina gebruikt HTTPS", "La page utilise HTTPS", "The page uses HTTPS"),
					problem: txt("De pagina gebruikt geen HTTPS", "La page n'utilise pas HTTPS", "The page does not use HTTPS"),
					desc:    txt("De pagina komt via een beveiligde verbinding.", "La page arrive par une connexion sécurisée.", "The page comes over a secure connection."),
					tip:     txt("Zet HTTPS aan voor de hele site en stuur HTTP door naar HTTPS.", "Activez HTTPS pour tout le site et redirigez HTTP vers HTTPS.", "Turn on HTTPS for the whole site and redirect HTTP to HTTPS."),
					message: txt("De pagina gebruikt geen HTTPS.", "La page n'utilise pas HTTPS.", "The page does not use HTTPS.")},
				{id: "tracking-before-consent", weight: 3, failEvery: 1,
					title:   txt("Geen tracking vóór toestemming", "Pas de traçage avant le consentement", "No tracking before consent"),
					problem: txt("De pagina volgt bezoekers vóór hun toestemming", "La page suit les visiteurs avant leur accord", "The page tracks visitors before their consent"),
					desc:    txt("De pagina zet geen trackingcookies voor de bezoeker ja zegt.", "La page ne dépose pas de cookies de traçage avant que le visiteur dise oui.", "The page sets no tracking cookies before the visitor says yes."),
					tip:     txt("Laad statistieken en advertenties pas na een duidelijk ja.", "Ne chargez les statistiques et les publicités qu'après un oui clair.", "Load analytics and ads only after a clear yes."),
					message: txt("Cookie „_ga” van een derde partij vóór toestemming.", "Cookie « _ga » d'un tiers avant le consentement.", "Third-party cookie \"_ga\" before consent.")},
			}},
		{id: "involving", title: txt("Samen ontworpen", "Conçu ensemble", "Designed together"),
			why: txt("Wie de gebruikers betrekt, ziet drempels op tijd. Test met mensen die weinig digitale vaardigheden hebben.",
				"Qui implique les utilisateurs voit les obstacles à temps. Testez avec des personnes peu à l'aise avec le numérique.",
				"Involving users shows barriers in time. Test with people who have few digital skills."),
			questions: []fixtureQuestion{
				{id: "involving.test", text: txt("Test u nieuwe functies met digitaal kwetsbare gebruikers?", "Testez-vous les nouvelles fonctions avec des utilisateurs vulnérables au numérique ?", "Do you test new features with digitally vulnerable users?"), answer: "no",
					tip: txt("Nodig bij elke grote wijziging vijf gebruikers uit, onder wie mensen met weinig digitale vaardigheden.", "Invitez cinq utilisateurs à chaque grand changement, dont des personnes peu à l'aise avec le numérique.", "Invite five users at every big change, including people with few digital skills.")},
				{id: "involving.feedback", text: txt("Kan men op elke pagina feedback geven?", "Peut-on donner son avis sur chaque page ?", "Can people give feedback on every page?"), answer: "yes"},
			},
			checks: []fixtureCheck{
				{id: "feedback-link", weight: 1, reviewAt: 3,
					title:  txt("Er is een feedbacklink", "Il y a un lien pour donner son avis", "There is a feedback link"),
					desc:   txt("Elke pagina heeft een link om een probleem te melden.", "Chaque page a un lien pour signaler un problème.", "Every page has a link to report a problem."),
					review: txt("Is deze knop een manier om feedback te geven?", "Ce bouton permet-il de donner son avis ?", "Is this button a way to give feedback?")},
			}},
	}
}

// fixtureResult builds a realistic Result over n pages. It does not score
// with package scoring (which is not ours); the numbers are consistent
// enough for a report.
func fixtureResult(n int) *result.Result {
	urls := make([]string, n)
	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          result.Tool{Name: "didi", Version: "0.1.0"},
		Model:         result.Model{ID: "didi", Version: "2026.1", SHA256: strings.Repeat("3f9a", 16), Title: txt("Index voor digitale inclusie vanaf het ontwerp", "Indice d'inclusion numérique dès la conception", "Digital Inclusion by Design Index")},
		Target:        "https://www.voorbeeld-gemeente.be/",
		Started:       "2026-11-23T09:14:05Z", Finished: "2026-11-23T09:16:41Z",
		Languages:  []string{"nl", "fr"},
		Level:      "C",
		LevelLabel: txt("Op weg", "En bonne voie", "On the way"),
		Mode:       "combined",
		Scan: result.Scan{Browser: "Chromium 131.0.6778.85", Notes: []result.Text{txt(
			"Twee pagina’s gaven een fout en telden niet mee.",
			"Deux pages ont donné une erreur et n'ont pas compté.",
			"Two pages gave an error and did not count.")}},
		Assessment: &result.Assessment{Organisation: "Gemeente Voorbeeld – Commune d’Exemple", Product: "E-loket: online aanvragen voor burgers", Assessor: "Team Digitale Dienstverlening", Date: "2026-11-20"},
		Levels: []result.Level{
			{Level: "A", Min: 85, Label: txt("Zeer inclusief", "Très inclusif", "Very inclusive")},
			{Level: "B", Min: 70, Label: txt("Inclusief", "Inclusif", "Inclusive")},
			{Level: "C", Min: 55, Label: txt("Op weg", "En bonne voie", "On the way")},
			{Level: "D", Min: 40, Label: txt("Veel drempels", "Beaucoup d'obstacles", "Many barriers")},
			{Level: "E", Min: 0, Label: txt("Sluit veel mensen uit", "Exclut beaucoup de personnes", "Leaves many people out")},
		},
	}
	for i := range urls {
		urls[i] = fixtureURL(i)
		p := result.Page{URL: urls[i], FinalURL: urls[i], Status: 200}
		switch {
		case i == 7:
			p.FinalURL = "https://www.voorbeeld-gemeente.be/nl/nieuws/2026/11/digitale-week-in-de-bibliotheek-gratis-hulp-bij-itsme-en-de-e-id"
		case i == 11:
			p.Status, p.Error = 404, "not found"
		case i == 17:
			p.Status, p.Error = 0, "navigation timeout after 30s"
		}
		r.Pages = append(r.Pages, p)
	}
	var sum, wsum float64
	for _, fc := range fixtureCriteria() {
		c := buildFixtureCriterion(fc, urls, r)
		if c.Score != nil {
			sum += *c.Score * c.Weight
			wsum += c.Weight
		}
		r.Criteria = append(r.Criteria, c)
	}
	r.Index = round1(sum / wsum)
	r.Coverage = 0.82
	sortTips(r.Tips)
	return r
}

// buildFixtureCriterion computes one criterion and adds its tips to r.
func buildFixtureCriterion(fc fixtureCriterion, urls []string, r *result.Result) result.Criterion {
	c := result.Criterion{ID: fc.id, Title: fc.title, Why: fc.why, Weight: 1, Mix: result.Mix{Questionnaire: 0.5, Automated: 0.5}, Coverage: 1}
	if fc.id == "involving" {
		c.Mix = result.Mix{Questionnaire: 0.8, Automated: 0.2}
	}
	var qs, qw float64
	for _, q := range fc.questions {
		sq := result.Question{ID: q.id, Weight: 1, Answer: q.answer, Text: q.text, Tip: q.tip}
		switch q.answer {
		case "":
			c.Unanswered = append(c.Unanswered, q.id)
			qw++
		case "na":
			sq.NA, sq.AnswerText = true, answerTexts["na"]
		default:
			s := answerScores[q.answer]
			sq.Score, sq.AnswerText = fp(s), answerTexts[q.answer]
			qs += s
			qw++
			if q.id == "accessible.audit" {
				sq.Comment = "Audit van 2024 — alleen de homepage en het contactformulier."
			}
		}
		if sq.Score == nil || *sq.Score < 1 {
			score := 0.0
			if sq.Score != nil {
				score = *sq.Score
			}
			if !sq.NA && len(q.tip) > 0 {
				r.Tips = append(r.Tips, result.Tip{Criterion: fc.id, Source: "question:" + q.id, Impact: round2(1 - score), Title: q.text, Text: q.tip})
			}
		}
		c.Questions = append(c.Questions, sq)
	}
	if qw > 0 {
		c.QuestionnaireScore = fp(round1(100 * qs / qw))
	}
	var as, aw, all float64
	for _, fk := range fc.checks {
		ch := buildFixtureCheck(fk, urls)
		all += ch.Weight
		if ch.Score != nil {
			as += *ch.Score * ch.Weight
			aw += ch.Weight
			if *ch.Score < 1 && len(fk.tip) > 0 {
				r.Tips = append(r.Tips, result.Tip{Criterion: fc.id, Source: "check:" + ch.ID, Impact: round2(ch.Weight * (1 - *ch.Score)), Title: ch.Title, Text: fk.tip})
			}
		}
		c.Checks = append(c.Checks, ch)
	}
	if aw > 0 {
		c.AutomatedScore = fp(round1(100 * as / aw))
		c.Coverage = aw / all
	} else if all > 0 {
		c.Coverage = 0
	}
	switch {
	case c.QuestionnaireScore != nil && c.AutomatedScore != nil:
		c.Score = fp(round1(*c.QuestionnaireScore*c.Mix.Questionnaire + *c.AutomatedScore*c.Mix.Automated))
	case c.QuestionnaireScore != nil:
		c.Score = fp(*c.QuestionnaireScore)
	case c.AutomatedScore != nil:
		c.Score = fp(*c.AutomatedScore)
	}
	return c
}

func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }
func round2(v float64) float64 { return float64(int(v*100+0.5)) / 100 }

// sortTips orders tips by impact, highest first, then by source.
func sortTips(t []result.Tip) {
	for i := 1; i < len(t); i++ {
		for j := i; j > 0 && (t[j].Impact > t[j-1].Impact || t[j].Impact == t[j-1].Impact && t[j].Source < t[j-1].Source); j-- {
			t[j], t[j-1] = t[j-1], t[j]
		}
	}
}
