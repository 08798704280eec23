catalog-heading = Услуги в Тюрингии
catalog-search-label = Искать услугу
catalog-search-hint = Например, «Ummeldung» (смена регистрации), «Parkausweis» (разрешение на парковку) или «Hundesteuer» (налог на собак)
catalog-result-count = { $count ->
    [0] Услуга не найдена
    [one] Найдена { $count } услуга
    [few] Найдено { $count } услуги
    [many] Найдено { $count } услуг
   *[other] Найдено { $count } услуги
}
catalog-showing-first = Показаны первые { $shown }. Уточните поиск, чтобы найти другие.
catalog-no-results = Подходящей услуги нет. Проверьте написание или позвоните по номеру 115.
catalog-featured = Часто используемые
catalog-life-situation = Жизненная ситуация
catalog-leika-key = Код услуги { $key }
catalog-fees = Сборы
catalog-duration = Срок рассмотрения
catalog-source-seed = Состояние каталога: поставляется вместе с приложением
catalog-source-state-api = Состояние каталога: от государственного сервиса
catalog-all-life-situations = Все жизненные ситуации
catalog-place = Показать ответственных для
catalog-no-place = Не выбирать населённый пункт
catalog-local-only = Только услуги общины или района
catalog-responsible = Ответственное учреждение
guides-heading = Шаг за шагом
guides-intro = Что нужно сделать, когда в жизни что-то меняется? Здесь всё по порядку.
guide-link = Шаг за шагом: { $name }
guide-when = Когда
guide-office = Ответственное ведомство
guide-needs-place = Выберите место жительства, и для каждого шага будет указано ответственное ведомство.
guide-apply-own = Подать заявление в приложении
guide-apply-general = Отправить обращение в приложении
