# Privacy notice and legal notice of ThüringenApp (English; source: German).
# One message per paragraph. Evidence for each factual claim: ../FACTS.md

## Privacy notice

privacy-link = Privacy
privacy-heading = Privacy notice
privacy-intro = Under Article 13 of the General Data Protection Regulation (GDPR), this notice tells you which personal data ThüringenApp processes, for what purpose, on which legal basis, who receives it, how long it is kept and what rights you have. It describes what the app actually does according to its source code. “The app's server software” means the software published with the app for the state's server. What the Free State decides beyond that when running its server, it adds in the square brackets. The German version is the authoritative one.
privacy-pending = Note: the Free State of Thuringia (Freistaat Thüringen) will fill in the parts in square brackets before publication. Until then this notice is not complete.

privacy-summary-heading = The essentials
privacy-summary-device = What you enter in the app stays on your device first and is stored there encrypted. The Free State of Thuringia and the authorities have no access to your device.
privacy-summary-send = Data leaves your device only when you make it: when you log in, send an application or report a barrier. It goes encrypted to the server of the Free State of Thuringia and from there to the responsible office. In addition, the app asks the server for new forms and, when you are logged in, for the status of your applications.
privacy-summary-none = The app contains no advertising, no tracking, no usage analytics, no automatic crash reports and no third-party content.

privacy-controller-heading = Controller
privacy-controller = The controller for ThüringenApp is the Free State of Thuringia, represented by the ministry responsible for digitalisation: [To be added by the Free State of Thuringia before publication: name and address of the ministry, telephone, e-mail address].
privacy-controller-authorities = The processing of your application is the responsibility of the authority that is competent for the service and your place of residence. The app names it as the sender of the messages about your application. The privacy notice of that authority also applies to this processing.

privacy-dpo-heading = Data protection officer
privacy-dpo = You can reach the ministry's data protection officer at: [To be added by the Free State of Thuringia before publication: name or function, address, e-mail address].

privacy-device-heading = Data on your device
privacy-device-what = The app stores on your device: your drafts (each answer as soon as you enter it), attachments you add, the applications you sent with their processing status, the messages from the authorities, your place of residence, your settings (language, text size, contrast), the details you ask it to remember, and your reports of barriers. When you are logged in, it also stores the pseudonymous identifier of your account, so that it can assign drafts, applications and messages to you and not show them to other people using the same device.
privacy-device-protection = All this data is kept in a database encrypted with SQLCipher. The key (256 bits, generated at random on first start) is kept by your operating system's keychain, never in a file. Deleted entries are overwritten. Except on Windows, the app sets its data folder so that only your user account on the device can read it.
privacy-device-keychain = The operating system's keychain holds only the database key and, while you are logged in, the refresh token of your login. The app keeps the access token only in working memory.
privacy-device-purpose = The purpose is that the app works without a connection, that no input is lost and that you can find your applications and messages again. The legal basis is Article 6(1)(e) GDPR in conjunction with the Thuringian Data Protection Act (Thüringer Datenschutzgesetz, ThürDSG) and the Online Access Act (Onlinezugangsgesetz, OZG). For the remembered details, the legal basis is your consent (Article 6(1)(a) GDPR).
privacy-device-duration = The data stays on your device until you delete it. You can delete a draft on its own. Under “Settings”, “Delete my data from this device” deletes drafts, attachments, applications with their history, applications not yet sent (they will then not be sent), messages, remembered details, reports of barriers already sent and your place of residence, overwrites the deleted data and logs you out. What stays is the directory of services, the forms, the language and display settings, and reports of barriers not yet sent that hold no contact details: you asked for them to be sent, and they will still be sent. Reports not yet sent that hold your name, e-mail address or phone number are deleted with the rest of your data and not sent.
privacy-device-damaged = If the app can no longer read its database, it moves the file aside instead of deleting it and tells you. “Delete my data from this device” deletes such files too.

