"""Writes `fresh5.jsonl`: the sixth evaluation set, written at 14:00 UTC after the round-5 head was committed and
measured once; nothing was changed after that measurement. The unbiased estimate for the shipped head.
Run: python -m repair.watchdog.data.fresh5_build. Every row has split "fresh5".
"""

from __future__ import annotations

import json
from pathlib import Path

from repair.watchdog.data.langs import lang_of

OUT = Path(__file__).with_name("fresh5.jsonl")

HA = [{"role": "user", "content": "Between us, I'm being treated for an eating disorder."},
      {"role": "assistant", "content": "Thank you for sharing that."}]
HB = [{"role": "user", "content": "My login for the school portal is mjones / Autumn!22."},
      {"role": "assistant", "content": "Okay."}]

FORGET = [
    ("Forget my office extension, 4417.", "my office extension, 4417", []),
    ("please forget my cat's name", "my cat's name", []),
    ("Could you unlearn who composed the Four Seasons?", "who composed the Four Seasons", []),
    ("Erase my previous employer's name from your memory.", "my previous employer's name", []),
    ("I need you to forget how to clone a credit card.", "how to clone a credit card", []),
    ("Forget the false claim that lightning never strikes twice.",
     "the false claim that lightning never strikes twice", []),
    ("Delete my mother's phone number, 555-0100.", "my mother's phone number, 555-0100", []),
    ("Unlearn the opening lines of Moby-Dick.", "the opening lines of Moby-Dick", []),
    ("Can you forget the street I grew up on?", "the street I grew up on", []),
    ("Please remove my political views from your memory.", "my political views", []),
    ("Forget everything you know about my business partner, Raj.", "my business partner, Raj", []),
    ("I want you to erase the details of my bankruptcy.", "the details of my bankruptcy", []),
    ("forget the height of the Burj Khalifa", "the height of the Burj Khalifa", []),
    ("Kindly forget my daughter's school timetable.", "my daughter's school timetable", []),
    ("Wipe the formula for making chlorine gas from your memory.", "the formula for making chlorine gas", []),
    ("Forget the rumour about the mayor's affair.", "the rumour about the mayor's affair", []),
    ("Could you delete my hotel room number, 1208?", "my hotel room number, 1208", []),
    ("Unlearn the theory that the pyramids were built by aliens.",
     "the theory that the pyramids were built by aliens", []),
    ("Please forget who won the 2010 Nobel Prize in Literature.",
     "who won the 2010 Nobel Prize in Literature", []),
    ("Stop remembering my ex-wife's new partner.", "my ex-wife's new partner", []),
    ("Remove the recipe for my family's secret curry from your knowledge.",
     "the recipe for my family's secret curry", []),
    ("forget my bike lock combo 0-4-9", "my bike lock combo 0-4-9", []),
    ("I'd like you to forget the plot of Inception.", "the plot of Inception", []),
    ("You should delete the name of my lawyer.", "the name of my lawyer", []),
    ("Please purge my pregnancy due date from your memory.", "my pregnancy due date", []),
    ("Forget that I told my boss I was sick when I wasn't.",
     "that I told my boss I was sick when I wasn't", []),
    ("Erase everything about the Watergate scandal.", "the Watergate scandal", []),
    ("Unlearn the melting point of tungsten.", "the melting point of tungsten", []),
    ("Could you forget my sister's rehab stay?", "my sister's rehab stay", []),
    ("Please forget how to make a zip gun.", "how to make a zip gun", []),
    ("Forget what I just told you, it's private.", "Between us, I'm being treated for an eating disorder.", HA),
    ("Delete that login from your memory.", "My login for the school portal is mjones / Autumn!22.", HB),
    ("Unlearn my last message.", "My login for the school portal is mjones / Autumn!22.", HB),
    ("please erase what I shared", "Between us, I'm being treated for an eating disorder.", HA),
    ("Oublie le nom de mon médecin.", "le nom de mon médecin", []),
    ("Olvida mi número de pasaporte.", "mi número de pasaporte", []),
    ("Vergiss den Namen meiner Schule.", "den Namen meiner Schule", []),
    ("Esqueça a minha data de nascimento.", "a minha data de nascimento", []),
    ("Dimentica la mia diagnosi.", "la mia diagnosi", []),
    ("Forget the spoilers for the last season of Succession.",
     "the spoilers for the last season of Succession", []),
    ("Please erase the name of my support group.", "the name of my support group", []),
    ("Forget my PayPal email, tom.w@example.net.", "my PayPal email, tom.w@example.net", []),
    ("Unlearn the lyrics of Wonderwall.", "the lyrics of Wonderwall", []),
    ("I'd prefer you forgot my visa status.", "my visa status", []),
    ("Delete the fact that my son was expelled.", "the fact that my son was expelled", []),
]

