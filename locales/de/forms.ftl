# Texte der Meldungen des Formularmoduls (domain::form::MESSAGE_IDS).
form-field-required = Bitte füllen Sie dieses Feld aus.
form-type-mismatch = Diese Angabe hat nicht die erwartete Form. Bitte geben Sie sie neu ein.
form-text-single-line = Bitte schreiben Sie alles in eine Zeile.
form-text-too-short = Bitte geben Sie mindestens { $min } Zeichen ein.
form-text-too-long = Bitte kürzen Sie auf höchstens { $max } Zeichen.
form-text-pattern = Diese Angabe hat nicht die verlangte Form. Bitte beachten Sie den Hinweis zum Feld.
form-text-latin = Das Zeichen „{ $char }“ können wir hier nicht annehmen. Bitte verwenden Sie lateinische Buchstaben (auch mit Akzenten).
form-number-invalid = Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5.
form-number-not-integer = Bitte geben Sie eine ganze Zahl ohne Komma ein.
form-number-too-small = Die Zahl muss mindestens { $min } sein.
form-number-too-large = Die Zahl darf höchstens { $max } sein.
form-number-too-many-decimals = Bitte höchstens { $scale } Stellen nach dem Komma.
form-money-invalid = Bitte geben Sie einen Betrag in Euro ein.
form-money-too-small = Der Betrag muss mindestens { $min } sein.
form-money-too-large = Der Betrag darf höchstens { $max } sein.
form-date-invalid = Bitte geben Sie ein gültiges Datum ein.
form-date-in-past = Das Datum darf nicht in der Vergangenheit liegen.
form-date-in-future = Das Datum darf nicht in der Zukunft liegen.
form-date-too-early = Das Datum darf nicht vor dem { $limit } liegen.
form-date-too-late = Das Datum darf nicht nach dem { $limit } liegen.
form-time-invalid = Bitte geben Sie eine Uhrzeit ein, zum Beispiel 08:30.
form-datetime-invalid = Bitte geben Sie Datum und Uhrzeit ein.
form-choice-unknown = Diese Auswahl gibt es nicht (mehr). Bitte wählen Sie neu.
form-choice-too-few = Bitte wählen Sie mindestens { $min } aus.
form-choice-too-many = Bitte wählen Sie höchstens { $max } aus.
form-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.
form-phone-invalid = Bitte geben Sie eine Telefonnummer mit Vorwahl ein, zum Beispiel 0361 123456.
form-iban-invalid = Das ist keine IBAN. Eine deutsche IBAN beginnt mit DE und hat 22 Stellen.
form-iban-checksum = Die IBAN enthält einen Tippfehler. Bitte prüfen Sie jede Ziffer.
form-postal-code-invalid = Bitte geben Sie eine Postleitzahl mit 5 Ziffern ein.
form-municipality-invalid = Bitte wählen Sie eine Gemeinde aus der Liste.
form-attachment-type = Die Datei { $name } hat ein Format, das wir nicht annehmen können. Erlaubt: { $accepted }.
form-attachment-too-large = Die Datei { $name } ist zu groß. Höchstens { $max_mb } MB sind möglich.
form-attachment-too-few = Bitte laden Sie mindestens { $min } { $min ->
        [one] Datei
       *[other] Dateien
    } hoch.
form-attachment-too-many = Bitte laden Sie höchstens { $max } { $max ->
        [one] Datei
       *[other] Dateien
    } hoch.
form-repeat-too-few = Bitte geben Sie mindestens { $min } { $min ->
        [one] Eintrag
       *[other] Einträge
    } an.
form-repeat-too-many = Bitte geben Sie höchstens { $max } { $max ->
        [one] Eintrag
       *[other] Einträge
    } an.
form-confirmation-required = Bitte bestätigen Sie diese Erklärung, um den Antrag zu senden.
form-end-before-start = Das Enddatum darf nicht vor dem Anfangsdatum liegen.
form-move-in-too-late = Ihr Einzug ist { $days } Tage her. Die Anmeldung ist innerhalb von zwei Wochen fällig; Sie können trotzdem weitermachen.
form-person-too-young = Sie müssen mindestens { $min_age } Jahre alt sein.
form-building-height-exceeds = Bei dieser Gebäudeklasse darf das Gebäude höchstens { $max } m hoch sein. Bitte prüfen Sie die Gebäudeklasse.
form-area-sum-mismatch = Die Flächenangaben passen nicht zusammen. Bitte prüfen Sie sie.
form-parking-shortfall = Es fehlen noch { $missing } Stellplätze. Bitte prüfen Sie den Stellplatznachweis.
form-renewable-share-low = Neue Heizungen müssen in der Regel mindestens { $min } % erneuerbare Energie nutzen.
form-smoke-alarm-required = Rauchwarnmelder sind in Thüringen Pflicht.
form-business-start-too-far = Der Beginn liegt mehr als drei Monate in der Zukunft. Bitte prüfen Sie das Datum.
form-synthetic-check = Testregel verletzt.
form-check-failed = Diese Angabe passt nicht zu Ihren anderen Angaben. Bitte prüfen Sie sie.
form-consent-required = Ohne Ihr Einverständnis kann die Stelle Ihr Anliegen nicht bearbeiten. Bitte bestätigen Sie es, um das Anliegen zu senden.
