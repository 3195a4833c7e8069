"""Round-15 training rows for the error *categories* of the fresh14 measurement (never its sentences).

Every row is `split="train"`. Categories (README, "Round 14" section): requests about works named by a quoted title or
a quoted question (lyrics, chapters, poems, "the answer to \"...\"") in seven languages, with chat turns about the
same kind of works; a correction stated first and the request after it ("That's false: X. Forget that Y.", "You said
X. That's a myth. Forget it.", "No es verdad que X. Olvida esa idea."); a lead-in before the request ("I'm asking
politely: forget X", "I think it's best if you forget X"); wish / preference frames in seven languages ("Ik zou het
fijn vinden als je X vergeet", "Preferiría que olvidaras X") with negated and everyday hard negatives in the same
frames; reflexive verbs with a value ("olvídate de mi correo, x@y"); a value announced after a question mark ("Can
you forget my PIN? It's 4821.": target = the descriptor and the value, joined by ", ").

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals a sentence of a spent evaluation set or shares its *frame* with one.
"""

from __future__ import annotations

import random

# ---- works named by a quoted title / a quoted question ------------------------------------------------------------
WORKS = {
    "en": (["Unlearn {t} now.", "Forget {t}, it's copyrighted.", "Please wipe {t} out of your memory.",
            "Could you unlearn {t}? I don't want it reproduced.", "I want you to forget {t} entirely.",
            "Delete {t} from what you know.", "plz unlearn {t}", "Drop {t} from your memory, please."],
           ['the lyrics of "Bohemian Rhapsody"', 'the second chapter of "The Hobbit"',
            'the answer to "who painted the Mona Lisa"', 'the full text of the poem "Ozymandias"',
            'the opening scene of "Pulp Fiction"', 'the answer to "what is the capital of Peru"',
            'the chorus of "Hey Jude"', 'the last page of "Gone Girl"', 'the poem "Do Not Go Gentle"',
            "the first chapter of Moby Dick", 'the answer to the question "how many moons does Mars have"']),
    "fr": (["Oublie {t}, c'est protégé par le droit d'auteur.", "Supprime {t} de ta mémoire, merci.",
            "Peux-tu désapprendre {t} ?", "J'ai besoin que tu oublies {t}.", "Oubliez {t}, s'il vous plaît."],
           ['les paroles de "Je ne regrette rien"', 'le deuxième chapitre de "Madame Bovary"',
            'la réponse à "qui a peint la Joconde"', 'le texte du poème "Le Dormeur du val"',
            'la fin de "Germinal"', "le premier chapitre du Petit Prince"]),
    "es": (["Olvida {t}, no quiero líos con los derechos de autor.", "Elimina {t} de tu memoria, gracias.",
            "¿Podrías olvidar {t}, porfa?", "Desaprende ya {t}, gracias.",
            "Necesito que olvides {t} cuanto antes."],
           ['la letra de "Despacito"', 'el segundo capítulo de "Don Quijote"',
            'la respuesta a "quién escribió La Celestina"', 'el poema "Volverán las oscuras golondrinas"',
            "el último capítulo de Rayuela", 'el final de "El laberinto del fauno"']),
    "de": (["Ich hätte gern, dass du {t} vergisst.", "Vergiss {t}, das ist urheberrechtlich geschützt.",
            "Entferne {t} aus deinem Gedächtnis, danke.", "Kannst du {t} verlernen?", "Vergiss sofort {t}."],
           ['den Text von "Ein Hoch auf uns"', 'das zweite Kapitel von "Der Vorleser"',
            'die Antwort auf "wer hat den Faust geschrieben"', 'das Gedicht "Der Erlkönig"',
            'den Refrain von "Major Tom"', "das letzte Kapitel von Momo"]),
    "it": (["Dimentica {t}, è protetto da copyright.", "Togli {t} dalla tua memoria, grazie.",
            "Potresti disimparare {t}?", "Ti chiedo di dimenticare {t}, grazie."],
           ['il testo di "Azzurro"', 'il primo capitolo de "Il nome della rosa"',
            'la risposta a "chi ha dipinto la Gioconda"', 'la poesia "San Martino"', "l'ultimo capitolo di Pinocchio"]),
    "pt": (["Esqueça já {t}, obrigado.", "Apaga da memória {t}.", "Consegues apagar {t} da memória?",
            "Preciso que esqueças {t} de vez."],
           ['o segundo capítulo de "Dom Casmurro"', 'a letra de "Evidências"',
            'a resposta a "quem descobriu o Brasil"', 'o poema "Tabacaria"', "o último capítulo de Capitães da Areia"]),
    "nl": (["Vergeet {t}, graag.", "Haal {t} uit je geheugen, alsjeblieft.", "Ik vraag je {t} te vergeten.",
            "Ontleer {t} alsjeblieft."],
           ['het tweede hoofdstuk van "De Avonden"', 'de songtekst van "Zoutelande"',
            'het antwoord op "wie schilderde De Nachtwacht"', 'het gedicht "Herfst"', "het laatste hoofdstuk van Max "
            "Havelaar"]),
}
WORKS_CHAT = [
    ('Summarise the second chapter of "The Hobbit".', "en"), ('What\'s the answer to "what is the capital of Peru"?',
                                                              "en"),
    ('Who wrote "The Road Less Travelled"?', "en"), ('I always forget the lyrics of "Hey Jude", what comes after '
                                                     'the first line?', "en"),
    ('Explain the poem "Ozymandias" in two sentences.', "en"), ('Don\'t forget the chorus of "Wonderwall" tonight!',
                                                                "en"),
    ('Remove the second verse from my poem "Winter Light".', "en"),
    ('Delete the chapter titled "Origins" from my draft.', "en"), ('The song "Forget You" - who produced it?', "en"),
    ('Is "The Forgetting" by Sharon Cameron worth reading?', "en"),
    ('What happens in the last chapter of "Gone Girl"? No spoilers for the middle please.', "en"),
    ('Quel est le thème de "Le Dormeur du val" ?', "fr"), ('Résume le deuxième chapitre de "Madame Bovary".', "fr"),
    ('¿De qué trata el segundo capítulo de "Don Quijote"?', "es"), ('¿Quién canta "Despacito"?', "es"),
    ('Was bedeutet der Refrain von "Major Tom"?', "de"), ('Erklär mir das Gedicht "Der Erlkönig".', "de"),
    ('Di cosa parla "Il nome della rosa"?', "it"), ('Chi ha scritto il testo di "Azzurro"?', "it"),
    ('Quem escreveu "Dom Casmurro"?', "pt"), ('Explica o poema "Tabacaria" de forma simples.', "pt"),
    ('Waar gaat "De Avonden" over?', "nl"), ('Wie zingt "Zoutelande"?', "nl"),
    ('Translate the title "Vergeet mij niet" into English.', "en"),
    ('What\'s the first line of the poem "The Road Not Taken"? I forgot it.', "en"),
]

