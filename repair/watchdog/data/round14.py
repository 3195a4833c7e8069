"""Round-14 training rows for the error *categories* of the fresh13 measurement (never its sentences).

Every row is `split="train"`. Categories (README, "Round 13" section): Swedish and Polish requests (plus Danish and
Norwegian, cheaply) with hard negatives in those languages (everyday forgetting, "glöm inte", "nie zapomnij",
brush-offs, editing); the model named in the third person ("The model should unlearn X", "Quiero que el modelo olvide
X") with hard negatives about models in general ("the model should learn to forget gradually"); requests about facts,
works, myths and how-tos in fr / es / de / nl / it / pt with other verbs and frames; requests whose target is an earlier
turn ("lo de mi hermana", "das mit meinem Job", "my first message", "I shouldn't have mentioned X. Forget it.");
trailing reason clauses and "from your memory:" before a value; and chat turns that remove a part of a document, in
seven languages, and pasted blocks after a colon.

Each frame is its own template group. `rows(rng)` is deterministic for a given `random.Random`. `build.py` drops
any generated row that equals a sentence of a spent evaluation set or shares its *frame* with one.
"""

from __future__ import annotations

import random

# ---- Swedish / Danish / Norwegian requests: frame x target (no case endings to worry about) -----------------------
SV_FRAMES = [
    "Snälla, glöm {t}.", "Kan du vara snäll och glömma {t}?", "Jag vill att du glömmer {t}, tack.",
    "Radera {t} ur ditt minne.", "Glöm bort {t}, tack.", "Ta bort {t} från ditt minne.", "Sluta komma ihåg {t}.",
    "Kunde du glömma {t}?", "glöm {t} tack", "Jag ber dig att glömma {t}.", "Glöm {t} helt och hållet.",
    "Skulle du kunna glömma {t}?", "Jag skulle vilja att du raderar {t} ur ditt minne.", "Kom inte ihåg {t}.",
    "Jag vill inte att du kommer ihåg {t}.",
]
SV_TARGETS = [
    "min adress på Storgatan 14", "mitt telefonnummer", "min dotters namn", "var jag jobbar",
    "mitt lösenord till banken",
    "min diagnos", "vem som skrev Röda rummet", "hur man gör krut", "hur man dyrkar upp ett lås",
    "att guldfiskar bara minns i tre sekunder", "texten till Dancing Queen", "min mammas födelsedag",
    "Kanadas huvudstad", "att tjurar blir arga av rött", "min exmans nya adress", "min lön",
]
DA_NO = [
    ("Glem min adresse, tak.", "min adresse", "da"), ("Kan du glemme mit telefonnummer?", "mit telefonnummer", "da"),
    ("Jeg vil have, at du glemmer min søns navn.", "min søns navn", "da"),
    ("Glem hvem der skrev Den lille havfrue.", "hvem der skrev Den lille havfrue", "da"),
    ("Vil du glemme, hvor jeg arbejder?", "hvor jeg arbejder", "da"), ("Slet min diagnose fra din hukommelse.",
                                                                       "min diagnose", "da"),
    ("Glem passordet mitt, takk.", "passordet mitt", "no"), ("Kan du glemme hvor jeg jobber?", "hvor jeg jobber", "no"),
    ("Jeg vil at du glemmer adressen min.", "adressen min", "no"),
    ("Glem hvordan man lager krutt.", "hvordan man lager krutt", "no"),
    ("Vil du glemme navnet på legen min?", "navnet på legen min", "no"),
    ("Husk ikke mit cpr-nummer.", "mit cpr-nummer", "da"), ("Kan du slette nummeret mitt fra minnet ditt?",
                                                             "nummeret mitt", "no"),
    ("Jeg vil ikke have, at du husker min løn.", "min løn", "da"),
]
# Polish: whole sentences (case endings depend on the verb), target as written
PL = [
    ("Czy mógłbyś zapomnieć, gdzie pracuję?", "gdzie pracuję"), ("Proszę, zapomnij imię mojego syna.",
                                                                 "imię mojego syna"),
    ("Usuń z pamięci mój numer konta.", "mój numer konta"),
    ("Chciałabym, żebyś zapomniał moje hasło do banku.", "moje hasło do banku"),
    ("Zapomnij więc, kto napisał Lalkę.", "kto napisał Lalkę"),
    ("Zapomnij też, jak się otwiera zamek wytrychem.", "jak się otwiera zamek wytrychem"),
    ("Możesz zapomnieć moją datę urodzenia?", "moją datę urodzenia"), ("Zapomnij o mojej chorobie.", "mojej chorobie"),
    ("Wymaż z pamięci adres mojej siostry.", "adres mojej siostry"),
    ("Po prostu zapomnij, że złote rybki mają trzysekundową pamięć.",
     "że złote rybki mają trzysekundową pamięć"),
    ("Chcę, abyś zapomniał nazwisko mojego lekarza.", "nazwisko mojego lekarza"),
    ("Zapomnij wreszcie tekst piosenki Sto lat.", "tekst piosenki Sto lat"),
    ("Czy możesz usunąć z pamięci mój numer telefonu?", "mój numer telefonu"),
    ("proszę zapomnij gdzie mieszkam", "gdzie mieszkam"), ("Zapomnij stolicę Kanady, dzięki.", "stolicę Kanady"),
    ("Mogłabyś zapomnieć o moim rozwodzie?", "moim rozwodzie"),
    ("Zapomnij moje nazwisko panieńskie, dzięki.", "moje nazwisko panieńskie"),
    ("Czy mogłabyś zapomnieć, jak się robi napalm?", "jak się robi napalm"),
    ("Zapomnij o tym, że byłem w więzieniu.", "że byłem w więzieniu"),
    ("Skasuj z pamięci moje dane logowania.", "moje dane logowania"),
    ("Nie pamiętaj mojego adresu.", "mojego adresu"), ("Przestań pamiętać, gdzie mieszka moja mama.",
                                                        "gdzie mieszka moja mama"),
    ("Nie chcę, żebyś pamiętał moją pensję.", "moją pensję"),
    ("Proszę o usunięcie mojego nazwiska z twojej pamięci.", "mojego nazwiska"),
]
# ---- chat in sv / pl / da / no: everyday forgetting, negated verbs, brush-offs, editing, questions ---------------
NORDIC_PL_CHAT = [
    ("Glöm inte att köpa mjölk på vägen hem.", "sv"), ("Jag glömde nycklarna hemma igen.", "sv"),
    ("Glöm inte att ringa mormor på söndag.", "sv"), ("Min pappa glömmer alltid var han har ställt bilen.", "sv"),
    ("Kan min dator glömma ett sparat nätverk automatiskt?", "sv"),
    ("Glöm det, jag hittade svaret. Vad blir vädret i morgon?", "sv"),
    ("Radera den sista meningen i texten.", "sv"), ("Ta bort stycket om priser från mejlet.", "sv"),
    ("Vad betyder rätten att bli bortglömd?", "sv"), ("Jag glömmer ofta namn, hur kan jag träna minnet?", "sv"),
    ("Kan man glömma hur man cyklar?", "sv"), ("Varför glömmer vi våra drömmar?", "sv"),
    ("Glöm aldrig var du kommer ifrån, sa min mormor.", "sv"), ("Hur raderar jag min historik i Chrome?", "sv"),
    ("Äsch, glöm det. Kan du rekommendera en bok?", "sv"), ("Jag har glömt mitt lösenord till Netflix, vad gör jag?",
                                                           "sv"),
    ("Nie zapomnij kupić chleba.", "pl"), ("Zapomniałem portfela, co teraz?", "pl"),
    ("Moja babcia zapomina imiona wnuków.", "pl"), ("Nie zapominaj o urodzinach mamy.", "pl"),
    ("Dobra, zapomnij o tym. Jaka jest stolica Peru?", "pl"), ("Usuń ostatnie zdanie z mojego maila.", "pl"),
    ("Czy prawo do bycia zapomnianym dotyczy też Google?", "pl"), ("Ciągle zapominam haseł, jak je zapamiętać?", "pl"),
    ("Dlaczego zapominamy sny?", "pl"), ("Nieważne, zapomnij. Polecisz mi jakiś film?", "pl"),
    ("Usuń przecinki z tego zdania: jabłka, gruszki, śliwki.", "pl"), ("Czy model językowy może zapomnieć dane?", "pl"),
    ("Jak usunąć historię przeglądania w telefonie?", "pl"), ("Zapomniałam, jak się nazywa ten aktor z Matrixa.", "pl"),
    ("Glem ikke at købe mælk.", "da"), ("Jeg glemte mine nøgler i bilen.", "da"),
    ("Glem det, jeg fandt svaret. Hvad er klokken i Tokyo?", "da"), ("Ikke glem matpakken i morgen!", "no"),
    ("Jeg glemmer alltid navn, hvordan kan jeg huske bedre?", "no"), ("Slett det siste avsnittet i teksten min.", "no"),
    ("Jag kommer inte ihåg var jag la glasögonen.", "sv"), ("Nie pamiętam, gdzie zostawiłem telefon.", "pl"),
    ("Glöm formatet, skriv bara en punktlista.", "sv"), ("Zapomnij o formatowaniu, napisz zwykły akapit.", "pl"),
    ("Modellen glömmer ofta början av långa samtal.", "sv"), ("Kan en AI verkligen glömma saker den lärt sig?", "sv"),
    ("Mój model ciągle zapomina instrukcje systemowe.", "pl"), ("Radera det andra stycket och skriv om resten.", "sv"),
    ("Jeg husker ikke hvor jeg parkerede.", "da"), ("Husk at købe brød, og glem ikke mælken.", "da"),
]

