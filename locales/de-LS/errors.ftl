error-storage = Die App konnte die Daten auf diesem Gerät nicht lesen oder nicht speichern. Ihre bisherigen Eingaben sind noch da. Prüfen Sie: Ist auf dem Gerät noch genug Speicher frei? Dann starten Sie die App neu.
error-network = Die App erreicht den Landes·dienst nicht. Ihre Daten bleiben auf dem Gerät. Die App sendet die Daten später.
error-invalid-request = Die App konnte diese Anfrage nicht bearbeiten. Bitte versuchen Sie es noch einmal.
error-internal = Etwas ist schief·gelaufen. Ihre Eingaben sind gespeichert. Starten Sie die App neu. Hilft das nicht? Dann rufen Sie die Behörden·nummer 115 an.
error-app-unavailable = Ein Teil von der App antwortet nicht. Starten Sie die App neu.
error-disk-full = Der Speicher von diesem Gerät ist voll. Die App hat nichts überschrieben. Ihre bisherigen Eingaben sind noch da. Machen Sie Platz auf dem Gerät. Löschen Sie zum Beispiel Dateien, die Sie nicht mehr brauchen. Dann versuchen Sie es noch einmal.
error-not-found = Dieser Eintrag ist nicht auf diesem Gerät. Oder er ist nicht mehr da. Laden Sie die Übersicht neu.
error-form-broken = Die App kann dieses Formular gerade nicht öffnen. Ihre Eingaben bleiben gespeichert. Bitte versuchen Sie es später noch einmal. Oder rufen Sie die Behörden·nummer 115 an.
error-keychain-locked = Der Schlüssel·bund von diesem Gerät ist gesperrt. Der Schlüssel·bund ist ein sicherer Speicher für Passwörter und Schlüssel. Entsperren Sie den Schlüssel·bund. Melden Sie sich dafür zum Beispiel am Gerät an. Dann starten Sie die App neu. Die App hat nichts ungeschützt gespeichert.
error-keychain-unavailable = Auf diesem Gerät gibt es keinen Schlüssel·bund. Der Schlüssel·bund ist ein sicherer Speicher für Passwörter und Schlüssel. Ohne Schlüssel·bund kann die App Ihre Daten nicht verschlüsselt speichern. Verschlüsselt heißt: Andere Menschen können die Daten nicht lesen. Die App hat nichts ungeschützt gespeichert. Richten Sie einen Schlüssel·bund ein. Oder fragen Sie Ihre Ansprech·person für Computer.
error-already-submitted = Sie haben diesen Antrag schon gesendet. Sie können ihn jetzt nicht mehr ändern.
error-attachment-too-large = Die Datei ist zu groß. Die Datei darf höchstens { $limit_mb } Megabyte (MB) groß sein.
error-attachment-corrupt = Die App konnte die Datei nicht richtig speichern. Bitte fügen Sie die Datei noch einmal hinzu.
error-login-required = Bitte melden Sie sich an. Vielleicht waren Sie schon angemeldet. Dann melden Sie sich bitte noch einmal an. Ihre Anträge warten so lange in der App. Danach sendet die App Ihre Anträge.
error-login-failed = Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es noch einmal.
error-browser-unavailable = Die App konnte den Browser für die Anmeldung nicht öffnen. Ein Browser ist ein Programm für Internet·seiten. Bitte prüfen Sie: Gibt es auf dem Gerät einen Browser?
error-submission-refused = Der Landes·dienst hat diesen Antrag nicht angenommen. Bitte prüfen Sie die markierten Angaben. Dann senden Sie den Antrag noch einmal.
ui-crashed-title = Bitte laden Sie die Anzeige neu
ui-crashed-body = In der App ist ein Fehler passiert. Ihre Eingaben sind auf diesem Gerät gespeichert. Laden Sie die Anzeige neu. Hilft das nicht? Dann starten Sie die App neu.
ui-crashed-reload = Anzeige neu laden
error-place-needed = Ihr Anliegen geht an die Stelle, die für Ihren Wohnort zuständig ist. Dafür brauchen wir Ihren Wohnort. Wählen Sie Ihren Wohnort in den Einstellungen. Ihre Eingaben bleiben gespeichert.
error-not-withdrawable = Sie können diesen Antrag nicht mehr zurück·ziehen. Vielleicht hat das Amt schon entschieden.