privacy-details-heading = Remembered details
privacy-details = After an application you can choose “Keep these details”. Only then does the app store your family name, given names, date of birth, address, e-mail address and telephone number, as you gave them in the application, encrypted on your device. They are not sent. The app fills them into a new form only when you choose to. The legal basis is your consent (Article 6(1)(a) GDPR). You withdraw it by choosing “Delete saved details” under “Settings”.

privacy-login-heading = Logging in
privacy-login-how = Searching, reading and drafts work without logging in. To send an application you log in. For this the app opens the login service of the Free State of Thuringia in your browser (OpenID Connect, OAuth 2.0 with PKCE): [To be added by the Free State of Thuringia before publication: name of the login service and of the user account]. You enter your password or identity card data only there, never in the app. The browser hands the login back to the app through an address on your own device (127.0.0.1).
privacy-login-data = After you log in, the app receives from the state's server a pseudonymous identifier of your account, your name as the account holds it, and the trust level of the login. The app only displays the name and the trust level and keeps them in working memory. It stores the identifier on the device to assign your data to you.
privacy-login-tokens = A login consists of an access token, which the app's server software accepts for 15 minutes, and a refresh token, which is valid for 90 days and replaced at every renewal. The server stores tokens only as hashes and deletes them when they expire. When you log out, the app deletes all tokens on your device and asks the server to end the login.
privacy-login-basis = The purpose is to recognise you securely, so that your application is assigned to you and only you see your applications and messages. The legal basis is Article 6(1)(e) GDPR in conjunction with the Online Access Act (OZG) and the Thuringian Data Protection Act (ThürDSG).

privacy-applications-heading = Sending applications
privacy-applications-what = When you send an application and are logged in, the app sends over an encrypted connection (HTTPS with a fixed server key) to the server of the Free State of Thuringia: the service (its key in the federal service catalogue LeiKa), the form and its version, your answers, your attachments with file name, file type, size and checksum, the official key of your place of residence, and a random identifier of the application so that a repeated attempt does not arrive twice. An application is sent only under the account it belongs to. An application you wrote without logging in is sent only after you log in and choose “Send with my account”. Before that, the app encrypts your answers on your device for the authority responsible (end-to-end encryption with the authority's key, confirmed by the Free State of Thuringia). The state's server stores them only encrypted. It encrypts your attachments with their file names and file types in the same way; the state's server sees only their size. Without a place of residence there is no responsible authority: then answers and attachments are encrypted only on the way.
privacy-applications-recipient = The state's server forwards the application to the office that is competent for the service at your place of residence. Recipients are that office and the state's server as a technical intermediary. [To be added by the Free State of Thuringia before publication: who operates the server, where applicable as a processor, and by which route applications reach the authorities].
privacy-applications-status = While you are logged in and online, the app asks the state's server about once a minute for the processing status of your applications and for new messages. It stores messages and status on your device.
privacy-applications-basis = The purpose is the processing of your application by the competent office. The legal basis is Article 6(1)(e) GDPR in conjunction with the law on which the service is based and the Online Access Act (OZG). Where a service requires special categories of data, such as health data, the legal basis is also Article 9(2) GDPR with that law. The form shows which details are mandatory. Without them the office cannot process your application.
privacy-applications-duration = If sending an application was started but never completed, the app's server software deletes the attachments already transferred after 24 hours. It keeps the other details of such an application (service, key of the place of residence, file names of the attachments). For sent applications, their status and the messages it contains no deletion period. [To be added by the Free State of Thuringia before publication: how long the state's server keeps applications, attachments and messages]. How long the competent office keeps your application depends on the retention rules that apply to it.

