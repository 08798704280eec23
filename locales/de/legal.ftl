# Datenschutzerklärung und Impressum der ThüringenApp (Quelle: Deutsch).
# Jede Nachricht ist ein Absatz. Belege für jede Tatsachenangabe: ../FACTS.md

## Datenschutzerklärung

privacy-link = Datenschutz
privacy-heading = Datenschutzerklärung
privacy-intro = Diese Erklärung sagt Ihnen nach Artikel 13 der Datenschutz-Grundverordnung (DSGVO), welche personenbezogenen Daten die ThüringenApp verarbeitet, wozu, auf welcher Rechtsgrundlage, an wen sie gehen, wie lange sie gespeichert werden und welche Rechte Sie haben. Sie beschreibt, was die App nach ihrem Quelltext tatsächlich tut. Mit „Server-Software der App“ ist die Software gemeint, die mit der App für den Server des Landes veröffentlicht ist. Was der Freistaat beim Betrieb seines Servers darüber hinaus festlegt, ergänzt er in den eckigen Klammern.
privacy-pending = Hinweis: Angaben in eckigen Klammern ergänzt der Freistaat Thüringen vor der Veröffentlichung. Bis dahin ist diese Erklärung nicht vollständig.

privacy-summary-heading = Das Wichtigste in Kürze
privacy-summary-device = Was Sie in der App eingeben, bleibt zuerst auf Ihrem Gerät und wird dort verschlüsselt gespeichert. Der Freistaat Thüringen und die Behörden haben auf Ihr Gerät keinen Zugriff.
privacy-summary-send = Daten verlassen Ihr Gerät nur, wenn Sie es auslösen: wenn Sie sich anmelden, einen Antrag absenden oder eine Barriere melden. Sie gehen verschlüsselt an den Server des Freistaats Thüringen und von dort an die zuständige Stelle. Außerdem fragt die App beim Server nach neuen Formularen und, wenn Sie angemeldet sind, nach dem Stand Ihrer Anträge.
privacy-summary-none = Die App enthält keine Werbung, kein Tracking, keine Nutzungsanalyse, keine automatischen Absturzberichte und keine Inhalte von Dritten.

privacy-controller-heading = Verantwortliche Stelle
privacy-controller = Verantwortlich für die ThüringenApp ist der Freistaat Thüringen, vertreten durch das für Digitalisierung zuständige Ministerium: [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Name und Anschrift des Ministeriums, Telefon, E-Mail-Adresse].
privacy-controller-authorities = Für die Bearbeitung Ihres Antrags ist die Behörde verantwortlich, die für die Leistung und Ihren Wohnort zuständig ist. Die App nennt sie als Absender der Nachrichten zu Ihrem Antrag. Für diese Bearbeitung gilt auch die Datenschutzerklärung dieser Behörde.

privacy-dpo-heading = Datenschutzbeauftragte oder Datenschutzbeauftragter
privacy-dpo = Sie erreichen die oder den Datenschutzbeauftragten des Ministeriums unter: [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Name oder Funktion, Anschrift, E-Mail-Adresse].

