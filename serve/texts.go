package serve

import (
	"fmt"

	"github.com/didi-index/didi/i18n"
)

// texts holds every text of the web pages, by message id, in nl, fr and en
// (TestTextsComplete checks all three are there). Plain language: short
// sentences, common words; Dutch uses "u", French "vous".
var texts = map[string]i18n.Text{
	"skip":        {"nl": "Naar de inhoud", "fr": "Aller au contenu", "en": "Skip to content"},
	"nav.home":    {"nl": "Start", "fr": "Accueil", "en": "Home"},
	"nav.privacy": {"nl": "Privacy", "fr": "Vie privée", "en": "Privacy"},
	"nav.about":   {"nl": "Over didi", "fr": "À propos de didi", "en": "About didi"},
	"nav.lang":    {"nl": "Taal", "fr": "Langue", "en": "Language"},
	"nav.main":    {"nl": "Hoofdmenu", "fr": "Menu principal", "en": "Main menu"},
	"footer": {"nl": "didi %s — Digital Inclusion by Design Index. Open-source software.",
		"fr": "didi %s — Digital Inclusion by Design Index. Logiciel libre.",
		"en": "didi %s — Digital Inclusion by Design Index. Open-source software."},

	"footer.operator":     {"nl": "Beheerder van deze server: %s", "fr": "Responsable de ce serveur : %s", "en": "Run by: %s"},
	"field.required":      {"nl": "(verplicht)", "fr": "(obligatoire)", "en": "(required)"},
	"class.search":        {"nl": "Student zoeken (naam of adres)", "fr": "Chercher un étudiant (nom ou adresse)", "en": "Find a student (name or address)"},
	"class.search.button": {"nl": "Zoeken", "fr": "Chercher", "en": "Search"},
	"home.title": {"nl": "Hoe digitaal inclusief is uw website?", "fr": "Votre site web est-il inclusif ?",
		"en": "How digitally inclusive is your website?"},
	"home.intro1": {
		"nl": "De Digital Inclusion by Design Index (didi) meet hoe goed een website werkt voor iedereen. Ook voor mensen die het moeilijk hebben met digitale diensten.",
		"fr": "Le Digital Inclusion by Design Index (didi) mesure si un site web fonctionne bien pour tout le monde. Aussi pour les personnes qui ont du mal avec les services numériques.",
		"en": "The Digital Inclusion by Design Index (didi) measures how well a website works for everyone. Also for people who find digital services hard."},
	"home.intro2": {
		"nl": "U beantwoordt vragen over uw dienst, en didi test de website zelf. U krijgt een score op zeven criteria en tips om beter te doen.",
		"fr": "Vous répondez à des questions sur votre service, et didi teste le site lui-même. Vous recevez un score sur sept critères et des conseils pour faire mieux.",
		"en": "You answer questions about your service, and didi tests the website itself. You get a score on seven criteria and tips to do better."},
	"home.evaluate.h": {"nl": "Een website evalueren", "fr": "Évaluer un site web", "en": "Evaluate a website"},
	"home.evaluate.p": {
		"nl": "Start een nieuwe evaluatie. U krijgt een privélink om later verder te werken.",
		"fr": "Commencez une nouvelle évaluation. Vous recevez un lien privé pour continuer plus tard.",
		"en": "Start a new evaluation. You get a private link to go on later."},
	"home.evaluate.button": {"nl": "Evaluatie starten", "fr": "Commencer l’évaluation", "en": "Start an evaluation"},
	"home.join.h":          {"nl": "Meedoen met een les", "fr": "Rejoindre un cours", "en": "Join a class"},
	"home.join.p": {
		"nl": "Kreeg u een code van uw docent? Vul de code en uw naam in.",
		"fr": "Votre enseignant vous a donné un code ? Entrez le code et votre nom.",
		"en": "Did your lecturer give you a code? Enter the code and your name."},
	"home.join.button": {"nl": "Meedoen", "fr": "Rejoindre", "en": "Join"},
	"home.teach.h":     {"nl": "Een les geven", "fr": "Donner un cours", "en": "Teach a class"},
	"home.teach.p": {
		"nl": "Maak een sessie. Studenten doen mee met een korte code. U ziet hun resultaten live.",
		"fr": "Créez une session. Les étudiants la rejoignent avec un code court. Vous voyez leurs résultats en direct.",
		"en": "Create a session. Students join with a short code. You see their results live."},
	"home.teach.button": {"nl": "Sessie maken", "fr": "Créer une session", "en": "Create a session"},

	"field.code":  {"nl": "Code van de les", "fr": "Code du cours", "en": "Class code"},
	"field.name":  {"nl": "Uw naam (de docent ziet die)", "fr": "Votre nom (l’enseignant le voit)", "en": "Your name (the lecturer sees it)"},
	"field.title": {"nl": "Naam van de les (mag leeg blijven)", "fr": "Nom du cours (facultatif)", "en": "Name of the class (optional)"},
	"field.url":   {"nl": "Adres van de website", "fr": "Adresse du site web", "en": "Website address"},
	"field.url.help": {
		"nl": "Bijvoorbeeld https://www.voorbeeld.be/. didi test tot %d pagina’s, in hoogstens %d minuten.",
		"fr": "Par exemple https://www.exemple.be/. didi teste jusqu’à %d pages, en %d minutes au plus.",
		"en": "For example https://www.example.be/. didi tests up to %d pages, in %d minutes at most."},
	"field.file": {"nl": "Bestand met antwoorden", "fr": "Fichier de réponses", "en": "Answers file"},

	"eval.title": {"nl": "Uw evaluatie", "fr": "Votre évaluation", "en": "Your evaluation"},
	"eval.link":  {"nl": "Uw privélink", "fr": "Votre lien privé", "en": "Your private link"},
	"eval.private": {
		"nl": "Bewaar deze link om later verder te werken. Wie de link heeft, kan deze evaluatie zien en wijzigen.",
		"fr": "Gardez ce lien pour continuer plus tard. Toute personne qui a le lien peut voir et modifier cette évaluation.",
		"en": "Keep this link to go on later. Anyone with the link can see and change this evaluation."},
	"eval.class": {"nl": "U doet mee met de les „%s” als %s.", "fr": "Vous participez au cours « %s » sous le nom %s.",
		"en": "You take part in the class “%s” as %s."},
	"scan.h":      {"nl": "De website testen", "fr": "Tester le site web", "en": "Test the website"},
	"scan.button": {"nl": "Test starten", "fr": "Lancer le test", "en": "Start the test"},
	"q.h":         {"nl": "Vragenlijst", "fr": "Questionnaire", "en": "Questionnaire"},
	"q.intro": {
		"nl": "Beantwoord de vragen per criterium. Alles wordt meteen bewaard. U kunt later verder gaan.",
		"fr": "Répondez aux questions critère par critère. Tout est enregistré tout de suite. Vous pouvez continuer plus tard.",
		"en": "Answer the questions one criterion at a time. Everything is saved at once. You can go on later."},
	"q.progress": {"nl": "%d van %d beantwoord", "fr": "%d sur %d répondues", "en": "%d of %d answered"},
	"answers.download": {"nl": "Antwoorden downloaden (YAML)", "fr": "Télécharger les réponses (YAML)",
		"en": "Download the answers (YAML)"},
	"answers.download.help": {
		"nl": "Dit bestand werkt ook met de opdracht didi scan --answers.",
		"fr": "Ce fichier fonctionne aussi avec la commande didi scan --answers.",
		"en": "This file also works with the command didi scan --answers."},
	"answers.upload.h": {"nl": "Antwoorden uit een bestand laden", "fr": "Charger des réponses depuis un fichier",
		"en": "Load answers from a file"},
	"answers.upload.help": {
		"nl": "Het bestand vervangt de antwoorden die u hier al gaf.",
		"fr": "Le fichier remplace les réponses que vous avez déjà données ici.",
		"en": "The file replaces the answers you already gave here."},
	"answers.upload.button": {"nl": "Bestand laden", "fr": "Charger le fichier", "en": "Load the file"},
	"answers.loaded":        {"nl": "De antwoorden zijn geladen.", "fr": "Les réponses sont chargées.", "en": "The answers are loaded."},
	"answers.bad": {"nl": "Dit bestand kunnen we niet gebruiken:", "fr": "Nous ne pouvons pas utiliser ce fichier :",
		"en": "We cannot use this file:"},
	"answers.none": {"nl": "Kies een bestand.", "fr": "Choisissez un fichier.", "en": "Choose a file."},
	"scans.h":      {"nl": "Uw tests", "fr": "Vos tests", "en": "Your tests"},
	"scans.none":   {"nl": "Nog geen test.", "fr": "Pas encore de test.", "en": "No test yet."},

	"col.date":     {"nl": "Datum", "fr": "Date", "en": "Date"},
	"col.url":      {"nl": "Adres", "fr": "Adresse", "en": "Address"},
	"col.status":   {"nl": "Stand", "fr": "État", "en": "Status"},
	"col.index":    {"nl": "Index", "fr": "Indice", "en": "Index"},
	"col.level":    {"nl": "Niveau", "fr": "Niveau", "en": "Level"},
	"col.coverage": {"nl": "Dekking", "fr": "Couverture", "en": "Coverage"},
	"col.name":     {"nl": "Naam", "fr": "Nom", "en": "Name"},
	"col.report":   {"nl": "Rapport", "fr": "Rapport", "en": "Report"},

	"status.queued":      {"nl": "Wacht", "fr": "En attente", "en": "Waiting"},
	"status.running":     {"nl": "Bezig", "fr": "En cours", "en": "Running"},
	"status.done":        {"nl": "Klaar", "fr": "Terminé", "en": "Done"},
	"status.failed":      {"nl": "Mislukt", "fr": "Échec", "en": "Failed"},
	"status.interrupted": {"nl": "Onderbroken", "fr": "Interrompu", "en": "Stopped"},
	"status.none":        {"nl": "Nog geen test", "fr": "Pas encore de test", "en": "No test yet"},
	"status.position":    {"nl": "plaats %d in de wachtrij", "fr": "place %d dans la file", "en": "number %d in the queue"},

	"qp.title":    {"nl": "Vragenlijst: %s", "fr": "Questionnaire : %s", "en": "Questionnaire: %s"},
	"qp.step":     {"nl": "Criterium %d van %d", "fr": "Critère %d sur %d", "en": "Criterion %d of %d"},
	"qp.help":     {"nl": "Uitleg bij deze vraag", "fr": "Explication de cette question", "en": "About this question"},
	"qp.savenext": {"nl": "Bewaren en verder", "fr": "Enregistrer et continuer", "en": "Save and go on"},
	"qp.save":     {"nl": "Bewaren", "fr": "Enregistrer", "en": "Save"},
	"qp.saved":    {"nl": "Bewaard.", "fr": "Enregistré.", "en": "Saved."},
	"qp.prev":     {"nl": "Vorige vragen", "fr": "Questions précédentes", "en": "Previous questions"},
	"qp.part":     {"nl": "deel %d van %d", "fr": "partie %d sur %d", "en": "part %d of %d"},
	"qp.back":     {"nl": "Terug naar uw evaluatie", "fr": "Retour à votre évaluation", "en": "Back to your evaluation"},
	"qp.criteria": {"nl": "Criteria", "fr": "Critères", "en": "Criteria"},

	"scan.title":   {"nl": "Test van %s", "fr": "Test de %s", "en": "Test of %s"},
	"scan.waiting": {"nl": "Uw test wacht. Plaats in de wachtrij: %d.", "fr": "Votre test attend. Place dans la file : %d.", "en": "Your test is waiting. Place in the queue: %d."},
	"scan.started": {"nl": "didi test de website.", "fr": "didi teste le site web.", "en": "didi is testing the website."},
	"scan.pages":   {"nl": "Pagina’s klaar: %d van %d.", "fr": "Pages terminées : %d sur %d.", "en": "Pages done: %d of %d."},
	"scan.current": {"nl": "Nu: %s", "fr": "En ce moment : %s", "en": "Now: %s"},
	"scan.refresh": {"nl": "Pagina vernieuwen", "fr": "Actualiser la page", "en": "Refresh the page"},
	"scan.failed":  {"nl": "De test is mislukt.", "fr": "Le test a échoué.", "en": "The test failed."},
	"scan.interrupted": {"nl": "De test stopte omdat de server stopte. Start hem opnieuw.",
		"fr": "Le test s’est arrêté parce que le serveur s’est arrêté. Relancez-le.",
		"en": "The test stopped because the server stopped. Start it again."},
	"scan.timeout": {"nl": "De tijd was op. Het rapport toont de pagina’s die didi al testte.",
		"fr": "Le temps était écoulé. Le rapport montre les pages que didi avait déjà testées.",
		"en": "The time ran out. The report shows the pages didi had already tested."},
	"scan.again": {"nl": "Opnieuw testen", "fr": "Tester à nouveau", "en": "Test again"},

	"res.index":    {"nl": "Index: %s van 100, niveau %s", "fr": "Indice : %s sur 100, niveau %s", "en": "Index: %s out of 100, level %s"},
	"res.coverage": {"nl": "Dekking van de automatische tests: %s", "fr": "Couverture des tests automatiques : %s", "en": "Coverage of the automated tests: %s"},
	"res.coverage.explain": {"nl": "Dat is het deel van de automatische tests voor deze website dat didi kon doen. Tests die hier niet van toepassing zijn, tellen niet mee.",
		"fr": "C’est la part des tests automatiques prévus pour ce site que didi a pu faire. Les tests sans objet ici ne comptent pas.",
		"en": "This is the share of the automated tests for this website that didi could run. Tests that do not apply here do not count."},
	"res.criteria": {"nl": "Score per criterium", "fr": "Score par critère", "en": "Score per criterion"},
	"res.crit":     {"nl": "Criterium", "fr": "Critère", "en": "Criterion"},
	"res.score":    {"nl": "Score", "fr": "Score", "en": "Score"},
	"res.q":        {"nl": "Vragenlijst", "fr": "Questionnaire", "en": "Questionnaire"},
	"res.a":        {"nl": "Automatische tests", "fr": "Tests automatiques", "en": "Automated tests"},
	"res.dash":     {"nl": "geen", "fr": "aucun", "en": "none"},
	"report.h":     {"nl": "Rapport", "fr": "Rapport", "en": "Report"},
	"report.open":  {"nl": "Volledig rapport bekijken", "fr": "Voir le rapport complet", "en": "View the full report"},
	"report.pdf":   {"nl": "PDF downloaden", "fr": "Télécharger le PDF", "en": "Download the PDF"},
	"report.json":  {"nl": "Resultaat downloaden (JSON)", "fr": "Télécharger le résultat (JSON)", "en": "Download the result (JSON)"},
	"report.md":    {"nl": "Markdown downloaden", "fr": "Télécharger en Markdown", "en": "Download as Markdown"},

	"review.h": {"nl": "Vragen voor uw team", "fr": "Questions pour votre équipe", "en": "Questions for your team"},
	"review.intro": {
		"nl": "didi kon deze punten niet zelf beslissen. Bekijk de voorbeelden in het rapport en kies. Uw antwoord telt meteen mee in de score.",
		"fr": "didi n’a pas pu trancher ces points seul. Regardez les exemples dans le rapport et choisissez. Votre réponse compte tout de suite dans le score.",
		"en": "didi could not decide these points by itself. Look at the examples in the report and choose. Your answer counts in the score at once."},
	"review.pass": {"nl": "Ja, dat is in orde", "fr": "Oui, c’est en ordre", "en": "Yes, this is fine"},
	"review.fail": {"nl": "Nee, dat is niet in orde", "fr": "Non, ce n’est pas en ordre", "en": "No, this is not fine"},
	"review.open": {"nl": "Nog niet beslist", "fr": "Pas encore décidé", "en": "Not decided yet"},
	"review.save": {"nl": "Antwoorden bewaren", "fr": "Enregistrer les réponses", "en": "Save the answers"},

	"diff.h":     {"nl": "Verschil met de vorige test", "fr": "Différence avec le test précédent", "en": "Difference with the last test"},
	"diff.index": {"nl": "Index: van %s naar %s (%s)", "fr": "Indice : de %s à %s (%s)", "en": "Index: from %s to %s (%s)"},
	"diff.new":   {"nl": "Nieuwe problemen", "fr": "Nouveaux problèmes", "en": "New problems"},
	"diff.fixed": {"nl": "Opgelost", "fr": "Résolus", "en": "Fixed"},
	"diff.none":  {"nl": "Geen nieuwe en geen opgeloste problemen.", "fr": "Aucun problème nouveau ni résolu.", "en": "No new and no fixed problems."},

	"class.title":    {"nl": "Les: %s", "fr": "Cours : %s", "en": "Class: %s"},
	"class.untitled": {"nl": "les zonder naam", "fr": "cours sans nom", "en": "class without a name"},
	"class.code":     {"nl": "Code om mee te doen", "fr": "Code pour participer", "en": "Code to join"},
	"class.joinat": {"nl": "Studenten gaan naar %s en vullen de code in. Of ze scannen de QR-code.",
		"fr": "Les étudiants vont sur %s et entrent le code. Ou ils scannent le code QR.",
		"en": "Students go to %s and enter the code. Or they scan the QR code."},
	"class.qr": {"nl": "QR-code met de link om mee te doen", "fr": "Code QR avec le lien pour participer", "en": "QR code with the link to join"},
	"class.secret": {
		"nl": "Dit is uw geheime link als docent. Deel hem niet met studenten. Bewaar hem om later terug te komen.",
		"fr": "Ceci est votre lien secret d’enseignant. Ne le partagez pas avec les étudiants. Gardez-le pour revenir plus tard.",
		"en": "This is your secret lecturer link. Do not share it with students. Keep it to come back later."},
	"class.students": {"nl": "Studenten", "fr": "Étudiants", "en": "Students"},
	"class.none":     {"nl": "Nog niemand doet mee.", "fr": "Personne n’a encore rejoint le cours.", "en": "Nobody has joined yet."},
	"class.csv":      {"nl": "Tabel downloaden (CSV)", "fr": "Télécharger le tableau (CSV)", "en": "Download the table (CSV)"},
	"class.view":     {"nl": "Klasoverzicht tonen", "fr": "Afficher la vue de la classe", "en": "Show the class view"},
	"class.sort":     {"nl": "sorteren", "fr": "trier", "en": "sort"},
	"class.live": {"nl": "De tabel wordt elke paar seconden bijgewerkt.", "fr": "Le tableau se met à jour toutes les quelques secondes.",
		"en": "The table updates every few seconds."},
	"class.count":      {"nl": "%d studenten", "fr": "%d étudiants", "en": "%d students"},
	"class.count_one":  {"nl": "%d student", "fr": "%d étudiant", "en": "%d student"},
	"cv.title":         {"nl": "Klasoverzicht", "fr": "Vue de la classe", "en": "Class view"},
	"cv.dist":          {"nl": "Verdeling van de index", "fr": "Répartition de l’indice", "en": "Spread of the index"},
	"cv.dist.desc":     {"nl": "%d studenten hebben een resultaat.", "fr": "%d étudiants ont un résultat.", "en": "%d students have a result."},
	"cv.dist.desc_one": {"nl": "%d student heeft een resultaat.", "fr": "%d étudiant a un résultat.", "en": "%d student has a result."},
	"cv.bar":           {"nl": "Index %s: %d studenten", "fr": "Indice %s : %d étudiants", "en": "Index %s: %d students"},
	"cv.bar_one":       {"nl": "Index %s: %d student", "fr": "Indice %s : %d étudiant", "en": "Index %s: %d student"},
	"cv.fails":         {"nl": "Tests die het vaakst mislukken", "fr": "Tests qui échouent le plus souvent", "en": "Checks that fail most often"},
	"cv.fails.count":   {"nl": "mislukt bij %d van %d", "fr": "échoue chez %d sur %d", "en": "fails for %d of %d"},
	"cv.back":          {"nl": "Terug naar de tabel", "fr": "Retour au tableau", "en": "Back to the table"},
	"cv.none":          {"nl": "Nog geen resultaten.", "fr": "Pas encore de résultats.", "en": "No results yet."},
	"cv.check":         {"nl": "Test", "fr": "Test", "en": "Check"},
	"cv.students":      {"nl": "Studenten", "fr": "Étudiants", "en": "Students"},
	"join.title":       {"nl": "Meedoen met een les", "fr": "Rejoindre un cours", "en": "Join a class"},
	"join.unknown":     {"nl": "Deze code kennen we niet. Kijk de code na.", "fr": "Nous ne connaissons pas ce code. Vérifiez-le.", "en": "We do not know this code. Please check it."},
	"join.nameneeded":  {"nl": "Vul uw naam in.", "fr": "Entrez votre nom.", "en": "Please enter your name."},

	"err.title":    {"nl": "Dat lukte niet", "fr": "Cela n’a pas marché", "en": "That did not work"},
	"err.back":     {"nl": "Terug", "fr": "Retour", "en": "Go back"},
	"err.notfound": {"nl": "Deze pagina bestaat niet. Kijk het adres na.", "fr": "Cette page n’existe pas. Vérifiez l’adresse.", "en": "This page does not exist. Please check the address."},
	"err.csrf": {
		"nl": "Dit formulier is verlopen of komt niet van didi. Laad de pagina opnieuw en probeer nog eens.",
		"fr": "Ce formulaire a expiré ou ne vient pas de didi. Rechargez la page et réessayez.",
		"en": "This form has expired or does not come from didi. Load the page again and try once more."},
	"err.url": {"nl": "Dit is geen webadres. Begin met http:// of https://.", "fr": "Ce n’est pas une adresse web. Commencez par http:// ou https://.",
		"en": "This is not a web address. Start with http:// or https://."},
	"err.private": {"nl": "didi test geen adressen op een lokaal of privénetwerk. %s", "fr": "didi ne teste pas les adresses d’un réseau local ou privé. %s",
		"en": "didi does not test addresses on a local or private network. %s"},
	"err.resolve": {"nl": "We vinden dit adres niet: %s", "fr": "Nous ne trouvons pas cette adresse : %s", "en": "We cannot find this address: %s"},
	"err.rate": {"nl": "U startte te veel tests. Wacht een minuut en probeer opnieuw (hoogstens %d per minuut).",
		"fr": "Vous avez lancé trop de tests. Attendez une minute et réessayez (%d par minute au plus).",
		"en": "You started too many tests. Wait a minute and try again (%d per minute at most)."},
	"err.queue": {"nl": "Er wachten al %d tests. Probeer het straks opnieuw.", "fr": "%d tests attendent déjà. Réessayez dans un moment.",
		"en": "%d tests are already waiting. Please try again later."},
	"err.busy": {"nl": "Er loopt al een test voor deze evaluatie. Wacht tot die klaar is.", "fr": "Un test est déjà en cours pour cette évaluation. Attendez qu’il se termine.",
		"en": "A test is already running for this evaluation. Wait until it is done."},
	"err.sessions": {"nl": "Er zijn al %d sessies. Meer kan niet op deze server.", "fr": "Il y a déjà %d sessions. Ce serveur n’en accepte pas plus.",
		"en": "There are already %d sessions. This server takes no more."},
	"err.students": {"nl": "Deze les is vol (%d studenten).", "fr": "Ce cours est complet (%d étudiants).", "en": "This class is full (%d students)."},
	"err.body": {"nl": "Wat u stuurde, is te groot (hoogstens %d kB).", "fr": "Ce que vous avez envoyé est trop grand (%d ko au plus).",
		"en": "What you sent is too large (%d kB at most)."},
	"err.token": {"nl": "U heeft een toegangscode nodig. Vraag de link met de code aan wie didi startte.",
		"fr": "Il vous faut un code d’accès. Demandez le lien avec le code à la personne qui a lancé didi.",
		"en": "You need an access code. Ask the person who started didi for the link with the code."},
	"err.internal": {"nl": "Er ging iets mis in didi. Probeer het opnieuw.", "fr": "Un problème est survenu dans didi. Réessayez.",
		"en": "Something went wrong in didi. Please try again."},

	"privacy.p1": {
		"nl": "didi draait op de computer van wie het startte. Uw antwoorden en resultaten blijven in een databank op die computer.",
		"fr": "didi tourne sur l’ordinateur de la personne qui l’a lancé. Vos réponses et vos résultats restent dans une base de données sur cet ordinateur.",
		"en": "didi runs on the computer of the person who started it. Your answers and results stay in a database on that computer."},
	"privacy.p2": {
		"nl": "didi gebruikt alleen cookies die nodig zijn: één voor uw taal en één tegen misbruik van formulieren. Er is geen tracking en er zijn geen cookies van anderen.",
		"fr": "didi utilise seulement des cookies nécessaires : un pour votre langue et un contre l’abus des formulaires. Il n’y a pas de traçage ni de cookies de tiers.",
		"en": "didi only uses cookies it needs: one for your language and one against misuse of forms. There is no tracking and there are no cookies from others."},
	"privacy.p3": {
		"nl": "Wie uw privélink heeft, kan uw evaluatie zien. Deel hem alleen met uw team. In een les ziet de docent uw naam, uw adres en uw resultaten.",
		"fr": "Toute personne qui a votre lien privé peut voir votre évaluation. Partagez-le seulement avec votre équipe. Dans un cours, l’enseignant voit votre nom, votre adresse et vos résultats.",
		"en": "Anyone with your private link can see your evaluation. Share it only with your team. In a class, the lecturer sees your name, your address and your results."},
	"about.p1": {
		"nl": "didi is open-source software van het project Digital Inclusion by Design Index. Het helpt organisaties om digitale drempels te zien en te verlagen.",
		"fr": "didi est un logiciel libre du projet Digital Inclusion by Design Index. Il aide les organisations à voir et à réduire les obstacles numériques.",
		"en": "didi is open-source software from the Digital Inclusion by Design Index project. It helps organisations see and lower digital barriers."},
	"about.p2": {
		"nl": "Wie didi start, beheert deze server en de gegevens erop. Vragen over uw gegevens stelt u aan die persoon of organisatie.",
		"fr": "La personne qui lance didi gère ce serveur et ses données. Posez vos questions sur vos données à cette personne ou à cette organisation.",
		"en": "Whoever starts didi runs this server and the data on it. Ask that person or organisation about your data."},
}

// t returns message key in lang, filled with args.
func t(lang, key string, args ...any) string {
	if n, ok := firstInt(args); ok && n == 1 {
		if _, one := texts[key+"_one"]; one {
			key += "_one" // the singular: "1 student", not "1 students"
		}
	}
	s, ok := texts[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return s.In(lang)
	}
	return fmt.Sprintf(s.In(lang), args...)
}

// firstInt returns the first int among args, the count a counted text is
// about.
func firstInt(args []any) (int, bool) {
	for _, a := range args {
		if n, ok := a.(int); ok {
			return n, true
		}
	}
	return 0, false
}
