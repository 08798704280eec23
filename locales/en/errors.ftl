error-storage = The data on this device could not be read or saved. What you entered so far is kept. Check the free storage space and restart the app.
error-network = The state service cannot be reached. Your data stays on this device and will be sent later.
error-invalid-request = This request could not be processed. Please try again.
error-internal = Something went wrong. Your entries are saved. Restart the app; if that does not help, call 115.
error-app-unavailable = The app environment does not answer. Restart the app.
error-disk-full = This device is out of storage. Nothing was overwritten; what you entered so far is kept. Free some space and try again.
