// French texts of the reports page; report titles are also read by the core for the documents.
const reports = {
  unresolvedConflicts_one:
    'Chiffres provisoires : {{count}} conflit de synchronisation non tranché touche les données de ce rapport (Synchronisation › Conflits).',
  unresolvedConflicts_other:
    'Chiffres provisoires : {{count}} conflits de synchronisation non tranchés touchent les données de ce rapport (Synchronisation › Conflits).',
  title: 'Rapports',
  subtitle: 'Les rapports des comités, en PDF pour la lecture et l’impression, en XLSX pour les données',
  kind: 'Rapport',
  kinds: {
    quarterly: 'Rapport opérationnel trimestriel',
    results: 'Rapport annuel des résultats',
    gender: 'Rapport genre',
    selection: 'Dossier de sélection',
    minutes: 'Procès-verbal du comité de sélection',
    organisation: 'Fiche de l’organisation',
    attendance: 'Feuille de présence',
  },
  noData: 'Aucune donnée.',
  year: 'Année',
  quarter: 'Trimestre',
  round: 'Comité de sélection',
  chooseRound: 'Choisir un comité',
  organisation: 'Organisation',
  chooseOrganisation: 'Rechercher une organisation',
  chooseRecord: 'Choisissez ci-dessus ce sur quoi porte le rapport.',
  elsewhere: 'La feuille de présence d’une session s’exporte depuis la page de la session.',
  preview: 'Aperçu : les mêmes chiffres que le PDF et le fichier XLSX.',
  export: { pdf: 'Exporter en PDF', xlsx: 'Exporter en XLSX' },
  exportMenu: 'Exporter',
  exportNamed: '{{label}} ({{format}})',
  saved: '{{name}} enregistré',
};

export default reports;
