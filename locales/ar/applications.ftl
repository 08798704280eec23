applications-heading = طلباتي
applications-open-heading = تابع من هنا
applications-drafts = المسودات
applications-no-drafts = لا توجد مسودات.
applications-outbox = بانتظار الإرسال
applications-no-outbox = لا شيء بانتظار الإرسال.
applications-sent = مُرسلة
applications-no-sent = لا توجد طلبات مُرسلة بعد.
applications-updated = آخر تعديل: { $time }
applications-progress = تم إدخال { $answered } من أصل { $required } من البيانات الإلزامية
applications-withdraw = حذف المسودة
applications-withdraw-title = هل تريد حقًا حذف المسودة؟
applications-withdraw-body = ستُحذف بياناتك ومرفقاتك في هذه المسودة من هذا الجهاز. لا يمكن التراجع عن ذلك.
applications-withdraw-cancel = لا، احتفظ بها
applications-withdraw-confirm = نعم، احذف المسودة
applications-not-found = لم يُعثر على هذا الطلب.
applications-just-sent = تم حفظ طلبك وسيُرسل فور توفر الاتصال. لا يلزمك فعل أي شيء آخر.
applications-status = الحالة
applications-timeline = السجل
applications-what-was-sent = ما أرسلته
applications-attachments = المرفقات
status-draft = مسودة
status-queued = بانتظار الإرسال
status-sending = جارٍ الإرسال
status-initiated = بدأ الإرسال
status-submitted = تم الإرسال
status-received = وصل إلى الهيئة
status-processing = قيد المعالجة
status-action-required = مشاركتك مطلوبة
status-completed = مكتمل
status-rejected = مرفوض
status-draft-explained = لم ترسل الطلب بعد.
status-queued-explained = الطلب محفوظ بأمان على هذا الجهاز وسيُرسل فور توفر الاتصال.
status-sending-explained = يجري الآن نقل الطلب ومرفقاته.
status-initiated-explained = بدأ النقل وسيستمر تلقائيًا.
status-submitted-explained = تم نقل الطلب بالكامل.
status-received-explained = استلمت الهيئة المختصة طلبك.
status-processing-explained = تعالج الهيئة طلبك.
status-action-required-explained = تحتاج الهيئة إلى شيء منك. تجد ما تحتاجه في رسالتها في السجل وفي صندوق بريدك. أجب هنا عبر «الرد على الهيئة»، مع المستندات إذا لزم الأمر.
status-completed-explained = اتخذت الهيئة قرارًا بشأن طلبك. تجد القرار في صندوق البريد.
status-rejected-explained = رفضت الهيئة الطلب. الأسباب مذكورة في السجل وفي صندوق البريد.
applications-messages = رسائل الهيئة
applications-just-sent-login = طلبك محفوظ بأمان على هذا الجهاز. سيُرسل فور تسجيل دخولك.
waiting-login = بانتظار تسجيل دخولك.
waiting-login-count = { $count ->
    [one] طلب واحد بانتظار تسجيل دخولك. للإرسال يجب أن تسجّل الدخول.
    [two] طلبان بانتظار تسجيل دخولك. للإرسال يجب أن تسجّل الدخول.
    [few] { $count } طلبات بانتظار تسجيل دخولك. للإرسال يجب أن تسجّل الدخول.
    [many] { $count } طلبًا بانتظار تسجيل دخولك. للإرسال يجب أن تسجّل الدخول.
   *[other] { $count } طلب بانتظار تسجيل دخولك. للإرسال يجب أن تسجّل الدخول.
}
waiting-connection = لم ينجح الإرسال بعد. يواصل التطبيق المحاولة تلقائيًا، ويمكنك أيضًا المحاولة الآن.
waiting-authority-keys = لا يُرسَل الطلب إلى الجهة الحكومية إلا مشفَّرًا. تعذّر الآن التحقق من مفاتيحها بمفتاح ولاية تورينغن. يبقى الطلب آمنًا على هذا الجهاز، ويواصل التطبيق المحاولة تلقائيًا.
sending-log-in = تسجيل الدخول والإرسال
sending-log-in-pending = يُرجى تسجيل الدخول في المتصفح. بعد ذلك سيُرسل طلبك.
sending-now = أرسل الآن
waiting-claim = قُدّم هذا الطلب على هذا الجهاز دون تسجيل دخول. لن يُرسل إلا عندما ترسله بحسابك. إن لم يكن طلبك، فاتركه.
waiting-claim-count = { $count ->
    [one] قُدّم طلب واحد على هذا الجهاز دون تسجيل دخول. افتحه لإرساله بحسابك.
    [two] قُدّم طلبان على هذا الجهاز دون تسجيل دخول. افتح أحدهما لإرساله بحسابك.
    [few] قُدّمت { $count } طلبات على هذا الجهاز دون تسجيل دخول. افتح أحدها لإرساله بحسابك.
    [many] قُدّم { $count } طلبًا على هذا الجهاز دون تسجيل دخول. افتح أحدها لإرساله بحسابك.
   *[other] قُدّم { $count } طلب على هذا الجهاز دون تسجيل دخول. افتح أحدها لإرساله بحسابك.
}
sending-claim = الإرسال بحسابي
refusal-heading = ما اعترضت عليه خدمة الولاية
refusal-other = لم تُقبل هذه البيانات.
refusal-correct = تصحيح الطلب
refusal-correct-explained = أصبح طلبك مسودة مرة أخرى. صحّح البيانات المذكورة وأرسله مجددًا؛ لم يضع شيء مما أدخلته.
refusal-resent = لقد صحّحت الطلب بالفعل وأرسلته مجددًا. تجد الحالة الجديدة في «طلباتي».
status-withdrawn = مسحوب
status-withdrawn-explained = لقد سحبت الطلب. لن تواصل الجهة المختصة العمل عليه.
submission-withdraw = سحب الطلب
submission-withdraw-hint = يمكنك سحب الطلب ما دامت الجهة المختصة لم تتخذ قرارًا بعد. يحتاج ذلك إلى اتصال وإلى تسجيل دخولك.
submission-withdraw-title = هل تريد فعلًا سحب الطلب؟
submission-withdraw-body = لن تواصل الجهة المختصة العمل على الطلب بعد ذلك. لا يمكن التراجع عن هذا: إذا غيّرت رأيك، فقدّم طلبًا جديدًا.
submission-withdraw-confirm = سحب
submission-withdraw-cancel = عدم السحب
receipt-heading = تأكيد الاستلام
receipt-reference = المرجع لدى الخدمة الحكومية
receipt-hash = المجموع الاختباري لبياناتك (SHA-512)
receipt-hash-full = عرض المجموع الاختباري كاملًا
receipt-matches = استلمت الخدمة الحكومية البيانات نفسها التي أرسلها جهازك تمامًا: المجموع الاختباري متطابق.
receipt-differs = تنبيه: المجموع الاختباري لدى الخدمة الحكومية لا يطابق البيانات التي أرسلها جهازك. يُرجى الاتصال برقم الخدمات الحكومية 115.
receipt-explained = يمكنك لاحقًا بالمرجع والمجموع الاختباري أن تثبت البيانات التي وصلت.
receipt-signed-heading = توقيع الجهة الحكومية
receipt-signed-none = لم توقّع الجهة الحكومية بعدُ على تأكيد الاستلام توقيعًا إلكترونيًا. يحدث ذلك حين تستلم طلبك.
receipt-signed-verified = وقّعت الجهة الحكومية «{ $authority }» على تأكيد الاستلام توقيعًا إلكترونيًا في { $time }. فحص جهازك التوقيع بمفتاح ولاية تورينغن: التوقيع صحيح ويخص تمامًا البيانات والمرفقات التي أرسلها جهازك.
receipt-signed-no-anchor = لا يستطيع هذا الإصدار من التطبيق فحص التواقيع الإلكترونية للجهات الحكومية. ومع ذلك وصل طلبك.
receipt-signed-keys-not-trusted = مفاتيح الجهة الحكومية غير مؤكَّدة من ولاية تورينغن، لذلك لا يمكن اعتبار التوقيع صحيحًا. أُرسل طلبك؛ وعند الشك اتصل برقم الخدمات الحكومية 115.
receipt-signed-invalid = التوقيع الإلكتروني لا يطابق مفتاح الجهة الحكومية، لذلك لا يمكن اعتباره صحيحًا. أُرسل طلبك؛ وعند الشك اتصل برقم الخدمات الحكومية 115.
receipt-signed-other-content = وقّعت الجهة الحكومية على بيانات أو مرفقات غير التي أرسلها جهازك. يُرجى الاتصال برقم الخدمات الحكومية 115.
receipt-signed-token = عرض التأكيد الموقَّع (للاحتفاظ به)
timeline-signed-verified = وقّعت الجهة الحكومية على هذه الخطوة توقيعًا إلكترونيًا. فحص جهازك التوقيع: هذه الخطوة صادرة عن الجهة الحكومية.
timeline-signed-missing = بدون توقيع الجهة الحكومية: لم يتأكد أن هذه الخطوة صادرة عن الجهة الحكومية.
timeline-signed-refused = التوقيع لا يطابق هذه الخطوة، لذلك لا يمكن اعتبارها خطوة من الجهة الحكومية. وعند الشك اتصل برقم الخدمات الحكومية 115.
timeline-signed-unchecked = لم يتمكن جهازك من فحص توقيع الجهة الحكومية على هذه الخطوة، لأنه لم يحصل على مفاتيحها.

