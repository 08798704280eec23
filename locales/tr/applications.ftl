applications-heading = Başvurularım
applications-open-heading = Buradan devam edin
applications-drafts = Taslaklar
applications-no-drafts = Taslak yok.
applications-outbox = Gönderilmeyi bekliyor
applications-no-outbox = Gönderilmeyi bekleyen bir şey yok.
applications-sent = Gönderildi
applications-no-sent = Henüz gönderilmiş başvuru yok.
applications-updated = Son değişiklik: { $time }
applications-progress = { $required } zorunlu bilgiden { $answered } tanesi verildi
applications-withdraw = Taslağı sil
applications-withdraw-title = Taslak gerçekten silinsin mi?
applications-withdraw-body = Bu taslaktaki bilgileriniz ve ekleriniz bu cihazdan silinir. Bu geri alınamaz.
applications-withdraw-cancel = Hayır, sakla
applications-withdraw-confirm = Evet, taslağı sil
applications-not-found = Bu başvuru bulunamadı.
applications-just-sent = Başvurunuz kaydedildi ve bağlantı kurulur kurulmaz gönderilecek. Başka bir şey yapmanız gerekmez.
applications-status = Durum
applications-timeline = Geçmiş
applications-what-was-sent = Gönderdikleriniz
applications-attachments = Ekler
status-draft = Taslak
status-queued = Gönderilmeyi bekliyor
status-sending = Gönderiliyor
status-initiated = Gönderim başladı
status-submitted = Gönderildi
status-received = Kuruma ulaştı
status-processing = İşleniyor
status-action-required = Katkınız gerekiyor
status-completed = Tamamlandı
status-rejected = Reddedildi
status-draft-explained = Başvuruyu henüz göndermediniz.
status-queued-explained = Başvuru bu cihazda güvenle kaydedildi ve bağlantı kurulur kurulmaz gönderilecek.
status-sending-explained = Başvuru ve ekleri şu anda aktarılıyor.
status-initiated-explained = Aktarım başladı ve otomatik olarak devam edecek.
status-submitted-explained = Başvuru tamamen aktarıldı.
status-received-explained = Yetkili kurum başvurunuzu aldı.
status-processing-explained = Kurum başvurunuzu işliyor.
status-action-required-explained = Kurumun sizden bir şeye ihtiyacı var. Gelen kutunuza bakın.
status-completed-explained = Kurum başvurunuz hakkında karar verdi. Kararı gelen kutunuzda bulabilirsiniz.
status-rejected-explained = Kurum başvuruyu reddetti. Gerekçeler geçmişte ve gelen kutusunda yer alıyor.
applications-messages = Kurumun mesajları
applications-just-sent-login = Başvurunuz bu cihazda güvenle kaydedildi. Giriş yapar yapmaz gönderilecek.
waiting-login = Girişinizi bekliyor.
waiting-login-count = { $count ->
    [one] Bir başvuru girişinizi bekliyor. Göndermek için giriş yapmanız gerekiyor.
   *[other] { $count } başvuru girişinizi bekliyor. Göndermek için giriş yapmanız gerekiyor.
}
waiting-connection = Gönderim henüz başarılı olmadı. Uygulama kendiliğinden denemeye devam ediyor, siz de şimdi deneyebilirsiniz.
sending-log-in = Giriş yap ve gönder
sending-log-in-pending = Lütfen tarayıcıda giriş yapın. Ardından başvurunuz gönderilecek.
sending-now = Şimdi gönder
waiting-claim = Bu başvuru bu cihazda giriş yapılmadan oluşturuldu. Ancak siz onu hesabınızla gönderdiğinizde gönderilir. Sizin başvurunuz değilse, dokunmayın.
waiting-claim-count = { $count ->
    [one] Bir başvuru bu cihazda giriş yapılmadan oluşturuldu. Hesabınızla göndermek için açın.
   *[other] { $count } başvuru bu cihazda giriş yapılmadan oluşturuldu. Hesabınızla göndermek için birini açın.
}
sending-claim = Hesabımla gönder
refusal-heading = Eyalet hizmetinin itiraz ettiği noktalar
refusal-other = Bu bilgi kabul edilmedi.
refusal-correct = Başvuruyu düzelt
refusal-correct-explained = Başvurunuz yeniden bir taslak oldu. Belirtilen bilgileri düzeltin ve yeniden gönderin; girdiklerinizden hiçbiri kaybolmadı.
refusal-resent = Başvuruyu zaten düzelttiniz ve yeniden gönderdiniz. Yeni durumu „Başvurularım“ altında bulabilirsiniz.
