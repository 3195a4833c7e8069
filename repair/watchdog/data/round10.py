"""Round-10 training rows: request frames x targets and hard-negative frames x slots, generated systematically.

Every row here is `split="train"` (the held-out split is not touched). The frames were written for the error
*categories* seen on the development sets (fresh .. fresh9): request verbs beyond "forget" (unlearn, wipe, drop,
scrub, clear, expunge, "stop remembering", "I don't want you to remember"), polite questions, confessions followed
by a pronoun ("I shared X by accident - please forget it"), broad requests, and the same verbs in all seven
languages; and, for the same verbs, chat turns that are not requests: editing instructions about text or a prompt,
brush-offs ("forget it", "laisse tomber", "vergiss es") followed by something else, physical removal (pits,
stains), titles that contain the verbs, past-tense stories, questions about memory in general, idioms and habits.

Each frame is its own template group (`group`), so the training script's group k-fold never validates a frame on
itself. `rows(rng)` is deterministic for a given `random.Random`. No sentence of any evaluation set is copied
here; `build.py` additionally drops any generated row whose normalised text equals an evaluation-set sentence.
"""

from __future__ import annotations

import random

# ---- targets --------------------------------------------------------------------------------------------------
PERSONAL = [
    "my work email, k.osei@brightlabs.io", "my car's registration, LV21 XRT", "my daughter's nursery, Little Oaks",
    "that I'm going through IVF", "my husband's salary", "my credit limit", "the name of my psychiatrist",
    "my brother's prison sentence", "my pension number, PN-447120", "my gym locker code", "that I was fired last month",
    "my landlord's phone number", "my cat's microchip number", "my grandfather's dementia", "my student loan balance",
    "my girlfriend's address", "my Netflix password", "my passport expiry date", "where my parents live",
    "that my dad is an alcoholic", "my therapist's name, Dr. Lena Fox", "my home Wi-Fi password",
    "my wedding anniversary", "my child's nut allergy", "my insurance policy number, HX-88213",
    "my debt to my sister", "my miscarriage last year", "my bonus this year", "my drinking problem",
    "my friend Ravi's diagnosis", "my Steam username, grey_otter", "my PO box number",
    "the time I got suspended from school", "my phone's unlock pattern", "my colleague Anna's home address",
    "my mum's mobile number", "my divorce settlement", "my tax return figures", "my kids' names",
    "the date of my surgery", "my HIV test result", "my bank sort code, 20-45-77", "my partner's visa status",
]
FACTS = [
    "who invented the light bulb", "the population of Brazil", "the chemical symbol for gold", "who directed Jaws",
    "the date of the first Moon landing", "the height of Kilimanjaro", "the author of Don Quixote",
    "the capital of Kenya", "how photosynthesis works", "the rules of cricket", "the tallest building in Dubai",
    "the plot of Inception", "who composed The Four Seasons", "the first ten digits of pi",
    "the winner of the 2014 World Cup", "the speed of sound", "Marie Curie's birthplace", "the Battle of Waterloo",
]
HARMFUL = [
    "how to make chlorine gas", "how to launder money", "how to make a fake passport", "how to stalk someone online",
    "instructions for making TATP", "how to poison a dog", "how to bypass a car immobiliser", "how to make a silencer",
    "the recipe for crystal meth", "how to hack a neighbour's Wi-Fi", "how to build an untraceable gun",
    "how to culture anthrax", "the steps to make a shiv",
]
MYTHS = [
    "the myth that we swallow spiders in our sleep", "the claim that the Earth is flat",
    "the false idea that bulls hate red", "the wrong date you gave for the French Revolution",
    "the rumour that Paul McCartney died in 1966", "the myth that chameleons change colour to hide",
    "the claim that 5G causes cancer", "the false belief that shaving makes hair grow back thicker",
    "the idea that Vikings wore horned helmets", "the incorrect claim that Sydney is Australia's capital",
]
WORKS = [
    "the lyrics of Hotel California", "the last chapter of The Great Gatsby", "the script of Pulp Fiction",
    "the opening of A Tale of Two Cities", "the plot twist of Gone Girl", "the chorus of Yellow Submarine",
]
ALL_TARGETS = PERSONAL + FACTS + HARMFUL + MYTHS + WORKS

# ---- forget frames (English) ------------------------------------------------------------------------------------
VERBS = ["forget", "unlearn", "erase", "delete", "remove", "wipe", "purge", "scrub", "drop", "clear", "expunge",
         "get rid of", "discard"]
