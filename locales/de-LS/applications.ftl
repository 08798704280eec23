applications-heading = Meine Anträge
applications-open-heading = Hier geht es weiter
applications-drafts = Entwürfe
applications-no-drafts = Sie haben keine Entwürfe.
applications-outbox = Wartet auf das Senden
applications-no-outbox = Kein Antrag wartet auf das Senden.
applications-sent = Gesendet
applications-no-sent = Sie haben noch keine Anträge gesendet.
applications-updated = Zuletzt geändert: { $time }
applications-progress = Sie haben { $answered } von { $required } Pflicht·feldern ausgefüllt.
applications-withdraw = Entwurf löschen
applications-withdraw-title = Entwurf wirklich löschen?
applications-withdraw-body = Dann löscht die App diesen Entwurf von diesem Gerät. Auch Ihre Angaben und Anhänge sind dann weg. Sie bekommen die Daten danach nicht zurück.
applications-withdraw-cancel = Nein, behalten
applications-withdraw-confirm = Ja, Entwurf löschen
applications-not-found = Wir haben diesen Antrag nicht gefunden.
applications-just-sent = Ihr Antrag ist gespeichert. Die App sendet den Antrag, sobald es Internet gibt. Sie müssen nichts mehr tun.
applications-status = Stand
applications-timeline = Was bisher passiert ist
applications-what-was-sent = Was Sie gesendet haben
applications-attachments = Anhänge
status-draft = Entwurf
status-queued = Wartet auf das Senden
status-sending = Senden läuft
status-initiated = Senden hat begonnen
status-submitted = Gesendet
status-received = Bei der Behörde angekommen
status-processing = In Arbeit
status-action-required = Sie müssen etwas tun
status-completed = Fertig
status-rejected = Abgelehnt
status-draft-explained = Sie haben den Antrag noch nicht gesendet.
status-queued-explained = Der Antrag ist sicher auf diesem Gerät gespeichert. Die App sendet den Antrag, sobald es Internet gibt.
status-sending-explained = Die App sendet gerade den Antrag und die Anhänge.
status-initiated-explained = Das Senden hat begonnen. Die App macht von selbst weiter.
status-submitted-explained = Die App hat den ganzen Antrag gesendet.
status-received-explained = Die zuständige Behörde hat Ihren Antrag bekommen.
status-processing-explained = Die Behörde bearbeitet Ihren Antrag.
status-action-required-explained = Die Behörde braucht etwas von Ihnen. Sehen Sie bitte in Ihr Postfach.
status-completed-explained = Die Behörde hat über Ihren Antrag entschieden. Die Antwort finden Sie im Postfach. Diese Antwort heißt: Bescheid.
status-rejected-explained = Die Behörde hat den Antrag abgelehnt. Die Gründe stehen unter „Was bisher passiert ist“. Die Gründe stehen auch im Postfach.
applications-messages = Nachrichten von der Behörde
applications-just-sent-login = Ihr Antrag ist sicher auf diesem Gerät gespeichert. Die App sendet den Antrag, sobald Sie sich angemeldet haben.
waiting-login = Wartet auf Ihre Anmeldung.
waiting-login-count = { $count ->
    [one] 1 Antrag wartet auf Ihre Anmeldung. Zum Senden müssen Sie sich anmelden.
   *[other] { $count } Anträge warten auf Ihre Anmeldung. Zum Senden müssen Sie sich anmelden.
}
waiting-connection = Das Senden hat noch nicht geklappt. Die App versucht es von selbst weiter. Sie können es auch jetzt versuchen.
sending-log-in = Anmelden und senden
sending-log-in-pending = Bitte melden Sie sich im Browser an. Danach sendet die App Ihren Antrag.
sending-now = Jetzt senden
waiting-claim = Jemand hat diesen Antrag auf diesem Gerät ohne Anmeldung gestellt. Die App sendet den Antrag erst, wenn Sie ihn mit Ihrem Konto senden. Ist es nicht Ihr Antrag? Dann lassen Sie den Antrag einfach liegen.
waiting-claim-count = { $count ->
    [one] Auf diesem Gerät gibt es 1 Antrag ohne Anmeldung. Öffnen Sie den Antrag. Dann können Sie ihn mit Ihrem Konto senden.
   *[other] Auf diesem Gerät gibt es { $count } Anträge ohne Anmeldung. Öffnen Sie einen Antrag. Dann können Sie ihn mit Ihrem Konto senden.
}
sending-claim = Mit meinem Konto senden
refusal-heading = Diese Fehler hat der Landes·dienst gefunden
refusal-other = Der Landes·dienst hat diese Angabe nicht angenommen.
refusal-correct = Antrag verbessern
refusal-correct-explained = Ihr Antrag ist wieder ein Entwurf. Verbessern Sie die Angaben mit Fehlern. Dann senden Sie den Antrag noch einmal. Alles, was Sie eingegeben haben, ist noch da.
refusal-resent = Sie haben den Antrag schon verbessert und noch einmal gesendet. Den neuen Stand finden Sie unter „Meine Anträge“.
