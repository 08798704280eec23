applications-heading = My applications
applications-open-heading = Continue where you left off
applications-drafts = Drafts
applications-no-drafts = No drafts.
applications-outbox = Waiting to be sent
applications-no-outbox = Nothing is waiting to be sent.
applications-sent = Sent
applications-no-sent = No applications sent yet.
applications-updated = Last changed: { $time }
applications-progress = { $answered } of { $required } required answers given
applications-withdraw = Delete draft
applications-withdraw-title = Delete this draft?
applications-withdraw-body = Your answers and attachments in this draft are deleted from this device. This cannot be undone.
applications-withdraw-cancel = No, keep it
applications-withdraw-confirm = Yes, delete the draft
applications-not-found = This application was not found.
applications-just-sent = Your application is saved and will be sent as soon as there is a connection. You do not need to do anything else.
applications-status = Status
applications-timeline = History
applications-what-was-sent = What you sent
applications-attachments = Attachments
status-draft = Draft
status-queued = Waiting to be sent
status-sending = Sending
status-initiated = Sending started
status-submitted = Sent
status-received = Received by the authority
status-processing = Being processed
status-action-required = Your action is needed
status-completed = Completed
status-rejected = Rejected
status-draft-explained = You have not sent the application yet.
status-queued-explained = The application is safely stored on this device and will be sent as soon as there is a connection.
status-sending-explained = The application and its attachments are being transferred.
status-initiated-explained = The transfer has started and continues automatically.
status-submitted-explained = The application has been transferred completely.
status-received-explained = The responsible authority has received your application.
status-processing-explained = The authority is working on your application.
status-action-required-explained = The authority needs something from you. Look in your inbox.
status-completed-explained = The authority has decided on your application. You find the decision in your inbox.
status-rejected-explained = The authority has rejected the application. The reasons are in the history and in your inbox.
applications-messages = Messages from the authority
applications-just-sent-login = Your application is safely stored on this device. It will be sent as soon as you have logged in.
waiting-login = Waiting for you to log in.
waiting-login-count = { $count ->
    [one] One application is waiting for you to log in. Sending needs a login.
   *[other] { $count } applications are waiting for you to log in. Sending needs a login.
}
waiting-connection = Sending has not worked yet. The app keeps trying by itself; you can also try now.
sending-log-in = Log in and send
sending-log-in-pending = Please log in in your browser. Your application will be sent afterwards.
sending-now = Send now
waiting-claim = This application was made on this device without logging in. It is sent only when you send it with your account. If it is not yours, leave it.
waiting-claim-count = { $count ->
    [one] One application was made on this device without logging in. Open it to send it with your account.
   *[other] { $count } applications were made on this device without logging in. Open one to send it with your account.
}
sending-claim = Send with my account
refusal-heading = What the state service objected to
refusal-other = This answer was not accepted.
refusal-correct = Correct the application
refusal-correct-explained = Your application is a draft again. Correct the answers named and send it again; nothing you entered is lost.
refusal-resent = You have already corrected and sent the application again. You find its new state under "My applications".
