applications-heading = Meine Anträge
applications-open-heading = Hier geht es weiter
applications-drafts = Entwürfe
applications-no-drafts = Keine Entwürfe.
applications-outbox = Warten auf Versand
applications-no-outbox = Nichts wartet auf den Versand.
applications-sent = Gesendet
applications-no-sent = Noch keine gesendeten Anträge.
applications-updated = Zuletzt geändert: { $time }
applications-progress = { $answered } von { $required } Pflichtangaben gemacht
applications-withdraw = Entwurf löschen
applications-withdraw-title = Entwurf wirklich löschen?
applications-withdraw-body = Ihre Angaben und Anhänge in diesem Entwurf werden von diesem Gerät gelöscht. Das kann nicht rückgängig gemacht werden.
applications-withdraw-cancel = Nein, behalten
applications-withdraw-confirm = Ja, Entwurf löschen
applications-not-found = Dieser Antrag wurde nicht gefunden.
applications-just-sent = Ihr Antrag ist gespeichert und wird gesendet, sobald eine Verbindung besteht. Sie müssen nichts weiter tun.
applications-status = Stand
applications-timeline = Verlauf
applications-what-was-sent = Was Sie gesendet haben
applications-attachments = Anhänge
status-draft = Entwurf
status-queued = Wartet auf Versand
status-sending = Wird gesendet
status-initiated = Versand begonnen
status-submitted = Gesendet
status-received = Bei der Behörde eingegangen
status-processing = In Bearbeitung
status-action-required = Ihre Mitwirkung ist nötig
status-completed = Abgeschlossen
status-rejected = Abgelehnt
status-draft-explained = Sie haben den Antrag noch nicht gesendet.
status-queued-explained = Der Antrag ist sicher auf diesem Gerät gespeichert und wird gesendet, sobald eine Verbindung besteht.
status-sending-explained = Der Antrag und seine Anhänge werden gerade übertragen.
status-initiated-explained = Die Übertragung hat begonnen und wird automatisch fortgesetzt.
status-submitted-explained = Der Antrag ist vollständig übertragen.
status-received-explained = Die zuständige Behörde hat Ihren Antrag erhalten.
status-processing-explained = Die Behörde bearbeitet Ihren Antrag.
status-action-required-explained = Die Behörde braucht etwas von Ihnen. Sehen Sie in Ihr Postfach.
status-completed-explained = Die Behörde hat über Ihren Antrag entschieden. Den Bescheid finden Sie im Postfach.
status-rejected-explained = Die Behörde hat den Antrag abgelehnt. Die Gründe stehen im Verlauf und im Postfach.
applications-messages = Nachrichten der Behörde
applications-just-sent-login = Ihr Antrag ist sicher auf diesem Gerät gespeichert. Er wird gesendet, sobald Sie sich angemeldet haben.
waiting-login = Wartet auf Ihre Anmeldung.
waiting-login-count = { $count ->
    [one] Ein Antrag wartet auf Ihre Anmeldung. Zum Senden müssen Sie sich anmelden.
   *[other] { $count } Anträge warten auf Ihre Anmeldung. Zum Senden müssen Sie sich anmelden.
}
waiting-connection = Der Versand hat noch nicht geklappt. Die App versucht es von selbst weiter, Sie können es auch jetzt versuchen.
sending-log-in = Anmelden und senden
sending-log-in-pending = Bitte melden Sie sich im Browser an. Danach wird Ihr Antrag gesendet.
sending-now = Jetzt senden
waiting-claim = Dieser Antrag wurde auf diesem Gerät ohne Anmeldung gestellt. Er wird erst gesendet, wenn Sie ihn mit Ihrem Konto senden. Ist es nicht Ihr Antrag, lassen Sie ihn liegen.
waiting-claim-count = { $count ->
    [one] Ein Antrag wurde auf diesem Gerät ohne Anmeldung gestellt. Öffnen Sie ihn, um ihn mit Ihrem Konto zu senden.
   *[other] { $count } Anträge wurden auf diesem Gerät ohne Anmeldung gestellt. Öffnen Sie einen, um ihn mit Ihrem Konto zu senden.
}
sending-claim = Mit meinem Konto senden
refusal-heading = Was der Landesdienst bemängelt hat
refusal-other = Diese Angabe wurde nicht angenommen.
refusal-correct = Antrag korrigieren
refusal-correct-explained = Ihr Antrag ist wieder ein Entwurf. Korrigieren Sie die genannten Angaben und senden Sie ihn erneut; nichts von dem, was Sie eingegeben haben, ist verloren.
refusal-resent = Sie haben den Antrag bereits korrigiert und erneut gesendet. Den neuen Stand finden Sie unter „Meine Anträge“.