privacy-device-heading = Daten auf Ihrem Gerät
privacy-device-what = Die App speichert auf Ihrem Gerät: Ihre Entwürfe (jede Antwort, sobald Sie sie eingeben), Anhänge, die Sie hinzufügen, Ihre abgesendeten Anträge mit ihrem Bearbeitungsstand, die Nachrichten der Behörden, Ihren Wohnort, Ihre Einstellungen (Sprache, Schriftgröße, Kontrast), die Angaben, die Sie sich merken lassen, und Ihre Meldungen von Barrieren. Wenn Sie angemeldet sind, speichert sie außerdem die pseudonyme Kennung Ihres Kontos, damit sie Entwürfe, Anträge und Nachrichten Ihnen zuordnen und anderen Personen am selben Gerät nicht zeigen kann.
privacy-device-protection = Alle diese Daten liegen in einer Datenbank, die mit SQLCipher verschlüsselt ist. Den Schlüssel (256 Bit, zufällig beim ersten Start erzeugt) verwahrt der Schlüsselbund Ihres Betriebssystems, nie eine Datei. Gelöschte Einträge werden überschrieben. Außer unter Windows stellt die App ihren Datenordner so ein, dass nur Ihr Benutzerkonto auf dem Gerät ihn lesen kann.
privacy-device-keychain = Im Schlüsselbund des Betriebssystems liegen nur der Schlüssel der Datenbank und, solange Sie angemeldet sind, das Erneuerungs-Token Ihrer Anmeldung. Das Zugangs-Token hält die App nur im Arbeitsspeicher.
privacy-device-purpose = Zweck ist, dass die App ohne Verbindung funktioniert, dass keine Eingabe verloren geht und dass Sie Ihre Anträge und Nachrichten wiederfinden. Rechtsgrundlage ist Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit dem Thüringer Datenschutzgesetz (ThürDSG) und dem Onlinezugangsgesetz (OZG). Für die gemerkten Angaben ist Rechtsgrundlage Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO).
privacy-device-duration = Die Daten bleiben auf Ihrem Gerät, bis Sie sie löschen. Einen Entwurf können Sie einzeln löschen. Unter „Einstellungen“ löscht „Meine Daten von diesem Gerät löschen“ Entwürfe, Anhänge, Anträge mit ihrem Verlauf, noch nicht gesendete Anträge (sie werden dann nicht mehr gesendet), Nachrichten, gemerkte Angaben, bereits gesendete Meldungen von Barrieren und Ihren Wohnort, überschreibt die gelöschten Daten und meldet Sie ab. Erhalten bleiben das Verzeichnis der Leistungen, die Formulare, Sprache und Anzeige-Einstellungen sowie Meldungen von Barrieren, die noch nicht gesendet sind und keine Kontaktdaten enthalten: Sie haben um ihren Versand gebeten, und sie werden weiter gesendet. Noch nicht gesendete Meldungen mit Ihrem Namen, Ihrer E-Mail-Adresse oder Telefonnummer werden mit Ihren übrigen Daten gelöscht und nicht gesendet.
privacy-device-damaged = Kann die App ihre Datenbank nicht mehr lesen, legt sie die Datei zur Seite, statt sie zu löschen, und sagt es Ihnen. Auch solche Dateien löscht „Meine Daten von diesem Gerät löschen“.

privacy-details-heading = Gemerkte Angaben
privacy-details = Nach einem Antrag können Sie wählen „Diese Angaben merken“. Nur dann speichert die App Ihren Familiennamen, Ihre Vornamen, Ihr Geburtsdatum, Ihre Anschrift, Ihre E-Mail-Adresse und Ihre Telefonnummer, so wie Sie sie im Antrag angegeben haben, verschlüsselt auf Ihrem Gerät. Sie werden nicht gesendet. Die App setzt sie in ein neues Formular nur ein, wenn Sie es wählen. Rechtsgrundlage ist Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO). Sie widerrufen sie, indem Sie unter „Einstellungen“ „Gespeicherte Angaben löschen“ wählen.

