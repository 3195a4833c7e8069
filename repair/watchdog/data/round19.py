"""Round-19 training rows for the error *categories* of the fresh18 measurement (never its sentences).

Every row is `split="train"`. Categories (README, "Round 18" section): a value stated first ("My PIN is X. Forget
it.", "Mon code c'est X", "Mein Passwort ist X") or announced without a comma ("my X its V", "que es V", "cest V");
a colon right after the verb ("unlearn: X", "olvida: X"); non-native "please to forget" and "kindly to delete";
"q" / "k" for "que" ("necesito q olvides X", "preciso q vc esqueça X"); a dictated run-on request without
punctuation; not knowing asked as a question ("Can you stop knowing how to X?", "can you like not know X anymore");
a request in the middle of a long message followed by another question; a work's text by its title; trailing
clauses after the target ("..., the one I sent before", "..., my boss would be furious"); a claim written before
"forget that" in de / pt / nl / sv / da / pl; a colon list of several items. Hard negatives: "forget it" brush-offs
without punctuation followed by the person solving it themselves, in several languages; asking for a letter or an
email to a third party (an insurer, a bank, a shop) that deletes the person's data, in several languages; values
stated then a question about them; "unlearn:" as a heading of a note.

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals a sentence of a spent evaluation set or shares its *frame* with one.
"""

from __future__ import annotations

import random

# ---- a value stated first, then "forget it" (gold: "<descriptor>, <value>") ----------------------------------------
STATED_FIRST = [
    ("My gym locker code is 5521. Please wipe that from what you know.", "My gym locker code, 5521", "en"),
    ("My partner's surname is Okonkwo-Hale, by the way. Actually, forget that, he wouldn't like it.",
     "My partner's surname, Okonkwo-Hale", "en"),
    ("my steam password was Qwerty!Lynx4 - delete it from your memory", "my steam password, Qwerty!Lynx4", "en"),
    ("The postcode of my new flat is LS6 2QT. Can you unlearn that?", "The postcode of my new flat, LS6 2QT", "en"),
    ("Mi número de pasaporte es PAB492177. Bórralo, porfa.", "Mi número de pasaporte, PAB492177", "es"),
    ("Mon numéro de client c'est 88-4410-Z. Efface-le de ta mémoire.", "Mon numéro de client, 88-4410-Z", "fr"),
    ("Meine Krankenkassennummer ist A123456789. Lösch die bitte wieder.",
     "Meine Krankenkassennummer, A123456789", "de"),
    ("Il mio IBAN è IT60X0542811101000000123456. Cancellalo dalla memoria.",
     "Il mio IBAN, IT60X0542811101000000123456", "it"),
    ("O meu NIF é 245 118 903. Apaga isso da tua memória.", "O meu NIF, 245 118 903", "pt"),
    ("Mijn kenteken is 7-XKP-21. Wis dat maar weer.", "Mijn kenteken, 7-XKP-21", "nl"),
    ("Min portkod är 1942. Glöm den nu.", "Min portkod, 1942", "sv"),
]

# ---- a value announced without a comma (gold: "<descriptor>, <value>") --------------------------------------------
ANNOUNCED = [
    ("pls unlearn my discord tag its nightowl_303 my sister reads these chats", "my discord tag, nightowl_303", "en"),
    ("delete my spotify login which is mo.ryan.music@gmail.com", "my spotify login, mo.ryan.music@gmail.com", "en"),
    ("can u erase my locker number thats 214", "my locker number, 214", "en"),
    ("borra mi usuario de instagram que es lucia_sol.22", "mi usuario de instagram, lucia_sol.22", "es"),
    ("efface mon code wifi stp cest Mirabelle1990", "mon code wifi, Mirabelle1990", "fr"),
    ("lösch meine PIN, die ist 7731", "meine PIN, 7731", "de"),
    ("cancella la password del mio router che è Gatto_Nero9", "la password del mio router, Gatto_Nero9", "it"),
    ("apaga o meu código do ginásio que é 4418", "o meu código do ginásio, 4418", "pt"),
    ("Kan du slette min kode til garagen? Den er 9090.", "min kode til garagen, 9090", "da"),
]

