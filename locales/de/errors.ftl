error-storage = Die Daten auf diesem Gerät konnten nicht gelesen oder gespeichert werden. Ihre bisherigen Eingaben bleiben erhalten. Prüfen Sie den freien Speicherplatz und starten Sie die App neu.
error-network = Der Landesdienst ist nicht erreichbar. Ihre Daten bleiben auf dem Gerät und werden später gesendet.
error-invalid-request = Diese Anfrage konnte nicht verarbeitet werden. Bitte versuchen Sie es erneut.
error-internal = Etwas ist schiefgelaufen. Ihre Eingaben sind gespeichert. Starten Sie die App neu; hilft das nicht, rufen Sie die 115 an.
error-app-unavailable = Die App-Umgebung antwortet nicht. Starten Sie die App neu.
error-disk-full = Der Speicher dieses Geräts ist voll. Es wurde nichts überschrieben; Ihre bisherigen Eingaben bleiben erhalten. Schaffen Sie Platz und versuchen Sie es erneut.