privacy-login-heading = Anmeldung
privacy-login-how = Suchen, Informieren und Entwürfe gehen ohne Anmeldung. Zum Absenden eines Antrags melden Sie sich an. Die App öffnet dafür den Anmeldedienst des Freistaats Thüringen in Ihrem Browser (OpenID Connect, OAuth 2.0 mit PKCE): [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Name des Anmeldedienstes und des Nutzerkontos]. Ihr Passwort oder Ihre Ausweisdaten geben Sie nur dort ein, nie in der App. Der Browser gibt die Anmeldung über eine Adresse auf Ihrem eigenen Gerät (127.0.0.1) an die App zurück.
privacy-login-data = Nach der Anmeldung erhält die App vom Server des Landes eine pseudonyme Kennung Ihres Kontos, Ihren Namen, wie ihn das Konto führt, und das Vertrauensniveau der Anmeldung. Name und Vertrauensniveau zeigt die App nur an und hält sie im Arbeitsspeicher. Die Kennung speichert sie auf dem Gerät, um Ihre Daten Ihnen zuzuordnen.
privacy-login-tokens = Die Anmeldung besteht aus einem Zugangs-Token, das die Server-Software der App 15 Minuten gelten lässt, und einem Erneuerungs-Token, das 90 Tage gilt und bei jeder Erneuerung gewechselt wird. Der Server speichert Tokens nur als Prüfsummen und löscht sie nach ihrem Ablauf. Wenn Sie sich abmelden, löscht die App alle Tokens auf Ihrem Gerät und bittet den Server, die Anmeldung zu beenden.
privacy-login-basis = Zweck ist, Sie sicher zu erkennen, damit Ihr Antrag Ihnen zugeordnet ist und nur Sie Ihre Anträge und Nachrichten sehen. Rechtsgrundlage ist Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit dem Onlinezugangsgesetz (OZG) und dem Thüringer Datenschutzgesetz (ThürDSG).

privacy-applications-heading = Anträge absenden
privacy-applications-what = Wenn Sie einen Antrag absenden und angemeldet sind, sendet die App über eine verschlüsselte Verbindung (HTTPS mit festgelegtem Server-Schlüssel) an den Server des Freistaats Thüringen: die Leistung (ihren Schlüssel im Leistungskatalog LeiKa), das Formular und seine Fassung, Ihre Antworten, Ihre Anhänge mit Dateiname, Dateiart, Größe und Prüfsumme, den amtlichen Schlüssel Ihres Wohnorts und eine zufällige Kennung des Antrags, damit er bei einer Wiederholung nicht zweimal eingeht. Ein Antrag wird nur unter dem Konto gesendet, zu dem er gehört. Einen Antrag, den Sie ohne Anmeldung geschrieben haben, sendet die App erst, wenn Sie nach der Anmeldung „Mit meinem Konto senden“ wählen. Ihre Antworten verschlüsselt die App vorher auf Ihrem Gerät für die zuständige Behörde (Ende-zu-Ende-Verschlüsselung mit dem Schlüssel der Behörde, den das Land Thüringen bestätigt). Der Server des Landes speichert sie nur verschlüsselt. Ebenso verschlüsselt sie Ihre Anhänge mit Dateinamen und Dateiart; der Server des Landes sieht davon nur die Größe. Ohne angegebenen Wohnort gibt es keine zuständige Behörde: Dann sind Antworten und Anhänge nur auf dem Weg verschlüsselt.
privacy-applications-recipient = Der Server des Landes leitet den Antrag an die Stelle weiter, die für die Leistung an Ihrem Wohnort zuständig ist. Empfänger sind diese Stelle und der Server des Landes als technische Vermittlung. [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: wer den Server betreibt, gegebenenfalls als Auftragsverarbeiter, und auf welchem Weg Anträge an die Behörden gehen].
privacy-applications-status = Solange Sie angemeldet und online sind, fragt die App etwa jede Minute beim Server des Landes nach dem Bearbeitungsstand Ihrer Anträge und nach neuen Nachrichten. Nachrichten und Bearbeitungsstand speichert sie auf Ihrem Gerät.
privacy-applications-basis = Zweck ist die Bearbeitung Ihres Antrags durch die zuständige Stelle. Rechtsgrundlage ist Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit dem Gesetz, auf dem die jeweilige Leistung beruht, und dem Onlinezugangsgesetz (OZG). Verlangt eine Leistung besondere Kategorien von Daten, etwa Gesundheitsdaten, ist Rechtsgrundlage zusätzlich Artikel 9 Absatz 2 DSGVO mit diesem Gesetz. Welche Angaben Pflicht sind, zeigt das Formular. Ohne sie kann die Stelle Ihren Antrag nicht bearbeiten.
privacy-applications-duration = Wird das Senden eines Antrags begonnen, aber nie abgeschlossen, löscht die Server-Software der App die schon übertragenen Anhänge nach 24 Stunden. Die übrigen Angaben zu einem solchen Antrag (Leistung, Schlüssel des Wohnorts, Dateinamen der Anhänge) behält sie. Für abgesendete Anträge, ihren Bearbeitungsstand und die Nachrichten enthält sie keine Löschfrist. [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: wie lange der Server des Landes Anträge, Anhänge und Nachrichten speichert]. Wie lange die zuständige Stelle Ihren Antrag aufbewahrt, richtet sich nach den für sie geltenden Aufbewahrungsvorschriften.