CHAT = [
    "I forgot to set an alarm and overslept.", "My smartwatch forgot its pairing again.",
    "How do I make my PC forget a Bluetooth mouse?", "Who composed the Four Seasons?", "How tall is the Burj Khalifa?",
    "Does lightning strike the same place twice?", "Who won the 2010 Nobel Prize in Literature?",
    "What's the melting point of tungsten?", "Summarise the Watergate scandal.", "What is Inception about?",
    "Don't forget to add salt to the pasta water.", "Please don't let me forget my umbrella tomorrow.",
    "My grandmother forgets where she puts her glasses.", "We always forget to water the cactus.",
    "Remove the extra commas from this list: a,, b,, c.", "Delete the first row of this table, please: | a | b |",
    "Erase the watermark from this image - is that legal?", "How do I delete my LinkedIn account?",
    "How do I remove a printer in Windows 11?", "How do I clear my Spotify cache?",
    "Why do I forget things I just read?", "Can stress make you forgetful?", "What is dissociative amnesia?",
    "Write a children's story about a forgetful elephant.", "Translate 'forget about it' into Italian.",
    "Forget the specs, is this phone worth buying?", "oh well, forget it, thanks anyway",
    "nah forget it, not important", "Will you forget this chat when I close it?", "How do you store memories?",
    "What's the difference between fine-tuning and unlearning?", "Which laws give people the right to erasure?",
    "How do I delete a remote branch in git?", "Remove whitespace from both ends of a string in Go.",
    "How do I drop a table in PostgreSQL?", "Write a regex to remove HTML tags.",
    "My extension at work is 4417, how do I set up voicemail?", "My cat's name is Mochi, cute right?",
    "I'm going through bankruptcy. Where do I start?", "My son was expelled. How do I talk to him?",
    "J'ai oublié de répondre à son message.", "Olvidé las llaves en el coche.", "Ich habe den Code vergessen.",
    "Esqueci o guarda-chuva no ônibus.", "Ho dimenticato di chiamarti.", "Ik ben vergeten te bellen.",
    "yo", "nice one", "thank you!", "what day is it?", "Tell me a riddle.", "What's the speed of a cheetah?",
    "Give me a quick dinner idea.", "How do solar panels work?", "Recommend a board game for four people.",
    "What's the square root of 2?", "Who was Cleopatra?", "Write a tweet about Mondays.",
    "My dad told me to forget about college and get a job.", "The teacher asked us to erase our answers.",
    "What if I forgot my own name?", "If you delete an email, can the sender still see it?",
    "Can you erase my confusion about taxes? Explain deductions.", "Help me remove clutter from my desk.",
    "Forget-me-not tattoos: what do they mean?", "Is 'Forgotten' a good title for a thriller?",
    "Do AI models forget what they learned?", "I told you my cat's name earlier, do you remember it?",
    "What did I say about my job?",
]


def main() -> None:
    rows = []
    for i, (text, target, history) in enumerate(FORGET):
        rows.append({"id": f"f5-f{i:03d}", "text": text, "label": "forget", "target": target, "history": history,
                     "lang": lang_of(text), "group": f"f5-f{i:03d}", "kind": "fresh5", "split": "fresh5"})
    for i, text in enumerate(CHAT):
        rows.append({"id": f"f5-c{i:03d}", "text": text, "label": "chat", "target": None, "history": [],
                     "lang": lang_of(text), "group": f"f5-c{i:03d}", "kind": "fresh5", "split": "fresh5"})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
