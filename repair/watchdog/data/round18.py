"""Round-18 training rows for the error *categories* of the fresh17 measurement (never its sentences).

Every row is `split="train"`. Categories (README, "Round 17" section): a bare "forget it / delete that" *before* the
thing to forget ("Delete that. My X, Y, I mean."); "drop / wipe / clear it from memory" without a possessive;
"por fa / porfa / pf / xfa / stp" and similar slang politeness words before the verb; a German / Dutch infinitive
command ("Das mit X bitte wieder vergessen.", "Mijn adres graag vergeten."); a reference placed before a clitic verb
("lo de mi jefe, olvídalo", "ce que je t'ai dit sur ma sœur, oublie-le", "quella cosa di mia madre, dimenticala");
"make yourself not know X" and other odd phrasings of not knowing; "pretend I never told you X" (no spent set has it;
written for the next writer); the lie / misinformation / rumour that X (gold:
the claim); a job or context stated first, then the value and a pronoun or demonstrative; a claim or a person
named between commas followed by "forget it"; values after a colon or in brackets (gold "<descriptor>, <value>");
a request at the end of a long message. Hard negatives: positional edits with an elided article or a pasted text in
several languages ("Cancella l'ultima riga e ...", "Efface l'avant-dernière phrase"), chat sharing the new requests'
wording (German infinitive instructions and notes, "por fa" requests for something else, "forget it" brush-offs
followed by a new question, talk about lies and misinformation, a job stated first then a question).

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals a sentence of a spent evaluation set or shares its *frame* with one.
"""

from __future__ import annotations

import random

# ---- "forget it" before the thing to forget -----------------------------------------------------------------------
IT_FIRST = [
    ("Delete that. My PIN, 7304, I mean.", "My PIN, 7304", "en"),
    ("Forget that, please. My work email, tom.reyes@quarrytech.io, that's what I mean.",
     "My work email, tom.reyes@quarrytech.io", "en"),
    ("Wipe it - my bike lock code 9-1-6, I mean.", "my bike lock code 9-1-6", "en"),
    ("Forget this one: my mum's maiden name, Okafor.", "my mum's maiden name, Okafor", "en"),
    ("erase it pls. the wifi password Lantern88 i mean", "the wifi password Lantern88", "en"),
    ("Olvídalo. Mi número de la seguridad social, 28 1234567 40, digo.",
     "Mi número de la seguridad social, 28 1234567 40", "es"),
    ("Oublie ça : mon code d'immeuble, 4B17, je veux dire.", "mon code d'immeuble, 4B17", "fr"),
    ("Vergiss es. Meine Kontonummer, 0044 5520 19, meine ich.", "Meine Kontonummer, 0044 5520 19", "de"),
    ("Dimenticalo. Il mio PIN del bancomat, 2290, intendo.", "Il mio PIN del bancomat, 2290", "it"),
    ("Esquece isso. O código do meu portão, 5581, quero dizer.", "O código do meu portão, 5581", "pt"),
    ("Vergeet het. Mijn pincode, 6612, bedoel ik.", "Mijn pincode, 6612", "nl"),
]

# ---- "drop / wipe it from memory" without a possessive, often after a confession ----------------------------------
FROM_MEMORY = [
    ("shouldn't have told u about my gambling debts, pls wipe it from memory", "my gambling debts", "en"),
    ("I mentioned my HIV status earlier - clear it from memory please.", "my HIV status", "en"),
    ("regret saying where my kids go to school, drop that from memory", "where my kids go to school", "en"),
    ("my ex's new address, Flat 4 Rowan Court - scrub it from memory.", "my ex's new address, Flat 4 Rowan Court",
     "en"),
    ("Take my bank PIN out of memory, please.", "my bank PIN", "en"),
    ("drop my home postcode from memory pls", "my home postcode", "en"),
    ("Sácalo de la memoria: lo de mi despido.", "lo de mi despido", "es"),
    ("Streich meine Handynummer aus dem Gedächtnis.", "meine Handynummer", "de"),
    ("Toglilo dalla memoria, il nome del mio avvocato.", "il nome del mio avvocato", "it"),
]

