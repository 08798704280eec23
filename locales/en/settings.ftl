settings-heading = Settings
settings-language = App language
settings-text-size = Text size
settings-text-normal = Normal
settings-text-large = Large (150 %)
settings-text-largest = Very large (200 %)
settings-high-contrast = High contrast
settings-home = Where you live
settings-home-current = Chosen: { $name }
settings-home-none = No place chosen yet.
settings-home-search = Postal code or name of the place
settings-home-hint = For example 99084 or Weimar. We then show the responsible offices.
settings-home-results = { $count ->
    [0] No place found
    [one] 1 place found
   *[other] { $count } places found
}
settings-account = Account
settings-logged-in = Logged in as { $name }
settings-logged-out = You are not logged in. Searching and drafts work without an account.
settings-needs-login = Please log in again so that waiting applications can be sent.
settings-log-in = Log in
settings-log-out = Log out
