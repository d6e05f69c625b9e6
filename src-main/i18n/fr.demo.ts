// French texts of the demonstration programme: the welcome card and the banner of the dashboard.
const demo = {
  welcomeTitle: 'Bienvenue',
  welcomeText:
    'La base de données est vide. Vous pouvez commencer à saisir votre programme, ou charger d’abord un programme de démonstration pour découvrir chaque page et chaque rapport avec des données réalistes.',
  contentsTitle: 'Le programme de démonstration contient :',
  contents: {
    organisations:
      'les organisations de la région de Koulikoro citées par le document de programme (CNSC, CAFO, AOPP, Gouvernorat, Conseil régional, DRA, DRSV, DRPIA, chambre d’agriculture…) ;',
    agreements:
      'les 18 accords de partenariat opérationnel de Kidal et de Gao signés en 2023, tels que la revue des partenariats les présente ;',
    year: 'une année de programme : diagnostics, comité de sélection, parcours, sessions avec présences et évaluations, suivis post-formation ;',
    people: 'des participantes et participants fictifs (plus de 40\u00a0% de femmes).',
  },
  removable: 'Elle se supprime en une fois, sans toucher aux données que vous aurez saisies vous-même.',
  load: 'Charger le programme de démonstration',
  startEmpty: 'Commencer avec une base vide',
  emptyLine: 'La base est vide.',
  loadLater: 'Charger le programme de démonstration',
  loaded:
    'Programme de démonstration chargé : {{organisations}} organisations, {{agreements}} conventions, {{participants}} participants, {{sessions}} sessions.',
  bannerTitle: 'Données de démonstration',
  bannerText:
    'Les organisations, personnes et chiffres affichés viennent du programme de démonstration chargé le {{date}}.',
  remove: 'Supprimer la démonstration',
  removeTitle: 'Supprimer la démonstration ?',
  removeText:
    'Seules les données de démonstration sont supprimées ({{records}} enregistrements), avec ce que vous y avez ajouté depuis s’il ne concerne qu’elles. Les données que vous avez saisies vous-même sont conservées. Cette opération ne peut pas être annulée.',
  removed_one: 'Démonstration supprimée : {{formatted}} enregistrement.',
  removed_other: 'Démonstration supprimée : {{formatted}} enregistrements.',
  addedSince_one: 'Dont {{count}} enregistrement ajouté depuis le chargement.',
  addedSince_other: 'Dont {{count}} enregistrements ajoutés depuis le chargement.',
};

export default demo;
