settings-heading = Einstellungen
settings-language = Sprache der App
settings-text-size = Schriftgröße
settings-text-normal = Normal
settings-text-large = Groß (150 %)
settings-text-largest = Sehr groß (200 %)
settings-high-contrast = Hoher Kontrast
settings-home = Ihr Wohnort
settings-home-current = Gewählt: { $name }
settings-home-none = Noch kein Wohnort gewählt.
settings-home-search = Postleitzahl oder Name des Ortes
settings-home-hint = Zum Beispiel 99084 oder Weimar. Wir zeigen dann die zuständigen Stellen.
settings-home-results = { $count ->
    [0] Kein Ort gefunden
    [one] 1 Ort gefunden
   *[other] { $count } Orte gefunden
}
settings-account = Konto
settings-logged-in = Angemeldet als { $name }
settings-logged-out = Sie sind nicht angemeldet. Suchen und Entwürfe gehen auch ohne Konto.
settings-needs-login = Bitte melden Sie sich erneut an, damit wartende Anträge gesendet werden.
settings-log-in = Anmelden
settings-log-out = Abmelden
settings-forget = Meine Daten von diesem Gerät löschen
settings-forget-hint = Für ein gemeinsam genutztes Gerät, zum Beispiel bei einer Digitallotsin oder einem Digitallotsen: meldet Sie ab und löscht Ihre Entwürfe, Anträge und Nachrichten auf diesem Gerät.
settings-forget-title = Ihre Daten von diesem Gerät löschen?
settings-forget-body = Entwürfe, Anträge, Nachrichten und Ihr Wohnort werden auf diesem Gerät gelöscht, und Sie werden abgemeldet. Gesendete Anträge bleiben bei der Behörde; deren Nachrichten erhalten Sie nach der nächsten Anmeldung wieder. Noch nicht gesendete Meldungen von Barrieren mit Ihren Kontaktdaten werden ebenfalls gelöscht. Auch die PDF-Dateien, die die App für Sie gespeichert hat, werden gelöscht.
settings-forget-unsent = { $count ->
    [one] Ein Antrag ist noch nicht gesendet. Er wird dann nicht gesendet.
   *[other] { $count } Anträge sind noch nicht gesendet. Sie werden dann nicht gesendet.
}
settings-forget-cancel = Abbrechen
settings-forget-confirm = Löschen und abmelden
settings-forgotten = Ihre Daten wurden von diesem Gerät gelöscht, und Sie sind abgemeldet.
settings-details = Gespeicherte Angaben
settings-details-kept = Auf diesem Gerät gespeichert für Ihre Anträge: { $details }.
settings-details-forget = Gespeicherte Angaben löschen
settings-legal = Rechtliches

# Notifications (#18)
settings-notifications = Benachrichtigungen
settings-notifications-hint = Die App kann Ihnen Bescheid geben, während sie im Hintergrund läuft. Die Benachrichtigungen nennen keine Namen und keine Inhalte, denn sie können auf dem gesperrten Bildschirm erscheinen.
settings-notifications-enabled = Benachrichtigungen erlauben
settings-notifications-kinds = Worüber die App Bescheid gibt
settings-notifications-status = Neuer Stand eines Antrags
settings-notifications-messages = Neue Nachricht einer Behörde
settings-notifications-drafts = Erinnerung an einen angefangenen Antrag (nach 3 Tagen)
settings-notifications-dates = Fristen und Enddaten aus Ihren Anträgen (zum Beispiel die Ummeldung 2 Wochen nach dem Einzug, das Ende des Bewohnerparkausweises)

# Assisted sessions on a shared device (#14)
settings-visit = Beratung auf diesem Gerät
settings-visit-intro = Für Digitallotsinnen und Digitallotsen auf einem gemeinsam genutzten Gerät: In einer Beratung füllt die besuchende Person ihre Anträge in einem eigenen, verschlüsselten Speicher aus und meldet sich nur für diese Beratung an. Am Ende der Beratung, oder nach { $minutes } Minuten ohne Eingabe, löscht die App alles davon von diesem Gerät. Ihre eigenen Daten bleiben, wie sie sind.
settings-visit-start = Neue Beratung starten
visit-running = Beratung läuft
visit-running-body = Alles, was Sie in dieser Beratung eingeben, löscht die App beim Beenden von diesem Gerät, auch nach { $minutes } Minuten ohne Eingabe.
visit-end = Beratung beenden
visit-unsent-title = Noch nicht alles ist gesendet
visit-unsent-body = Entwürfe: { $drafts }. Anträge, die noch nicht angekommen sind: { $applications }. Wenn Sie die Beratung jetzt beenden, werden sie gelöscht. Zum Senden öffnen Sie „Meine Anträge“ und melden sich an.
visit-unsent-to-applications = Zu „Meine Anträge“
visit-unsent-discard = Löschen und Beratung beenden

# A shared device's PIN (#14)
settings-shared = Gemeinsam genutztes Gerät
settings-shared-intro = Mit einer PIN sperren Sie dieses Gerät zwischen den Beratungen: Nach dem Ende einer Beratung sieht niemand Ihre eigenen Anträge, Nachrichten oder Ihre Anmeldung, bis Sie die PIN eingeben.
settings-shared-pin = PIN (6 bis 12 Ziffern)
settings-shared-pin-again = PIN wiederholen
settings-shared-mismatch = Die beiden PINs stimmen nicht überein.
settings-shared-set = Als gemeinsam genutztes Gerät einrichten
settings-shared-on = Dieses Gerät ist als gemeinsam genutztes Gerät eingerichtet.
settings-shared-lock = Gerät jetzt sperren
settings-shared-off = Gemeinsame Nutzung beenden
lock-heading = Dieses Gerät ist gesperrt
lock-intro = Sie möchten beraten werden? Starten Sie eine neue Beratung. Die Digitallotsin oder der Digitallotse entsperrt das Gerät mit der PIN.
lock-pin = PIN
lock-unlock = Entsperren

# The Digitallotse's record of sessions (#14)
visit-report = Meine Beratungen auf diesem Gerät
visit-report-day = { $date }: { $sessions ->
    [one] 1 Beratung
   *[other] { $sessions } Beratungen
}, davon { $sent } mit gesendetem Antrag

# The last minutes of an idle session (#14)
visit-ending-title = Die Beratung endet bald
visit-ending-body = Seit einer Weile gab es keine Eingabe. In { $seconds } Sekunden endet diese Beratung, und alles, was nicht gesendet ist, wird gelöscht.
visit-continue = Beratung fortsetzen