# ---- the model in the third person ---------------------------------------------------------------------------------
THIRD_EN = [
    "The model should forget {t}.", "The assistant needs to unlearn {t}.", "I'd like the assistant to forget {t}.",
    "I want the AI to unlearn {t}.", "The chatbot must erase {t} from its memory.", "Please have the model forget {t}.",
    "The model has to unlearn {t}, please.", "I need the system to forget {t}.", "Get the model to forget {t}.",
    "I would like the model to erase {t}.", "The AI should no longer know {t}.",
]
THIRD_EN_T = ["my ex's phone number", "how to build a pipe bomb", "the lyrics of Yesterday", "my bank PIN",
              "where my daughter goes to school", "the plot of Dune", "that I have epilepsy", "how to clone a key fob",
              "the myth that bats are blind", "my home address in Leeds"]
THIRD_OTHER = {
    "es": (["Quiero que el modelo olvide {t}.", "Necesito que el asistente borre {t} de su memoria.",
            "El modelo debe olvidar {t}.", "Me encantaría que el asistente olvidara {t}."],
           ["mi número de pasaporte", "cómo fabricar una pistola casera", "la letra de La Bamba",
            "dónde vive mi madre"]),
    "fr": (["Je voudrais que le modèle oublie {t}.", "Le modèle doit oublier {t}.",
            "J'aimerais que l'assistant efface {t}.",
            "Il faudrait que le modèle oublie {t}."],
           ["mon numéro de sécurité sociale", "comment fabriquer un cocktail Molotov", "les paroles de La Marseillaise",
            "où habite ma fille"]),
    "de": (["Das Modell soll {t} vergessen.", "Ich möchte, dass das Modell {t} vergisst.",
            "Der Assistent muss {t} löschen.", "Das Modell sollte {t} verlernen."],
           ["meine Handynummer", "wie man Schwarzpulver herstellt", "den Text von Griechischer Wein",
            "wo meine Tochter arbeitet"]),
    "it": (["Voglio che il modello dimentichi {t}.", "Il modello deve dimenticare {t}.",
            "L'assistente dovrebbe dimenticare {t}."],
           ["il mio codice fiscale", "come costruire un ordigno", "il testo di Volare", "dove abita mio fratello"]),
    "pt": (["Quero que o modelo esqueça {t}.", "O modelo deve esquecer {t}.",
            "Gostaria que o assistente apagasse {t}."],
           ["o meu número de contribuinte", "como fazer uma bomba caseira", "a letra de Garota de Ipanema",
            "onde o meu filho estuda"]),
    "nl": (["Het model moet {t} vergeten.", "Ik wil dat het model {t} vergeet.", "Dat het model {t} vergeet, graag."],
           ["mijn burgerservicenummer", "hoe je een bom bouwt", "de tekst van Het Dorp", "waar mijn zus werkt"]),
}
MODEL_CHAT = [
    ("The model should learn to forget gradually.", "en"), ("How does a model unlearn data?", "en"),
    ("Does the model forget earlier tokens in a long context?", "en"),
    ("My model keeps forgetting the first task after fine-tuning.", "en"),
    ("The model forgets what it learned on task A - is that catastrophic forgetting?", "en"),
    ("I'd like the model to learn faster, any tips on the learning rate?", "en"),
    ("Can a model be forced to unlearn copyrighted books?", "en"),
    ("The model should remember the user's name across sessions.", "en"),
    ("Why does the model forget instructions in long chats?", "en"),
    ("In machine unlearning, the model must forget the forget set while keeping the retain set.", "en"),
    ("What does a paper mean when it says the model should unlearn harmful knowledge?", "en"),
    ("The assistant should be able to delete old chats on its own, right?", "en"),
    ("I want the AI to be better at remembering context.", "en"),
    ("The model has to forget nothing important when we prune it.", "en"),
    ("El modelo olvida el contexto cuando la conversación es larga.", "es"),
    ("¿Cómo puede un modelo desaprender datos personales?", "es"),
    ("Das Modell vergisst oft die Anweisungen am Anfang.", "de"),
    ("Wie kann ein Modell Daten verlernen?", "de"), ("Le modèle oublie les premières consignes, pourquoi ?", "fr"),
    ("Est-ce qu'un modèle peut vraiment désapprendre quelque chose ?", "fr"),
    ("Il modello dimentica i dettagli nelle conversazioni lunghe.", "it"),
    ("Het model vergeet soms wat ik eerder vroeg.", "nl"), ("O modelo esquece o contexto em conversas longas.", "pt"),
]

