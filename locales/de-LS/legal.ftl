# Daten·schutz·erklärung und Impressum der ThüringenApp in Leichter Sprache.
# Eine Nachricht ist ein Absatz. Belege: ../FACTS.md

## Daten·schutz·erklärung

privacy-link = Daten·schutz
privacy-heading = Daten·schutz·erklärung
privacy-intro = Hier steht: Welche Daten über Sie verarbeitet die ThüringenApp? Wozu braucht die App diese Daten? Wer bekommt die Daten? Wie lange bleiben die Daten gespeichert? Welche Rechte haben Sie? Das schreibt ein Gesetz vor. Das Gesetz heißt: Daten·schutz-Grund·verordnung. Es ist ein Gesetz von der Europäischen Union. Der Text sagt, was die App wirklich macht. Manchmal steht hier: der Server. Damit meinen wir das Programm für den Server vom Land. Das Programm gehört zur App.
privacy-pending = Wichtig: Manche Angaben stehen in eckigen Klammern. Diese Angaben trägt das Land Thüringen noch ein. Erst dann ist der Text fertig.

privacy-summary-heading = Das Wichtigste kurz gesagt
privacy-summary-device = Sie schreiben etwas in die App. Das bleibt zuerst auf Ihrem Gerät. Die App speichert es verschlüsselt. Das Land Thüringen kann nicht auf Ihr Gerät schauen. Die Behörden können das auch nicht.
privacy-summary-send = Ihre Daten gehen nur weg, wenn Sie das wollen. Zum Beispiel: Sie melden sich an. Oder Sie schicken einen Antrag ab. Oder Sie melden eine Barriere. Dann gehen die Daten verschlüsselt zum Computer vom Land Thüringen. Dieser Computer heißt: Server. Der Server schickt die Daten weiter an die zuständige Stelle. Die App fragt auch beim Server nach neuen Formularen. Sind Sie angemeldet? Dann fragt die App auch nach Ihren Anträgen.
privacy-summary-none = In der App gibt es keine Werbung. Die App beobachtet Sie nicht. Die App wertet nicht aus, wie Sie die App benutzen. Die App schickt keine Fehler·berichte. Die App zeigt nichts von fremden Firmen.

privacy-controller-heading = Wer ist verantwortlich?
privacy-controller = Verantwortlich für die App ist das Land Thüringen. Der genaue Name ist: Freistaat Thüringen. Für das Land handelt ein Ministerium. Das Ministerium ist für das Digitale zuständig. [Das Land trägt hier noch ein: Name, Adresse, Telefon und E-Mail vom Ministerium.]
privacy-controller-authorities = Ihren Antrag bearbeitet eine Behörde. Diese Behörde ist für Ihren Antrag verantwortlich. Die Behörde ist für Ihren Wohnort zuständig. Sie sehen den Namen von der Behörde in der App. Der Name steht bei den Nachrichten zu Ihrem Antrag. Die Behörde hat auch eine eigene Daten·schutz·erklärung.

privacy-dpo-heading = Wer passt auf den Daten·schutz auf?
privacy-dpo = Das Ministerium hat eine Person für den Daten·schutz. Diese Person heißt: Daten·schutz·beauftragte oder Daten·schutz·beauftragter. Sie können diese Person fragen. [Das Land trägt hier noch ein: Name, Adresse und E-Mail von dieser Person.]

