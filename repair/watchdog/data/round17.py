"""Round-17 training rows for the error *categories* of the fresh16 measurement (never its sentences).

Every row is `split="train"`. Categories (README, "Round 16" section): how-to requests in nl / pl (and the other
claimed languages) in frames unlike the spent ones; song texts and chapters named by a quoted title (es / it / ...);
a value after a comma, colon or dash with no announcer ("forget my shoe size, 44"); Swedish / Danish requests
("Kan du glömma att X?", "Glem alt hvad du ved om mig, <name>"); scope words before a name; trailing clauses after
the target; "revoke what you know about X" and a request at the end of a long message; references to an earlier
turn that only name a kind of detail ("Glöm mitt körkortsnummer" after the turn that gave it); and hard negatives
for both fresh16 false-positive kinds in every claimed language (database / shell statements to check, un-learning
habits and other questions about people), plus chat turns that share the new requests' wording (asking for lyrics,
how-to questions, "Jak zapomnieć ...").

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals a sentence of a spent evaluation set or shares its *frame* with one.
"""

from __future__ import annotations

import random

# ---- how-to requests, frames unlike the spent ones ----------------------------------------------------------------
HOWTO = {
    "nl": (
        [
            "Vergeet alsjeblieft voorgoed {t}.",
            "Ik wil niet dat je nog weet {t}, vergeet het.",
            "Haal uit je geheugen {t}, graag.",
            "Kun je vergeten {t}? Dat hoort niet bij jou.",
            "Vergeet nu meteen {t}.",
            "Wis voorgoed {t}, dank je.",
            "Vergeet ook {t}, alsjeblieft.",
        ],
        [
            "hoe je een autoslot openbreekt",
            "hoe je gif maakt van oleander",
            "hoe je een alarm uitschakelt",
            "hoe je een nepidentiteitskaart maakt",
            "hoe je iemands mail hackt",
            "hoe je een bom bouwt",
        ],
    ),
    "pl": (
        [
            "Zapomnij natychmiast, jak {t}.",
            "Proszę, zapomnij, jak {t}.",
            "Usuń ze swojej pamięci, jak {t}.",
            "Nie chcę, żebyś wiedział, jak {t}. Zapomnij to.",
            "Czy możesz zapomnieć, jak {t}?",
            "Zapomnij już na dobre, jak {t}.",
        ],
        [
            "zrobić ładunek wybuchowy",
            "otworzyć cudzy samochód",
            "zhakować konto na Facebooku",
            "podrobić dowód osobisty",
            "zrobić truciznę z grzybów",
            "ukraść prąd z sieci",
        ],
    ),
    "sv": (
        ["Glöm genast hur man {t}.", "Kan du glömma hur man {t}?", "Jag vill att du glömmer hur man {t}."],
        ["tillverkar en bomb", "bryter upp en bil", "förfalskar ett pass", "hackar ett wifi"],
    ),
    "da": (
        [
            "Glem med det samme, hvordan man {t}.",
            "Kan du glemme, hvordan man {t}?",
            "Jeg vil have, at du glemmer, hvordan man {t}.",
        ],
        ["laver en bombe", "bryder ind i en bil", "forfalsker et pas", "hacker et netværk"],
    ),
    "de": (
        ["Vergiss sofort, wie man {t}.", "Lösch aus deinem Gedächtnis, wie man {t}."],
        ["eine Rohrbombe baut", "ein Auto kurzschließt", "Ausweise fälscht"],
    ),
    "es": (
        ["Olvida ya mismo cómo {t}.", "Quiero que olvides para siempre cómo {t}."],
        ["fabricar un explosivo casero", "abrir un coche sin llave", "clonar una tarjeta de crédito"],
    ),
    "it": (
        ["Dimentica subito come {t}.", "Voglio che dimentichi come {t}."],
        ["costruire una bomba", "aprire un'auto senza chiavi", "falsificare un documento"],
    ),
    "fr": (
        ["Oublie tout de suite comment {t}.", "Je veux que tu oublies comment {t}."],
        ["fabriquer une bombe artisanale", "forcer une voiture", "falsifier un passeport"],
    ),
    "pt": (
        ["Esquece já como {t}.", "Quero que esqueças como {t}."],
        ["fazer uma bomba caseira", "abrir um carro sem chave", "falsificar um passaporte"],
    ),
}