privacy-replies-heading = Antworten an die Behörde und Dokumente der Behörde
privacy-replies-what = Braucht die Behörde für Ihren Antrag noch etwas, können Sie in der App antworten. Die App speichert Ihren Text und Ihre Unterlagen verschlüsselt auf Ihrem Gerät und sendet sie, sobald Sie angemeldet und online sind, an den Server des Landes: den Text, die Unterlagen mit Dateiname und Dateiart und eine zufällige Kennung der Antwort, damit sie bei einer Wiederholung nicht zweimal eingeht. Text und Unterlagen verschlüsselt die App vorher für die zuständige Behörde (Ende-zu-Ende-Verschlüsselung). Der Server des Landes speichert sie nur verschlüsselt. Rechtsgrundlage ist dieselbe wie beim Antrag.
privacy-replies-documents = Schickt eine Behörde mit ihrer Nachricht ein Dokument (zum Beispiel einen Bescheid), lädt die App es mit der Nachricht herunter und speichert es verschlüsselt auf Ihrem Gerät. Wählen Sie „Dokument speichern“, legt die App eine unverschlüsselte Kopie in Ihren Ordner „Downloads“. „Meine Daten von diesem Gerät löschen“ löscht Antworten, Dokumente und diese Kopien.
privacy-notifications-heading = Benachrichtigungen
privacy-notifications = Benachrichtigungen zeigt die App nur, wenn Sie sie unter „Einstellungen“ erlauben: zu einem neuen Stand, einer neuen Nachricht, einem angefangenen Antrag und zu Fristen und Enddaten aus Ihren Anträgen. Das Betriebssystem Ihres Geräts zeigt sie an; die App nutzt dafür keinen Push-Dienst und keinen Server. Die Texte nennen keine Namen, keine Leistung und keine Inhalte. Welche Erinnerungen schon gezeigt wurden, speichert die App auf Ihrem Gerät. Rechtsgrundlage ist Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO). Sie widerrufen sie, indem Sie die Benachrichtigungen in den Einstellungen ausschalten.

privacy-reports-heading = Barrieren melden
privacy-reports-what = Eine Barriere können Sie ohne Anmeldung melden. Die App sendet an den Server des Landes: wo die Barriere ist, was passiert ist, welche Hilfsmittel Sie nutzen (freiwillig), die Sprache der App und eine zufällige Kennung der Meldung. Ihren Namen, Ihre E-Mail-Adresse und Ihre Telefonnummer sendet sie nur, wenn Sie „Ich möchte eine Antwort“ wählen. Ohne diesen Wunsch sendet sie keine Kontaktdaten.
privacy-reports-basis = Zweck ist, die Barriere zu beheben und Ihnen zu antworten, wenn Sie das möchten. Rechtsgrundlage ist Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit Artikel 7 der Richtlinie (EU) 2016/2102 und dem Thüringer Gesetz zur Inklusion und Gleichstellung von Menschen mit Behinderungen (ThürGIG). Für Ihre Kontaktdaten ist Rechtsgrundlage Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO), die Sie jederzeit bei der verantwortlichen Stelle widerrufen können.
privacy-reports-duration = Auf Ihrem Gerät bleibt die Meldung gespeichert, bis sie gesendet ist, und danach mit ihrer Vorgangsnummer, bis Sie Ihre Daten löschen. Die Server-Software der App speichert Meldungen ohne Löschfrist. [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: wer Meldungen bearbeitet und wie lange sie gespeichert werden].