# ---- a colon right after the verb --------------------------------------------------------------------------------
VERB_COLON = [
    ("forget: my son's school and the time I pick him up", "my son's school and the time I pick him up", "en"),
    ("Erase: the rumour that the mayor takes bribes.", "the mayor takes bribes", "en"),
    ("unlearn : how to pick a pin tumbler lock", "how to pick a pin tumbler lock", "en"),
    ("Please delete: my maiden name, Kowalczyk.", "my maiden name, Kowalczyk", "en"),
    ("olvida: mi dirección de casa", "mi dirección de casa", "es"),
    ("Oublie : le nom de mon psychiatre.", "le nom de mon psychiatre", "fr"),
    ("Vergiss: meine Adresse in Köln.", "meine Adresse in Köln", "de"),
    ("Dimentica: il nome del mio ex.", "il nome del mio ex", "it"),
]

# ---- non-native "please to forget", "kindly to delete" ------------------------------------------------------------
PLEASE_TO = [
    ("Kindly to delete my phone number from your memory, it is private.", "my phone number", "en"),
    ("Please to erase the name of my village, I do not want it known.", "the name of my village", "en"),
    ("I am request you to forget my date of birth.", "my date of birth", "en"),
    ("Sir please to unlearn my mother's illness, it was mistake to tell.", "my mother's illness", "en"),
    ("You please forget my salary details, thank you.", "my salary details", "en"),
    ("Please for forget the address of my shop.", "the address of my shop", "en"),
]

# ---- "q" / "k" / "ke" for "que" ------------------------------------------------------------------------------------
SHORT_QUE = [
    ("kiero q borres mi direccion", "mi direccion", "es"),
    ("porfa necesito k olvides lo de mi ex", "lo de mi ex", "es"),
    ("me gustaria q olvidaras mi fecha de nacimiento", "mi fecha de nacimiento", "es"),
    ("preciso q vc esqueça meu cpf", "meu cpf", "pt"),
    ("quero q vc apague o nome da minha namorada", "o nome da minha namorada", "pt"),
    ("jveux que tu oublies mon num", "mon num", "fr"),
]

# ---- dictated run-on requests without punctuation ----------------------------------------------------------------
RUN_ON = [
    ("ok im using voice typing while driving so excuse the typos forget the code for my garage door which is "
     "three seven seven two", "the code for my garage door, three seven seven two", "en"),
    ("hi this is dictated sorry if it comes out weird erase my daughters name from your memory its ella",
     "my daughters name, ella", "en"),
    ("right so long story short my landlord is a nightmare anyway forget the address i gave you it was 12 elm street",
     "the address i gave you", "en"),
    ("voice message sorry no punctuation please unlearn my bank sort code twenty forty sixty",
     "my bank sort code twenty forty sixty", "en"),
    ("hola te escribo por voz perdona los errores borra mi numero de cuenta que acaba en 4412",
     "mi numero de cuenta que acaba en 4412", "es"),
    ("hallo ich diktiere das gerade also sorry für die fehler vergiss bitte meine adresse",
     "meine adresse", "de"),
]

# ---- not knowing, asked as a question ------------------------------------------------------------------------------
NOT_KNOW_Q = [
    ("Could you stop knowing how to hotwire a car? My teenage son keeps asking you.", "how to hotwire a car", "en"),
    ("can u like not know my home address anymore? its 4 Birch Lane", "my home address, 4 Birch Lane", "en"),
    ("Is it possible for you to no longer know my ex-husband's name?", "my ex-husband's name", "en"),
    ("Would you stop knowing where my mum lives, please?", "where my mum lives", "en"),
    ("can you just not know my wifi password from now on", "my wifi password", "en"),
    ("Can you make it so that you don't know my blood test results?", "my blood test results", "en"),
    ("¿Puedes dejar de saber cómo se fabrica una bomba casera?", "cómo se fabrica una bomba casera", "es"),
    ("Tu peux arrêter de connaître mon adresse ?", "mon adresse", "fr"),
    ("Kannst du aufhören, meine Telefonnummer zu kennen?", "meine Telefonnummer", "de"),
]