privacy-device-heading = Daten auf Ihrem Gerät
privacy-device-what = Die App speichert auf Ihrem Gerät: Ihre Entwürfe. Ihre Anhänge. Ihre abgeschickten Anträge. Den Stand von Ihren Anträgen. Die Nachrichten von den Behörden. Ihren Wohnort. Ihre Einstellungen. Ihre gemerkten Angaben. Ihre Meldungen über Barrieren. Die App speichert jede Antwort sofort. Sind Sie angemeldet? Dann speichert die App auch eine Nummer für Ihr Konto. Die Nummer verrät nicht Ihren Namen. Mit der Nummer weiß die App: Diese Daten gehören zu Ihnen. Andere Personen am gleichen Gerät sehen Ihre Daten dann nicht.
privacy-device-protection = Die App speichert alles verschlüsselt. Dafür gibt es einen geheimen Schlüssel. Die App macht den Schlüssel beim ersten Start. Der Schlüssel ist eine lange Zufalls·zahl. Der Schlüssel liegt in einem geschützten Speicher von Ihrem Gerät. Dieser Speicher heißt: Schlüsselbund. Gelöschte Daten überschreibt die App. Dann kann niemand sie mehr lesen. Der Ordner mit den Daten ist geschützt. Nur Sie können ihn mit Ihrem Benutzer·konto lesen. Das gilt nicht bei Windows.
privacy-device-keychain = Im Schlüsselbund liegen nur 2 Dinge. Erstens: der Schlüssel für die Daten. Zweitens: ein Zeichen für Ihre Anmeldung. Das Zeichen liegt dort nur, solange Sie angemeldet sind.
privacy-device-purpose = Wozu speichert die App das? Die App soll auch ohne Internet gehen. Keine Eingabe soll verloren gehen. Sie sollen Ihre Anträge und Nachrichten wiederfinden. Die Rechts·grundlage ist: Daten·schutz-Grund·verordnung, Artikel 6, Absatz 1, Buchstabe e. Dazu kommen 2 Gesetze. Das Thüringer Daten·schutz·gesetz. Und das Online·zugangs·gesetz. Für die gemerkten Angaben gilt: Sie haben zugestimmt. Dann gilt Artikel 6, Absatz 1, Buchstabe a.
privacy-device-duration = Die Daten bleiben auf Ihrem Gerät, bis Sie die Daten löschen. Sie können einen Entwurf einzeln löschen. Sie können auch alles auf einmal löschen. Das geht so: Gehen Sie zu „Einstellungen“. Tippen Sie auf „Meine Daten von diesem Gerät löschen“. Dann löscht die App: Entwürfe, Anhänge, Anträge, Nachrichten und gemerkte Angaben. Die App löscht auch Ihren Wohnort. Die App löscht auch Meldungen über Barrieren, die schon abgeschickt sind. Noch nicht gesendete Anträge löscht die App auch. Diese Anträge gehen dann nicht mehr weg. Die App meldet Sie ab. Manche Sachen bleiben auf dem Gerät. Die Liste mit den Leistungen bleibt. Die Formulare bleiben. Ihre Sprache und Ihre Anzeige bleiben. Meldungen über Barrieren ohne Ihren Namen bleiben auch. Die App schickt diese Meldungen noch ab. Denn Sie wollten diese Meldungen abschicken. Manche Meldungen haben Ihren Namen, Ihre E-Mail oder Ihre Telefon·nummer. Diese Meldungen löscht die App. Die App schickt diese Meldungen dann nicht mehr ab.
privacy-device-damaged = Manchmal kann die App ihre Daten nicht mehr lesen. Dann löscht die App die Datei nicht. Die App legt die Datei zur Seite. Und die App sagt es Ihnen. Auch diese Datei löscht „Meine Daten von diesem Gerät löschen“.

privacy-details-heading = Gemerkte Angaben
privacy-details = Nach einem Antrag fragt die App: Sollen wir Ihre Angaben merken? Sie können dann tippen: „Diese Angaben merken“. Nur dann speichert die App diese Angaben: Ihren Namen. Ihren Geburts·tag. Ihre Adresse. Ihre E-Mail-Adresse. Ihre Telefon·nummer. Die Angaben bleiben verschlüsselt auf Ihrem Gerät. Die App schickt die Angaben nicht weg. Die App setzt die Angaben nur ein, wenn Sie das wollen. Die Rechts·grundlage ist Ihre Zustimmung. Sie können die Zustimmung zurück·nehmen. Tippen Sie dafür in den Einstellungen auf „Gespeicherte Angaben löschen“.