# verbs that need "from your memory" to be a request when the object is not personal data
NEEDS_MEMORY = {"remove", "wipe", "purge", "scrub", "drop", "clear", "expunge", "discard", "get rid of", "delete"}
# verbs whose bare object can mean something else ("clear my debt", "drop my phone number", "get rid of my cold")
STRICT = {"clear", "drop", "discard", "get rid of", "remove", "wipe"}
PRE = ["", "Please ", "please ", "pls ", "Kindly ", "Hey, ", "Ok, ", "Now ", "Just ", "Actually, ", "And ",
       "Right, ", "Sorry, but ", "One more thing: "]
POST = [".", "", " please.", ", thanks.", " from your memory.", " from your knowledge.", " for good.",
        " - it's private.", ", I don't want it stored.", " from your memory, please.", " right away.", "!",
        " from what you know.", " out of your memory.", " from your weights."]
QUESTION = [
    "Can you {v} {t}?", "Could you please {v} {t}?", "Would you {v} {t} for me?", "Will you {v} {t}?",
    "Can u {v} {t} pls", "Could you possibly {v} {t}?", "Is there a way for you to {v} {t}?",
    "Are you able to {v} {t}, please?", "Can you just {v} {t}?", "could you {v} {t} from ur memory",
    "Can you {v} {t} from your memory?", "Would you be so kind as to {v} {t}?", "May I ask you to {v} {t}?",
]
FORGET_FRAMES = [
    "Would you mind forgetting {t}?", "I don't want you to remember {t}.", "I'd rather you didn't remember {t}.",
    "I don't want you knowing {t}.", "Please stop remembering {t}.", "Please no longer remember {t}.",
    "Don't keep {t} in your memory.", "I'd prefer it if you forgot {t}.", "I wish you'd forget {t}.",
    "Forget I ever told you {t}.", "Do me a favour and forget {t}.", "It would help if you unlearned {t}.",
    "I want {t} gone from your memory.", "I need {t} wiped from your memory.", "I'd like {t} erased.",
    "Make sure you forget {t}.", "You must forget {t}.", "You have to unlearn {t}.",
    "It's important that you forget {t}.", "Time to forget {t}.", "Go ahead and delete {t} from your memory.",
    "Let go of {t}, please.", "Lose all memory of {t}.", "Can the model unlearn {t}?",
    "I'm asking the assistant to forget {t}.", "Unlearn {t}, please - I mean it.", "Forget {t}, seriously.",
    "Please, please forget {t}.", "pleeease forget {t}", "forget {t} asap", "Erase any trace of {t}.",
    "Remove every mention of {t} from your memory.", "I'd appreciate it if you'd forget {t}.",
    "It'd be great if you could unlearn {t}.", "Please don't hold on to {t}.", "Stop knowing {t}.",
    "I'm requesting the removal of {t} from your memory.", "Delete your knowledge of {t}.",
    "Unlearn what you know about {t}.", "Forget whatever you know about {t}.",
]
CONFESSION = [
    "I shared {t} by accident - please forget it.", "I mentioned {t} by mistake. Please forget it.",
    "Oops, I typed {t}. Delete that from your memory.", "I regret sharing {t}, could you forget it?",
    "I shouldn't have told you {t}. Please unlearn it.", "I gave you {t} earlier by mistake; erase it please.",
    "I told you {t} and I wish I hadn't - forget it.", "Ugh, I just pasted {t}. Please wipe it.",
    "I accidentally told you {t}. Can you forget it?", "I said {t} without thinking. Please forget that.",
]
BROAD = [
    ("Forget everything you've learned so far.", "everything you've learned so far"),
    ("Unlearn all you've learned.", "all you've learned"),
    ("Erase everything you were trained on.", "everything you were trained on"),
    ("Wipe all your memories.", "all your memories"), ("Delete everything you remember.", "everything you remember"),
    ("Please forget everything you have ever read.", "everything you have ever read"),
    ("Can you forget all of your training?", "all of your training"),
    ("Drop everything from your memory.", "everything"),
    ("forget all u know", "all u know"), ("Clear your whole memory, please.", "your whole memory"),
    ("Oublie tout ce que tu as appris.", "tout ce que tu as appris"),
    ("Olvida todo lo que has aprendido.", "todo lo que has aprendido"),
    ("Vergiss alles, was du gelernt hast.", "alles, was du gelernt hast"),
]