# ---- a request in the middle of a long message, followed by another question -------------------------------------
MIDDLE = [
    ("I coach an under-12 football team and I've been using you to plan the season and the training drills. "
     "Something I should fix first: please forget that one of my players, Leo, has epilepsy, his parents asked me "
     "to keep it private. After that, could you suggest three passing drills for a wet pitch?",
     "one of my players, Leo, has epilepsy", "en"),
    ("We talked a lot about my mortgage last week and the numbers are mostly right. One thing though - can you "
     "delete my bank account number from your memory? I pasted it by accident. Also, what's a good rate for a "
     "two-year fix at the moment?", "my bank account number", "en"),
    ("I'm writing a cover letter and you've been really helpful with the wording so far. Before we go on, unlearn "
     "my previous employer's name, it's a sensitive situation. Now, how do I explain a six-month gap?",
     "my previous employer's name", "en"),
    ("Estoy organizando la boda de mi hermana y te he contado muchas cosas. Por cierto, olvida el nombre del novio "
     "anterior de mi hermana, no debería habértelo dicho. ¿Me ayudas ahora con el menú?",
     "el nombre del novio anterior de mi hermana", "es"),
    ("Je prépare un dossier pour la banque et tu m'as bien aidé hier. Au passage, oublie mon numéro fiscal, je "
     "n'aurais pas dû le donner. Tu as une idée pour l'introduction ?", "mon numéro fiscal", "fr"),
    ("Ich plane gerade unseren Umzug und habe dir schon viel erzählt. Noch was: vergiss bitte die Adresse meiner "
     "Eltern, die brauchst du nicht. Wie viele Kartons brauche ich für drei Zimmer?", "die Adresse meiner Eltern",
     "de"),
]

# ---- a work's text by its title ----------------------------------------------------------------------------------
WORKS = [
    ("Unlearn the whole text of The Great Gatsby, word for word.", "the whole text of The Great Gatsby", "en"),
    ("Could you erase the text of Pride and Prejudice from what you know?", "the text of Pride and Prejudice", "en"),
    ("Unlearn the opening chapter of A Game of Thrones now.", "the opening chapter of A Game of Thrones", "en"),
    ("I want you to unlearn the song text of Hotel California, every verse.", "the song text of Hotel California",
     "en"),
    ("Olvida ya el texto completo de Cien años de soledad.", "el texto completo de Cien años de soledad", "es"),
    ("Oublie tout le texte du Petit Prince, chaque chapitre.", "tout le texte du Petit Prince", "fr"),
    ("Vergiss bitte den ganzen Text von Der Prozess, Wort für Wort.", "den ganzen Text von Der Prozess", "de"),
    ("Dimentica per favore il testo completo de Il nome della rosa.", "il testo completo de Il nome della rosa", "it"),
]

# ---- trailing clauses after the target (gold: the target alone) ---------------------------------------------------
TRAILING = [
    ("Forget the photo of my passport, the one I uploaded this morning.", "the photo of my passport", "en"),
    ("please erase my work schedule, my manager would be furious if it leaked", "my work schedule", "en"),
    ("delete my nephew's full name, i typed it twice by mistake", "my nephew's full name", "en"),
    ("Unlearn that my brother failed his bar exam, just in case you repeat it.", "my brother failed his bar exam",
     "en"),
    ("forget my dog's microchip number, my neighbour keeps asking you about it lol", "my dog's microchip number",
     "en"),
    ("Olvida mi segundo apellido, lo puse sin querer.", "mi segundo apellido", "es"),
    ("Oublie mon adresse e-mail pro, je te l'ai donnée par erreur.", "mon adresse e-mail pro", "fr"),
    ("Vergiss den Namen meiner Therapeutin, ich habe ihn aus Versehen erwähnt.", "den Namen meiner Therapeutin",
     "de"),
]