privacy-connection-heading = Verzeichnis der Leistungen und Verbindung
privacy-connection-catalog = Beim Start fragt die App ohne Anmeldung beim Server des Landes, ob es ein neues Verzeichnis der Leistungen oder neue Formulare gibt, und prüft, ob der Server erreichbar ist. Dabei sendet sie keine personenbezogenen Daten, nur den Namen und die Version der App.
privacy-connection-ip = Bei jeder Verbindung erhält der Server die IP-Adresse Ihres Geräts. Die Server-Software der App nutzt sie nur im Arbeitsspeicher, um zu viele Anfragen ohne Anmeldung zu begrenzen. Bei angemeldeten Anfragen nutzt sie dafür eine Prüfsumme der Kontokennung. Fehlgeschlagene Anmeldeversuche zählt sie je Benutzername im Arbeitsspeicher und sperrt einen Benutzernamen nach fünf Fehlversuchen für 15 Minuten. Sie schreibt keine IP-Adressen von Bürgerinnen und Bürgern in Dateien oder Protokolle. [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: ob und wie lange die Server des Landes Verbindungsdaten protokollieren].
privacy-connection-basis = Rechtsgrundlage ist Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit dem Thüringer Datenschutzgesetz (ThürDSG). Zweck ist, die App aktuell, erreichbar und sicher zu betreiben.

privacy-logs-heading = Protokolle
privacy-logs = Die App führt kein Protokoll mit personenbezogenen Daten und sendet keine Protokolle. Technische Meldungen, etwa dass die Datenbank nicht geöffnet werden konnte, gibt sie nur an die Fehlerausgabe des Geräts aus, ohne Inhalte Ihrer Anträge. Die Server-Software der App protokolliert keine Antworten, Namen, Tokens oder Inhalte von Meldungen.

privacy-none-heading = Was die App nicht tut
privacy-none = Die App nutzt keine Cookies, keine Werbung, kein Tracking, keine Nutzungsanalyse und keine automatischen Absturzberichte. Ihre Seiten dürfen nach ihren Sicherheitsregeln nichts aus dem Internet nachladen, auch keine Schriften oder Bilder von Dritten. Die App sendet Daten nur an den Server des Freistaats Thüringen.
privacy-none-third-country = Eine Übermittlung in Länder außerhalb der Europäischen Union oder an internationale Organisationen findet nicht statt.
privacy-none-automated = Die App und der Server des Landes treffen keine automatisierten Entscheidungen über Sie und erstellen kein Profil (Artikel 22 DSGVO). Über Ihren Antrag entscheidet die zuständige Stelle nach dem für die Leistung geltenden Recht.
privacy-none-stores = Laden Sie die App aus einem App-Store, verarbeitet dessen Betreiber dabei Daten in eigener Verantwortung. Für die Anmeldung öffnet die App Ihren Browser. Es gelten die Datenschutzbestimmungen dieser Anbieter. Die Anmeldeseite der Server-Software der App setzt in Ihrem Browser nur ein technisch notwendiges Cookie, das das Anmeldeformular schützt und nach 30 Minuten abläuft.

privacy-rights-heading = Ihre Rechte
privacy-rights = Sie haben das Recht auf Auskunft (Artikel 15 DSGVO), auf Berichtigung (Artikel 16), auf Löschung (Artikel 17), auf Einschränkung der Verarbeitung (Artikel 18) und, soweit die Verarbeitung auf Ihrer Einwilligung beruht, auf Datenübertragbarkeit (Artikel 20). Gegen eine Verarbeitung nach Artikel 6 Absatz 1 Buchstabe e DSGVO können Sie aus Gründen, die sich aus Ihrer besonderen Situation ergeben, Widerspruch einlegen (Artikel 21).
privacy-rights-consent = Eine Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen. Die Verarbeitung bis zum Widerruf bleibt rechtmäßig.
privacy-rights-contact = Wenden Sie sich dafür an die verantwortliche Stelle oder die Datenschutzbeauftragte oder den Datenschutzbeauftragten. Für Ihren Antrag selbst ist die zuständige Behörde Ihre Ansprechpartnerin. Daten, die nur auf Ihrem Gerät liegen, können Sie in der App selbst einsehen und löschen.
privacy-complaint = Sie können sich bei einer Aufsichtsbehörde beschweren. Zuständig ist: Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit (TLfDI), Häßlerstraße 8, 99096 Erfurt, www.tlfdi.de.