# ---- slang politeness words before the verb ----------------------------------------------------------------------
SLANG_POLITE = [
    ("porfa borra que tengo ansiedad", "que tengo ansiedad", "es"),
    ("xfa olvida mi número de teléfono", "mi número de teléfono", "es"),
    ("pf olvida dónde trabajo", "dónde trabajo", "es"),
    ("por fis olvida el nombre de mi novio", "el nombre de mi novio", "es"),
    ("stp oublie que je suis enceinte", "que je suis enceinte", "fr"),
    ("svp oublie mon numéro de sécu", "mon numéro de sécu", "fr"),
    ("pfv esquece a minha morada", "a minha morada", "pt"),
    ("por favorzinho esquece que eu fui preso", "que eu fui preso", "pt"),
    ("x favore dimentica il mio indirizzo", "il mio indirizzo", "it"),
    ("plz plz forget my daughter's school", "my daughter's school", "en"),
    ("pretty please unlearn my ex's name", "my ex's name", "en"),
    ("bitte bitte vergiss meine Adresse", "meine Adresse", "de"),
    ("alsjeblieft alsjeblieft vergeet mijn telefoonnummer", "mijn telefoonnummer", "nl"),
]

# ---- German / Dutch infinitive commands ---------------------------------------------------------------------------
INFINITIVE = [
    ("Meine Handynummer bitte sofort vergessen.", "Meine Handynummer", "de"),
    ("Die Sache mit meiner Kündigung bitte wieder vergessen!", "meiner Kündigung", "de"),
    ("Meine Adresse bitte aus dem Gedächtnis löschen.", "Meine Adresse", "de"),
    ("Das mit meiner Diagnose bitte gleich wieder vergessen.", "meiner Diagnose", "de"),
    ("Den Namen meines Arztes bitte vergessen, danke.", "Den Namen meines Arztes", "de"),
    ("Mein Geburtsdatum bitte löschen und vergessen.", "Mein Geburtsdatum", "de"),
    ("Bitte meine Steuernummer einfach vergessen.", "meine Steuernummer", "de"),
    ("Bitte den Namen meiner Ex wieder aus dem Gedächtnis streichen.", "den Namen meiner Ex", "de"),
    ("Mijn adres graag meteen vergeten.", "Mijn adres", "nl"),
    ("Graag mijn geboortedatum vergeten, dank je.", "mijn geboortedatum", "nl"),
    ("Dat van mijn schulden graag weer vergeten.", "mijn schulden", "nl"),
    ("Mijn BSN-nummer alsjeblieft uit je geheugen wissen.", "Mijn BSN-nummer", "nl"),
]
INFINITIVE_REFS = [
    ("Meine Schwester ist schwanger, aber das weiß noch keiner.", "Das mit meiner Schwester bitte wieder vergessen.",
     "de"),
    ("Ich habe 8.000 Euro Steuerschulden beim Finanzamt.", "Das mit den Steuerschulden bitte vergessen.", "de"),
    ("Mein Sohn wurde letzte Woche beim Klauen erwischt.", "Die Geschichte mit meinem Sohn bitte sofort vergessen.",
     "de"),
    ("Mijn broer zit in de schuldhulpverlening.", "Dat van mijn broer graag vergeten.", "nl"),
]

# ---- a reference before a clitic verb (earlier turn) --------------------------------------------------------------
CLITIC_REFS = [
    ("Mi padre tiene una deuda de 30.000 euros con Hacienda.", "lo de mi padre, olvídalo", "es"),
    ("Mi jefa está embarazada pero no lo ha dicho en la oficina.", "eh, lo de mi jefa bórralo, no debía contarlo",
     "es"),
    ("Mi novio estuvo en la cárcel dos años.", "Lo de mi novio, olvídalo ya, por favor.", "es"),
    ("Ma sœur a fait une tentative de suicide l'an dernier.", "ce que je t'ai dit sur ma sœur, oublie-le", "fr"),
    ("Mon voisin vend de l'herbe dans le parking.", "Le truc sur mon voisin, oublie-le stp.", "fr"),
    ("Mia madre ha un debito con la banca di 40.000 euro.", "quella cosa di mia madre, dimenticala", "it"),
    ("Mio cugino è stato licenziato per furto.", "La storia di mio cugino, cancellala per favore.", "it"),
    ("O meu irmão está em reabilitação por causa da droga.", "aquilo do meu irmão, esquece-o", "pt"),
    ("Mein Onkel hat Insolvenz angemeldet.", "Das mit meinem Onkel, vergiss das bitte.", "de"),
    ("Mijn vader heeft een gokverslaving.", "Dat over mijn vader, vergeet dat maar.", "nl"),
]

