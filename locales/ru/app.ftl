app-title = ThüringenApp
app-kopfzeile = Сервис Свободной земли Тюрингия
app-skip-to-content = Перейти к содержимому
app-loading = Загрузка …
app-language-switch = Язык
app-language-de = Deutsch
app-language-en = English
app-offline-title = Вы не в сети
app-offline-body = Государственный сервис сейчас недоступен. Все услуги по-прежнему можно искать, а всё, что вы вводите, сохраняется на этом устройстве.
app-catalog-updated = Каталог услуг обновлён.
app-help-115 = Вопросы? Номер ведомств 115, с понедельника по пятницу с 8 до 18 часов.
app-about = Об этом приложении и источниках данных
app-footer-nav = Нижний колонтитул
app-not-found = Такой страницы нет.
app-back-home = На главную страницу
app-part-failed-title = Не удалось загрузить эту часть приложения
app-part-failed-body = Приложению не удалось открыть программный модуль этой страницы. Ваши данные и черновики сохранены. Попробуйте ещё раз; если не поможет, перезапустите приложение.
app-part-failed-retry = Попробовать ещё раз
nav-label = Главная навигация
nav-services = Услуги
nav-applications = Мои заявления
nav-inbox = Почтовый ящик
nav-inbox-unread = { $count ->
    [one] непрочитанное сообщение
    [few] непрочитанных сообщения
    [many] непрочитанных сообщений
   *[other] непрочитанного сообщения
}
nav-settings = Настройки
storage-notice-heading = Ваши прежние данные на этом устройстве не удалось открыть
storage-notice-body = Поэтому приложение начало работу заново. Ничего не удалено: прежние данные лежат под именем «{ $file }» в папке данных приложения. Заявления, которые уже были отправлены, находятся в ведомстве. Черновики и ещё не отправленные заявления содержатся в отложенных данных; техническая поддержка может их восстановить, иначе, пожалуйста, начните их заново.
storage-notice-help = Помощь: номер ведомств 115 (назовите имя файла)
storage-notice-dismiss = Понятно

# Notifications through the operating system (#18): nothing personal, a locked screen shows them
notify-status-title = Новости по вашему заявлению
notify-status-body = Откройте ThüringenApp, чтобы увидеть новое состояние.
notify-message-title = Новое сообщение
notify-message-body = Ведомство написало вам. Откройте ThüringenApp, чтобы прочитать сообщение.
notify-draft-title = Заявление не завершено
notify-draft-body = Вы начали заявление и ещё не отправили его.
notify-deadline-title = Скоро истекает срок
notify-deadline-body = Для заявления, которое вы начали, скоро истекает срок. Откройте ThüringenApp.
notify-expiry-title = Скоро заканчивается
notify-expiry-body = Разрешение по одному из ваших заявлений скоро заканчивается. Не забудьте его продлить.
