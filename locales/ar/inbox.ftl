inbox-heading = صندوق البريد
inbox-unread = { $count ->
    [0] لا توجد رسائل غير مقروءة.
    [one] رسالة واحدة غير مقروءة.
    [two] رسالتان غير مقروءتين.
    [few] { $count } رسائل غير مقروءة.
    [many] { $count } رسالة غير مقروءة.
   *[other] { $count } رسالة غير مقروءة.
}
inbox-empty = لا توجد رسائل بعد. ستظهر ردود الهيئات هنا.
inbox-new = جديد
inbox-to-application = إلى الطلب
