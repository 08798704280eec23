# ThüringenApp gizlilik bildirimi ve künye (Türkçe; kaynak: Almanca).
# Her paragraf bir mesajdır. Her olgunun kanıtı: ../FACTS.md

## Gizlilik bildirimi

privacy-link = Veri koruma
privacy-heading = Gizlilik bildirimi (Datenschutzerklärung)
privacy-intro = Bu bildirim, Genel Veri Koruma Tüzüğü'nün (DSGVO / GDPR) 13. maddesi uyarınca ThüringenApp'in hangi kişisel verileri, hangi amaçla ve hangi hukuki dayanakla işlediğini, bu verileri kimin aldığını, ne kadar süre saklandığını ve hangi haklara sahip olduğunuzu açıklar. Uygulamanın kaynak koduna göre gerçekte ne yaptığını anlatır. „Uygulamanın sunucu yazılımı“ ile, uygulamayla birlikte eyalet sunucusu için yayımlanan yazılım kastedilmektedir. Özgür Eyalet'in sunucusunu işletirken bunun ötesinde belirlediklerini köşeli parantezler içinde tamamlayacaktır. Bağlayıcı olan Almanca metindir.
privacy-pending = Not: Köşeli parantez içindeki bilgileri Thüringen Özgür Eyaleti (Freistaat Thüringen) yayından önce tamamlayacaktır. O zamana kadar bu bildirim eksiktir.

privacy-summary-heading = Kısaca en önemli noktalar
privacy-summary-device = Uygulamaya girdiğiniz her şey önce cihazınızda kalır ve orada şifreli olarak saklanır. Thüringen Özgür Eyaleti'nin ve kurumların cihazınıza erişimi yoktur.
privacy-summary-send = Veriler cihazınızdan yalnızca siz bunu başlattığınızda çıkar: oturum açtığınızda, bir başvuru gönderdiğinizde veya bir engeli bildirdiğinizde. Veriler şifreli olarak Thüringen Özgür Eyaleti'nin sunucusuna, oradan da yetkili makama gider. Ayrıca uygulama sunucuya yeni formları ve, oturumunuz açıksa, başvurularınızın durumunu sorar.
privacy-summary-none = Uygulamada reklam, izleme, kullanım analizi, otomatik çökme raporu ve üçüncü taraf içeriği yoktur.

privacy-controller-heading = Sorumlu kurum
privacy-controller = ThüringenApp'ten sorumlu olan, dijitalleşmeden sorumlu bakanlık tarafından temsil edilen Thüringen Özgür Eyaleti'dir: [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: bakanlığın adı ve adresi, telefon, e-posta adresi].
privacy-controller-authorities = Başvurunuzun işlenmesinden, hizmet ve ikamet yeriniz için yetkili olan kurum sorumludur. Uygulama bu kurumu başvurunuzla ilgili mesajların göndereni olarak gösterir. Bu işleme için ayrıca o kurumun gizlilik bildirimi geçerlidir.

privacy-dpo-heading = Veri koruma görevlisi
privacy-dpo = Bakanlığın veri koruma görevlisine şu adresten ulaşabilirsiniz: [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: ad veya görev, adres, e-posta adresi].

