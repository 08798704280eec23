error-storage = The data on this device could not be read or saved. What you entered so far is kept. Check the free storage space and restart the app.
error-network = The state service cannot be reached. Your data stays on this device and will be sent later.
error-invalid-request = This request could not be processed. Please try again.
error-internal = Something went wrong. Your entries are saved. Restart the app; if that does not help, call 115.
error-app-unavailable = The app environment does not answer. Restart the app.
error-disk-full = This device is out of storage. Nothing was overwritten; what you entered so far is kept. Free some space and try again.
error-not-found = This item is not (or no longer) on this device. Reload the overview.
error-form-broken = This form cannot be opened right now. Your entries stay saved. Please try again later or call 115.
error-keychain-locked = This device's keychain is locked. Unlock it (for example by logging in to the device) and restart the app. Nothing was stored unprotected.
error-keychain-unavailable = No keychain is available on this device, so the app cannot store your data encrypted. Nothing was stored unprotected. Set up a keychain or contact your IT.
error-already-submitted = This application has already been sent and can no longer be changed.
error-attachment-too-large = The file is too large. At most { $limit_mb } MB are allowed.
error-attachment-corrupt = The file could not be stored intact. Please add it again.
error-login-required = Please log in (again). Your applications stay queued and are sent afterwards.
error-login-failed = Logging in did not work. Please try again.
error-browser-unavailable = The browser for logging in could not be opened. Please check that a browser is installed.
error-submission-refused = The state service did not accept this application. Please check the marked answers and send it again.
ui-crashed-title = The display needs to be reloaded
ui-crashed-body = An error occurred in the app. What you entered is saved on this device. Reload the display; if that does not help, restart the app.
ui-crashed-reload = Reload the display
error-place-needed = Your request goes to the office responsible where you live. Choose where you live in the settings; what you entered stays saved.
error-not-withdrawable = This application can no longer be withdrawn, for example because the authority has already decided.

# The printout of a sent application (#15)
error-printout-failed = The PDF file could not be saved. Your application is not affected. Please try again. If the storage is full, free some space first.
error-printout-open-failed = The PDF file could not be opened. It is at the path shown; open it there with a PDF program.

# Answering the authority (#18)
error-not-awaiting-reply = The authority is not waiting for an answer to this application.
error-document-missing = The document is not on this device yet. Please try again once you are online.
error-file-unreadable = A file could not be read. Please choose it again.
reply-problem-empty = Write an answer or add a document.
reply-problem-text-too-long = The answer is too long. It may have at most 5,000 characters.
reply-problem-too-many-documents = An answer can have at most 3 documents.
reply-problem-document-empty = The file “{ $name }” is empty.
reply-problem-document-too-large = The file “{ $name }” is larger than 5 MB.
reply-problem-document-type = The file “{ $name }” is not a PDF, JPEG or PNG.
error-notifications-refused = Your device does not allow the app to show notifications. They stay off. You can allow them for the ThüringenApp in your device settings and then try again here.

# A shared device's PIN (#14)
error-device-locked = This device is locked. The digital guide unlocks it with the PIN.
error-pin-unacceptable = The PIN must have 6 to 12 digits.
error-pin-wrong = This PIN is not correct. Please try again.
error-pin-wait = Too many wrong attempts. Please wait { $seconds } seconds and then try again.

# Handing a draft over (#14)
error-handover-code = This is not a handover code. A code has 16 characters, for example 7K3M-Q9XA-2B4C-D6EF. Please check it.
error-handover-unknown = Nothing is waiting under this code. Please check the code and try again.
error-handover-used = This code has already been used. A code works only once. Ask the other device to show a new one.
error-handover-expired = This code has expired (after 24 hours). Ask the other device to show a new one.
error-handover-damaged = The draft under this code is damaged and cannot be opened. Hand it over again from the other device.
error-handover-form-unknown = The app does not know this draft's form. Please update the app and try again.
error-handover-too-large = With its files the draft is too large to hand over. Remove large files and add them again on the phone.
error-handover-on-its-way = This application is already on its way to the authority and can no longer be handed over. You find it under “My applications”.
