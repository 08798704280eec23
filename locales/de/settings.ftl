settings-heading = Einstellungen
settings-language = Sprache der App