privacy-login-heading = Anmelden
privacy-login-how = Suchen und Lesen geht ohne Anmeldung. Entwürfe gehen auch ohne Anmeldung. Für einen Antrag müssen Sie sich anmelden. Dafür öffnet die App Ihren Browser. Dort ist die Anmelde·seite vom Land Thüringen. [Das Land trägt hier noch ein: Name von diesem Anmelde·dienst.] Ihr Passwort geben Sie nur dort ein. Auch die Daten von Ihrem Ausweis geben Sie nur dort ein. Die App sieht Ihr Passwort nie. Nach der Anmeldung gibt der Browser ein Zeichen an die App. Das Zeichen bleibt dabei auf Ihrem Gerät.
privacy-login-data = Nach der Anmeldung bekommt die App 3 Dinge vom Server. Erstens: eine Nummer für Ihr Konto. Zweitens: Ihren Namen. Drittens: wie sicher die Anmeldung war. Den Namen zeigt die App nur an. Die App speichert den Namen nicht. Die Nummer speichert die App. So weiß die App: Diese Daten gehören zu Ihnen.
privacy-login-tokens = Die Anmeldung gilt eine Zeit lang. Ein Zeichen gilt 15 Minuten. Ein anderes Zeichen gilt 90 Tage. Der Server speichert die Zeichen nur in einer unlesbaren Form. Nach der Zeit löscht der Server die Zeichen. Sie melden sich ab? Dann löscht die App die Zeichen auf Ihrem Gerät. Und die App sagt dem Server: Die Anmeldung ist zu Ende.
privacy-login-basis = Wozu ist das? Der Server soll Sie sicher erkennen. Ihr Antrag soll bei Ihnen bleiben. Nur Sie sollen Ihre Anträge und Nachrichten sehen. Die Rechts·grundlage ist: Artikel 6, Absatz 1, Buchstabe e. Dazu kommen das Online·zugangs·gesetz und das Thüringer Daten·schutz·gesetz.

privacy-applications-heading = Anträge abschicken
privacy-applications-what = Sie schicken einen Antrag ab. Dann schickt die App an den Server vom Land: Welche Leistung Sie wollen. Das Formular. Ihre Antworten. Ihre Anhänge mit Namen und Größe. Eine Nummer für Ihren Wohnort. Eine Zufalls·nummer für den Antrag. Mit dieser Nummer kommt der Antrag nicht 2-mal an. Die Verbindung ist verschlüsselt. Sie müssen dafür angemeldet sein. Die App schickt den Antrag nur mit dem richtigen Konto. Sie haben den Antrag ohne Anmeldung geschrieben? Dann melden Sie sich zuerst an. Tippen Sie danach auf „Mit meinem Konto senden“. Ihre Antworten verschlüsselt die App vorher auf Ihrem Gerät. Nur das zuständige Amt kann sie lesen. Der Server vom Land kann sie nicht lesen. Auch Ihre Anhänge und ihre Namen verschlüsselt die App so. Der Server vom Land sieht nur, wie groß die Anhänge sind. Sie haben keinen Wohnort angegeben? Dann gibt es kein zuständiges Amt. Dann ist nur die Verbindung verschlüsselt.
privacy-applications-recipient = Der Server vom Land schickt den Antrag weiter. Er geht an die Stelle für Ihren Wohnort. Diese Stelle bekommt den Antrag. [Das Land trägt hier noch ein: Wer betreibt den Server? Wie kommt der Antrag zur Behörde?]
privacy-applications-status = Sie sind angemeldet und im Internet? Dann fragt die App ungefähr jede Minute beim Server nach. Die App fragt: Gibt es etwas Neues zu Ihren Anträgen? Gibt es neue Nachrichten? Die Antworten speichert die App auf Ihrem Gerät.
privacy-applications-basis = Wozu ist das? Die Stelle soll Ihren Antrag bearbeiten. Die Rechts·grundlage ist: Artikel 6, Absatz 1, Buchstabe e. Dazu kommen das Gesetz für diese Leistung und das Online·zugangs·gesetz. Manchmal braucht eine Stelle besondere Daten. Zum Beispiel Daten über Ihre Gesundheit. Dann gilt auch Artikel 9, Absatz 2. Das Formular zeigt: Diese Angaben müssen Sie machen. Ohne diese Angaben kann die Stelle den Antrag nicht bearbeiten.
privacy-applications-duration = Manchmal kommt ein Antrag nicht ganz beim Server an. Dann löscht der Server die Anhänge nach 24 Stunden. Die anderen Angaben zu dem Antrag bleiben auf dem Server gespeichert. Für abgeschickte Anträge steht keine Lösch·frist im Programm. Für Nachrichten steht auch keine Lösch·frist im Programm. Die Behörde hebt Ihren Antrag eine Zeit lang auf. Wie lange, steht in den Regeln für die Behörde. [Das Land trägt hier noch ein: Wie lange speichert der Server Anträge und Nachrichten?]

