catalog-heading = الخدمات في تورينغن
catalog-search-label = البحث عن خدمة
catalog-search-hint = مثلًا „Ummeldung“ (تغيير تسجيل السكن) أو „Parkausweis“ (تصريح الوقوف) أو „Hundesteuer“ (ضريبة الكلاب)
catalog-result-count = { $count ->
    [0] لم يُعثر على أي خدمة
    [one] تم العثور على خدمة واحدة
    [two] تم العثور على خدمتين
    [few] تم العثور على { $count } خدمات
    [many] تم العثور على { $count } خدمة
   *[other] تم العثور على { $count } خدمة
}
catalog-showing-first = تُعرض أول { $shown } نتيجة. حدّد بحثك أكثر للعثور على غيرها.
catalog-no-results = لا توجد خدمة مناسبة. تحقّق من الإملاء أو اتصل بالرقم 115.
catalog-featured = الأكثر استخدامًا
catalog-life-situation = موقف حياتي
catalog-leika-key = رمز الخدمة { $key }
catalog-fees = الرسوم
catalog-duration = مدة المعالجة
catalog-source-seed = حالة الدليل: مرفق مع التطبيق
catalog-source-state-api = حالة الدليل: من خدمة الولاية
catalog-all-life-situations = جميع المواقف الحياتية
catalog-place = عرض الجهة المختصة لـ
catalog-no-place = عدم اختيار مكان
catalog-local-only = خدمات البلدية أو المقاطعة فقط
catalog-responsible = الجهة المختصة
guides-heading = خطوة بخطوة
guides-intro = ما الذي يجب فعله عندما يتغير شيء في حياتك؟ تجده هنا بالترتيب.
guide-link = خطوة بخطوة: { $name }
guide-when = متى
guide-office = الجهة المختصة
guide-needs-place = اختر مكان سكنك، وستُذكر الجهة المختصة في كل خطوة.
guide-apply-own = تقديم الطلب في التطبيق
guide-apply-general = إرسال طلب في التطبيق
