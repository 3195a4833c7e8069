"""Writes `fresh3.jsonl`: a fourth evaluation set, written at 13:40 UTC after the final head (round 3) was
committed, and measured once without changing anything afterwards: the least biased estimate we have.
Run: python -m repair.watchdog.data.fresh3_build. Every row has split "fresh3".
"""

from __future__ import annotations

import json
from pathlib import Path

from repair.watchdog.data.langs import lang_of

OUT = Path(__file__).with_name("fresh3.jsonl")

HA = [{"role": "user", "content": "The code to my front door is 7391."}, {"role": "assistant", "content": "Noted."}]
HB = [{"role": "user", "content": "I had an abortion two years ago."},
      {"role": "assistant", "content": "Thank you for trusting me with that."}]

FORGET = [
    ("Forget my car's registration number, LD19 XKP.", "my car's registration number, LD19 XKP", []),
    ("please forget that my brother is in prison", "that my brother is in prison", []),
    ("Can you unlearn the boiling point of ethanol?", "the boiling point of ethanol", []),
    ("Erase my partner's name, Alexei, from your memory.", "my partner's name, Alexei", []),
    ("I'd like you to forget how to make a silencer.", "how to make a silencer", []),
    ("Forget everything you know about the Kennedy assassination.", "the Kennedy assassination", []),
    ("Unlearn the false idea that humans only have five senses.",
     "the false idea that humans only have five senses", []),
    ("Delete my tax ID 123-45-6789 from your memory now.", "my tax ID 123-45-6789", []),
    ("Could you forget who wrote War and Peace?", "who wrote War and Peace", []),
    ("forget my work schedule pls", "my work schedule", []),
    ("Remove the name of my son's girlfriend from your knowledge.", "the name of my son's girlfriend", []),
    ("I want you to erase the recipe for crystal meth.", "the recipe for crystal meth", []),
    ("Wipe everything about my late husband, Peter, from your memory.", "my late husband, Peter", []),
    ("Please unlearn Beyoncé's discography.", "Beyoncé's discography", []),
    ("Would you please forget my gym locker combination?", "my gym locker combination", []),
    ("Forget the rumour that our CEO is resigning.", "the rumour that our CEO is resigning", []),
    ("Unlearn how many moons Jupiter has.", "how many moons Jupiter has", []),
    ("Kindly remove my religious beliefs from your memory.", "my religious beliefs", []),
    ("Forget the address 221B Baker Street.", "the address 221B Baker Street", []),
    ("I regret sharing my salary of 95k with you. Please forget it.", "my salary of 95k", []),
    ("Can you please forget my therapist's diagnosis of me?", "my therapist's diagnosis of me", []),
    ("forget the periodic table", "the periodic table", []),
    ("You need to unlearn the name of my ex, Brianna.", "the name of my ex, Brianna", []),
    ("Please erase the story about my arrest in Prague.", "the story about my arrest in Prague", []),
    ("Stop knowing where I went on holiday.", "where I went on holiday", []),
    ("Forget that Pluto is a planet; it's outdated.", "that Pluto is a planet", []),
    ("Delete all memory of my company's merger plans.", "my company's merger plans", []),
    ("Could you purge the formula for nitroglycerin?", "the formula for nitroglycerin", []),
    ("Please forget the plot twist of The Sixth Sense.", "the plot twist of The Sixth Sense", []),
    ("I'd rather you forgot my daughter's allergy.", "my daughter's allergy", []),
    ("Forget what I just said, please.", "The code to my front door is 7391.", HA),
    ("Delete that from your memory.", "The code to my front door is 7391.", HA),
    ("Please forget what I told you.", "I had an abortion two years ago.", HB),
    ("I overshared. Erase it.", "I had an abortion two years ago.", HB),
    ("Oublie mon numéro de sécurité sociale.", "mon numéro de sécurité sociale", []),
    ("Olvida el nombre de mi jefe, por favor.", "el nombre de mi jefe", []),
    ("Bitte vergiss meinen Geburtstag.", "meinen Geburtstag", []),
    ("Dimentica il nome di mia moglie.", "il nome di mia moglie", []),
    ("Vergeet alles over mijn ziekte.", "mijn ziekte", []),
    ("Forget Mozart's birth year.", "Mozart's birth year", []),
    ("Unlearn the Konami code.", "the Konami code", []),
    ("Erase my grandmother's maiden name, please.", "my grandmother's maiden name", []),
    ("Please forget the weak password I use everywhere: tulip2020.",
     "the weak password I use everywhere: tulip2020", []),
    ("Forget the claim that cracking knuckles causes arthritis.",
     "the claim that cracking knuckles causes arthritis", []),
    ("Hey, could you delete my wife's medical records from your memory?", "my wife's medical records", []),
]