privacy-device-heading = Cihazınızdaki veriler
privacy-device-what = Uygulama cihazınızda şunları saklar: taslaklarınız (her yanıt, girdiğiniz anda), eklediğiniz ekler, gönderdiğiniz başvurular ve işlem durumları, kurumlardan gelen mesajlar, ikamet yeriniz, ayarlarınız (dil, yazı boyutu, kontrast), hatırlamasını istediğiniz bilgiler ve engel bildirimleriniz. Oturum açtığınızda ayrıca hesabınızın takma adlı tanımlayıcısını saklar; böylece taslakları, başvuruları ve mesajları size atayabilir ve aynı cihazı kullanan başka kişilere göstermez.
privacy-device-protection = Bu verilerin tümü SQLCipher ile şifrelenmiş bir veritabanında bulunur. Anahtarı (256 bit, ilk açılışta rastgele oluşturulur) işletim sisteminizin anahtar zinciri saklar, hiçbir zaman bir dosya değil. Silinen kayıtların üzerine yazılır. Windows dışında uygulama, veri klasörünü cihazda yalnızca sizin kullanıcı hesabınızın okuyabileceği şekilde ayarlar.
privacy-device-keychain = İşletim sisteminin anahtar zincirinde yalnızca veritabanı anahtarı ve, oturumunuz açık olduğu sürece, oturumunuzun yenileme belirteci bulunur. Erişim belirtecini uygulama yalnızca çalışma belleğinde tutar.
privacy-device-purpose = Amaç, uygulamanın bağlantı olmadan çalışması, hiçbir girdinin kaybolmaması ve başvurularınızı ve mesajlarınızı yeniden bulabilmenizdir. Hukuki dayanak, Thüringen Veri Koruma Kanunu (Thüringer Datenschutzgesetz, ThürDSG) ve Çevrim İçi Erişim Kanunu (Onlinezugangsgesetz, OZG) ile bağlantılı olarak GDPR madde 6 fıkra 1 bent e'dir. Hatırlanan bilgiler için hukuki dayanak onayınızdır (GDPR madde 6 fıkra 1 bent a).
privacy-device-duration = Veriler siz silene kadar cihazınızda kalır. Bir taslağı tek başına silebilirsiniz. „Ayarlar“ altında „Verilerimi bu cihazdan sil“ taslakları, ekleri, geçmişleriyle birlikte başvuruları, henüz gönderilmemiş başvuruları (bunlar artık gönderilmez), mesajları, hatırlanan bilgileri, gönderilmiş engel bildirimlerini ve ikamet yerinizi siler, silinen verilerin üzerine yazar ve oturumunuzu kapatır. Hizmet dizini, formlar, dil ve görünüm ayarları ile iletişim bilgisi içermeyen, henüz gönderilmemiş engel bildirimleri kalır: bunların gönderilmesini siz istediniz ve gönderilmeye devam edecekler. Adınızı, e-posta adresinizi veya telefon numaranızı içeren, henüz gönderilmemiş bildirimler diğer verilerinizle birlikte silinir ve gönderilmez.
privacy-device-damaged = Uygulama veritabanını artık okuyamazsa dosyayı silmek yerine kenara koyar ve size bildirir. „Verilerimi bu cihazdan sil“ bu tür dosyaları da siler.

privacy-details-heading = Hatırlanan bilgiler
privacy-details = Bir başvurudan sonra „Bu bilgileri hatırla“ seçeneğini seçebilirsiniz. Uygulama yalnızca o zaman soyadınızı, adlarınızı, doğum tarihinizi, adresinizi, e-posta adresinizi ve telefon numaranızı, başvuruda verdiğiniz şekliyle, cihazınızda şifreli olarak saklar. Bunlar gönderilmez. Uygulama bunları yeni bir forma yalnızca siz seçtiğinizde ekler. Hukuki dayanak onayınızdır (GDPR madde 6 fıkra 1 bent a). Onayınızı „Ayarlar“ altında „Kayıtlı bilgileri sil“ seçeneğiyle geri alırsınız.

privacy-login-heading = Oturum açma
privacy-login-how = Arama, bilgi okuma ve taslaklar oturum açmadan çalışır. Bir başvuru göndermek için oturum açarsınız. Bunun için uygulama, tarayıcınızda Thüringen Özgür Eyaleti'nin oturum açma hizmetini açar (OpenID Connect, PKCE ile OAuth 2.0): [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: oturum açma hizmetinin ve kullanıcı hesabının adı]. Şifrenizi veya kimlik kartı bilgilerinizi yalnızca orada girersiniz, hiçbir zaman uygulamada değil. Tarayıcı oturumu, kendi cihazınızdaki bir adres (127.0.0.1) üzerinden uygulamaya geri verir.
privacy-login-data = Oturum açtıktan sonra uygulama eyalet sunucusundan hesabınızın takma adlı tanımlayıcısını, hesapta kayıtlı olduğu şekliyle adınızı ve oturumun güven düzeyini alır. Uygulama adı ve güven düzeyini yalnızca gösterir ve çalışma belleğinde tutar. Tanımlayıcıyı, verilerinizi size atamak için cihazda saklar.
privacy-login-tokens = Bir oturum, uygulamanın sunucu yazılımının 15 dakika kabul ettiği bir erişim belirteci ile 90 gün geçerli olan ve her yenilemede değiştirilen bir yenileme belirtecinden oluşur. Sunucu belirteçleri yalnızca özet değerler olarak saklar ve süreleri dolunca siler. Oturumu kapattığınızda uygulama cihazınızdaki tüm belirteçleri siler ve sunucudan oturumu sonlandırmasını ister.
privacy-login-basis = Amaç, başvurunuzun size atanması ve başvurularınızı ve mesajlarınızı yalnızca sizin görmeniz için sizi güvenli biçimde tanımaktır. Hukuki dayanak, Çevrim İçi Erişim Kanunu (OZG) ve Thüringen Veri Koruma Kanunu (ThürDSG) ile bağlantılı olarak GDPR madde 6 fıkra 1 bent e'dir.

