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
