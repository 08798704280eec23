inbox-heading = Postfach
inbox-unread = { $count ->
    [0] Keine neuen Nachrichten.
    [one] 1 neue Nachricht.
   *[other] { $count } neue Nachrichten.
}
inbox-empty = Sie haben noch keine Nachrichten. Hier finden Sie später die Antworten von den Behörden.
inbox-new = Neu
inbox-to-application = Zum Antrag