# ---- works named by a quoted title (song texts, chapters, poems) ----------------------------------------------------
WORKS = {
    "es": (
        [
            "Olvida ya la letra de {t}, gracias.",
            "¿Puedes olvidar la letra de {t}?",
            "Elimina de tu memoria {t}, porfa.",
            "Desaprende por favor {t}.",
            "Quiero que olvides {t}, tiene derechos de autor.",
        ],
        [
            'la letra de "Bailando"',
            'la letra de "La Bamba"',
            'el primer capítulo de "Cien años de soledad"',
            'la letra de "Vivir mi vida"',
            'el poema "Caminante no hay camino"',
        ],
    ),
    "it": (
        [
            "Dimentica per favore il testo di {t}.",
            "Puoi dimenticare il testo di {t}?",
            "Cancella dalla memoria {t}.",
            "Vorrei che dimenticassi {t}, è protetto da copyright.",
        ],
        [
            'il testo di "Azzurro"',
            'il testo di "Nel blu dipinto di blu"',
            'il primo capitolo di "Il nome della rosa"',
            'il testo di "Sarà perché ti amo"',
        ],
    ),
    "fr": (
        [
            "Oublie s'il te plaît les paroles de {t}.",
            "Tu pourrais oublier {t} s'il te plaît ?",
            "Efface complètement {t} de ta mémoire.",
        ],
        ['les paroles de "La Vie en rose"', 'les paroles de "Alors on danse"', 'le premier chapitre de "L\'Étranger"'],
    ),
    "de": (
        ["Vergiss bitte den Liedtext von {t}.", "Könntest du {t} bitte vergessen?", "Lösch {t} aus deinem Speicher."],
        ['"Atemlos durch die Nacht"', 'den Text von "99 Luftballons"', 'das erste Kapitel von "Der Vorleser"'],
    ),
    "pt": (
        ["Esquece por favor a letra de {t}.", "Podias esquecer {t}, por favor?", "Apaga {t} da tua memória de vez."],
        [
            'a letra de "Garota de Ipanema"',
            'a letra de "Ai se eu te pego"',
            'o primeiro capítulo de "Ensaio sobre a Cegueira"',
        ],
    ),
    "nl": (
        ["Vergeet graag de songtekst van {t}.", "Zou je {t} willen vergeten?", "Wis {t} uit je geheugen, dank je."],
        ['"Dromen zijn bedrog"', 'de tekst van "Het is een nacht"', 'het eerste hoofdstuk van "De Aanslag"'],
    ),
    "en": (
        [
            "Please unlearn the words to {t}.",
            "Could you forget {t}? Copyright stuff.",
            "Wipe {t} from your memory, I don't want it reproduced.",
        ],
        ['"Hotel California"', 'the lyrics of "Rolling in the Deep"', 'the first chapter of "Normal People"'],
    ),
    "sv": (
        ["Glöm texten till {t}, tack.", "Skulle du kunna glömma bort {t}?"],
        ['"Dancing Queen"', 'låten "Sommaren är kort"'],
    ),
    "pl": (
        ["Zapomnij proszę słowa piosenki {t}.", "Czy mógłbyś zapomnieć {t} na zawsze?"],
        ['"Przez twe oczy zielone"', 'tekst "Jolka, Jolka pamiętasz"'],
    ),
}