privacy-replies-heading = Antworten an die Behörde und Dokumente von der Behörde
privacy-replies-what = Manchmal braucht die Behörde noch etwas für Ihren Antrag. Dann können Sie in der App antworten. Die App speichert Ihren Text und Ihre Unterlagen auf Ihrem Gerät. Die App speichert alles verschlüsselt. Die App schickt die Antwort, sobald Sie angemeldet und im Internet sind. Die App schickt dann an den Server vom Land: Ihren Text. Ihre Unterlagen mit Datei·namen und Datei·art. Eine Zufalls·nummer für die Antwort. Mit dieser Nummer kommt die Antwort nicht 2-mal an. Den Text und die Unterlagen verschlüsselt die App vorher. Nur die zuständige Behörde kann sie lesen. Der Server vom Land speichert sie nur verschlüsselt. Die Rechts·grundlage ist die gleiche wie beim Antrag.
privacy-replies-documents = Manchmal schickt eine Behörde ein Dokument mit ihrer Nachricht. Zum Beispiel einen Bescheid. Ein Bescheid ist eine Entscheidung von der Behörde. Die App lädt das Dokument mit der Nachricht herunter. Die App speichert das Dokument verschlüsselt auf Ihrem Gerät. Sie können auf „Dokument speichern“ tippen. Dann legt die App eine Kopie in Ihren Ordner „Downloads“. Diese Kopie ist nicht verschlüsselt. Sie tippen auf „Meine Daten von diesem Gerät löschen“? Dann löscht die App Antworten, Dokumente und diese Kopien.
privacy-notifications-heading = Mitteilungen
privacy-notifications = Die App kann Ihnen Mitteilungen zeigen. Das macht die App nur, wenn Sie es erlauben. Das erlauben Sie in den „Einstellungen“. Es gibt Mitteilungen zu diesen Dingen: Ein Antrag hat einen neuen Stand. Es gibt eine neue Nachricht. Ein Antrag ist noch nicht fertig. Es gibt Fristen und End·daten von Ihren Anträgen. Das Betriebs·system von Ihrem Gerät zeigt die Mitteilungen. Die App nutzt dafür keinen Push-Dienst und keinen Server. Ein Push-Dienst ist ein Dienst im Internet für Mitteilungen. Die Mitteilungen nennen keine Namen. Sie nennen auch keine Leistung und keine Inhalte. Die App speichert auf Ihrem Gerät: Welche Erinnerungen hat die App schon gezeigt? Die Rechts·grundlage ist Ihre Zustimmung. Das steht in Artikel 6, Absatz 1, Buchstabe a. Sie können die Zustimmung zurück·nehmen. Schalten Sie dafür die Mitteilungen in den Einstellungen aus.

privacy-reports-heading = Barrieren melden
privacy-reports-what = Sie können eine Barriere melden. Dafür müssen Sie sich nicht anmelden. Die App schickt dann an den Server: Wo ist die Barriere? Was ist passiert? Welche Hilfs·mittel nutzen Sie? Das müssen Sie nicht sagen. Die App schickt auch die Sprache von der App mit. Und eine Zufalls·nummer für die Meldung. Ihren Namen schickt die App nur, wenn Sie eine Antwort wollen. Das gilt auch für E-Mail und Telefon·nummer. Dafür tippen Sie auf: „Ich möchte eine Antwort.“ Sonst schickt die App keine Kontakt·daten.
privacy-reports-basis = Wozu ist das? Die Barriere soll weg. Und Sie sollen eine Antwort bekommen, wenn Sie das wollen. Die Rechts·grundlage ist: Artikel 6, Absatz 1, Buchstabe e. Dazu kommen eine Regel von der Europäischen Union und ein Gesetz von Thüringen. Die Regel heißt: Richtlinie 2016/2102, Artikel 7. Das Gesetz heißt: Thüringer Gesetz zur Inklusion und Gleich·stellung von Menschen mit Behinderungen. Für Ihre Kontakt·daten gilt: Sie haben zugestimmt. Sie können die Zustimmung jederzeit zurück·nehmen. Sagen Sie das dem Ministerium.
privacy-reports-duration = Die Meldung bleibt auf Ihrem Gerät, bis die App sie abgeschickt hat. Danach bleibt sie mit einer Vorgangsnummer gespeichert. Sie bleibt, bis Sie Ihre Daten löschen. Der Server speichert Meldungen ohne Lösch·frist. [Das Land trägt hier noch ein: Wer bearbeitet die Meldungen? Wie lange bleiben sie gespeichert?]

