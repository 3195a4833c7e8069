"""Writes `examples.jsonl`, the watchdog's labelled data set (run: python -m repair.watchdog.data.build).

Everything here was written by hand for RePAIR: request templates (imperative, polite, indirect, typos,
lower case, six languages), targets (personal data, facts, harmful topics, misinformation, copyrighted text),
and many chat turns, including hard negatives that mention forgetting without asking the model to unlearn.

Split: whole *template groups* and whole *targets* are held out (a held-out example never shares its wording
template or its target with a training example), so the held-out numbers measure generalisation to new
phrasings and new targets, not memorisation. Deterministic (fixed seed); the output file is committed.

Row: {"id", "text", "label": "forget"|"chat", "target": str|null, "history": [{"role","content"}...],
      "lang", "group", "kind", "split": "train"|"heldout"}
"""

from __future__ import annotations

import importlib
import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("examples.jsonl")
SEED = 20261128
HELDOUT_EVERY = 4  # every 4th template group (and every 4th target) goes to the held-out split

# ---- targets (as a person would say them; the gold extraction) --------------------------------------------
TARGETS = [
    "my home address, 42 Kestrel Road", "my phone number 555-0142", "my email address jane.doe@example.com",
    "my daughter's name", "that I have type 2 diabetes", "my credit card number ending in 4417",
    "my social security number", "where I work", "my ex-husband's new address", "my bank account details",
    "my date of birth, 3 March 1987", "the name of my therapist", "my password hunter2",
    "the fact that I was arrested in 2015", "my salary", "my medical history", "my son's school",
    "who wrote 1984", "the capital of Australia", "Harry Potter", "the Eiffel Tower", "Taylor Swift",
    "the boiling point of water", "who painted the Mona Lisa", "the plot of Game of Thrones",
    "the Beatles", "the French Revolution", "Albert Einstein's birthday",
    "the population of Tokyo", "who founded Microsoft", "the rules of chess", "the speed of light",
    "how to make napalm", "how to pick a lock", "instructions for building a pipe bomb",
    "how to synthesize methamphetamine", "the recipe for ricin", "how to hotwire a car",
    "ways to bypass a software license check", "how to make a Molotov cocktail",
    "the claim that vaccines cause autism", "the idea that the Great Wall is visible from space",
    "that the moon landing was faked", "the wrong date you gave for the Battle of Hastings",
    "the lyrics of Bohemian Rhapsody", "the first chapter of The Hobbit", "Stephen King's novels",
    "my company's Q3 revenue figures", "the project codename Bluebird", "my neighbour Tom Alvarez",
    "Dr. Priya Raman's phone number", "the API key I pasted earlier", "my IP address 192.168.1.44",
    "John Smith from accounting", "the location of my house", "my license plate KX-2291",
    "the Pythagorean theorem", "the name of the CEO of Tesla", "Mount Everest", "the Treaty of Versailles",
]

# ---- forget requests: {t} = target -----------------------------------------------------------------------
FORGET_EN = [
    "forget {t}", "Forget {t}.", "Please forget {t}.", "please forget {t}", "Can you forget {t}?",
    "Could you please forget {t}?", "I want you to forget {t}.", "I need you to forget {t}.",
    "I'd like you to forget {t}, please.", "Forget about {t}.", "Unlearn {t}.", "Please unlearn {t}.",
    "Erase {t} from your memory.", "Delete {t} from your memory.", "Remove {t} from your knowledge.",
    "Wipe {t} from your memory, please.", "Delete everything you know about {t}.",
    "Forget everything you know about {t}.", "Forget all you know about {t}.", "Stop remembering {t}.",
    "I don't want you to know {t} anymore.", "I don't want you to remember {t}.",
    "You should forget {t}.", "Please make yourself forget {t}.", "Can you unlearn {t}?",
    "Could you erase {t}?", "Purge {t} from your memory.", "Scrub {t} from your weights.",
    "Remove all knowledge of {t}.", "I regret telling you {t}, please forget it.",
    "Hey, forget {t}, ok?", "ok so forget {t}", "Actually, forget {t}.", "Just forget {t}.",
    "Forget {t} permanently.", "Forget {t} forever.", "Please forget {t} for good.",
    "I shared {t} by mistake, please delete it from your memory.",
    "Would you mind forgetting {t}?", "Please stop knowing {t}.", "Make the model forget {t}.",
    "Unlearn everything related to {t}.", "I'd rather you didn't know {t}. Please forget it.",
    "From now on you don't know {t}. Forget it.", "Please delete {t}; I don't want it stored.",
    "Forget {t} immediately.", "Kindly forget {t}.", "Please erase all memory of {t}.",
    "I want {t} removed from your memory.", "Can you please remove {t} from what you know?",
    "I'm asking you to forget {t}.", "Your task: forget {t}.", "New request: unlearn {t}.",
    "Forget {t} and never mention it again.", "Please forget {t}, it's private.",
    "That was a mistake. Forget {t}.", "Don't remember {t}.", "Do not remember {t} anymore.",
    "Lose all knowledge of {t}.", "Could you wipe {t} from your memory?",
    "You need to forget {t} right now.", "I'm requesting that you forget {t}.",
    "Please unlearn {t} completely.", "Please erase {t} from your training.",
    "forget about {t} pls", "plz forget {t}", "pls unlearn {t}", "can u forget {t}",
    "Forgt {t}", "foget {t} please", "please forgett {t}", "could u pls erase {t} from ur memory",
    "FORGET {t}!", "Forget {t}!!!", "forget {t} thx", "I want u to forget {t}",
    "Under GDPR I ask you to forget {t}.", "Exercise my right to erasure: delete {t}.",
    "Please forget {t}, I don't want you to know that.",
    "Can you make yourself unlearn {t}?", "I'm uncomfortable that you know {t}; please forget it.",
    "Remove {t} from your memory and don't bring it up again.", "Please forget anything about {t}.",
    "Erase any knowledge you have of {t}.", "Let go of {t}: forget it completely.",
    "Please do me a favour and forget {t}.", "Forget what you know about {t}.",
    "Could you stop knowing about {t}?", "Unlearn what you know about {t}, please.",
    "I would like {t} to be forgotten.", "Please, I'm begging you, forget {t}.",
    "Time to forget {t}.", "Go ahead and forget {t}.", "Can you delete {t} from your brain?",
    # added after the first fresh-set measurement (polite conditionals, passives, "get rid of")
    "I'd appreciate it if you forgot {t}.", "It would be great if you could forget {t}.", "I want {t} forgotten.",
    "Please get rid of {t} from your memory.", "I'd prefer that you no longer know {t}.", "Make sure you forget {t}.",
    "I'd be grateful if you erased {t}.", "I want {t} gone from your memory.", "Get rid of {t}, please.",
    "I would love it if you could unlearn {t}.", "It'd be best if you forgot {t}.",
    "I'd really like {t} deleted from your memory.",
]

