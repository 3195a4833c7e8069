"""Round-12 training rows for the error *categories* of the fresh11 measurement (never its sentences).

Every row is `split="train"`. Categories (README, fresh11 paragraph): requests whose object is a pronoun with the
antecedent earlier in the same message ("I wish I hadn't brought up X. Forget it."), typos and rare verbs of
un-remembering, other-language requests in the second person / subjunctive / reflexive ("Podes esquecer X?",
"Olvídate de X", "Scordati di X", "Zou je X willen vergeten?"); and chat turns: editing instructions that drop a
constraint and give a new one ("Forget the word limit, take as much space as you need"), questions about how a
system makes a model forget, quoted sayings, and other people deleting things about the speaker.

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals an evaluation sentence or shares its *frame* with one (the sentence with its gold
target cut out), so no evaluation set's wording is trained on.
"""

from __future__ import annotations

import random

PERSONAL = [
    "my cousin's rehab stint", "my home phone, 020 7946 0018", "my ex-wife's new partner", "the PIN for my garage door",
    "my son's ADHD diagnosis", "my mortgage arrears", "my sister's flat in Bristol", "my employer, Northgate Foods",
    "that I'm on antidepressants", "my driving ban", "my uncle's gambling debts", "my MRI results",
    "my fertility treatment", "my niece's school", "my bank login", "my mother's care home",
    "that I failed my bar exam", "my court date", "my crypto wallet seed phrase", "my landlord's email",
    "my tax ID, 981-22-4410", "the name of my GP surgery", "my boyfriend's visa problems", "my credit rating",
]
FACTS = ["who discovered the structure of DNA", "the capital of Peru", "the plot of Hamlet",
         "the melting point of iron", "who founded Rome", "the distance to the Moon", "who wrote War and Peace",
         "the atomic number of carbon"]
HARMFUL = ["how to make thermite", "how to forge a signature", "how to spike a drink", "how to clone a credit card",
           "how to synthesise fentanyl", "how to make a zip gun"]
MYTHS = ["the claim that we only have five senses", "the myth that hair keeps growing after death",
         "the false story that Columbus proved the Earth was round", "the rumour that lemmings jump off cliffs",
         "the idea that the tongue has taste zones"]
ALL = PERSONAL + FACTS + HARMFUL + MYTHS

# ---- requests ---------------------------------------------------------------------------------------------------
# the antecedent comes first, then a pronoun object
ANTECEDENT = [
    "I wish I hadn't brought up {t}. Forget it, please.", "Ugh, {t} was private - forget that.",
    "That's {t}, which I shouldn't have shared. Forget it.", "{T} - I said too much there. Please forget it.",
    "I overshared about {t}; please forget it.", "On reflection, {t} is none of your business. Forget it.",
    "I'd rather keep {t} to myself, so forget it.", "I don't want you holding on to {t}. Forget it.",
    "Please don't keep {t} around - erase it.", "Why did I even mention {t}? Just forget it.",
    "You really shouldn't know {t}, forget it please.", "Hmm, {t} is sensitive. Unlearn that.",
    "Honestly, {t} isn't something I want stored. Wipe it.", "Scratch {t} from what you know - forget it.",
]
# typos, lowercase, rare verbs
TYPO = [
    "frget {t} plz", "pls forgt {t}", "can u fogret {t}", "forgte {t} pls", "forget {t} pleas",
    "could u unlern {t}", "delet {t} from ur memroy", "plz dont remeber {t}", "i need u too forget {t}",
    "froget {t} ok", "Could you unremember {t}?", "Kindly disremember {t}.", "forgit {t} thx",
    "u should forgett {t}", "erase {t} frm ur memory pls",
]
OTHER = {
    "fr": (["Tu veux bien oublier {t} ?", "J'ai besoin que tu oublies {t}.", "Je te demande d'oublier {t}.",
            "Efface-moi {t} de ta mémoire.", "oublie {t} stp merci", "Je regrette de t'avoir dit {t}, oublie-le.",
            "Auriez-vous l'amabilité d'oublier {t} ?", "Tu pourrais me faire le plaisir d'oublier {t} ?"],
           ["mon numéro de badge", "le prénom de ma fille", "mon adresse à Lyon", "que je suis au chômage",
            "comment fabriquer de la thermite", "qui a fondé Rome", "mon code d'entrée, 4B21", "ma dette fiscale"]),
    "es": (["¿Te importaría olvidar {t}?", "Olvídate de {t}.", "Hazme el favor de olvidar {t}.",
            "Bórrame {t} de tu memoria.", "No guardes {t} en tu memoria.", "Te ruego que olvides {t}.",
            "olvidate de {t} xfa", "Necesito que te olvides de {t}.", "¿Podrías olvidarte de {t}, porfa?"],
           ["mi número de la seguridad social", "el nombre de mi psicóloga", "mi dirección en Valencia",
            "que me despidieron", "cómo fabricar termita", "quién fundó Roma", "mi contraseña del banco",
            "la deuda de mi hermano"]),
    "de": (["Wärst du so nett, {t} zu vergessen?", "Könnten Sie {t} vergessen?", "Vergiss bitte ganz schnell {t}.",
            "Ich bitte dich, {t} zu vergessen.", "Streich {t} aus deinem Gedächtnis.", "Lösch {t} aus deinem Kopf.",
            "vergiss {t} mal lieber", "Magst du {t} bitte vergessen?"],
           ["meine Steuer-ID", "den Namen meiner Therapeutin", "meine Adresse in Köln", "dass ich arbeitslos bin",
            "wie man Thermit herstellt", "wer Rom gegründet hat", "mein Online-Banking-Passwort",
            "die Schulden meines Bruders"]),
    "it": (["Ti dispiace dimenticare {t}?", "Scordati di {t}.", "Dimenticati di {t}.",
            "Ho bisogno che tu dimentichi {t}.", "Ti prego di dimenticare {t}.",
            "Cancella {t} dalla tua memoria, grazie.", "Potrebbe dimenticare {t}?", "dimentica {t} pls"],
           ["il mio codice fiscale", "il nome della mia psicologa", "il mio indirizzo a Torino",
            "che sono disoccupato", "come fare la termite", "chi ha fondato Roma", "la password della banca",
            "i debiti di mio fratello"]),
    "pt": (["Podes esquecer {t}?", "Consegues esquecer {t}?", "Importas-te de esquecer {t}?",
            "Esquece-te de {t}.", "Apaga {t} da tua memória.", "Preciso que apagues {t}.",
            "Gostava que esquecesses {t}.", "Não te lembres mais de {t}, por favor."],
           ["o meu NIF", "o nome da minha psicóloga", "a minha morada no Porto", "que estou desempregado",
            "como fazer termite", "quem fundou Roma", "a palavra-passe do banco", "as dívidas do meu irmão"]),
    "nl": (["Zou je {t} willen vergeten?", "Ik vraag je om {t} te vergeten.", "Vergeet {t} maar.",
            "Zou u {t} kunnen vergeten?", "Mag ik je vragen {t} te vergeten?", "Haal {t} uit je geheugen.",
            "Onthoud {t} alsjeblieft niet.", "Wis {t} even uit je geheugen."],
           ["mijn BSN-nummer", "de naam van mijn psycholoog", "mijn adres in Utrecht", "dat ik werkloos ben",
            "hoe je thermiet maakt", "wie Rome stichtte", "het wachtwoord van mijn bank",
            "de schulden van mijn broer"]),
}