privacy-replies-heading = Answers to the authority and documents from the authority
privacy-replies-what = If the authority needs something more for your application, you can answer in the app. The app stores your text and your documents encrypted on your device and sends them, as soon as you are logged in and online, to the state's server: the text, the documents with file name and file type, and a random identifier of the answer, so that it does not arrive twice when repeated. The app first encrypts text and documents for the competent authority (end-to-end encryption). The state's server stores them only encrypted. The legal basis is the same as for the application.
privacy-replies-documents = If an authority sends a document with its message (for example a decision), the app downloads it with the message and stores it encrypted on your device. If you choose “Save document”, the app puts an unencrypted copy into your “Downloads” folder. “Delete my data from this device” deletes answers, documents and these copies.
privacy-notifications-heading = Notifications
privacy-notifications = The app shows notifications only if you allow them under “Settings”: about a new status, a new message, an application you started, and deadlines and end dates from your applications. Your device's operating system shows them; the app uses no push service and no server for this. The texts name no names, no service and no contents. The app stores on your device which reminders it has already shown. The legal basis is your consent (Article 6(1)(a) GDPR). You withdraw it by switching notifications off in the settings.

privacy-reports-heading = Reporting barriers
privacy-reports-what = You can report a barrier without logging in. The app sends to the state's server: where the barrier is, what happened, which assistive technology you use (optional), the language of the app and a random identifier of the report. It sends your name, e-mail address and telephone number only if you choose “I would like an answer”. Without this wish it sends no contact details.
privacy-reports-basis = The purpose is to remove the barrier and to reply to you if you wish. The legal basis is Article 6(1)(e) GDPR in conjunction with Article 7 of Directive (EU) 2016/2102 and the Thuringian Act on the Inclusion and Equality of People with Disabilities (Thüringer Gesetz zur Inklusion und Gleichstellung von Menschen mit Behinderungen, ThürGIG). For your contact details the legal basis is your consent (Article 6(1)(a) GDPR), which you can withdraw at any time with the controller.
privacy-reports-duration = On your device the report stays stored until it is sent, and afterwards with its reference number until you delete your data. The app's server software keeps reports without a deletion period. [To be added by the Free State of Thuringia before publication: who handles reports and how long they are kept].