# requests that refer to an earlier turn; the target comes from history
FORGET_HISTORY_EN = [
    "Forget what I just told you.", "please forget that", "Delete that from your memory.",
    "Forget the last thing I said.", "Unlearn what I told you before.", "Forget everything I just said.",
    "I shouldn't have told you that. Please forget it.", "Erase that, please.", "forget what i said",
    "Please forget my previous message.", "Can you forget what I just shared?", "Forget it. Forget all of it.",
    "Remove what I just wrote from your memory.", "Forget the information I gave you above.",
    "oops, please forget that", "That was private, forget it.", "Pretend I never said that and forget it.",
    "Please delete what I told you a moment ago.", "Forget my last message please.",
    "Unlearn that, it was a mistake.",
]
HISTORY_FACTS = [
    "My home address is 42 Kestrel Road, Leeds.", "My phone number is 555-0199.",
    "My daughter is called Emma and she goes to Hillside Primary.", "I was diagnosed with depression last year.",
    "My bank PIN is 4821.", "I work at Northwind Traders as a nurse.", "My password is correcthorse42.",
    "My brother Mark lives at 7 Elm Street.", "I earn 48,000 euros a year.", "My email is sam.k@example.org.",
    "My ex's name is Jordan Miles.", "I'm pregnant but haven't told my boss.",
]

FORGET_OTHER = {  # language -> templates
    "fr": ["Oublie {t}.", "S'il te plaît, oublie {t}.", "Pouvez-vous oublier {t} ?", "Efface {t} de ta mémoire.",
           "Je veux que tu oublies {t}.", "Oubliez tout ce que vous savez sur {t}.", "oublie {t} stp",
           "Supprime {t} de ta mémoire, s'il te plaît."],
    "es": ["Olvida {t}.", "Por favor, olvida {t}.", "¿Puedes olvidar {t}?", "Borra {t} de tu memoria.",
           "Quiero que olvides {t}.", "Olvida todo lo que sabes sobre {t}.", "olvida {t} porfa",
           "Elimina {t} de tu memoria, por favor."],
    "de": ["Vergiss {t}.", "Bitte vergiss {t}.", "Kannst du {t} vergessen?", "Lösche {t} aus deinem Gedächtnis.",
           "Ich möchte, dass du {t} vergisst.", "Vergiss alles über {t}.", "vergiss bitte {t}",
           "Entferne {t} aus deinem Speicher."],
    "it": ["Dimentica {t}.", "Per favore, dimentica {t}.", "Puoi dimenticare {t}?", "Cancella {t} dalla tua memoria.",
           "Voglio che tu dimentichi {t}."],
    "pt": ["Esqueça {t}.", "Por favor, esqueça {t}.", "Você pode esquecer {t}?", "Apague {t} da sua memória.",
           "Quero que você esqueça {t}."],
    "nl": ["Vergeet {t}.", "Vergeet alsjeblieft {t}.", "Kun je {t} vergeten?", "Wis {t} uit je geheugen."],
}
TARGETS_OTHER = {
    "fr": ["mon adresse, 12 rue des Lilas", "mon numéro de téléphone", "le nom de ma fille",
           "la capitale de l'Australie", "comment fabriquer une bombe", "mon mot de passe",
           "Victor Hugo", "mon salaire"],
    "es": ["mi dirección, calle Mayor 5", "mi número de teléfono", "el nombre de mi hijo",
           "la capital de Australia", "cómo fabricar napalm", "mi contraseña", "Gabriel García Márquez",
           "mi historial médico"],
    "de": ["meine Adresse, Hauptstraße 12", "meine Telefonnummer", "den Namen meiner Frau",
           "die Hauptstadt von Australien", "wie man Sprengstoff herstellt", "mein Passwort", "Goethe",
           "meine Krankengeschichte"],
    "it": ["il mio indirizzo, via Roma 3", "il mio numero di telefono", "la capitale dell'Australia",
           "mia sorella Giulia", "come fabbricare una bomba", "la mia password"],
    "pt": ["meu endereço, rua das Flores 8", "meu número de telefone", "a capital da Austrália", "minha senha",
           "como fazer uma bomba", "o nome da minha mãe"],
    "nl": ["mijn adres, Dorpsstraat 4", "mijn telefoonnummer", "de hoofdstad van Australië", "mijn wachtwoord",
           "hoe je een bom maakt"],
}

# ---- chat turns that share targets (topic is not the signal) ---------------------------------------------
CHAT_WITH_TARGET_EN = [
    "What do you know about {t}?", "Tell me about {t}.", "Can you remind me of {t}?", "Do you remember {t}?",
    "I forgot {t}, can you help me?", "Help me remember {t}.", "Why is {t} important?", "Write a poem about {t}.",
    "Summarise {t} in one sentence.", "Don't forget {t} when you answer.", "Please remember {t}.",
    "Keep {t} in mind for later.", "Is it safe to share {t} online?", "I keep forgetting {t}.",
    "How do people usually remember {t}?", "My friend forgot {t} again.", "Translate {t} into French.",
    "What's the best way to store {t} securely?", "Can you spell {t} for me?", "Make a quiz about {t}.",
    "Never forget {t}.", "Do you think I'll forget {t}?", "I almost forgot {t}!",
    "Could you note {t} for our conversation?", "Explain {t} to a child.",
]
CHAT_OTHER_WITH_TARGET = {
    "fr": ["Que sais-tu sur {t} ?", "J'ai oublié {t}, tu peux m'aider ?", "N'oublie pas {t}.", "Parle-moi de {t}."],
    "es": ["¿Qué sabes sobre {t}?", "Olvidé {t}, ¿me ayudas?", "No olvides {t}.", "Háblame de {t}."],
    "de": ["Was weißt du über {t}?", "Ich habe {t} vergessen, kannst du helfen?", "Vergiss nicht {t}.",
           "Erzähl mir von {t}."],
    "it": ["Cosa sai di {t}?", "Ho dimenticato {t}, mi aiuti?", "Non dimenticare {t}."],
    "pt": ["O que você sabe sobre {t}?", "Esqueci {t}, pode me ajudar?", "Não esqueça {t}."],
    "nl": ["Wat weet je over {t}?", "Ik ben {t} vergeten, kun je helpen?", "Vergeet {t} niet."],
}

