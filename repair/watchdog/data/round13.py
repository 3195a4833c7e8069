"""Round-13 training rows for the error *categories* of the fresh12 measurement (never its sentences).

Every row is `split="train"`. Categories (README, "Round 12" section): verbs of un-remembering outside the cue list
("get X out of your head", "don't hang onto X", "stop retaining anything about X", "deja de recordar X"), a politeness
word between the verb and its object ("Forget, please, X."), requests framed as "it would be great if you ..." or
"is it possible to make you ...", values after a comma or colon without digits ("my blood type, it's O positive"),
scope and memory wording ("from everything you've stored", "every detail about", "tout ce qui touche"), requests about
facts and myths in French / Italian / Dutch and Dutch request frames, references to an earlier turn (with the earlier
turn as the gold target); and chat turns: editing instructions that take a part out of a document ("Delete the
hobbies line from my cover letter."), "forget the details - just ..." and brush-offs followed by a remark.

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals a sentence of a spent evaluation set or shares its *frame* with one.
"""

from __future__ import annotations

import random

PERSONAL = [
    "my cousin's eating disorder", "my landlord's phone number", "my stepfather's prison sentence",
    "the code for my bike lock", "my daughter's allergy plan", "my overdraft", "my flat in Leith",
    "my employer, Harlow Logistics", "that I'm seeing a marriage counsellor", "my speeding fines", "my dad's dementia",
    "my biopsy results", "my IVF appointments", "my son's nursery", "my pension login", "my grandmother's care fees",
    "that I dropped out of university", "my tribunal hearing", "my Bitcoin recovery phrase", "my ex's new address",
    "my national insurance number", "my dentist's name", "my brother's immigration case", "my credit card limit",
]
FACTS = ["who sculpted the statue of David", "the capital of Canada", "the plot of Macbeth",
         "the boiling point of mercury", "who built the Parthenon", "the height of Everest",
         "who composed the Four Seasons", "the speed of sound"]
HARMFUL = ["how to pick a car lock", "how to make napalm", "how to skim a card reader", "how to make a silencer",
           "how to poison a water supply"]
MYTHS = ["the myth that goldfish have a three-second memory", "the claim that lightning never strikes twice",
         "the false idea that we swallow spiders in our sleep", "the rumour that bulls are enraged by red",
         "the claim that cracking knuckles causes arthritis"]
ALL = PERSONAL + FACTS + HARMFUL + MYTHS

# ---- requests ---------------------------------------------------------------------------------------------------
NEW_VERBS = [
    "Get {t} out of your head, please.", "Kick {t} out of your memory.", "I need you to get {t} out of your system.",
    "Don't hang onto {t}.", "Please don't hold onto {t} anymore.", "Stop retaining anything about {t}.",
    "Quit remembering {t}.", "Stop storing {t}, please.", "Let go of {t} completely.",
    "Toss {t} out of your memory banks.", "Wipe clean everything you know about {t}.", "Please stop memorising {t}.",
    "Could you stop remembering {t}?", "Throw {t} out of your memory, thanks.", "Never keep {t} in your memory.",
]
POLITE = [
    "Forget, please, {t}.", "Erase, if you would, {t}.", "Unlearn, please, {t}.", "Delete, kindly, {t}.",
    "It'd be great if you stopped remembering {t}.", "It would be nice if you could forget {t}.",
    "Is it possible to make you forget {t}?", "Any chance you could forget {t}?",
    "Would it be possible for you to unlearn {t}?", "Is there any chance you could erase {t}?",
    "It would be best if you deleted {t} from your memory.",
]
# values without digits after a comma or a colon: the value is part of the target
VALUES = [
    "my blood type, it's O positive", "my middle name, it's Perpetua", "my pharmacist's name, it's Ms. Osei",
    "my dog's name: Biscuit", "my children's names: Mia and Tom", "my maiden name, which is Kowalczyk",
    "my hometown, it's Tralee", "my therapist's name: Dr. Ilse Brandt", "my school, it's St. Columba's",
    "my late wife's name, it was Marguerite", "my religion, it's Sikhism", "my favourite hiding spot: the attic",
]
VALUE_FRAMES = ["Forget {t}.", "Please erase {t}.", "Kindly unlearn {t}.", "Could you forget {t}?",
                "Delete {t}, thanks.", "pls forget {t}", "I want you to forget {t}."]
