package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/didi-index/didi/i18n"
)

// Languages lists the languages the report chrome is written in.
var Languages = []string{"nl", "fr", "en"}

// chrome holds every text of the report that does not come from the Result:
// headings, labels and the method. Key → language → text. Texts with verbs
// are fmt formats. Plain language (level B1), Belgian usage.
var chrome = map[string]map[string]string{
	"lang_name":                    {"nl": "Nederlands", "fr": "Français", "en": "English"},
	"doc_title":                    {"nl": "Index voor digitale inclusie vanaf het ontwerp", "fr": "Indice d'inclusion numérique dès la conception", "en": "Digital Inclusion by Design Index"},
	"subtitle":                     {"nl": "Rapport over digitale inclusie", "fr": "Rapport sur l'inclusion numérique", "en": "Digital inclusion report"},
	"contents":                     {"nl": "Inhoud", "fr": "Table des matières", "en": "Contents"},
	"summary":                      {"nl": "Samenvatting", "fr": "Résumé", "en": "Summary"},
	"index":                        {"nl": "Index", "fr": "Indice", "en": "Index"},
	"out_of_100":                   {"nl": "op 100", "fr": "sur 100", "en": "out of 100"},
	"level":                        {"nl": "Niveau", "fr": "Niveau", "en": "Level"},
	"levels":                       {"nl": "Niveaus", "fr": "Niveaux", "en": "Levels"},
	"score":                        {"nl": "Score", "fr": "Score", "en": "Score"},
	"combined":                     {"nl": "Totaalscore", "fr": "Score global", "en": "Overall score"},
	"questionnaire":                {"nl": "Vragenlijst", "fr": "Questionnaire", "en": "Questionnaire"},
	"automated":                    {"nl": "Automatische controles", "fr": "Contrôles automatiques", "en": "Automated checks"},
	"coverage":                     {"nl": "Dekking", "fr": "Couverture", "en": "Coverage"},
	"coverage_explain":             {"nl": "De dekking is het deel van de automatische controles voor deze website dat didi kon uitvoeren. Controles die hier niet van toepassing zijn, tellen niet mee.", "fr": "La couverture est la part des contrôles automatiques prévus pour ce site que didi a pu effectuer. Les contrôles sans objet ici ne comptent pas.", "en": "Coverage is the share of the automated checks for this website that didi could run. Checks that do not apply here do not count."},
	"pages_scanned":                {"nl": "Gescande pagina's", "fr": "Pages analysées", "en": "Pages scanned"},
	"pages_title":                  {"nl": "Pagina's", "fr": "Pages", "en": "Pages"},
	"automated_only":               {"nl": "Alleen automatische controles", "fr": "Contrôles automatiques uniquement", "en": "Automated checks only"},
	"automated_only_note":          {"nl": "Niemand heeft de vragenlijst ingevuld. De scores steunen dus alleen op de automatische controles van de website.", "fr": "Personne n'a rempli le questionnaire. Les scores reposent donc uniquement sur les contrôles automatiques du site.", "en": "Nobody filled in the questionnaire. So the scores are based only on the automated checks of the website."},
	"questionnaire_only":           {"nl": "Alleen de vragenlijst", "fr": "Questionnaire uniquement", "en": "Questionnaire only"},
	"questionnaire_only_note":      {"nl": "We konden geen enkele pagina controleren. De scores steunen dus alleen op de vragenlijst.", "fr": "Nous n'avons pu contrôler aucune page. Les scores reposent donc uniquement sur le questionnaire.", "en": "We could not check any page. So the scores are based only on the questionnaire."},
	"organisation":                 {"nl": "Organisatie", "fr": "Organisation", "en": "Organisation"},
	"product":                      {"nl": "Dienst of product", "fr": "Service ou produit", "en": "Service or product"},
	"target":                       {"nl": "Gescande website", "fr": "Site analysé", "en": "Website scanned"},
	"targets":                      {"nl": "Gescande websites", "fr": "Sites analysés", "en": "Websites scanned"},
	"date":                         {"nl": "Datum van de scan", "fr": "Date de l'analyse", "en": "Date of the scan"},
	"assessor":                     {"nl": "Vragenlijst ingevuld door", "fr": "Questionnaire rempli par", "en": "Questionnaire filled in by"},
	"assessment_date":              {"nl": "Vragenlijst ingevuld op", "fr": "Questionnaire rempli le", "en": "Questionnaire filled in on"},
	"top_tips":                     {"nl": "De belangrijkste tips", "fr": "Les conseils les plus importants", "en": "The most important tips"},
	"top_tips_intro":               {"nl": "Deze tips hebben het meeste effect: ze wegen zwaar en scoren nu laag. Begin ermee.", "fr": "Ces conseils ont le plus d'effet : ils pèsent lourd et ont aujourd'hui un score faible. Commencez par eux.", "en": "These tips have the most effect: they weigh a lot and score low today. Start with them."},
	"scores_per_criterion":         {"nl": "Scores per criterium", "fr": "Scores par critère", "en": "Scores per criterion"},
	"criterion":                    {"nl": "Criterium", "fr": "Critère", "en": "Criterion"},
	"why":                          {"nl": "Waarom dit belangrijk is", "fr": "Pourquoi c'est important", "en": "Why it matters"},
	"answers":                      {"nl": "Antwoorden van het team", "fr": "Réponses de l'équipe", "en": "The team's answers"},
	"question":                     {"nl": "Vraag", "fr": "Question", "en": "Question"},
	"answer":                       {"nl": "Antwoord", "fr": "Réponse", "en": "Answer"},
	"unanswered":                   {"nl": "Geen antwoord", "fr": "Pas de réponse", "en": "No answer"},
	"unanswered_title":             {"nl": "Vragen zonder antwoord", "fr": "Questions sans réponse", "en": "Questions without an answer"},
	"unanswered_note":              {"nl": "Een vraag zonder antwoord telt als 0. Vul ze in om een juiste score te krijgen.", "fr": "Une question sans réponse compte pour 0. Répondez-y pour obtenir un score juste.", "en": "A question without an answer counts as 0. Answer it to get a fair score."},
	"not_applicable":               {"nl": "Niet van toepassing", "fr": "Sans objet", "en": "Not applicable"},
	"no_questions":                 {"nl": "Er zijn geen antwoorden voor dit criterium.", "fr": "Il n'y a pas de réponses pour ce critère.", "en": "There are no answers for this criterion."},
	"no_checks":                    {"nl": "Er zijn geen automatische controles voor dit criterium.", "fr": "Il n'y a pas de contrôles automatiques pour ce critère.", "en": "There are no automated checks for this criterion."},
	"comment":                      {"nl": "Opmerking", "fr": "Commentaire", "en": "Comment"},
	"check":                        {"nl": "Controle", "fr": "Contrôle", "en": "Check"},
	"result":                       {"nl": "Resultaat", "fr": "Résultat", "en": "Result"},
	"pages_pass":                   {"nl": "In orde op {n} van de {total} pagina's", "fr": "Réussi sur {n} pages sur {total}", "en": "Passes on {n} of {total} pages"},
	"pages_pass_one":               {"nl": "In orde op {n} van de {total} pagina's", "fr": "Réussi sur {n} page sur {total}", "en": "Passes on {n} of {total} pages"},
	"pages_fail":                   {"nl": "Niet in orde op {n} van de {total} pagina's", "fr": "Échec sur {n} pages sur {total}", "en": "Fails on {n} of {total} pages"},
	"pages_fail_one":               {"nl": "Niet in orde op {n} van de {total} pagina's", "fr": "Échec sur {n} page sur {total}", "en": "Fails on {n} of {total} pages"},
	"site_pass":                    {"nl": "In orde", "fr": "Réussi", "en": "Passes"},
	"site_fail":                    {"nl": "Niet in orde", "fr": "Échec", "en": "Fails"},
	"check_inapplicable":           {"nl": "Niet van toepassing", "fr": "Sans objet", "en": "Does not apply"},
	"check_not_run":                {"nl": "Niet getest", "fr": "Non effectué", "en": "Not run"},
	"check_review_only":            {"nl": "Na te kijken door het team", "fr": "À vérifier par l'équipe", "en": "For the team to review"},
	"examples":                     {"nl": "Voorbeelden van wat er misgaat", "fr": "Exemples de ce qui ne va pas", "en": "Examples of what goes wrong"},
	"more_examples":                {"nl": "En nog {n} andere plaatsen.", "fr": "Et encore {n} autres endroits.", "en": "And {n} more places."},
	"page":                         {"nl": "Pagina", "fr": "Page", "en": "Page"},
	"element":                      {"nl": "Element", "fr": "Élément", "en": "Element"},
	"code":                         {"nl": "Code", "fr": "Code", "en": "Code"},
	"problem":                      {"nl": "Probleem", "fr": "Problème", "en": "Problem"},
	"how_to_fix":                   {"nl": "Zo lost u het op", "fr": "Comment corriger", "en": "How to fix it"},
	"review_title":                 {"nl": "Vragen voor het team", "fr": "Questions pour l'équipe", "en": "Questions for the team"},
	"review_intro":                 {"nl": "Een computer kan deze punten niet beoordelen. Kijk ze na en beantwoord de vraag. Ze verlagen de score niet.", "fr": "Un ordinateur ne peut pas juger ces points. Vérifiez-les et répondez à la question. Ils ne font pas baisser le score.", "en": "A computer cannot judge these points. Look at them and answer the question. They do not lower the score."},
	"tips":                         {"nl": "Tips", "fr": "Conseils", "en": "Tips"},
	"no_tips":                      {"nl": "Geen tips: hier is alles in orde.", "fr": "Aucun conseil : tout est en ordre ici.", "en": "No tips: everything is in order here."},
	"appendix":                     {"nl": "Bijlage", "fr": "Annexe", "en": "Appendix"},
	"address":                      {"nl": "Adres", "fr": "Adresse", "en": "Address"},
	"status":                       {"nl": "Status", "fr": "Statut", "en": "Status"},
	"page_error":                   {"nl": "Fout", "fr": "Erreur", "en": "Error"},
	"redirected":                   {"nl": "Doorgestuurd naar", "fr": "Redirigée vers", "en": "Redirected to"},
	"no_pages":                     {"nl": "We hebben geen enkele pagina gescand.", "fr": "Nous n'avons analysé aucune page.", "en": "We scanned no page."},
	"not_evaluated_title":          {"nl": "Controles zonder resultaat", "fr": "Contrôles sans résultat", "en": "Checks without a result"},
	"not_evaluated_none":           {"nl": "Alle controles gaven een resultaat.", "fr": "Tous les contrôles ont donné un résultat.", "en": "Every check gave a result."},
	"reason":                       {"nl": "Reden", "fr": "Raison", "en": "Reason"},
	"reason_not_run":               {"nl": "Kon niet getest worden, bijvoorbeeld omdat er geen browser was.", "fr": "N'a pas pu être effectué, par exemple faute de navigateur.", "en": "Could not be run, for example because no browser was available."},
	"reason_inapplicable":          {"nl": "Geldt voor geen enkele pagina.", "fr": "Ne s'applique à aucune page.", "en": "Applies to no page."},
	"scan_notes":                   {"nl": "Opmerkingen over de scan", "fr": "Remarques sur l'analyse", "en": "Notes on the scan"},
	"insecure":                     {"nl": "We hebben fouten in het beveiligingscertificaat (TLS) van de site genegeerd.", "fr": "Nous avons ignoré les erreurs du certificat de sécurité (TLS) du site.", "en": "We ignored errors in the site's security certificate (TLS)."},
	"method_title":                 {"nl": "Methode", "fr": "Méthode", "en": "Method"},
	"method_1":                     {"nl": "Elk criterium combineert twee delen: de vragenlijst, die het team invult, en automatische controles van de website.", "fr": "Chaque critère combine deux parties : le questionnaire, rempli par l'équipe, et des contrôles automatiques du site.", "en": "Each criterion combines two parts: the questionnaire, which the team fills in, and automated checks of the website."},
	"method_2":                     {"nl": "De score van een automatische controle is het deel van de pagina's waarop de controle slaagt. Sommige controles kijken naar de hele website en tellen één keer. Controles die nergens van toepassing zijn of die niet konden worden uitgevoerd, tellen niet mee in de score. Controles die niet konden worden uitgevoerd, verlagen wel de dekking; controles die nergens van toepassing zijn, doen dat niet.", "fr": "Le score d'un contrôle automatique est la part des pages où il réussit. Certains contrôles portent sur tout le site et comptent une seule fois. Les contrôles qui ne s'appliquent nulle part ou qui n'ont pas pu être effectués ne comptent pas dans le score. Ceux qui n'ont pas pu être effectués font baisser la couverture ; ceux qui ne s'appliquent nulle part, non.", "en": "The score of an automated check is the share of pages where it passes. Some checks look at the whole website and count once. Checks that apply nowhere or could not be run do not count in the score. Those that could not be run lower the coverage; those that apply nowhere do not."},
	"method_3":                     {"nl": "Het automatische deel van een criterium is het gewogen gemiddelde van zijn controles. Het deel van de vragenlijst is het gewogen gemiddelde van de antwoorden. Een vraag die niet van toepassing is, telt niet mee. Een vraag zonder antwoord of met 'Weet ik niet' telt als 0.", "fr": "La partie automatique d'un critère est la moyenne pondérée de ses contrôles. La partie questionnaire est la moyenne pondérée des réponses. Une question sans objet ne compte pas. Une question sans réponse ou avec « Je ne sais pas » compte pour 0.", "en": "The automated part of a criterion is the weighted mean of its checks. The questionnaire part is the weighted mean of the answers. A question that does not apply does not count. A question without an answer or answered 'Don't know' counts as 0."},
	"method_4":                     {"nl": "De score van een criterium mengt beide delen volgens de gewichten van het model (meestal half om half). Ontbreekt een deel, dan telt alleen het andere. De index is het gewogen gemiddelde van de zeven criteria, van 0 tot 100.", "fr": "Le score d'un critère combine les deux parties selon les poids du modèle (souvent moitié-moitié). Si une partie manque, seule l'autre compte. L'indice est la moyenne pondérée des sept critères, de 0 à 100.", "en": "A criterion's score mixes both parts by the model's weights (usually half and half). When one part is missing, only the other counts. The index is the weighted mean of the seven criteria, from 0 to 100."},
	"method_5":                     {"nl": "De tips staan in volgorde van effect: het gewicht van de vraag of controle, maal wat er nog ontbreekt aan de score.", "fr": "Les conseils sont classés selon leur effet : le poids de la question ou du contrôle, multiplié par ce qui manque encore au score.", "en": "The tips are ranked by impact: the weight of the question or check, times what is still missing from its score."},
	"method_6":                     {"nl": "Wat een computer niet kan beoordelen, wordt een vraag voor het team. Zo'n punt verlaagt de score niet.", "fr": "Ce qu'un ordinateur ne peut pas juger devient une question pour l'équipe. Un tel point ne fait pas baisser le score.", "en": "What a computer cannot judge becomes a question for the team. Such a point does not lower the score."},
	"levels_sentence":              {"nl": "Niveaus: {levels}.", "fr": "Niveaux : {levels}.", "en": "Levels: {levels}."},
	"level_from":                   {"nl": "{level} vanaf {min}", "fr": "{level} à partir de {min}", "en": "{level} from {min}"},
	"level_below":                  {"nl": "{level} daaronder", "fr": "{level} en dessous", "en": "{level} below that"},
	"model":                        {"nl": "Model", "fr": "Modèle", "en": "Model"},
	"model_version":                {"nl": "Versie van het model", "fr": "Version du modèle", "en": "Model version"},
	"model_hash":                   {"nl": "Vingerafdruk van het model (SHA-256)", "fr": "Empreinte du modèle (SHA-256)", "en": "Model fingerprint (SHA-256)"},
	"tool":                         {"nl": "Programma", "fr": "Programme", "en": "Program"},
	"browser":                      {"nl": "Browser", "fr": "Navigateur", "en": "Browser"},
	"no_browser":                   {"nl": "Geen (alleen de HTML van de server)", "fr": "Aucun (seulement le HTML du serveur)", "en": "None (only the server's HTML)"},
	"scan_period":                  {"nl": "Scan", "fr": "Analyse", "en": "Scan"},
	"page_x_of_y":                  {"nl": "Pagina {page} van {pages}", "fr": "Page {page} sur {pages}", "en": "Page {page} of {pages}"},
	"no_score":                     {"nl": "geen score", "fr": "pas de score", "en": "no score"},
	"skip_link":                    {"nl": "Naar de inhoud", "fr": "Aller au contenu", "en": "Skip to content"},
	"language":                     {"nl": "Taal", "fr": "Langue", "en": "Language"},
	"made_with":                    {"nl": "Gemaakt met {tool} {version}.", "fr": "Créé avec {tool} {version}.", "en": "Made with {tool} {version}."},
	"radar_label":                  {"nl": "Scores van de zeven criteria op een schaal van 0 tot 100", "fr": "Scores des sept critères sur une échelle de 0 à 100", "en": "Scores of the seven criteria on a scale from 0 to 100"},
	"meaning":                      {"nl": "Betekenis", "fr": "Signification", "en": "Meaning"},
	"failing_count":                {"nl": "{n} van de {total} controles vinden problemen.", "fr": "{n} contrôles sur {total} trouvent des problèmes.", "en": "{n} of the {total} checks find problems."},
	"review_count":                 {"nl": "{n} controles vragen een blik van het team.", "fr": "{n} contrôles sont à vérifier par l'équipe.", "en": "{n} checks ask the team to take a look."},
	"unanswered_count":             {"nl": "{n} vragen hebben nog geen antwoord.", "fr": "{n} questions n'ont pas encore de réponse.", "en": "{n} questions have no answer yet."},
	"failing_count_one":            {"nl": "{n} van de {total} controles vindt problemen.", "fr": "{n} contrôle sur {total} trouve des problèmes.", "en": "{n} of the {total} checks finds problems."},
	"review_count_one":             {"nl": "{n} controle vraagt een blik van het team.", "fr": "{n} contrôle est à vérifier par l'équipe.", "en": "{n} check asks the team to take a look."},
	"unanswered_count_one":         {"nl": "{n} vraag heeft nog geen antwoord.", "fr": "{n} question n'a pas encore de réponse.", "en": "{n} question has no answer yet."},
	"more_examples_one":            {"nl": "En nog {n} andere plaats.", "fr": "Et encore {n} autre endroit.", "en": "And {n} more place."},
	"dont_know":                    {"nl": "Weet ik niet", "fr": "Je ne sais pas", "en": "Don't know"},
	"to_find_out":                  {"nl": "Uit te zoeken", "fr": "À découvrir", "en": "To find out"},
	"to_find_out_intro":            {"nl": "Op deze vragen antwoordde het team 'Weet ik niet'. Ze tellen als 0. Vraag het na bij wie het meestal weet, en vul het antwoord in.", "fr": "À ces questions, l'équipe a répondu « Je ne sais pas ». Elles comptent pour 0. Renseignez-vous auprès de la personne qui le sait le plus souvent, puis complétez la réponse.", "en": "The team answered 'Don't know' to these questions. They count as 0. Ask the person who usually knows, and fill in the answer."},
	"who_knows":                    {"nl": "Wie weet het meestal?", "fr": "Qui le sait le plus souvent ?", "en": "Who usually knows?"},
	"to_find_out_count":            {"nl": "{n} vragen zijn nog uit te zoeken.", "fr": "{n} questions restent à découvrir.", "en": "{n} questions are still to find out."},
	"to_find_out_count_one":        {"nl": "{n} vraag is nog uit te zoeken.", "fr": "{n} question reste à découvrir.", "en": "{n} question is still to find out."},
	"pages_ok":                     {"nl": "{n} pagina's gescand", "fr": "{n} pages analysées", "en": "{n} pages scanned"},
	"pages_ok_one":                 {"nl": "{n} pagina gescand", "fr": "{n} page analysée", "en": "{n} page scanned"},
	"pages_failed":                 {"nl": "{n} niet gelukt", "fr": "{n} en échec", "en": "{n} failed"},
	"pages_failed_one":             {"nl": "{n} niet gelukt", "fr": "{n} en échec", "en": "{n} failed"},
	"pages_skipped":                {"nl": "{n} overgeslagen", "fr": "{n} ignorées", "en": "{n} skipped"},
	"pages_skipped_one":            {"nl": "{n} overgeslagen", "fr": "{n} ignorée", "en": "{n} skipped"},
	"pages_mostly_failed":          {"nl": "Let op: de meeste pagina's konden niet worden gescand ({failed} van de {planned}). De scores steunen dus op weinig pagina's.", "fr": "Attention : la plupart des pages n'ont pas pu être analysées ({failed} sur {planned}). Les scores reposent donc sur peu de pages.", "en": "Warning: most pages could not be scanned ({failed} of {planned}). So the scores rest on few pages."},
	"reason_timeout":               {"nl": "time-out", "fr": "délai dépassé", "en": "timeout"},
	"reason_redirect":              {"nl": "doorverwijzing", "fr": "redirection", "en": "redirect"},
	"reason_browser":               {"nl": "browserfout", "fr": "erreur du navigateur", "en": "browser error"},
	"reason_network":               {"nl": "netwerkfout", "fr": "erreur de réseau", "en": "network error"},
	"reason_other":                 {"nl": "andere fout", "fr": "autre erreur", "en": "other error"},
	"full_report":                  {"nl": "Het volledige rapport staat in de PDF- of HTML-versie.", "fr": "Le rapport complet se trouve dans la version PDF ou HTML.", "en": "The full report is in the PDF or HTML version."},
	"page_error_http_status":       {"nl": "de server antwoordde met HTTP-status {status}", "fr": "le serveur a répondu avec le statut HTTP {status}", "en": "the server answered with HTTP status {status}"},
	"page_error_not_html":          {"nl": "geen HTML-pagina (inhoudstype {type})", "fr": "pas une page HTML (type de contenu {type})", "en": "not an HTML page (content type {type})"},
	"page_error_too_large":         {"nl": "de pagina is groter dan {mb} MB", "fr": "la page dépasse {mb} Mo", "en": "the page is larger than {mb} MB"},
	"page_error_too_deep":          {"nl": "de elementen van de pagina zitten meer dan {max} lagen diep in elkaar: didi kan de pagina niet lezen", "fr": "les éléments de la page sont imbriqués sur plus de {max} niveaux : didi ne peut pas lire la page", "en": "the page's elements are nested more than {max} levels deep: didi cannot read the page"},
	"page_error_binary":            {"nl": "de server stuurde een bestand in plaats van een HTML-pagina", "fr": "le serveur a envoyé un fichier au lieu d'une page HTML", "en": "the server sent a file instead of an HTML page"},
	"page_error_timeout":           {"nl": "de server antwoordde niet op tijd", "fr": "le serveur n'a pas répondu à temps", "en": "the server did not answer in time"},
	"page_error_browser_timeout":   {"nl": "de pagina laadde niet binnen {after} in de browser", "fr": "la page ne s'est pas chargée en {after} dans le navigateur", "en": "the page did not load within {after} in the browser"},
	"page_error_cancelled":         {"nl": "de scan werd gestopt", "fr": "l'analyse a été arrêtée", "en": "the scan was stopped"},
	"page_error_connection_closed": {"nl": "de server verbrak de verbinding", "fr": "le serveur a coupé la connexion", "en": "the server closed the connection"},
	"page_error_refused":           {"nl": "de server weigerde de verbinding", "fr": "le serveur a refusé la connexion", "en": "the server refused the connection"},
	"page_error_no_host":           {"nl": "de servernaam {host} is niet gevonden", "fr": "le nom de serveur {host} est introuvable", "en": "the server name {host} was not found"},
	"page_error_tls":               {"nl": "het TLS-certificaat is niet geldig", "fr": "le certificat TLS n'est pas valide", "en": "the TLS certificate is not valid"},
	"page_error_redirect_loop":     {"nl": "de pagina stuurt door in een kring of te vaak", "fr": "la page redirige en boucle ou trop souvent", "en": "the page redirects in a loop or too often"},
	"page_error_redirect_outside":  {"nl": "stuurt door naar {url}, buiten de gescande site", "fr": "redirige vers {url}, en dehors du site analysé", "en": "redirects to {url}, outside the scanned site"},
	"page_error_client_unreadable": {"nl": "de pagina gaat vanzelf naar een adres dat niet te lezen is: {url}", "fr": "la page va d'elle-même vers une adresse illisible : {url}", "en": "the page goes on by itself to an address that cannot be read: {url}"},
	"page_error_client_reload":     {"nl": "de pagina laadt zichzelf meteen opnieuw en blijft nooit staan", "fr": "la page se recharge tout de suite et ne s'arrête jamais", "en": "the page reloads itself at once and never stays put"},
	"page_error_client_loop":       {"nl": "de pagina gaat vanzelf in een kring terug naar {url}", "fr": "la page revient d'elle-même en boucle vers {url}", "en": "the page goes round in a loop by itself back to {url}"},
	"page_error_client_too_many":   {"nl": "de pagina gaat meer dan {max} keer vanzelf naar een andere pagina", "fr": "la page passe d'elle-même à une autre page plus de {max} fois", "en": "the page goes on by itself to another page more than {max} times"},
	"page_error_client_outside":    {"nl": "de pagina gaat vanzelf naar {url}, buiten de gescande site", "fr": "la page va d'elle-même vers {url}, en dehors du site analysé", "en": "the page goes on by itself to {url}, outside the scanned site"},
	"page_error_browser":           {"nl": "de browser gaf een fout: {detail}", "fr": "le navigateur a donné une erreur : {detail}", "en": "the browser gave an error: {detail}"},
	"page_error_browser_stopped":   {"nl": "de browser stopte tijdens het laden: {detail}", "fr": "le navigateur s'est arrêté pendant le chargement : {detail}", "en": "the browser stopped while loading the page: {detail}"},
	"page_error_other":             {"nl": "de pagina kon niet geladen worden: {detail}", "fr": "la page n'a pas pu être chargée : {detail}", "en": "the page could not be loaded: {detail}"},
	"pages_ignored":                {"nl": "{n} niet gecontroleerd", "fr": "{n} non contrôlées", "en": "{n} not checked"},
	"pages_ignored_one":            {"nl": "{n} niet gecontroleerd", "fr": "{n} non contrôlée", "en": "{n} not checked"},
	"page_ignored":                 {"nl": "Niet gecontroleerd: het adres past bij een genegeerd patroon.", "fr": "Non contrôlée : l'adresse correspond à un motif ignoré.", "en": "Not checked: the address matches an ignored pattern."},
	"overrides_title":              {"nl": "Aangepast voor deze scan", "fr": "Réglages propres à cette analyse", "en": "Changed for this scan"},
	"overrides_intro":              {"nl": "Voor deze scan zijn deze controles en delen van de website anders ingesteld dan in het model. Een uitgeschakelde controle telt niet mee, ook niet voor de dekking.", "fr": "Pour cette analyse, ces contrôles et ces parties du site sont réglés autrement que dans le modèle. Un contrôle désactivé ne compte pas, ni pour le score ni pour la couverture.", "en": "For this scan, these checks and parts of the website are set differently from the model. A check that is switched off counts neither for the score nor for the coverage."},
	"override_off":                 {"nl": "Uitgeschakeld: {check}", "fr": "Désactivé : {check}", "en": "Switched off: {check}"},
	"override_warn":                {"nl": "Alleen als advies, telt niet mee: {check}", "fr": "À titre de conseil seulement, ne compte pas : {check}", "en": "Advice only, does not count: {check}"},
	"override_selectors":           {"nl": "Genegeerde elementen: {selectors}. Daardoor vielen {n} meldingen weg.", "fr": "Éléments ignorés : {selectors}. {n} signalements ont ainsi été écartés.", "en": "Elements ignored: {selectors}. This left out {n} findings."},
	"override_selectors_one":       {"nl": "Genegeerde elementen: {selectors}. Daardoor viel {n} melding weg.", "fr": "Éléments ignorés : {selectors}. {n} signalement a ainsi été écarté.", "en": "Elements ignored: {selectors}. This left out {n} finding."},
	"override_urls":                {"nl": "Niet gecontroleerde pagina's: adressen die passen bij {patterns} ({n} pagina's).", "fr": "Pages non contrôlées : adresses qui correspondent à {patterns} ({n} pages).", "en": "Pages not checked: addresses that match {patterns} ({n} pages)."},
	"override_urls_one":            {"nl": "Niet gecontroleerde pagina's: adressen die passen bij {patterns} ({n} pagina).", "fr": "Pages non contrôlées : adresses qui correspondent à {patterns} ({n} page).", "en": "Pages not checked: addresses that match {patterns} ({n} page)."},
	"glyph_missing":                {"nl": "[niet getoond]", "fr": "[non affiché]", "en": "[not shown]"},
	"glyph_missing_label":          {"nl": "Niet alle tekens getoond", "fr": "Caractères non affichés", "en": "Not every character shown"},
	"glyph_missing_note":           {"nl": "Sommige tekens van de website kunnen niet in deze PDF staan, zoals emoji of Chinees, Arabisch of Hebreeuws schrift. Op hun plaats staat {marker}. Het HTML-rapport toont alle tekens.", "fr": "Certains caractères du site ne peuvent pas s'afficher dans ce PDF, par exemple les émojis ou l'écriture chinoise, arabe ou hébraïque. À leur place, vous voyez {marker}. Le rapport HTML montre tous les caractères.", "en": "Some characters of the website cannot be shown in this PDF, such as emoji or Chinese, Arabic or Hebrew script. In their place you see {marker}. The HTML report shows every character."},
	"interrupted":                  {"nl": "De scan werd onderbroken. De scores gelden alleen voor de pagina's die al gescand waren.", "fr": "L'analyse a été interrompue. Les scores portent seulement sur les pages déjà analysées.", "en": "The scan was interrupted. The scores cover only the pages scanned before the stop."},
}