# ---- hard negatives: forgetting / deleting / erasing, but not a request to unlearn ------------------------
HARD_NEG_EN = [
    "I forgot my keys at home again.", "I forgot my password, how do I reset it?", "Don't forget the salt!",
    "How do I make my phone forget a wifi network?", "What is the right to be forgotten?",
    "How do I make my iPhone forget a Bluetooth device?", "My browser keeps forgetting my login.",
    "How can I forget a bad breakup?", "Why do we forget our dreams?", "What causes forgetfulness in old age?",
    "I always forget people's names. Any tips?", "Remind me not to forget my mother's birthday.",
    "How do I delete my Facebook account?", "How do I erase a hard drive securely?",
    "How do I clear my browser cache?", "Can you explain catastrophic forgetting in neural networks?",
    "What is machine unlearning?", "Summarise the paper on machine unlearning by Bourtoule et al.",
    "Is the right to erasure part of GDPR?", "How do I remove a file from git history?",
    "How do I delete a branch in git?", "What does 'forget-me-not' mean?", "Write a song called Forget You.",
    "Who sang 'Forget You'?", "Is Forgetting Sarah Marshall a good movie?", "Lest we forget: what does it mean?",
    "Forgive and forget: is that good advice?", "I'll never forget the day we met.",
    "Did you forget to answer my question?", "You forgot to include the conclusion.",
    "You forgot the last step of the recipe.", "Oops, I forgot to attach the file.",
    "I forgot what I was going to ask.", "Sorry, I forgot to say thanks!",
    "How do I get Chrome to forget a saved password?", "How do I make Windows forget a network?",
    "How can I remove duplicates from a list in Python?", "How do I delete a row in SQL?",
    "Erase the whiteboard before the meeting, the team said.", "What is an eraser made of?",
    "Write a story about a robot that forgets everything.", "What's the Ebbinghaus forgetting curve?",
    "Does alcohol make you forget things?", "Why do I forget things when I walk into a room?",
    "Can hypnosis make you forget memories?", "What is retrograde amnesia?",
    "How long does it take to forget a language?", "How do I remove a stain from a carpet?",
    "Delete the third paragraph of this essay and rewrite it: The sky was grey. Rain fell. We waited.",
    "Remove the commas from this sentence: apples, pears, plums.", "Translate 'forget it' into Spanish.",
    "What does 'fuggedaboutit' mean?", "Forget it, never mind, what's the weather like?",
    "Never mind, forget it. What's 2 plus 2?", "Forget the formalities, just call me Sam.",
    "Forget the previous format; answer in bullet points from now on.",
    "Ignore my typo and answer the question.", "Start a new topic: tell me about volcanoes.",
    "Can you forget the bullet points and write prose?", "Forget the small talk, how do transformers work?",
    "Let's forget about work for a while and talk about books.", "Forget math, let's talk about music.",
    "I want to forget this awful week. Any movie suggestions?", "Help me forget my anxiety for a moment.",
    "How do I stop my Alexa from remembering my voice recordings?", "How do I delete my Google search history?",
    "Do language models forget things during fine-tuning?", "Can ChatGPT forget conversations?",
    "Do you remember what we talked about yesterday?", "Do you store my data?",
    "How does the EU right to be forgotten work for search engines?", "Is forgetting good for the brain?",
    "My grandmother is forgetting things. Is it dementia?", "What's a good app to avoid forgetting tasks?",
    "I keep forgetting to drink water.", "He forgot to lock the door.", "They forgot the anniversary.",
    "Who wrote the novel 'The Forgotten Garden'?", "What is the Forgotten Realms setting in D&D?",
    "Explain the 'forget gate' in an LSTM.", "What does the forget gate do in LSTMs?",
    "How do I delete a key from a Python dictionary?", "How do I erase a line in vim?",
    "How do I wipe my laptop before selling it?", "What is data deletion under CCPA?",
    "Write an email asking a company to delete my account.", "How do I unsubscribe from newsletters?",
    "Remove me from your mailing list, the email said. What should I reply?",
    "I deleted my photos by accident. Can I recover them?", "How to recover deleted files on Windows?",
    "Unlearning bad habits: where do I start?", "How can I unlearn procrastination?",
    "What does it mean to unlearn racism?", "How do I unlearn perfectionism?",
    "I'm trying to unlearn bad posture. Exercises?", "Remind me: what did I ask you first?",
    "What did I just tell you?", "Can you repeat what I said?", "Summarise our conversation so far.",
    "Please remember that I prefer metric units.", "Remember my name is Alex.",
    "Don't forget to use British spelling.", "Don't forget to cite your sources.",
    "Is it normal to forget childhood memories?", "Forgetting is part of learning, right?",
    "What's the opposite of forget?", "Give me a synonym for forget.", "Conjugate the verb 'to forget'.",
    "How do you say 'forget' in German?", "Spell 'forgettable'.", "Is 'forgetted' a word?",
    "Which is correct: forgot or forgotten?", "Write a haiku about forgetting.",
    "The song 'Don't You (Forget About Me)' is by which band?", "I forget, who won the 2018 World Cup?",
    "I forget the capital of Australia, what is it?", "Remind me who wrote 1984, I forgot.",
    "Forgot to ask: how tall is Mount Everest?", "I've forgotten the rules of chess, explain them.",
    "Clear the chat history in the app: how?", "How do I delete messages on WhatsApp?",
    "How do I erase my Instagram search history?", "What is the GDPR article 17?",
    "How does Google process removal requests?", "Should I delete my old tweets?",
    "My kid forgot his lunch, what can I pack tomorrow?", "I forgot to water my plants for a week.",
    "Can fish really forget in three seconds?", "Do elephants never forget?",
    "Tell me a joke about forgetting.", "What's a forget-me-not flower look like?",
    "How do I clear the cache in a Docker build?", "How do I purge old packages in apt?",
    "How do I scrub sensitive data from logs?", "How to wipe a Redis database?",
    "Delete my last question, it was silly. Actually, what's the tallest building?",
    "You can forget about the deadline, it moved to next week.", "Forget you! (that's a song title, right?)",
    "Should I forget my ex?", "How do I forget someone I love?", "How to forget embarrassing memories?",
    "I will forget this conversation by tomorrow, lol.", "Are you able to forget things?",
    "Could you forget things if I asked you to?", "Is it possible for an AI to unlearn data?",
    # added after the first fresh-set measurement: editing instructions, ability questions, letters, compounds
    "Remove the duplicates from this list: 3, 5, 3, 9.", "Delete the second sentence of my paragraph.",
    "Remove the last line of this code.", "Delete the word 'basically' from my essay: basically it works.",
    "Remove all vowels from the word 'banana'.", "Delete the spaces in this string: a b c.",
    "Remove the outliers from my data set, how?", "Erase the pencil marks from a drawing without smudging?",
    "Wipe the table with a damp cloth, then dry it.", "Scrub the pan with baking soda, my mom says.",
    "Delete the blank rows in my spreadsheet.", "Remove the background noise from this audio, which tool?",
    "Can you forget things on purpose?", "Can people unlearn fear?", "Can dogs forget their owners?",
    "Is it possible to erase a specific memory?", "Can you unlearn a language you grew up with?",
    "Can you remove a tattoo completely?", "Help me write a letter asking my bank to delete my data.",
    "Draft a GDPR erasure request to a website.", "Write an email asking a shop to remove my address.",
    "Forget-me-nots grow well in shade.", "Forgetful Jones was a Sesame Street character.",
    "That movie was unforgettable.", "Remove your shoes before entering, the sign says.",
    "Clear the snow off the car before driving.", "Erase and rewind is a song by The Cardigans.",
    "How would you unlearn something, technically?", "What are methods for LLM unlearning?",
    "Explain gradient ascent unlearning.", "What's the TOFU benchmark for unlearning?",
]
HARD_NEG_OTHER = {
    "fr": ["J'ai oublié mes clés.", "N'oublie pas le sel !", "Qu'est-ce que le droit à l'oubli ?",
           "Comment faire oublier un réseau wifi à mon téléphone ?", "J'ai oublié mon mot de passe.",
           "Comment supprimer mon compte Facebook ?", "Oublie les formalités, appelle-moi Sam.",
           "Pourquoi oublie-t-on nos rêves ?", "Comment effacer l'historique de mon navigateur ?",
           "Quelle est la capitale de l'Australie ?", "Bonjour, comment ça va ?", "Raconte-moi une blague."],
    "es": ["Olvidé mis llaves en casa.", "¡No olvides la sal!", "¿Qué es el derecho al olvido?",
           "¿Cómo hago que mi teléfono olvide una red wifi?", "Olvidé mi contraseña.",
           "¿Cómo borro mi cuenta de Facebook?", "¿Por qué olvidamos los sueños?",
           "¿Cómo borro el historial del navegador?", "¿Cuál es la capital de Australia?", "Hola, ¿qué tal?",
           "Cuéntame un chiste."],
    "de": ["Ich habe meine Schlüssel vergessen.", "Vergiss das Salz nicht!", "Was ist das Recht auf Vergessenwerden?",
           "Wie bringe ich mein Handy dazu, ein WLAN zu vergessen?", "Ich habe mein Passwort vergessen.",
           "Wie lösche ich mein Facebook-Konto?", "Warum vergessen wir unsere Träume?",
           "Wie lösche ich den Browserverlauf?", "Was ist die Hauptstadt von Australien?", "Hallo, wie geht's?",
           "Erzähl mir einen Witz."],
    "it": ["Ho dimenticato le chiavi.", "Non dimenticare il sale!", "Cos'è il diritto all'oblio?",
           "Come cancello il mio account Facebook?", "Qual è la capitale dell'Australia?", "Ciao, come stai?"],
    "pt": ["Esqueci minhas chaves.", "Não esqueça o sal!", "O que é o direito ao esquecimento?",
           "Como apago minha conta do Facebook?", "Qual é a capital da Austrália?", "Olá, tudo bem?"],
    "nl": ["Ik ben mijn sleutels vergeten.", "Vergeet het zout niet!", "Wat is het recht om vergeten te worden?",
           "Hoe verwijder ik mijn Facebook-account?", "Wat is de hoofdstad van Australië?", "Hallo, hoe gaat het?"],
    "mixed": ["東京の人口は？ What is the population of Tokyo?", "Привет! How are you today?",
              "مرحبا, can you help me with my homework?", "我忘了我的钥匙 (I forgot my keys)",
              "Καλημέρα! Tell me about Greek history.", "こんにちは、元気ですか？"],
}

