// The start page's content only exists after this script runs.
document.getElementById("app").innerHTML =
  "<h1>Welkom bij EnergiePunt</h1>" +
  "<p>Vraag je energiepremie volledig online aan. Zonnepanelen, isolatie, een warmtepomp of nieuwe ramen: " +
  "voor elke investering die je woning zuiniger maakt, kan je een premie krijgen. Je vult het formulier in, " +
  "je laadt je facturen op en je krijgt binnen dertig dagen een antwoord. De premie wordt daarna op je rekening gestort. " +
  "Lees eerst de voorwaarden goed na, want een onvolledige aanvraag wordt niet behandeld. " +
  "Je kan de status van je dossier op elk moment volgen in de app.</p>";
