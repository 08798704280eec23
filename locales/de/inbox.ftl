inbox-heading = Postfach
inbox-unread = { $count ->
    [0] Keine ungelesenen Nachrichten.
    [one] 1 ungelesene Nachricht.
   *[other] { $count } ungelesene Nachrichten.
}
inbox-empty = Noch keine Nachrichten. Antworten der Behörden erscheinen hier.
inbox-new = Neu
inbox-to-application = Zum Antrag