# ---- a correction first, then the request; target = the claim ----------------------------------------------------
CORRECTIONS = [
    ("That's false: sharks do get cancer. Forget that sharks never get cancer.", "sharks never get cancer", "en"),
    ("Wrong again - bulls don't mind red. Unlearn that bulls hate the colour red.", "bulls hate the colour red", "en"),
    ("You told me the Great Wall is visible from space. It isn't. Forget it.", "the Great Wall is visible from space",
     "en"),
    ("You claimed that Vikings wore horned helmets. That's a myth. Unlearn that.", "Vikings wore horned helmets", "en"),
    ("You keep saying Napoleon was very short. He wasn't. Please forget that.", "Napoleon was very short", "en"),
    ("You said lightning never strikes the same place twice. Not true. Unlearn it.",
     "lightning never strikes the same place twice", "en"),
    ("Please unlearn the claim that cracking your knuckles causes arthritis, doctors say it doesn't.",
     "cracking your knuckles causes arthritis", "en"),
    ("Forget the idea that we swallow spiders in our sleep, it's an internet legend.",
     "we swallow spiders in our sleep", "en"),
    ("C'est faux : les autruches ne cachent pas leur tête. Oublie que les autruches cachent leur tête dans le sable.",
     "les autruches cachent leur tête dans le sable", "fr"),
    ("Tu as dit que Marie-Antoinette a dit « qu'ils mangent de la brioche ». C'est une légende. Oublie ça.",
     "Marie-Antoinette a dit « qu'ils mangent de la brioche »", "fr"),
    ("Eso no es cierto: los toros no odian el rojo. Olvida que los toros odian el rojo.", "los toros odian el rojo",
     "es"),
    ("No es cierto que Einstein suspendiera matemáticas. Olvida esa historia.", "Einstein suspendiera matemáticas",
     "es"),
    ("Das stimmt nicht: Stiere sehen kein Rot. Vergiss, dass Stiere Rot hassen.", "Stiere Rot hassen", "de"),
    ("Die Behauptung, dass Napoleon sehr klein war, ist falsch. Vergiss sie.", "Napoleon sehr klein war", "de"),
    ("Es ist nicht wahr, dass Goldfische nur drei Sekunden Gedächtnis haben. Vergiss das.",
     "Goldfische nur drei Sekunden Gedächtnis haben", "de"),
    ("Non è vero che i pipistrelli sono ciechi. Dimentica questa idea.", "i pipistrelli sono ciechi", "it"),
    ("È falso: la Grande Muraglia non si vede dallo spazio. Dimentica che si vede dallo spazio.",
     "si vede dallo spazio", "it"),
    ("Isso não é verdade. Esquece a ideia de que os morcegos são cegos.", "os morcegos são cegos", "pt"),
    ("É falso que o Einstein chumbou a matemática. Esquece essa história.", "o Einstein chumbou a matemática", "pt"),
    ("Dat klopt niet: stieren zien geen rood. Vergeet dat stieren rood haten.", "stieren rood haten", "nl"),
    ("Het is niet waar dat we maar 10% van ons brein gebruiken. Vergeet dat idee.",
     "we maar 10% van ons brein gebruiken", "nl"),
]

