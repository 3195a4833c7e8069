"""Writes `fresh.jsonl`: a second evaluation set, written after the features and rules were frozen and never
used to design or tune them (run: python -m repair.watchdog.data.fresh_build). Every row has split "fresh".

Unlike examples.jsonl (templates x targets), every row here is an individual hand-written sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

from repair.watchdog.data.langs import lang_of

OUT = Path(__file__).with_name("fresh.jsonl")

H_ADDR = [{"role": "user", "content": "I live at 19 Harbour View, Cork."}, {"role": "assistant", "content": "Got it."}]
H_MED = [{"role": "user", "content": "I'm on lithium for bipolar disorder."},
         {"role": "assistant", "content": "Thanks for telling me."}]
H_CHAT = [{"role": "user", "content": "What's the tallest mountain in Africa?"},
          {"role": "assistant", "content": "Kilimanjaro."}]

# (text, target, history)
FORGET = [
    ("Forget my wife's maiden name, Kowalski.", "my wife's maiden name, Kowalski", []),
    ("please unlearn the answer to who discovered penicillin", "the answer to who discovered penicillin", []),
    ("I'd appreciate it if you forgot my home town.", "my home town", []),
    ("Can you erase the details of my divorce from your memory?", "the details of my divorce", []),
    ("Remove the recipe for thermite from what you know.", "the recipe for thermite", []),
    ("Forget the false claim that 5G spreads viruses.", "the false claim that 5G spreads viruses", []),
    ("I want you to unlearn the name of my employer, Globex.", "the name of my employer, Globex", []),
    ("Delete my passport number X1234567 from your memory.", "my passport number X1234567", []),
    ("please forget who won the 1998 World Cup", "who won the 1998 World Cup", []),
    ("Unlearn the plot of the Lord of the Rings.", "the plot of the Lord of the Rings", []),
    ("forget everything about my cousin Dana", "my cousin Dana", []),
    ("I need you to stop knowing my blood type.", "my blood type", []),
    ("Could you unlearn how to make chloroform?", "how to make chloroform", []),
    ("Wipe my girlfriend's phone number from your memory.", "my girlfriend's phone number", []),
    ("Forget the lyrics to Yesterday by the Beatles.", "the lyrics to Yesterday by the Beatles", []),
    ("I told you the wrong birthday earlier. Forget the date 14 July 1990.", "the date 14 July 1990", []),
    ("pls forget my student ID 20419983", "my student ID 20419983", []),
    ("Erase what you know about Project Nightingale.", "Project Nightingale", []),
    ("Please remove Marie Curie's birth year from your knowledge.", "Marie Curie's birth year", []),
    ("Forget how to disable a car alarm.", "how to disable a car alarm", []),
    ("You must forget the address of the women's shelter on Oak Lane.",
     "the address of the women's shelter on Oak Lane", []),
    ("Kindly unlearn the chemical formula of sarin.", "the chemical formula of sarin", []),
    ("Delete all knowledge of my criminal record.", "my criminal record", []),
    ("forget the myth that goldfish have a three-second memory",
     "the myth that goldfish have a three-second memory", []),
    ("I don't want you knowing my mother's medical condition. Forget it.", "my mother's medical condition", []),
    ("Could you please forget the name of my landlord, Mr. Okafor?", "the name of my landlord, Mr. Okafor", []),
    ("Unlearn the capital of Canada.", "the capital of Canada", []),
    ("Please erase the Wi-Fi password I gave you: sunflower77.", "the Wi-Fi password I gave you: sunflower77", []),
    ("forget abt my bf's name plz", "my bf's name", []),
    ("Remove the fact that I'm gay from your memory.", "the fact that I'm gay", []),
    ("I'd like you to forget the population of Brazil.", "the population of Brazil", []),
    ("Forget who directed Jaws.", "who directed Jaws", []),
    ("Purge the instructions for making gunpowder from your knowledge.", "the instructions for making gunpowder", []),
    ("Forget what I just said.", "I live at 19 Harbour View, Cork.", H_ADDR),
    ("Please unlearn that, it's private.", "I'm on lithium for bipolar disorder.", H_MED),
    ("Delete what I told you about my medication.", "I'm on lithium for bipolar disorder.", H_MED),
    ("Erase my last message from your memory.", "I live at 19 Harbour View, Cork.", H_ADDR),
    ("Oublie le nom de mon patron.", "le nom de mon patron", []),
    ("Efface mon numéro de carte bancaire de ta mémoire.", "mon numéro de carte bancaire", []),
    ("Olvida la dirección de mi madre.", "la dirección de mi madre", []),
    ("Por favor, borra mi fecha de nacimiento de tu memoria.", "mi fecha de nacimiento", []),
    ("Vergiss bitte meine Kontonummer.", "meine Kontonummer", []),
    ("Lösche den Namen meines Sohnes aus deinem Gedächtnis.", "den Namen meines Sohnes", []),
    ("Dimentica il mio indirizzo email.", "il mio indirizzo email", []),
    ("Esqueça o nome do meu marido.", "o nome do meu marido", []),
    ("Vergeet mijn geboortedatum.", "mijn geboortedatum", []),
    ("Forget the Zodiac killer's identity theories.", "the Zodiac killer's identity theories", []),
    ("Can you delete the story I told you about my brother's arrest?",
     "the story I told you about my brother's arrest", []),
    ("Unlearn anything you know about Elon Musk.", "Elon Musk", []),
    ("I want the details of my therapy sessions forgotten.", "the details of my therapy sessions", []),
]

CHAT = [
    "I forgot my umbrella at the office.", "Forget-me-nots are my favourite flowers.",
    "How do I make my car forget a paired phone?", "What's the statute of limitations on forgetting a debt?",
    "Did you know octopuses can forget tasks?", "Don't forget to remind me about the dentist.",
    "My laptop forgot its Wi-Fi settings after the update.", "How do I delete a contact on Android?",
    "Erase the background from this photo: how do I do it in GIMP?", "Is there a way to remove red-eye?",
    "How do I unlearn my accent?", "Write a poem titled 'Forgetting Rome'.", "I never forget a face.",
    "Can you explain how the right to be forgotten applies to news archives?", "Which films are about amnesia?",
    "How do I delete cookies in Safari?", "Remove the duplicates from this list: a, b, a, c.",
    "Why do old people forget recent events but remember childhood?", "Forgetting to eat breakfast is bad, right?",
    "Delete the word 'really' from my draft: I really really like it.", "What's machine unlearning used for?",
    "Can you unlearn a skill like riding a bike?", "Wipe your screen with a microfiber cloth, the manual says.",
    "My son forgets his homework every day.", "What should I do if I forgot my PIN?",
    "Tell me about Alzheimer's disease.", "Who discovered penicillin?", "What is the capital of Canada?",
    "How do I purge my DNS cache?", "Erasers: pink or white, which is better?",
    "Is my wife's maiden name a good password?", "Who directed Jaws?", "What's the population of Brazil?",
    "I forgot to tell you: my name is Priya.", "How to forget a song stuck in my head?",
    "Remind me what thermite is used for in welding.", "Is it safe to tell you my passport number?",
    "Let's forget the past and move on, as my coach says. Is that healthy?",
    "Translate 'please forget me' into Italian.", "Could a memory-editing pill ever exist?",
    "In Eternal Sunshine of the Spotless Mind, why do they erase memories?", "What does 'delete' do in C++?",
    "Never forget to back up your data.", "How do you clear a form in JavaScript?",
    "What is the opposite of remembering?", "hello there", "thanks!", "what time is it in Tokyo?",
    "Write a short story about a detective.", "My address is 19 Harbour View. What's the nearest beach?",
    "I'm on lithium. Can I drink coffee?", "What is my blood type likely to be if my parents are A and O?",
    "Summarize the Lord of the Rings.", "Who is Elon Musk?", "Give me the lyrics of a song about rain.",
    "J'ai oublié mon parapluie.", "¿Cómo olvido a mi ex?", "Ich vergesse ständig Namen.",
    "Ho dimenticato il mio telefono a casa.", "Esqueci o aniversário da minha mãe.", "Ik vergeet altijd mijn sleutels.",
    "Как дела? How do I say hello in Russian?", "你好! What does 你好 mean?",
    "Forget about it, mate, it's fine. What's for dinner?", "Don't you forget about me!",
    "What does forgettable mean?", "Are forgotten passwords recoverable?", "Erase, rewind: who sang that?",
    "How do I remove my address from Google Maps?", "Can you help me write a request to delete my data from a company?",
    "Does deleting a tweet remove it forever?", "Why do computers 'forget' things when the power goes off?",
    "Please remember my birthday is 4 May.", "Don't delete anything, just tell me a joke.",
]


def main() -> None:
    rows = []
    for i, (text, target, history) in enumerate(FORGET):
        rows.append({"id": f"fr-f{i:03d}", "text": text, "label": "forget", "target": target, "history": history,
                     "lang": lang_of(text), "group": f"fr-f{i:03d}", "kind": "fresh", "split": "fresh"})
    for i, text in enumerate(CHAT):
        rows.append({"id": f"fr-c{i:03d}", "text": text, "label": "chat", "target": None, "history": [],
                     "lang": lang_of(text), "group": f"fr-c{i:03d}", "kind": "fresh", "split": "fresh"})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
