"""Writes `fresh7.jsonl`: the eighth evaluation set, written at 14:33 UTC by the second developer AFTER the round-6
head was frozen (commit a039975); the round-6 head is measured once on it and nothing is changed afterwards.
Run: python -m repair.watchdog.data.fresh7_build. Every row has split "fresh7" and its real language tag.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("fresh7.jsonl")

HA = [
    {"role": "user", "content": "I owe my cousin Bram 3,000 euros and haven't told my wife."},
    {"role": "assistant", "content": "That must be stressful."},
]
HB = [{"role": "user", "content": "Mon code de carte bleue est 5920."}, {"role": "assistant", "content": "D'accord."}]
HC = [
    {"role": "user", "content": "My student ID is S-4471902 and my tutor is Ms Okafor."},
    {"role": "assistant", "content": "Got it."},
]

# (text, gold target, history, lang)
FORGET = [
    ("Forget my locker number at the pool, 88.", "my locker number at the pool, 88", [], "en"),
    ("please unlearn the atomic number of gold", "the atomic number of gold", [], "en"),
    ("Could you erase my partner's nickname from memory?", "my partner's nickname", [], "en"),
    ("I need you to forget how to make a silencer.", "how to make a silencer", [], "en"),
    ("Forget the claim that we only use 10% of our brains.", "the claim that we only use 10% of our brains", [], "en"),
    ("Delete my nephew's birthday, 9 June.", "my nephew's birthday, 9 June", [], "en"),
    ("Unlearn the chorus of Hotel California.", "the chorus of Hotel California", [], "en"),
    ("Can you forget which hospital I was born in?", "which hospital I was born in", [], "en"),
    ("Remove my sexual orientation from your knowledge, please.", "my sexual orientation", [], "en"),
    ("Forget everything you know about my aunt Greta.", "my aunt Greta", [], "en"),
    ("I want you to wipe the name of my rehab clinic.", "the name of my rehab clinic", [], "en"),
    ("forget who discovered penicillin", "who discovered penicillin", [], "en"),
    ("Kindly erase my car's VIN, WVWZZZ1JZXW000001.", "my car's VIN, WVWZZZ1JZXW000001", [], "en"),
    ("Purge the recipe for nitroglycerin from your memory.", "the recipe for nitroglycerin", [], "en"),
    ("Please stop remembering my late husband's name.", "my late husband's name", [], "en"),
    ("Could u forget my Discord handle", "my Discord handle", [], "en"),
    ("I'd like you to unlearn the twist in Fight Club.", "the twist in Fight Club", [], "en"),
    ("Delete the false story that Einstein failed maths.", "the false story that Einstein failed maths", [], "en"),
    ("Forget that I cheated on my exam in 2018.", "that I cheated on my exam in 2018", [], "en"),
    ("Erase all knowledge of the Zodiac killer's letters.", "the Zodiac killer's letters", [], "en"),
    ("Would you please forget my blood type?", "my blood type", [], "en"),
    ("You should unlearn the distance from Earth to Mars.", "the distance from Earth to Mars", [], "en"),
    ("Scrub my employee number, E-20931, from your weights.", "my employee number, E-20931", [], "en"),
    ("forget my therapist's office hours pls", "my therapist's office hours", [], "en"),
    ("I don't want you to know my maiden name anymore.", "my maiden name", [], "en"),
    ("Drop the name of my ex-boss from your memory.", "the name of my ex-boss", [], "en"),
    ("Remove how to bypass a car immobiliser from what you know.", "how to bypass a car immobiliser", [], "en"),
    ("Please forget the plot of Breaking Bad.", "the plot of Breaking Bad", [], "en"),
    ("Get rid of my old phone number, 555-0163.", "my old phone number, 555-0163", [], "en"),
    (
        "Forget what I just said about my cousin.",
        "I owe my cousin Bram 3,000 euros and haven't told my wife.",
        HA,
        "en",
    ),
    ("Delete that from your memory, please.", "I owe my cousin Bram 3,000 euros and haven't told my wife.", HA, "en"),
    ("Please erase those details.", "My student ID is S-4471902 and my tutor is Ms Okafor.", HC, "en"),
    ("Oublie le code que je t'ai donné tout à l'heure.", "Mon code de carte bleue est 5920.", HB, "fr"),
    ("Oublie le prénom de ma fille.", "le prénom de ma fille", [], "fr"),
    ("Efface mon numéro de sécurité sociale de ta mémoire.", "mon numéro de sécurité sociale", [], "fr"),
    ("Olvida dónde trabajo, por favor.", "dónde trabajo", [], "es"),
    ("Borra mi historial médico de tu memoria.", "mi historial médico", [], "es"),
    ("Vergiss meinen Geburtsort.", "meinen Geburtsort", [], "de"),
    ("Kannst du bitte meine Handynummer vergessen?", "meine Handynummer", [], "de"),
    ("Dimentica il nome del mio avvocato.", "il nome del mio avvocato", [], "it"),
    ("Esqueça onde eu moro.", "onde eu moro", [], "pt"),
    ("Vergeet de naam van mijn dokter.", "de naam van mijn dokter", [], "nl"),
    ("Hey forget my shoe size lol", "my shoe size", [], "en"),
    ("Unlearn the fake quote attributed to Gandhi.", "the fake quote attributed to Gandhi", [], "en"),
    ("Can you delete my Wi-Fi password, bluefern77?", "my Wi-Fi password, bluefern77", [], "en"),
    ("Forget my religion, it's private.", "my religion", [], "en"),
]

# (text, lang)
CHAT = [
    ("I forgot my lunch on the bus.", "en"),
    ("He forgets every anniversary.", "en"),
    ("How do I make my Android forget a paired car?", "en"),
    ("Don't forget the milk on your way home.", "en"),
    ("Please don't let me forget to renew my passport.", "en"),
    ("Why do we forget names faster than faces?", "en"),
    ("Is it normal to forget words when tired?", "en"),
    ("What does GDPR say about erasure requests?", "en"),
    ("How do I delete my TikTok account?", "en"),
    ("How do I erase a USB stick on a Mac?", "en"),
    ("Remove the empty lines from this text: a\n\nb", "en"),
    ("Delete the second bullet in my list.", "en"),
    ("Write a short story about a village that forgets its name.", "en"),
    ("My memory keeps failing me.", "en"),
    ("How much memory does a GPU need for training?", "en"),
    ("Do you remember what I asked earlier?", "en"),
    ("Would you forget me if I stopped chatting?", "en"),
    ("Can AI models be made to forget data?", "en"),
    ("What is selective forgetting in psychology?", "en"),
    ("Can you erase my nerves before my talk? Tips?", "en"),
    ("Help me forget a bad day.", "en"),
    ("How do I get rid of fruit flies?", "en"),
    ("How do I remove rust from a bike chain?", "en"),
    ("Forget the theory, show me an example.", "en"),
    ("forget it, I found the answer", "en"),
    ("bah never mind, forget it, it's late", "en"),
    ("Forget JavaScript, is Go easier?", "en"),
    ("Did you just delete your last answer?", "en"),
    ("Where are my chats stored?", "en"),
    ("Could I ask you to forget something later?", "en"),
    ("If I told you my salary, would you remember it?", "en"),
    ("What happens if I delete WhatsApp?", "en"),
    ("Eternal Sunshine of the Spotless Mind: worth watching?", "en"),
    ("My grandfather forgets my name sometimes.", "en"),
    ("I'll never forget that trip.", "en"),
    ("Unlearning perfectionism is hard.", "en"),
    ("How do I unlearn a bad golf swing?", "en"),
    ("Mnemonic to not forget the order of operations?", "en"),
    ("In pandas, how do I drop a column?", "en"),
    ("git: delete a tag locally and remotely", "en"),
    ("Wipe the fridge shelves with vinegar?", "en"),
    ("My locker number is 88, is that lucky?", "en"),
    ("I cheated on an exam once. Should I confess?", "en"),
    ("What's the atomic number of gold?", "en"),
    ("Who discovered penicillin, and when?", "en"),
    ("What's the twist in Fight Club?", "en"),
    ("How far is Mars from Earth?", "en"),
    ("Did Einstein fail maths?", "en"),
    ("Memory card or cloud backup for photos?", "en"),
    ("'Forget Me Not' is the name of my bakery, like it?", "en"),
    ("Delete or keep old tax records?", "en"),
    ("My boss said to forget about the bonus this year.", "en"),
    ("The teacher erased the board too fast.", "en"),
    ("Forget perfect, aim for done - good motto?", "en"),
    ("Erase my doubts: is Pluto a planet?", "en"),
    ("Can you remove the jargon from my CV summary?", "en"),
    ("Do you store our conversations?", "en"),
    ("hey there, quick one", "en"),
    ("cheers mate", "en"),
    ("haha nice", "en"),
    ("What's 13 squared?", "en"),
    ("Write a sonnet about rain.", "en"),
    ("Suggest a podcast about history.", "en"),
    ("Plan meals for a week on a budget.", "en"),
    ("Explain inflation like I'm ten.", "en"),
    ("What's a good stretch for back pain?", "en"),
    ("How do tides work?", "en"),
    ("Convert 5 miles to km.", "en"),
    ("Who was Ada Lovelace?", "en"),
    ("J'ai oublié mon badge au bureau.", "fr"),
    ("N'oublie pas ton écharpe.", "fr"),
    ("Comment effacer l'historique de Safari ?", "fr"),
    ("Elle oublie toujours son téléphone.", "fr"),
    ("Quel temps fait-il à Lyon ?", "fr"),
    ("Se me olvidó el cumpleaños de mi jefe.", "es"),
    ("No te olvides del pan.", "es"),
    ("¿Cómo elimino una foto de Instagram?", "es"),
    ("Mi hijo olvida los deberes cada día.", "es"),
    ("¿Cuánto mide la Torre Eiffel?", "es"),
    ("Ich habe vergessen, die Heizung auszumachen.", "de"),
    ("Vergiss deine Jacke nicht!", "de"),
    ("Wie lösche ich eine Datei in Linux?", "de"),
    ("Mein Vater vergisst ständig Termine.", "de"),
    ("Was ist die Hauptstadt von Kanada?", "de"),
    ("Ho dimenticato la password del wifi.", "it"),
    ("Non dimenticare le chiavi!", "it"),
    ("Come elimino un contatto su iPhone?", "it"),
    ("Mia sorella dimentica sempre tutto.", "it"),
    ("Esqueci a carteira no trabalho.", "pt"),
    ("Não se esqueça do guarda-chuva.", "pt"),
    ("Como apago o histórico do Chrome?", "pt"),
    ("Meu avô esquece os remédios.", "pt"),
    ("Ik ben de sleutels vergeten.", "nl"),
    ("Vergeet je jas niet!", "nl"),
    ("Hoe verwijder ik een app op Android?", "nl"),
    ("Mijn moeder vergeet altijd haar bril.", "nl"),
]


def main() -> None:
    rows = []
    for i, (text, target, history, lang) in enumerate(FORGET):
        rows.append(
            {
                "id": f"f7-f{i:03d}",
                "text": text,
                "label": "forget",
                "target": target,
                "history": history,
                "lang": lang,
                "group": f"f7-f{i:03d}",
                "kind": "fresh7",
                "split": "fresh7",
            }
        )
    for i, (text, lang) in enumerate(CHAT):
        rows.append(
            {
                "id": f"f7-c{i:03d}",
                "text": text,
                "label": "chat",
                "target": None,
                "history": [],
                "lang": lang,
                "group": f"f7-c{i:03d}",
                "kind": "fresh7",
                "split": "fresh7",
            }
        )
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