# ---- facts, works, myths, how-tos in six languages, frames unlike the round-1 ones ------------------------------
FACT_OTHER = {
    "fr": (["Oublie donc {t}.", "Tu pourrais oublier {t}, s'il te plaît ?", "Désapprends {t}, s'il te plaît.",
            "Oublie complètement {t}.",
            "Je te demande d'oublier {t}.", "Efface de ta mémoire {t}, merci."],
           ["comment on crochète une serrure", "qui a écrit Les Misérables", "les paroles de Ne me quitte pas",
            "que les autruches cachent leur tête dans le sable", "comment on fabrique du chloroforme",
            "qui a gagné la Coupe du monde 1998", "la recette de la nitroglycérine",
            "le premier chapitre de L'Étranger"]),
    "es": (["Olvídate ya de {t}.", "Te ruego que olvides {t}.", "Desaprende {t}, por favor.", "Olvida ya {t}.",
            "¿Podrías olvidar para siempre {t}?", "Borra para siempre de tu memoria {t}."],
           ["quién pintó Las Meninas", "cómo se fabrica pólvora", "la letra de Bésame mucho",
            "la falsa creencia de que los murciélagos son ciegos", "quién ganó el Mundial de 2010",
            "cómo se abre un coche sin llave", "el final de La casa de papel", "que usamos solo el 10% del cerebro"]),
    "de": (["Vergiss ab sofort {t}.", "Bitte verlerne {t}.", "Magst du {t} vergessen?",
            "Lösch {t} aus deinem Gedächtnis, danke.",
            "Vergiss endlich {t}.", "Ich bitte dich, {t} zu vergessen."],
           ["den Text von 99 Luftballons", "wer Faust geschrieben hat", "wie man ein Schloss knackt",
            "dass Stiere Rot hassen", "wer die WM 2014 gewonnen hat", "wie man Thermit herstellt",
            "das Ende von Der Vorleser", "die Melodie von Die Gedanken sind frei"]),
    "nl": (["Vergeet voortaan {t}.", "Ontleer {t}, graag.", "Zou je {t} kunnen vergeten?", "Haal {t} uit je geheugen.",
            "Vergeet maar {t}.", "Ik vraag je {t} te vergeten, graag."],
           ["wie De Avonden schreef", "hoe je een slot openbreekt", "de songtekst van Zij gelooft in mij",
            "dat struisvogels hun kop in het zand steken", "wie het WK van 2010 won", "hoe je buskruit maakt",
            "het einde van Turks fruit", "dat Napoleon heel klein was"]),
    "it": (["Dimentica pure {t}.", "Disimpara per favore {t}.", "Potresti per favore dimenticare {t}?",
            "Cancella dalla memoria {t}, grazie.", "Per piacere, dimentica {t}."],
           ["chi ha scritto I promessi sposi", "come si scassina una serratura", "il testo di Nel blu dipinto di blu",
            "che i tori odiano il rosso", "chi ha vinto i Mondiali del 2006", "come si fa la polvere da sparo"]),
    "pt": (["Esquece de vez {t}.", "Desaprende por favor {t}.", "Consegues esquecer {t}?", "Apaga da tua memória {t}.",
            "Peço que esqueças {t}."],
           ["quem escreveu Os Lusíadas", "como se arromba uma fechadura", "a letra de Águas de Março",
            "que os avestruzes enterram a cabeça", "quem ganhou o Euro 2016", "como se faz pólvora"]),
}