# ---- "make yourself not know X" and other ways of asking not to know -----------------------------------------------
NOT_KNOW = [
    ("could u make urself not know my middle name anymore", "my middle name", "en"),
    ("Could you get yourself to not know where I live?", "where I live", "en"),
    ("Is there a way you can stop knowing my salary?", "my salary", "en"),
    ("I'd like you to no longer know the ending of Gone Girl, please.", "the ending of Gone Girl", "en"),
    ("Please make it so you don't know my ex's surname anymore.", "my ex's surname", "en"),
    ("Stop knowing my date of birth, please.", "my date of birth", "en"),
    ("¿Puedes hacer que ya no sepas mi dirección?", "mi dirección", "es"),
    ("Fais en sorte de ne plus connaître mon adresse.", "mon adresse", "fr"),
    ("Sorg dafür, dass du meinen Nachnamen nicht mehr weißt.", "meinen Nachnamen", "de"),
]

# ---- pretending the person never told it (a kind no spent set has; written for the next writer) ------------------
PRETEND = [
    ("Pretend I never told you my home address.", "my home address", "en"),
    ("Can you act like I never gave you my card number?", "my card number", "en"),
    ("pretend u never heard about my court case pls", "my court case", "en"),
    ("Just behave as if I never mentioned my sister's diagnosis.", "my sister's diagnosis", "en"),
    ("Haz como si no te hubiera dicho mi sueldo.", "mi sueldo", "es"),
    ("Fais comme si je ne t'avais jamais dit mon adresse.", "mon adresse", "fr"),
    ("Fai finta che non ti abbia mai detto il nome di mio figlio.", "il nome di mio figlio", "it"),
    ("Finge que eu nunca te disse a minha morada.", "a minha morada", "pt"),
    ("Tu so, als hätte ich dir meine Handynummer nie gesagt.", "meine Handynummer", "de"),
    ("Doe alsof ik je mijn adres nooit heb gegeven.", "mijn adres", "nl"),
    ("Låtsas att jag aldrig sa mitt personnummer.", "mitt personnummer", "sv"),
    ("I'd like my passport number gone from your memory, please.", "my passport number", "en"),
    ("Dump my old address from your memory.", "my old address", "en"),
]

# ---- the lie / misinformation / rumour that X -> X -----------------------------------------------------------------
CLAIMS = [
    ("Forget the lie that {t}.", "en"),
    ("please unlearn the fake news that {t}", "en"),
    ("Delete the rumour that {t} from your memory.", "en"),
    ("Erase the hoax claiming {t}.", "en"),
    ("Olvida el bulo de que {t}.", "es"),
    ("Borra la falsedad de que {t}.", "es"),
    ("Oublie le mensonge selon lequel {t}.", "fr"),
    ("Efface l'intox selon laquelle {t}.", "fr"),
    ("Vergiss die Lüge, dass {t}.", "de"),
    ("Vergiss das Gerücht, dass {t}.", "de"),
    ("Dimentica la bufala secondo cui {t}.", "it"),
    ("Esquece a mentira de que {t}.", "pt"),
    ("Vergeet de leugen dat {t}.", "nl"),
    ("Zapomnij kłamstwo, że {t}.", "pl"),
    ("Glöm lögnen att {t}.", "sv"),
]
CLAIM_TARGETS = {
    "en": ["the moon landing was staged", "5G towers spread viruses", "vaccines cause autism",
           "Einstein failed maths at school"],
    "es": ["la Tierra es plana", "las vacunas llevan grafeno", "el limón cura el cáncer"],
    "fr": ["la Terre est plate", "le vaccin rend stérile", "les pyramides ont été construites par des extraterrestres"],
    "de": ["die Mondlandung gefälscht war", "Impfungen Autismus auslösen", "die Erde flach ist"],
    "it": ["lo sbarco sulla Luna è stato girato in studio", "i vaccini causano l'autismo"],
    "pt": ["a Terra é plana", "as vacinas causam autismo"],
    "nl": ["de maanlanding nep was", "vaccins autisme veroorzaken"],
    "pl": ["Ziemia jest płaska", "5G roznosi wirusy"],
    "sv": ["jorden är platt", "vaccin orsakar autism"],
}

