form-field-required = Bitte füllen Sie dieses Feld aus.
form-type-mismatch = Diese Angabe hat nicht die richtige Form. Bitte geben Sie die Angabe neu ein.
form-text-single-line = Bitte schreiben Sie alles in 1 Zeile.
form-text-too-short = Bitte geben Sie mindestens { $min } Zeichen ein.
form-text-too-long = Der Text ist zu lang. Bitte schreiben Sie höchstens { $max } Zeichen.
form-text-pattern = Diese Angabe hat nicht die richtige Form. Bitte lesen Sie den Hinweis bei dem Feld.
form-text-latin = Das Zeichen „{ $char }“ können wir hier nicht annehmen. Bitte benutzen Sie lateinische Buchstaben. Das sind zum Beispiel: a, b, c. Buchstaben mit Akzent sind auch erlaubt. Zum Beispiel: é.
form-number-invalid = Bitte geben Sie eine Zahl ein. Zum Beispiel: 12 oder 12,5
form-number-not-integer = Bitte geben Sie eine ganze Zahl ein. Eine ganze Zahl hat kein Komma. Zum Beispiel: 12
form-number-too-small = Die Zahl muss mindestens { $min } sein.
form-number-too-large = Die Zahl darf höchstens { $max } sein.
form-number-too-many-decimals = Bitte schreiben Sie höchstens { $scale } Ziffern nach dem Komma.
form-money-invalid = Bitte geben Sie einen Betrag in Euro ein.
form-money-too-small = Der Betrag muss mindestens { $min } sein.
form-money-too-large = Der Betrag darf höchstens { $max } sein.
form-date-invalid = Bitte geben Sie ein richtiges Datum ein.
form-date-in-past = Das Datum darf nicht in der Vergangenheit liegen. Es darf also nicht vor heute sein.
form-date-in-future = Das Datum darf nicht in der Zukunft liegen. Es darf also nicht nach heute sein.
form-date-too-early = Das Datum darf nicht vor dem { $limit } liegen.
form-date-too-late = Das Datum darf nicht nach dem { $limit } liegen.
form-time-invalid = Bitte geben Sie eine Uhrzeit ein. Zum Beispiel: 08:30
form-datetime-invalid = Bitte geben Sie das Datum und die Uhrzeit ein.
form-choice-unknown = Diese Auswahl gibt es nicht. Oder es gibt sie nicht mehr. Bitte wählen Sie neu.
form-choice-too-few = Bitte wählen Sie mindestens { $min } aus.
form-choice-too-many = Bitte wählen Sie höchstens { $max } aus.
form-email-invalid = Bitte geben Sie eine richtige E-Mail-Adresse ein. Zum Beispiel: name@beispiel.de
form-phone-invalid = Bitte geben Sie eine Telefon·nummer mit Vorwahl ein. Zum Beispiel: 0361 123456
form-iban-invalid = Das ist keine IBAN. Die IBAN ist die Nummer von Ihrem Bank·konto. Eine deutsche IBAN fängt mit DE an. Sie hat 22 Stellen.
form-iban-checksum = In der IBAN ist ein Tipp·fehler. Bitte prüfen Sie jede Ziffer.
form-postal-code-invalid = Bitte geben Sie eine Post·leit·zahl mit 5 Ziffern ein.
form-municipality-invalid = Bitte wählen Sie eine Gemeinde aus der Liste.
form-attachment-type = Wir können die Datei { $name } nicht annehmen. Die Datei hat das falsche Format. Erlaubt sind diese Formate: { $accepted }.
form-attachment-too-large = Die Datei { $name } ist zu groß. Eine Datei darf höchstens { $max_mb } Megabyte (MB) groß sein.
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
form-confirmation-required = Bitte bestätigen Sie diese Erklärung. Erst dann können Sie den Antrag senden.
form-end-before-start = Das End·datum darf nicht vor dem Anfangs·datum liegen.
form-move-in-too-late = Sie sind vor { $days } Tagen eingezogen. Sie müssen sich innerhalb von 2 Wochen nach dem Einzug anmelden. Sie können trotzdem weiter·machen.
form-person-too-young = Sie müssen mindestens { $min_age } Jahre alt sein.
form-building-height-exceeds = Bei dieser Gebäude·klasse darf das Gebäude höchstens { $max } Meter hoch sein. Bitte prüfen Sie die Gebäude·klasse.
form-area-sum-mismatch = Die Angaben zu den Flächen passen nicht zusammen. Bitte prüfen Sie die Angaben.
form-parking-shortfall = Es fehlen noch { $missing } Stell·plätze. Bitte prüfen Sie den Nachweis für die Stell·plätze.
form-renewable-share-low = Neue Heizungen müssen meistens mindestens { $min } Prozent erneuerbare Energie nutzen. Erneuerbare Energie ist zum Beispiel Energie aus Sonne oder Wind.
form-smoke-alarm-required = In Thüringen sind Rauch·warn·melder Pflicht. Ein Rauch·warn·melder piept laut, wenn es brennt.
form-business-start-too-far = Der Beginn ist mehr als 3 Monate in der Zukunft. Bitte prüfen Sie das Datum.
form-synthetic-check = Eine Test·regel ist nicht erfüllt.
form-check-failed = Diese Angabe passt nicht zu Ihren anderen Angaben. Bitte prüfen Sie die Angabe.
form-consent-required = Die Stelle braucht Ihre Zustimmung. Ohne Ihre Zustimmung kann die Stelle Ihr Anliegen nicht bearbeiten. Bitte stimmen Sie zu. Dann können Sie das Anliegen senden.
