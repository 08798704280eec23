app-title = ThüringenApp
app-kopfzeile = Ein Angebot vom Freistaat Thüringen
app-skip-to-content = Zum Inhalt springen
app-loading = Die App lädt gerade …
app-language-switch = Sprache
app-language-de = Deutsch
app-language-en = English
app-offline-title = Sie haben gerade kein Internet
app-offline-body = Die App erreicht den Landes·dienst gerade nicht. Der Landes·dienst ist das Computer·system vom Land Thüringen. Sie können trotzdem alle Leistungen suchen. Alles, was Sie eingeben, speichert die App auf diesem Gerät.
app-catalog-updated = Die Liste mit den Leistungen ist jetzt auf dem neuesten Stand.
app-help-115 = Haben Sie Fragen? Rufen Sie die Behörden·nummer 115 an. Das geht von Montag bis Freitag von 8 bis 18 Uhr.
app-about = Über diese App und woher die Daten kommen
app-footer-nav = Fußzeile
app-not-found = Diese Seite gibt es nicht.
app-back-home = Zur Start·seite
app-part-failed-title = Die Seite lässt sich nicht öffnen
app-part-failed-body = Die App konnte diese Seite nicht öffnen. Ihre Eingaben sind gespeichert. Ihre Entwürfe sind auch gespeichert. Bitte versuchen Sie es noch einmal. Hilft das nicht? Dann starten Sie die App neu.
app-part-failed-retry = Noch einmal versuchen
nav-label = Haupt·menü
nav-services = Leistungen
nav-applications = Meine Anträge
nav-inbox = Postfach
nav-inbox-unread = { $count ->
    [one] neue Nachricht
   *[other] neue Nachrichten
}
nav-settings = Einstellungen
storage-notice-heading = Die App konnte Ihre früheren Daten auf diesem Gerät nicht öffnen
storage-notice-body = Darum hat die App neu angefangen. Die App hat nichts gelöscht. Ihre früheren Daten sind noch da. Sie liegen im Daten·ordner von der App. Die Datei heißt: „{ $file }“. Haben Sie schon Anträge gesendet? Diese Anträge sind bei der Behörde. Entwürfe sind noch in den früheren Daten. Ein Entwurf ist ein Antrag, der noch nicht fertig ist. Auch Anträge, die noch nicht gesendet sind, sind in den früheren Daten. Die Fach·leute für Technik können diese Daten vielleicht zurück·holen. Sonst fangen Sie diese Anträge bitte neu an.
storage-notice-help = Hilfe bekommen Sie bei der Behörden·nummer 115. Sagen Sie dort den Namen von der Datei.
storage-notice-dismiss = Verstanden

# Notifications through the operating system (#18): nothing personal, a locked screen shows them
notify-status-title = Neues zu Ihrem Antrag
notify-status-body = Öffnen Sie die ThüringenApp. Dann sehen Sie den neuen Stand.
notify-message-title = Neue Nachricht
notify-message-body = Eine Behörde hat Ihnen geschrieben. Öffnen Sie die ThüringenApp. Dann können Sie die Nachricht lesen.
notify-draft-title = Antrag nicht fertig
notify-draft-body = Sie haben einen Antrag angefangen. Sie haben den Antrag noch nicht gesendet.
notify-deadline-title = Eine Frist endet bald
notify-deadline-body = Sie haben einen Antrag angefangen. Für diesen Antrag endet bald eine Frist. Öffnen Sie die ThüringenApp.
notify-expiry-title = Bald zu Ende
notify-expiry-body = Sie haben mit einem Antrag eine Erlaubnis bekommen. Diese Erlaubnis endet bald. Möchten Sie die Erlaubnis behalten? Dann lassen Sie die Erlaubnis verlängern.