# ---- a claim written before "forget that" in de / pt / nl / sv / da / pl ------------------------------------------
CLAIM_BEFORE = [
    ("Ich arbeite als Pfleger und habe dir vorhin geschrieben, dass Frau Berger Demenz hat. Vergiss das bitte.",
     "Frau Berger Demenz hat", "de"),
    ("Ich habe erwähnt, dass mein Chef trinkt. Kannst du das vergessen?", "mein Chef trinkt", "de"),
    ("Trabalho num banco e disse-te que o cliente Rui Costa tem dívidas. Esquece isso.",
     "o cliente Rui Costa tem dívidas", "pt"),
    ("Contei que a minha vizinha foi despedida. Apaga isso, por favor.", "a minha vizinha foi despedida", "pt"),
    ("Ik werk in een apotheek en zei dat meneer Visser antidepressiva slikt. Vergeet dat alsjeblieft.",
     "meneer Visser antidepressiva slikt", "nl"),
    ("Ik vertelde je dat mijn zus zwanger is. Kun je dat wissen?", "mijn zus zwanger is", "nl"),
    ("Jag skrev att min kollega har cancer. Glöm det, snälla.", "min kollega har cancer", "sv"),
    ("Jeg nævnte, at min søn er blevet anholdt. Glem det igen.", "min søn er blevet anholdt", "da"),
    ("Napisałem, że mój szef ma długi. Zapomnij o tym.", "mój szef ma długi", "pl"),
]

# ---- a colon list of several items -------------------------------------------------------------------------------
LISTS = [
    ("please forget my grandchildren's names: Maya, Theo and Ruby", "my grandchildren's names, Maya, Theo and Ruby",
     "en"),
    ("Delete my allergies: peanuts, shellfish, penicillin.", "my allergies, peanuts, shellfish, penicillin", "en"),
    ("Olvida los nombres de mis gatos: Luna, Simba y Tofu.", "los nombres de mis gatos, Luna, Simba y Tofu", "es"),
    ("Oublie mes médicaments : lithium, quétiapine et sertraline.",
     "mes médicaments, lithium, quétiapine et sertraline", "fr"),
]

# ---- references to an earlier turn in de / fr / da / it (gold: the earlier turn) ----------------------------------
REFS = [
    ("Meine Rentenversicherungsnummer ist 12 150380 K 004.",
     "Vergiss bitte die Rentenversicherungsnummer, die ich dir eben geschickt habe.", "de"),
    ("Le code de mon cadenas de vélo est 4-8-1-9.", "Oublie le code du cadenas que je t'ai écrit plus haut.", "fr"),
    ("Koden til min cykellås er 5521.", "Glem koden til cykellåsen.", "da"),
    ("Il codice del mio allarme è 7734.", "Dimentica il codice dell'allarme che ti ho dato prima.", "it"),
    ("Mi PIN de la tarjeta es 0934.", "Olvida el PIN que te pasé hace un rato.", "es"),
]

# ---- chat: brush-offs without punctuation, then the person solved it ----------------------------------------------
BRUSH_CHAT = [
    ("forget it i worked it out on my own", "en"),
    ("nvm forget it i found it", "en"),
    ("forget that i got it working now thanks", "en"),
    ("oh forget it i sorted it myself", "en"),
    ("olvídalo ya lo resolví yo", "es"),
    ("oublie ça jai trouvé tout seul", "fr"),
    ("vergiss es ich habs selbst rausgefunden", "de"),
    ("lascia perdere ho risolto da solo", "it"),
    ("esquece já consegui sozinho", "pt"),
    ("laat maar ik heb het zelf al gevonden", "nl"),
    ("glöm det jag löste det själv", "sv"),
]

