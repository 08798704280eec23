app-title = ThüringenApp
app-kopfzeile = Ein Angebot des Freistaats Thüringen
app-skip-to-content = Zum Inhalt springen
app-loading = Wird geladen …
app-language-switch = Sprache
app-language-de = Deutsch
app-language-en = English
app-offline-title = Sie sind offline
app-offline-body = Der Landesdienst ist gerade nicht erreichbar. Alle Leistungen bleiben durchsuchbar, und was Sie eingeben, wird auf diesem Gerät gespeichert.
app-catalog-updated = Der Leistungskatalog wurde aktualisiert.
app-help-115 = Fragen? Behördennummer 115, Montag bis Freitag 8 bis 18 Uhr.
app-about = Über diese App und Datenquellen
app-footer-nav = Fußzeile
app-not-found = Diese Seite gibt es nicht.
app-back-home = Zur Startseite
app-part-failed-title = Dieser Teil der App ließ sich nicht laden
app-part-failed-body = Die App konnte den Programmteil für diese Seite nicht öffnen. Ihre Eingaben und Entwürfe sind gespeichert. Versuchen Sie es noch einmal; hilft das nicht, starten Sie die App neu.
app-part-failed-retry = Noch einmal versuchen
nav-label = Hauptnavigation
nav-services = Leistungen
nav-applications = Meine Anträge
nav-inbox = Postfach
nav-inbox-unread = { $count ->
    [one] ungelesene Nachricht
   *[other] ungelesene Nachrichten
}
nav-settings = Einstellungen
storage-notice-heading = Ihre früheren Daten auf diesem Gerät ließen sich nicht öffnen
storage-notice-body = Die App hat deshalb neu begonnen. Gelöscht wurde nichts: Die früheren Daten liegen unter dem Namen „{ $file }“ im Datenordner der App. Anträge, die schon gesendet waren, liegen bei der Behörde. Entwürfe und noch nicht gesendete Anträge stecken in den beiseitegelegten Daten; der technische Support kann sie wiederherstellen, sonst beginnen Sie sie bitte neu.
storage-notice-help = Hilfe: Behördennummer 115 (nennen Sie den Dateinamen)
storage-notice-dismiss = Verstanden

# Notifications through the operating system (#18): nothing personal, a locked screen shows them
notify-status-title = Neuigkeiten zu Ihrem Antrag
notify-status-body = Öffnen Sie die ThüringenApp, um den neuen Stand zu sehen.
notify-message-title = Neue Nachricht
notify-message-body = Eine Behörde hat Ihnen geschrieben. Öffnen Sie die ThüringenApp, um die Nachricht zu lesen.
notify-draft-title = Antrag nicht fertig
notify-draft-body = Sie haben einen Antrag angefangen und noch nicht gesendet.
notify-deadline-title = Eine Frist endet bald
notify-deadline-body = Für einen Antrag, den Sie angefangen haben, endet bald eine Frist. Öffnen Sie die ThüringenApp.
notify-expiry-title = Bald abgelaufen
notify-expiry-body = Eine Genehmigung aus einem Ihrer Anträge endet bald. Denken Sie an die Verlängerung.
