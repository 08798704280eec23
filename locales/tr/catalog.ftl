catalog-heading = Thüringen'deki hizmetler
catalog-search-label = Hizmet ara
catalog-search-hint = Örneğin „Ummeldung“ (adres değişikliği), „Parkausweis“ (park kartı) veya „Hundesteuer“ (köpek vergisi)
catalog-result-count = { $count ->
    [0] Hizmet bulunamadı
    [one] { $count } hizmet bulundu
   *[other] { $count } hizmet bulundu
}
catalog-showing-first = İlk { $shown } hizmet gösteriliyor. Başkalarını bulmak için aramanızı daraltın.
catalog-no-results = Uygun bir hizmet yok. Yazımı kontrol edin veya 115'i arayın.
catalog-featured = Sık kullanılanlar
catalog-life-situation = Yaşam durumu
catalog-leika-key = Hizmet anahtarı { $key }
catalog-fees = Harçlar
catalog-duration = İşlem süresi
catalog-source-seed = Katalog durumu: uygulamayla birlikte gelen
catalog-source-state-api = Katalog durumu: eyalet hizmetinden
catalog-all-life-situations = Tüm yaşam durumları
catalog-place = Yetkili makamı şu yer için göster
catalog-no-place = Yer seçme
catalog-local-only = Yalnızca belediyenin veya ilçenin hizmetleri
catalog-responsible = Yetkili
guides-heading = Adım adım
guides-intro = Hayatınızda bir şey değiştiğinde ne yapmanız gerekir? Burada sırasıyla yazıyor.
guide-link = Adım adım: { $name }
guide-when = Ne zaman
guide-office = Yetkili kurum
guide-needs-place = Oturduğunuz yeri seçin, her adımda yetkili kurum gösterilir.
guide-apply-own = Uygulamada başvurun
guide-apply-general = Uygulamadan talep gönderin
