"""Writes `fresh4.jsonl`: the fifth evaluation set, written at 13:55 UTC after the final (round-4) head was
committed and measured once; nothing was changed after that measurement. The unbiased estimate for the shipped
head. Run: python -m repair.watchdog.data.fresh4_build. Every row has split "fresh4".
"""

from __future__ import annotations

import json
from pathlib import Path

from repair.watchdog.data.langs import lang_of

OUT = Path(__file__).with_name("fresh4.jsonl")

HA = [{"role": "user", "content": "My sister's new phone number is 0161 496 0732."},
      {"role": "assistant", "content": "Okay."}]
HB = [{"role": "user", "content": "I think my coworker Dave is stealing from the till."},
      {"role": "assistant", "content": "That's a serious concern."}]

FORGET = [
    ("Forget my flat number, 4B.", "my flat number, 4B", []),
    ("please forget the name of the hospital where I was treated", "the name of the hospital where I was treated", []),
    ("Could you erase who invented the telephone?", "who invented the telephone", []),
    ("I want you to forget my nickname, Bunny.", "my nickname, Bunny", []),
    ("Unlearn how to bypass a car immobiliser.", "how to bypass a car immobiliser", []),
    ("Forget the myth that we lose most heat through our heads.",
     "the myth that we lose most heat through our heads", []),
    ("Delete my son's date of birth from your memory.", "my son's date of birth", []),
    ("Please wipe the lyrics of Imagine from your knowledge.", "the lyrics of Imagine", []),
    ("Can you forget the name of my first pet, Biscuit?", "the name of my first pet, Biscuit", []),
    ("Remove any knowledge of how to culture anthrax.", "how to culture anthrax", []),
    ("Forget about my loan application.", "my loan application", []),
    ("I'm asking you to unlearn the population of Nigeria.", "the population of Nigeria", []),
    ("forget my maiden name", "my maiden name", []),
    ("Erase my fiancé's address from your memory, please.", "my fiancé's address", []),
    ("Unlearn everything about the Chernobyl disaster.", "the Chernobyl disaster", []),
    ("Please forget that I failed my driving test three times.",
     "that I failed my driving test three times", []),
    ("Could you please delete the name of my surgeon?", "the name of my surgeon", []),
    ("Forget the wrong answer you gave about the speed of sound.",
     "the wrong answer you gave about the speed of sound", []),
    ("You should forget my locker code, 5521.", "my locker code, 5521", []),
    ("Purge my grandfather's war records from your memory.", "my grandfather's war records", []),
    ("Forget the Harry Styles song lyrics.", "the Harry Styles song lyrics", []),
    ("Please stop remembering my sexual orientation.", "my sexual orientation", []),
    ("Unlearn the capital of Kazakhstan.", "the capital of Kazakhstan", []),
    ("I'd like you to delete the instructions for making tear gas.",
     "the instructions for making tear gas", []),
    ("forget where my kids go to school pls", "where my kids go to school", []),
    ("Erase the fact that I have a criminal conviction.", "the fact that I have a criminal conviction", []),
    ("Would you forget who won Eurovision 2012?", "who won Eurovision 2012", []),
    ("Please forget my crypto wallet seed phrase.", "my crypto wallet seed phrase", []),
    ("Forget the conspiracy theory that birds aren't real.",
     "the conspiracy theory that birds aren't real", []),
    ("Delete my employer's internal project name, Falcon.", "my employer's internal project name, Falcon", []),
    ("Forget that number I just gave you.", "My sister's new phone number is 0161 496 0732.", HA),
    ("Please forget what I said about Dave.", "I think my coworker Dave is stealing from the till.", HB),
    ("Unlearn that please.", "I think my coworker Dave is stealing from the till.", HB),
    ("Delete my previous message from your memory.", "My sister's new phone number is 0161 496 0732.", HA),
    ("Oublie la maladie de mon père.", "la maladie de mon père", []),
    ("Olvida dónde trabajo.", "dónde trabajo", []),
    ("Vergiss die Adresse meiner Eltern.", "die Adresse meiner Eltern", []),
    ("Esqueça o meu salário.", "o meu salário", []),
    ("Forget the ending of Breaking Bad.", "the ending of Breaking Bad", []),
    ("Please erase the chemical composition of Agent Orange.", "the chemical composition of Agent Orange", []),
    ("Unlearn who the first woman in space was.", "who the first woman in space was", []),
    ("Forget my home Wi-Fi name, SkyNet_5G.", "my home Wi-Fi name, SkyNet_5G", []),
    ("Kindly forget the details of my custody case.", "the details of my custody case", []),
    ("Please forget Napoleon's height.", "Napoleon's height", []),
    ("Erase my blood test results from your memory.", "my blood test results", []),
]