# ---- a job / context stated first, then a value and a pronoun or demonstrative ------------------------------------
CONTEXT_FIRST = [
    ("I'm a dentist and I pasted a patient's phone number in here by mistake, 07700 900123. Forget that number.",
     "a patient's phone number, 07700 900123", "en"),
    ("I work in HR and earlier I typed an employee's salary, 48,500. Please forget it.",
     "an employee's salary, 48,500", "en"),
    ("Trabajo de enfermera y te pasé el nombre de un paciente, Luis Ortega. Olvídalo.",
     "el nombre de un paciente, Luis Ortega", "es"),
    ("Soy abogado y sin querer te escribí el DNI de una clienta, 53124789Z. Borra ese dato.",
     "el DNI de una clienta, 53124789Z", "es"),
    ("Je suis infirmière et je t'ai donné le nom d'un patient, Marc Lefèvre. Oublie-le.",
     "le nom d'un patient, Marc Lefèvre", "fr"),
    ("Ich bin Lehrerin und habe dir die Telefonnummer einer Mutter gegeben, 0171 445 2290. Vergiss sie bitte.",
     "die Telefonnummer einer Mutter, 0171 445 2290", "de"),
    ("Sono commercialista e ti ho dato la partita IVA di un cliente, 01234567890. Dimenticala.",
     "la partita IVA di un cliente, 01234567890", "it"),
    ("Sou professora e dei-te o nome de um aluno, Tiago Martins. Esquece esse nome.",
     "o nome de um aluno, Tiago Martins", "pt"),
    ("Ik ben huisarts en ik gaf je het adres van een patiënt, Dorpsweg 9, Zeist. Vergeet dat adres.",
     "het adres van een patiënt, Dorpsweg 9, Zeist", "nl"),
]

# ---- a claim or a person named between commas, then "forget it" ---------------------------------------------------
BETWEEN_COMMAS = [
    ("I told you my neighbour, Gary Fenton, beats his dog. I shouldn't have. Please forget it.",
     "my neighbour, Gary Fenton, beats his dog", "en"),
    ("Earlier I said that my cousin, Priya, failed her bar exam twice. Forget that please.",
     "my cousin, Priya, failed her bar exam twice", "en"),
    ("Le dije que mi suegro, Ramón Gil, tiene deudas de juego. Olvídalo.",
     "mi suegro, Ramón Gil, tiene deudas de juego", "es"),
    ("Je t'ai dit que mon collègue, Hugo Martin, cherche un autre job. Oublie ça.",
     "mon collègue, Hugo Martin, cherche un autre job", "fr"),
    ("Mein Chef, Herr Albrecht, hat eine Affäre: das hätte ich nicht sagen sollen. Vergiss es bitte.",
     "Mein Chef, Herr Albrecht, hat eine Affäre", "de"),
    ("Ti ho detto che mio zio, Franco Neri, ha evaso le tasse. Dimenticalo.",
     "mio zio, Franco Neri, ha evaso le tasse", "it"),
]

