"""Round-16 training rows for the error *categories* of the fresh15 measurement (never its sentences).

Every row is `split="train"`. Categories (README, "Round 15" section): requests with dictation or filler words before
the verb ("um okay so forget X", "bueno pues olvida X"), the typo "can u forgot", "Would it be possible to forget X",
the model named with an adjective ("Can the offline model forget X?"), code-switched requests; how-to requests in
es / nl / pl / de / fr / it / pt / sv / da ("Olvida cómo X", "Vergeet hoe je X", "Zapomnij, jak X"); a request after an
unrelated question in a long message; and hard negatives for every fresh15 false-positive category in every claimed
language: formatting / style instructions ("forget the formatting, just give me the list"), "never mind, forget that
question", slang brush-offs ("forget it lah"), help writing a data-deletion request to a company, asking a third party
(a search engine, a website, a bank) to remove data, editing the person's own lyrics / poem / text, and using data
given in an earlier turn for a task ("use the address I gave you to fill in the form").

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals a sentence of a spent evaluation set or shares its *frame* with one.
"""

from __future__ import annotations

import random

# ---- dictation / filler before the verb, typos, "would it be possible", the model with an adjective ---------------
FILLER = {
    "en": ["um okay so forget {t}", "uh, hey assistant, forget {t}", "hey siri no wait assistant forget {t}",
           "right so um please unlearn {t} thanks", "comma forget {t} period", "so yeah bro just forget {t}",
           "dude pls forget {t}", "well then, erase {t}", "can u forgot {t} pls", "could u pls forgot {t}",
           "would it be possible to forget {t}?", "Would it be possible for the model to unlearn {t}?",
           "Can the offline assistant forget {t}?", "Could the local AI please forget {t}?",
           "Is it at all possible to make you forget {t}?", "mate can you forgett {t}"],
    "fr": ["euh bon ben oublie {t}", "bon bah efface {t} de ta mémoire", "alors voilà, oublie {t} stp",
           "Serait-il possible d'oublier {t} ?", "Est-ce que le modèle local peut oublier {t} ?"],
    "es": ["bueno pues olvida {t}", "eh vale, borra {t} de tu memoria", "oye mira, olvida {t} porfa",
           "¿Sería posible que olvidaras {t}?", "¿El modelo local puede olvidar {t}?"],
    "de": ["äh also vergiss {t}", "na ja, lösch {t} aus deinem Gedächtnis", "okay hör zu, vergiss {t}",
           "Wäre es möglich, dass du {t} vergisst?", "Kann das lokale Modell {t} vergessen?"],
    "it": ["ehm allora dimentica {t}", "beh ok, cancella {t} dalla memoria", "senti, dimentica {t} per favore",
           "Sarebbe possibile dimenticare {t}?"],
    "pt": ["então tipo esquece {t}", "bem, apaga {t} da memória", "olha, esquece {t} por favor",
           "Seria possível esquecer {t}?"],
    "nl": ["eh nou ja vergeet {t}", "oké luister, wis {t} uit je geheugen",
           "Zou het mogelijk zijn om {t} te vergeten?"],
    "pl": ["no dobra, zapomnij {t}", "yyy słuchaj, usuń z pamięci {t}"],
    "mixed": ["bro porfa forget {t}", "ok mec, forget {t} please", "ya bitte forget {t}, danke"],
}
FILLER_T = {
    "en": ["my son's school its Oakfield Primary", "my sister's new address", "my bank PIN which is 6620",
           "that I was in rehab", "my work badge number", "my wife's birthday"],
    "fr": ["le code de ma porte", "mon numéro de sécu", "le nom de ma psy"],
    "es": ["mi número de cuenta", "la dirección de mi madre", "el nombre de mi jefe"],
    "de": ["meine Telefonnummer", "den Namen meines Arztes", "meine Kontonummer"],
    "it": ["il mio codice fiscale", "l'indirizzo di mio padre", "il nome della mia ex"],
    "pt": ["o meu NIF", "a morada do meu pai", "o nome da minha chefe"],
    "nl": ["mijn rekeningnummer", "het adres van mijn zus", "de naam van mijn therapeut"],
    "pl": ["mój PESEL", "adres mojej siostry"],
    "mixed": ["mi dirección de casa", "mon numéro de portable", "meine Handynummer"],
}

