app-title = ThüringenApp
app-kopfzeile = Сервіс Вільної землі Тюрингія
app-skip-to-content = Перейти до вмісту
app-loading = Завантаження …
app-language-switch = Мова
app-language-de = Deutsch
app-language-en = English
app-offline-title = Ви офлайн
app-offline-body = Державний сервіс зараз недоступний. Усі послуги можна й далі шукати, а все, що ви вводите, зберігається на цьому пристрої.
app-catalog-updated = Каталог послуг оновлено.
app-help-115 = Питання? Номер органів влади 115, з понеділка по п’ятницю з 8 до 18 години.
app-about = Про цей застосунок і джерела даних
app-footer-nav = Нижній колонтитул
app-not-found = Такої сторінки не існує.
app-back-home = На головну сторінку
app-part-failed-title = Не вдалося завантажити цю частину застосунку
app-part-failed-body = Застосунку не вдалося відкрити програмний модуль цієї сторінки. Ваші дані та чернетки збережено. Спробуйте ще раз; якщо не допоможе, перезапустіть застосунок.
app-part-failed-retry = Спробувати ще раз
nav-label = Головна навігація
nav-services = Послуги
nav-applications = Мої заяви
nav-inbox = Поштова скринька
nav-inbox-unread = { $count ->
    [one] непрочитане повідомлення
    [few] непрочитані повідомлення
    [many] непрочитаних повідомлень
   *[other] непрочитаного повідомлення
}
nav-settings = Налаштування
storage-notice-heading = Ваші попередні дані на цьому пристрої не вдалося відкрити
storage-notice-body = Тому застосунок почав роботу заново. Нічого не видалено: попередні дані лежать під назвою «{ $file }» у папці даних застосунку. Заяви, які вже було надіслано, є в органі влади. Чернетки та ще не надіслані заяви містяться у відкладених даних; технічна підтримка може їх відновити, інакше, будь ласка, почніть їх заново.
storage-notice-help = Допомога: номер органів влади 115 (назвіть назву файлу)
storage-notice-dismiss = Зрозуміло

# Notifications through the operating system (#18): nothing personal, a locked screen shows them
notify-status-title = Новини щодо вашої заяви
notify-status-body = Відкрийте ThüringenApp, щоб побачити новий стан.
notify-message-title = Нове повідомлення
notify-message-body = Орган влади написав вам. Відкрийте ThüringenApp, щоб прочитати повідомлення.
notify-draft-title = Заяву не завершено
notify-draft-body = Ви почали заяву й ще не надіслали її.
notify-deadline-title = Незабаром спливає строк
notify-deadline-body = Для заяви, яку ви почали, незабаром спливає строк. Відкрийте ThüringenApp.
notify-expiry-title = Незабаром закінчується
notify-expiry-body = Дозвіл з однієї з ваших заяв незабаром закінчується. Не забудьте його продовжити.
