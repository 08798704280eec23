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
