# Тексти повідомлень модуля форм (domain::form::MESSAGE_IDS).
form-field-required = Будь ласка, заповніть це поле.
form-type-mismatch = Ці дані мають не ту форму, яку очікували. Будь ласка, введіть їх знову.
form-text-single-line = Будь ласка, напишіть усе в один рядок.
form-text-too-short = Будь ласка, введіть щонайменше { $min } символів.
form-text-too-long = Будь ласка, скоротіть до { $max } символів.
form-text-pattern = Ці дані мають не ту форму, яка потрібна. Будь ласка, зверніть увагу на підказку до поля.
form-text-latin = Символ «{ $char }» ми тут не можемо прийняти. Будь ласка, використовуйте латинські літери (також з діакритичними знаками).
form-number-invalid = Будь ласка, введіть число, наприклад 12 або 12,5.
form-number-not-integer = Будь ласка, введіть ціле число без коми.
form-number-too-small = Число має бути не менше { $min }.
form-number-too-large = Число має бути не більше { $max }.
form-number-too-many-decimals = Будь ласка, не більше { $scale } знаків після коми.
form-money-invalid = Будь ласка, введіть суму в євро.
form-money-too-small = Сума має бути не менше { $min }.
form-money-too-large = Сума має бути не більше { $max }.
form-date-invalid = Будь ласка, введіть дійсну дату.
form-date-in-past = Дата не може бути в минулому.
form-date-in-future = Дата не може бути в майбутньому.
form-date-too-early = Дата не може бути раніше { $limit }.
form-date-too-late = Дата не може бути пізніше { $limit }.
form-time-invalid = Будь ласка, введіть час, наприклад 08:30.
form-datetime-invalid = Будь ласка, введіть дату й час.
form-choice-unknown = Такого варіанта (більше) немає. Будь ласка, виберіть заново.
form-choice-too-few = Будь ласка, виберіть щонайменше { $min }.
form-choice-too-many = Будь ласка, виберіть не більше { $max }.
form-email-invalid = Будь ласка, введіть дійсну адресу електронної пошти, наприклад name@beispiel.de.
form-phone-invalid = Будь ласка, введіть номер телефону з кодом, наприклад 0361 123456.
form-iban-invalid = Це не IBAN. Німецький IBAN починається з DE і має 22 знаки.
form-iban-checksum = IBAN містить помилку. Будь ласка, перевірте кожну цифру.
form-postal-code-invalid = Будь ласка, введіть поштовий індекс із 5 цифр.
form-municipality-invalid = Будь ласка, виберіть громаду зі списку.
form-attachment-type = Файл { $name } має формат, який ми не можемо прийняти. Дозволено: { $accepted }.
form-attachment-too-large = Файл { $name } завеликий. Можна не більше { $max_mb } МБ.
form-attachment-too-few = Будь ласка, завантажте щонайменше { $min } { $min ->
        [one] файл
        [few] файли
       *[other] файлів
    }.
form-attachment-too-many = Будь ласка, завантажте не більше { $max } { $max ->
        [one] файлу
       *[other] файлів
    }.
form-repeat-too-few = Будь ласка, вкажіть щонайменше { $min } { $min ->
        [one] запис
        [few] записи
       *[other] записів
    }.
form-repeat-too-many = Будь ласка, вкажіть не більше { $max } { $max ->
        [one] запису
       *[other] записів
    }.
form-confirmation-required = Будь ласка, підтвердіть цю заяву, щоб надіслати заяву.
form-end-before-start = Дата завершення не може бути раніше дати початку.
form-move-in-too-late = Ви заселилися { $days } днів тому. Реєстрацію потрібно здійснити протягом двох тижнів; ви все одно можете продовжити.
form-person-too-young = Вам має бути щонайменше { $min_age } років.
form-building-height-exceeds = Для цього класу будівлі висота будівлі не може перевищувати { $max } м. Будь ласка, перевірте клас будівлі.
form-area-sum-mismatch = Дані про площі не узгоджуються між собою. Будь ласка, перевірте їх.
form-parking-shortfall = Бракує ще { $missing } паркувальних місць. Будь ласка, перевірте підтвердження паркувальних місць.
form-renewable-share-low = Нові системи опалення, як правило, мають використовувати щонайменше { $min } % відновлюваної енергії.
form-smoke-alarm-required = У Тюрингії димові сповіщувачі обов’язкові.
form-business-start-too-far = Початок припадає більш ніж на три місяці в майбутньому. Будь ласка, перевірте дату.
form-synthetic-check = Порушено тестове правило.
form-check-failed = Ці дані не узгоджуються з вашими іншими даними. Будь ласка, перевірте їх.
form-consent-required = Без вашої згоди установа не може розглянути ваше звернення. Будь ласка, підтвердіть її, щоб надіслати звернення.