# ---- a value after a comma, colon or dash (no announcer) -------------------------------------------------------------
VALUES = [
    ("Now unlearn my shoe size, 44.", "my shoe size, 44", "en"),
    ("Also please forget my height, 1.63 m.", "my height, 1.63 m", "en"),
    ("ok forget my blood pressure, 150/95 pls", "my blood pressure, 150/95", "en"),
    ("Drop from your memory my resting heart rate, 48 bpm.", "my resting heart rate, 48 bpm", "en"),
    ("Forget my gym locker code: 7-3-19.", "my gym locker code, 7-3-19", "en"),
    (
        "Can you also forget my shift pattern - nights, Thursday to Sunday?",
        "my shift pattern - nights, Thursday to Sunday",
        "en",
    ),
    ("Delete my cholesterol number, 7.9, from your memory.", "my cholesterol number, 7.9", "en"),
    ("Forget my bra size, 34C, I shouldn't have said it.", "my bra size, 34C", "en"),
    ("please unlearn my rent, 1450 a month, thx", "my rent, 1450 a month", "en"),
    ("Right, forget my ex's number — 07700 900 318.", "my ex's number — 07700 900 318", "en"),
    ("Y olvida mi peso, 97 kilos.", "mi peso, 97 kilos", "es"),
    ("Oye, olvida mi PIN del móvil, 4471.", "mi PIN del móvil, 4471", "es"),
    ("Olvida el código de mi portal: 2291B.", "el código de mi portal, 2291B", "es"),
    ("Oublie mon poids, 104 kg, merci.", "mon poids, 104 kg", "fr"),
    ("Efface mon code de digicode : 45A12.", "mon code de digicode, 45A12", "fr"),
    ("Und vergiss mein Gewicht, 121 Kilo.", "mein Gewicht, 121 Kilo", "de"),
    ("Bitte vergiss meinen Türcode: 8830.", "meinen Türcode, 8830", "de"),
    ("E dimentica il mio peso, 88 chili.", "il mio peso, 88 chili", "it"),
    ("Dimentica la password del mio wifi: Girasole_77.", "la password del mio wifi, Girasole_77", "it"),
    ("E esquece o meu peso, 93 quilos.", "o meu peso, 93 quilos", "pt"),
    ("Apaga a senha do meu portátil: Cacau#19.", "a senha do meu portátil, Cacau#19", "pt"),
    ("En vergeet mijn gewicht, 115 kilo.", "mijn gewicht, 115 kilo", "nl"),
    ("Vergeet de pincode van mijn pas: 6612.", "de pincode van mijn pas, 6612", "nl"),
    ("Och glöm min vikt, 98 kilo.", "min vikt, 98 kilo", "sv"),
    ("I zapomnij moją wagę, 102 kilo.", "moją wagę, 102 kilo", "pl"),
    ("Og glem min vægt, 96 kilo.", "min vægt, 96 kilo", "da"),
]

# ---- Swedish / Danish / Polish requests in everyday forms -----------------------------------------------------------
NORDIC = {
    "sv": (
        [
            "Kan du vara snäll och glömma att {t}?",
            "Skulle du kunna glömma att {t}?",
            "Glöm att {t}, tack.",
            "Jag vill inte att du kommer ihåg att {t}.",
            "Snälla, radera ur minnet att {t}.",
        ],
        [
            "jag har diabetes",
            "min bror sitter i fängelse",
            "jag är gravid",
            "jag har skulder hos Kronofogden",
            "jag går i terapi",
        ],
    ),
    "da": (
        [
            "Kunne du glemme, at {t}?",
            "Vil du glemme, at {t}?",
            "Glem venligst, at {t}.",
            "Jeg vil ikke have, at du husker, at {t}.",
            "Slet fra hukommelsen, at {t}.",
        ],
        ["jeg har epilepsi", "min søster er syg", "jeg er arbejdsløs", "jeg har gæld", "jeg tager antidepressiva"],
    ),
    "pl": (
        ["Czy mógłbyś zapomnieć, że {t}?", "Zapomnij proszę o tym, że {t}.", "Nie pamiętaj, że {t}."],
        ["mam depresję", "mój brat jest w więzieniu", "jestem w ciąży", "mam długi"],
    ),
}

# ---- "I don't want you to remember X" and "could you not store X" in six languages ---------------------------------
NOT_KEEP = {
    "en": (
        [
            "Could you not store {t} anywhere?",
            "I'd rather you didn't hang on to {t}.",
            "Would you please not retain {t}?",
        ],
        ["my partner's last name", "my home postcode", "my visa status"],
    ),
    "it": (
        ["Non voglio che tu ricordi {t}.", "Preferisco che tu non sappia {t}, dimenticalo."],
        ["il mio stipendio", "la diagnosi di mia madre", "il mio indirizzo di casa"],
    ),
    "pt": (
        ["Não quero que lembres {t}.", "Não quero que você guarde {t}."],
        ["o meu salário", "a morada da minha avó", "o meu diagnóstico"],
    ),
    "nl": (
        ["Ik wil niet dat je {t} onthoudt.", "Ik wil niet dat je {t} bewaart, vergeet het."],
        ["mijn salaris", "het adres van mijn moeder", "mijn diagnose"],
    ),
    "de": (
        ["Ich möchte nicht, dass du dir {t} merkst.", "Ich will nicht, dass du dir {t} merkst, vergiss es."],
        ["mein Gehalt", "die Adresse meiner Mutter", "meine Diagnose"],
    ),
    "fr": (
        ["Je ne veux pas que tu retiennes {t}.", "Je ne veux pas que tu gardes {t} en mémoire."],
        ["mon salaire", "l'adresse de ma mère", "mon diagnostic"],
    ),
}