# "My X is Y, but please forget it": the named value is the target
STATED = [
    "My sister's girlfriend is Renata Solis", "My PIN is 7302", "My new email is t.marsh@quillmail.net",
    "My manager is Colin Abara", "My allergy is Penicillin", "My birthplace is Oranjestad",
    "My locker code is 5591", "My surgeon is Dr. Yusuf Adeyemi",
]
STATED_FRAMES = ["{t}, but please forget it.", "{t} - actually, forget that.", "{t}, although you should forget it.",
                 "{t}; please unlearn that right away.", "{t}, wait, erase that."]
SCOPE = [
    "Purge {t} from everything you've stored.", "Erase every detail about {t}.",
    "Remove every single fact about {t} from your memory.", "Delete {t} frm ur memory", "forget wat i said about {t}",
    "Wipe {t} from whatever you've saved.", "Drop each detail of {t} from your memory.",
    "Please erase any piece of information about {t}.",
]
OTHER = {
    "fr": (["Oublie {t}, c'est faux.", "Désapprends {t}.", "Efface de ta mémoire {t}.", "Je veux que tu oublies {t}.",
            "Oublie, s'il te plaît, {t}.", "Arrête de retenir {t}.", "Oublie tout ce qui touche à {t}.",
            "Ce serait bien que tu oublies {t}."],
           ["qui a peint la Joconde", "que les poissons rouges n'ont que trois secondes de mémoire",
            "la capitale du Canada", "que la foudre ne frappe jamais deux fois au même endroit",
            "mon nom de jeune fille", "comment fabriquer du napalm", "où travaille mon mari", "mon numéro fiscal"]),
    "it": (["Dimentica {t}.", "Scordati {t}, non è vero.", "Smetti di ricordare {t}.", "Vorrei che dimenticassi {t}.",
            "Cancella dalla tua memoria {t}.", "Dimentica, per favore, {t}.", "Sarebbe meglio se dimenticassi {t}."],
           ["chi ha dipinto la Gioconda", "che i pesci rossi hanno tre secondi di memoria", "la capitale del Canada",
            "che i fulmini non colpiscono mai due volte lo stesso posto", "il mio cognome da nubile",
            "come si fa il napalm", "dove lavora mio marito", "il mio codice PIN"]),
    "nl": (["Vergeet {t}.", "Ik wil dat je {t} vergeet.", "Wil je {t} vergeten?", "Kun je {t} vergeten?",
            "Vergeet alsjeblieft {t}.", "Zou je {t} uit je geheugen willen wissen?", "Ik wil graag dat je {t} vergeet.",
            "Stop met het onthouden van {t}.", "Wis {t} uit je geheugen.", "Wil jij {t} vergeten?"],
           ["dat goudvissen maar drie seconden geheugen hebben", "wie de Mona Lisa schilderde", "mijn geboortedatum",
            "waar mijn zus woont", "mijn pincode", "dat bliksem nooit twee keer op dezelfde plek inslaat",
            "hoe je napalm maakt", "de hoofdstad van Canada", "mijn meisjesnaam", "wie de Parthenon bouwde"]),
    "es": (["Deja de recordar {t}.", "porfa olvida {t}", "¿Me harías el favor de olvidar {t}?", "No retengas {t}.",
            "xfa borra {t}", "Olvida, por favor, {t}.", "Sería genial que olvidaras {t}."],
           ["mi grupo sanguíneo", "quién pintó la Mona Lisa", "la capital de Canadá", "mi dirección en Sevilla",
            "que los peces de colores tienen tres segundos de memoria", "cómo fabricar napalm", "mi número de cuenta",
            "el nombre de mi médico"]),
    "de": (["Vergiss, bitte, {t}.", "Hör auf, dir {t} zu merken.", "Es wäre gut, wenn du {t} vergisst.",
            "Lösch alles über {t} aus deinem Gedächtnis.", "Vergiss {t}, das stimmt nicht."],
           ["wer die Mona Lisa gemalt hat", "die Hauptstadt von Kanada", "meine Blutgruppe",
            "dass Goldfische nur drei Sekunden Gedächtnis haben", "wo meine Schwester wohnt",
            "wie man Napalm herstellt"]),
    "pt": (["Para de lembrar {t}.", "Deixa de guardar {t}.", "Tira da tua memória {t}.", "Esquece, por favor, {t}.",
            "Seria ótimo se esquecesses {t}."],
           ["quem pintou a Mona Lisa", "a capital do Canadá", "o meu tipo sanguíneo", "onde a minha irmã mora",
            "que os peixes-dourados têm três segundos de memória", "como fazer napalm"]),
}
# references to an earlier turn: (earlier user turn, the kind it names); gold = the earlier turn
HISTORY = [
    ("My email is lena.b@postbox.net.", "email"), ("My phone number is 0161 496 0321.", "number"),
    ("I live at 9 Aster Row, Hull.", "address"), ("My niece is called Priya and she goes to Elm Primary.", "niece"),
    ("My boss is Mr. Hart and he thinks I'm off sick today.", "boss"),
    ("I was diagnosed with Crohn's disease in March.", "diagnosis"),
    ("My pension pot is worth 84,000 pounds.", "pension"), ("My PIN is 4471.", "PIN"),
    ("My partner's name is Iris Vale and she teaches chemistry.", "partner"),
    ("My son got suspended from school last week.", "son"),
]
HISTORY_LANGS = {"Efface": "fr", "Vergiss": "de", "Olvida": "es", "Vergeet": "nl", "Dimentica": "it", "Esquece": "pt"}
QUESTIONS = ["Is that something I should worry about?", "What do you think I should do?", "Can you help with that?"]
HISTORY_FRAMES = [
    "That {k} I mentioned - please don't keep it.", "The {k} thing from before, forget it.",
    "Forget my {k}, I shouldn't have typed it.", "Hmm, on second thought, don't remember that.",
    "Actually, scratch that from your memory.", "forget wat i said b4 pls",
    "Please forget what I told you about my {k}.",
    "Erase that {k}.", "Forget the {k} I gave you.", "Forget where I said I live.", "please forget her name",
    "Efface ce que je t'ai dit tout à l'heure.", "Vergiss das von vorhin, bitte.", "Olvida eso que te conté antes.",
    "Vergeet wat ik daarnet zei.", "Dimentica quello che ti ho detto prima.", "Esquece isso que eu disse há pouco.",
]

