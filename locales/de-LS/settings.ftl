settings-heading = Einstellungen
settings-language = Sprache von der App
settings-text-size = Schrift·größe
settings-text-normal = Normal
settings-text-large = Groß (150 Prozent)
settings-text-largest = Sehr groß (200 Prozent)
settings-high-contrast = Hoher Kontrast (starke Farben, besser lesbar)
settings-home = Ihr Wohnort
settings-home-current = Gewählt: { $name }
settings-home-none = Sie haben noch keinen Wohnort gewählt.
settings-home-search = Post·leit·zahl oder Name vom Ort
settings-home-hint = Zum Beispiel: 99084 oder Weimar. Dann zeigen wir Ihnen die zuständigen Stellen.
settings-home-results = { $count ->
    [0] Kein Ort gefunden
    [one] 1 Ort gefunden
   *[other] { $count } Orte gefunden
}
settings-account = Konto
settings-logged-in = Angemeldet als { $name }
settings-logged-out = Sie sind nicht angemeldet. Sie können auch ohne Konto suchen und Entwürfe schreiben.
settings-needs-login = Bitte melden Sie sich noch einmal an. Dann sendet die App die wartenden Anträge.
settings-log-in = Anmelden
settings-log-out = Abmelden
settings-forget = Meine Daten von diesem Gerät löschen
settings-forget-hint = Das ist für Geräte, die mehrere Menschen benutzen. Zum Beispiel bei einer Digital·lotsin oder einem Digital·lotsen. Digital·lotsen helfen Menschen bei Computer und Handy. Die App meldet Sie dann ab. Die App löscht Ihre Entwürfe, Anträge und Nachrichten auf diesem Gerät.
settings-forget-title = Ihre Daten von diesem Gerät löschen?
settings-forget-body = Die App löscht dann auf diesem Gerät: Ihre Entwürfe, Anträge, Nachrichten und Ihren Wohnort. Die App meldet Sie auch ab. Gesendete Anträge bleiben bei der Behörde. Die Nachrichten von der Behörde bekommen Sie wieder, wenn Sie sich das nächste Mal anmelden. Die App löscht auch Meldungen über Barrieren mit Ihrem Namen. Die App löscht auch die PDF-Dateien von Ihnen.
settings-forget-unsent = { $count ->
    [one] 1 Antrag ist noch nicht gesendet. Die App sendet ihn dann nicht mehr.
   *[other] { $count } Anträge sind noch nicht gesendet. Die App sendet sie dann nicht mehr.
}
settings-forget-cancel = Abbrechen
settings-forget-confirm = Löschen und abmelden
settings-forgotten = Die App hat Ihre Daten von diesem Gerät gelöscht. Sie sind jetzt abgemeldet.
settings-details = Gespeicherte Angaben
settings-details-kept = Diese Angaben sind auf diesem Gerät für Ihre Anträge gespeichert: { $details }.
settings-details-forget = Gespeicherte Angaben löschen
settings-legal = Regeln und Rechte

# Notifications (#18)
settings-notifications = Mitteilungen
settings-notifications-hint = Die App kann Ihnen Bescheid sagen. Das geht auch, wenn Sie die App gerade nicht benutzen. Dann zeigt Ihr Gerät eine kurze Mitteilung. Die Mitteilung zeigt keine Namen. Die Mitteilung sagt auch nicht, worum es geht. Denn die Mitteilung ist auch auf dem gesperrten Bildschirm zu sehen. Dann können auch andere Menschen sie lesen.
settings-notifications-enabled = Mitteilungen erlauben
settings-notifications-kinds = Dafür gibt es Mitteilungen
settings-notifications-status = Neuer Stand von einem Antrag
settings-notifications-messages = Neue Nachricht von einer Behörde
settings-notifications-drafts = Erinnerung an einen Antrag, der noch nicht fertig ist (nach 3 Tagen)
settings-notifications-dates = Fristen und End·daten von Ihren Anträgen (zum Beispiel: Anmeldung 2 Wochen nach dem Einzug, Ende vom Bewohner·park·ausweis)

# Assisted sessions on a shared device (#14)
settings-visit = Beratung auf diesem Gerät
settings-visit-intro = Das ist für Digital·lotsen. Mehrere Menschen benutzen dieses Gerät. In einer Beratung füllt eine andere Person ihre Anträge aus. Die Daten sind gut geschützt. Die Person meldet sich nur für diese Beratung an. Nach der Beratung löscht die App alles davon. Das passiert auch nach { $minutes } Minuten ohne Eingabe. Ihre eigenen Daten bleiben da.
settings-visit-start = Neue Beratung starten
visit-running = Jetzt ist eine Beratung
visit-running-body = Sie beenden die Beratung. Dann löscht die App alles von dieser Beratung. Das passiert auch nach { $minutes } Minuten ohne Eingabe.
visit-end = Beratung beenden
visit-unsent-title = Es ist noch nicht alles gesendet
visit-unsent-body = Entwürfe: { $drafts }. Anträge, die noch nicht angekommen sind: { $applications }. Sie beenden die Beratung jetzt? Dann löscht die App das alles. Sie wollen die Anträge senden? Dann öffnen Sie „Meine Anträge“. Melden Sie sich dort an.
visit-unsent-to-applications = Zu „Meine Anträge“
visit-unsent-discard = Löschen und Beratung beenden

# A shared device's PIN (#14)
settings-shared = Gerät für mehrere Menschen
settings-shared-intro = Mit einer PIN sperren Sie das Gerät nach jeder Beratung. Dann sieht niemand Ihre eigenen Anträge. Niemand sieht Ihre Nachrichten. Erst mit der PIN ist das Gerät wieder offen.
settings-shared-pin = PIN (6 bis 12 Ziffern)
settings-shared-pin-again = PIN noch einmal
settings-shared-mismatch = Die zwei PINs sind nicht gleich.
settings-shared-set = Gerät für mehrere Menschen einrichten
settings-shared-on = Mehrere Menschen benutzen dieses Gerät.
settings-shared-lock = Gerät jetzt sperren
settings-shared-off = Gerät nur noch für mich
lock-heading = Das Gerät ist gesperrt
lock-intro = Sie wollen eine Beratung? Dann starten Sie eine neue Beratung. Der Digital·lotse kann das Gerät mit der PIN öffnen.
lock-pin = PIN
lock-unlock = Öffnen

# The Digitallotse's record of sessions (#14)
visit-report = Meine Beratungen auf diesem Gerät
visit-report-day = { $date }: { $sessions ->
    [one] 1 Beratung
   *[other] { $sessions } Beratungen
}. Bei { $sent } davon ist ein Antrag gesendet.

# The last minutes of an idle session (#14)
visit-ending-title = Die Beratung ist bald zu Ende
visit-ending-body = Eine Zeit lang hat niemand etwas eingegeben. In { $seconds } Sekunden endet die Beratung. Dann löscht die App alles, was nicht gesendet ist.
visit-continue = Beratung weiter machen