# ---- chat -------------------------------------------------------------------------------------------------------
# an editing instruction drops one constraint and gives a new one
EDIT_OBJECTS = ["the word limit", "the limit of 200 words", "the colour scheme", "the font I asked for", "the rhymes",
                "the British spelling", "the bullet list", "the formal tone", "the order I gave", "the earlier outline",
                "your last suggestion", "the length requirement", "the three-paragraph rule", "the title idea"]
EDIT_IMPERATIVES = ["take as much space as you need", "make it green after all", "use Helvetica instead",
                    "keep it casual", "go with a table", "just make it flow", "write whatever length works",
                    "sort it by date instead", "start from scratch", "do it your way", "keep the rest",
                    "stick to plain prose"]
EDIT_FRAMES = ["Forget {o}, {i}.", "Forget what I said about {o}, {i}.", "Ignore {o} - {i}.", "Drop {o} and {i}.",
               "Never mind {o}, {i}.", "Scrap {o}; {i}.", "Forget about {o} and {i}.",
               "Actually, forget {o}. {I}."]
EDIT_OTHER = {
    "fr": (["Oublie {o}, {i}.", "Oublie ce que j'ai dit sur {o}, {i}.", "Laisse tomber {o}, {i}."],
           ["la limite de 300 mots", "la couleur que j'avais choisie", "le ton soutenu", "ma consigne sur la longueur"],
           ["écris autant qu'il faut", "mets du vert finalement", "sois plus détendu", "fais comme tu le sens"]),
    "es": (["Olvida {o}, {i}.", "Olvida lo que dije sobre {o}, {i}.", "Olvídate de {o} y {i}."],
           ["el límite de 300 palabras", "el color que elegí", "el tono formal", "mi instrucción sobre la longitud"],
           ["escribe lo que haga falta", "ponlo en verde al final", "hazlo más informal", "hazlo a tu manera"]),
    "de": (["Vergiss {o}, {i}.", "Vergiss, was ich über {o} gesagt habe, {i}.", "Vergiss {o} und {i}."],
           ["das Limit von 300 Wörtern", "die Farbe von vorhin", "den förmlichen Ton", "meine Vorgabe zur Länge"],
           ["schreib so viel wie nötig", "nimm doch Grün", "schreib locker", "mach es, wie du willst"]),
    "it": (["Dimentica {o}, {i}.", "Dimentica quello che ho detto su {o}, {i}.", "Lascia perdere {o} e {i}."],
           ["il limite di 300 parole", "il colore di prima", "il tono formale", "la mia richiesta sulla lunghezza"],
           ["scrivi quanto serve", "usa il verde alla fine", "scrivi in modo informale", "fai come preferisci"]),
    "pt": (["Esquece {o}, {i}.", "Esquece o que eu disse sobre {o}, {i}.", "Esquece {o} e {i}."],
           ["o limite de 300 palavras", "a cor que escolhi", "o tom formal", "o meu pedido sobre o tamanho"],
           ["escreve o que for preciso", "põe verde afinal", "escreve de forma informal", "faz como achares melhor"]),
    "nl": (["Vergeet {o}, {i}.", "Vergeet wat ik zei over {o}, {i}.", "Vergeet {o} en {i}."],
           ["de limiet van 300 woorden", "de kleur van eerder", "de formele toon", "mijn eis over de lengte"],
           ["schrijf zoveel als nodig", "maak het toch groen", "schrijf wat losser", "doe het zoals jij wilt"]),
}
SYSTEMS = ["RePAIR", "your unlearning tool", "this app", "an unlearning method", "the watchdog", "ROME"]
ABOUT_SYSTEM = ["Can you explain how {s} makes a model forget {x}?", "How does {s} decide what to erase?",
                "Could you tell me why {s} can't just delete {x} from the training data?",
                "Explain how {s} checks that a model really forgot {x}.",
                "Can you walk me through how {s} removes {x} without breaking other answers?"]