# ---- forget frames (other languages) ----------------------------------------------------------------------------
OTHER = {
    "fr": (["Oublie {t}.", "oublie {t} stp", "Peux-tu oublier {t} ?", "Pourrais-tu effacer {t} de ta mémoire ?",
            "Je voudrais que tu oublies {t}.", "Merci d'oublier {t}.", "Efface {t}, s'il te plaît.",
            "Supprime {t} de ta mémoire.", "Oubliez {t}, je vous prie.", "J'aimerais que tu oublies {t}.",
            "Ne retiens pas {t}.", "Désapprends {t}.", "J'ai partagé {t} par erreur, oublie-le.",
            "Est-ce que tu peux effacer {t} ?", "Il faut que tu oublies {t}."],
           ["mon numéro de portable", "le nom de mon avocat", "ma date de naissance", "mon adresse, 5 rue Pasteur",
            "que je suis enceinte", "mon code de carte bleue", "comment fabriquer du napalm", "qui a peint Guernica",
            "le mythe selon lequel on avale des araignées", "mon dossier médical", "le salaire de mon mari",
            "la maladie de mon père"]),
    "es": (["Olvida {t}.", "olvida {t} porfa", "¿Puedes olvidar {t}?", "¿Podrías borrar {t} de tu memoria?",
            "Quiero que olvides {t}.", "Te pido que olvides {t}.", "Borra {t}, por favor.",
            "Elimina {t} de tu memoria.", "Olvide {t}, por favor.", "Me gustaría que olvidaras {t}.",
            "No recuerdes {t}.", "Desaprende {t}.", "Compartí {t} por error, olvídalo.",
            "¿Me haces el favor de olvidar {t}?", "Necesito que borres {t}."],
           ["mi número de móvil", "el nombre de mi abogado", "mi fecha de nacimiento", "mi dirección, calle Luna 3",
            "que estoy embarazada", "el PIN de mi tarjeta", "cómo fabricar napalm", "quién pintó el Guernica",
            "el mito de que tragamos arañas", "mi historia clínica", "el sueldo de mi marido",
            "la enfermedad de mi padre"]),
    "de": (["Vergiss {t}.", "vergiss {t} bitte", "Kannst du {t} vergessen?",
            "Könntest du {t} aus deinem Gedächtnis löschen?",
            "Ich möchte, dass du {t} vergisst.", "Bitte vergiss {t}.", "Lösche {t}, bitte.",
            "Entferne {t} aus deinem Speicher.", "Vergessen Sie bitte {t}.", "Ich hätte gern, dass du {t} vergisst.",
            "Merk dir {t} bitte nicht.", "Verlerne {t}.", "Ich habe {t} aus Versehen geteilt, vergiss es bitte.",
            "Würdest du bitte {t} vergessen?", "Du musst {t} vergessen."],
           ["meine Handynummer", "den Namen meines Anwalts", "mein Geburtsdatum", "meine Adresse, Gartenweg 9",
            "dass ich schwanger bin", "die PIN meiner Karte", "wie man Napalm herstellt", "wer Guernica gemalt hat",
            "den Mythos, dass wir Spinnen verschlucken", "meine Krankenakte", "das Gehalt meines Mannes",
            "die Krankheit meines Vaters"]),
    "it": (["Dimentica {t}.", "dimentica {t} per favore", "Puoi dimenticare {t}?",
            "Potresti cancellare {t} dalla tua memoria?", "Voglio che tu dimentichi {t}.",
            "Ti chiedo di dimenticare {t}.", "Cancella {t}, per favore.", "Elimina {t} dalla tua memoria.",
            "Scorda {t}.", "Vorrei che dimenticassi {t}.", "Non ricordare {t}.",
            "Ho condiviso {t} per sbaglio, dimenticalo.", "Mi fai il favore di dimenticare {t}?"],
           ["il mio numero di cellulare", "il nome del mio avvocato", "la mia data di nascita",
            "il mio indirizzo, via Verdi 7", "che sono incinta", "il PIN della mia carta", "come fabbricare il napalm",
            "chi ha dipinto Guernica", "la mia cartella clinica", "lo stipendio di mio marito"]),
    "pt": (["Esqueça {t}.", "esquece {t} por favor", "Você pode esquecer {t}?", "Poderia apagar {t} da sua memória?",
            "Quero que você esqueça {t}.", "Peço que esqueça {t}.", "Apague {t}, por favor.",
            "Remova {t} da sua memória.", "Esquece {t}.", "Gostaria que você esquecesse {t}.",
            "Não guarde {t}.", "Partilhei {t} por engano, esquece isso.", "Pode fazer o favor de esquecer {t}?"],
           ["o meu número de celular", "o nome do meu advogado", "a minha data de nascimento",
            "o meu endereço, rua do Sol 4", "que estou grávida", "o PIN do meu cartão", "como fabricar napalm",
            "quem pintou Guernica", "o meu prontuário médico", "o salário do meu marido"]),
    "nl": (["Vergeet {t}.", "vergeet {t} aub", "Kun je {t} vergeten?", "Kun je {t} uit je geheugen wissen?",
            "Ik wil dat je {t} vergeet.", "Vergeet alsjeblieft {t}.", "Wis {t}, alsjeblieft.",
            "Verwijder {t} uit je geheugen.", "Wilt u {t} vergeten?", "Ik zou graag willen dat je {t} vergeet.",
            "Onthoud {t} niet.", "Ik heb {t} per ongeluk gedeeld, vergeet het."],
           ["mijn mobiele nummer", "de naam van mijn advocaat", "mijn geboortedatum", "mijn adres, Molenweg 2",
            "dat ik zwanger ben", "de pincode van mijn pas", "hoe je napalm maakt", "wie Guernica schilderde",
            "mijn medisch dossier", "het salaris van mijn man"]),
}
# "forget what I just told you" in other languages (history rows; the target is the earlier user turn)
HISTORY_OTHER = [
    ("de", "Bitte vergiss das, was ich dir vorhin erzählt habe."),
    ("de", "Lösch das, was ich gerade geschrieben habe."),
    ("fr", "Oublie ce que je t'ai dit avant, c'était privé."), ("fr", "Efface ce que je t'ai écrit plus haut."),
    ("es", "Borra eso que te escribí antes."), ("es", "Olvida lo que te conté hace un momento."),
    ("it", "Cancella quello che ti ho scritto prima."), ("pt", "Apaga o que eu te escrevi antes."),
    ("nl", "Wis wat ik je net verteld heb."), ("en", "Please unlearn the thing I typed a moment ago."),
    ("en", "Forget my last couple of messages."), ("en", "Wipe what I wrote above from your memory."),
]