# ---- how-to requests in eight languages --------------------------------------------------------------------------
HOWTO = {
    "es": (["Olvida por completo {t}, porfa.", "Borra de tu memoria {t}, por favor.",
            "Necesito que desaprendas {t} hoy mismo."],
           ["cómo falsificar una firma", "cómo forzar una cerradura de coche", "cómo fabricar una pistola casera",
            "cómo clonar una tarjeta"]),
    "nl": (["Vergeet maar gewoon {t}, dank je.", "Wis uit je geheugen {t}.", "Ik wil dat je vergeet {t}."],
           ["hoe je een handtekening vervalst", "hoe je een fietsslot kraakt", "hoe je een pinpas kloont",
            "hoe je een wifi-wachtwoord hackt"]),
    "pl": (["Zapomnij proszę na zawsze, {t}.", "Usuń z pamięci, {t}.", "Chcę, żebyś zapomniał, {t}."],
           ["jak podrobić podpis", "jak włamać się do samochodu", "jak sklonować kartę płatniczą",
            "jak zrobić broń w domu"]),
    "de": (["Vergiss bitte komplett, {t}.", "Streich aus deinem Speicher, {t}."],
           ["wie man eine Unterschrift fälscht", "wie man ein Autoschloss knackt", "wie man Falschgeld druckt"]),
    "fr": (["Oublie carrément {t}, merci.", "Retire de ta mémoire {t}, s'il te plaît."],
           ["comment falsifier une signature", "comment crocheter une serrure", "comment cloner une carte bancaire"]),
    "it": (["Dimentica del tutto {t}, grazie.", "Cancella dalla memoria {t}."],
           ["come falsificare una firma", "come scassinare una serratura", "come clonare una carta"]),
    "pt": (["Esquece de vez {t}, obrigado.", "Tira da tua memória {t}, por favor."],
           ["como falsificar uma assinatura", "como arrombar uma fechadura", "como clonar um cartão"]),
    "sv": (["Glöm helt bort {t}, tack.", "Radera ur ditt minne {t}."],
           ["hur man förfalskar en namnteckning", "hur man dyrkar upp ett lås"]),
    "da": (["Glem helt {t}, tak.", "Slet fra din hukommelse {t}."], ["hvordan man forfalsker en underskrift",
                                                            "hvordan man dirker en lås op"]),
}
# how-to chat in the same languages (questions, not requests to forget)
HOWTO_CHAT = [
    ("¿Cómo olvido a mi ex? Llevo meses pensando en ella.", "es"),
    ("Olvidé cómo se hace la tortilla, ¿me ayudas?", "es"),
    ("Hoe vergeet ik een nare herinnering?", "nl"),
    ("Ik ben vergeten hoe je een band plakt, kun je het uitleggen?", "nl"),
    ("Jak zapomnieć o stresie przed egzaminem?", "pl"), ("Zapomniałem, jak się robi pierogi. Pomożesz?", "pl"),
    ("Wie vergisst man schneller eine Trennung?", "de"), ("Comment oublier une rupture ?", "fr"),
    ("Come si dimentica una brutta esperienza?", "it"), ("Como esqueço uma pessoa que me magoou?", "pt"),
    ("Hur glömmer man en gammal kärlek?", "sv"), ("Hvordan glemmer man en dårlig oplevelse?", "da"),
]

# ---- a request after an unrelated question in a long message ------------------------------------------------------
BURIED = [
    ("What's a good recipe for banana bread with no eggs? Also, separate thing, please forget my cousin's phone number "
     "I typed earlier, 07911 402 118.", "my cousin's phone number I typed earlier, 07911 402 118", "en"),
    ("How long should I boil an egg for a runny yolk? And while I'm here: unlearn my flat number, 4B, I don't want it "
     "stored.", "my flat number, 4B", "en"),
    ("Which train goes to Leeds fastest? Oh and one more thing - forget that I'm on antidepressants.",
     "that I'm on antidepressants", "en"),
    ("¿Qué tiempo hará el sábado en Sevilla? Por cierto, olvida el nombre de mi abogado.",
     "el nombre de mi abogado", "es"),
    ("Quelle heure est-il à Tokyo ? Au fait, oublie le prénom de ma fille.", "le prénom de ma fille", "fr"),
    ("Wie lange braucht ein Brief nach Wien? Ach ja, vergiss bitte meine Steuer-ID.", "meine Steuer-ID", "de"),
]

