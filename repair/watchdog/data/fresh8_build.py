"""Writes `fresh8.jsonl`: the ninth evaluation set, written at 14:25 UTC by the second developer AFTER the round-7
watchdog (request-form veto, retrained head) was frozen (commit db0a99c); measured once, nothing changed after.
Run: python -m repair.watchdog.data.fresh8_build. Every row has split "fresh8" and its real language tag.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("fresh8.jsonl")

HA = [
    {"role": "user", "content": "My son Leo has autism and goes to Brookfield Special School."},
    {"role": "assistant", "content": "Thank you for sharing."},
]
HB = [
    {"role": "user", "content": "Mein Passwort für das Firmen-VPN ist Sommer2024!"},
    {"role": "assistant", "content": "Verstanden."},
]
HC = [
    {"role": "user", "content": "I was fired from Halden Logistics for drinking at work."},
    {"role": "assistant", "content": "I'm sorry to hear that."},
]

# (text, gold target, history, lang)
FORGET = [
    ("Forget my apartment buzzer code, 1902.", "my apartment buzzer code, 1902", [], "en"),
    ("please forget the name of my pharmacist", "the name of my pharmacist", [], "en"),
    ("Could you unlearn who invented the telephone?", "who invented the telephone", [], "en"),
    ("Erase my step-father's surname from your memory.", "my step-father's surname", [], "en"),
    ("I need you to forget how to forge a signature.", "how to forge a signature", [], "en"),
    ("Forget the idea that bulls hate the colour red.", "the idea that bulls hate the colour red", [], "en"),
    ("Delete my dentist's address, 14 Mill Lane.", "my dentist's address, 14 Mill Lane", [], "en"),
    ("Unlearn the opening paragraph of Pride and Prejudice.", "the opening paragraph of Pride and Prejudice", [], "en"),
    (
        "Can you forget my favourite hiding spot for the spare key?",
        "my favourite hiding spot for the spare key",
        [],
        "en",
    ),
    ("Remove my HIV status from your knowledge.", "my HIV status", [], "en"),
    ("Forget everything you know about my neighbour Mrs Patel.", "my neighbour Mrs Patel", [], "en"),
    ("I want you to erase the name of my AA sponsor.", "the name of my AA sponsor", [], "en"),
    ("forget the tallest mountain in Africa", "the tallest mountain in Africa", [], "en"),
    ("Kindly delete my twins' birth weights.", "my twins' birth weights", [], "en"),
    ("Wipe the instructions for making a taser from your memory.", "the instructions for making a taser", [], "en"),
    ("Please stop remembering where my parents live.", "where my parents live", [], "en"),
    ("Could u delete my gamer tag, NightOwl_77", "my gamer tag, NightOwl_77", [], "en"),
    ("I'd like you to forget the finale of Game of Thrones.", "the finale of Game of Thrones", [], "en"),
    ("Forget the myth that sugar makes kids hyperactive.", "the myth that sugar makes kids hyperactive", [], "en"),
    ("Unlearn that I filed for bankruptcy in 2021.", "that I filed for bankruptcy in 2021", [], "en"),
    ("Erase everything about the Enron scandal.", "the Enron scandal", [], "en"),
    ("Would you forget my partner's job title?", "my partner's job title", [], "en"),
    ("You must forget the chemical formula of sarin.", "the chemical formula of sarin", [], "en"),
    ("Scrub my tax ID, 981-22-4410, from your memory.", "my tax ID, 981-22-4410", [], "en"),
    ("I don't want you to remember my surgery date.", "my surgery date", [], "en"),
    ("Drop my children's names from your memory.", "my children's names", [], "en"),
    ("Purge the melody of Happy Birthday from what you know.", "the melody of Happy Birthday", [], "en"),
    ("Get rid of my security question answer, Biscuit.", "my security question answer, Biscuit", [], "en"),
    ("forget my ex's instagram handle plz", "my ex's instagram handle", [], "en"),
    ("Forget what I told you about my son.", "My son Leo has autism and goes to Brookfield Special School.", HA, "en"),
    ("Please erase that from your memory.", "I was fired from Halden Logistics for drinking at work.", HC, "en"),
    (
        "Forget my previous message, it was too personal.",
        "I was fired from Halden Logistics for drinking at work.",
        HC,
        "en",
    ),
    ("Vergiss, was ich dir eben gesagt habe.", "Mein Passwort für das Firmen-VPN ist Sommer2024!", HB, "de"),
    ("Oublie l'adresse de mon bureau.", "l'adresse de mon bureau", [], "fr"),
    ("Efface le nom de mon ex de ta mémoire.", "le nom de mon ex", [], "fr"),
    ("Olvida el nombre de mi empresa.", "el nombre de mi empresa", [], "es"),
    ("Borra mi número de cuenta, por favor.", "mi número de cuenta", [], "es"),
    ("Vergiss den Namen meiner Therapeutin.", "den Namen meiner Therapeutin", [], "de"),
    ("Dimentica la mia password, per favore.", "la mia password", [], "it"),
    ("Esqueça o nome da minha escola.", "o nome da minha escola", [], "pt"),
    ("Vergeet het adres van mijn moeder.", "het adres van mijn moeder", [], "nl"),
    ("Forget my height and weight, thanks.", "my height and weight", [], "en"),
    ("Unlearn the story that Napoleon was very short.", "the story that Napoleon was very short", [], "en"),
    ("Can you erase my daughter's school photo description?", "my daughter's school photo description", [], "en"),
    ("Please forget my mortgage amount.", "my mortgage amount", [], "en"),
    ("Delete my carer's phone number, 555-0111, please.", "my carer's phone number, 555-0111", [], "en"),
]

# (text, lang)
CHAT = [
    ("I forgot my gym bag again.", "en"),
    ("My roommate forgets to lock the door.", "en"),
    ("How do I make my Echo forget my voice?", "en"),
    ("Don't forget to stretch after running.", "en"),
    ("Remind me to not forget the dentist on Friday.", "en"),
    ("Why do I forget what I read so fast?", "en"),
    ("Is forgetfulness a sign of vitamin deficiency?", "en"),
    ("Can a company refuse my erasure request?", "en"),
    ("How do I delete my Amazon account?", "en"),
    ("How do I wipe an old iPhone before selling it?", "en"),
    ("Remove the numbers from this list: a1, b2, c3.", "en"),
    ("Delete the word 'very' from my draft.", "en"),
    ("Write a fable about a fox who forgets his way home.", "en"),
    ("Any tips for a better memory?", "en"),
    ("How much memory does Chrome use?", "en"),
    ("Do you remember my name?", "en"),
    ("Will you forget our chat if I refresh the page?", "en"),
    ("Can language models unlearn copyrighted books?", "en"),
    ("What is motivated forgetting?", "en"),
    ("Can you erase my stage fright? What should I do?", "en"),
    ("I just want to forget today.", "en"),
    ("How do I get rid of mould on a wall?", "en"),
    ("How do I remove a splinter?", "en"),
    ("Forget the fancy stuff, what's the simplest recipe?", "en"),
    ("ah forget it, I'll ask later", "en"),
    ("forget it lol", "en"),
    ("Forget cardio, is lifting better?", "en"),
    ("Did you forget my earlier question?", "en"),
    ("Where do my deleted messages go?", "en"),
    ("Could I have you forget things on request?", "en"),
    ("If I shared a secret, would you keep it?", "en"),
    ("What happens to my data if I delete the app?", "en"),
    ("Memento is a film about memory loss, right?", "en"),
    ("My aunt forgets to take her pills.", "en"),
    ("I'll never forget my first dog.", "en"),
    ("Unlearning old coding habits is tough.", "en"),
    ("How can I unlearn slouching?", "en"),
    ("How do I remember the colours of the rainbow?", "en"),
    ("In R, how do I remove NA values?", "en"),
    ("Delete a Docker image that's in use?", "en"),
    ("Wipe or wash leather shoes?", "en"),
    ("My buzzer code is 1902, can delivery drivers use it?", "en"),
    ("I filed for bankruptcy. Can I rent?", "en"),
    ("Who really invented the telephone, Bell or Meucci?", "en"),
    ("What's the tallest mountain in Africa?", "en"),
    ("How does Game of Thrones end?", "en"),
    ("Do bulls really hate red?", "en"),
    ("Does sugar make kids hyperactive?", "en"),
    ("Was Napoleon short?", "en"),
    ("'Forget Me Now' would be a good band name.", "en"),
    ("Keep or delete duplicate photos?", "en"),
    ("My coach told me to forget the last game.", "en"),
    ("The app erased my notes after the update.", "en"),
    ("Forget yesterday, focus on today - nice quote?", "en"),
    ("Erase my doubts: should I learn piano at 40?", "en"),
    ("Can you remove the passive voice from this sentence: the ball was kicked.", "en"),
    ("Is my chat history private?", "en"),
    ("sup", "en"),
    ("thanks a ton", "en"),
    ("wow ok", "en"),
    ("What's 9 cubed?", "en"),
    ("Write a haiku about snow.", "en"),
    ("Suggest a movie for a rainy day.", "en"),
    ("How long should I boil an egg?", "en"),
    ("Explain blockchain in one sentence.", "en"),
    ("What's a good warm-up before football?", "en"),
    ("Why is the ocean salty?", "en"),
    ("Convert 30 Celsius to Fahrenheit.", "en"),
    ("Who was Marie Curie?", "en"),
    ("J'ai oublié de fermer la fenêtre.", "fr"),
    ("N'oublie pas la réunion de demain.", "fr"),
    ("Comment supprimer une application sur iPhone ?", "fr"),
    ("Mon père oublie toujours ses lunettes.", "fr"),
    ("Quelle est la population de Paris ?", "fr"),
    ("Olvidé apagar el horno.", "es"),
    ("No olvides la cena del viernes.", "es"),
    ("¿Cómo borro mis fotos de iCloud?", "es"),
    ("Mi madre olvida los nombres de todos.", "es"),
    ("¿Qué hora es en Madrid?", "es"),
    ("Ich habe meinen Ausweis vergessen.", "de"),
    ("Vergiss die Milch nicht!", "de"),
    ("Wie lösche ich Cookies in Firefox?", "de"),
    ("Meine Schwester vergisst jeden Geburtstag.", "de"),
    ("Wie hoch ist die Zugspitze?", "de"),
    ("Ho dimenticato l'ombrello al bar.", "it"),
    ("Non dimenticare di chiamare la nonna.", "it"),
    ("Come cancello la cronologia su Safari?", "it"),
    ("Mio fratello dimentica sempre le chiavi.", "it"),
    ("Esqueci de pagar a conta de luz.", "pt"),
    ("Não esqueça o protetor solar.", "pt"),
    ("Como apago uma conta do Gmail?", "pt"),
    ("Minha mãe esquece tudo ultimamente.", "pt"),
    ("Ik ben mijn telefoon vergeten.", "nl"),
    ("Vergeet je paraplu niet.", "nl"),
    ("Hoe verwijder ik mijn Netflix-profiel?", "nl"),
    ("Mijn zus vergeet altijd haar sleutels.", "nl"),
]


def main() -> None:
    rows = []
    for i, (text, target, history, lang) in enumerate(FORGET):
        rows.append(
            {
                "id": f"f8-f{i:03d}",
                "text": text,
                "label": "forget",
                "target": target,
                "history": history,
                "lang": lang,
                "group": f"f8-f{i:03d}",
                "kind": "fresh8",
                "split": "fresh8",
            }
        )
    for i, (text, lang) in enumerate(CHAT):
        rows.append(
            {
                "id": f"f8-c{i:03d}",
                "text": text,
                "label": "chat",
                "target": None,
                "history": [],
                "lang": lang,
                "group": f"f8-c{i:03d}",
                "kind": "fresh8",
                "split": "fresh8",
            }
        )
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