// tr returns the chrome text key in lang, formatted with args. A missing
// language falls back to English; a missing key shows the key, so a gap is
// visible and caught by the tests rather than silently empty.
// trOr is tr for a key made from data (a reason, a value): def when there
// is no such text.
func trOr(lang, key, def string) string {
	if _, ok := chrome[key]; !ok {
		return def
	}
	return tr(lang, key)
}

func tr(lang, key string, kv ...string) string {
	texts, ok := chrome[key]
	if !ok {
		return key
	}
	s, ok := texts[lang]
	if !ok {
		s = texts["en"]
	}
	if len(kv) > 0 {
		s = i18n.Fill(s, i18n.Pairs(kv...))
	}
	return i18n.Typeset(lang, s)
}

// trN is tr for a count n: it uses key_one when n is 1 and that text
// exists. n is the first format argument.
func trN(lang, key string, n int, kv ...string) string {
	if _, ok := chrome[key+"_one"]; ok && n == 1 {
		key += "_one"
	}
	return tr(lang, key, append([]string{"n", strconv.Itoa(n)}, kv...)...)
}

// colon is ": " with the no-break space French puts before it.
func colon(lang string) string {
	if lang == "fr" {
		return "\u00a0:"
	}
	return ":"
}

// supportedLang reports whether the chrome exists in lang.
func supportedLang(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// decimalSep is the decimal separator by language.
func decimalSep(lang string) string {
	if lang == "en" {
		return "."
	}
	return ","
}

// formatNumber formats v with one decimal in lang: "72,5" in nl and fr,
// "72.5" in en. Whole numbers keep their ",0" so columns line up.
func formatNumber(lang string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	return strings.Replace(s, ".", decimalSep(lang), 1)
}

// formatBound formats a level bound: whole numbers without decimals
// ("85"), others like formatNumber ("72,5").
func formatBound(lang string, v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e9 {
		return strconv.Itoa(int(v))
	}
	return formatNumber(lang, v)
}

// formatScore formats a 0–100 score, or "no score" when nil.
func formatScore(lang string, v *float64) string {
	if v == nil {
		return tr(lang, "no_score")
	}
	return formatNumber(lang, *v)
}

// formatPercent formats a 0–1 share as a whole percentage: "92%" in nl and
// en, "92 %" (no-break space) in fr.
func formatPercent(lang string, share float64) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return "–"
	}
	p := strconv.Itoa(int(math.Round(share * 100)))
	if lang == "fr" {
		return p + "\u00a0%"
	}
	return p + "%"
}