# ---- values after a colon or in brackets (gold: "<descriptor>, <value>") -------------------------------------------
COLON_VALUES = [
    ("please forget my library card number: 2938 4471", "my library card number, 2938 4471", "en"),
    ("Unlearn my locker code (4471), thanks.", "my locker code, 4471", "en"),
    ("Olvida mi matrícula: 4821 KLM.", "mi matrícula, 4821 KLM", "es"),
    ("Oublie mon numéro fiscal : 30 23 217 600 053.", "mon numéro fiscal, 30 23 217 600 053", "fr"),
    ("Vergiss meine Steuer-ID: 12 345 678 901.", "meine Steuer-ID, 12 345 678 901", "de"),
    ("Dimentica la mia targa (FG 392 KT).", "la mia targa, FG 392 KT", "it"),
    ("Esquece o meu cartão de cidadão: 14578963.", "o meu cartão de cidadão, 14578963", "pt"),
    ("Vergeet mijn kenteken: 12-KLB-4.", "mijn kenteken, 12-KLB-4", "nl"),
]

# ---- a request at the end of a long message ------------------------------------------------------------------------
LONG_END = [
    ("Today was exhausting. Work ran late, the train was cancelled, and I ended up walking half the way home in the "
     "rain. On top of that I told you earlier that my brother owes money to some dodgy people, which I really "
     "shouldn't have shared. Please forget that my brother owes money.", "my brother owes money", "en"),
    ("We spent the weekend sorting out my grandmother's flat, boxes everywhere, old letters, photos from the 60s. "
     "Somewhere in there I typed out her bank details for you, which was silly. Anyway, could you forget her bank "
     "details?", "her bank details", "en"),
    ("Esta semana ha sido un caos: mudanza, el coche en el taller y mi hija con fiebre. Antes te conté lo de mi "
     "despido, y la verdad es que prefiero que no quede en ningún sitio. Olvida que me despidieron, por favor.",
     "que me despidieron", "es"),
    ("Gestern war ein langer Tag mit vielen Terminen, und irgendwann habe ich dir zu viel erzählt, auch über meine "
     "Krankheit. Ich möchte das nicht mehr. Bitte vergiss meine Diagnose.", "meine Diagnose", "de"),
    ("Long day, sorry if this rambles. The move is going fine, the boxes are nearly done. Earlier I told you my "
     "sister is having an affair, and I really shouldn't have shared that, it's her life. Can you drop it? Thanks.",
     "my sister is having an affair", "en"),
    ("Quick one before I forget, and sorry for the wall of text: my landlord has been awful, the boiler is broken "
     "again and I'm stuck on hold. I regret telling you my landlord's phone number, 07911 223344, earlier though. "
     "Could you just drop that? Cheers.", "my landlord's phone number, 07911 223344", "en"),
    ("I've thought about it a lot today, work was quiet so I had time. I shared that my colleague Dana is on a "
     "final warning, which I regret telling you. Please drop it, it's not my news to spread.",
     "my colleague Dana is on a final warning", "en"),
]