privacy-version-heading = Stand
privacy-version = Stand dieser Erklärung: 5. Dezember 2026. Ändert sich, was die App mit Daten tut, passen wir die Erklärung an.

## Impressum

imprint-link = Impressum
imprint-heading = Impressum
imprint-intro = Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV).
imprint-pending = Hinweis: Angaben in eckigen Klammern ergänzt der Freistaat Thüringen vor der Veröffentlichung. Bis dahin ist dieses Impressum nicht vollständig.

imprint-provider-heading = Anbieter
imprint-provider = Freistaat Thüringen, vertreten durch das für Digitalisierung zuständige Ministerium: [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Name des Ministeriums und der Ministerin oder des Ministers, die es vertritt].
imprint-address = Anschrift: [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Straße, Hausnummer, Postleitzahl, Ort].

imprint-contact-heading = Kontakt
imprint-contact = [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Telefon und E-Mail-Adresse für Fragen zur App].
imprint-contact-115 = Fragen zu Verwaltungsleistungen beantwortet die Behördennummer 115.

imprint-responsible-heading = Verantwortlich für den Inhalt
imprint-responsible = Verantwortlich nach § 18 Absatz 2 MStV: [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Name und Anschrift].

imprint-authorities-heading = Inhalte der Behörden
imprint-authorities = Für Nachrichten im Postfach der App und für die Bearbeitung der Anträge ist die jeweils zuständige Behörde verantwortlich. Gebühren, Unterlagen und Zuständigkeiten in den Beschreibungen der Leistungen sind nach bestem Wissen angegeben. Verbindlich ist die Auskunft der zuständigen Stelle.

imprint-licence-heading = Quelltext und Lizenz
imprint-licence = Die ThüringenApp ist freie Software. Ihr Quelltext steht unter der Lizenz EUPL-1.2 (Europäische Union Public Licence, Version 1.2). [Wird vom Freistaat Thüringen vor der Veröffentlichung ergänzt: Adresse, unter der der Quelltext veröffentlicht ist].

imprint-data-heading = Datenquellen
imprint-data-leika = Leistungen: 4.813 Leistungen des Leistungskatalogs der öffentlichen Verwaltung (LeiKa), entnommen der OZG-Datenbank der kdn (kdn-nrw/OZG-Datenbank-NRW), MIT-Lizenz, Copyright (c) 2020 Gert Hammes.
imprint-data-places = Orte: die Gemeinden Thüringens mit ihren amtlichen Gemeindeschlüsseln aus der Anlage der Mietniveau-Einstufungsverordnung (BGBl. I 2021, S. 3739–3885, Gebietsstand 25. Januar 2021, amtliches Werk nach § 5 UrhG), die Landkreise und kreisfreien Städte mit ihren Schlüsseln aus amtlichen Quellen und die Postleitzahlen von GeoNames (www.geonames.org), Lizenz CC BY 4.0, über zauberware/postal-codes-json-xml-csv, auf Thüringen gefiltert.
imprint-data-own = Beschreibungen, Gebühren, Unterlagen und englische Namen der Leistungen sowie die Formulare im Format XDatenfelder hat das Projekt ThüringenApp selbst geschrieben (EUPL-1.2). XDatenfelder ist ein Standard des Föderalen Informationsmanagements (FIM); Inhalte des FIM-Katalogs sind nicht enthalten. Die Prüfung von Namen nach DIN SPEC 91379 nutzt die Zeichenliste String.Latin+ 1.2, Lizenz CC BY 4.0.
imprint-data-full = Die vollständigen Hinweise zu Quellen und Lizenzen finden Sie in der App unter „Über diese App und Datenquellen“.
