settings-heading = Настройки
settings-language = Язык приложения
settings-text-size = Размер шрифта
settings-text-normal = Обычный
settings-text-large = Крупный (150 %)
settings-text-largest = Очень крупный (200 %)
settings-high-contrast = Высокая контрастность
settings-home = Ваше место жительства
settings-home-current = Выбрано: { $name }
settings-home-none = Место жительства ещё не выбрано.
settings-home-search = Почтовый индекс или название населённого пункта
settings-home-hint = Например, 99084 или Weimar. Тогда мы покажем ответственные учреждения.
settings-home-results = { $count ->
    [0] Населённый пункт не найден
    [one] Найден { $count } населённый пункт
    [few] Найдено { $count } населённых пункта
    [many] Найдено { $count } населённых пунктов
   *[other] Найдено { $count } населённого пункта
}
settings-account = Учётная запись
settings-logged-in = Вы вошли как { $name }
settings-logged-out = Вы не вошли в систему. Поиск и черновики работают и без учётной записи.
settings-needs-login = Пожалуйста, войдите снова, чтобы ожидающие заявления были отправлены.
settings-log-in = Войти
settings-log-out = Выйти
settings-forget = Удалить мои данные с этого устройства
settings-forget-hint = Для общего устройства, например у цифрового помощника: выполняет выход и удаляет ваши черновики, заявления и сообщения на этом устройстве.
settings-forget-title = Удалить ваши данные с этого устройства?
settings-forget-body = Черновики, заявления, сообщения и ваше место жительства будут удалены с этого устройства, и вы выйдете из учётной записи. Отправленные заявления остаются в ведомстве; сообщения по ним вы снова получите после следующего входа. Ещё не отправленные сообщения о барьерах с вашими контактными данными тоже удаляются. Файлы PDF, которые приложение сохранило для вас, тоже будут удалены.
settings-forget-unsent = { $count ->
    [one] { $count } заявление ещё не отправлено. Тогда оно не будет отправлено.
    [few] { $count } заявления ещё не отправлены. Тогда они не будут отправлены.
    [many] { $count } заявлений ещё не отправлены. Тогда они не будут отправлены.
   *[other] { $count } заявления ещё не отправлены. Тогда они не будут отправлены.
}
settings-forget-cancel = Отмена
settings-forget-confirm = Удалить и выйти
settings-forgotten = Ваши данные удалены с этого устройства, и вы вышли из учётной записи.
settings-details = Сохранённые данные
settings-details-kept = Сохранено на этом устройстве для ваших заявлений: { $details }.
settings-details-forget = Удалить сохранённые данные
settings-legal = Правовая информация

# Notifications (#18)
settings-notifications = Уведомления
settings-notifications-hint = Приложение может оповещать вас, пока работает в фоновом режиме. Уведомления не содержат ни имён, ни содержания, потому что они могут появляться на заблокированном экране.
settings-notifications-enabled = Разрешить уведомления
settings-notifications-kinds = О чём оповещает приложение
settings-notifications-status = Новое состояние заявления
settings-notifications-messages = Новое сообщение от ведомства
settings-notifications-drafts = Напоминание о начатом заявлении (через 3 дня)
