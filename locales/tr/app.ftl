app-title = ThüringenApp
app-kopfzeile = Thüringen Eyaleti'nin bir hizmeti
app-skip-to-content = İçeriğe geç
app-loading = Yükleniyor …
app-language-switch = Dil
app-language-de = Deutsch
app-language-en = English
app-offline-title = Çevrimdışısınız
app-offline-body = Eyalet hizmetine şu anda ulaşılamıyor. Tüm hizmetler aranabilir olmaya devam eder ve girdiğiniz her şey bu cihazda kaydedilir.
app-catalog-updated = Hizmet kataloğu güncellendi.
app-help-115 = Sorularınız mı var? Resmî daireler numarası 115, pazartesiden cumaya saat 8 ile 18 arası.
app-about = Bu uygulama ve veri kaynakları hakkında
app-footer-nav = Alt bilgi
app-not-found = Bu sayfa mevcut değil.
app-back-home = Ana sayfaya
app-part-failed-title = Uygulamanın bu bölümü yüklenemedi
app-part-failed-body = Uygulama bu sayfanın program bölümünü açamadı. Girdikleriniz ve taslaklarınız kaydedildi. Lütfen tekrar deneyin; işe yaramazsa uygulamayı yeniden başlatın.
app-part-failed-retry = Tekrar dene
nav-label = Ana gezinme
nav-services = Hizmetler
nav-applications = Başvurularım
nav-inbox = Gelen kutusu
nav-inbox-unread = { $count ->
    [one] okunmamış mesaj
   *[other] okunmamış mesaj
}
nav-settings = Ayarlar
storage-notice-heading = Bu cihazdaki önceki verileriniz açılamadı
storage-notice-body = Bu yüzden uygulama yeniden başladı. Hiçbir şey silinmedi: Önceki veriler, uygulamanın veri klasöründe „{ $file }“ adıyla duruyor. Gönderilmiş başvurular kurumdadır. Taslaklar ve henüz gönderilmemiş başvurular kenara alınan verilerin içindedir; teknik destek bunları geri getirebilir, aksi hâlde lütfen yeniden başlayın.
storage-notice-help = Yardım: Resmî daireler numarası 115 (dosya adını söyleyin)
storage-notice-dismiss = Anladım

# Notifications through the operating system (#18): nothing personal, a locked screen shows them
notify-status-title = Başvurunuzla ilgili yenilik
notify-status-body = Yeni durumu görmek için ThüringenApp'i açın.
notify-message-title = Yeni mesaj
notify-message-body = Bir kurum size yazdı. Mesajı okumak için ThüringenApp'i açın.
notify-draft-title = Başvuru tamamlanmadı
notify-draft-body = Bir başvuruya başladınız ve henüz göndermediniz.
notify-deadline-title = Bir süre yakında doluyor
notify-deadline-body = Başladığınız bir başvurunun süresi yakında doluyor. ThüringenApp'i açın.
notify-expiry-title = Yakında sona eriyor
notify-expiry-body = Başvurularınızdan birine ait bir izin yakında sona eriyor. Uzatmayı unutmayın.