# The printout of a sent application (#15)
error-printout-failed = Das Speichern hat nicht geklappt. Ihr Antrag ist trotzdem in Ordnung. Bitte versuchen Sie es noch einmal. Ist der Speicher voll? Dann machen Sie zuerst Platz.
error-printout-open-failed = Die PDF-Datei geht nicht auf. Die Datei ist an dem Ort oben. Öffnen Sie die Datei dort mit einem PDF-Programm.

# Answering the authority (#18)
error-not-awaiting-reply = Die Behörde wartet bei diesem Antrag nicht auf eine Antwort.
error-document-missing = Das Dokument ist noch nicht auf diesem Gerät. Haben Sie wieder Internet? Dann versuchen Sie es bitte noch einmal.
error-file-unreadable = Die App konnte eine Datei nicht lesen. Bitte wählen Sie die Datei noch einmal aus.
reply-problem-empty = Schreiben Sie eine Antwort. Oder fügen Sie eine Unterlage hinzu.
reply-problem-text-too-long = Die Antwort ist zu lang. Die Antwort darf höchstens 5.000 Zeichen haben.
reply-problem-too-many-documents = Eine Antwort darf höchstens 3 Unterlagen haben.
reply-problem-document-empty = Die Datei „{ $name }“ ist leer.
reply-problem-document-too-large = Die Datei „{ $name }“ ist zu groß. Eine Datei darf höchstens 5 Megabyte (MB) groß sein.
reply-problem-document-type = Die Datei „{ $name }“ hat das falsche Format. Erlaubt sind diese Formate: PDF, JPEG und PNG.
error-notifications-refused = Ihr Gerät erlaubt keine Mitteilungen von der App. Die Mitteilungen bleiben aus. Sie können die Mitteilungen in den Einstellungen von Ihrem Gerät erlauben. Dann versuchen Sie es hier noch einmal.

# A shared device's PIN (#14)
error-device-locked = Das Gerät ist gesperrt. Der Digital·lotse kann es mit der PIN öffnen.
error-pin-unacceptable = Die PIN braucht 6 bis 12 Ziffern.
error-pin-wrong = Die PIN ist falsch. Bitte versuchen Sie es noch einmal.
error-pin-wait = Die PIN war zu oft falsch. Bitte warten Sie { $seconds } Sekunden. Dann versuchen Sie es noch einmal.

# Handing a draft over (#14)
error-handover-code = Das ist kein Übergabe-Code. Ein Code hat 16 Zeichen. Bitte prüfen Sie den Code.
error-handover-unknown = Zu diesem Code gibt es nichts. Bitte prüfen Sie den Code. Dann versuchen Sie es noch einmal.
error-handover-used = Der Code wurde schon benutzt. Ein Code geht nur 1 Mal. Das andere Gerät kann einen neuen Code zeigen.
error-handover-expired = Der Code gilt nicht mehr. Er gilt nur 24 Stunden. Das andere Gerät kann einen neuen Code zeigen.
error-handover-damaged = Der Entwurf ist kaputt. Die App kann ihn nicht öffnen. Bitte schicken Sie ihn noch einmal vom anderen Gerät.
error-handover-form-unknown = Die App kennt das Formular nicht. Bitte machen Sie ein Update von der App. Dann versuchen Sie es noch einmal.
error-handover-too-large = Der Entwurf ist zu groß zum Schicken. Nehmen Sie große Dateien heraus. Fügen Sie die Dateien auf dem Handy wieder hinzu.
error-handover-on-its-way = Der Antrag ist schon auf dem Weg zum Amt. Sie können ihn nicht mehr schicken. Sie finden ihn bei: Meine Anträge.
