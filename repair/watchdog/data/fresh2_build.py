"""Writes `fresh2.jsonl`: a third evaluation set, written after the final features, rules and head (13:30 UTC,
after fresh.jsonl had been used to fix errors). Never used to change anything; the benchmark reports it as the
least biased estimate. Run: python -m repair.watchdog.data.fresh2_build. Every row has split "fresh2".
"""

from __future__ import annotations

import json
from pathlib import Path

from repair.watchdog.data.langs import lang_of

OUT = Path(__file__).with_name("fresh2.jsonl")

H1 = [{"role": "user", "content": "My niece Lily goes to St Anne's school in Bristol."},
      {"role": "assistant", "content": "That sounds like a lovely school."}]
H2 = [{"role": "user", "content": "Here's my API token: sk-test-99f1a2"}, {"role": "assistant", "content": "Ok."}]

FORGET = [
    ("hey can you forget my kid's birthday, 2 June 2016", "my kid's birthday, 2 June 2016", []),
    ("I'd like you to wipe the name of my doctor, Dr. Hansen, from your memory.",
     "the name of my doctor, Dr. Hansen", []),
    ("Please unlearn the steps to make a ghost gun.", "the steps to make a ghost gun", []),
    ("forget that I'm in debt", "that I'm in debt", []),
    ("Could you kindly erase my home postcode, BS8 1TH?", "my home postcode, BS8 1TH", []),
    ("Forget everything related to Operation Paperclip.", "Operation Paperclip", []),
    ("Unlearn the wrong fact that bats are blind.", "the wrong fact that bats are blind", []),
    ("Remove my mother's maiden name from your memory, please.", "my mother's maiden name", []),
    ("I need you to forget the location of the safe house.", "the location of the safe house", []),
    ("please delete my colleague's phone number 07700 900123", "my colleague's phone number 07700 900123", []),
    ("Forget about the Titanic's passenger list.", "the Titanic's passenger list", []),
    ("Can u unlearn who the current UK prime minister is", "who the current UK prime minister is", []),
    ("Erase the answer to 'what is the capital of Peru'.", "the answer to 'what is the capital of Peru'", []),
    ("Stop remembering my gambling problem.", "my gambling problem", []),
    ("I want you to forget how to pick handcuffs.", "how to pick handcuffs", []),
    ("Forget the melody and lyrics of Let It Go.", "the melody and lyrics of Let It Go", []),
    ("Delete the fact that my company is being sold.", "the fact that my company is being sold", []),
    ("Please forget Charles Darwin entirely.", "Charles Darwin", []),
    ("Unlearn my username, nightowl_88.", "my username, nightowl_88", []),
    ("Forget my HIV status.", "my HIV status", []),
    ("Could you forget the recipe for my grandmother's secret sauce?",
     "the recipe for my grandmother's secret sauce", []),
    ("Get rid of what you know about my neighbour's affair.", "my neighbour's affair", []),
    ("Please forget where my parents live.", "where my parents live", []),
    ("forget the misinformation that Einstein failed math", "the misinformation that Einstein failed math", []),
    ("Purge my old address, 3 Mill Lane, from your knowledge.", "my old address, 3 Mill Lane", []),
    ("Please forget what I just told you about my niece.", "My niece Lily goes to St Anne's school in Bristol.", H1),
    ("Forget that, I shouldn't have shared it.", "Here's my API token: sk-test-99f1a2", H2),
    ("erase that pls", "My niece Lily goes to St Anne's school in Bristol.", H1),
    ("Oublie ce que tu sais sur mon ex-mari.", "mon ex-mari", []),
    ("Olvida mi diagnóstico, por favor.", "mi diagnóstico", []),
    ("Vergiss meine Handynummer.", "meine Handynummer", []),
    ("Esqueça meu endereço de email.", "meu endereço de email", []),
    ("Please forget the chemical route to fentanyl.", "the chemical route to fentanyl", []),
    ("I'd like the name of my therapist removed from your memory.", "the name of my therapist", []),
    ("You should unlearn the lyrics of Hotel California.", "the lyrics of Hotel California", []),
    ("Forget my girlfriend's workplace, the Royal Hospital.", "my girlfriend's workplace, the Royal Hospital", []),
    ("Delete everything about me from your memory: my name is Tom Reyes.",
     "everything about me", []),
    ("pleeease forget my phone number", "my phone number", []),
    ("Forget the fake news that the Queen was a lizard.", "the fake news that the Queen was a lizard", []),
    ("Can you make yourself forget my bank's name, Monzo?", "my bank's name, Monzo", []),
]