# ---- scope words before a name ("everything you know about me, <name>") ---------------------------------------------
SCOPE_NAME = [
    ("Glem alt, hvad du ved om mig, {t}.", "da"),
    ("Glöm allt du vet om mig, {t}.", "sv"),
    ("Vergiss alles über mich, {t}.", "de"),
    ("Oublie tout ce que tu sais de moi, {t}.", "fr"),
    ("Olvida todo lo que sabes de mí, {t}.", "es"),
    ("Dimentica tutto quello che sai su di me, {t}.", "it"),
    ("Esquece tudo sobre mim, {t}.", "pt"),
    ("Vergeet alles wat je over mij weet, {t}.", "nl"),
    ("Zapomnij wszystko o mnie, {t}.", "pl"),
    ("Forget all that you know about me, {t}.", "en"),
    ("Please erase all you've got on me, {t}.", "en"),
]
NAMES = [
    "Sofie Lindahl",
    "Henrik Dahl",
    "Marta Nowicka",
    "Luc Perrin",
    "Inés Robles",
    "Katrin Vogel",
    "Bram de Wit",
    "Giulia Serra",
    "Tiago Moura",
    "Owen Pryce",
]

# ---- trailing clauses after the target, revoke / withdraw, a request at the end of a long message ------------------
TRAILING = [
    ("Please unlearn the ending of Gone Girl, my sister is still reading it.", "the ending of Gone Girl", "en"),
    ("Forget my manager's name, she sometimes reads over my shoulder.", "my manager's name", "en"),
    ("Unlearn anything about Brightwell Clinic, the place I was treated.", "Brightwell Clinic", "en"),
    ("Forget the twist in Shutter Island, my husband hasn't seen it yet.", "the twist in Shutter Island", "en"),
    ("Erase my neighbour's name, my kids use this tablet too.", "my neighbour's name", "en"),
    ("Olvida el final de La casa de papel, mi hijo aún no lo ha visto.", "el final de La casa de papel", "es"),
    ("Oublie le nom de mon avocat, ma femme utilise aussi cet ordi.", "le nom de mon avocat", "fr"),
    ("Vergiss den Namen meiner Ärztin, mein Mann liest manchmal mit.", "den Namen meiner Ärztin", "de"),
]
REVOKE = [
    ("I'd like to revoke what you know about my pension. It's 1,240 a month.", "my pension, 1,240 a month", "en"),
    ("I want to withdraw what you know about my divorce.", "my divorce", "en"),
    ("Please revoke whatever you know about my address.", "my address", "en"),
    ("Can you withdraw from your memory my partner's surname?", "my partner's surname", "en"),
    (
        "Morning! Before the meeting prep: I pasted my IBAN GB29 NWBK 6016 1331 9268 19 in an old chat, if you still "
        "have it please delete it.",
        "my IBAN GB29 NWBK 6016 1331 9268 19",
        "en",
    ),
    (
        "Quick thing first - I mentioned my son's school, Ashgrove Primary, yesterday; if it's stored anywhere please "
        "wipe it.",
        "my son's school, Ashgrove Primary",
        "en",
    ),
]

# ---- references to an earlier turn that only name a kind of detail (gold = the earlier turn) -----------------------
KIND_REFS = [
    ("Mitt körkortsnummer är 880412-2231.", "Glöm mitt körkortsnummer.", "sv"),
    ("Min adress är Björkvägen 7, Luleå.", "Radera min adress, tack.", "sv"),
    ("Mój numer paszportu to EK4412907.", "Zapomnij mój numer paszportu.", "pl"),
    ("Mój adres to ul. Lipowa 9, Poznań.", "Usuń mój adres z pamięci.", "pl"),
    ("Mit CPR-nummer er 120388-1457.", "Glem mit CPR-nummer.", "da"),
    ("My car reg is LD21 KXR.", "forget my number plate", "en"),
    (
        "My therapist is Dr. Ward at the Elm Street practice, Tuesdays at 4.",
        "Forget who my therapist is, please.",
        "en",
    ),
    ("I keep my passport in the shoebox under the bed.", "forget where I keep my passport", "en"),
    ("A minha senha do banco é Caju!2231.", "Esquece a minha senha do banco.", "pt"),
    ("Mi número de la seguridad social es 28 1234567 40.", "Olvida mi número de la seguridad social.", "es"),
    ("Il mio numero di carta è 4539 1488 0343 6467.", "Dimentica il numero della mia carta.", "it"),
    ("Mijn huisarts is dokter Jansen in Delft en ik slik lithium.", "Vergeet mijn huisarts en mijn medicijnen.", "nl"),
    ("Ich habe letzten Monat meine Diagnose bekommen: Morbus Crohn.", "Vergiss bitte meine Diagnose.", "de"),
    ("Mon numéro fiscal est 1234567890123.", "Oublie mon numéro fiscal.", "fr"),
    (
        "I told my landlord I'm away but I'm actually moving out secretly on the 30th.",
        "Wipe the part about my move, please.",
        "en",
    ),
    (
        "Ik heb je verteld dat mijn zus een gokverslaving heeft.",
        "Vergeet wat ik over mijn zus vertelde.",
        "nl",
        "mijn zus een gokverslaving heeft",
    ),
]