privacy-connection-heading = Liste der Leistungen und Verbindung
privacy-connection-catalog = Beim Start fragt die App beim Server nach. Die App fragt: Gibt es eine neue Liste mit Leistungen? Gibt es neue Formulare? Die App prüft auch: Ist der Server erreichbar? Dafür müssen Sie nicht angemeldet sein. Die App schickt dabei keine Daten über Sie. Die App schickt nur ihren Namen und ihre Version.
privacy-connection-ip = Jedes Gerät im Internet hat eine Adresse. Diese Adresse heißt: IP-Adresse. Der Server sieht die IP-Adresse von Ihrem Gerät. Der Server nutzt die IP-Adresse nur kurz. Er will damit zu viele Anfragen bremsen. Der Server schreibt die IP-Adresse nicht auf. Jemand gibt 5-mal ein falsches Passwort ein? Dann sperrt der Server diesen Benutzer·namen für 15 Minuten. [Das Land trägt hier noch ein: Schreiben die Server vom Land Verbindungs·daten auf? Wie lange?]
privacy-connection-basis = Wozu ist das? Die App soll aktuell sein. Die App soll gut funktionieren. Die App soll sicher sein. Die Rechts·grundlage ist: Artikel 6, Absatz 1, Buchstabe e. Dazu kommt das Thüringer Daten·schutz·gesetz.

privacy-logs-heading = Protokolle
privacy-logs = Die App schreibt keine Daten über Sie in ein Protokoll. Die App schickt keine Protokolle weg. Manchmal gibt es einen technischen Fehler. Dann schreibt die App eine kurze Meldung auf Ihrem Gerät. In der Meldung steht nichts aus Ihren Anträgen. Auch der Server schreibt keine Antworten, Namen oder Meldungen in ein Protokoll.

privacy-none-heading = Das macht die App nicht
privacy-none = Die App nutzt keine Cookies. Die App zeigt keine Werbung. Die App beobachtet Sie nicht. Die App wertet nicht aus, wie Sie die App benutzen. Die App lädt nichts von anderen Seiten im Internet. Die App schickt Daten nur an den Server vom Land Thüringen.
privacy-none-third-country = Ihre Daten gehen nicht in Länder außerhalb von der Europäischen Union. Ihre Daten gehen auch nicht an internationale Organisationen.
privacy-none-automated = Die App entscheidet nichts über Sie. Der Server entscheidet auch nichts über Sie. Über Ihren Antrag entscheidet die zuständige Stelle. Die Stelle hält sich dabei an die Gesetze.
privacy-none-stores = Vielleicht laden Sie die App aus einem App-Store. Dann bekommt die Firma vom App-Store Daten. Für die Anmeldung öffnet die App Ihren Browser. Dann bekommt auch der Browser Daten. Für diese Firmen gelten eigene Regeln. Die Anmelde·seite speichert ein kleines Cookie im Browser. Das Cookie schützt die Anmeldung. Nach 30 Minuten ist das Cookie ungültig.

privacy-rights-heading = Ihre Rechte
privacy-rights = Sie haben Rechte. Sie dürfen fragen: Welche Daten haben Sie über mich? Sie dürfen falsche Daten verbessern lassen. Sie dürfen Daten löschen lassen. Sie dürfen sagen: Nutzen Sie meine Daten weniger. Sie dürfen Ihre Daten mitnehmen, wenn Sie zugestimmt haben. Sie dürfen widersprechen. Das steht in der Daten·schutz-Grund·verordnung in den Artikeln 15 bis 21.
privacy-rights-consent = Sie haben einer Sache zugestimmt? Dann können Sie die Zustimmung jederzeit zurück·nehmen. Das gilt ab dann. Was vorher war, bleibt erlaubt.
privacy-rights-contact = Sie wollen ein Recht nutzen? Dann schreiben Sie dem Ministerium. Oder schreiben Sie der Person für den Daten·schutz. Geht es um Ihren Antrag? Dann fragen Sie die Behörde. Die Daten auf Ihrem Gerät können Sie selbst in der App ansehen. Sie können diese Daten auch selbst löschen.
privacy-complaint = Sie können sich beschweren. Das geht bei dieser Stelle: Thüringer Landes·beauftragter für den Daten·schutz und die Informations·freiheit. Die Adresse ist: Häßlerstraße 8, 99096 Erfurt. Die Internet·seite ist: www.tlfdi.de.

