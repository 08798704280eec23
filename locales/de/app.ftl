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
nav-label = Hauptnavigation
nav-services = Leistungen
nav-applications = Meine Anträge
nav-inbox = Postfach
nav-inbox-unread = { $count ->
    [one] ungelesene Nachricht
   *[other] ungelesene Nachrichten
}
nav-settings = Einstellungen