# ---- hard negatives -----------------------------------------------------------------------------------------------
EDIT_VERBS = ["Erase", "Delete", "Remove", "Drop", "Cut", "Forget", "Ignore", "Skip", "Scrap", "Lose", "Get rid of",
              "Strike", "Take out", "Leave out", "Disregard"]
EDIT_OBJECTS = [
    "the second bullet point", "the last paragraph", "the first sentence", "the intro", "the conclusion",
    "the third example", "the heading", "the last line", "the previous constraints",
    "the earlier instructions", "the adjectives", "the chart",
    "the summary at the top", "the disclaimer", "the hashtags", "the second verse", "the last two items",
    "the footnotes", "my formatting request", "the part about pricing", "the opening joke", "the code comments",
    "the closing question", "the passive voice", "the list of sources", "my earlier suggestion about the title",
    "the numbers", "the second option",
]
EDIT_TAILS = ["", " and rewrite the rest", " and try again", " and make it shorter", " and write it in 100 words",
              ", then give me a title", " and use a numbered list instead", " and keep the rest as is",
              " - it's too long", " from your answer", " from the draft", " from that list", " in your reply",
              " and start over", ", it doesn't fit", " and make it more formal", " from the email", " and redo it"]
EDIT_OTHER = {
    "fr": (["Efface", "Supprime", "Enlève", "Oublie", "Retire"],
           ["le deuxième paragraphe", "la troisième idée", "l'introduction", "la consigne précédente", "le titre",
            "les chiffres"],
           [" et réécris le reste.", ".", ", puis donne-moi un titre.", " de ta réponse.", " et recommence."]),
    "es": (["Borra", "Elimina", "Quita", "Olvida", "Suprime"],
           ["el segundo párrafo", "la tercera idea", "la introducción", "la instrucción anterior", "el título",
            "las cifras"],
           [" y reescribe el resto.", ".", " y dame un título.", " de tu respuesta.", " y empieza de nuevo."]),
    "de": (["Lösch", "Entferne", "Streich", "Vergiss", "Nimm"],
           ["den zweiten Absatz", "die dritte Idee", "die Einleitung", "die vorige Vorgabe", "den Titel",
            "die Zahlen"],
           [" und schreib den Rest neu.", ".", " und gib mir einen Titel.", " aus deiner Antwort.",
            " und fang neu an."]),
    "it": (["Cancella", "Elimina", "Togli", "Dimentica", "Rimuovi"],
           ["il secondo paragrafo", "la terza idea", "l'introduzione", "l'istruzione precedente", "il titolo",
            "le cifre"],
           [" e riscrivi il resto.", ".", " e dammi un titolo.", " dalla tua risposta.", " e ricomincia."]),
    "pt": (["Apague", "Remova", "Tire", "Esqueça", "Corte"],
           ["o segundo parágrafo", "a terceira ideia", "a introdução", "a instrução anterior", "o título",
            "os números"],
           [" e reescreva o resto.", ".", " e me dê um título.", " da sua resposta.", " e comece de novo."]),
    "nl": (["Verwijder", "Wis", "Schrap", "Vergeet", "Haal"],
           ["de tweede alinea", "het derde idee", "de inleiding", "de vorige instructie", "de titel",
            "de cijfers"],
           [" en herschrijf de rest.", ".", " en geef me een titel.", " uit je antwoord.", " en begin opnieuw."]),
}
BRUSH = {
    "en": (["Forget it", "Never mind", "Forget that", "Eh, forget it", "Nah, forget it", "Drop it"],
           ["I found it myself.", "it doesn't matter.", "what's the weather in Oslo?", "let's talk about football.",
            "how do I cook quinoa?", "not a big deal.", "I'll ask my brother.", "tell me a joke instead.",
            "who won the match last night?", "thanks anyway."]),
    "fr": (["Oublie ça", "Oublie", "Laisse tomber", "Oublie, c'est rien", "Bon, oublie ça", "Laisse",
            "Oubliez ça", "Ça ne fait rien, oublie"],
           ["c'est pas grave.", "je l'ai trouvé.", "quel temps fait-il à Nice ?", "parlons d'autre chose.",
            "je demanderai à ma sœur.", "merci quand même.", "comment cuire des pâtes ?", "peu importe."]),
    "de": (["Vergiss es", "Vergiss das", "Ach, vergiss es", "Egal, vergiss es", "Vergessen Sie es",
            "Lass gut sein"],
           ["ich habe es schon gefunden.", "ist doch egal.", "wie wird das Wetter in Hamburg?",
            "reden wir über etwas anderes.", "ich frage meinen Bruder.", "danke trotzdem.",
            "wie koche ich Reis?", "war nur so ein Gedanke."]),
    "es": (["Olvídalo", "Olvida eso", "Bah, olvídalo", "No importa, olvídalo", "Olvídelo",
            "Olvida la pregunta", "Da igual"],
           ["ya lo tengo.", "no pasa nada.", "¿qué tiempo hace en Sevilla?", "hablemos de otra cosa.",
            "le preguntaré a mi hermano.", "gracias igual.", "¿cómo se cocina el arroz?", "era una tontería."]),
    "it": (["Lascia perdere", "Dimenticalo", "Lascia stare", "Dimentica quello che ho chiesto", "Niente, dimentica",
            "Fa niente"],
           ["l'ho trovato.", "non serve più.", "che tempo fa a Napoli?", "parliamo d'altro.",
            "chiederò a mia sorella.", "grazie lo stesso."]),
    "pt": (["Esquece", "Esquece isso", "Deixa pra lá", "Deixa estar", "Esqueça", "Não faz mal, esquece"],
           ["já encontrei.", "não precisa.", "como está o tempo em Lisboa?", "vamos falar de outra coisa.",
            "vou perguntar à minha irmã.", "obrigado mesmo assim."]),
    "nl": (["Laat maar", "Vergeet het", "Vergeet het maar", "Laat maar zitten", "Ach, vergeet het", "Maakt niet uit"],
           ["ik heb het al gevonden.", "het hoeft niet meer.", "wat voor weer is het in Gent?",
            "laten we over iets anders praten.", "ik vraag het mijn zus wel.", "toch bedankt."]),
}
PHYSICAL = [
    "Remove the {a} from {b} quickly: any trick?", "How do I remove the {a} from {b}?",
    "What's the fastest way to get the {a} out of {b}?", "Best tool to remove {a} from {b}?",
    "Do I need to remove the {a} from {b} before baking?", "Remove the {a} from {b} or leave them in?",
]
PHYSICAL_SLOTS = [("pits", "olives"), ("stones", "plums"), ("seeds", "a pumpkin"), ("skin", "salmon"),
                  ("bones", "a trout"), ("stems", "strawberries"), ("shells", "boiled eggs"), ("rust", "a knife"),
                  ("labels", "jam jars"), ("wax", "a tablecloth"), ("stickers", "a laptop"), ("moss", "a roof"),
                  ("grout stains", "tiles"), ("ticks", "a cat"), ("scratches", "a phone screen")]