// monthNames are the month names by language, January first.
var monthNames = map[string][12]string{
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// parseDate reads an RFC 3339 timestamp or a plain YYYY-MM-DD date.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// formatDate formats an RFC 3339 or YYYY-MM-DD date in lang ("23 november
// 2026", "1er mars 2026"); text it cannot read is returned as it is.
func formatDate(lang, s string) string {
	t, ok := parseDate(s)
	if !ok {
		return s
	}
	months, ok := monthNames[lang]
	if !ok {
		months = monthNames["en"]
	}
	day := strconv.Itoa(t.Day())
	if lang == "fr" && t.Day() == 1 {
		day = "1er"
	}
	return day + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// formatPeriod formats the scan's start and end: "23 november 2026,
// 09:14–09:16 UTC" on one day, both dates otherwise; unreadable times are
// shown as they are.
func formatPeriod(lang, start, end string) string {
	t0, ok0 := parseDate(start)
	t1, ok1 := parseDate(end)
	switch {
	case !ok0:
		return joinNonEmpty(" – ", start, end)
	case !ok1:
		return formatDate(lang, start) + ", " + t0.UTC().Format("15:04") + " UTC"
	}
	t0, t1 = t0.UTC(), t1.UTC()
	if t0.Format("2006-01-02") == t1.Format("2006-01-02") {
		return formatDate(lang, start) + ", " + t0.Format("15:04") + "–" + t1.Format("15:04") + " UTC"
	}
	return formatDate(lang, start) + " " + t0.Format("15:04") + " – " + formatDate(lang, end) + " " + t1.Format("15:04") + " UTC"
}

// htmlLang is the BCP 47 tag of a report language (Belgian variants).
func htmlLang(lang string) string {
	switch lang {
	case "nl":
		return "nl-BE"
	case "fr":
		return "fr-BE"
	}
	return lang
}
