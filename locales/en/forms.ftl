# Texts of the form engine messages (domain::form::MESSAGE_IDS).
form-field-required = Please fill in this field.
form-type-mismatch = This answer is not in the expected form. Please enter it again.
form-text-single-line = Please write everything on one line.
form-text-too-short = Please enter at least { $min } characters.
form-text-too-long = Please shorten this to at most { $max } characters.
form-text-pattern = This answer is not in the required form. Please see the hint for this field.
form-text-latin = We cannot accept the character “{ $char }” here. Please use Latin letters (accents are fine).
form-number-invalid = Please enter a number, for example 12 or 12.5.
form-number-not-integer = Please enter a whole number.
form-number-too-small = The number must be at least { $min }.
form-number-too-large = The number must be at most { $max }.
form-number-too-many-decimals = Please use at most { $scale } decimal places.
form-money-invalid = Please enter an amount in euros.
form-money-too-small = The amount must be at least { $min }.
form-money-too-large = The amount must be at most { $max }.
form-date-invalid = Please enter a valid date.
form-date-in-past = The date cannot be in the past.
form-date-in-future = The date cannot be in the future.
form-date-too-early = The date cannot be before { $limit }.
form-date-too-late = The date cannot be after { $limit }.
form-time-invalid = Please enter a time, for example 08:30.
form-datetime-invalid = Please enter a date and a time.
form-choice-unknown = This option does not exist (any more). Please choose again.
form-choice-too-few = Please choose at least { $min }.
form-choice-too-many = Please choose at most { $max }.
form-email-invalid = Please enter a valid email address, for example name@example.com.
form-phone-invalid = Please enter a phone number with area code, for example 0361 123456.
form-iban-invalid = This is not an IBAN. A German IBAN starts with DE and has 22 characters.
form-iban-checksum = This IBAN has a typo. Please check every digit.
form-postal-code-invalid = Please enter a postal code with 5 digits.
form-municipality-invalid = Please choose a municipality from the list.
form-attachment-type = The file { $name } has a format we cannot accept. Allowed: { $accepted }.
form-attachment-too-large = The file { $name } is too large. At most { $max_mb } MB are possible.
form-attachment-too-few = Please upload at least { $min } { $min ->
        [one] file
       *[other] files
    }.
form-attachment-too-many = Please upload at most { $max } { $max ->
        [one] file
       *[other] files
    }.
form-repeat-too-few = Please add at least { $min } { $min ->
        [one] entry
       *[other] entries
    }.
form-repeat-too-many = Please add at most { $max } { $max ->
        [one] entry
       *[other] entries
    }.
form-confirmation-required = Please confirm this declaration to send the application.
form-end-before-start = The end date cannot be before the start date.
form-move-in-too-late = You moved in { $days } days ago. Registration is due within two weeks; you can still go on.
form-person-too-young = You must be at least { $min_age } years old.
form-building-height-exceeds = For this building class the building may be at most { $max } m high. Please check the building class.
form-area-sum-mismatch = The area figures do not add up. Please check them.
form-parking-shortfall = { $missing } parking spaces are still missing. Please check the parking provision.
form-renewable-share-low = New heating systems usually have to use at least { $min } % renewable energy.
form-smoke-alarm-required = Smoke alarms are mandatory in Thuringia.
form-business-start-too-far = The start is more than three months away. Please check the date.
form-synthetic-check = Test rule broken.
form-check-failed = This answer does not fit your other answers. Please check it.
form-consent-required = Without your consent the office cannot deal with your request. Please confirm it to send the request.
