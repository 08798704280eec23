error-storage = Bu cihazdaki veriler okunamadı veya kaydedilemedi. Şimdiye kadar girdikleriniz korunur. Boş depolama alanını kontrol edin ve uygulamayı yeniden başlatın.
error-network = Eyalet hizmetine ulaşılamıyor. Verileriniz cihazda kalır ve daha sonra gönderilir.
error-invalid-request = Bu istek işlenemedi. Lütfen yeniden deneyin.
error-internal = Bir şeyler ters gitti. Girdikleriniz kaydedildi. Uygulamayı yeniden başlatın; bu işe yaramazsa 115'i arayın.
error-app-unavailable = Uygulama ortamı yanıt vermiyor. Uygulamayı yeniden başlatın.
error-disk-full = Bu cihazın belleği dolu. Hiçbir şeyin üzerine yazılmadı; şimdiye kadar girdikleriniz korunur. Yer açın ve yeniden deneyin.
error-not-found = Bu kayıt bu cihazda (artık) yok. Genel görünümü yeniden yükleyin.
error-form-broken = Bu form şu anda açılamıyor. Girdikleriniz kayıtlı kalır. Lütfen daha sonra yeniden deneyin veya 115'i arayın.
error-keychain-locked = Bu cihazın anahtar zinciri kilitli. Kilidini açın (örneğin cihazda oturum açarak) ve uygulamayı yeniden başlatın. Hiçbir şey korumasız kaydedilmedi.
error-keychain-unavailable = Bu cihazda anahtar zinciri yok, bu nedenle uygulama verilerinizi şifreli olarak kaydedemiyor. Hiçbir şey korumasız kaydedilmedi. Bir anahtar zinciri kurun veya BT biriminize başvurun.
error-already-submitted = Bu başvuru zaten gönderildi ve artık değiştirilemez.
error-attachment-too-large = Dosya çok büyük. En fazla { $limit_mb } MB'ye izin verilir.
error-attachment-corrupt = Dosya hasarsız kaydedilemedi. Lütfen yeniden ekleyin.
error-login-required = Lütfen (yeniden) giriş yapın. Başvurularınız kuyrukta kalır ve ardından gönderilir.
error-login-failed = Giriş başarısız oldu. Lütfen yeniden deneyin.
error-browser-unavailable = Giriş için tarayıcı açılamadı. Lütfen bir tarayıcının kurulu olup olmadığını kontrol edin.
error-submission-refused = Eyalet hizmeti bu başvuruyu kabul etmedi. Lütfen işaretlenen bilgileri kontrol edin ve yeniden gönderin.
ui-crashed-title = Görünümün yeniden yüklenmesi gerekiyor
ui-crashed-body = Uygulamada bir hata oluştu. Girdikleriniz bu cihazda kayıtlı. Görünümü yeniden yükleyin; bu işe yaramazsa uygulamayı yeniden başlatın.
ui-crashed-reload = Görünümü yeniden yükle
error-place-needed = Talebiniz, yaşadığınız yerde yetkili olan makama gider. Bunun için ayarlardan yaşadığınız yeri seçin; girdikleriniz kayıtlı kalır.
error-not-withdrawable = Bu başvuru artık geri çekilemez, örneğin kurum zaten karar verdiği için.

# The printout of a sent application (#15)
error-printout-failed = PDF dosyası kaydedilemedi. Başvurunuz bundan etkilenmez. Lütfen tekrar deneyin. Bellek doluysa önce yer açın.
error-printout-open-failed = PDF dosyası açılamadı. Dosya gösterilen yolda duruyor; orada bir PDF programıyla açın.

# Answering the authority (#18)
error-not-awaiting-reply = Kurum bu başvuru için yanıt beklemiyor.
error-document-missing = Belge henüz bu cihazda değil. Çevrimiçi olduğunuzda lütfen yeniden deneyin.
error-file-unreadable = Bir dosya okunamadı. Lütfen dosyayı yeniden seçin.
reply-problem-empty = Bir yanıt yazın veya bir belge ekleyin.
reply-problem-text-too-long = Yanıt çok uzun. En fazla 5.000 karakter olabilir.
reply-problem-too-many-documents = Bir yanıtta en fazla 3 belge olabilir.
reply-problem-document-empty = „{ $name }“ dosyası boş.
reply-problem-document-too-large = „{ $name }“ dosyası 5 MB'den büyük.
reply-problem-document-type = „{ $name }“ dosyası PDF, JPEG veya PNG değil.
error-notifications-refused = Cihazınız uygulamanın bildirim göstermesine izin vermiyor. Bildirimler kapalı kalır. Cihaz ayarlarınızda ThüringenApp için izin verebilir ve ardından burada yeniden deneyebilirsiniz.

# A shared device's PIN (#14)
error-device-locked = Bu cihaz kilitli. Dijital rehber cihazın kilidini PIN ile açar.
error-pin-unacceptable = PIN 6 ile 12 rakamdan oluşmalıdır.
error-pin-wrong = Bu PIN doğru değil. Lütfen tekrar deneyin.
error-pin-wait = Çok fazla yanlış deneme. Lütfen { $seconds } saniye bekleyin ve sonra tekrar deneyin.

# Handing a draft over (#14)
error-handover-code = Bu bir aktarım kodu değil. Kod 16 karakterden oluşur, örneğin 7K3M-Q9XA-2B4C-D6EF. Lütfen kontrol edin.
error-handover-unknown = Bu kodla bekleyen bir şey yok. Lütfen kodu kontrol edip tekrar deneyin.
error-handover-used = Bu kod zaten kullanıldı. Bir kod yalnızca bir kez çalışır. Diğer cihazdan yeni bir kod gösterilmesini isteyin.
error-handover-expired = Bu kodun süresi doldu (24 saat sonra). Diğer cihazdan yeni bir kod gösterilmesini isteyin.
error-handover-damaged = Bu koddaki taslak bozuk ve açılamıyor. Diğer cihazdan yeniden aktarın.
error-handover-form-unknown = Uygulama bu taslağın formunu tanımıyor. Lütfen uygulamayı güncelleyip tekrar deneyin.
error-handover-too-large = Taslak dosyalarıyla birlikte aktarım için çok büyük. Büyük dosyaları kaldırın ve telefonda yeniden ekleyin.
error-handover-on-its-way = Bu başvuru zaten kuruma gönderiliyor ve artık aktarılamaz. Onu „Başvurularım“ bölümünde bulabilirsiniz.