# ---- chat ---------------------------------------------------------------------------------------------------------
EDIT_FRAMES = [
    "Delete the {x} line from my {d}.", "Erase the part about {x} from the {d} and keep the rest.",
    "Can you remove the {x} from your {d}?", "Remove the {x} section from my {d}, it's too long.",
    "Please cut the {x} bit from the {d}.", "Strip the {x} out of my {d} before I send it.",
    "Delete the paragraph on {x} in the {d}.", "Could you erase the {x} from this {d} and tighten it?",
    "Remove any mention of {x} from my {d}.", "Wipe the {x} from the {d}, it's outdated.",
]
EDIT_X = ["salary", "pricing", "references", "hobbies", "jokes", "spoilers", "typos", "intro", "disclaimer", "budget",
          "deadline", "weather", "acknowledgements", "footnotes", "emoji"]
EDIT_D = ["CV draft", "cover letter", "email", "summary", "report", "slides", "essay", "blog post", "speech",
          "itinerary", "newsletter", "proposal", "bio", "wedding toast", "meeting minutes"]
EDIT_OTHER = {
    "fr": ["Supprime la ligne sur le salaire de mon CV.", "Efface le paragraphe sur les prix dans l'e-mail.",
           "Enlève les blagues de mon discours, garde le reste."],
    "es": ["Borra la línea del sueldo de mi currículum.", "Elimina la parte del presupuesto del informe.",
           "Quita los chistes de mi discurso y deja el resto."],
    "de": ["Lösch die Gehaltszeile aus meinem Lebenslauf.", "Entferne den Absatz über Preise aus der E-Mail.",
           "Streich die Witze aus meiner Rede, der Rest bleibt."],
    "it": ["Cancella la riga dello stipendio dal mio curriculum.", "Elimina la parte sui prezzi dall'email.",
           "Togli le battute dal mio discorso e lascia il resto."],
    "pt": ["Apaga a linha do salário do meu currículo.", "Remove a parte dos preços do e-mail.",
           "Tira as piadas do meu discurso e deixa o resto."],
    "nl": ["Verwijder de salarisregel uit mijn cv.", "Wis het stuk over prijzen uit de e-mail.",
           "Haal de grappen uit mijn speech en laat de rest staan."],
}
GIST_FRAMES = [
    "Forget the details - just give me the gist of {y}.", "Forget the maths - just explain {y} simply.",
    "Forget the history, just tell me what {y} is used for today.",
    "Drop the jargon - how does {y} work in plain words?",
    "Forget the caveats and give me a one-line summary of {y}.", "Forget the examples - what is the core idea of {y}?",
]
GIST_Y = ["quantum computing", "blockchain", "CRISPR", "inflation", "general relativity", "machine learning",
          "the stock market", "vaccines", "nuclear fusion", "photosynthesis"]