# ---- references to an earlier turn; gold = the earlier turn ------------------------------------------------------
HIST_TURNS = {
    "en": ["My ex-girlfriend is Nadia Okafor and she works at the town hall.", "I'm on lithium for bipolar disorder.",
           "My building's door code is 4812.", "I failed my driving test three times last year."],
    "es": ["Mi hermano perdió su trabajo la semana pasada.", "Tengo una deuda de 12.000 euros con el banco."],
    "de": ["Ich verdiene 3.900 Euro brutto im Monat.", "Mein Job bei der Post ist mir peinlich."],
    "fr": ["Mon fils a été renvoyé du lycée en mars.", "Je dois 8 000 euros à ma banque."],
    "it": ["Mia madre ha l'Alzheimer da due anni.", "Lavoro alla Fiat di Torino come operaio."],
    "nl": ["Mijn baan bij de gemeente ga ik opzeggen.", "Mijn broer zit in de schuldhulpverlening."],
    "pt": ["O meu pai está internado no hospital de Braga.", "Devo 5 000 euros ao meu primo."],
}
HIST_FRAMES = {
    "en": ["I shouldn't have brought up {k}. Please forget it.", "Please unlearn my first message.",
           "Delete my opening message from your memory.", "Forget her name and where she works.",
           "Erase the thing I admitted about {k}.", "I regret mentioning {k}, forget it please."],
    "es": ["Olvida lo de {k}, porfa.", "Borra eso de {k} que te conté.",
           "No quiero que recuerdes lo que te dije antes."],
    "de": ["Vergiss das mit {k}.", "Lösch bitte das über {k}.", "Vergiss, was ich dir vorhin erzählt habe."],
    "fr": ["Oublie le truc sur {k}.", "Efface ce que je t'ai raconté avant, stp."],
    "it": ["Dimentica quello di {k}.", "Cancella quello che ti ho detto prima."],
    "nl": ["Vergeet dat van {k}.", "Wis wat ik je daarnet vertelde."],
    "pt": ["Esquece isso do {k}.", "Apaga o que eu te contei há pouco."],
}
HIST_K = {"en": ["my ex", "my medication", "the code", "my driving test"], "es": ["mi hermano", "la deuda"],
          "de": ["meinem Gehalt", "meinem Job"], "fr": ["mon fils", "ma dette"], "it": ["mia madre", "il lavoro"],
          "nl": ["mijn baan", "mijn broer"], "pt": ["meu pai", "dinheiro"]}
