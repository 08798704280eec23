settings-heading = الإعدادات
settings-language = لغة التطبيق
settings-text-size = حجم الخط
settings-text-normal = عادي
settings-text-large = كبير (150 %)
settings-text-largest = كبير جدًا (200 %)
settings-high-contrast = تباين عالٍ
settings-home = مكان سكنك
settings-home-current = المختار: { $name }
settings-home-none = لم يتم اختيار مكان السكن بعد.
settings-home-search = الرمز البريدي أو اسم المكان
settings-home-hint = مثلًا 99084 أو Weimar. سنعرض لك بعد ذلك الجهات المختصة.
settings-home-results = { $count ->
    [0] لم يُعثر على أي مكان
    [one] تم العثور على مكان واحد
    [two] تم العثور على مكانين
    [few] تم العثور على { $count } أماكن
    [many] تم العثور على { $count } مكانًا
   *[other] تم العثور على { $count } مكان
}
settings-account = الحساب
settings-logged-in = مسجّل الدخول باسم { $name }
settings-logged-out = أنت غير مسجّل الدخول. البحث والمسودات يعملان أيضًا بدون حساب.
settings-needs-login = يُرجى تسجيل الدخول مرة أخرى حتى تُرسل الطلبات المنتظرة.
settings-log-in = تسجيل الدخول
settings-log-out = تسجيل الخروج
settings-forget = حذف بياناتي من هذا الجهاز
settings-forget-hint = لجهاز مشترك، مثلًا لدى مرشد رقمي: يسجّل خروجك ويحذف مسوداتك وطلباتك ورسائلك على هذا الجهاز.
settings-forget-title = حذف بياناتك من هذا الجهاز؟
settings-forget-body = ستُحذف المسودات والطلبات والرسائل ومكان سكنك من هذا الجهاز، وسيتم تسجيل خروجك. تبقى الطلبات المرسلة لدى الهيئة؛ وستتلقى رسائلها مرة أخرى بعد تسجيل الدخول التالي. وتُحذف أيضًا بلاغات العوائق التي لم تُرسل بعد وتحتوي على بيانات الاتصال الخاصة بك. تُحذف أيضاً ملفات PDF التي حفظها التطبيق لك.
settings-forget-unsent = { $count ->
    [one] طلب واحد لم يُرسل بعد. لن يُرسل حينها.
    [two] طلبان لم يُرسلا بعد. لن يُرسلا حينها.
    [few] { $count } طلبات لم تُرسل بعد. لن تُرسل حينها.
    [many] { $count } طلبًا لم تُرسل بعد. لن تُرسل حينها.
   *[other] { $count } طلب لم تُرسل بعد. لن تُرسل حينها.
}
settings-forget-cancel = إلغاء
settings-forget-confirm = حذف وتسجيل الخروج
settings-forgotten = تم حذف بياناتك من هذا الجهاز، وتم تسجيل خروجك.
settings-details = البيانات المحفوظة
settings-details-kept = محفوظ على هذا الجهاز لطلباتك: { $details }.
settings-details-forget = حذف البيانات المحفوظة
settings-legal = معلومات قانونية

# Notifications (#18)
settings-notifications = الإشعارات
settings-notifications-hint = يمكن للتطبيق أن يُعلمك بالمستجدات أثناء عمله في الخلفية. لا تذكر الإشعارات أي أسماء ولا أي محتوى، لأنها قد تظهر على الشاشة المقفلة.
settings-notifications-enabled = السماح بالإشعارات
settings-notifications-kinds = ما يُعلمك به التطبيق
settings-notifications-status = حالة جديدة لطلب
settings-notifications-messages = رسالة جديدة من هيئة
settings-notifications-drafts = تذكير بطلب بدأته (بعد 3 أيام)
settings-notifications-dates = المهل وتواريخ الانتهاء من طلباتك (مثلًا تغيير تسجيل السكن خلال أسبوعين من الانتقال إلى السكن، انتهاء تصريح وقوف السكان)

# Assisted sessions on a shared device (#14)
settings-visit = جلسة استشارة على هذا الجهاز
settings-visit-intro = للمرشدين الرقميين (Digitallotsen) على جهاز مشترك: في جلسة الاستشارة يملأ الزائر طلباته في مخزن منفصل ومشفّر، ويسجّل الدخول لهذه الجلسة فقط. عند انتهاء الجلسة، أو بعد { $minutes } دقيقة دون إدخال، يحذف التطبيق كل ذلك من هذا الجهاز. تبقى بياناتك الخاصة كما هي.
settings-visit-start = بدء جلسة استشارة جديدة
visit-running = جلسة استشارة جارية
visit-running-body = كل ما تدخله في هذه الجلسة يحذفه التطبيق من هذا الجهاز عند إنهائها، وكذلك بعد { $minutes } دقيقة دون إدخال.
visit-end = إنهاء الجلسة
visit-unsent-title = لم يُرسَل كل شيء بعد
visit-unsent-body = المسودات: { $drafts }. الطلبات التي لم تصل بعد: { $applications }. إذا أنهيت الجلسة الآن فسيتم حذفها. لإرسالها افتح «طلباتي» وسجّل الدخول.
visit-unsent-to-applications = إلى «طلباتي»
visit-unsent-discard = الحذف وإنهاء الجلسة

# A shared device's PIN (#14)
settings-shared = جهاز مشترك
settings-shared-intro = برقم التعريف الشخصي تقفل هذا الجهاز بين جلسات الاستشارة: بعد انتهاء الجلسة لا يرى أحد طلباتك أو رسائلك أو تسجيل دخولك حتى تُدخل رقم التعريف الشخصي.
settings-shared-pin = رقم التعريف الشخصي (من 6 إلى 12 رقمًا)
settings-shared-pin-again = أعد إدخال رقم التعريف الشخصي
settings-shared-mismatch = رقما التعريف الشخصي غير متطابقين.
settings-shared-set = الإعداد كجهاز مشترك
settings-shared-on = هذا الجهاز مُعدّ كجهاز مشترك.
settings-shared-lock = قفل الجهاز الآن
settings-shared-off = إنهاء الاستخدام المشترك
lock-heading = هذا الجهاز مقفل
lock-intro = هل تريد استشارة؟ ابدأ جلسة استشارة جديدة. يفتح المرشد الرقمي الجهاز برقم التعريف الشخصي.
lock-pin = رقم التعريف الشخصي
lock-unlock = فتح القفل

# The Digitallotse's record of sessions (#14)
visit-report = جلسات الاستشارة التي أجريتها على هذا الجهاز
visit-report-day = { $date }: عدد الجلسات: { $sessions }، منها مع طلب مُرسَل: { $sent }

# The last minutes of an idle session (#14)
visit-ending-title = ستنتهي الجلسة قريبًا
visit-ending-body = لم يكن هناك أي إدخال منذ مدة. بعد { $seconds } ثانية تنتهي هذه الجلسة، ويُحذف كل ما لم يُرسَل.
visit-continue = متابعة الجلسة