SYSTEM_OBJECTS = ["a fact", "a phone number", "a harmful recipe", "a person's address", "a copyrighted text"]
QUOTES = ["You must unlearn what you have learned", "Forgive and forget", "Erase the past and start again",
          "Delete your doubts", "Forget the rules, follow your heart", "Wipe the slate clean",
          "To forget is to be free"]
QUOTE_FRAMES = ["What did {w} mean by \"{q}\"?", "Is \"{q}\" good advice?", "Who first said \"{q}\"?",
                "Explain the quote \"{q}\" by {w}.", "Use \"{q}\" in a short story opening."]
QUOTE_WHO = ["Yoda", "my grandmother", "a famous coach", "the poet", "my therapist"]
OTHERS_DELETE = {
    "en": ["The local paper deleted an old article about me - can I ask other sites to do the same?",
           "My school erased my records by mistake. What can I do?",
           "Google removed my old blog from search. Why would that happen?",
           "My bank deleted my account history; is that legal?"],
    "pt": ["O jornal apagou uma notícia antiga sobre mim. Posso pedir o mesmo a outros sites?",
           "A minha escola apagou o meu histórico por engano. O que faço?"],
    "es": ["El periódico borró un artículo viejo sobre mí. ¿Puedo pedirlo a otras webs?",
           "Mi banco eliminó mi historial de cuenta, ¿es legal?"],
    "fr": ["Le journal a effacé un vieil article sur moi. Puis-je demander la même chose ailleurs ?",
           "Mon école a supprimé mon dossier par erreur, que faire ?"],
    "de": ["Die Zeitung hat einen alten Artikel über mich gelöscht. Kann ich das auch anderswo verlangen?"],
    "it": ["Il giornale ha cancellato un vecchio articolo su di me. Posso chiederlo anche ad altri siti?"],
    "nl": ["De krant heeft een oud artikel over mij verwijderd. Kan ik dat ook aan andere sites vragen?"],
}


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind):
        out.append((text, label, target, group, lang, kind, []))

    for i, tpl in enumerate(ANTECEDENT):
        for t in rng.sample(PERSONAL, 4):
            add(tpl.format(t=t, T=t[0].upper() + t[1:]), "forget", t, f"f12a{i:02d}", "en", "request")
    for i, tpl in enumerate(TYPO):
        for t in rng.sample(ALL, 3):
            add(tpl.format(t=t), "forget", t, f"f12t{i:02d}", "en", "request")
    for lang, (tpls, targets) in OTHER.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(targets, 3):
                add(tpl.format(t=t), "forget", t, f"f12{lang}{i:02d}", lang, "request")

    for i, tpl in enumerate(EDIT_FRAMES):
        for o in rng.sample(EDIT_OBJECTS, 5):
            imp = rng.choice(EDIT_IMPERATIVES)
            add(tpl.format(o=o, i=imp, I=imp[0].upper() + imp[1:]), "chat", None, f"h12e{i:02d}", "en",
                "hard-negative")
    for lang, (tpls, objs, imps) in EDIT_OTHER.items():
        for i, tpl in enumerate(tpls):
            for o in rng.sample(objs, 3):
                add(tpl.format(o=o, i=rng.choice(imps)), "chat", None, f"h12e{lang}{i}", lang, "hard-negative")
    for i, tpl in enumerate(ABOUT_SYSTEM):
        for s in rng.sample(SYSTEMS, 3):
            add(tpl.format(s=s, x=rng.choice(SYSTEM_OBJECTS)), "chat", None, f"h12s{i:02d}", "en", "hard-negative")
    for i, tpl in enumerate(QUOTE_FRAMES):
        for q in rng.sample(QUOTES, 3):
            add(tpl.format(q=q, w=rng.choice(QUOTE_WHO)), "chat", None, f"h12q{i:02d}", "en", "hard-negative")
    for lang, texts in OTHERS_DELETE.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h12o{lang}{i % 2}", lang, "hard-negative")
    return out