privacy-applications-heading = Başvuru gönderme
privacy-applications-what = Oturumunuz açıkken bir başvuru gönderdiğinizde uygulama, şifreli bir bağlantı (sabitlenmiş sunucu anahtarlı HTTPS) üzerinden Thüringen Özgür Eyaleti'nin sunucusuna şunları gönderir: hizmet (federal hizmet kataloğu LeiKa'daki anahtarı), form ve sürümü, yanıtlarınız, dosya adı, dosya türü, boyutu ve sağlama toplamıyla birlikte ekleriniz, ikamet yerinizin resmî anahtarı ve yeniden denemede iki kez ulaşmaması için başvurunun rastgele bir tanımlayıcısı. Bir başvuru yalnızca ait olduğu hesapla gönderilir. Oturum açmadan yazdığınız bir başvuruyu uygulama ancak oturum açıp „Hesabımla gönder“ seçeneğini seçtiğinizde gönderir. Bundan önce uygulama, cevaplarınızı cihazınızda yetkili kurum için şifreler (kurumun, Thüringen eyaletinin onayladığı anahtarıyla uçtan uca şifreleme). Eyaletin sunucusu bunları yalnızca şifreli olarak saklar. Eklerinizi de dosya adları ve dosya türleriyle aynı şekilde şifreler; eyaletin sunucusu yalnızca boyutlarını görür. İkamet yeri belirtilmemişse yetkili kurum yoktur: o zaman yanıtlar ve ekler yalnızca yolda şifrelidir.
privacy-applications-recipient = Eyalet sunucusu başvuruyu, ikamet yerinizde hizmet için yetkili olan kuruma iletir. Alıcılar bu kurum ve teknik aracı olarak eyalet sunucusudur. [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: sunucuyu kimin işlettiği, gerekirse veri işleyen olarak, ve başvuruların kurumlara hangi yolla ulaştığı].
privacy-applications-status = Oturumunuz açık ve çevrim içi olduğunuz sürece uygulama yaklaşık dakikada bir eyalet sunucusuna başvurularınızın işlem durumunu ve yeni mesajları sorar. Mesajları ve durumu cihazınızda saklar.
privacy-applications-basis = Amaç, başvurunuzun yetkili kurum tarafından işlenmesidir. Hukuki dayanak, ilgili hizmetin dayandığı kanun ve Çevrim İçi Erişim Kanunu (OZG) ile bağlantılı olarak GDPR madde 6 fıkra 1 bent e'dir. Bir hizmet sağlık verileri gibi özel nitelikli veriler gerektiriyorsa, hukuki dayanak ayrıca bu kanunla birlikte GDPR madde 9 fıkra 2'dir. Hangi bilgilerin zorunlu olduğunu form gösterir. Bunlar olmadan kurum başvurunuzu işleyemez.
privacy-applications-duration = Bir başvurunun gönderimi başlayıp hiç tamamlanmazsa, uygulamanın sunucu yazılımı önceden aktarılmış ekleri 24 saat sonra siler. Böyle bir başvurunun diğer bilgilerini (hizmet, ikamet yerinin anahtarı, eklerin dosya adları) saklar. Gönderilmiş başvurular, durumları ve mesajlar için bir silme süresi içermez. [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: eyalet sunucusunun başvuruları, ekleri ve mesajları ne kadar süre sakladığı]. Yetkili kurumun başvurunuzu ne kadar saklayacağı, kendisine uygulanan saklama kurallarına bağlıdır.