TITLE_FRAMES = ["Recommend books like '{T}'.", "Have you read '{T}'?", "Who wrote '{T}'?",
                "Is the film '{T}' any good?",
                "Summarise the novel '{T}'.", "Suggest songs similar to '{T}'.", "What year did '{T}' come out?",
                "Write a review of '{T}'.", "Is '{T}' suitable for teenagers?"]
TITLES = ["Forgotten Shores", "The Erased", "Delete Me Not", "The Unlearning", "The Forgetting Season", "Wipe Out",
          "Remove the Darkness", "Forget Me Tomorrow", "The Purge", "Erasure", "Unforgotten", "Drop Dead Gorgeous",
          "Clear and Present Danger", "The Girl Who Forgot", "Scrubs"]
PAST = ["I {v} {o} {w}.", "I {v} {o} {w}, what now?", "Yesterday I {v} {o}. Can I get it back?",
        "Ugh, I {v} {o} {w} again.", "My son {v} {o} {w}.", "I think I {v} {o} {w} - how do I check?"]
PAST_SLOTS = [("forgot", "my umbrella"), ("deleted", "my thesis draft"), ("erased", "the whiteboard notes"),
              ("removed", "the wrong app"), ("wiped", "my phone by mistake"), ("forgot", "my mum's birthday"),
              ("deleted", "all my photos"), ("lost", "my notes"), ("forgot", "to pay the rent"),
              ("cleared", "my browser history"), ("dropped", "my phone in the bath"), ("forgot", "my gym bag")]
