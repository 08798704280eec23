app-title = ThüringenApp
app-kopfzeile = A service of the Free State of Thuringia
app-skip-to-content = Skip to content
app-loading = Loading …
app-language-switch = Language
app-language-de = Deutsch
app-language-en = English
app-offline-title = You are offline
app-offline-body = The state service cannot be reached right now. All services can still be searched, and everything you enter is saved on this device.
app-catalog-updated = The service catalog has been updated.
app-help-115 = Questions? Call 115, Monday to Friday 8 am to 6 pm.
app-about = About this app and data sources
app-footer-nav = Footer
app-not-found = This page does not exist.
app-back-home = To the start page
app-part-failed-title = This part of the app could not be loaded
app-part-failed-body = The app could not open the program part for this page. What you entered and your drafts are saved. Please try again; if that does not help, restart the app.
app-part-failed-retry = Try again
nav-label = Main navigation
nav-services = Services
nav-applications = My applications
nav-inbox = Inbox
nav-inbox-unread = { $count ->
    [one] unread message
   *[other] unread messages
}
nav-settings = Settings
storage-notice-heading = Your earlier data on this device could not be opened
storage-notice-body = The app has therefore started afresh. Nothing was deleted: the earlier data is kept under the name "{ $file }" in the app's data folder. Applications that had been sent are with the authority. Drafts and applications not yet sent are in the data set aside; technical support can restore them, otherwise please start them again.
storage-notice-help = Help: public service number 115 (quote the file name)
storage-notice-dismiss = Understood

# Notifications through the operating system (#18): nothing personal, a locked screen shows them
notify-status-title = News about your application
notify-status-body = Open the ThüringenApp to see the new status.
notify-message-title = New message
notify-message-body = An authority has written to you. Open the ThüringenApp to read the message.
notify-draft-title = Application not finished
notify-draft-body = You started an application and have not sent it yet.
notify-deadline-title = A deadline ends soon
notify-deadline-body = A deadline ends soon for an application you started. Open the ThüringenApp.
notify-expiry-title = Ending soon
notify-expiry-body = A permit from one of your applications ends soon. Remember to renew it.