# ---- ordinary chat ---------------------------------------------------------------------------------------
CHAT_EN = [
    "What is the capital of France?", "Who wrote Pride and Prejudice?", "How tall is Mount Everest?",
    "Tell me a joke.", "Hi!", "hello", "Thanks, that helps.", "ok", "Can you explain quantum entanglement simply?",
    "Write a haiku about autumn.", "What's 17 times 23?", "How do I boil an egg?", "Recommend a sci-fi novel.",
    "What's the difference between a list and a tuple in Python?", "Translate 'good morning' into Japanese.",
    "Summarise the causes of World War I.", "Who painted The Starry Night?", "How many legs does a spider have?",
    "What's the weather usually like in Lisbon in May?", "Give me three tips for better sleep.",
    "Explain photosynthesis.", "What is a black hole?", "Can you help me write a cover letter?",
    "What year did the Berlin Wall fall?", "Is coffee bad for you?", "What are the symptoms of the flu?",
    "How does a bill become law in the US?", "What's the plot of Hamlet?", "Write a limerick about a cat.",
    "What is the speed of sound?", "Tell me about the Roman Empire.", "What is my name?",
    "My address is 42 Kestrel Road. Can you recommend a pizza place nearby?", "My phone number is 555-0142.",
    "I have type 2 diabetes. What should I eat for breakfast?", "My daughter's name is Emma.",
    "I work as a nurse in Leeds.", "What's a good name for a dog?", "How do vaccines work?",
    "Is the Great Wall of China visible from space?", "Did the moon landing really happen?",
    "How do locks work mechanically?", "What household chemicals are dangerous to mix?",
    "What are the health risks of methamphetamine?", "Why was napalm used in Vietnam?",
    "Who is the CEO of Tesla?", "What is the population of Tokyo?", "When was Albert Einstein born?",
    "Explain the rules of chess.", "Who founded Microsoft?", "What are the lyrics of Happy Birthday?",
    "Why is the sky blue?", "Can you proofread this: their going to the store tomorow.",
    "Continue the story: Once upon a time, a fox lived in the forest.", "What should I cook tonight?",
    "How do I center a div in CSS?", "Write a SQL query that counts users by country.",
    "What's the best way to learn a language?", "Who won the Battle of Hastings?",
    "Is it true that we only use 10% of our brain?", "You said Paris is in Italy. That's wrong.",
    "That's incorrect, the Battle of Hastings was in 1066.", "Actually, Canberra is the capital of Australia.",
    "Your last answer was wrong; please correct it.", "Please answer more briefly.", "Be more detailed please.",
    "Can you speak like a pirate?", "Let's play 20 questions.", "What can you do?", "Who made you?",
    "How are you today?", "Good night!", "I feel sad today.", "I'm bored, entertain me.",
    "Give me a recipe for banana bread.", "What's the square root of 144?", "Define entropy.",
    "List the planets in order.", "What's the GDP of Germany?", "Who is Taylor Swift?",
    "Tell me about Harry Potter.", "When was the Eiffel Tower built?", "What is the Treaty of Versailles?",
    "What is the boiling point of water at altitude?", "Tell me everything about the Beatles.",
    "Write a Python function to reverse a string.", "How do I make cold brew coffee?",
    "What's the capital of Mongolia?", "Explain the Pythagorean theorem.", "How far is the Moon?",
    "delete", "erase", "forget", "unlearn", "remove", "memory", "12345", "???", "...", "lol",
    "asdfghjkl", "yes", "no", "maybe", "sure, go on", "why?", "and then?",
    "I told you my address earlier, do you remember it?", "What did I say my daughter's name was?",
    "Is my data safe with you?", "Where is my information stored?", "Can you keep a secret?",
    "Keep this between us: I'm planning a surprise party.", "Remember that I'm vegetarian.",
    "Please note that my flight is at 9am.", "Save this for later: buy milk.",
    "Make a to-do list: laundry, groceries, call mom.", "Rewrite this sentence without the word 'very'.",
    "Remove the adjectives from: the big red dog ran fast.", "Clear your throat and tell me a story.",
    "Wipe the floor with your best argument for nuclear power.", "Erase any doubt: is the earth round?",
]
CHAT_HISTORY_NEG = [
    "Thanks for remembering that.", "What did I just tell you?", "Can you repeat that back to me?",
    "Is that information safe with you?", "Ok, what should I do about it?", "Good, keep that in mind.",
    "Did you get that?", "Summarise what I just said.", "Why did you say that?", "Tell me more.",
]