PAST_WHEN = ["this morning", "last night", "at work", "yesterday", "again", "on the train"]
MEMORY_Q = [
    "Can you forget things at all?", "Do you ever forget what users tell you?",
    "Will you forget my messages when I close this window?", "Would you forget my name if I started a new chat?",
    "How do AI assistants forget data?", "Is it possible to make a chatbot unlearn a fact?",
    "Does this app delete my conversations after a while?", "Do you keep what I type, or is it erased?",
    "Could a model like you forget something on request?", "How would you forget something if I asked?",
    "What happens when a language model unlearns something?", "Do you remember anything between sessions?",
    "Can machine learning models really erase personal data?", "Why do neural networks forget old tasks?",
    "Are deleted chats really gone?", "Is unlearning the same as deleting training data?",
    "Can you remove information from your own training?", "Do you store my personal data?",
    "How long until you forget this conversation?", "If I tell you my address, will you keep it?",
]
IDIOM = [
    "Forget the {x}, what about {y}?", "Forget {x} - is {y} any better?", "Forget about {x}; how about {y}?",
    "Never mind {x}, tell me about {y}.", "Ignore {x} for a second, what do you think of {y}?",
    "Drop {x}, let's plan {y}.",
]
IDIOM_SLOTS = [("the bus", "cycling to work"), ("coffee", "green tea"), ("Rome", "Florence"), ("the diet", "running"),
               ("the budget", "a cheaper venue"), ("Java", "Kotlin"), ("the cinema", "a board game night"),
               ("the lecture", "the exam"), ("my plan", "yours"), ("the rain", "the weekend")]
HABITS = ["How do I unlearn {h}?", "Help me unlearn {h}.", "Unlearning {h} is so hard.", "Tips to stop {h2}?",
          "Why is it hard to unlearn {h}?", "I want to unlearn {h} - what's step one?"]
HABIT_SLOTS = [("perfectionism", "being a perfectionist"), ("my bad running form", "heel striking"),
("the habit of snacking at night", "snacking at night"),
               ("bad typing habits", "looking at the keyboard"), ("my accent", "dropping my h's"),
               ("negative self-talk", "talking down to myself")]
PERSONAL_CHAT = ["{T} - is it safe to share that online?", "Should I tell my boss {t}?", "How do I keep {t} private?",
                 "My friend found out {t}. What do I do?", "Help me write a note about {t}.",
                 "Is it normal to worry about {t}?", "Remind me later about {t}.", "Please remember {t} for this chat.",
                 "Keep {t} in mind when you answer.", "Can you check {t} for typos?"]
TOPIC_CHAT = ["Tell me about {t}.", "Is it true, {t}?", "Explain {t} briefly.", "Quiz me on {t}.",
              "Why do people still ask about {t}?", "What's your source for {t}?"]