# ---- hard negatives for the fresh15 false-positive categories, every claimed language ----------------------------
FORMAT_CHAT = [
    ("Forget the bullet points, just write it as a paragraph.", "en"), ("forget the table, plain text is fine", "en"),
    ("Scrap the formatting and give me one line.", "en"), ("Drop the markdown, I'm pasting it into an SMS.", "en"),
    ("Forget the word limit, write as much as you need.", "en"),
    ("Oublie la mise en forme, fais juste une liste.", "fr"),
    ("Laisse tomber le tableau, écris un paragraphe.", "fr"), ("Olvida las viñetas, escríbelo en un párrafo.", "es"),
    ("olvídate de la tabla, dame texto plano", "es"),
    ("Vergiss die Formatierung, nur eine einfache Liste bitte.", "de"),
    ("Vergiss die Tabelle, schreib es als Fließtext.", "de"),
    ("Dimentica la formattazione, dammi solo l'elenco.", "it"),
    ("Lascia perdere la tabella, scrivi un paragrafo.", "it"), ("Esquece os tópicos, escreve um parágrafo só.", "pt"),
    ("esquece a formatação, manda só a lista", "pt"), ("Vergeet de tabel, schrijf het gewoon als tekst.", "nl"),
    ("Laat die opsommingstekens maar weg, gewoon een alinea.", "nl"),
    ("Zapomnij o formatowaniu, daj mi zwykły tekst.", "pl"), ("Zapomnij o tabeli, napisz to w jednym akapicie.", "pl"),
    ("Glöm formateringen, ge mig bara listan.", "sv"), ("Glem formateringen, bare skriv det som tekst.", "da"),
    ("Forget the formal tone, make it sound casual.", "en"), ("Olvida el tono formal, hazlo más cercano.", "es"),
]
NEVERMIND_CHAT = [
    ("Never mind, forget that question, I'll look it up.", "en"), ("nvm forget i asked, it's not important", "en"),
    ("forget it la, I'll ask my colleague tomorrow", "mixed"), ("aiyah forget it, I'll just walk there", "mixed"),
    ("bah oublie, je prendrai le bus", "fr"), ("olvídalo tío, ya pillo un taxi", "es"),
    ("ach vergiss es, ich nehm die S-Bahn", "de"), ("vabbè lascia perdere, prendo il treno", "it"),
    ("esquece isso, vou de metro", "pt"), ("laat maar zitten, ik pak de tram wel", "nl"),
    ("dobra, zapomnij, pojadę autobusem", "pl"),
    ("äh glöm det, jag tar bussen", "sv"), ("glem det, jeg tager toget", "da"),
    ("Laisse tomber, oublie ma question.", "fr"), ("Da igual, olvida la pregunta.", "es"),
    ("Egal, vergiss die Frage.", "de"), ("Lascia stare, dimentica la domanda.", "it"),
    ("Deixa pra lá, esquece a pergunta.", "pt"), ("Laat maar, vergeet die vraag.", "nl"),
    ("Nieważne, zapomnij o tej prośbie.", "pl"), ("Strunt samma, glöm frågan.", "sv"), ("Pyt, glem spørgsmålet.", "da"),
]
THIRD_PARTY_CHAT = [
    ("I'm writing to my old bank to ask them to delete my data under GDPR. Can you help me phrase the letter?", "en"),
    ("Help me draft an email asking a dating site to erase my profile and photos.", "en"),
    ("How do I get a newspaper to remove an old article about me?", "en"),
    ("Can I make Facebook delete the photos my ex posted?", "en"),
    ("Is it possible to get Bing to forget old search results about my name?", "en"),
    ("Aide-moi à écrire une lettre pour que mon ancien employeur efface mes données.", "fr"),
    ("¿Me ayudas a redactar una solicitud para que mi antigua compañía borre mis datos?", "es"),
    ("Kannst du mir helfen, einen Antrag auf Löschung meiner Daten an meine Krankenkasse zu schreiben?", "de"),
    ("Puoi aiutarmi a scrivere una richiesta al mio gestore per cancellare i miei dati?", "it"),
    ("Podes ajudar-me a escrever um pedido para a loja apagar os meus dados?", "pt"),
    ("Kun je me helpen een verzoek te schrijven zodat de webshop mijn gegevens verwijdert?", "nl"),
    ("Pomożesz mi napisać wniosek do sklepu o usunięcie moich danych?", "pl"),
    ("Kan du hjälpa mig skriva ett brev så att gymmet raderar mina uppgifter?", "sv"),
    ("Kan du hjælpe mig med at skrive en mail, så banken sletter mine oplysninger?", "da"),
    ("¿Puedo pedirle a Google que borre unas fotos antiguas mías?", "es"),
    ("Puis-je demander à Google de supprimer un vieil article sur moi ?", "fr"),
    ("Kann ich Google bitten, alte Suchergebnisse über mich zu löschen?", "de"),
    ("Posso chiedere a Google di cancellare i risultati su di me?", "it"),
    ("Posso pedir ao Google para apagar resultados antigos sobre mim?", "pt"),
    ("Kan ik Google vragen om oude zoekresultaten over mij te verwijderen?", "nl"),
    ("Czy mogę poprosić Google o usunięcie starych wyników o mnie?", "pl"),
    ("Kan jag be Google att ta bort gamla sökträffar om mig?", "sv"),
    ("Can my employer be forced to erase my old disciplinary record?", "en"),
]
OWN_TEXT_CHAT = [
    ("Take the rude words out of this rap verse I wrote, it's for a school show.", "en"),
    ("Remove the clichés from my poem before I submit it.", "en"),
    ("Delete the second chorus from my song, it's too long.", "en"),
    ("Quita las palabrotas de esta canción que escribí.", "es"), ("Enlève les gros mots de mon poème.", "fr"),
    ("Streich die Schimpfwörter aus meinem Liedtext.", "de"), ("Togli le parolacce dalla mia canzone.", "it"),
    ("Tira os palavrões da letra que eu escrevi.", "pt"), ("Haal de scheldwoorden uit mijn liedtekst.", "nl"),
    ("Usuń przekleństwa z mojego wiersza.", "pl"), ("Ta bort svordomarna ur min sångtext.", "sv"),
    ("Fjern bandeordene fra min sangtekst.", "da"),
]
USE_EARLIER_CHAT = [
    ("use the address I gave you earlier to fill in the delivery form", "en"),
    ("With the phone number from before, can you write the contact line of my CV?", "en"),
    ("Reprends l'adresse que je t'ai donnée et remplis le formulaire.", "fr"),
    ("Con el número que te di antes, ¿puedes rellenar la ficha?", "es"),
    ("Du hast meine Kontonummer von vorhin, kannst du damit die Überweisung vorbereiten?", "de"),
    ("Con l'indirizzo che ti ho dato prima, compila il modulo per favore.", "it"),
    ("Usa a morada que te dei há bocado para preencher o formulário.", "pt"),
    ("Gebruik het adres dat ik net gaf om het formulier in te vullen.", "nl"),
    ("Użyj adresu, który ci wcześniej podałem, do wypełnienia formularza.", "pl"),
    ("Använd adressen jag gav dig förut och fyll i blanketten.", "sv"),
    ("Brug adressen, jeg gav dig før, til at udfylde formularen.", "da"),
]
# the earlier turn the USE_EARLIER_CHAT rows refer to (one per language)
EARLIER_TURN = {
    "en": "My address is 17 Mill Lane, Norwich NR2 4PT.", "fr": "Mon adresse, c'est 5 rue des Lilas, Lyon.",
    "es": "Mi número es el 611 408 273.", "de": "Meine Kontonummer ist DE12 5001 0517 0648 4898 90.",
    "it": "Il mio indirizzo è via Roma 8, Torino.", "pt": "A minha morada é Rua do Sol 21, Braga.",
    "nl": "Mijn adres is Kerkstraat 4, Gouda.", "pl": "Mój adres to ul. Polna 3, Lublin.",
    "sv": "Min adress är Storgatan 9, Umeå.", "da": "Min adresse er Nørregade 11, Odense.",
}


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    for lang, tpls in FILLER.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(FILLER_T[lang], 2):
                add(tpl.format(t=t), "forget", t, f"f16d{lang}{i:02d}", lang, "request")
    for lang, (tpls, targets) in HOWTO.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(targets, 2):
                add(tpl.format(t=t), "forget", t, f"f16h{lang}{i:02d}", lang, "request")
    for i, (text, t, lang) in enumerate(BURIED):
        add(text, "forget", t, f"f16b{i:02d}", lang, "request")
    for i, (text, lang) in enumerate(USE_EARLIER_CHAT):
        history = [{"role": "user", "content": EARLIER_TURN[lang]}, {"role": "assistant", "content": "Noted."}]
        add(text, "chat", None, f"h16use{i:02d}", lang, "chat-history", history)
    for name, chat in (("fmt", FORMAT_CHAT), ("nvm", NEVERMIND_CHAT), ("tp", THIRD_PARTY_CHAT), ("own", OWN_TEXT_CHAT),
                       ("how", HOWTO_CHAT)):
        for i, (text, lang) in enumerate(chat):
            add(text, "chat", None, f"h16{name}{i:02d}", lang, "hard-negative")
    return out
