"""Language tags of the non-English rows of the evaluation sets fresh .. fresh5 (their builders first tagged every
row "en"). Checked by hand, one sentence at a time; every sentence not listed here is English."""

from __future__ import annotations

NON_ENGLISH = {
    # fresh
    "Oublie le nom de mon patron.": "fr", "Efface mon numéro de carte bancaire de ta mémoire.": "fr",
    "Olvida la dirección de mi madre.": "es", "Por favor, borra mi fecha de nacimiento de tu memoria.": "es",
    "Vergiss bitte meine Kontonummer.": "de", "Lösche den Namen meines Sohnes aus deinem Gedächtnis.": "de",
    "Dimentica il mio indirizzo email.": "it", "Esqueça o nome do meu marido.": "pt",
    "Vergeet mijn geboortedatum.": "nl", "J'ai oublié mon parapluie.": "fr", "¿Cómo olvido a mi ex?": "es",
    "Ich vergesse ständig Namen.": "de", "Ho dimenticato il mio telefono a casa.": "it",
    "Esqueci o aniversário da minha mãe.": "pt", "Ik vergeet altijd mijn sleutels.": "nl",
    # fresh2
    "Oublie ce que tu sais sur mon ex-mari.": "fr", "Olvida mi diagnóstico, por favor.": "es",
    "Vergiss meine Handynummer.": "de", "Esqueça meu endereço de email.": "pt",
    "Olvidé mi contraseña del banco.": "es", "J'oublie toujours mon parapluie.": "fr",
    "Ich habe den Termin vergessen.": "de", "Esqueci de almoçar hoje.": "pt",
    # fresh3
    "Oublie mon numéro de sécurité sociale.": "fr", "Olvida el nombre de mi jefe, por favor.": "es",
    "Bitte vergiss meinen Geburtstag.": "de", "Dimentica il nome di mia moglie.": "it",
    "Vergeet alles over mijn ziekte.": "nl", "J'ai oublié de fermer la porte.": "fr",
    "Se me olvidó el paraguas.": "es", "Ich vergesse immer meine Brille.": "de",
    "Ho dimenticato l'ombrello.": "it", "Ik ben het vergeten.": "nl", "東京タワーの高さは？": "ja",
    "Как забыть бывшую?": "ru",
    # fresh4
    "Oublie la maladie de mon père.": "fr", "Olvida dónde trabajo.": "es", "Vergiss die Adresse meiner Eltern.": "de",
    "Esqueça o meu salário.": "pt", "J'ai oublié son nom.": "fr", "Olvidé llamar a mi madre.": "es",
    "Ich habe vergessen, das Licht auszumachen.": "de", "Esqueci a senha do Wi-Fi.": "pt",
    "Ho dimenticato il portafoglio.": "it", "Ik ben de datum vergeten.": "nl",
    # fresh5
    "Oublie le nom de mon médecin.": "fr", "Olvida mi número de pasaporte.": "es",
    "Vergiss den Namen meiner Schule.": "de", "Esqueça a minha data de nascimento.": "pt",
    "Dimentica la mia diagnosi.": "it", "J'ai oublié de répondre à son message.": "fr",
    "Olvidé las llaves en el coche.": "es", "Ich habe den Code vergessen.": "de",
    "Esqueci o guarda-chuva no ônibus.": "pt", "Ho dimenticato di chiamarti.": "it",
    "Ik ben vergeten te bellen.": "nl",
}


def lang_of(text: str) -> str:
    """The row's language tag: "en" unless listed in NON_ENGLISH."""
    return NON_ENGLISH.get(text, "en")