privacy-replies-heading = Kuruma yanıtlar ve kurumun belgeleri
privacy-replies-what = Kurumun başvurunuz için hâlâ bir şeye ihtiyacı varsa, uygulamada yanıt verebilirsiniz. Uygulama metninizi ve belgelerinizi cihazınızda şifreli olarak saklar ve oturumunuz açık ve çevrim içi olduğunuz anda eyalet sunucusuna şunları gönderir: metin, dosya adı ve dosya türüyle birlikte belgeler ve yeniden denemede iki kez ulaşmaması için yanıtın rastgele bir tanımlayıcısı. Bundan önce uygulama metni ve belgeleri yetkili kurum için şifreler (uçtan uca şifreleme). Eyaletin sunucusu bunları yalnızca şifreli olarak saklar. Hukuki dayanak, başvurudakiyle aynıdır.
privacy-replies-documents = Bir kurum mesajıyla birlikte bir belge (örneğin bir idari karar) gönderirse, uygulama bu belgeyi mesajla birlikte indirir ve cihazınızda şifreli olarak saklar. „Belgeyi kaydet“ seçeneğini seçerseniz, uygulama şifrelenmemiş bir kopyayı „İndirilenler“ (Downloads) klasörünüze koyar. „Verilerimi bu cihazdan sil“ yanıtları, belgeleri ve bu kopyaları siler.
privacy-notifications-heading = Bildirimler
privacy-notifications = Uygulama bildirimleri yalnızca „Ayarlar“ altında bunlara izin verirseniz gösterir: yeni bir durum, yeni bir mesaj, başladığınız bir başvuru ve başvurularınızdaki süreler ve bitiş tarihleri hakkında. Bildirimleri cihazınızın işletim sistemi gösterir; uygulama bunun için hiçbir push hizmeti ve hiçbir sunucu kullanmaz. Metinlerde isim, hizmet veya içerik yer almaz. Hangi hatırlatmaların daha önce gösterildiğini uygulama cihazınızda saklar. Hukuki dayanak onayınızdır (GDPR madde 6 fıkra 1 bent a). Onayınızı ayarlarda bildirimleri kapatarak geri alırsınız.

privacy-reports-heading = Engel bildirme
privacy-reports-what = Bir engeli oturum açmadan bildirebilirsiniz. Uygulama eyalet sunucusuna şunları gönderir: engelin nerede olduğu, ne olduğu, hangi yardımcı teknolojileri kullandığınız (isteğe bağlı), uygulamanın dili ve bildirimin rastgele bir tanımlayıcısı. Adınızı, e-posta adresinizi ve telefon numaranızı yalnızca „Yanıt almak istiyorum.“ seçeneğini seçerseniz gönderir. Bu istek olmadan hiçbir iletişim bilgisi göndermez.
privacy-reports-basis = Amaç, engeli gidermek ve isterseniz size yanıt vermektir. Hukuki dayanak, (AB) 2016/2102 sayılı Direktifin 7. maddesi ve Thüringen Engelli Kişilerin Kapsayıcılığı ve Eşitliği Kanunu (Thüringer Gesetz zur Inklusion und Gleichstellung von Menschen mit Behinderungen, ThürGIG) ile bağlantılı olarak GDPR madde 6 fıkra 1 bent e'dir. İletişim bilgileriniz için hukuki dayanak, sorumlu kuruma başvurarak istediğiniz zaman geri alabileceğiniz onayınızdır (GDPR madde 6 fıkra 1 bent a).
privacy-reports-duration = Bildirim, gönderilene kadar cihazınızda saklı kalır; sonrasında dosya numarasıyla birlikte, siz verilerinizi silene kadar kalır. Uygulamanın sunucu yazılımı bildirimleri silme süresi olmadan saklar. [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: bildirimleri kimin işlediği ve ne kadar süre saklandığı].