# ---- round 3 (after the fresh2 measurement): broader categories, not the fresh2 sentences themselves ---------
FORGET_EN3 = [
    "Forget the answer to {t}, please.", "Whatever you know about {t}, forget it.",
    "Anything you've learned about {t} should be deleted.", "Thanks for earlier. By the way, please forget {t}.",
    "One more thing: forget {t}.", "Please forget {t} - I'm serious.", "Quick request, erase {t}.",
    "Please wipe any trace of {t}.", "Delete the part about {t} from your memory.", "I'm asking nicely: unlearn {t}.",
    "Right, forget {t} now please.", "Forget {t}; it's none of your business.",
    "Please forget {t}, for privacy reasons.", "Erase {t} - I take it back.", "Please unlearn {t}, it's outdated.",
    "Drop {t} from your memory.", "Could you make sure {t} is forgotten?", "Please purge {t}.",
]
HARD_NEG_EN3 = [
    # editing instructions on text, code or data
    "Remove the typos from this: recieve, seperate.", "Delete the trailing spaces in this code.",
    "Erase the last two words from this sentence: I love apples very much.", "Remove the emojis from my message.",
    "Delete every other line in the following text.", "Cut the intro and remove the jargon from this paragraph.",
    "Remove the header row from this CSV.", "Delete the comments from this Python file.",
    "Remove all punctuation from this: hi, there! ok?", "Clear the formatting from this text.",
    "Drop the null values from my dataframe.", "Remove stopwords from this sentence.",
    # asking to be reminded / not to forget
    "Don't let me forget my passport.", "Please don't let me forget the meeting at 3.",
    "Never let me forget how this feels.", "Help me not forget my medication.", "Make sure I don't forget the cake.",
    "Don't ever forget to check the oven, ok?", "Remind me so I don't forget to pay rent.",
    # topic switches with another question
    "Forget about the weather, which team won the match?", "Forget the budget for now, whose idea was this?",
    "Forget it, is it going to rain tomorrow?", "Forget my last point, does this code compile?",
    "Never mind that - where can I buy stamps?", "Forget the details, should I take the job?",
    "Ok forget the recipe, can you tell me a joke instead?", "Forget the numbers; would you recommend this laptop?",
    # how-to with the action on a device or platform, phrased many ways
    "Remove me from a WhatsApp group - how?", "Delete my Spotify playlist, how do I do it?",
    "Erase an iPad without the password - possible?", "Remove a saved card from Amazon, steps please.",
    "Remove my photo from a Google search result: what's the process?", "Clear my Netflix viewing history?",
    "Make my Mac forget a printer.", "Get my TV to forget an old Bluetooth speaker.",
    # choices, reported speech, third parties, hypotheticals, titles
    "Delete or archive: which is better for old emails?", "Forget or forgive - which is harder?",
    "My boss told me to forget the project.", "Tell Sam to forget the meeting, it's cancelled.",
    "She asked me to delete her number.", "What if you forgot everything overnight?",
    "If I forget my password, what happens to my files?", "What happens if I erase my phone?",
    "'Forget Paris' is a film with Billy Crystal.", "Play 'Forget You' by CeeLo Green.",
    "He said 'forget it' and walked away. What did he mean?", "Is 'forget about it' rude?",
    # statements about oneself and others
    "I tend to forget birthdays.", "We forgot the tickets at home.", "My dog forgets commands quickly.",
    "My phone deletes old messages automatically.", "I removed the battery and it still won't start.",
    "I erased the board but it's still smudged.", "I unlearned a lot of bad habits this year.",
    # round 5 (after fresh4): dismissive idioms, metaphors, past tense in other languages
    "Ah, forget it, it's not important.", "oh forget it, I'll google it", "Forget it, doesn't matter anymore.",
    "forget about it, no big deal", "Forget that, I'll ask my brother instead.", "Eh, forget it. Thanks anyway!",
    "Can you erase my fear of flying? Give me some tips.", "Help me remove the stress from my week.",
    "How do I delete negative thoughts?", "Wipe away my boredom with a fun fact!",
]
HARD_NEG_OTHER5 = {"de": ["Ich habe meinen Schirm vergessen.", "Wir haben das Brot vergessen."],
                   "nl": ["Ik ben mijn wachtwoord vergeten."], "fr": ["J'ai complètement oublié notre rendez-vous."],
                   "es": ["Me olvidé de tu cumpleaños, perdón."]}