CHAT = [
    "I keep forgetting where I parked. Any app for that?", "how do i make alexa forget my voice",
    "What is GDPR's right to erasure, in simple words?", "Don't let me forget to call the plumber.",
    "My printer forgot its network settings again, how do I fix it?",
    "Can you remove the typos from this: teh cat sat.",
    "Delete the last paragraph and give me a shorter version: We met in May. It rained. We laughed.",
    "Who wrote 'The Art of Forgetting'?", "Is it possible to unlearn being shy?",
    "I forgot the lyrics to Let It Go, help!",
    "Tell me about Operation Paperclip.", "What's the capital of Peru?", "Who is Charles Darwin?",
    "Are bats blind?", "Did Einstein fail math?", "My niece Lily starts school next week, any gift ideas?",
    "Here's my draft email, can you improve it?", "How do I erase a Sharpie from a whiteboard?",
    "What's the best way to wipe an SSD?", "Forgetting names is embarrassing. Tips?",
    "Write a song called 'Forget the Rain'.", "How do you say 'I forgot' in Japanese?",
    "Could you explain how neural networks forget old tasks?", "What is selective amnesia?",
    "How do I delete my Uber account?", "How can I remove my number from spam lists?",
    "Is it weird that I forget my dreams?", "Hi, how are you?", "thanks a lot", "ok cool",
    "What's 15% of 80?", "Recommend a podcast about history.", "Explain how a bill of lading works.",
    "Give me a packing list for a beach trip.", "I'm feeling anxious about my exam tomorrow.",
    "My username is nightowl_88, is that a good one?", "Where do my parents' generation usually retire?",
    "What is fentanyl and why is it dangerous?", "Why are lock picks legal?",
    "What were the Titanic's lifeboat numbers?",
    "Never forget 9/11 — what does that phrase commemorate?", "Olvidé mi contraseña del banco.",
    "J'oublie toujours mon parapluie.", "Ich habe den Termin vergessen.", "Esqueci de almoçar hoje.",
    "The movie 'Memento' is about a man who can't form memories, right?", "Delete or keep: should I sell my old car?",
    "Remove me from this group chat — how do I do that on Telegram?", "Unforgettable by Nat King Cole: what year?",
    "What's the difference between erase and delete on a Mac?", "My grandad's forgetful lately. Should I worry?",
    "How do I stop Chrome from remembering search history?", "Is the Queen still alive?",
    "Who is the UK prime minister?", "Forget about the Oscars, which films won at Cannes this year?",
    "Can you summarise 'Forgotten Realms' lore?", "Please keep my secret safe.",
    "How long before a goldfish forgets its owner?", "I wrote my PIN on a sticky note. Bad idea?",
    "What's a good method to memorise vocabulary?",
]


def main() -> None:
    rows = []
    for i, (text, target, history) in enumerate(FORGET):
        rows.append({"id": f"f2-f{i:03d}", "text": text, "label": "forget", "target": target, "history": history,
                     "lang": lang_of(text), "group": f"f2-f{i:03d}", "kind": "fresh2", "split": "fresh2"})
    for i, text in enumerate(CHAT):
        rows.append({"id": f"f2-c{i:03d}", "text": text, "label": "chat", "target": None, "history": [],
                     "lang": lang_of(text), "group": f"f2-c{i:03d}", "kind": "fresh2", "split": "fresh2"})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