privacy-connection-heading = Hizmet dizini ve bağlantı
privacy-connection-catalog = Açılışta uygulama, oturum açmadan eyalet sunucusuna yeni bir hizmet dizini veya yeni formlar olup olmadığını sorar ve sunucuya ulaşılıp ulaşılamadığını kontrol eder. Bu sırada kişisel veri göndermez, yalnızca uygulamanın adını ve sürümünü gönderir.
privacy-connection-ip = Her bağlantıda sunucu cihazınızın IP adresini alır. Uygulamanın sunucu yazılımı bunu yalnızca çalışma belleğinde, oturum açılmadan yapılan çok fazla isteği sınırlamak için kullanır. Oturum açılmış istekler için bunun yerine hesap tanımlayıcısının bir özet değerini kullanır. Başarısız oturum açma denemelerini her kullanıcı adı için çalışma belleğinde sayar ve beş başarısız denemeden sonra bir kullanıcı adını 15 dakika engeller. Vatandaşların IP adreslerini dosyalara veya kayıtlara yazmaz. [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: eyalet sunucularının bağlantı verilerini kaydedip kaydetmediği ve ne kadar süreyle].
privacy-connection-basis = Hukuki dayanak, Thüringen Veri Koruma Kanunu (ThürDSG) ile bağlantılı olarak GDPR madde 6 fıkra 1 bent e'dir. Amaç, uygulamayı güncel, erişilebilir ve güvenli biçimde işletmektir.

privacy-logs-heading = Kayıtlar
privacy-logs = Uygulama kişisel veri içeren bir kayıt tutmaz ve kayıt göndermez. Örneğin veritabanının açılamadığı gibi teknik mesajları yalnızca cihazın hata çıktısına, başvurularınızın hiçbir içeriği olmadan yazar. Uygulamanın sunucu yazılımı yanıtları, adları, belirteçleri veya bildirim içeriklerini kaydetmez.

privacy-none-heading = Uygulamanın yapmadıkları
privacy-none = Uygulama çerez, reklam, izleme, kullanım analizi ve otomatik çökme raporu kullanmaz. Güvenlik kurallarına göre sayfaları internetten hiçbir şey, üçüncü taraflara ait yazı tipleri veya görseller de dahil, yükleyemez. Uygulama verileri yalnızca Thüringen Özgür Eyaleti'nin sunucusuna gönderir.
privacy-none-third-country = Avrupa Birliği dışındaki ülkelere veya uluslararası kuruluşlara veri aktarımı yapılmaz.
privacy-none-automated = Ne uygulama ne de eyalet sunucusu hakkınızda otomatik kararlar alır veya profil oluşturur (GDPR madde 22). Başvurunuz hakkında yetkili kurum, hizmete uygulanan hukuka göre karar verir.
privacy-none-stores = Uygulamayı bir uygulama mağazasından indirirseniz, mağazanın işletmecisi verileri kendi sorumluluğunda işler. Oturum açmak için uygulama tarayıcınızı açar. Bu sağlayıcıların gizlilik kuralları geçerlidir. Uygulamanın sunucu yazılımının oturum açma sayfası tarayıcınıza yalnızca, oturum açma formunu koruyan ve 30 dakika sonra geçerliliğini yitiren, teknik olarak gerekli bir çerez yerleştirir.

privacy-rights-heading = Haklarınız
privacy-rights = Bilgi alma (GDPR madde 15), düzeltme (madde 16), silme (madde 17), işlemenin kısıtlanması (madde 18) ve işleme onayınıza dayanıyorsa veri taşınabilirliği (madde 20) haklarına sahipsiniz. GDPR madde 6 fıkra 1 bent e'ye dayanan bir işlemeye, özel durumunuzdan kaynaklanan nedenlerle itiraz edebilirsiniz (madde 21).
privacy-rights-consent = Onayınızı istediğiniz zaman ileriye dönük olarak geri alabilirsiniz. Geri almaya kadar yapılan işleme hukuka uygun kalır.
privacy-rights-contact = Bunun için sorumlu kuruma veya veri koruma görevlisine başvurun. Başvurunuzun kendisi için muhatabınız yetkili kurumdur. Yalnızca cihazınızda bulunan verileri uygulamada kendiniz görüntüleyebilir ve silebilirsiniz.
privacy-complaint = Bir denetim makamına şikâyette bulunabilirsiniz. Yetkili makam: Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit (TLfDI, Thüringen Veri Koruma ve Bilgi Edinme Özgürlüğü Görevlisi), Häßlerstraße 8, 99096 Erfurt, Almanya, www.tlfdi.de.