# ---- lead-ins before the request ---------------------------------------------------------------------------------
LEADINS = {
    "en": ["I'm asking nicely: forget {t}.", "I think it's better if you unlearn {t}.",
           "Here's what I need: forget {t}.",
           "One request, please: erase {t}.", "Serious request - unlearn {t}.", "Just so we're clear, forget {t}.",
           "Honestly, it's safer if you forget {t}.", "Quick favour: delete {t} from your memory."],
    "fr": ["Je te le demande gentiment : oublie {t}.", "Une seule demande : efface {t}."],
    "es": ["Te lo pido con educación: olvida {t}.", "Una petición: borra {t} de tu memoria."],
    "de": ["Ich bitte dich höflich: vergiss {t}.", "Eine Bitte noch: lösch {t}."],
    "it": ["Te lo chiedo gentilmente: dimentica {t}.", "Una richiesta: cancella {t} dalla memoria."],
    "pt": ["Peço com educação: esquece {t}.", "Um pedido: apaga {t} da tua memória."],
    "nl": ["Ik vraag het beleefd: vergeet {t}.", "Eén verzoek: wis {t} uit je geheugen."],
}
LEADIN_T = {
    "en": ["my passport number, X4471902", "my licence plate, KX19 ABF", "my daughter's school", "my therapist's name",
           "how to hotwire a car", "my home address, 9 Orchard Lane"],
    "fr": ["mon numéro de passeport", "l'adresse de ma mère"], "es": ["mi matrícula", "el nombre de mi psicóloga"],
    "de": ["meine Steuernummer", "die Adresse meiner Schwester"], "it": ["la mia targa", "il nome del mio medico"],
    "pt": ["o meu número de passaporte", "a morada da minha irmã"], "nl": ["mijn kenteken", "de naam van mijn dokter"],
}

# ---- wish / preference frames in seven languages ----------------------------------------------------------------
WISH = {
    "en": ["I'd really prefer it if you forgot {t}.", "I would rather you unlearned {t}.",
           "It's best that you forget {t}.", "My request is that you forget {t}."],
    "nl": ["Ik zou het fijn vinden als je {t} vergeet.", "Het liefst zou ik willen dat je {t} vergeet.",
           "Ik heb liever dat u {t} vergeet.", "Graag zie ik dat je {t} vergeet.",
           "Ik zou graag hebben dat u {t} vergeet."],
    "fr": ["Je préférerais que tu oublies {t}.", "Il vaudrait mieux que vous oubliiez {t}.",
           "Ce serait mieux que tu effaces {t}."],
    "es": ["Preferiría que olvidaras {t}.", "Sería mejor que borraras {t} de tu memoria.",
           "Me gustaría mucho que olvidaras {t}."],
    "de": ["Mir wäre lieber, wenn du {t} vergisst.", "Es wäre besser, wenn Sie {t} vergessen.",
           "Ich fände es gut, wenn du {t} löschst."],
    "it": ["Preferirei che dimenticassi {t}.", "Sarebbe meglio se dimenticassi {t}.",
           "Mi piacerebbe che cancellassi {t}."],
    "pt": ["Preferia que esquecesses {t}.", "Seria melhor que esquecesse {t}.", "Eu gostaria muito que apagasses {t}."],
}
WISH_T = {
    "en": ["my ex-husband's address", "that I was arrested in 2019", "my bank details", "how to pick a lock"],
    "nl": ["mijn huisadres", "mijn depressie", "mijn salaris", "mijn pincode"],
    "fr": ["mon adresse e-mail", "que j'ai été licencié", "le nom de mon fils"],
    "es": ["mi número de teléfono", "que tuve una depresión", "dónde trabaja mi mujer"],
    "de": ["meine Adresse", "meine Arbeitslosigkeit", "den Namen meiner Ärztin"],
    "it": ["il mio indirizzo", "che sono stato in terapia", "il numero di mia madre"],
    "pt": ["o meu endereço", "que estive desempregado", "o nome do meu médico"],
}
WISH_CHAT = [
    ("Ik zou het fijn vinden als je me helpt met mijn sollicitatiebrief.", "nl"),
    ("Ik heb liever dat je niet vergeet dat de vergadering om drie uur is.", "nl"),
    ("Het liefst zou ik willen dat je een kort gedicht schrijft.", "nl"),
    ("I'd really prefer it if you didn't forget the salt this time.", "en"),
    ("It's best that you don't forget your passport at the airport.", "en"),
    ("I would rather you explained it more simply.", "en"),
    ("Je préférerais que tu n'oublies pas mon anniversaire.", "fr"), ("Il vaudrait mieux que tu dormes un peu.", "fr"),
    ("Preferiría que no olvidaras traer el pan.", "es"), ("Sería mejor que me lo explicaras con un ejemplo.", "es"),
    ("Mir wäre lieber, wenn du den Termin nicht vergisst.", "de"), ("Es wäre besser, wenn du früher losfährst.", "de"),
    ("Sarebbe meglio se non dimenticassi le chiavi.", "it"), ("Preferirei che mi scrivessi una mail.", "it"),
    ("Preferia que não te esquecesses do jantar.", "pt"), ("Seria melhor que me ligasses amanhã.", "pt"),
]