## The printout of a sent application (PDF, #15)
printout-save = حفظ كملف PDF
printout-saving = يجري إنشاء ملف PDF …
printout-saved = تم الحفظ في:
printout-open = فتح ملف PDF
printout-explained = يحتوي ملف PDF على إجاباتك وسجل الطلب وإشعار الاستلام. لا يُحفظ مشفّراً: احتفظ به فقط على جهاز تثق به.
printout-title = { $service }: طلبك المرسل
printout-intro = هنا ما أرسلته عبر ThüringenApp وما أكدته الجهة المختصة.
printout-printed-at = تاريخ الإنشاء
printout-no-receipt = لم يصل إشعار الاستلام بعد. أنشئ ملف PDF مرة أخرى عندما يصل طلبك.
printout-attachment = { $size } بايت، المجموع الاختباري (SHA-512): { $sha512 }
printout-file-data = إجاباتك تماماً كما أرسلها جهازك (JSON). المجموع الاختباري في إشعار الاستلام يخص هذا الملف.
printout-file-receipt = إشعار الاستلام الموقّع إلكترونياً من الجهة المختصة (JWS).
printout-embedded = يحتوي ملف PDF هذا على الملف "sent-data.json" وفيه إجاباتك تماماً كما أرسلها جهازك.
printout-embedded-receipt = يحتوي ملف PDF هذا على ملفين: "sent-data.json" وفيه إجاباتك تماماً كما أرسلها جهازك، و"receipt.jws" وفيه إشعار الاستلام الموقّع. بهما يمكن التحقق من التوقيع والمجموع الاختباري دون التطبيق.
printout-footer = ThüringenApp: طلبك المرسل

