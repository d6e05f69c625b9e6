// The capacity-assessment grid shipped with Parcours (domains of the PRC programme document).
// Scale 1–4: 1 absent, 2 emerging, 3 established, 4 mastered. The PRC team edits it in the app;
// each edit is a new version, so this text only seeds an empty database.

const levels = (absent: string, emerging: string, established: string, mastered: string) => [
  absent,
  emerging,
  established,
  mastered,
];

export const DEFAULT_FRAMEWORK = {
  name: 'Grille d’auto-évaluation des capacités organisationnelles',
  scaleMin: 1,
  scaleMax: 4,
  domains: [
    {
      code: 'governance',
      name: 'Gouvernance interne et leadership',
      criteria: [
        {
          name: 'Les organes statutaires se réunissent et décident',
          descriptors: levels(
            'Organes inexistants ou jamais réunis',
            'Réunions irrégulières, sans procès-verbaux',
            'Réunions régulières avec procès-verbaux',
            'Décisions suivies et rendues publiques aux membres',
          ),
        },
        {
          name: 'Le leadership est partagé et renouvelé',
          descriptors: levels(
            'Direction concentrée sur une personne',
            'Délégation ponctuelle',
            'Rôles définis et respectés',
            'Renouvellement des dirigeants prévu et pratiqué',
          ),
        },
      ],
    },
    {
      code: 'strategic_planning',
      name: 'Planification stratégique',
      criteria: [
        {
          name: 'Un plan stratégique ou de développement existe',
          descriptors: levels(
            'Aucun plan',
            'Plan en préparation',
            'Plan adopté',
            'Plan adopté, mis en œuvre et révisé',
          ),
        },
        {
          name: 'Les plans annuels découlent du plan stratégique',
          descriptors: levels(
            'Pas de plan annuel',
            'Plan annuel sans lien avec la stratégie',
            'Plan annuel aligné sur la stratégie',
            'Plan annuel aligné, budgétisé et suivi',
          ),
        },
      ],
    },
    {
      code: 'financial_management',
      name: 'Gestion financière',
      criteria: [
        {
          name: 'Les procédures financières sont écrites et appliquées',
          descriptors: levels(
            'Pas de procédures',
            'Procédures écrites non appliquées',
            'Procédures appliquées',
            'Procédures appliquées et auditées',
          ),
        },
        {
          name: 'La comptabilité et les rapports financiers sont à jour',
          descriptors: levels(
            'Pas de comptabilité',
            'Comptabilité partielle',
            'Comptabilité à jour, rapports annuels',
            'Rapports réguliers et audit externe sans réserve',
          ),
        },
      ],
    },
    {
      code: 'hr_management',
      name: 'Gestion des ressources humaines',
      criteria: [
        {
          name: 'Les postes ont des fiches de fonction',
          descriptors: levels(
            'Aucune fiche',
            'Quelques fiches',
            'Fiches pour tous les postes',
            'Fiches utilisées pour l’évaluation',
          ),
        },
        {
          name: 'Un plan de développement des ressources humaines existe',
          descriptors: levels(
            'Aucun plan',
            'Besoins identifiés',
            'Plan adopté',
            'Plan mis en œuvre et évalué',
          ),
        },
      ],
    },
    {
      code: 'monitoring_evaluation',
      name: 'Suivi-évaluation',
      criteria: [
        {
          name: 'Les activités sont suivies avec des indicateurs',
          descriptors: levels(
            'Aucun suivi',
            'Suivi des activités sans indicateurs',
            'Indicateurs suivis',
            'Indicateurs suivis et utilisés pour décider',
          ),
        },
        {
          name: 'Les leçons apprises sont capitalisées',
          descriptors: levels(
            'Jamais',
            'De façon informelle',
            'Bilans écrits',
            'Capitalisation partagée et appliquée',
          ),
        },
      ],
    },
    {
      code: 'resource_mobilisation',
      name: 'Mobilisation des ressources',
      criteria: [
        {
          name: 'Les sources de financement sont diversifiées',
          descriptors: levels(
            'Une seule source',
            'Deux sources',
            'Plusieurs sources',
            'Sources diversifiées et ressources propres',
          ),
        },
        {
          name: 'L’organisation rédige et dépose des demandes de financement',
          descriptors: levels(
            'Jamais',
            'Avec un appui extérieur',
            'De façon autonome',
            'De façon autonome, avec des succès réguliers',
          ),
        },
      ],
    },
    {
      code: 'partnership',
      name: 'Partenariat et négociation',
      criteria: [
        {
          name: 'Les partenariats sont formalisés par des conventions',
          descriptors: levels(
            'Aucun',
            'Partenariats informels',
            'Conventions signées',
            'Conventions suivies et évaluées',
          ),
        },
        {
          name: 'L’organisation négocie avec l’État et les collectivités',
          descriptors: levels(
            'Jamais',
            'Ponctuellement',
            'Régulièrement',
            'Régulièrement, avec des résultats obtenus',
          ),
        },
      ],
    },
    {
      code: 'communication_advocacy',
      name: 'Communication et plaidoyer',
      criteria: [
        {
          name: 'L’organisation rend compte à ses membres et au public',
          descriptors: levels(
            'Jamais',
            'Occasionnellement',
            'Chaque année',
            'Régulièrement, par plusieurs canaux',
          ),
        },
        {
          name: 'Des actions de plaidoyer sont menées',
          descriptors: levels('Aucune', 'Ponctuelles', 'Planifiées', 'Planifiées, suivies et ayant abouti'),
        },
      ],
    },
    {
      code: 'gender',
      name: 'Prise en compte du genre',
      criteria: [
        {
          name: 'Les femmes participent aux instances de décision',
          descriptors: levels('Aucune femme', 'Moins d’un quart', 'Au moins un quart', 'Au moins 40 %'),
        },
        {
          name: 'Les plans et budgets tiennent compte du genre',
          descriptors: levels(
            'Jamais',
            'Mentionné sans moyens',
            'Actions spécifiques budgétisées',
            'Budgétisation sensible au genre suivie',
          ),
        },
      ],
    },
    {
      code: 'digital',
      name: 'Outils numériques',
      criteria: [
        {
          name: 'Le personnel utilise les outils bureautiques',
          descriptors: levels(
            'Aucun usage',
            'Quelques personnes',
            'La plupart du personnel',
            'Tout le personnel, avec des procédures',
          ),
        },
        {
          name: 'Les données et documents sont sauvegardés',
          descriptors: levels(
            'Aucune sauvegarde',
            'Sauvegardes occasionnelles',
            'Sauvegardes régulières',
            'Sauvegardes régulières et vérifiées hors site',
          ),
        },
      ],
    },
  ],
};
