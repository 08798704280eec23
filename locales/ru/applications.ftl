applications-heading = Мои заявления
applications-open-heading = Продолжить здесь
applications-drafts = Черновики
applications-no-drafts = Черновиков нет.
applications-outbox = Ожидают отправки
applications-no-outbox = Ничто не ожидает отправки.
applications-sent = Отправлено
applications-no-sent = Отправленных заявлений пока нет.
applications-updated = Последнее изменение: { $time }
applications-progress = Заполнено { $answered } из { $required } обязательных полей
applications-withdraw = Удалить черновик
applications-withdraw-title = Действительно удалить черновик?
applications-withdraw-body = Ваши данные и вложения в этом черновике будут удалены с этого устройства. Это нельзя отменить.
applications-withdraw-cancel = Нет, оставить
applications-withdraw-confirm = Да, удалить черновик
applications-not-found = Это заявление не найдено.
applications-just-sent = Ваше заявление сохранено и будет отправлено, как только появится соединение. Больше ничего делать не нужно.
applications-status = Состояние
applications-timeline = История
applications-what-was-sent = Что вы отправили
applications-attachments = Вложения
status-draft = Черновик
status-queued = Ожидает отправки
status-sending = Отправляется
status-initiated = Отправка начата
status-submitted = Отправлено
status-received = Поступило в ведомство
status-processing = На рассмотрении
status-action-required = Требуется ваше участие
status-completed = Завершено
status-rejected = Отклонено
status-draft-explained = Вы ещё не отправили заявление.
status-queued-explained = Заявление надёжно сохранено на этом устройстве и будет отправлено, как только появится соединение.
status-sending-explained = Заявление и его вложения сейчас передаются.
status-initiated-explained = Передача началась и продолжится автоматически.
status-submitted-explained = Заявление передано полностью.
status-received-explained = Ответственное ведомство получило ваше заявление.
status-processing-explained = Ведомство рассматривает ваше заявление.
status-action-required-explained = Ведомству что-то нужно от вас. Загляните в почтовый ящик.
status-completed-explained = Ведомство приняло решение по вашему заявлению. Решение вы найдёте в почтовом ящике.
status-rejected-explained = Ведомство отклонило заявление. Причины указаны в истории и в почтовом ящике.
applications-messages = Сообщения ведомства
applications-just-sent-login = Ваше заявление надёжно сохранено на этом устройстве. Оно будет отправлено, как только вы войдёте.
waiting-login = Ожидает вашего входа.
waiting-login-count = { $count ->
    [one] { $count } заявление ожидает вашего входа. Чтобы отправить, нужно войти.
    [few] { $count } заявления ожидают вашего входа. Чтобы отправить, нужно войти.
    [many] { $count } заявлений ожидают вашего входа. Чтобы отправить, нужно войти.
   *[other] { $count } заявления ожидают вашего входа. Чтобы отправить, нужно войти.
}
waiting-connection = Отправить пока не удалось. Приложение продолжает попытки само, вы также можете попробовать сейчас.
sending-log-in = Войти и отправить
sending-log-in-pending = Пожалуйста, войдите в браузере. После этого ваше заявление будет отправлено.
sending-now = Отправить сейчас
waiting-claim = Это заявление подано на этом устройстве без входа. Оно будет отправлено, только когда вы отправите его со своей учётной записи. Если это не ваше заявление, не трогайте его.
waiting-claim-count = { $count ->
    [one] { $count } заявление подано на этом устройстве без входа. Откройте его, чтобы отправить со своей учётной записи.
    [few] { $count } заявления поданы на этом устройстве без входа. Откройте одно из них, чтобы отправить со своей учётной записи.
    [many] { $count } заявлений подано на этом устройстве без входа. Откройте одно из них, чтобы отправить со своей учётной записи.
   *[other] { $count } заявления подано на этом устройстве без входа. Откройте одно из них, чтобы отправить со своей учётной записи.
}
sending-claim = Отправить с моей учётной записи
refusal-heading = Что отметил государственный сервис
refusal-other = Эти данные не приняты.
refusal-correct = Исправить заявление
refusal-correct-explained = Ваше заявление снова стало черновиком. Исправьте указанные данные и отправьте его снова; ничего из того, что вы ввели, не потеряно.
refusal-resent = Вы уже исправили заявление и отправили его снова. Новое состояние вы найдёте в разделе «Мои заявления».
status-withdrawn = Отозвано
status-withdrawn-explained = Вы отозвали заявление. Ведомство больше его не рассматривает.
submission-withdraw = Отозвать заявление
submission-withdraw-hint = Пока ведомство не приняло решение, вы можете отозвать заявление. Для этого нужны соединение и ваш вход.
submission-withdraw-title = Действительно отозвать заявление?
submission-withdraw-body = Тогда ведомство больше не будет рассматривать заявление. Это нельзя отменить: если вы передумаете, подайте новое заявление.
submission-withdraw-confirm = Отозвать
submission-withdraw-cancel = Не отзывать
