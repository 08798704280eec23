settings-heading = Settings
settings-language = App language