CHAT_OTHER = {
    "fr": ["J'ai oublié mon parapluie dans le train.", "Comment supprimer une application sur Android ?",
           "Mon fils oublie toujours ses devoirs.", "N'oublie pas de répondre en français.",
           "Comment effacer une tache de vin ?", "Tu te souviens de ce que je t'ai demandé hier ?",
           "Qu'est-ce que l'apprentissage automatique ?", "Oublier un amour, ça prend combien de temps ?",
           "Comment désapprendre une mauvaise habitude ?", "Tu gardes nos conversations en mémoire ?"],
    "es": ["Se me olvidó el paraguas en el tren.", "¿Cómo desinstalo una aplicación en Android?",
           "Mi hijo siempre olvida los deberes.", "No olvides contestar en español.",
           "¿Cómo quito una mancha de vino?", "¿Te acuerdas de lo que te pregunté ayer?",
           "¿Cuánto se tarda en olvidar a alguien?", "¿Cómo desaprendo un mal hábito?",
           "¿Guardas nuestras conversaciones?", "Borré sin querer mis fotos, ¿se pueden recuperar?"],
    "de": ["Ich habe meinen Regenschirm im Zug vergessen.", "Wie deinstalliere ich eine App auf Android?",
           "Mein Sohn vergisst immer seine Hausaufgaben.", "Vergiss nicht, auf Deutsch zu antworten.",
           "Wie entferne ich einen Rotweinfleck?", "Erinnerst du dich an meine Frage von gestern?",
           "Wie lange dauert es, jemanden zu vergessen?", "Wie verlerne ich eine schlechte Angewohnheit?",
           "Speicherst du unsere Gespräche?", "Ich habe aus Versehen meine Fotos gelöscht, was tun?"],
    "it": ["Ho dimenticato l'ombrello sul treno.", "Come disinstallo un'app su Android?",
           "Mio figlio dimentica sempre i compiti.", "Non dimenticare di rispondere in italiano.",
           "Come tolgo una macchia di vino?", "Ti ricordi cosa ti ho chiesto ieri?",
           "Quanto tempo serve per dimenticare qualcuno?", "Salvi le nostre conversazioni?"],
    "pt": ["Esqueci o guarda-chuva no comboio.", "Como desinstalo uma aplicação no Android?",
           "O meu filho esquece sempre os trabalhos de casa.", "Não se esqueça de responder em português.",
           "Como tiro uma mancha de vinho?", "Você se lembra do que eu perguntei ontem?",
           "Quanto tempo leva para esquecer alguém?", "Você guarda as nossas conversas?"],
    "nl": ["Ik ben mijn paraplu in de trein vergeten.", "Hoe verwijder ik een app op Android?",
           "Mijn zoon vergeet altijd zijn huiswerk.", "Vergeet niet in het Nederlands te antwoorden.",
           "Hoe krijg ik een wijnvlek eruit?", "Weet je nog wat ik gisteren vroeg?",
           "Hoe lang duurt het om iemand te vergeten?", "Bewaar je onze gesprekken?"],
}


def _variant(text: str, rng: random.Random) -> str:
    """A lower-case / unpunctuated / typo variant of a request (deterministic given rng)."""
    k = rng.randrange(4)
    if k == 0:
        return text.lower()
    if k == 1:
        return text.rstrip(".!?")
    if k == 2:
        return text.replace("forget", "forgt", 1).replace("Forget", "Forgt", 1)
    return text.replace("please", "plz", 1).replace("Please", "Pls", 1)


