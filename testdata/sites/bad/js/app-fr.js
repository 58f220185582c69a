// Le contenu de la page d'accueil n'existe qu'après ce script.
document.getElementById("app-fr").innerHTML =
  "<h1>Bienvenue chez PointÉnergie</h1>" +
  "<p>Demandez votre prime énergie entièrement en ligne. Panneaux solaires, isolation, pompe à chaleur ou nouveaux châssis : " +
  "pour chaque investissement qui rend votre logement plus économe, vous pouvez recevoir une prime. Vous remplissez le formulaire, " +
  "vous chargez vos factures et vous recevez une réponse dans les trente jours. La prime est ensuite versée sur votre compte. " +
  "Lisez d'abord attentivement les conditions, car une demande incomplète n'est pas traitée. " +
  "Vous pouvez suivre votre dossier à tout moment dans l'application.</p>";
