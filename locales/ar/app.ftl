app-title = ThüringenApp
app-kopfzeile = خدمة مقدمة من ولاية تورينغن الحرة
app-skip-to-content = الانتقال إلى المحتوى
app-loading = جارٍ التحميل …
app-language-switch = اللغة
app-language-de = Deutsch
app-language-en = English
app-offline-title = أنت غير متصل
app-offline-body = لا يمكن الوصول إلى خدمة الولاية حاليًا. تبقى جميع الخدمات قابلة للبحث، وكل ما تُدخله يُحفظ على هذا الجهاز.
app-catalog-updated = تم تحديث دليل الخدمات.
app-help-115 = أسئلة؟ رقم الهيئات الحكومية 115، من الاثنين إلى الجمعة من الساعة 8 إلى 18.
app-about = حول هذا التطبيق ومصادر البيانات
app-footer-nav = تذييل الصفحة
app-not-found = هذه الصفحة غير موجودة.
app-back-home = إلى الصفحة الرئيسية
app-part-failed-title = تعذّر تحميل هذا الجزء من التطبيق
app-part-failed-body = لم يتمكن التطبيق من فتح الجزء البرمجي لهذه الصفحة. ما أدخلته ومسوداتك محفوظة. يُرجى المحاولة مرة أخرى، وإن لم ينجح ذلك فأعد تشغيل التطبيق.
app-part-failed-retry = حاول مرة أخرى
nav-label = التنقل الرئيسي
nav-services = الخدمات
nav-applications = طلباتي
nav-inbox = صندوق البريد
nav-inbox-unread = { $count ->
    [zero] رسالة غير مقروءة
    [one] رسالة غير مقروءة
    [two] رسالتان غير مقروءتين
    [few] رسائل غير مقروءة
    [many] رسالة غير مقروءة
   *[other] رسالة غير مقروءة
}
nav-settings = الإعدادات
storage-notice-heading = تعذّر فتح بياناتك السابقة على هذا الجهاز
storage-notice-body = لذلك بدأ التطبيق من جديد. لم يُحذف شيء: البيانات السابقة موجودة باسم «{ $file }» في مجلد بيانات التطبيق. الطلبات التي أُرسلت بالفعل موجودة لدى الهيئة. المسودات والطلبات التي لم تُرسل بعد موجودة في البيانات المنحّاة؛ يمكن للدعم الفني استعادتها، وإلا فيُرجى البدء بها من جديد.
storage-notice-help = مساعدة: رقم الهيئات الحكومية 115 (اذكر اسم الملف)
storage-notice-dismiss = فهمت

# Notifications through the operating system (#18): nothing personal, a locked screen shows them
notify-status-title = مستجدات بشأن طلبك
notify-status-body = افتح تطبيق ThüringenApp لترى الحالة الجديدة.
notify-message-title = رسالة جديدة
notify-message-body = راسلتك إحدى الهيئات. افتح تطبيق ThüringenApp لقراءة الرسالة.
notify-draft-title = الطلب غير مكتمل
notify-draft-body = بدأت طلبًا ولم ترسله بعد.
notify-deadline-title = مهلة تنتهي قريبًا
notify-deadline-body = تنتهي قريبًا مهلة لطلب بدأته. افتح تطبيق ThüringenApp.
notify-expiry-title = ينتهي قريبًا
notify-expiry-body = تنتهي قريبًا صلاحية تصريح من أحد طلباتك. تذكّر أن تجدّده.
