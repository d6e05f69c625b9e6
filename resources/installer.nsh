; Parcours: the uninstaller keeps the programme's data unless the person asks otherwise.
; Not asked when a newer Parcours replaces this one (update) or when uninstalling silently (/S):
; the data folder (%APPDATA%\Parcours: database, backups) then always stays.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 \
      "Supprimer aussi les données de Parcours (organisations, participants, sauvegardes) ?$\r$\n$\r$\n$APPDATA\Parcours$\r$\n$\r$\nElles ne pourront pas être récupérées. Choisissez « Non » pour les garder (conseillé) : une nouvelle installation de Parcours les retrouvera." \
      /SD IDNO IDNO keepData
      RMDir /r "$APPDATA\Parcours"
    keepData:
  ${endIf}
!macroend