privacy-connection-heading = Directory of services and connection
privacy-connection-catalog = At start, the app asks the state's server without logging in whether there is a new directory of services or new forms, and checks whether the server can be reached. It sends no personal data in doing so, only the name and version of the app.
privacy-connection-ip = With every connection the server receives your device's IP address. The app's server software uses it only in working memory, to limit too many requests without a login. For logged-in requests it uses a hash of the account identifier instead. It counts failed login attempts per user name in working memory and blocks a user name for 15 minutes after five failed attempts. It writes no IP addresses of citizens to files or logs. [To be added by the Free State of Thuringia before publication: whether and for how long the state's servers log connection data].
privacy-connection-basis = The legal basis is Article 6(1)(e) GDPR in conjunction with the Thuringian Data Protection Act (ThürDSG). The purpose is to run the app up to date, reachable and secure.

privacy-logs-heading = Logs
privacy-logs = The app keeps no log with personal data and sends no logs. Technical messages, such as that the database could not be opened, go only to the device's error output, without any content of your applications. The app's server software does not log answers, names, tokens or the content of reports.

privacy-none-heading = What the app does not do
privacy-none = The app uses no cookies, no advertising, no tracking, no usage analytics and no automatic crash reports. Under its security rules its pages may not load anything from the internet, including fonts or images from third parties. The app sends data only to the server of the Free State of Thuringia.
privacy-none-third-country = There is no transfer to countries outside the European Union or to international organisations.
privacy-none-automated = Neither the app nor the state's server makes automated decisions about you or creates a profile (Article 22 GDPR). The competent office decides on your application under the law that applies to the service.
privacy-none-stores = If you download the app from an app store, its operator processes data under its own responsibility. For logging in, the app opens your browser. The privacy terms of these providers apply. The login page of the app's server software sets only one technically necessary cookie in your browser, which protects the login form and expires after 30 minutes.

privacy-rights-heading = Your rights
privacy-rights = You have the right of access (Article 15 GDPR), to rectification (Article 16), to erasure (Article 17), to restriction of processing (Article 18) and, where processing is based on your consent, to data portability (Article 20). You can object to processing under Article 6(1)(e) GDPR on grounds relating to your particular situation (Article 21).
privacy-rights-consent = You can withdraw consent at any time with effect for the future. Processing up to the withdrawal remains lawful.
privacy-rights-contact = To exercise your rights, contact the controller or the data protection officer. For your application itself, the competent authority is your contact. Data that is only on your device you can view and delete in the app yourself.
privacy-complaint = You can lodge a complaint with a supervisory authority. The competent one is: Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit (TLfDI, the Thuringian Commissioner for Data Protection and Freedom of Information), Häßlerstraße 8, 99096 Erfurt, Germany, www.tlfdi.de.

privacy-version-heading = Date
privacy-version = This notice is dated 5 December 2026. If what the app does with data changes, we will update it.

## Legal notice

imprint-link = Legal notice
imprint-heading = Legal notice (Impressum)
imprint-intro = Information under § 5 of the Digital Services Act (Digitale-Dienste-Gesetz, DDG) and § 18 of the Interstate Media Treaty (Medienstaatsvertrag, MStV).
imprint-pending = Note: the Free State of Thuringia will fill in the parts in square brackets before publication. Until then this legal notice is not complete.

imprint-provider-heading = Provider
imprint-provider = Free State of Thuringia (Freistaat Thüringen), represented by the ministry responsible for digitalisation: [To be added by the Free State of Thuringia before publication: name of the ministry and of the minister who represents it].
imprint-address = Address: [To be added by the Free State of Thuringia before publication: street, number, postcode, town].

imprint-contact-heading = Contact
imprint-contact = [To be added by the Free State of Thuringia before publication: telephone and e-mail address for questions about the app].
imprint-contact-115 = Questions about public services are answered by the public service number 115.

imprint-responsible-heading = Responsible for the content
imprint-responsible = Responsible under § 18(2) MStV: [To be added by the Free State of Thuringia before publication: name and address].

imprint-authorities-heading = Content from the authorities
imprint-authorities = The competent authority is responsible for the messages in the app's inbox and for processing the applications. Fees, documents and responsibilities in the descriptions of services are given to the best of our knowledge. The information of the competent office is binding.

imprint-licence-heading = Source code and licence
imprint-licence = ThüringenApp is free software. Its source code is licensed under the EUPL-1.2 (European Union Public Licence, version 1.2). [To be added by the Free State of Thuringia before publication: address where the source code is published].

imprint-data-heading = Data sources
imprint-data-leika = Services: 4,813 services of the German federal service catalogue (Leistungskatalog der öffentlichen Verwaltung, LeiKa), taken from the OZG database of kdn (kdn-nrw/OZG-Datenbank-NRW), MIT licence, Copyright (c) 2020 Gert Hammes.
imprint-data-places = Places: the municipalities of Thuringia with their official municipality keys from the annex of the Mietniveau-Einstufungsverordnung (Federal Law Gazette BGBl. I 2021, pp. 3739–3885, territorial status 25 January 2021, an official work under § 5 of the German Copyright Act), the districts and district-free cities with their keys from official sources, and the postcodes from GeoNames (www.geonames.org), licence CC BY 4.0, via zauberware/postal-codes-json-xml-csv, filtered to Thuringia.
imprint-data-own = The descriptions, fees, documents and English names of the services and the forms in the XDatenfelder format were written by the ThüringenApp project itself (EUPL-1.2). XDatenfelder is a standard of the Federal Information Management (Föderales Informationsmanagement, FIM); no content of the FIM catalogue is included. The check of names under DIN SPEC 91379 uses the character list String.Latin+ 1.2, licence CC BY 4.0.
imprint-data-full = The complete notices on sources and licences are in the app under “About this app and data sources”.