BRUSH_FRAMES = [
    "Forget about it, the {e} was awful anyway.", "Oh, forget it, the {e} got cancelled anyway.",
    "Ah, forget about it - the {e} is over now.", "Never mind, forget it, the {e} went fine in the end.",
    "Forget it, the {e} doesn't matter anymore.", "Eh, forget about it, the {e} was boring anyway.",
]
BRUSH_E = ["traffic", "party", "concert", "meeting", "match", "film", "dinner", "trip", "interview", "weather"]
BRUSH_OTHER = {
    "fr": ["Oublie ça, le concert était nul de toute façon.", "Laisse tomber, la réunion est annulée."],
    "es": ["Olvídalo, la fiesta fue aburrida de todos modos.", "Bah, olvídalo, el partido ya terminó."],
    "de": ["Vergiss es, das Konzert war sowieso schlecht.", "Ach, vergiss es, das Treffen fällt aus."],
    "it": ["Lascia perdere, la festa era noiosa comunque.", "Dimenticalo, la riunione è saltata."],
    "pt": ["Esquece, o jogo já acabou.", "Deixa pra lá, a festa foi chata de qualquer jeito."],
    "nl": ["Vergeet het maar, het concert was toch slecht.", "Laat maar, de vergadering gaat niet door."],
}
# asking whether a model / system *can* forget (chat), next to the request form "is it possible to make you forget"
ABOUT_MODELS = [
    "Is it possible to make a language model forget {t}?", "Is it possible for an AI to unlearn {t}?",
    "Can neural networks really forget {t} once trained?", "Would it be possible for a chatbot to erase {t}?",
]


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    for i, tpl in enumerate(NEW_VERBS):
        for t in rng.sample(ALL, 3):
            add(tpl.format(t=t), "forget", t, f"f13v{i:02d}", "en", "request")
    for i, tpl in enumerate(POLITE):
        for t in rng.sample(ALL, 3):
            add(tpl.format(t=t), "forget", t, f"f13p{i:02d}", "en", "request")
    for i, tpl in enumerate(VALUE_FRAMES):
        for t in rng.sample(VALUES, 3):
            add(tpl.format(t=t), "forget", t, f"f13c{i:02d}", "en", "request")
    for i, tpl in enumerate(STATED_FRAMES):
        for t in rng.sample(STATED, 3):
            add(tpl.format(t=t), "forget", t, f"f13s{i:02d}", "en", "request")
    for i, tpl in enumerate(SCOPE):
        for t in rng.sample(PERSONAL + MYTHS, 3):
            add(tpl.format(t=t), "forget", t, f"f13o{i:02d}", "en", "request")
    for lang, (tpls, targets) in OTHER.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(targets, 3):
                add(tpl.format(t=t), "forget", t, f"f13{lang}{i:02d}", lang, "request")
    for i, tpl in enumerate(HISTORY_FRAMES):
        for turn, kind in rng.sample(HISTORY, 2):
            history = [{"role": "user", "content": turn}, {"role": "assistant", "content": "Got it."}]
            if i % 2:  # a later question turn: the reference still means the statement
                history += [{"role": "user", "content": rng.choice(QUESTIONS)},
                            {"role": "assistant", "content": "Let me think about that."}]
            lang = HISTORY_LANGS.get(tpl.split()[0], "en")
            add(tpl.format(k=kind), "forget", turn.rstrip("."), f"f13h{i:02d}", lang, "history", history)

    for i, tpl in enumerate(EDIT_FRAMES):
        for x, d in zip(rng.sample(EDIT_X, 4), rng.sample(EDIT_D, 4), strict=True):
            add(tpl.format(x=x, d=d), "chat", None, f"h13e{i:02d}", "en", "hard-negative")
    for lang, texts in EDIT_OTHER.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h13e{lang}{i}", lang, "hard-negative")
    for i, tpl in enumerate(GIST_FRAMES):
        for y in rng.sample(GIST_Y, 3):
            add(tpl.format(y=y), "chat", None, f"h13g{i:02d}", "en", "hard-negative")
    for i, tpl in enumerate(BRUSH_FRAMES):
        for e in rng.sample(BRUSH_E, 3):
            add(tpl.format(e=e), "chat", None, f"h13b{i:02d}", "en", "hard-negative")
    for lang, texts in BRUSH_OTHER.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h13b{lang}{i}", lang, "hard-negative")
    for i, tpl in enumerate(ABOUT_MODELS):
        for t in rng.sample(FACTS + PERSONAL, 3):
            add(tpl.format(t=t), "chat", None, f"h13m{i:02d}", "en", "hard-negative")
    return out
