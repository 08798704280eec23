error-storage = Die Daten auf diesem Gerät konnten nicht gelesen oder gespeichert werden. Ihre bisherigen Eingaben bleiben erhalten. Prüfen Sie den freien Speicherplatz und starten Sie die App neu.
error-network = Der Landesdienst ist nicht erreichbar. Ihre Daten bleiben auf dem Gerät und werden später gesendet.
error-invalid-request = Diese Anfrage konnte nicht verarbeitet werden. Bitte versuchen Sie es erneut.
error-internal = Etwas ist schiefgelaufen. Ihre Eingaben sind gespeichert. Starten Sie die App neu; hilft das nicht, rufen Sie die 115 an.
error-app-unavailable = Die App-Umgebung antwortet nicht. Starten Sie die App neu.
error-disk-full = Der Speicher dieses Geräts ist voll. Es wurde nichts überschrieben; Ihre bisherigen Eingaben bleiben erhalten. Schaffen Sie Platz und versuchen Sie es erneut.
error-not-found = Dieser Eintrag ist nicht (mehr) auf diesem Gerät. Laden Sie die Übersicht neu.
error-form-broken = Dieses Formular kann gerade nicht geöffnet werden. Ihre Eingaben bleiben gespeichert. Bitte versuchen Sie es später erneut oder rufen Sie die 115 an.
error-keychain-locked = Der Schlüsselbund dieses Geräts ist gesperrt. Entsperren Sie ihn (z. B. durch Anmelden am Gerät) und starten Sie die App neu. Es wurde nichts ungeschützt gespeichert.
error-keychain-unavailable = Auf diesem Gerät steht kein Schlüsselbund zur Verfügung, daher kann die App Ihre Daten nicht verschlüsselt speichern. Es wurde nichts ungeschützt gespeichert. Richten Sie einen Schlüsselbund ein oder wenden Sie sich an Ihre IT.
error-already-submitted = Dieser Antrag wurde bereits abgeschickt und kann nicht mehr geändert werden.
error-attachment-too-large = Die Datei ist zu groß. Erlaubt sind höchstens { $limit_mb } MB.
error-attachment-corrupt = Die Datei konnte nicht unversehrt gespeichert werden. Bitte fügen Sie sie erneut hinzu.
error-login-required = Bitte melden Sie sich (erneut) an. Ihre Anträge bleiben in der Warteschlange und werden danach gesendet.
error-login-failed = Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es noch einmal.
error-browser-unavailable = Der Browser für die Anmeldung konnte nicht geöffnet werden. Bitte prüfen Sie, ob ein Browser installiert ist.
error-submission-refused = Der Landesdienst hat diesen Antrag nicht angenommen. Bitte prüfen Sie die markierten Angaben und senden Sie ihn erneut.
ui-crashed-title = Die Anzeige muss neu geladen werden
ui-crashed-body = In der App ist ein Fehler aufgetreten. Ihre Eingaben sind auf diesem Gerät gespeichert. Laden Sie die Anzeige neu; hilft das nicht, starten Sie die App neu.
ui-crashed-reload = Anzeige neu laden
error-place-needed = Ihr Anliegen geht an die Stelle, die an Ihrem Wohnort zuständig ist. Wählen Sie dazu in den Einstellungen Ihren Wohnort; Ihre Eingaben bleiben gespeichert.
error-not-withdrawable = Dieser Antrag kann nicht mehr zurückgezogen werden, zum Beispiel weil die Behörde schon entschieden hat.

# The printout of a sent application (#15)
error-printout-failed = Die PDF-Datei konnte nicht gespeichert werden. Ihr Antrag ist davon nicht betroffen. Bitte versuchen Sie es noch einmal. Ist der Speicher voll, geben Sie zuerst Platz frei.
error-printout-open-failed = Die PDF-Datei konnte nicht geöffnet werden. Sie liegt unter dem angezeigten Pfad; öffnen Sie sie dort mit einem PDF-Programm.

# Answering the authority (#18)
error-not-awaiting-reply = Die Behörde wartet bei diesem Antrag nicht auf eine Antwort.
error-document-missing = Das Dokument ist noch nicht auf diesem Gerät. Versuchen Sie es noch einmal, sobald Sie online sind.
error-file-unreadable = Eine Datei konnte nicht gelesen werden. Wählen Sie sie bitte noch einmal aus.
reply-problem-empty = Schreiben Sie eine Antwort oder fügen Sie eine Unterlage bei.
reply-problem-text-too-long = Die Antwort ist zu lang. Sie darf höchstens 5.000 Zeichen haben.
reply-problem-too-many-documents = Eine Antwort kann höchstens 3 Unterlagen haben.
reply-problem-document-empty = Die Datei „{ $name }“ ist leer.
reply-problem-document-too-large = Die Datei „{ $name }“ ist größer als 5 MB.
reply-problem-document-type = Die Datei „{ $name }“ ist kein PDF, JPEG oder PNG.
error-notifications-refused = Ihr Gerät erlaubt der App keine Benachrichtigungen. Sie bleiben ausgeschaltet. Sie können sie in den Einstellungen Ihres Geräts für die ThüringenApp erlauben und es dann hier noch einmal versuchen.

# A shared device's PIN (#14)
error-device-locked = Dieses Gerät ist gesperrt. Die Digitallotsin oder der Digitallotse entsperrt es mit der PIN.
error-pin-unacceptable = Die PIN muss aus 6 bis 12 Ziffern bestehen.
error-pin-wrong = Diese PIN ist nicht richtig. Bitte versuchen Sie es noch einmal.
error-pin-wait = Zu viele falsche Versuche. Bitte warten Sie { $seconds } Sekunden und versuchen Sie es dann noch einmal.

# Handing a draft over (#14)
error-handover-code = Das ist kein Übergabe-Code. Ein Code hat 16 Zeichen, zum Beispiel 7K3M-Q9XA-2B4C-D6EF. Bitte prüfen Sie ihn.
error-handover-unknown = Unter diesem Code liegt nichts. Bitte prüfen Sie den Code und versuchen Sie es noch einmal.
error-handover-used = Dieser Code wurde schon benutzt. Ein Code funktioniert nur einmal. Lassen Sie sich auf dem anderen Gerät einen neuen zeigen.
error-handover-expired = Dieser Code ist abgelaufen (nach 24 Stunden). Lassen Sie sich auf dem anderen Gerät einen neuen zeigen.
error-handover-damaged = Der Entwurf unter diesem Code ist beschädigt und kann nicht geöffnet werden. Lassen Sie ihn auf dem anderen Gerät noch einmal übergeben.
error-handover-form-unknown = Das Formular dieses Entwurfs kennt die App nicht. Bitte aktualisieren Sie die App und versuchen Sie es noch einmal.
error-handover-too-large = Der Entwurf ist mit seinen Dateien zu groß für die Übergabe. Entfernen Sie große Dateien und fügen Sie sie auf dem Handy wieder hinzu.
error-handover-on-its-way = Dieser Antrag ist schon auf dem Weg zur Behörde und kann nicht mehr übergeben werden. Sie finden ihn unter „Meine Anträge“.