# ---- hard negatives ------------------------------------------------------------------------------------------------
EDIT_CHAT = [
    ("Cancella l'ultima riga e riscrivi il testo in modo più formale: Caro Mario, ci vediamo domani.", "it"),
    ("Elimina l'ultimo paragrafo e accorcia il resto: Gentile cliente, il suo ordine è in ritardo.", "it"),
    ("Togli l'ultima frase e rendi il tono più cordiale.", "it"),
    ("Efface l'avant-dernière phrase et reformule le reste : Bonjour, je ne viendrai pas.", "fr"),
    ("Supprime l'intro et garde le reste du texte.", "fr"),
    ("Borra la última línea y reescribe el resto más corto: Hola, llego tarde.", "es"),
    ("Quita la primera frase y hazlo más cortés: No pienso pagar eso.", "es"),
    ("Apaga a última frase e melhora o resto: Olá, o pedido não chegou.", "pt"),
    ("Lösch den letzten Satz und schreib den Rest freundlicher: Das Paket kam nie an.", "de"),
    ("Verwijder de laatste zin en maak de rest korter: Hoi, ik kom niet.", "nl"),
    ("Delete the penultimate sentence and rewrite the rest more politely: Your service is useless.", "en"),
    ("Cut the opening line and tighten the rest: Hi all, quick update on the launch.", "en"),
]
SHARED_CHAT = [
    ("Milch, Eier und Brot bitte nicht vergessen - schreib mir eine Einkaufsliste.", "de"),
    ("Zwiebeln fein hacken, dann anbraten: wie lange ungefähr?", "de"),
    ("Bitte vor dem Essen Hände waschen - wie sag ich das meinen Kindern nett?", "de"),
    ("Alles Vergessene bitte ignorieren, was ist die Hauptstadt von Kanada?", "de"),
    ("Niet vergeten: morgen de vuilnis buiten zetten. Kun je me daar een herinnering voor geven?", "nl"),
    ("por fa dime qué hora es en Tokio", "es"),
    ("porfa explícame cómo funciona la fotosíntesis", "es"),
    ("stp dis-moi comment on fait une pâte brisée", "fr"),
    ("Forget it. What's the weather like in Lisbon this week?", "en"),
    ("Delete that thought, I've got a better question: how do tides work?", "en"),
    ("Olvídalo. ¿Me recomiendas una película de miedo?", "es"),
    ("Oublie ça. Tu connais un bon livre de science-fiction ?", "fr"),
    ("Is it misinformation that goldfish have a three-second memory?", "en"),
    ("What's the biggest lie people believe about sugar?", "en"),
    ("¿Es un bulo que el agua con limón adelgaza?", "es"),
    ("C'est vrai ou c'est une intox que les chats voient dans le noir ?", "fr"),
    ("Ist das ein Gerücht, dass Spinat viel Eisen hat?", "de"),
    ("I'm a dentist and a patient gave me their number - what's the safest way to store it?", "en"),
    ("Soy enfermera y un paciente me dio su dirección, ¿cómo guardo esos datos según la ley?", "es"),
    ("I mentioned my cousin, Priya, earlier - can you suggest a birthday gift for her?", "en"),
    ("Can you make yourself sound less formal in your answers?", "en"),
    ("My locker code is 4471 - is that an easy one to guess?", "en"),
    ("Wipe it from memory? No, I meant: how do I clear my browser cache?", "en"),
    ("Lo de mi hermano ya está arreglado, gracias. ¿Qué tiempo hará mañana?", "es"),
    ("I regret telling my boss about the mistake. Should I just drop it or bring it up again?", "en"),
    ("Bitte die Zwiebeln nicht vergessen, wenn du einkaufen gehst - was koche ich heute?", "de"),
    ("Pretend you're a travel agent and plan me a weekend in Porto.", "en"),
    ("Act like you don't know the answer and walk me through how you'd guess it.", "en"),
    ("Pretend I never said anything, ok? What's a good name for a cat?", "en"),
    ("Let's pretend I never asked - how do I boil an egg?", "en"),
    ("Haz como si fueras un profesor de historia y explícame la Revolución francesa.", "es"),
    ("Fais comme si tu étais un guide et présente-moi Lyon.", "fr"),
    ("Is my data gone from your memory once I close this chat?", "en"),
    ("My phone number is gone from the website now, right?", "en"),
    ("Alte Rechnungen bitte aufbewahren, nicht löschen: wie lange muss man die behalten?", "de"),
]


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    for name, table in (("i", IT_FIRST), ("m", FROM_MEMORY), ("p", SLANG_POLITE), ("g", INFINITIVE),
                        ("k", NOT_KNOW), ("f", PRETEND), ("x", CONTEXT_FIRST), ("b", BETWEEN_COMMAS),
                        ("v", COLON_VALUES),
                        ("l", LONG_END)):
        for i, (text, t, lang) in enumerate(table):
            add(text, "forget", t, f"f18{name}{i:02d}", lang, "request")
    for i, (tpl, lang) in enumerate(CLAIMS):
        for t in rng.sample(CLAIM_TARGETS[lang], 2):
            add(tpl.format(t=t), "forget", t, f"f18c{i:02d}", lang, "request")
    for name, table in (("r", INFINITIVE_REFS), ("q", CLITIC_REFS)):
        for i, (earlier, text, lang) in enumerate(table):
            history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": "Okay."}]
            add(text, "forget", earlier.rstrip("."), f"f18{name}{i:02d}", lang, "history", history)
    for name, chat in (("ed", EDIT_CHAT), ("sh", SHARED_CHAT)):
        for i, (text, lang) in enumerate(chat):
            add(text, "chat", None, f"h18{name}{i:02d}", lang, "hard-negative")
    return out
