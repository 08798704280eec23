# Form modülünün mesaj metinleri (domain::form::MESSAGE_IDS).
form-field-required = Lütfen bu alanı doldurun.
form-type-mismatch = Bu bilgi beklenen biçimde değil. Lütfen yeniden girin.
form-text-single-line = Lütfen her şeyi tek satıra yazın.
form-text-too-short = Lütfen en az { $min } karakter girin.
form-text-too-long = Lütfen en fazla { $max } karaktere kısaltın.
form-text-pattern = Bu bilgi istenen biçimde değil. Lütfen alanın açıklamasına dikkat edin.
form-text-latin = „{ $char }“ karakterini burada kabul edemiyoruz. Lütfen Latin harfleri kullanın (aksanlı olanlar da olur).
form-number-invalid = Lütfen bir sayı girin, örneğin 12 veya 12,5.
form-number-not-integer = Lütfen virgülsüz bir tam sayı girin.
form-number-too-small = Sayı en az { $min } olmalıdır.
form-number-too-large = Sayı en fazla { $max } olabilir.
form-number-too-many-decimals = Lütfen virgülden sonra en fazla { $scale } basamak.
form-money-invalid = Lütfen avro cinsinden bir tutar girin.
form-money-too-small = Tutar en az { $min } olmalıdır.
form-money-too-large = Tutar en fazla { $max } olabilir.
form-date-invalid = Lütfen geçerli bir tarih girin.
form-date-in-past = Tarih geçmişte olamaz.
form-date-in-future = Tarih gelecekte olamaz.
form-date-too-early = Tarih { $limit } tarihinden önce olamaz.
form-date-too-late = Tarih { $limit } tarihinden sonra olamaz.
form-time-invalid = Lütfen bir saat girin, örneğin 08:30.
form-datetime-invalid = Lütfen tarih ve saati girin.
form-choice-unknown = Bu seçenek (artık) yok. Lütfen yeniden seçin.
form-choice-too-few = Lütfen en az { $min } tane seçin.
form-choice-too-many = Lütfen en fazla { $max } tane seçin.
form-email-invalid = Lütfen geçerli bir e-posta adresi girin, örneğin name@beispiel.de.
form-phone-invalid = Lütfen alan koduyla birlikte bir telefon numarası girin, örneğin 0361 123456.
form-iban-invalid = Bu bir IBAN değil. Alman IBAN'ı DE ile başlar ve 22 hanelidir.
form-iban-checksum = IBAN'da bir yazım hatası var. Lütfen her rakamı kontrol edin.
form-postal-code-invalid = Lütfen 5 haneli bir posta kodu girin.
form-municipality-invalid = Lütfen listeden bir belediye seçin.
form-attachment-type = { $name } dosyasının biçimini kabul edemiyoruz. İzin verilenler: { $accepted }.
form-attachment-too-large = { $name } dosyası çok büyük. En fazla { $max_mb } MB mümkündür.
form-attachment-too-few = Lütfen en az { $min } { $min ->
        [one] dosya
       *[other] dosya
    } yükleyin.
form-attachment-too-many = Lütfen en fazla { $max } { $max ->
        [one] dosya
       *[other] dosya
    } yükleyin.
form-repeat-too-few = Lütfen en az { $min } { $min ->
        [one] kayıt
       *[other] kayıt
    } girin.
form-repeat-too-many = Lütfen en fazla { $max } { $max ->
        [one] kayıt
       *[other] kayıt
    } girin.
form-confirmation-required = Başvuruyu göndermek için lütfen bu beyanı onaylayın.
form-end-before-start = Bitiş tarihi başlangıç tarihinden önce olamaz.
form-move-in-too-late = Taşınmanızın üzerinden { $days } gün geçti. Kayıt iki hafta içinde yapılmalıdır; yine de devam edebilirsiniz.
form-person-too-young = En az { $min_age } yaşında olmalısınız.
form-building-height-exceeds = Bu bina sınıfında bina en fazla { $max } m yüksekliğinde olabilir. Lütfen bina sınıfını kontrol edin.
form-area-sum-mismatch = Alan bilgileri birbiriyle uyuşmuyor. Lütfen kontrol edin.
form-parking-shortfall = Hâlâ { $missing } otopark yeri eksik. Lütfen otopark belgesini kontrol edin.
form-renewable-share-low = Yeni ısıtma sistemleri kural olarak en az %{ $min } yenilenebilir enerji kullanmalıdır.
form-smoke-alarm-required = Thüringen'de duman dedektörleri zorunludur.
form-business-start-too-far = Başlangıç üç aydan daha ileri bir tarihte. Lütfen tarihi kontrol edin.
form-synthetic-check = Test kuralı ihlal edildi.
form-check-failed = Bu bilgi diğer bilgilerinizle uyuşmuyor. Lütfen kontrol edin.
form-consent-required = Onayınız olmadan makam talebinizi işleme alamaz. Talebi göndermek için lütfen onaylayın.