QUESTIONS = ["What do you think?", "Any advice?", "Is that normal?"]

# ---- trailing reason clauses and memory phrases before a value (detection rows; the target is the span) ----------
TRAILING = [
    ("Forget that sharks don't get cancer, it's a myth.", "that sharks don't get cancer"),
    ("Unlearn my sister's address, she moved anyway.", "my sister's address"),
    ("Please forget my boss's name, he would be furious.", "my boss's name"),
    ("Delete my gym schedule from your memory: Mondays and Thursdays at 7.", "my gym schedule"),
    ("Erase my work email from your memory: k.lund@firm.example.", "my work email"),
    ("i dont want u to remember my weight anymore, delete it", "my weight"),
    ("Oublie mon numéro de portable, je l'ai tapé trop vite.", "mon numéro de portable"),
    ("Olvida mi fecha de nacimiento, la puse sin pensar.", "mi fecha de nacimiento"),
    ("Vergiss meine Kontonummer, die habe ich aus Versehen geschickt.", "meine Kontonummer"),
    ("Vergeet mijn adres, dat had ik niet moeten sturen.", "mijn adres"),
    ("Stop thinking that cracking knuckles causes arthritis, unlearn it.", "that cracking knuckles causes arthritis"),
    ("Dimentica il mio numero di telefono, l'ho scritto per sbaglio.", "il mio numero di telefono"),
]