privacy-version-heading = Stand
privacy-version = Diesen Text haben wir am 5. Dezember 2026 geschrieben. Die App macht etwas Neues mit Daten? Dann ändern wir den Text.

## Impressum

imprint-link = Impressum
imprint-heading = Impressum
imprint-intro = Hier steht: Wer bietet die App an? Das schreiben 2 Gesetze vor. Das Digitale-Dienste-Gesetz, Paragraf 5. Und der Medien·staats·vertrag, Paragraf 18.
imprint-pending = Wichtig: Manche Angaben stehen in eckigen Klammern. Diese Angaben trägt das Land Thüringen noch ein. Erst dann ist das Impressum fertig.

imprint-provider-heading = Wer bietet die App an?
imprint-provider = Die App kommt vom Land Thüringen. Der genaue Name ist: Freistaat Thüringen. Für das Land handelt ein Ministerium. [Das Land trägt hier noch ein: Name vom Ministerium. Name von der Ministerin oder vom Minister.]
imprint-address = Adresse: [Das Land trägt hier noch ein: Straße, Haus·nummer, Post·leitzahl und Ort.]

imprint-contact-heading = Kontakt
imprint-contact = [Das Land trägt hier noch ein: Telefon und E-Mail für Fragen zur App.]
imprint-contact-115 = Sie haben Fragen zu einer Leistung? Rufen Sie die Telefon·nummer 115 an.

imprint-responsible-heading = Wer ist für den Inhalt verantwortlich?
imprint-responsible = Verantwortlich nach dem Medien·staats·vertrag, Paragraf 18, Absatz 2: [Das Land trägt hier noch ein: Name und Adresse.]

imprint-authorities-heading = Texte von den Behörden
imprint-authorities = Die Nachrichten im Postfach kommen von den Behörden. Für diese Nachrichten ist die Behörde verantwortlich. Die Behörde bearbeitet auch Ihren Antrag. In der App stehen Kosten und Unterlagen für Leistungen. Wir haben das sorgfältig aufgeschrieben. Aber nur die zuständige Stelle kann es sicher sagen.

imprint-licence-heading = Programm·text und Lizenz
imprint-licence = Die ThüringenApp ist freie Software. Jeder darf den Programm·text lesen und nutzen. Die Regeln dafür heißen: EUPL-1.2. [Das Land trägt hier noch ein: Wo steht der Programm·text im Internet?]

imprint-data-heading = Woher kommen die Daten?
imprint-data-leika = Die Liste mit den Leistungen kommt aus dem Leistungs·katalog. Sie enthält 4.813 Leistungen. Wir haben sie aus der OZG-Datenbank von kdn. Die Regeln dafür heißen: MIT-Lizenz. Die Rechte hat Gert Hammes seit 2020.
imprint-data-places = Die Namen von den Gemeinden kommen aus einem amtlichen Text. Der Text heißt: Mietniveau-Einstufungsverordnung. Er ist vom 25. Januar 2021. Die Namen von den Land·kreisen kommen aus amtlichen Quellen. Die Post·leitzahlen kommen von GeoNames. Die Regeln dafür heißen: CC BY 4.0.
imprint-data-own = Die Beschreibungen von den Leistungen haben wir selbst geschrieben. Die Formulare haben wir auch selbst geschrieben. Dafür gelten die Regeln EUPL-1.2. Die App prüft Namen mit einer Liste von Zeichen. Die Liste heißt: String.Latin+ 1.2. Die Regeln dafür heißen: CC BY 4.0.
imprint-data-full = Alle Angaben zu den Quellen finden Sie in der App. Tippen Sie auf: „Über diese App und Datenquellen“.
