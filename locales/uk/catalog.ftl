catalog-heading = Послуги в Тюрингії
catalog-search-label = Шукати послугу
catalog-search-hint = Наприклад, «Ummeldung» (зміна реєстрації), «Parkausweis» (дозвіл на паркування) або «Hundesteuer» (податок на собак)
catalog-result-count = { $count ->
    [0] Послугу не знайдено
    [one] Знайдено { $count } послугу
    [few] Знайдено { $count } послуги
    [many] Знайдено { $count } послуг
   *[other] Знайдено { $count } послуги
}
catalog-showing-first = Показано перші { $shown }. Уточніть пошук, щоб знайти інші.
catalog-no-results = Відповідної послуги немає. Перевірте написання або зателефонуйте за номером 115.
catalog-featured = Часто використовувані
catalog-life-situation = Життєва ситуація
catalog-leika-key = Код послуги { $key }
catalog-fees = Збори
catalog-duration = Тривалість розгляду
catalog-source-seed = Стан каталогу: постачається разом із застосунком
catalog-source-state-api = Стан каталогу: від державного сервісу
catalog-all-life-situations = Усі життєві ситуації
catalog-place = Показати відповідальність для
catalog-no-place = Не вибирати населений пункт
catalog-local-only = Лише послуги громади або району
catalog-responsible = Відповідальна установа
guides-heading = Крок за кроком
guides-intro = Що потрібно зробити, коли у житті щось змінюється? Тут усе по черзі.
guide-link = Крок за кроком: { $name }
guide-when = Коли
guide-office = Відповідальний орган
guide-needs-place = Виберіть місце проживання, і для кожного кроку буде вказано відповідальний орган.
guide-apply-own = Подати заяву в застосунку
guide-apply-general = Надіслати звернення в застосунку
