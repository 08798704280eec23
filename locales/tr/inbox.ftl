inbox-heading = Gelen kutusu
inbox-unread = { $count ->
    [0] Okunmamış mesaj yok.
    [one] { $count } okunmamış mesaj.
   *[other] { $count } okunmamış mesaj.
}
inbox-empty = Henüz mesaj yok. Kurumların yanıtları burada görünür.
inbox-new = Yeni
inbox-to-application = Başvuruya git