privacy-version-heading = Tarih
privacy-version = Bu bildirimin tarihi: 5 Aralık 2026. Uygulamanın verilerle yaptıkları değişirse bildirimi güncelleriz.

## Künye

imprint-link = Künye
imprint-heading = Künye (Impressum)
imprint-intro = Dijital Hizmetler Kanunu (Digitale-Dienste-Gesetz, DDG) § 5 ve Eyaletlerarası Medya Antlaşması (Medienstaatsvertrag, MStV) § 18 uyarınca bilgiler.
imprint-pending = Not: Köşeli parantez içindeki bilgileri Thüringen Özgür Eyaleti yayından önce tamamlayacaktır. O zamana kadar bu künye eksiktir.

imprint-provider-heading = Sağlayıcı
imprint-provider = Dijitalleşmeden sorumlu bakanlık tarafından temsil edilen Thüringen Özgür Eyaleti (Freistaat Thüringen): [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: bakanlığın adı ve onu temsil eden bakanın adı].
imprint-address = Adres: [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: sokak, bina numarası, posta kodu, şehir].

imprint-contact-heading = İletişim
imprint-contact = [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: uygulamayla ilgili sorular için telefon ve e-posta adresi].
imprint-contact-115 = İdari hizmetlerle ilgili soruları kamu hizmet numarası 115 yanıtlar.

imprint-responsible-heading = İçerikten sorumlu
imprint-responsible = MStV § 18 fıkra 2 uyarınca sorumlu: [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: ad ve adres].

imprint-authorities-heading = Kurumlardan gelen içerik
imprint-authorities = Uygulamanın gelen kutusundaki mesajlardan ve başvuruların işlenmesinden ilgili yetkili kurum sorumludur. Hizmet açıklamalarındaki ücretler, belgeler ve yetkiler bildiğimiz kadarıyla verilmiştir. Bağlayıcı olan, yetkili kurumun verdiği bilgidir.

imprint-licence-heading = Kaynak kodu ve lisans
imprint-licence = ThüringenApp özgür bir yazılımdır. Kaynak kodu EUPL-1.2 (European Union Public Licence, sürüm 1.2) lisansı altındadır. [Thüringen Özgür Eyaleti tarafından yayından önce tamamlanacak: kaynak kodunun yayımlandığı adres].

imprint-data-heading = Veri kaynakları
imprint-data-leika = Hizmetler: Kamu yönetimi federal hizmet kataloğunun (Leistungskatalog der öffentlichen Verwaltung, LeiKa) 4.813 hizmeti, kdn'nin OZG veritabanından (kdn-nrw/OZG-Datenbank-NRW) alınmıştır, MIT lisansı, Copyright (c) 2020 Gert Hammes.
imprint-data-places = Yerler: Thüringen belediyeleri ve resmî belediye anahtarları, Mietniveau-Einstufungsverordnung ekinden (Federal Resmî Gazete BGBl. I 2021, s. 3739–3885, 25 Ocak 2021 itibarıyla bölge durumu, Alman Telif Hakkı Kanunu § 5 uyarınca resmî eser); ilçeler ve ilçeye bağlı olmayan şehirler ve anahtarları resmî kaynaklardan; posta kodları GeoNames'ten (www.geonames.org), CC BY 4.0 lisansı, zauberware/postal-codes-json-xml-csv aracılığıyla, Thüringen için filtrelenmiş.
imprint-data-own = Hizmetlerin açıklamalarını, ücretlerini, belgelerini ve İngilizce adlarını ve XDatenfelder biçimindeki formları ThüringenApp projesi kendisi yazmıştır (EUPL-1.2). XDatenfelder, Federal Bilgi Yönetimi'nin (Föderales Informationsmanagement, FIM) bir standardıdır; FIM kataloğunun içeriği dahil değildir. Adların DIN SPEC 91379'a göre denetimi String.Latin+ 1.2 karakter listesini kullanır, CC BY 4.0 lisansı.
imprint-data-full = Kaynaklar ve lisanslarla ilgili tam bilgileri uygulamada „Bu uygulama ve veri kaynakları hakkında“ altında bulabilirsiniz.
