catalog-heading = Leistungen in Thüringen
catalog-search-label = Leistung suchen
catalog-search-hint = Zum Beispiel „Ummeldung“, „Parkausweis“ oder „Hundesteuer“
catalog-result-count = { $count ->
    [0] Keine Leistung gefunden
    [one] 1 Leistung gefunden
   *[other] { $count } Leistungen gefunden
}
catalog-showing-first = Die ersten { $shown } werden angezeigt. Verfeinern Sie die Suche, um weitere zu finden.
catalog-no-results = Keine passende Leistung. Prüfen Sie die Schreibweise oder rufen Sie die 115 an.
catalog-featured = Häufig genutzt
catalog-life-situation = Lebenslage
catalog-leika-key = Leistungsschlüssel { $key }
catalog-fees = Gebühren
catalog-duration = Bearbeitungsdauer
catalog-source-seed = Katalogstand: mitgeliefert mit der App
catalog-source-state-api = Katalogstand: vom Landesdienst
catalog-all-life-situations = Alle Lebenslagen
catalog-place = Zuständigkeit zeigen für
catalog-no-place = Keinen Ort wählen
catalog-local-only = Nur Leistungen der Gemeinde oder des Landkreises
catalog-responsible = Zuständig
guides-heading = Schritt für Schritt
guides-intro = Was ist zu tun, wenn sich etwas im Leben ändert? Hier steht es der Reihe nach.
guide-link = Schritt für Schritt: { $name }
guide-when = Wann
guide-office = Zuständig
guide-needs-place = Wählen Sie Ihren Wohnort, dann nennt jeder Schritt die zuständige Stelle.
guide-apply-own = In der App beantragen
guide-apply-general = Anliegen in der App senden