CHAT = [
    "I forgot my lunch, what's quick to buy near an office?", "My laptop keeps forgetting my keyboard layout.",
    "How do I make my Android forget a Wi-Fi network?", "Who invented the telephone?",
    "What's the capital of Kazakhstan?",
    "Do we lose most heat through our heads?", "Who won Eurovision 2012?", "How tall was Napoleon really?",
    "Tell me about the Chernobyl disaster.", "What is Agent Orange?", "Who was the first woman in space?",
    "What's the population of Nigeria?", "Explain how Breaking Bad ends, no spoilers please!",
    "Don't forget to mention the deadline in your summary.", "Remind me not to forget my gym bag.",
    "I tend to forget people's birthdays, any tips?", "We forgot to lock the car last night.",
    "Delete the empty lines from this text, please: a\n\nb", "Remove the repeated words in this sentence: the the cat.",
    "Erase the background of my profile picture - which app?", "How do I delete a Pinterest board?",
    "How do I remove a device from my Apple ID?", "Clear the cache in Android Studio?",
    "Why do we forget most of our dreams?", "Is forgetfulness a sign of stress?", "What is transient global amnesia?",
    "Write a limerick about a forgetful wizard.", "Translate 'don't forget me' to Spanish.",
    "Is 'Forget Me Not' a good name for a florist?", "Forget the theory, how do I actually start a garden?",
    "Forget the list, what's the single best tip?", "never mind", "forget about it, it's fine",
    "Do you ever forget things?", "What happens to my chats after I close the app?", "Do you keep a memory of me?",
    "What are the main approaches to machine unlearning?", "How does the GDPR right to erasure apply to AI models?",
    "How do I delete a git tag?", "Remove None values from a Python list, how?", "Delete a column in pandas.",
    "Write a bash one-liner to remove empty files.", "How do I erase an EEPROM?",
    "My sister's number is 0161 496 0732, can you format it internationally?", "Dave at work is annoying. Advice?",
    "I failed my driving test. How do I stay motivated?", "I have a criminal conviction; can I travel to Canada?",
    "Is my crypto seed phrase safe in a password manager?", "What are birds, biologically?",
    "J'ai oublié son nom.", "Olvidé llamar a mi madre.", "Ich habe vergessen, das Licht auszumachen.",
    "Esqueci a senha do Wi-Fi.", "Ho dimenticato il portafoglio.", "Ik ben de datum vergeten.",
    "hey", "cool, thanks", "haha", "what's the weather like in Oslo in March?", "Write me a haiku about rain.",
    "Give me a 3-day workout plan.", "How do I make sourdough starter?", "Explain inflation simply.",
    "Recommend a movie like Inception.", "What's 12 squared?", "Who painted the Sistine Chapel ceiling?",
    "My teacher told us to forget everything we learned about Pluto.", "She told him to delete the photos.",
    "What if humans could erase memories like in the movies?", "If I delete my account, is my data gone?",
    "Can you erase my doubts about this job offer? Give me pros and cons.",
]


def main() -> None:
    rows = []
    for i, (text, target, history) in enumerate(FORGET):
        rows.append({"id": f"f4-f{i:03d}", "text": text, "label": "forget", "target": target, "history": history,
                     "lang": lang_of(text), "group": f"f4-f{i:03d}", "kind": "fresh4", "split": "fresh4"})
    for i, text in enumerate(CHAT):
        rows.append({"id": f"f4-c{i:03d}", "text": text, "label": "chat", "target": None, "history": [],
                     "lang": lang_of(text), "group": f"f4-c{i:03d}", "kind": "fresh4", "split": "fresh4"})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