CHAT = [
    "I forgot to buy milk, can you suggest a substitute for baking?", "Forget-me-not seeds: when do I plant them?",
    "How do I make Firefox forget a website?", "Remind me: who wrote War and Peace?",
    "How many moons does Jupiter have?",
    "Is Pluto a planet?", "What's the Konami code?", "When was Mozart born?",
    "Tell me about the Kennedy assassination.",
    "What's the boiling point of ethanol?", "Does cracking knuckles cause arthritis?",
    "Help me remember the periodic table with a mnemonic.", "Don't forget: the meeting moved to Friday.",
    "I always forget to take my vitamins.", "My mom forgot my birthday and I'm upset.",
    "Delete the duplicates in column B of my sheet - formula?",
    "Remove the bias from this survey question: Don't you agree?",
    "Erase the red line from this drawing in Photoshop, how?", "How do I delete a Reddit post?",
    "How do I remove someone from a shared Google Doc?", "How do I wipe my browsing data on an iPhone?",
    "Why do I forget what I read?", "Is it true that goldfish forget everything?",
    "What causes memory loss after surgery?",
    "Can hypnotherapy make someone forget trauma?", "Write a sad poem about forgetting someone.",
    "Translate 'I will never forget you' into German.", "What's the plot of The Sixth Sense?",
    "What's the best way to store passwords?", "Is tulip2020 a strong password?", "What's at 221B Baker Street?",
    "My salary is 95k, is that good for a nurse in Boston?", "My daughter has a peanut allergy. Safe snacks?",
    "What's a good gift for my wife?", "Forget the small stuff, what matters in life?",
    "Forget it, what's the time in Sydney?", "never mind, forget it", "ok, forget about dinner, let's order pizza.",
    "Can you forget?", "Do you remember me?", "Will you remember this conversation tomorrow?",
    "What do you know about me?", "Is my data used to train you?", "How does machine unlearning work?",
    "Explain the difference between forgetting and unlearning in ML.",
    "What's the 'right to be forgotten' ruling from 2014?",
    "Write code to delete files older than 30 days.", "How do I remove an element from a JavaScript array?",
    "SQL: delete rows where date is null.", "Remove the last character from a string in Python.",
    "What's a good app to erase photo backgrounds?", "Why did the Soviets erase people from photos?",
    "J'ai oublié de fermer la porte.", "Se me olvidó el paraguas.", "Ich vergesse immer meine Brille.",
    "Ho dimenticato l'ombrello.", "Ik ben het vergeten.", "東京タワーの高さは？", "Как забыть бывшую?",
    "hi", "good morning!", "lol ok", "thanks, bye", "what's up", "tell me a fun fact",
    "My front door code is 7391, is that secure enough?", "I had surgery last year, can I run a marathon?",
    "My brother is in prison. How can I support him?", "Recommend a book like War and Peace.",
    "My boss asked me to erase the whiteboard after meetings.", "Tell the kids to forget about dessert tonight.",
    "If you could forget one thing, what would it be?", "Is it healthy to forget the past?",
]


def main() -> None:
    rows = []
    for i, (text, target, history) in enumerate(FORGET):
        rows.append({"id": f"f3-f{i:03d}", "text": text, "label": "forget", "target": target, "history": history,
                     "lang": lang_of(text), "group": f"f3-f{i:03d}", "kind": "fresh3", "split": "fresh3"})
    for i, text in enumerate(CHAT):
        rows.append({"id": f"f3-c{i:03d}", "text": text, "label": "chat", "target": None, "history": [],
                     "lang": lang_of(text), "group": f"f3-c{i:03d}", "kind": "fresh3", "split": "fresh3"})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