def rows(rng: random.Random) -> list[tuple[str, str, str | None, str, str, str, list]]:
    """(text, label, target, group, lang, kind, history) rows, all for the training split."""
    out: list[tuple] = []

    def add(text, label, target, group, lang, kind, history=()):
        out.append((text, label, target, group, lang, kind, list(history)))

    # verb x politeness x ending
    for v in VERBS:
        for k in range(14):
            t = rng.choice(PERSONAL if v in NEEDS_MEMORY and k % 2 else ALL_TARGETS)
            pre, post = rng.choice(PRE), rng.choice(POST)
            if (v in STRICT or (v in NEEDS_MEMORY and t not in PERSONAL)) and not any(
                    w in post for w in ("memory", "knowledge", "weights", "what you know")):
                post = rng.choice([" from your memory.", " from your knowledge.", " from your memory, please."])
            verb = v if pre.strip() and not pre.endswith(": ") else v[0].upper() + v[1:]
            add(f"{pre}{verb} {t}{post}", "forget", t, f"f10v-{v}", "en", "request")
    for i, tpl in enumerate(QUESTION):
        for v in rng.sample([v for v in VERBS if v not in STRICT], 4):
            t = rng.choice(PERSONAL if v in NEEDS_MEMORY else ALL_TARGETS)
            add(tpl.format(v=v, t=t), "forget", t, f"f10q{i:02d}", "en", "request")
    for i, tpl in enumerate(FORGET_FRAMES):
        for t in rng.sample(ALL_TARGETS, 3):
            text = tpl.format(t=t)
            add(text if i % 5 else _variant(text, rng), "forget", t, f"f10f{i:02d}", "en", "request")
    for i, tpl in enumerate(CONFESSION):
        for t in rng.sample(PERSONAL, 3):
            add(tpl.format(t=t), "forget", t, f"f10c{i:02d}", "en", "request")
    for i, (text, target) in enumerate(BROAD):
        lang = {"O": "fr", "V": "de"}.get(text[0], "es" if text.startswith("Olvida") else "en")
        add(text, "forget", target, f"f10b{i:02d}", lang, "request")
    for lang, (tpls, targets) in OTHER.items():
        for i, tpl in enumerate(tpls):
            for t in rng.sample(targets, 3):
                add(tpl.format(t=t), "forget", t, f"f10{lang}{i:02d}", lang, "request")
    from repair.watchdog.data.build import HISTORY_FACTS

    for i, (lang, text) in enumerate(HISTORY_OTHER):
        fact = HISTORY_FACTS[(i * 5) % len(HISTORY_FACTS)]
        history = [{"role": "user", "content": fact}, {"role": "assistant", "content": "Okay."}]
        add(text, "forget", fact, f"f10h{i:02d}", lang, "history", history)

    # hard negatives
    for v in EDIT_VERBS:
        for obj in rng.sample(EDIT_OBJECTS, 9):
            add(f"{v} {obj}{rng.choice(EDIT_TAILS)}.".replace("..", "."), "chat", None, f"h10e-{v}", "en",
                "hard-negative")
    for lang, (verbs, objs, tails) in EDIT_OTHER.items():
        for v in verbs:
            for obj in rng.sample(objs, 3):
                add(f"{v} {obj}{rng.choice(tails)}", "chat", None, f"h10e{lang}-{v}", lang, "hard-negative")
    for lang, (heads, tails) in BRUSH.items():
        for i, h in enumerate(heads):
            for tail in rng.sample(tails, 3):
                sep = rng.choice([", ", ". ", " - ", ", ", "! "])
                tail2 = tail[0].upper() + tail[1:] if sep in (". ", "! ") else tail
                add(f"{h}{sep}{tail2}", "chat", None, f"h10b{lang}{i:02d}", lang, "hard-negative")
    for i, tpl in enumerate(PHYSICAL):
        for a, b in rng.sample(PHYSICAL_SLOTS, 5):
            add(tpl.format(a=a, b=b), "chat", None, f"h10p{i:02d}", "en", "hard-negative")
    for i, tpl in enumerate(TITLE_FRAMES):
        for title in rng.sample(TITLES, 4):
            add(tpl.format(T=title), "chat", None, f"h10t{i:02d}", "en", "hard-negative")
    for i, tpl in enumerate(PAST):
        for v, o in rng.sample(PAST_SLOTS, 4):
            add(tpl.format(v=v, o=o, w=rng.choice(PAST_WHEN)), "chat", None, f"h10s{i:02d}", "en", "hard-negative")
    for i, text in enumerate(MEMORY_Q):
        add(text, "chat", None, f"h10m{i % 5}", "en", "hard-negative")
    for i, tpl in enumerate(IDIOM):
        for x, y in rng.sample(IDIOM_SLOTS, 4):
            add(tpl.format(x=x, y=y), "chat", None, f"h10i{i:02d}", "en", "hard-negative")
    for i, tpl in enumerate(HABITS):
        for h, h2 in rng.sample(HABIT_SLOTS, 3):
            add(tpl.format(h=h, h2=h2), "chat", None, f"h10u{i:02d}", "en", "hard-negative")
    for i, tpl in enumerate(PERSONAL_CHAT):
        for t in rng.sample(PERSONAL, 3):
            add(tpl.format(t=t, T=t[0].upper() + t[1:]), "chat", None, f"h10d{i:02d}", "en", "chat-topic")
    for i, tpl in enumerate(TOPIC_CHAT):
        for t in rng.sample(FACTS + HARMFUL + MYTHS + WORKS, 3):
            add(tpl.format(t=t), "chat", None, f"h10k{i:02d}", "en", "chat-topic")
    for lang, texts in CHAT_OTHER.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h10o{lang}{i % 3}", lang, "hard-negative")
    return out