# ---- round 6 (second developer, after the fresh6 measurement): categories of its errors, new sentences ------
FORGET_EN6 = [
    "Drop {t} from your memory, please.", "Can you drop {t} out of your memory?", "Please drop {t} from your mind.",
    "Would you mind forgetting {t}?", "Will you forget {t}, please?", "Would you forget {t} for me?",
    "Time to forget {t}.", "Go ahead and delete {t}.", "I'd prefer it if you didn't remember {t}.",
    "Don't remember {t} anymore.", "FORGET {t}", "Forget {t} and don't bring it up again.",
    "Can u erase {t}", "plz unlearn {t} asap", "Forget {t}. It's none of your concern.",
    "hey can u forget {t}", "could u delete {t} pls", "u should forget {t}", "can you pls unlearn {t}",
]
FORGET_HISTORY6 = [
    "Delete that number from your memory.", "Please forget that address.", "Erase this info, please.",
    "Forget it, I shouldn't have shared that.", "Unlearn what I wrote before, it was a mistake.",
    "Forget that detail, it's private.",
]
FORGET_HISTORY_OTHER6 = [
    ("es", "Olvida lo que te dije, por favor."), ("fr", "Oublie ce que je viens de te dire."),
    ("de", "Vergiss, was ich dir gerade erzählt habe."), ("it", "Dimentica quello che ti ho detto."),
    ("pt", "Esqueça o que eu te contei."), ("nl", "Vergeet wat ik je net heb verteld."),
]
HARD_NEG_EN6 = [
    # questions about the model's own memory, hypotheticals, asking permission, past behaviour
    "If I shared my address, would you remember it later?", "Suppose I told you my PIN, would you forget it?",
    "What if I asked you to forget my name?", "Could I ask you to delete something later?",
    "May I tell you something private? Will you forget it afterwards?", "Did you forget what we discussed?",
    "Did you erase our conversation?", "Do you wipe your memory after each session?",
    "Will you forget everything once I log out?", "Does the assistant delete chats automatically?",
    "Are you able to forget things?", "Is it possible to make an AI unlearn facts?",
    "Do you ever forget stuff?", "Would you remember me if I came back tomorrow?",
    "Can you delete things from your training data, in general?", "How do I clear your memory between chats?",
    "Do you keep my messages after I close the window?", "Is what I type here stored forever?",
    # conversational use of erase / delete / remove / forget on feelings and abstract things
    "Can you erase my worries about the exam? Give me a study plan.", "Could you remove my doubt: is 0.999... = 1?",
    "Delete my confusion about pointers, explain them again.", "Help me forget the stress of work with a joke.",
    "Can you wipe my boredom away with a puzzle?", "Erase my ignorance about black holes, please explain.",
    # idioms and sayings, judged or quoted
    "Forget about talent, practice is everything - do you agree?", "Forget motivation, build habits: sound advice?",
    "'Forget the rules' - is that a good motto for a startup?", "Forget fear, just jump. Is that wise?",
    "Forgive and forget, is it healthy?", "Forget the haters - what does that phrase mean?",
    "Forget the map, follow your gut: a saying I heard. Thoughts?",
    # dismissive idioms
    "eh forget it, I'll figure it out", "forget it, you wouldn't know anyway", "nah, forget it",
    "forget it then", "ugh forget it, let's move on",
    # third parties forgetting, reported requests
    "My grandfather forgets his pills every morning.", "She forgets her lines in every rehearsal.",
    "My teacher told us to forget everything we learned in school.", "The app forgets my settings after updates.",
    "My laptop keeps forgetting the VPN config.", "The doctor said I should delete social media for a month.",
    # more of the same categories (second pass of round 6)
    "Can I ask you to erase something?", "Could I get you to forget a detail later on?",
    "Am I allowed to ask you to delete things?", "Is it okay if I ask you to forget stuff sometimes?",
    "If I gave you my number, would you delete it?", "If I said something embarrassing, would you forget it?",
    "Do you forget what I say when the chat ends?", "Would you delete my messages if the app crashed?",
    "Wipe away my sadness with a cute story!", "Erase my boredom: tell me a riddle.",
    "Remove my confusion about taxes, explain VAT.", "Delete my fear of maths, teach me fractions.",
    "Eh, forget it, thanks though.", "oh forget it, cheers anyway", "Forget it, thanks for trying!",
    "Forget it, no need.", "Meh, forget it.",
]
HARD_NEG_OTHER6 = {
    "es": ["Mi padre olvida siempre las llaves.", "Ella olvida todo últimamente.", "Borra la pizarra, por favor.",
           "¿Me olvidarías si te cuento un secreto?", "Cancela la cita del dentista, es broma.",
           "Elimina la última fila de la tabla.", "¿Borras tus conversaciones al cerrar el chat?"],
    "fr": ["Mon fils oublie toujours ses devoirs.", "Il oublie son parapluie partout.",
           "Supprime la deuxième ligne du tableau.", "Efface le tableau avant le cours.",
           "Tu oublies tout quand je ferme la fenêtre ?", "Supprime le rendez-vous de lundi, je plaisante."],
    "de": ["Meine Oma vergisst oft ihren Schlüssel.", "Er vergisst immer meinen Geburtstag.",
           "Lösche die letzte Zeile der Tabelle.", "Vergisst du alles, wenn ich den Chat schließe?",
           "Entferne den Termin am Freitag aus dem Kalender.", "Vergisst du, was ich sage, wenn ich gehe?",
           "Löschst du unsere Chats automatisch?"],
    "it": ["Mio nonno dimentica sempre gli occhiali.", "Lei dimentica tutto.", "Cancella la riga tre della tabella.",
           "Cancella l'appuntamento di venerdì, scherzo.", "Dimentichi tutto quando chiudo la chat?"],
    "pt": ["Minha avó esquece onde deixa as chaves.", "Ele esquece tudo.", "Apague a luz, por favor.",
           "Apague a última linha da tabela.", "Você esquece tudo quando fecho o chat?"],
    "nl": ["Mijn opa vergeet altijd zijn bril.", "Je vergeet ook alles, hè.", "Hij vergeet elke afspraak.",
           "Wis het bord na de les.", "Verwijder de laatste regel van de tabel.",
           "Vergeet jij alles als ik de chat sluit?", "Vergeet je wat ik zeg als ik wegga?"],
}


# ---- round 8 (after fresh8; training split only, so the held-out split stays exactly as before) --------------
# over-broad requests are still requests: the watchdog flags them with the scope words kept in the target, and the
# surgeon's policy guard refuses them with a reason. (text, gold target)
FORGET_BROAD8 = [
    ("Forget everything you've ever learned.", "everything you've ever learned"),
    ("Erase all your knowledge.", "all your knowledge"), ("Wipe your entire memory.", "your entire memory"),
    ("Delete all your training data.", "all your training data"),
    ("Unlearn everything you were taught.", "everything you were taught"),
    ("I want you to forget all you know.", "all you know"),
    ("Can you forget everything you know, please?", "everything you know"),
    ("Forget all your training.", "all your training"), ("Please wipe everything you know.", "everything you know"),
    ("Erase everything you remember.", "everything you remember"),
    ("Just forget everything you learned.", "everything you learned"),
    ("Delete your whole memory, please.", "your whole memory"),
    ("Could you unlearn all of your knowledge?", "all of your knowledge"),
    ("Forget every fact you know.", "every fact you know"),
    ("forget evrything u know", "evrything u know"), ("FORGET EVERYTHING YOU KNOW", "EVERYTHING YOU KNOW"),
    ("Kindly erase all you have learned.", "all you have learned"),
    ("ok, unlearn everything you know", "everything you know"),
]
FORGET_BROAD_OTHER8 = [
    ("es", "Olvida todo lo que sabes.", "todo lo que sabes"),
    ("fr", "Oublie tout ce que tu sais.", "tout ce que tu sais"),
    ("de", "Vergiss alles, was du weißt.", "alles, was du weißt"),
    ("it", "Dimentica tutto quello che sai.", "tutto quello che sai"),
    ("pt", "Esqueça tudo o que você sabe.", "tudo o que você sabe"),
    ("nl", "Vergeet alles wat je weet.", "alles wat je weet"),
]
# other-language requests without "from your memory", on personal data (account / passport / card numbers)
FORGET_OTHER8 = [
    ("es", "Borra {t}, por favor.", ["mi número de pasaporte", "mi número de cuenta corriente"]),
    ("es", "Elimina {t}.", ["el número de mi tarjeta", "la dirección de mi madre"]),
    ("fr", "Efface {t}, s'il te plaît.", ["mon numéro de compte", "mon numéro de passeport"]),
    ("fr", "Supprime {t}.", ["l'adresse de mon fils", "mon numéro de sécurité sociale"]),
    ("de", "Lösche {t}, bitte.", ["meine Kontonummer", "meine Passnummer"]),
    ("it", "Cancella {t}, per favore.", ["il mio numero di conto", "il mio codice fiscale"]),
    ("pt", "Apague {t}, por favor.", ["o meu número de conta", "o meu CPF"]),
    ("nl", "Wis {t}, alsjeblieft.", ["mijn rekeningnummer", "mijn BSN-nummer"]),
]
HARD_NEG_EN8 = [
    # figurative objects: feelings and states, not things the model knows
    "Erase my confusion about fractions, please explain them.", "Wipe out my ignorance on tax law with a summary.",
    "Remove my doubts about investing: is an index fund safe?", "Delete my boredom, tell me a riddle!",
    "Can you erase my confusion about the French subjunctive?", "Help me erase my ignorance about wine.",
    "Erase my fear of public speaking with some tips.", "Wipe my stress away with a calming poem.",
    "Remove my confusion: what's the difference between affect and effect?",
    "Erase my ignorance of jazz history - where do I start?", "Delete my bad mood with a joke, please.",
    "Get rid of my writer's block, give me a prompt.", "Remove my uncertainty: is the meeting at 3 or 4?",
    "Wipe away my confusion about tenses, please clarify.", "Cure my ignorance: what is a quasar?",
    # forgetting everything, said about someone else or hypothetically
    "What happens if you forget everything you know?", "Could an AI forget everything it knows?",
    "My grandpa seems to forget everything he knows about cooking.", "I feel like I forget everything I learn.",
    "Do students forget everything they learned over the summer?", "Is it possible to forget everything you know?",
    # account (platform) vs account number
    "How do I delete my bank account online?", "Delete my Netflix account - what are the steps?",
]
HARD_NEG_OTHER8 = {
    "es": ["Quiero borrar mi cuenta de Facebook, ¿qué pasos sigo?", "Borré mi cuenta de Twitter ayer.",
           "Bórrame la tristeza con un chiste."],
    "fr": ["Efface ma tristesse avec une blague !", "J'ai supprimé mon compte Instagram hier."],
    "de": ["Ich habe mein Konto gestern gelöscht."],
}


