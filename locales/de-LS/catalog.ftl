catalog-heading = Leistungen in Thüringen
catalog-search-label = Leistung suchen
catalog-search-hint = Zum Beispiel: „Ummeldung“, „Parkausweis“ oder „Hundesteuer“
catalog-result-count = { $count ->
    [0] Keine Leistung gefunden
    [one] 1 Leistung gefunden
   *[other] { $count } Leistungen gefunden
}
catalog-showing-first = Wir zeigen die ersten { $shown } Leistungen. Sie suchen eine andere Leistung? Dann suchen Sie genauer.
catalog-no-results = Wir haben keine passende Leistung gefunden. Prüfen Sie, ob alles richtig geschrieben ist. Oder rufen Sie die Behörden·nummer 115 an.
catalog-featured = Oft gebraucht
catalog-life-situation = Lebens·lage
catalog-leika-key = Nummer von der Leistung: { $key }
catalog-fees = Kosten
catalog-duration = So lange dauert es
catalog-source-seed = Stand von der Liste: Die Liste kommt mit der App.
catalog-source-state-api = Stand von der Liste: Die Liste kommt vom Landes·dienst.
catalog-all-life-situations = Alle Lebens·lagen
catalog-place = Zuständige Stelle zeigen für diesen Ort
catalog-no-place = Keinen Ort wählen
catalog-local-only = Nur Leistungen von der Gemeinde oder vom Landkreis
catalog-responsible = Zuständig
guides-heading = Schritt für Schritt
guides-intro = Manchmal ändert sich etwas in Ihrem Leben. Dann müssen Sie einiges erledigen. Hier steht alles der Reihe nach.
guide-link = Schritt für Schritt: { $name }
guide-when = Wann
guide-office = Dieses Amt ist für Sie da
guide-needs-place = Bitte wählen Sie Ihren Wohnort. Dann sehen Sie bei jedem Schritt das richtige Amt.
guide-apply-own = In der App beantragen
guide-apply-general = Anliegen in der App schicken