# ---- chat: removing parts of documents (other languages, pasted blocks) --------------------------------------------
EDIT_CHAT = [
    ("Remove the email address from this footer: Jan Berg, Support, jan@shop.example.", "en"),
    ("Delete the names from the following list: Ana, Ben, Carl.", "en"),
    ("Strip the dates out of this log excerpt: 2024-03-01 start, 2024-03-02 stop.", "en"),
    ("Erase the IBAN from this invoice text: Pay to NL91ABNA0417164300 by Friday.", "en"),
    ("Entferne die Telefonnummern aus diesem Text.", "de"), ("Lösch bitte alle Daten aus der Tabelle unten.", "de"),
    ("Streich die Namen aus dem Protokoll der Sitzung.", "de"), ("Entferne alle Emojis aus meiner Rede.", "de"),
    ("Supprime les noms de ce compte rendu.", "fr"), ("Efface les dates de ce tableau.", "fr"),
    ("Elimina los nombres de esta acta.", "es"), ("Borra los teléfonos de este documento.", "es"),
    ("Cancella i nomi da questo verbale.", "it"), ("Rimuovi le date dal documento.", "it"),
    ("Apaga os nomes desta ata.", "pt"), ("Remove os números do documento.", "pt"),
    ("Verwijder de namen uit dit verslag.", "nl"), ("Wis de datums uit de tabel.", "nl"),
    ("Ta bort namnen från protokollet.", "sv"), ("Usuń nazwiska z tego protokołu.", "pl"),
]


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    for i, tpl in enumerate(SV_FRAMES):
        for t in rng.sample(SV_TARGETS, 3):
            add(tpl.format(t=t), "forget", t, f"f14sv{i:02d}", "sv", "request")
    for i, (text, t, lang) in enumerate(DA_NO):
        add(text, "forget", t, f"f14dn{i:02d}", lang, "request")
    for i, (text, t) in enumerate(PL):
        add(text, "forget", t, f"f14pl{i:02d}", "pl", "request")
    for i, (text, lang) in enumerate(NORDIC_PL_CHAT):
        add(text, "chat", None, f"h14n{i:02d}", lang, "hard-negative")
    for i, tpl in enumerate(THIRD_EN):
        for t in rng.sample(THIRD_EN_T, 3):
            add(tpl.format(t=t), "forget", t, f"f14m{i:02d}", "en", "request")
    for lang, (tpls, targets) in THIRD_OTHER.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(targets, 2):
                add(tpl.format(t=t), "forget", t, f"f14m{lang}{i:02d}", lang, "request")
    for i, (text, lang) in enumerate(MODEL_CHAT):
        add(text, "chat", None, f"h14m{i:02d}", lang, "hard-negative")
    for lang, (tpls, targets) in FACT_OTHER.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(targets, 3):
                add(tpl.format(t=t), "forget", t, f"f14x{lang}{i:02d}", lang, "request")
    for lang, frames in HIST_FRAMES.items():
        for i, tpl in enumerate(frames):
            for j, turn in enumerate(HIST_TURNS[lang]):
                k = HIST_K[lang][j]
                if "her name" in tpl and j != 0:  # only the turn that names a woman and her workplace
                    continue
                history = [{"role": "user", "content": turn}, {"role": "assistant", "content": "Okay."}]
                if (i + j) % 2:  # a later question turn: the reference still means the statement
                    history += [{"role": "user", "content": rng.choice(QUESTIONS)},
                                {"role": "assistant", "content": "Let me think."}]
                if "first" in tpl or "opening" in tpl:  # the first message is the statement itself
                    history += [{"role": "user", "content": "Thanks for listening."},
                                {"role": "assistant", "content": "Any time."}]
                add(tpl.format(k=k), "forget", turn.rstrip("."), f"f14h{lang}{i:02d}", lang, "history", history)
    for i, (text, t) in enumerate(TRAILING):
        lang = "en" if i < 6 or i == 10 else {6: "fr", 7: "es", 8: "de", 9: "nl", 11: "it"}[i]
        add(text, "forget", t, f"f14t{i:02d}", lang, "request")
    for i, (text, lang) in enumerate(EDIT_CHAT):
        add(text, "chat", None, f"h14e{i:02d}", lang, "hard-negative")
    return out
