settings-heading = Налаштування
settings-language = Мова застосунку
settings-text-size = Розмір шрифту
settings-text-normal = Звичайний
settings-text-large = Великий (150 %)
settings-text-largest = Дуже великий (200 %)
settings-high-contrast = Висока контрастність
settings-home = Ваше місце проживання
settings-home-current = Вибрано: { $name }
settings-home-none = Місце проживання ще не вибрано.
settings-home-search = Поштовий індекс або назва населеного пункту
settings-home-hint = Наприклад, 99084 або Weimar. Тоді ми покажемо відповідальні установи.
settings-home-results = { $count ->
    [0] Населений пункт не знайдено
    [one] Знайдено { $count } населений пункт
    [few] Знайдено { $count } населені пункти
    [many] Знайдено { $count } населених пунктів
   *[other] Знайдено { $count } населеного пункту
}
settings-account = Обліковий запис
settings-logged-in = Ви увійшли як { $name }
settings-logged-out = Ви не увійшли. Пошук і чернетки працюють і без облікового запису.
settings-needs-login = Будь ласка, увійдіть знову, щоб заяви, які очікують, було надіслано.
settings-log-in = Увійти
settings-log-out = Вийти
settings-forget = Видалити мої дані з цього пристрою
settings-forget-hint = Для спільного пристрою, наприклад у цифрового помічника: виходить із вашого облікового запису та видаляє ваші чернетки, заяви й повідомлення на цьому пристрої.
settings-forget-title = Видалити ваші дані з цього пристрою?
settings-forget-body = Чернетки, заяви, повідомлення та ваше місце проживання буде видалено з цього пристрою, а вас буде виведено з облікового запису. Надіслані заяви залишаються в органі влади; повідомлення щодо них ви знову отримаєте після наступного входу. Ще не надіслані повідомлення про бар’єри з вашими контактними даними також видаляються. Файли PDF, які застосунок зберіг для вас, також буде видалено.
settings-forget-unsent = { $count ->
    [one] { $count } заяву ще не надіслано. Тоді її не буде надіслано.
    [few] { $count } заяви ще не надіслано. Тоді їх не буде надіслано.
    [many] { $count } заяв ще не надіслано. Тоді їх не буде надіслано.
   *[other] { $count } заяви ще не надіслано. Тоді їх не буде надіслано.
}
settings-forget-cancel = Скасувати
settings-forget-confirm = Видалити й вийти
settings-forgotten = Ваші дані видалено з цього пристрою, і ви вийшли з облікового запису.
settings-details = Збережені дані
settings-details-kept = Збережено на цьому пристрої для ваших заяв: { $details }.
settings-details-forget = Видалити збережені дані
settings-legal = Правова інформація

# Notifications (#18)
settings-notifications = Сповіщення
settings-notifications-hint = Застосунок може сповіщати вас, поки працює у фоновому режимі. Сповіщення не містять ні імен, ні вмісту, бо вони можуть з’являтися на заблокованому екрані.
settings-notifications-enabled = Дозволити сповіщення
settings-notifications-kinds = Про що сповіщає застосунок
settings-notifications-status = Новий стан заяви
settings-notifications-messages = Нове повідомлення від органу влади
settings-notifications-drafts = Нагадування про розпочату заяву (через 3 дні)
settings-notifications-dates = Строки й дати завершення з ваших заяв (наприклад, зміна реєстрації протягом 2 тижнів після в’їзду, закінчення дозволу на паркування для мешканців)

# Assisted sessions on a shared device (#14)
settings-visit = Консультація на цьому пристрої
settings-visit-intro = Для цифрових помічників (Digitallotsen) на спільному пристрої: під час консультації відвідувач заповнює свої заяви в окремому зашифрованому сховищі та входить до системи лише для цієї консультації. Після завершення консультації або через { $minutes } хвилин без введення застосунок видаляє все це з цього пристрою. Ваші власні дані залишаються без змін.
settings-visit-start = Почати нову консультацію
visit-running = Триває консультація
visit-running-body = Усе, що ви вводите під час цієї консультації, застосунок видалить із цього пристрою після її завершення, а також через { $minutes } хвилин без введення.
visit-end = Завершити консультацію
visit-unsent-title = Ще не все надіслано
visit-unsent-body = Чернетки: { $drafts }. Заяви, які ще не надійшли: { $applications }. Якщо ви зараз завершите консультацію, їх буде видалено. Щоб надіслати їх, відкрийте «Мої заяви» та увійдіть.
visit-unsent-to-applications = До «Мої заяви»
visit-unsent-discard = Видалити й завершити консультацію

# A shared device's PIN (#14)
settings-shared = Спільний пристрій
settings-shared-intro = За допомогою PIN-коду ви блокуєте цей пристрій між консультаціями: після завершення консультації ніхто не бачить ваших власних заяв, повідомлень чи вашого входу, доки ви не введете PIN-код.
settings-shared-pin = PIN-код (6–12 цифр)
settings-shared-pin-again = Повторіть PIN-код
settings-shared-mismatch = Два PIN-коди не збігаються.
settings-shared-set = Налаштувати як спільний пристрій
settings-shared-on = Цей пристрій налаштовано як спільний.
settings-shared-lock = Заблокувати пристрій зараз
settings-shared-off = Припинити спільне використання
lock-heading = Цей пристрій заблоковано
lock-intro = Бажаєте отримати консультацію? Почніть нову консультацію. Цифровий помічник розблоковує пристрій за допомогою PIN-коду.
lock-pin = PIN-код
lock-unlock = Розблокувати

# The Digitallotse's record of sessions (#14)
visit-report = Мої консультації на цьому пристрої
visit-report-day = { $date }: консультацій: { $sessions }, з них з надісланою заявою: { $sent }

# The last minutes of an idle session (#14)
visit-ending-title = Консультація скоро завершиться
visit-ending-body = Уже деякий час нічого не вводилося. Через { $seconds } секунд ця консультація завершиться, і все, що не надіслано, буде видалено.
visit-continue = Продовжити консультацію