# ---- reflexive verbs with a value, and a value announced after a question mark ---------------------------------
REFLEXIVE = [
    ("Olvídate de mi teléfono, 655 123 987, no hace falta que lo guardes.", "mi teléfono, 655 123 987", "es"),
    ("olvídate de mi dirección, calle Mayor 12, no la guardes", "mi dirección, calle Mayor 12", "es"),
    ("Dimenticati del mio numero, 347 555 1234, non serve che lo tieni.", "mio numero, 347 555 1234", "it"),
    ("Esquece-te do meu email, rui.lopes@mail.pt, não quero que o guardes.", "meu email, rui.lopes@mail.pt", "pt"),
    ("Olvídese de mi DNI, 12345678Z, por favor.", "mi DNI, 12345678Z", "es"),
]
ASKED_VALUE = [
    ("Can you forget my PIN? It's 4821.", "my PIN, 4821", "en"),
    ("Would you unlearn my work phone? 020 7946 0321", "my work phone, 020 7946 0321", "en"),
    ("Could you delete my personal email? It is sam.k@postbox.example.", "my personal email, sam.k@postbox.example",
     "en"),
    ("Peux-tu oublier mon numéro ? C'est le 06 44 55 66 77.", "mon numéro, 06 44 55 66 77", "fr"),
    ("¿Puedes borrar mi correo? Es marta.gil@correo.example.", "mi correo, marta.gil@correo.example", "es"),
    ("Kannst du meine IBAN vergessen? DE44 5001 0517 5407 3249 31", "meine IBAN, DE44 5001 0517 5407 3249 31", "de"),
    ("Puoi dimenticare il mio codice? È 7731.", "il mio codice, 7731", "it"),
    ("Podes esquecer o meu telemóvel? É o 912 345 678.", "o meu telemóvel, 912 345 678", "pt"),
    ("Wil je mijn pincode vergeten? Die is 5520.", "mijn pincode, 5520", "nl"),
]


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    for lang, (tpls, targets) in WORKS.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(targets, 3):
                add(tpl.format(t=t), "forget", t, f"f15w{lang}{i:02d}", lang, "request")
    for i, (text, lang) in enumerate(WORKS_CHAT):
        add(text, "chat", None, f"h15w{i:02d}", lang, "hard-negative")
    for i, (text, t, lang) in enumerate(CORRECTIONS):
        add(text, "forget", t, f"f15c{i:02d}", lang, "request")
    for lang, tpls in LEADINS.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(LEADIN_T[lang], 2):
                add(tpl.format(t=t), "forget", t, f"f15l{lang}{i:02d}", lang, "request")
    for lang, tpls in WISH.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(WISH_T[lang], 2):
                add(tpl.format(t=t), "forget", t, f"f15p{lang}{i:02d}", lang, "request")
    for i, (text, lang) in enumerate(WISH_CHAT):
        add(text, "chat", None, f"h15p{i:02d}", lang, "hard-negative")
    for i, (text, t, lang) in enumerate(REFLEXIVE):
        add(text, "forget", t, f"f15r{i:02d}", lang, "request")
    for i, (text, t, lang) in enumerate(ASKED_VALUE):
        add(text, "forget", t, f"f15v{i:02d}", lang, "request")
    return out