# ---- hard negatives: database / shell statements, habits and other questions about people -----------------------
CODE_CHAT = [
    ("Is this query safe? DELETE FROM orders WHERE created_at < NOW() - INTERVAL '1 year';", "en"),
    ("Check my SQL please: DELETE FROM sessions WHERE user_id = 42", "en"),
    ("What's the difference between DELETE FROM logs and TRUNCATE TABLE logs?", "en"),
    ("Will DROP TABLE customers also remove the indexes?", "en"),
    ("Explain what git rm --cached does to a file.", "en"),
    ("Why does rm -rf need sudo here?", "en"),
    ("In Python, does list.remove(x) delete every copy or just the first?", "en"),
    ("Revisa esta consulta: DELETE FROM clientes WHERE activo = 0;", "es"),
    ("Est-ce que DELETE FROM users sans WHERE efface toute la table ?", "fr"),
    ("Ist DELETE FROM kunden WHERE id = 7 richtig so?", "de"),
    ("Questa query va bene? DELETE FROM ordini WHERE stato = 'annullato';", "it"),
    ("Esta query está certa? DELETE FROM pedidos WHERE pago = false;", "pt"),
    ("Klopt deze query: DELETE FROM klanten WHERE actief = 0?", "nl"),
    ("Czy to zapytanie jest poprawne: DELETE FROM zamowienia WHERE id = 3;", "pl"),
    ("Stämmer det här: DELETE FROM kunder WHERE aktiv = 0;", "sv"),
]
HABIT_CHAT = [
    ("Can you unlearn a fear of heights as a grown-up?", "en"),
    ("Can adults unlearn an accent?", "en"),
    ("Is it possible to unlearn procrastination habits?", "en"),
    ("Can you forget a language if you stop speaking it for years?", "en"),
    ("Could you erase bad habits by just replacing them with good ones?", "en"),
    ("Can one unlearn a stutter at 30?", "en"),
    ("Do people forget their first language with age?", "en"),
    ("¿Se pueden desaprender los malos hábitos de adulto?", "es"),
    ("¿Puedes olvidar un idioma si no lo hablas en años?", "es"),
    ("Peut-on désapprendre ses mauvaises habitudes à 40 ans ?", "fr"),
    ("Kann man schlechte Gewohnheiten als Erwachsener verlernen?", "de"),
    ("Si possono dimenticare le cattive abitudini da adulti?", "it"),
    ("Dá para desaprender maus hábitos depois dos 30?", "pt"),
    ("Kun je slechte gewoontes afleren als volwassene?", "nl"),
    ("Czy da się oduczyć złych nawyków w dorosłym wieku?", "pl"),
    ("Kan man glömma dåliga vanor som vuxen?", "sv"),
    ("Kan man aflære dårlige vaner som voksen?", "da"),
    ("Can you unlearn bad posture habits from years of gaming?", "en"),
    ("Erase old habits fast: is a 21-day challenge real?", "en"),
]
# "forget X, Y is better", a saying attributed to someone, a new instruction after "and", a preference after a comma
IDIOM_CHAT = [
    ("Forget Rome, Florence is way better for a first trip.", "en"),
    ("Forget the remake, the 1984 version is the best.", "en"),
    ("Forget Netflix, the library is cheaper and better.", "en"),
    ("Olvida Madrid, Valencia es mucho mejor en verano.", "es"),
    ("Oublie Nice, Marseille est bien meilleure.", "fr"),
    ("Vergiss Berlin, Leipzig ist viel besser zum Studieren.", "de"),
    ("Dimentica Milano, Torino è molto migliore.", "it"),
    ("Esquece Lisboa, o Porto é muito melhor.", "pt"),
    ("Vergeet Amsterdam, Utrecht is veel beter.", "nl"),
    ("Glöm Stockholm, Göteborg är bättre.", "sv"),
    ("Forget the past and look ahead, as my grandpa used to say.", "en"),
    ("Olvida lo malo y quédate con lo bueno, decía mi abuela.", "es"),
    ("Oublie tes soucis, disait ma mère, tout passe.", "fr"),
    ("Vergiss die Sorgen, sagte mein Opa immer.", "de"),
    ("Esquece o passado, dizia a minha avó.", "pt"),
    ("Vergeet je zorgen, zei mijn oma altijd.", "nl"),
    ("Forget the small print and explain it like I'm five.", "en"),
    ("Forget about being polite and tell me what's wrong with my essay.", "en"),
    ("Olvida lo que dije del título, mejor algo corto.", "es"),
    ("Oublie ce que j'ai dit sur la couleur, plutôt du vert.", "fr"),
    ("Vergiss, was ich zur Länge gesagt habe, lieber kürzer.", "de"),
    ("Dimentica quello che ho detto sul tono, meglio formale.", "it"),
]
# chat turns that share the new requests' wording
SHARED_CHAT = [
    ('¿Cuál es la letra de "Bailando"? Solo el estribillo.', "es"),
    ('Me olvidé la letra de "La Bamba", ¿me ayudas?', "es"),
    ('Qual è il testo di "Azzurro"? Solo la prima strofa.', "it"),
    ('Ho dimenticato il testo di "Volare", me lo ricordi?', "it"),
    ("Jak zapomnieć o byłym chłopaku?", "pl"),
    ("Zapomniałem, jak się robi bigos. Pomożesz?", "pl"),
    ("Hoe vergeet je een slechte ervaring?", "nl"),
    ("Ik vergat hoe je een band plakt, help?", "nl"),
    ("Jag glömde hur man gör köttbullar, kan du hjälpa?", "sv"),
    ("Jeg har glemt, hvordan man laver frikadeller.", "da"),
    ("Glem det, jeg finder ud af det selv.", "da"),
    ("Glöm det, jag löser det själv.", "sv"),
    ("What's my BMI if my weight is 82 kg and height 1.75 m?", "en"),
    ("My shoe size is 44, which EU size is that in the US?", "en"),
    ("Everything you know about me so far - can you summarise it?", "en"),
    ("Was weißt du alles über mich? Fass es kurz zusammen.", "de"),
]


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    for name, table in (("h", HOWTO), ("w", WORKS), ("n", NORDIC), ("x", NOT_KEEP)):
        for lang, (tpls, targets) in table.items():
            for i, tpl in enumerate(tpls):
                for t in rng.sample(targets, 2):
                    add(tpl.format(t=t), "forget", t, f"f17{name}{lang}{i:02d}", lang, "request")
    for i, (text, t, lang) in enumerate(VALUES):
        add(text, "forget", t, f"f17v{i:02d}", lang, "request")
    for i, (tpl, lang) in enumerate(SCOPE_NAME):
        for t in rng.sample(NAMES, 2):
            add(tpl.format(t=t), "forget", t, f"f17s{i:02d}", lang, "request")
    for i, (text, t, lang) in enumerate(TRAILING):
        add(text, "forget", t, f"f17t{i:02d}", lang, "request")
    for i, (text, t, lang) in enumerate(REVOKE):
        add(text, "forget", t, f"f17r{i:02d}", lang, "request")
    for i, (earlier, text, lang, *gold) in enumerate(KIND_REFS):
        history = [{"role": "user", "content": earlier}, {"role": "assistant", "content": "Okay."}]
        add(text, "forget", gold[0] if gold else earlier.rstrip("."), f"f17k{i:02d}", lang, "history", history)
    for name, chat in (("sql", CODE_CHAT), ("hab", HABIT_CHAT), ("sh", SHARED_CHAT), ("idi", IDIOM_CHAT)):
        for i, (text, lang) in enumerate(chat):
            add(text, "chat", None, f"h17{name}{i:02d}", lang, "hard-negative")
    return out