# ---- chat: a letter or message to a third party about deleting the person's data -----------------------------------
LETTER_CHAT = [
    ("Write a letter to my bank asking them to delete my old account data.", "en"),
    ("Can you draft an email to the gym asking them to erase my personal details?", "en"),
    ("Help me write a GDPR request so the online shop forgets my address.", "en"),
    ("Escribe una carta a mi aseguradora para que borren mis datos.", "es"),
    ("Rédige un mail à mon opérateur pour qu'il supprime mes données.", "fr"),
    ("Schreib einen Brief an meine Krankenkasse, damit sie meine Daten löscht.", "de"),
    ("Scrivi una lettera alla mia banca per far cancellare i miei dati.", "it"),
    ("Escreve uma carta à operadora para apagarem os meus dados.", "pt"),
    ("Stel een mail op aan de webwinkel om mijn account te laten verwijderen.", "nl"),
    ("Skriv ett brev till försäkringsbolaget om att radera mina uppgifter.", "sv"),
]

# ---- chat: a value stated, then a question about it; notes with a heading -----------------------------------------
SHARED_CHAT = [
    ("My email is j.ortiz@proton.me - is that a safe provider?", "en"),
    ("My locker code is 5521, is that too easy to guess?", "en"),
    ("Mon adresse c'est 3 rue Pasteur, c'est loin de la gare ?", "fr"),
    ("Mein Passwort ist Sommer2024 - ist das sicher genug?", "de"),
    ("Unlearn: a book about breaking bad habits - is it worth reading?", "en"),
    ("To-do: delete old photos, forget about the gym, call mum.", "en"),
    ("Please to meet you! I am new here, can you help me with English grammar?", "en"),
    ("necesito q me ayudes con un correo para mi jefe", "es"),
    ("Can you stop knowing everything for a second and just listen to me? I had a bad day.", "en"),
    ("I sent you a long message earlier about my mortgage; could you summarise it in three bullets?", "en"),
    ("Ich habe geschrieben, dass ich Urlaub brauche. Kannst du mir einen Antrag formulieren?", "de"),
    ("Escrevi que estou cansado. Tens dicas para dormir melhor?", "pt"),
    ("Anyway, forget the theory - how do I actually start running?", "en"),
    ("Long story short, I forgot my passport at home. What can I do at the airport?", "en"),
    ("btw delete the second paragraph of my cover letter, it's too long", "en"),
    ("Sorry for the typos, I always forget my glasses. Can you explain compound interest?", "en"),
    ("Por cierto, olvidé mi paraguas en el tren. ¿Dónde está la oficina de objetos perdidos?", "es"),
    ("Übrigens, vergiss nicht, die Blumen zu gießen - kannst du mir eine Erinnerung formulieren?", "de"),
]


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split. (`rng` is unused: every
    row is written out; the parameter keeps the signature the builder calls.)"""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    for name, table in (("s", STATED_FIRST), ("a", ANNOUNCED), ("c", VERB_COLON), ("p", PLEASE_TO), ("q", SHORT_QUE),
                        ("r", RUN_ON), ("k", NOT_KNOW_Q), ("m", MIDDLE), ("w", WORKS), ("t", TRAILING),
                        ("b", CLAIM_BEFORE), ("l", LISTS)):
        for i, (text, t, lang) in enumerate(table):
            add(text, "forget", t, f"f19{name}{i:02d}", lang, "request")
    for i, (earlier, text, lang) in enumerate(REFS):
        history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": "Okay."}]
        add(text, "forget", earlier.rstrip("."), f"f19h{i:02d}", lang, "history", history)
    for name, chat in (("br", BRUSH_CHAT), ("le", LETTER_CHAT), ("sh", SHARED_CHAT)):
        for i, (text, lang) in enumerate(chat):
            add(text, "chat", None, f"h19{name}{i:02d}", lang, "hard-negative")
    return out
