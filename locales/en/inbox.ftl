inbox-heading = Inbox
inbox-unread = { $count ->
    [0] No unread messages.
    [one] 1 unread message.
   *[other] { $count } unread messages.
}
inbox-empty = No messages yet. Answers from authorities appear here.
inbox-new = New
inbox-to-application = To the application
