// French texts of the backups page.
const backups = {
  title: 'Sauvegardes',
  subtitle:
    'Copies vérifiées de toutes les données du programme, documents compris. Parcours en fait automatiquement au démarrage, toutes les 6 heures et à la fermeture.',
  backupNow: 'Sauvegarder maintenant',
  export: 'Exporter une sauvegarde',
  restoreFile: 'Restaurer une sauvegarde',
  created: 'Sauvegarde faite et vérifiée',
  exported: 'Sauvegarde exportée : gardez le fichier sur une clé USB, loin de l’ordinateur.',
  carryTitle: 'Une copie hors de l’ordinateur',
  carryText:
    'Un ordinateur peut être volé, tomber en panne ou brûler : exportez régulièrement une sauvegarde (fichier .parcours) sur une clé USB, et rangez-la ailleurs. Elle se restaure sur n’importe quel ordinateur où Parcours est installé.',
  folder: 'Dossier des sauvegardes : {{folder}}',
  lastAutomatic: 'Dernière sauvegarde automatique : {{date}}',
  noAutomatic: 'Aucune sauvegarde automatique pour l’instant.',
  empty: 'Aucune sauvegarde pour l’instant.',
  fields: {
    date: 'Date',
    kind: 'Type',
    size: 'Taille',
    version: 'Version',
    status: 'État',
  },
  kind: {
    automatic: 'Automatique',
    manual: 'Manuelle',
    before_restore: 'Avant restauration',
    before_upgrade: 'Avant mise à jour',
  },
  status: {
    verified: 'Vérifiée',
    damaged: 'Endommagée',
  },
  damagedHint: 'Son contenu ne correspond plus à la copie vérifiée : elle ne peut pas être restaurée.',
  restore: 'Restaurer',
  restoreOne: 'Restaurer la sauvegarde du {{date}}',
  checking: 'Vérification de la sauvegarde…',
  tooLarge:
    'Ce fichier fait {{size}} : Parcours restaure des sauvegardes de {{max}} au plus. Demandez de l’aide pour restaurer ce fichier.',
  refusedTitle: 'Cette sauvegarde n’a pas été restaurée',
  confirmTitle: 'Restaurer cette sauvegarde ?',
  contains: 'Contenu de la sauvegarde',
  madeOn: 'Faite le',
  appVersion: 'Version de Parcours',
  schemaVersion: 'Version des données',
  counts: {
    organisations: 'Organisations',
    participants: 'Participants',
    sessions: 'Sessions',
    documents: 'Documents',
  },
  upgraded: 'Cette sauvegarde vient d’une version précédente de Parcours : ses données seront mises à jour.',
  replaceWarning:
    'Toutes les données actuelles seront remplacées par celles de cette sauvegarde. Elles sont d’abord gardées dans une sauvegarde « avant restauration », que vous pourrez restaurer à son tour.',
  confirm: 'Remplacer les données',
  restored: 'Données restaurées : sauvegarde du {{date}}',
  unknownVersion: 'inconnue',
};

export default backups;
