applications-heading = Мої заяви
applications-open-heading = Продовжити тут
applications-drafts = Чернетки
applications-no-drafts = Чернеток немає.
applications-outbox = Очікують надсилання
applications-no-outbox = Ніщо не очікує надсилання.
applications-sent = Надіслано
applications-no-sent = Надісланих заяв ще немає.
applications-updated = Востаннє змінено: { $time }
applications-progress = Заповнено { $answered } з { $required } обов’язкових полів
applications-withdraw = Видалити чернетку
applications-withdraw-title = Справді видалити чернетку?
applications-withdraw-body = Ваші дані й додатки в цій чернетці буде видалено з цього пристрою. Цю дію не можна скасувати.
applications-withdraw-cancel = Ні, залишити
applications-withdraw-confirm = Так, видалити чернетку
applications-not-found = Цю заяву не знайдено.
applications-just-sent = Вашу заяву збережено, і її буде надіслано, щойно з’явиться з’єднання. Більше нічого робити не потрібно.
applications-status = Стан
applications-timeline = Історія
applications-what-was-sent = Що ви надіслали
applications-attachments = Додатки
status-draft = Чернетка
status-queued = Очікує надсилання
status-sending = Надсилається
status-initiated = Надсилання розпочато
status-submitted = Надіслано
status-received = Надійшло до органу влади
status-processing = На розгляді
status-action-required = Потрібна ваша участь
status-completed = Завершено
status-rejected = Відхилено
status-draft-explained = Ви ще не надіслали заяву.
status-queued-explained = Заяву надійно збережено на цьому пристрої, і її буде надіслано, щойно з’явиться з’єднання.
status-sending-explained = Заява та її додатки саме передаються.
status-initiated-explained = Передавання почалося і триватиме автоматично.
status-submitted-explained = Заяву передано повністю.
status-received-explained = Відповідальний орган влади отримав вашу заяву.
status-processing-explained = Орган влади розглядає вашу заяву.
status-action-required-explained = Органу влади щось потрібно від вас. Загляньте до поштової скриньки.
status-completed-explained = Орган влади ухвалив рішення щодо вашої заяви. Рішення ви знайдете в поштовій скриньці.
status-rejected-explained = Орган влади відхилив заяву. Причини вказано в історії та в поштовій скриньці.
applications-messages = Повідомлення органу влади
applications-just-sent-login = Вашу заяву надійно збережено на цьому пристрої. Її буде надіслано, щойно ви увійдете.
waiting-login = Очікує вашого входу.
waiting-login-count = { $count ->
    [one] { $count } заява очікує вашого входу. Щоб надіслати, потрібно увійти.
    [few] { $count } заяви очікують вашого входу. Щоб надіслати, потрібно увійти.
    [many] { $count } заяв очікують вашого входу. Щоб надіслати, потрібно увійти.
   *[other] { $count } заяви очікують вашого входу. Щоб надіслати, потрібно увійти.
}
waiting-connection = Надіслати ще не вдалося. Застосунок і далі пробує сам, ви також можете спробувати зараз.
sending-log-in = Увійти й надіслати
sending-log-in-pending = Будь ласка, увійдіть у браузері. Після цього вашу заяву буде надіслано.
sending-now = Надіслати зараз
waiting-claim = Цю заяву подано на цьому пристрої без входу. Її буде надіслано лише тоді, коли ви надішлете її зі свого облікового запису. Якщо це не ваша заява, не чіпайте її.
waiting-claim-count = { $count ->
    [one] { $count } заяву подано на цьому пристрої без входу. Відкрийте її, щоб надіслати зі свого облікового запису.
    [few] { $count } заяви подано на цьому пристрої без входу. Відкрийте одну з них, щоб надіслати зі свого облікового запису.
    [many] { $count } заяв подано на цьому пристрої без входу. Відкрийте одну з них, щоб надіслати зі свого облікового запису.
   *[other] { $count } заяви подано на цьому пристрої без входу. Відкрийте одну з них, щоб надіслати зі свого облікового запису.
}
sending-claim = Надіслати з мого облікового запису
refusal-heading = Що заперечив державний сервіс
refusal-other = Ці дані не прийнято.
refusal-correct = Виправити заяву
refusal-correct-explained = Ваша заява знову є чернеткою. Виправте зазначені дані й надішліть її ще раз; нічого з того, що ви ввели, не втрачено.
refusal-resent = Ви вже виправили заяву й надіслали її знову. Новий стан ви знайдете в розділі «Мої заяви».
status-withdrawn = Відкликано
status-withdrawn-explained = Ви відкликали заяву. Орган більше її не розглядає.
submission-withdraw = Відкликати заяву
submission-withdraw-hint = Поки орган не ухвалив рішення, ви можете відкликати заяву. Для цього потрібні з’єднання та ваш вхід.
submission-withdraw-title = Справді відкликати заяву?
submission-withdraw-body = Тоді орган більше не розглядатиме заяву. Це не можна скасувати: якщо ви передумаєте, подайте нову заяву.
submission-withdraw-confirm = Відкликати
submission-withdraw-cancel = Не відкликати
receipt-heading = Підтвердження отримання
receipt-reference = Номер у державній службі
receipt-hash = Контрольна сума ваших даних (SHA-512)
receipt-hash-full = Показати всю контрольну суму
receipt-matches = Державна служба отримала саме ті дані, які надіслав ваш пристрій: контрольна сума збігається.
receipt-differs = Увага: контрольна сума державної служби не збігається з даними, які надіслав ваш пристрій. Зверніться, будь ласка, за номером 115.
receipt-explained = За номером і контрольною сумою ви згодом можете довести, які дані надійшли.
