settings-heading = Ayarlar
settings-language = Uygulamanın dili
settings-text-size = Yazı boyutu
settings-text-normal = Normal boyut
settings-text-large = Büyük (%150)
settings-text-largest = Çok büyük (%200)
settings-high-contrast = Yüksek kontrast
settings-home = Yaşadığınız yer
settings-home-current = Seçilen: { $name }
settings-home-none = Henüz yaşadığınız yer seçilmedi.
settings-home-search = Posta kodu veya yerin adı
settings-home-hint = Örneğin 99084 veya Weimar. Ardından yetkili makamları gösteririz.
settings-home-results = { $count ->
    [0] Yer bulunamadı
    [one] { $count } yer bulundu
   *[other] { $count } yer bulundu
}
settings-account = Hesap
settings-logged-in = { $name } olarak giriş yapıldı
settings-logged-out = Giriş yapmadınız. Arama ve taslaklar hesap olmadan da çalışır.
settings-needs-login = Bekleyen başvuruların gönderilmesi için lütfen yeniden giriş yapın.
settings-log-in = Giriş yap
settings-log-out = Çıkış yap
settings-forget = Verilerimi bu cihazdan sil
settings-forget-hint = Ortak kullanılan bir cihaz için, örneğin bir dijital rehberde: oturumunuzu kapatır ve bu cihazdaki taslaklarınızı, başvurularınızı ve mesajlarınızı siler.
settings-forget-title = Verileriniz bu cihazdan silinsin mi?
settings-forget-body = Taslaklar, başvurular, mesajlar ve yaşadığınız yer bu cihazdan silinir ve oturumunuz kapatılır. Gönderilmiş başvurular kurumda kalır; bunlarla ilgili mesajları bir sonraki girişinizden sonra yeniden alırsınız. İletişim bilgilerinizi içeren, henüz gönderilmemiş engel bildirimleri de silinir. Uygulamanın sizin için kaydettiği PDF dosyaları da silinir.
settings-forget-unsent = { $count ->
    [one] Bir başvuru henüz gönderilmedi. O zaman gönderilmeyecek.
   *[other] { $count } başvuru henüz gönderilmedi. O zaman gönderilmeyecekler.
}
settings-forget-cancel = İptal
settings-forget-confirm = Sil ve çıkış yap
settings-forgotten = Verileriniz bu cihazdan silindi ve oturumunuz kapatıldı.
settings-details = Kayıtlı bilgiler
settings-details-kept = Başvurularınız için bu cihazda kayıtlı: { $details }.
settings-details-forget = Kayıtlı bilgileri sil
settings-legal = Yasal bilgiler

# Notifications (#18)
settings-notifications = Bildirimler
settings-notifications-hint = Uygulama arka planda çalışırken size haber verebilir. Bildirimlerde isim ve içerik yer almaz, çünkü bildirimler kilitli ekranda görünebilir.
settings-notifications-enabled = Bildirimlere izin ver
settings-notifications-kinds = Uygulamanın size haber verdiği konular
settings-notifications-status = Bir başvurunun yeni durumu
settings-notifications-messages = Bir kurumdan yeni mesaj
settings-notifications-drafts = Başladığınız bir başvuru için hatırlatma (3 gün sonra)
settings-notifications-dates = Başvurularınızdaki süreler ve bitiş tarihleri (örneğin taşındıktan sonra 2 hafta içinde adres değişikliği, sakin park kartının sona ermesi)

# Assisted sessions on a shared device (#14)
settings-visit = Bu cihazda danışmanlık oturumu
settings-visit-intro = Ortak kullanılan bir cihazdaki dijital rehberler (Digitallotsen) için: Danışmanlık oturumunda ziyaretçi başvurularını ayrı, şifreli bir depoda doldurur ve yalnızca bu oturum için giriş yapar. Oturum sona erdiğinde ya da { $minutes } dakika boyunca giriş yapılmadığında uygulama bunların tümünü bu cihazdan siler. Kendi verileriniz olduğu gibi kalır.
settings-visit-start = Yeni danışmanlık oturumu başlat
visit-running = Danışmanlık oturumu sürüyor
visit-running-body = Bu oturumda girdiğiniz her şeyi uygulama, oturum sona erdiğinde ve ayrıca { $minutes } dakika boyunca giriş yapılmadığında bu cihazdan siler.
visit-end = Oturumu sonlandır
visit-unsent-title = Henüz her şey gönderilmedi
visit-unsent-body = Taslaklar: { $drafts }. Henüz ulaşmamış başvurular: { $applications }. Oturumu şimdi sonlandırırsanız bunlar silinir. Göndermek için „Başvurularım“ bölümünü açın ve giriş yapın.
visit-unsent-to-applications = „Başvurularım“ bölümüne git
visit-unsent-discard = Sil ve oturumu sonlandır

# A shared device's PIN (#14)
settings-shared = Ortak kullanılan cihaz
settings-shared-intro = Bir PIN ile bu cihazı danışmanlık oturumları arasında kilitlersiniz: Bir oturum sona erdikten sonra, siz PIN'i girene kadar kimse kendi başvurularınızı, mesajlarınızı veya oturum açma bilgilerinizi göremez.
settings-shared-pin = PIN (6 ile 12 rakam)
settings-shared-pin-again = PIN'i tekrarlayın
settings-shared-mismatch = İki PIN birbiriyle eşleşmiyor.
settings-shared-set = Ortak kullanılan cihaz olarak ayarla
settings-shared-on = Bu cihaz ortak kullanılan cihaz olarak ayarlandı.
settings-shared-lock = Cihazı şimdi kilitle
settings-shared-off = Ortak kullanımı sonlandır
lock-heading = Bu cihaz kilitli
lock-intro = Danışmanlık mı istiyorsunuz? Yeni bir danışmanlık oturumu başlatın. Dijital rehber cihazın kilidini PIN ile açar.
lock-pin = PIN
lock-unlock = Kilidi aç

# The Digitallotse's record of sessions (#14)
visit-report = Bu cihazdaki danışmanlık oturumlarım
visit-report-day = { $date }: { $sessions } oturum, bunlardan { $sent } tanesinde başvuru gönderildi

# The last minutes of an idle session (#14)
visit-ending-title = Oturum yakında sona erecek
visit-ending-body = Bir süredir giriş yapılmadı. { $seconds } saniye sonra bu oturum sona erer ve gönderilmemiş her şey silinir.
visit-continue = Oturuma devam et
