# نصوص رسائل وحدة النماذج (domain::form::MESSAGE_IDS).
form-field-required = يُرجى ملء هذا الحقل.
form-type-mismatch = هذه البيانات ليست بالشكل المتوقع. يُرجى إدخالها من جديد.
form-text-single-line = يُرجى كتابة كل شيء في سطر واحد.
form-text-too-short = يُرجى إدخال { $min } حرفًا على الأقل.
form-text-too-long = يُرجى التقصير إلى { $max } حرفًا كحد أقصى.
form-text-pattern = هذه البيانات ليست بالشكل المطلوب. يُرجى مراعاة الإرشاد الخاص بالحقل.
form-text-latin = لا يمكننا قبول الحرف «{ $char }» هنا. يُرجى استخدام الحروف اللاتينية (ويجوز مع علامات التشكيل).
form-number-invalid = يُرجى إدخال رقم، مثلًا 12 أو 12,5.
form-number-not-integer = يُرجى إدخال عدد صحيح دون فاصلة.
form-number-too-small = يجب أن يكون الرقم { $min } على الأقل.
form-number-too-large = يجب ألا يزيد الرقم على { $max }.
form-number-too-many-decimals = يُرجى عدم تجاوز { $scale } خانات بعد الفاصلة.
form-money-invalid = يُرجى إدخال مبلغ باليورو.
form-money-too-small = يجب أن يكون المبلغ { $min } على الأقل.
form-money-too-large = يجب ألا يزيد المبلغ على { $max }.
form-date-invalid = يُرجى إدخال تاريخ صالح.
form-date-in-past = لا يجوز أن يكون التاريخ في الماضي.
form-date-in-future = لا يجوز أن يكون التاريخ في المستقبل.
form-date-too-early = لا يجوز أن يكون التاريخ قبل { $limit }.
form-date-too-late = لا يجوز أن يكون التاريخ بعد { $limit }.
form-time-invalid = يُرجى إدخال وقت، مثلًا 08:30.
form-datetime-invalid = يُرجى إدخال التاريخ والوقت.
form-choice-unknown = هذا الاختيار غير موجود (بعد الآن). يُرجى الاختيار من جديد.
form-choice-too-few = يُرجى اختيار { $min } على الأقل.
form-choice-too-many = يُرجى اختيار { $max } كحد أقصى.
form-email-invalid = يُرجى إدخال عنوان بريد إلكتروني صالح، مثلًا name@beispiel.de.
form-phone-invalid = يُرجى إدخال رقم هاتف مع رمز المنطقة، مثلًا 0361 123456.
form-iban-invalid = هذا ليس رقم IBAN. يبدأ رقم IBAN الألماني بـ DE ويتكون من 22 خانة.
form-iban-checksum = يحتوي رقم IBAN على خطأ كتابي. يُرجى التحقق من كل رقم.
form-postal-code-invalid = يُرجى إدخال رمز بريدي من 5 أرقام.
form-municipality-invalid = يُرجى اختيار بلدية من القائمة.
form-attachment-type = الملف { $name } بصيغة لا يمكننا قبولها. المسموح: { $accepted }.
form-attachment-too-large = الملف { $name } كبير جدًا. الحد الأقصى { $max_mb } ميغابايت.
form-attachment-too-few = يُرجى رفع { $min } { $min ->
        [one] ملف
        [two] ملف
        [few] ملفات
       *[other] ملف
    } على الأقل.
form-attachment-too-many = يُرجى رفع { $max } { $max ->
        [one] ملف
        [two] ملف
        [few] ملفات
       *[other] ملف
    } كحد أقصى.
form-repeat-too-few = يُرجى إدخال { $min } { $min ->
        [one] إدخال
        [two] إدخال
        [few] إدخالات
       *[other] إدخال
    } على الأقل.
form-repeat-too-many = يُرجى إدخال { $max } { $max ->
        [one] إدخال
        [two] إدخال
        [few] إدخالات
       *[other] إدخال
    } كحد أقصى.
form-confirmation-required = يُرجى تأكيد هذا الإقرار لإرسال الطلب.
form-end-before-start = لا يجوز أن يكون تاريخ الانتهاء قبل تاريخ البدء.
form-move-in-too-late = مضى على انتقالك إلى السكن { $days } يومًا. التسجيل مستحق خلال أسبوعين؛ ويمكنك المتابعة مع ذلك.
form-person-too-young = يجب أن يكون عمرك { $min_age } سنة على الأقل.
form-building-height-exceeds = في فئة المباني هذه لا يجوز أن يزيد ارتفاع المبنى على { $max } م. يُرجى التحقق من فئة المبنى.
form-area-sum-mismatch = بيانات المساحات غير متوافقة. يُرجى التحقق منها.
form-parking-shortfall = ما زال ينقص { $missing } من أماكن الوقوف. يُرجى التحقق من إثبات أماكن الوقوف.
form-renewable-share-low = يجب أن تستخدم أنظمة التدفئة الجديدة عادةً { $min } % على الأقل من الطاقة المتجددة.
form-smoke-alarm-required = أجهزة الإنذار بالدخان إلزامية في تورينغن.
form-business-start-too-far = موعد البدء بعد أكثر من ثلاثة أشهر في المستقبل. يُرجى التحقق من التاريخ.
form-synthetic-check = تم انتهاك قاعدة اختبار.
form-check-failed = هذه البيانات لا تتوافق مع بياناتك الأخرى. يُرجى التحقق منها.
form-consent-required = لا يمكن للجهة معالجة طلبك دون موافقتك. يُرجى تأكيدها لإرسال الطلب.