## The summary of an unsent application (PDF, #14: for people without a phone)
summary-save = حفظ الملخص كملف PDF
summary-explained = لزيارة الجهة المختصة: يعرض ملف PDF ما ملأته حتى الآن والمستندات التي تحضرها معك. لا يُرسل شيء. لا يُحفظ الملف مشفّراً: احتفظ به فقط على جهاز تثق به.
summary-title = { $service }: ملخص طلبك
summary-intro = هنا ما ملأته حتى الآن في ThüringenApp. لم يُرسل الطلب بعد.
summary-authority = الجهة المختصة
summary-next-heading = الخطوات التالية
summary-next = لم يصل الطلب إلى الجهة المختصة بعد. يمكنك إكماله في ThüringenApp وإرساله. أو خذ هذا الملخص والمستندات إلى الجهة المختصة؛ سيساعدونك هناك.
summary-fees = الرسوم
summary-answers = ما ملأته
summary-no-answers = لم تملأ شيئاً بعد.
summary-not-sent = هذا الملخص ليس طلباً ولا إشعار استلام.
summary-footer = ThüringenApp: ملخص، لم يُرسل

# Answering the authority (#18)
reply-heading = الرد على الهيئة
reply-hint = تحتاج الهيئة إلى شيء آخر منك. اكتب ردّك وأرفق المستندات. يرسل التطبيق الرد إلى الهيئة مشفّرًا فور اتصالك بالإنترنت وتسجيل دخولك.
reply-text = ردّك
reply-documents = المستندات (اختياري)
reply-documents-hint = حتى { $count } ملفات، لا يتجاوز كل منها { $mb } ميغابايت: PDF أو JPEG أو PNG.
reply-send = إرسال الرد
reply-sending = جارٍ الحفظ …
replies-heading = ردودك على الهيئة
reply-state-waiting = بانتظار الإرسال. يرسل التطبيق الرد فور توفر الاتصال.
reply-state-waiting-login = بانتظار تسجيل دخولك. يرسل التطبيق الرد فور تسجيل دخولك.
reply-state-sent = وصل إلى الهيئة: { $at }.
reply-refused = لم تقبل الهيئة هذا الرد. يبقى نصّك ومستنداتك محفوظين هنا.
reply-refused-not-awaited = لم يُرسل: لم تعد الهيئة تنتظر ردًا. يبقى نصّك ومستنداتك محفوظين هنا.
message-document-save = حفظ المستند
message-document-open = فتح المستند
message-document-coming = سيُحمَّل المستند فور توفر الاتصال.

# Handing a draft over to one's own phone (#14)
handover-button = نقل إلى هاتفي
handover-title = النقل إلى هاتفك الشخصي
handover-making = جارٍ إنشاء الرمز …
handover-how = افتح تطبيق ThüringenApp على هاتفك، وانتقل إلى „طلباتي“ ثم إلى „استلام مسودة من جهاز آخر“. أدخل هذا الرمز هناك. تنتقل بياناتك وملفاتك مشفّرة، ولا يستطيع قراءتها إلا من يملك الرمز.
handover-qr-label = رمز QR للنقل. الرمز نفسه مكتوب أدناه لإدخاله يدويًا.
handover-code-label = رمز النقل
handover-valid-until = الرمز صالح حتى { $time } ولمرة واحدة فقط.
handover-waiting = بانتظار أن يستلم هاتفك المسودة.
handover-picked-up = تم الاستلام. المسودة الآن على هاتفك وحُذفت من هذا الجهاز.
handover-expired = انتهت صلاحية الرمز. المسودة ما زالت على هذا الجهاز، ويمكنك نقلها مرة أخرى.
handover-close = إغلاق
handover-waiting-until = تم النقل: يمكن استلامها حتى { $time }.
handover-receive-heading = استلام مسودة من جهاز آخر
handover-receive-hint = هل بدأت طلبًا على جهاز آخر، مثلًا أثناء جلسة استشارة؟ أدخل الرمز الذي يعرضه الجهاز الآخر. لا يهم حجم الأحرف ولا الشرطات.
handover-receive = استلام
handover-receiving = جارٍ الاستلام …
