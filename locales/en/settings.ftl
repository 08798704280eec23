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
settings-forget = Delete my data from this device
settings-forget-hint = For a shared device, for example with a digital guide (Digitallotse): logs you out and deletes your drafts, applications and messages on this device.
settings-forget-title = Delete your data from this device?
settings-forget-body = Drafts, applications, messages and your place of residence are deleted on this device, and you are logged out. Applications already sent stay with the authority; you get their messages again after your next login. Reports of barriers not yet sent that hold your contact details are deleted too. The PDF files the app saved for you are deleted too.
settings-forget-unsent = { $count ->
    [one] One application has not been sent yet. It will then not be sent.
   *[other] { $count } applications have not been sent yet. They will then not be sent.
}
settings-forget-cancel = Cancel
settings-forget-confirm = Delete and log out
settings-forgotten = Your data was deleted from this device and you are logged out.
settings-details = Saved details
settings-details-kept = Saved on this device for your applications: { $details }.
settings-details-forget = Delete saved details
settings-legal = Legal information

# Notifications (#18)
settings-notifications = Notifications
settings-notifications-hint = The app can let you know while it runs in the background. The notifications name no names and no contents, because they can appear on the locked screen.
settings-notifications-enabled = Allow notifications
settings-notifications-kinds = What the app lets you know about
settings-notifications-status = New status of an application
settings-notifications-messages = New message from an authority
settings-notifications-drafts = Reminder of an application you started (after 3 days)
settings-notifications-dates = Deadlines and end dates from your applications (for example registering 2 weeks after moving in, the end of the residents' parking permit)

# Assisted sessions on a shared device (#14)
settings-visit = Assisted session on this device
settings-visit-intro = For digital guides (Digitallotsen) on a shared device: in an assisted session the visitor fills in their applications in a separate, encrypted store and logs in for this session only. When the session ends, or after { $minutes } minutes without input, the app deletes all of it from this device. Your own data stays as it is.
settings-visit-start = Start a new assisted session
visit-running = Assisted session in progress
visit-running-body = Everything you enter in this session is deleted from this device when the session ends, also after { $minutes } minutes without input.
visit-end = End the session
visit-unsent-title = Not everything has been sent
visit-unsent-body = Drafts: { $drafts }. Applications that have not arrived yet: { $applications }. If you end the session now, they will be deleted. To send them, open “My applications” and log in.
visit-unsent-to-applications = Go to “My applications”
visit-unsent-discard = Delete and end the session

# A shared device's PIN (#14)
settings-shared = Shared device
settings-shared-intro = With a PIN you lock this device between assisted sessions: after a session ends, nobody sees your own applications, messages or your login until you enter the PIN.
settings-shared-pin = PIN (6 to 12 digits)
settings-shared-pin-again = Repeat the PIN
settings-shared-mismatch = The two PINs do not match.
settings-shared-set = Set up as a shared device
settings-shared-on = This device is set up as a shared device.
settings-shared-lock = Lock the device now
settings-shared-off = Stop sharing this device
lock-heading = This device is locked
lock-intro = Would you like advice? Start a new assisted session. The digital guide unlocks the device with the PIN.
lock-pin = PIN
lock-unlock = Unlock

# The Digitallotse's record of sessions (#14)
visit-report = My assisted sessions on this device
visit-report-day = { $date }: { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}, { $sent } of them with an application sent

# The last minutes of an idle session (#14)
visit-ending-title = The session will end soon
visit-ending-body = There has been no input for a while. In { $seconds } seconds this session ends, and everything not sent is deleted.
visit-continue = Continue the session