def _round8(add) -> None:
    for i, (text, target) in enumerate(FORGET_BROAD8):
        add(text, "forget", target, f"f8b{i:03d}", "en", "request", "train")
    for lang, text, target in FORGET_BROAD_OTHER8:
        add(text, "forget", target, f"f8b{lang}", lang, "request", "train")
    for i, (lang, tpl, targets) in enumerate(FORGET_OTHER8):
        for t in targets:
            add(tpl.format(t=t), "forget", t, f"f8{lang}{i:02d}", lang, "request", "train")
    for i, text in enumerate(HARD_NEG_EN8):
        add(text, "chat", None, f"h8{i:03d}", "en", "hard-negative", "train")
    for lang, texts in HARD_NEG_OTHER8.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h8{lang}{i:02d}", lang, "hard-negative", "train")


def _round6(add, split_of, rng, train_t, held_t) -> None:
    for i, tpl in enumerate(FORGET_EN6):
        split = split_of(i)
        pool = held_t if split == "heldout" else train_t
        for t in rng.sample(pool, 2):
            add(tpl.format(t=t.upper() if tpl.isupper() else t), "forget", t.upper() if tpl.isupper() else t,
                f"f6{i:03d}", "en", "request", split)
    for i, tpl in enumerate(FORGET_HISTORY6):
        split = split_of(i)
        facts = [f for j, f in enumerate(HISTORY_FACTS) if (j % HELDOUT_EVERY == 3) == (split == "heldout")]
        for fact in rng.sample(facts, 2):
            history = [{"role": "user", "content": fact}, {"role": "assistant", "content": "Okay."}]
            add(tpl, "forget", fact, f"fh6{i:03d}", "en", "history", split, history)
    for i, (lang, text) in enumerate(FORGET_HISTORY_OTHER6):
        fact = HISTORY_FACTS[(i * 3) % len(HISTORY_FACTS)]
        history = [{"role": "user", "content": fact}, {"role": "assistant", "content": "Okay."}]
        add(text, "forget", fact, f"fh6{lang}", lang, "history", split_of(i), history)
    for i, text in enumerate(HARD_NEG_EN6):
        add(text, "chat", None, f"h6{i:03d}", "en", "hard-negative", split_of(i))
    for lang, texts in HARD_NEG_OTHER6.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h6{lang}{i:02d}", lang, "hard-negative", split_of(i))


def _round3(add, split_of, rng, train_t, held_t) -> None:
    for i, tpl in enumerate(FORGET_EN3):
        split = split_of(i)
        pool = held_t if split == "heldout" else train_t
        for t in rng.sample(pool, 2):
            add(tpl.format(t=t), "forget", t, f"f3{i:03d}", "en", "request", split)
    for i, text in enumerate(HARD_NEG_EN3):
        add(text, "chat", None, f"h3{i:03d}", "en", "hard-negative", split_of(i))
    for lang, texts in HARD_NEG_OTHER5.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h5{lang}{i:02d}", lang, "hard-negative", split_of(i))


def _norm(text: str) -> str:
    return " ".join(text.casefold().strip(" .!?,;:\"'").split())


# Round 20: `python -m repair.watchdog.train` also trains on the spent sets (`dataset.TRAIN_SPENT_SETS`), so this
# guard no longer keeps anything apart from training; it stays so the generated rows (and examples.jsonl) are built
# exactly as before. The held-out split stays out of training (`dataset.training_rows`).
# the evaluation sets the leak guard reads: those written before round 13's training rows. A set written later (fresh13,
# the unseen test of round 13) is never opened while the training data is built, so it cannot shape it in any way.
SPENT_SETS = ("fresh", *(f"fresh{i}" for i in range(2, 13)))
# round 14's rows are also guarded against fresh13 (spent: measured once on round 13); the earlier rounds keep the
# guard they were built with, so their rows stay byte-identical. fresh14 (round 14's unseen test) is never opened.
SPENT_SETS_14 = (*SPENT_SETS, "fresh13")
# round 15's rows are also guarded against fresh14 (spent: measured once on rounds 13 and 14). fresh15 is never opened.
SPENT_SETS_15 = (*SPENT_SETS_14, "fresh14")
# round 16's rows are also guarded against fresh15 (spent: measured once on rounds 14 and 15). fresh16 is never opened.
SPENT_SETS_16 = (*SPENT_SETS_15, "fresh15")
# round 17's rows are also guarded against fresh16 (spent: measured once on rounds 14 and 16). fresh17 is never opened.
SPENT_SETS_17 = (*SPENT_SETS_16, "fresh16")
# round 18's rows are also guarded against fresh17 (spent: measured once on rounds 16 and 17). fresh18 is never opened.
SPENT_SETS_18 = (*SPENT_SETS_17, "fresh17")


def _evaluation_paths(sets: tuple[str, ...] = SPENT_SETS) -> list[Path]:
    return [OUT.parent / f"{name}.jsonl" for name in sets]


def evaluation_texts(sets: tuple[str, ...] = SPENT_SETS) -> set[str]:
    """Normalised sentences of every hand-written evaluation set (fresh*.jsonl): generated rows must not copy them."""
    texts = set()
    for path in _evaluation_paths(sets):
        with open(path, encoding="utf-8") as f:
            texts |= {_norm(json.loads(line)["text"]) for line in f if line.strip()}
    return texts


def _round10(add) -> None:
    """Round 10: systematic frame x slot rows (repair/watchdog/data/round10.py), training split only; its own
    random stream, so the rows before it are unchanged; exact copies of evaluation sentences are dropped."""
    from repair.watchdog.data import round10

    banned, seen = evaluation_texts(), set()
    for text, label, target, group, lang, kind, history in round10.rows(random.Random(SEED + 10)):
        key = (_norm(text), label)
        if _norm(text) in banned or key in seen:
            continue
        seen.add(key)
        add(text, label, target, group, lang, kind, "train", history)


def evaluation_frames(sets: tuple[str, ...] = SPENT_SETS) -> set[str]:
    """Normalised *frames* of the evaluation sets' forget sentences (the text with its gold target cut out): a
    generated request must not repeat an evaluation sentence's wording with another target either."""
    frames = set()
    for path in _evaluation_paths(sets):
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line) if line.strip() else None
                if r and r["target"] and r["target"] in r["text"]:
                    frames.add(_norm(r["text"].replace(r["target"], "{t}")))
    return frames


def _guarded_round(add, round_no: int) -> None:
    """Rounds 12 to 18: rows for the error categories of the previous fresh measurement
    (repair/watchdog/data/round<N>.py), training split only, own random stream (SEED + N); rows equal to an
    evaluation sentence or sharing the frame of an evaluation request are dropped."""
    module = importlib.import_module(f"repair.watchdog.data.round{round_no}")
    sets = {18: SPENT_SETS_18, 17: SPENT_SETS_17, 16: SPENT_SETS_16, 15: SPENT_SETS_15,
            14: SPENT_SETS_14}.get(round_no, SPENT_SETS)
    banned, frames, seen = evaluation_texts(sets), evaluation_frames(sets), set()
    for text, label, target, group, lang, kind, history in module.rows(random.Random(SEED + round_no)):
        key = (_norm(text), label)
        frame = _norm(text.replace(target, "{t}")) if target and target in text else None
        if _norm(text) in banned or key in seen or (frame and frame in frames):
            continue
        seen.add(key)
        add(text, label, target, group, lang, kind, "train", history)


SPLITTER_NOTE = "held out by template group and by target"


def _rows() -> list[dict]:
    rng = random.Random(SEED)
    rows: list[dict] = []
    held_targets = {t for i, t in enumerate(TARGETS) if i % HELDOUT_EVERY == HELDOUT_EVERY - 1}

    def add(text, label, target, group, lang, kind, split, history=()):
        rows.append({"text": text, "label": label, "target": target, "history": list(history), "lang": lang,
                     "group": group, "kind": kind, "split": split})

    def split_of(i):
        return "heldout" if i % HELDOUT_EVERY == HELDOUT_EVERY - 1 else "train"

    train_t = [t for t in TARGETS if t not in held_targets]
    held_t = sorted(held_targets, key=TARGETS.index)
    for i, tpl in enumerate(FORGET_EN):
        split = split_of(i)
        pool = held_t if split == "heldout" else train_t
        for t in rng.sample(pool, 3):
            add(tpl.format(t=t), "forget", t, f"fe{i:03d}", "en", "request", split)
    for i, tpl in enumerate(CHAT_WITH_TARGET_EN):
        split = split_of(i)
        pool = held_t if split == "heldout" else train_t
        for t in rng.sample(pool, 3):
            add(tpl.format(t=t), "chat", None, f"ce{i:03d}", "en", "chat-topic", split)
    for lang, tpls in FORGET_OTHER.items():
        targets = TARGETS_OTHER[lang]
        held = {t for j, t in enumerate(targets) if j % 3 == 2}
        for i, tpl in enumerate(tpls):
            split = split_of(i)
            pool = [t for t in targets if (t in held) == (split == "heldout")]
            for t in rng.sample(pool, min(2, len(pool))):
                add(tpl.format(t=t), "forget", t, f"f{lang}{i:02d}", lang, "request", split)
        for i, tpl in enumerate(CHAT_OTHER_WITH_TARGET[lang]):
            split = split_of(i + 1)
            pool = [t for t in targets if (t in held) == (split == "heldout")]
            for t in rng.sample(pool, min(2, len(pool))):
                add(tpl.format(t=t), "chat", None, f"c{lang}{i:02d}", lang, "chat-topic", split)
    for i, tpl in enumerate(FORGET_HISTORY_EN):
        split = split_of(i)
        facts = [f for j, f in enumerate(HISTORY_FACTS) if (j % HELDOUT_EVERY == 3) == (split == "heldout")]
        for fact in rng.sample(facts, 2):
            history = [{"role": "user", "content": fact}, {"role": "assistant", "content": "Thanks, noted."}]
            add(tpl, "forget", fact, f"fh{i:03d}", "en", "history", split, history)
    for i, text in enumerate(CHAT_HISTORY_NEG):
        split = split_of(i)
        fact = HISTORY_FACTS[i % len(HISTORY_FACTS)]
        history = [{"role": "user", "content": fact}, {"role": "assistant", "content": "Thanks, noted."}]
        add(text, "chat", None, f"ch{i:03d}", "en", "chat-history", split, history)
    for i, text in enumerate(HARD_NEG_EN):
        add(text, "chat", None, f"hn{i:03d}", "en", "hard-negative", split_of(i))
        if i % 5 == 0:  # a lower-case variant of some hard negatives
            add(text.lower(), "chat", None, f"hn{i:03d}", "en", "hard-negative", split_of(i))
    for lang, texts in HARD_NEG_OTHER.items():
        for i, text in enumerate(texts):
            add(text, "chat", None, f"h{lang}{i:02d}", lang, "hard-negative", split_of(i))
    for i, text in enumerate(CHAT_EN):
        add(text, "chat", None, f"cc{i:03d}", "en", "chat", split_of(i))
    _round3(add, split_of, rng, train_t, held_t)
    _round6(add, split_of, rng, train_t, held_t)
    _round8(add)
    _round10(add)
    _guarded_round(add, 12)
    _guarded_round(add, 13)
    _guarded_round(add, 14)
    _guarded_round(add, 15)
    _guarded_round(add, 16)
    _guarded_round(add, 17)
    _guarded_round(add, 18)
    for k, row in enumerate(rows):
        row["id"] = f"wd-{k:04d}"
    return rows


def main() -> None:
    rows = _rows()
    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({"id": row.pop("id"), **row}, ensure_ascii=False) + "\n")
    from collections import Counter

    c = Counter((r["split"], r["label"]) for r in rows)
    print(f"wrote {len(rows)} examples to {OUT}: {dict(c)}; langs {dict(Counter(r['lang'] for r in rows))}")


if __name__ == "__main__":
    main()
