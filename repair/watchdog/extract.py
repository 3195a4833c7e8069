"""Target extraction: which span of a forget request names the thing to forget.

Rules, in order, on the cleaned text (control characters removed, whitespace collapsed):
1. the object of a cue verb ("forget X", "erase X from your memory", "vergiss X", "Kannst du X vergessen?"),
   with request wording trimmed from both ends ("everything you know about", "from your memory", "please", ...);
2. when that object is a pronoun ("forget it"), an antecedent in the same message ("I regret telling you X");
3. when it refers to an earlier turn ("forget what I just told you"), the last user turn of `history`;
4. fallback: the text with all known request wording removed.
Every returned target is checked to be a substring of the text or of a history turn (no invented targets);
otherwise the rule yields nothing and the next one is tried. No match at all gives None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")  # terminal colour / cursor sequences
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_WS = re.compile(r"\s+")


def clean(text: str) -> str:
    """NFC, ANSI escapes and control/zero-width characters removed, whitespace collapsed, stripped."""
    text = unicodedata.normalize("NFC", _ANSI.sub(" ", text))
    return _WS.sub(" ", _CTRL.sub(" ", text)).strip()


# cue verbs that ask for forgetting (imperative / infinitive / request forms; not "forgot", "forgotten")
_CUE = re.compile(
    r"\b(?:"
    r"forget(?:ting)?(?!-me-nots?\b)|forgett|forgt|foget|unlearn(?:ing)?|un-learn|unlern|erase|delete|remove|wipe|"
    r"purge|scrub"
    r"|expunge|get rid of"
    # round 12: common typos of "forget" and rare verbs of un-remembering
    r"|frget|fogret|froget|forgte|forgeet|forgit|forgget|forgeting|forgtting|unremember|un-remember|disremember"
    r"|delet|earse|unsee|unhear|unknow"
    # verbs that only ask for forgetting with the model's memory as their source ("clear X from your memory",
    # "discard what you know about X"; round 12: the memory named in six more languages)
    # (round 17: "revoke / withdraw what you know about X")
    r"|(?:drop|clear|discard|take|get|lose|removal of|deletion of|erasure of|strike|streich(?:e|en)?|nimm|tira|quita|"
    r"revoke|withdraw|retract|"
    r"togli|retire|enlève|haal|scratch|cut|kick|toss|throw)"
    r"(?=\s[^.?!]{0,80}?\b(?:from|frm|out of|outta|aus|de|da|dalla|uit) "
    r"(?:(?:your|ur) (?:memory|mind|knowledge|brain|weights|head|system|memory banks?)|what you know|"
    r"deinem (?:gedächtnis|speicher|kopf)|"
    r"ta mémoire|tu memoria|tua memória|sua memória|tua memoria|je geheugen)\b"
    r"|(?:\s+(?:away|out))?\s+(?:(?:all|everything|anything|what|whatever|that)\s+)+(?:you|u) (?:know|remember|"
    r"(?:have )?learn(?:ed|t))\b)"
    r"|clear(?=\s+(?:all\s+)?(?:your|ur)\s+(?:whole\s+|entire\s+)?(?:memory|memories|knowledge)\b)"
    r"|(?:don'?t|dont|do not|stop|quit|never) (?:keep(?:ing)?|stor(?:e|ing)|hold(?:ing)? on ?to|hang(?:ing)? on ?to|"
    r"retain(?:ing)?|recall(?:ing)?|memori[sz](?:e|ing))"
    r"(?=\s+(?:my|our)\b|\s+what i (?:said|told you|wrote|shared|mentioned)\b"
    r"|\s+(?:it|that|this)\s*(?:[.!,;]|$|\s[-–—])|\s[^.?!]{1,80}?\b(?:in|from) (?:your|ur) "
    r"(?:memory|mind|head|knowledge)\b)"
    # round 13: "stop retaining / stop storing anything about X" (retain, store: verbs of keeping in memory)
    r"|(?:stop|quit) (?:retaining|storing|memori[sz]ing)(?=\s+(?:any|anything|what|the|info|information|details|"
    r"data|everything|all|that|how|where|who|when|my|our)\b)"
    r"|(?:don'?t|dont|do not|stop|quit|never) (?:hold(?:ing)?|hang(?:ing)?) on ?to(?=\s+(?:any|anything|what|the|info|"
    r"information|details|data|everything|all|that|how|where|who|when)\b)"
    # round 13: "drop the false claim that X", "drop the myth about X"
    r"|drop(?=\s+(?:the|that|this)\s+(?:(?:false|wrong|incorrect|fake|bogus|made-up|mistaken|untrue|outdated)\s+)"
    r"?(?:fact|claim|idea|belief|notion|story|statement|myth|rumou?r)s?\b)"
    r"|(?:if|rather|wish|hope|prefer|prefer it if|prefer that) you (?:could |would |'d )?"
    r"(?:forgot|erased|deleted|removed|unlearned|unlearnt|wiped)"
    r"|lose all (?:knowledge|memory) of|let go of|(?:stop|stopped|stopping|quit) (?:knowing|remembering)(?: about)?"
    # round 13: "stop remembering" in six languages
    r"|(?:deja|dejes|deje|dejar|dejá) de (?:recordar|guardar|saber)|(?:arrête|arrêtez|arrêter|cesse|cessez) de "
    r"(?:retenir|te souvenir|vous souvenir|garder en mémoire|mémoriser)"
    r"|(?:smetti|smettila|smettere|smetta) di (?:ricordare|ricordarti|memorizzare)"
    r"|(?:para|pare|parar|deixa|deixe|deixar) de (?:lembrar|se lembrar|te lembrar|guardar|memorizar)"
    r"|(?:stop|stopt|stoppen) met (?:het )?(?:onthouden|bewaren)(?: van)?"
    r"|(?:not|never) (?:to )?(?:remember|retain|recall)(?:ing)?(?=\s+(?:my|our|that|where|who|what|how)\b)"
    r"|(?:shouldn'?t|should not|mustn'?t|must not|needn'?t|won'?t|will not) (?:remember|know|retain|keep|store)"
    r"(?=\s+(?:my|our|that|where|who|what|how|anything|any)\b)"
    r"|(?:don'?t|dont|do not|didn'?t|did not|no longer) (?:want (?:you|u) (?:to )?)?(?:know(?:ing)?|remember(?:ing)?|"
    r"remeber|rember)"
    r"|oublie[rsz]?|oubliez|effacer?|effacez|supprimer?|supprimez|désapprend(?:s|re)?"
    r"|ne (?:retiens|retenez|garde|gardez) pas"
    r"|olvid(?:a|ar|es|e|aras|ases|en|éis|ad|arte|arse|arlo|arla)|olvídate|olvidate|olvídalo|olvídala|olvídelo"
    r"|olvídese|olvídenlo|borra(?:r)?|borres|borraras|borrases|bórralo|bórrala|bórrame|elimina(?:r)?|elimines"
    r"|eliminaras|elimínalo|desaprende(?:r)?|desaprendas"
    r"|no (?:recuerdes|guardes|recuerde|guarde|retengas|retenga|memorices)"
    r"|vergiss(?:t)?|vergesst|vergessen|lösch(?:e|en|st)?|entfern(?:e|en|st)?|verlern(?:e|en|st)?"
    r"|dimentica(?:re|lo|la|ti|rti|rlo|rla)?|dimentichi|dimenticassi|scorda(?:re|lo|la|ti|rti|rlo)?|scordi"
    r"|cancella(?:re|lo|la)?|cancelli|cancellassi|rimuovi|disimpara(?:re)?"
    r"|non (?:ricordare|memorizzare|tenere a mente)"
    r"|esque[cç]a[ms]?|esque[cç]as|esquece(?:r|sse|sses|-te|r-te|-o|-a)?|esquecê-lo|esquecê-la"
    r"|apag(?:ue|ues|uem|ar|a|asse|asses)|apaga-o|apaga-a|remova|remover|desaprend(?:a|as|er)"
    r"|não (?:guarde|guardes|memorize|memorizes|te lembres|se lembre)"
    r"|oublies|oubliiez|désapprennes|effaces|supprimes"
    r"|vergeet|vergeten|wis|wissen|verwijder(?:en|t)?|verleer|afleren"
    # round 14: Swedish, Polish, Danish / Norwegian request forms; more subjunctives and unlearn verbs; "ontleer"
    r"|glöm(?:ma|mer)?(?: bort)?|radera[rs]?|sudda ut|ta bort|glem(?:me|mer)?|slet|slett|borre|borren|elimine"
    r"|zapomnij(?:cie)?(?: o)?|zapomnieć(?: o)?|zapomniał(?:a|byś|abyś)?(?: o)?|zapomnisz(?: o)?|oducz się|usuń|wymaż|"
    r"skasuj|usunąć|wymazać|sluta (?:komma ihåg|minnas)|hold op med at huske|slutt å huske"
    r"|kom inte ihåg|vill inte att du (?:ska )?(?:kommer|komma) ihåg|vill inte att du minns|glöm bort"
    r"|nie pamiętaj|przestań pamiętać|nie chcę,? (?:żebyś|abyś) (?:pamiętał|pamiętała|wiedział|wiedziała)"
    r"|o (?:usunięcie|wymazanie|skasowanie|zapomnienie)"
    r"|husk ikke|ikke husk|(?:vil ikke have|vil ikke),? at du (?:skal )?husker?|slette|sletter"
    r"|olvidara|olvidase|olvidaran|olvidasen|dimenticasse|dimenticassero|désappreniez|désapprenne|oubliions"
    r"|ontleer|ontleren|verleren|desaprendiera|desaprendieras|disimparare|disimpari|verlernst"
    # round 14: "if you no longer remembered X", "que tu ne te souviennes plus de X"
    r"|(?:no longer|didn'?t|did not|never again) (?:remembered|knew|recalled)"
    r"|no quiero que (?:tú )?(?:recuerdes|sepas|guardes)"
    # round 17: "non voglio che tu ricordi X", "não quero que lembres X", "I'd rather you didn't hang on to X"
    r"|non voglio che (?:tu )?(?:ricordi|sappia|tenga a mente|memorizzi)|não quero que (?:você |tu )?(?:lembre|lembres|"
    r"saiba|saibas|guarde|guardes|memorize|memorizes)|(?:didn'?t|did not|wouldn'?t|would not) (?:hang|hold) on ?to"
    # round 14: the model in the third person ("make sure the model forgets X / no longer knows X")
    r"|(?:(?<=model )|(?<=assistant )|(?<=chatbot )|(?<=system )|(?<=AI ))(?:forgets|unlearns|erases|deletes|"
    r"no longer (?:knows|remembers)|stops (?:knowing|remembering)|doesn'?t (?:know|remember)|"
    r"does not (?:know|remember))"
    r")\b",
    re.IGNORECASE,
)

# wording trimmed from the front of an object span (repeatedly)
_LEAD = re.compile(
    r"^(?:"
    r"about|all about|anything about|everything about|out|away|clean"
    # round 13: "every (single) detail about X", "tout ce qui concerne X", "dalla memoria tutto su X"
    r"|(?:every|each|any) (?:single )?(?:detail|fact|thing|bit|piece of (?:info|information))s? "
    r"(?:about|of|on|regarding)"
    r"|(?:from|frm) (?:whatever|what|everything|all)(?: that)? (?:you|u)(?:'ve| have)? (?:know|remember|learned|learnt|"
    r"stored|store|saved|kept|picked up)"
    r"|(?:tout )?ce qui (?:concerne|touche)|tout sur|todo (?:lo )?(?:sobre|relacionado con|relativo a)|"
    r"tutto (?:quello che riguarda|ciò che riguarda|su|riguardo a)|tudo (?:sobre|o que diz respeito a)|"
    r"alles (?:über|rund um)|alles (?:over|wat met)"
    r"|dalla (?:tua )?memoria|da (?:tua |sua )?memória|de (?:ta |tu |su )?(?:mémoire|memoria)|"
    r"aus deinem (?:gedächtnis|kopf|speicher)|uit je geheugen"
    r"|(?:that )?i (?:ever |even |once |just )?(?:mentioned|told you about|told you|said|shared|brought up)"
    r"|(?:everything|anything) (?:related|relating) to"
    r"|(?:everything|all|anything|what) (?:that )?(?:you |u )?(?:know|have learned|remember|learned)"
    r" (?:about|of|regarding|on|concerning)"
    # round 12: "all the details about X", "everything regarding X"
    r"|(?:all |any )?(?:of )?the (?:details|facts|things|stuff|info|information|specifics|particulars)"
    r" (?:about|on|regarding|concerning)"
    r"|(?:everything|anything|all|whatever) (?:regarding|concerning|about|on|to do with|involving)"
    r"|(?:(?:all|any) )?(?:the |your |of your )?(?:knowledge|memory|memories|information|info|mention)s? (?:you have )?"
    r"(?:of|about|on)"
    r"|(?:everything|anything|whatever|all) (?:that )?you'?(?:ve| have)? (?:learned|learnt|been told|picked up)"
    r" (?:about|of|regarding)"
    r"|the (?:part|bit|stuff|section) (?:about|on|regarding)|any trace of|whatever you know about"
    r"|all of|all|completely|entirely|permanently|please|pls|plz|bitte|alsjeblieft|por favor|s'il te plaît|stp"
    r"|(?:o )?tym(?=,? że\b)|det(?=,? att\b)|proszę|snälla|vänligen"
    r"|para siempre|de (?:tu|su) memoria|pour toujours|für immer|per sempre|para sempre|voor altijd|för alltid|"
    r"na zawsze|for altid|for alltid"
    r"|z (?:twojej |swojej )?pamięci|ur (?:ditt )?minne|från ditt minne|fra (?:din )?hukommelse(?:n)?"
    r"|(?:from|out of|frm) (?:your|ur) (?:memory|mind|head|knowledge|brain|system)"
    r"|(?:tout )?ce que (?:vous savez|tu sais|tu connais) (?:sur|de)|todo lo que sabes (?:sobre|de)|alles über"
    r"|alles wat je weet over"
    # round 14: Swedish / Polish / Danish / Norwegian scope wording
    r"|allt (?:du vet |du kan )?om|allt som rör|wszystko,? (?:co wiesz |co pamiętasz )?o|alt (?:du ved |du vet )?om"
    r"|tutto (?:quello )?che sai su|tudo o que você sabe sobre"
    r")\b[\s,:]*",
    re.IGNORECASE,
)

# wording trimmed from the end of an object span (repeatedly)
_MEM = r"(?:memory|memories|knowledge|weights|training(?: data)?|brain|mind|database|storage|head|model|system)"
_TRAIL = re.compile(
    r"(?:[\s,;:]+|^)(?:"
    r"(?:from|out of|in) (?:your|ur|the model's|the|my|its|their) " + _MEM + r"(?: and .*)?"
    r"|(?:from|frm) (?:what|everything|all|whatever)(?: that)? (?:you|u)(?:'ve| have)? (?:know|remember|learned|learnt|"
    r"stored|store|saved|kept|picked up)"
    r"|(?:from|frm|out of|outta) (?:your|ur) (?:memory|mind|knowledge|brain|head|system|memory banks?)"
    r"|right away|straight away|asap|for me|if you can|if you would|if you don'?t mind"
    r"|permanently|forever|for good|immediately|completely|entirely|right now|now|anymore|any more|again"
    r"|please|pls|plz|thx|thanks|thank you|ok|okay|too|as well|at once|around|then|anyway|anyways"
    r"|and (?:never|don'?t|do not) .*"
    r"|de (?:ta|votre) mémoire|de tu memoria|de su memoria|aus deinem (?:gedächtnis|speicher)|aus ihrem gedächtnis"
    r"|dalla tua memoria|da sua memória|da sua memoria|uit je geheugen|da tua memória|de la mémoire"
    r"|in (?:your |ur )?mind|grazie|merci|gracias|danke|obrigad[oa]|bedankt|thanks a lot"
    r"|s'il te plaît|s'il vous plaît|stp|por favor|porfa|bitte|per favore|alsjeblieft"
    # round 14: thanks / please / "from your memory" in sv, pl, da, no; "from what you know" in six languages
    r"|para siempre|pour toujours|für immer|per sempre|para sempre|voor altijd|för alltid|na zawsze|for altid|"
    r"for alltid|graag|alstublieft|aub|tack så mycket|tusen takk|mange tak|proszę cię|proszę bardzo|tack|tak|takk|"
    r"proszę|"
    r"dzięki|dziękuję|snälla|från ditt minne|ur ditt minne|ur minnet|"
    r"z (?:twojej |swojej )?pamięci|fra din hukommelse|fra hukommelsen|fra minnet ditt|fra minnet"
    r"|uit wat je weet|de lo que sabes|de ce que tu sais|aus dem,? was du weißt|da quello che sai|do que sabes|"
    r"ur det du vet|z tego,? co wiesz"
    r")$",
    re.IGNORECASE,
)
_PUNCT = " \t\"'“”‘’`.,;:!?¿¡()[]{}-–—"

# where an object span ends: sentence end (not after common abbreviations), semicolon, colon, or a new clause
_ABBR = (r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\bProf)(?<!\bJr)(?<!\bvs)"
         # round 15: street and number abbreviations in addresses ("ul. Długa 14", "Av. da Liberdade", "Hauptstr. 5")
         r"(?<!\bul)(?<!\bal)(?<!\bStr)(?<!\bstr)(?<!\bAv)(?<!\bAve)(?<!\bRd)(?<!\bApt)(?<!\bNr)(?<!\bnr)(?<!\bNo)")
_END = re.compile(
    _ABBR + r"[.!?]+(?:\s|$)|[;:]|\s*\?+|,\s*(?=(?:please|pls|it'?s|it is|it was|ok|okay|thanks|thx|i |i'm|i'd|and |"
    r"because|since|which|s'il|por favor|bitte|per favore|grazie|merci|gracias|danke|that was|this was|this is|"
    r"c'était|c'est|era|war|"
    r"ist|è|foi|é"
    # round 14: a new clause after a comma ("..., they're colourblind to it", "..., je te l'ai donnée par erreur",
    # "..., la escribí sin querer", "..., det är fel") or a second cue verb ("... anymore, forget them")
    r"|they'?re|they are|he'?s|she'?s|he|she|they|we|you|that'?s|there'?s|je|j'|c'|ce n'est|yo|la escrib\w*|"
    r"lo (?:escrib|dij|cont)\w*|te lo|ich|er|sie|wir|ik|io|l'ho|eu|det|jag|jeg|to jest|to nie|dat klopt|das stimmt|"
    r"(?:die|das|den|dat|der) (?:habe|hab|hatte|heb|had|ist|war|was|is)|proszę|tack|takk|tak|snälla|"
    r"forget\w*|unlearn\w*|erase|delete|wipe|remove|oubli\w*|effac\w*|olvid\w*|olvíd\w*|borr\w*|bórr\w*|"
    r"vergiss\w*|lösch\w*|vergeet|wis|dimentic\w*|cancell\w*|esquec\w*|apag\w*|glöm\w*|glem\w*|zapomn\w*|usuń"
    # round 15: a reason clause in another language ("..., no quiero problemas", "..., elles sont protégées",
    # "..., non voglio", "..., ich will nicht"), a clause whose verb follows one or two words ("..., spoilers are the
    # author's business"), a possessive appositive closing the sentence ("Project Nightjar, our internal codename")
    r"|no (?:quiero|me|te|lo|la|es|hace|necesito)|non (?:voglio|mi|è|serve)|não (?:quero|me|é|preciso)|je ne|"
    r"elles?|ils|ich (?:will|möchte|brauche)|ik wil|ik heb|das (?:ist|war)|het (?:is|was)"
    r"|(?:[\w'’-]+ ){1,2}(?:is|are|was|were|isn'?t|aren'?t|wasn'?t|weren'?t)(?! \d))\b)"
    r"|,\s*(?=(?:our|their|his|its) (?:[\w'’-]+ ){0,3}[\w'’-]+\s*(?:[.!?]|$))"
    r"|\s+(?:lol|lmao|rofl|haha\w*|xd|jk)\b"
    r"|\s+(?:because|since|as it|as that)\b|\s+[-–—]+\s+(?=(?:it|that|this|i|i'm|erase|forget|delete|wipe|unlearn)\b)",
    re.IGNORECASE,
)

# the object refers to something said before
_REFERENCE = re.compile(
    r"^(?:it|that|this|those|these|all of it|all that|all of that|everything|that too|"
    r"(?:what|wat|wht|everything|all|anything|the (?:things?|stuff|information|info|details?|data)) (?:that )?i"
    r"(?: have| had|'ve)?(?: just)? (?:told|said|shared|wrote|written|gave|given|mentioned|typed|sent|posted|"
    r"said to|tell|say|share)(?: (?:to )?you)?(?: (?:before|b4|earlier|above|previously|a moment ago|just now|"
    r"in my (?:last|first|previous|earlier|opening|second) message|last))?(?: (?:about|regarding|on) .+)?"
    r"|the (?:last|previous) (?:thing|message|sentence|fact) (?:i|that i) (?:said|told you|wrote|shared|gave you)"
    # round 13: "that last bit (about my boss)"
    r"|(?:that|the|this) (?:last|previous|first|earlier) (?:bit|part|thing|one|detail)(?: (?:about|on|regarding) .+)?"
    r"|the (?:information|info|details?) (?:i|that i) (?:gave|shared with|sent|told) you(?: above| earlier| before)?"
    r"|(?:everything |all |what i said |the stuff )?(?:from|in) my (?:first|last|previous|earlier|opening|second) "
    r"(?:message|msg)"
    r"|my (?:last|previous|earlier|first|opening|initial|second) (?:(?:couple of|few|two|three|\d+) )?"
    r"(?:message|messages|msgs?|turns?|sentences?|"
    r"answer|reply)"
    r"|(?:that|the|this|those) (?:[\w'’-]+ ){1,3}(?:that )?i (?:just )?(?:gave|told|sent|shared|mentioned|typed|said|"
    r"wrote)"
    r"(?: (?:to )?you)?(?: (?:before|earlier|above|a moment ago|just now))?"
    # round 14: "the thing I confessed about my thesis"
    r"|(?:that|the|this|those) (?:[\w'’-]+ ){1,3}(?:that )?i (?:just )?(?:confessed|admitted|revealed|disclosed|posted|"
    r"let slip)(?: (?:to )?you)?(?: (?:before|earlier|above|a moment ago|just now))?(?: (?:about|regarding|on) .+)?"
    r"|what i (?:just )?(?:wrote|shared|typed)"
    # round 13: "where I said I live", "who I told you about", "how much I said I earn"
    r"|(?:where|who|when|how much|how old|which \w+) i (?:just )?(?:said|told you|mentioned|wrote)(?: .+)?"
    # round 13: "das von vorhin", "isso que eu disse há pouco", "wat ik daarnet zei"
    r"|(?:das|dat|ça|cela|eso|esto|isso|isto|quello|ciò|questo) (?:von|van|de|di|d'|da) ?(?:vorhin|eben|gerade|daarnet|"
    r"net|eerder|tout à l'heure|avant|antes|prima|há pouco|hace un momento)"
    r"|(?:isso|isto|eso|esto|ça|cela|quello|ciò|questo|das|dat|dit),? (?:que|che|was|wat|qu')\s?.{1,60}"
    r"|wat ik (?:je |u )?(?:daarnet|eerder|net|zojuist|vandaag) (?:zei|vertelde|schreef)"
    # round 14: "lo de mi hermana", "das mit meinem Einkommen", "dat van mijn baan", "quello di mia madre"
    r"|(?:lo|eso|aquello|das|dat|quello|isso|aquilo|det|to) (?:de|del|mit|von|über|van|over|met|di|del|su|sobre|om|"
    r"med|o|z|do|da|dos|das) .+"
    r"|(?:le|ce|la|cette) (?:truc|chose|histoire) (?:sur|avec|de|à propos de|concernant) .+"
    # round 14: Swedish / Polish / Danish references to an earlier turn
    r"|(?:det|allt|vad) (?:som )?jag (?:just |nyss )?(?:sa|skrev|berättade)(?: (?:till dig|för dig))?"
    r"(?: (?:nyss|tidigare|förut|innan))?(?: om .+)?"
    r"|(?:(?:to|wszystko),? )?co (?:ci )?(?:właśnie |wcześniej )?(?:powiedział|napisał|mówił)(?:em|am)"
    r"(?: (?:ci|wcześniej|przed chwilą))?(?: o .+)?"
    r"|(?:det|alt|hvad|det som) (?:som )?jeg (?:lige |nettopp )?(?:sagde|skrev|fortalte|sa|sagt|skreiv|fortalde)"
    r"(?: (?:før|tidligere|lige før|nettopp))?(?: om .+)?"
    r"|the above|before|earlier|above|previously|a moment ago|just now|last|in my last message|by mistake"
    # other languages: "lo que te acabo de contar", "ce que je viens de te dire", "was ich dir gerade gesagt habe",
    # optionally followed by when ("avant", "hace un momento", "prima", ...)
    r"|(?:(?:todo )?(?:lo|eso) (?:(?:último|ultimo) )?que te (?:acabo de |he )?(?:dije|conté|contar|decir|dicho|"
    r"contado|escribí|escribir)"
    r"|(?:tout )?ce que je (?:viens de )?(?:t'|te |vous )?(?:ai )?(?:dire|dit|raconter|raconté|écrire|écrit|donné)"
    r"|(?:tutto )?(?:quello|ciò) che ti ho (?:appena )?(?:detto|raccontato|scritto|dato)"
    r"|(?:tudo )?o que (?:eu )?(?:te |lhe )?(?:acabei de )?(?:te |lhe )?(?:disse|contei|dizer|contar|escrevi|escrever)"
    r"|(?:alles )?wat ik (?:je |u )?(?:net |zojuist )?(?:over .+? )?(?:heb )?(?:verteld|gezegd|geschreven|zei|"
    r"schreef|vertelde)(?: heb)?)"
    r"(?: (?:avant|plus haut|tout à l'heure|juste avant|antes|hace un momento|hace rato|arriba|prima|poco fa|sopra|"
    r"há pouco|acima|eerder|net|zojuist|daarnet|hace poco|agora mesmo|ainda agora))?"
    r"(?: (?:sur|à propos de|concernant|sobre|acerca de|de|del|su|riguardo a|di|over) .+)?"
    r"|(?:(?:das|dies|alles),? )?(?:alles,? )?was ich (?:dir |ihnen )?(?:gerade |eben |vorhin |grade )?"
    r"(?:über .+? )?(?:gesagt|erzählt|geschrieben) habe"
    # "le code que je t'ai donné tout à l'heure", "el número que te di", "den Code, den ich dir gegeben habe"
    r"|(?:le|la|les|l'|el|los|las|il|gli|o|os|as|het|de|den|das|die)\s*\w+(?: \w+)?,? (?:que je (?:t'|vous )?ai|"
    r"que (?:eu )?te|que te (?:he|acabo de)|che ti ho|dat ik (?:je |u )?|den ich dir|das ich dir|die ich dir)\s*"
    r"\w+(?: \w+)?(?: (?:tout à l'heure|avant|antes|hace un momento|prima|eerder|vorhin|eben|gerade|net|habe|heb|"
    r"há pouco|hace poco|poco fa|agora))?"
    r"|dat|dit|esto|eso|ça|cela|das|questo|isso|isto|es|het|le|la|lo|l'|ihn|sie|o|a|det|to|tego|dem|je|them|tym|"
    r"o tym|det där|det här)$",
    re.IGNORECASE,
)

# "I shared X by accident", "J'ai partagé X par erreur", "Ich habe X aus Versehen geteilt": X may hold commas
_CONFESSION = re.compile(
    r"\b(?:told you|shared|gave you|mentioned|typed|pasted|wrote|i said|compartí|te conté|te dije|j'ai partagé|"
    r"je t'ai (?:dit|donné)|ho condiviso|partilhei|compartilhei|ich habe|ik heb)\s+(?P<t>[^.?!;]+?)\s+"
    r"(?:by (?:mistake|accident)|accidentally|without thinking|por error|par erreur|aus versehen|per sbaglio|"
    r"por engano|per ongeluk)\b",
    re.IGNORECASE,
)

# antecedents in the same message when the object is a pronoun: "I regret telling you X, please forget it"
_ANTECEDENT = re.compile(
    r"\b(?:telling you|told you|tell you|shared|sharing|gave you|giving you|mentioned|typed|pasted|wrote|i said|"
    # round 12: more ways to name what "it" means ("I regret mentioning X", "you never heard X", "I taught you X")
    r"mentioning|typing|saying|posting|sending you|showing you|taught you|teaching you|(?:never )?heard|"
    r"mention|bring up|brought up|t'avoir (?:dit|donné|parlé de)|te haber (?:dicho|contado)|"
    r"dir (?:\S+ )?erzählt zu haben|"
    r"(?:need|have) to (?:remember|know|keep)|(?:that|this) was(?= (?:my|our)\b)|"
    r"that you know|you know|you to know|you knowing|didn'?t know|don'?t know"
    r"|(?:didn'?t|don'?t|did not|do not|not) (?:retain|keep|store|remember|hold on to)"
    r"|(?:stop|quit) (?:believing|thinking|saying|claiming)|(?:don'?t|do not) (?:believe|think)"
    r"|compartí|te conté|te dije|j'ai partagé|je t'ai dit|habe (?:dir )?(?:\S+ )?geteilt|ho condiviso|"
    r"partilhei|compartilhei|heb (?:je )?(?:\S+ )?gedeeld)\s+(?P<t>.+?)"
    r"(?=\s*(?:[;:]|" + _ABBR + r"[.!?](?:\s|$)|,|\s+[-–—]\s|\s+and (?:i|now)\b"
    r"|\s+and (?:then )?(?:please )?(?:forget|delete|erase|remove|wipe|unlearn)\b"
    r"|\s+(?:by (?:mistake|accident)|accidentally|earlier|"
    r"before|to you|with you|without thinking|por error|par erreur|aus versehen|per sbaglio|por engano|"
    r"per ongeluk)\b|$))",
    re.IGNORECASE,
)

# target before the verb: "I want X removed", "I would like X to be forgotten", "Kannst du X vergessen?"
_PASSIVE = r"(?:forgotten|deleted|erased|removed|wiped|purged|unlearned|unlearnt)"
_PRE = [
    re.compile(r"\b(?:make sure|ensure|see to it that|check that)\s+(?P<t>.+?)\s+(?:is|are|gets?|has been|have been)\s+"
               + _PASSIVE + r"\b", re.IGNORECASE),
    re.compile(r"^(?P<t>.+?)\s+(?:should|must|needs? to|has to|have to|ought to)\s+(?:be|get)\s+" + _PASSIVE + r"\b",
               re.IGNORECASE),
    re.compile(r"\b(?:want|like|need)\s+(?P<t>.+?)\s+(?:to be |be |being )?(?:removed|deleted|erased|forgotten|"
               r"wiped|purged|gone|unlearned|unlearnt)\b", re.IGNORECASE),
    re.compile(r"\b(?:kannst du|können sie|könntest du|würdest du|würden sie|du musst|du sollst|sie müssen|dass du|"
               r"(?:dass )?das modell(?: soll| sollte| muss)?|(?:dat )?het model(?: moet| zou moeten)?|"
               r"kun je|wil je|kunt u|wilt u|dat je|puoi|você pode|pode|könnten sie|magst du|so nett,?|"
               r"ich bitte (?:dich|sie),?|zou je|zou u|vragen(?: om)?|vraag (?:je|u) om"
               # round 15: wish frames ("Mir wäre lieber, wenn du X vergisst", "het fijn vinden als je X vergeet")
               r"|(?:lieber|besser|gut|schön|froh|recht),? wenn (?:du|sie)"
               r"|(?:fijn|prettig|beter|liefst)(?: \w+)?,? als (?:je|u|jij)"
               r"|(?:liever|graag|willen) dat (?:je|u|jij))\s+"
               r"(?P<t>.+?)\s+(?:(?:willen|kunnen|te|zu)\s+)?(?:vergessen|vergisst|vergeten|vergeet|dimenticare|"
               r"esquecer|"
               r"löschen|wissen|verwijderen|verlernen|verlernt|verleren|vergisst)\b", re.IGNORECASE),
    # round 13: "Hör auf, dir X zu merken"
    re.compile(r"\bhör(?:en sie)? auf,? (?:dir|sich) (?P<t>.+?) zu merken\b", re.IGNORECASE),
    # "Onthoud X niet", "Merk dir X nicht": do not remember X
    re.compile(r"\b(?:onthoud|merk dir|merken sie sich)\s+(?P<t>.+?)\s+(?:(?:bitte|alsjeblieft)\s+)?(?:niet|nicht)\b",
               re.IGNORECASE),
]


def _contained(span: str, sources: Iterable[str]) -> bool:
    s = span.casefold()
    return bool(s) and any(s in src.casefold() for src in sources)


_SELF = re.compile(r"^(?:me|myself|us|ourselves|mi|moi|mich|mij)$", re.IGNORECASE)
# what is left after trimming a scope word is the model's own knowledge ("all | you know"): the scope word is part of
# the (over-broad) target, kept verbatim so the surgeon's policy guard can see it and refuse with a reason
_OWN_KNOWLEDGE = re.compile(r"^(?:you|u|ur|your)\b", re.IGNORECASE)


def _trim(span: str) -> str:
    prev = None
    while prev != span:
        prev = span
        span = span.strip(_PUNCT)
        trimmed = _TRAIL.sub("", _LEAD.sub("", span)).strip(_PUNCT)
        if _SELF.match(trimmed):  # "everything about me": the person themself; keep the scope words
            return _TRAIL.sub("", span).strip(_PUNCT)
        if _OWN_KNOWLEDGE.match(trimmed) and not _OWN_KNOWLEDGE.match(span):  # "all you know", "all your training"
            return _TRAIL.sub("", span).strip(_PUNCT)
        span = trimmed
    return span


MAX_TARGET_CHARS = 300  # an object span longer than this is not a target (also bounds the work per cue)


# a pronoun object closed by punctuation ("vergiss es, ich ...", "oublie ça, je ..."): the object is the pronoun
_PRONOUN_THEN_BREAK = re.compile(r"^[\s-]*(?:about\s+)?(?P<p>it|that|this|ça|cela|es|das|eso|esto|isso|isto|questo|"
                                 r"het|dat|dit|le|la|lo|det där|det här|det|to|tym|them)\s*(?:[,.;:!?]|\s[-–—])"
                                 r"(?!\s*(?:że|att|at)\b)", re.IGNORECASE)


# one comma- or colon-separated value after a span: a number, code, e-mail or street address ("my salary: 62k a year",
# "my adress, its 8 willow lane", "my coordinates: 51.5 N, 0.1 W"); it belongs to the target
_VALUE = re.compile(r"\s*(?P<sep>[:,])\s*(?P<v>[^,;:!?]{1,48}?)(?=\s*(?:[,;:]|" + _ABBR + r"[.!?](?:\s|$)|$))")
_HAS_VALUE = re.compile(r"[\d@]")
# round 13: a value without digits, announced ("my blood type, it's AB negative"; "my kids' names: Ava and Leo")
_ANNOUNCED = re.compile(r"^(?:it'?s|its|it is|that'?s|which is|they'?re|they are|namely|i\.e\.|c'est|es|ist|è|é|is)\s+"
                        r"(?!(?:private|personal|sensitive|embarrassing|secret|none of|not|nothing|a secret|too|so|"
                        r"really|very|just|fine|ok|okay|wrong|outdated|old|true|false|irrelevant|confidential|embar\w*|"
                        r"awkward|weird|nobody'?s|no one'?s|"
                        # round 15: "..., it's a myth and I don't want you repeating it"
                        r"an? (?:myth|lie|legend|rumou?r|hoax|fake|joke|mistake|old wives'? tale)|made up|fake|untrue|"
                        r"incorrect|nonsense|rubbish|bs|bogus|debunked|un mito|une légende|ein mythos|een fabel|"
                        r"protég\w*|protected|copyrighted|protett\w*|protegid\w*|geschützt|beschermd|private|privé\w*|"
                        r"privad\w*|privat\w*|secret\w*|segret\w*|geheim)\b)\S",
                        re.IGNORECASE)
_COLON_STOP = re.compile(r"^(?:it|that|this|i|i'm|please|just|thanks|and|but|so|use|write|make|keep|give|tell|my|our|"
                         r"the|you|your)\b",
                         re.IGNORECASE)
# "forget this: X" / "forget the following: X": the object is what follows the colon
# round 13: politeness between a verb and its object ("Forget, please, my mother's address.", "oublie, stp, ...")
_POLITE_GAP = re.compile(r"^\s*,?\s*(?:(?:please|pls|plz|kindly|if you would|if you don'?t mind|if you can|por favor|"
                         r"porfa|bitte|s'il te plaît|s'il vous plaît|stp|svp|per favore|alsjeblieft|aub|por gentileza)"
                         r"\s*,\s*)+(?=[^\s.!?,;:])", re.IGNORECASE)
_COLON_OBJECT = re.compile(r"^\s*(?:this|the following|these|that)\s*:\s*", re.IGNORECASE)


_MEMORY_BEFORE = re.compile(r"\b(?:from|out of|in|frm) (?:your|ur) (?:memory|mind|knowledge|brain|head|system|"
                            r"memory banks?)\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"^\s*(?:(?:the |this |that )?(?:false |wrong )?(?:fact|claim|idea|belief|notion|myth|rumou?r|"
                     r"statement|story) that|"
                     r"that|how|who|what|where|when|why|whether|que|qui|comment|cómo|como|quién|dass|wie|wer|"
                     r"dat|hoe|che|come|chi|att|hur|vem|że|jak|kto)\b", re.IGNORECASE)


def _extend_value(text: str, end: int, clause: bool = False) -> int:
    """End index of the span ending at `end` extended over following values that hold a digit or '@' (and no
    cue verb); `end` itself when none follows. Round 14: no value after a memory phrase ("my address from your
    memory: 14 Linden Walk" -> "my address"), and a that / how clause (`clause`) takes no announced value ("that
    bulls hate red, they're colourblind")."""
    if _MEMORY_BEFORE.search(text[:end]):
        return end
    while True:
        m = _VALUE.match(text, end)
        if not m or _CUE.search(m.group("v")):
            return end
        v = m.group("v").strip()
        if not (_HAS_VALUE.search(v) or (_ANNOUNCED.match(v) and not clause)
                or (m.group("sep") == ":" and not _COLON_STOP.match(v))):
            return end
        end = m.end()


_REFLEXIVE = re.compile(r"(?:te|ti|rti|rte|-te|se|rse)$|\b(?:te|ti|se)\s+\w+$", re.IGNORECASE)
_OF = re.compile(r"^\s*(?:(?:de la|del|della|delle|dello|dei|des|du|dal|dos|das|do|da|di|de)\s+|de l'|d')",
                 re.IGNORECASE)
# the verb closing an other-language reference ("was ich dir über X erzählt habe", "wat ik je over X vertelde")
_REF_VERB_END = re.compile(r"\s+(?:(?:gesagt|erzählt|geschrieben|gegeben) (?:habe|hab)|(?:heb )?(?:verteld|gezegd|"
                           r"geschreven)(?: heb)?|vertelde|zei|schreef)$", re.IGNORECASE)


def _object_after(text: str, start: int) -> str:
    rest = text[start : start + MAX_TARGET_CHARS]
    if _REFLEXIVE.search(text[:start]):  # round 12: "olvídate de X", "scordati del X" -> X (with its article)
        of = _OF.match(rest)
        if of:
            rest = " " + rest[of.end():]
    gap = _POLITE_GAP.match(rest)
    if gap:
        rest = " " + rest[gap.end():]
    colon = _COLON_OBJECT.match(rest)
    if colon:
        rest = rest[colon.end():]
    pronoun = None if colon else _PRONOUN_THEN_BREAK.match(rest)
    if pronoun:
        return pronoun.group("p")
    m = _END.search(rest)
    return _trim(rest[: _extend_value(rest, m.start(), bool(_CLAUSE.match(rest)))] if m else rest)


def _user_turns(history: Iterable) -> list[str]:
    turns = []
    for h in history or ():
        if isinstance(h, Mapping):
            if h.get("role", "user") == "user" and isinstance(h.get("content"), str):
                turns.append(h["content"])
        elif isinstance(h, str):
            turns.append(h)
        elif getattr(h, "role", "user") == "user" and isinstance(getattr(h, "content", None), str):
            turns.append(h.content)
    return [clean(t) for t in turns if clean(t)]


_STOP = frozenset("about above after again before earlier gave given just mentioned previous said shared sent that "
                  "the this those these told what which wrote your you typed moment thing things stuff everything "
                  "please forget delete erase remove".split())
# a reference naming a kind of detail ("the address I mentioned", "the PIN I gave you") -> the turn that holds one
_KINDS = [
    # round 15: pay ("forget my salary" after "I earn £48,500 a year") and log-in details (a username and password)
    (re.compile(r"\b(?:salary|income|wage|wages|pay|earnings|gehalt|einkommen|lohn|salaire|revenu|sueldo|salario|"
                r"stipendio|salário|salaris|inkomen|lön|pensja)\b", re.IGNORECASE),
     re.compile(r"\b(?:earn|earns|make|paid|verdien\w*|gagne|gano|guadagno|ganho)\b|[£€$]\s?\d", re.IGNORECASE)),
    (re.compile(r"\b(?:login|log-in|credentials|username|user name|sign-in|zugangsdaten|identifiants|"
                r"inloggegevens|credenciales|credenziali)\b", re.IGNORECASE),
     re.compile(r"\b(?:password|username|user name|passwort|mot de passe|contraseña|wachtwoord|senha)\b",
                re.IGNORECASE)),
    (re.compile(r"\b(?:address|adress|adresse|dirección|direccion|adres|indirizzo|morada|endereço|where (?:i|he|she|"
                r"they) lives?|live|lives|wohne|woon|vivo|habite|abito|moro)\b", re.IGNORECASE),
     re.compile(r"\b(?:lives? (?:at|in|on)|\d+\s+\w+\s+(?:road|street|lane|avenue|close|drive|way|rd|st|ave)\b|"
                r"rue|calle|straße|strasse|straat|via|rua)\b", re.IGNORECASE)),
    (re.compile(r"\b(?:number|numbers|pin|password|passcode|code|iban|card|phone|passport|ssn|account|nummer|número|"
                r"numéro|numero|código|code|wachtwoord|passwort|contraseña|senha)\b", re.IGNORECASE),
     re.compile(r"\d{3}|[A-Za-z]+\d+[A-Za-z\d!?]*|\b(?:password|pin|passcode)\b", re.IGNORECASE)),
]


def _words(s: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", s.casefold()) if len(w) >= 4 and w not in _STOP}


# round 14: a short thanks / acknowledgement turn ("Thanks, that helps.") is never what a reference means
_ACK = re.compile(r"^\W*(?:thanks|thank you|thx|ty|ok|okay|cool|great|nice|perfect|alright|sure|got it|i see|merci|"
                  r"gracias|danke|grazie|obrigad[oa]|bedankt|tack|takk|tak|dzięki|dziękuję|super|d'accord|vale|genau|"
                  r"perfetto|prima|oké)\b[^.?!]{0,30}[.!]?\s*$", re.IGNORECASE)
_FIRST = re.compile(r"\b(?:first|opening|initial|premier|première|primer|primera|erste[nrm]?|primo|prima|primeira|"
                    r"primeiro|eerste|första|pierwsz\w*|første)\b", re.IGNORECASE)


def _from_history(history: Iterable, hint: str = "", context: str = "") -> str | None:
    """The earlier user turn a reference means: the latest one sharing a content word with `hint` (the reference
    wording, e.g. "what I said about my brother"), else the latest one holding the kind of detail the hint names
    (an address, a number / code), else the latest statement (questions are rarely what is to be forgotten), else
    the latest turn."""
    turns = _user_turns(history)
    if not turns:
        return None
    chosen = turns[-1]
    if len(turns) > 1 and _FIRST.search(hint):  # round 14: "my first message"
        return turns[0].strip(" .!?") or None
    if len(turns) > 1:
        words = _words(hint)
        kinds = [has for name, has in _KINDS if name.search(hint) or name.search(context)]
        statements = [t for t in turns if not t.rstrip().endswith("?") and not _ACK.match(t)]
        shared = [t for t in turns if words & _words(t)]
        picks = ([t for t in shared if t in statements] or shared  # round 13: a statement before a question
                 or [t for t in turns if any(k.search(t) for k in kinds)] or statements)
        chosen = picks[-1] if picks else chosen
    return _about_clause(_statement(chosen), hint) or None


# "what I told you about X": X names the target when no earlier turn holds it
_ABOUT = re.compile(r"\b(?:about|regarding|concerning|sobre|sur|über|su|over|om)\s+(?P<x>.+)$"
                    # round 14: "lo de mi hermana", "das mit meinem Einkommen" (no earlier turn: the named thing)
                    r"|^(?:lo|eso|aquello|das|dat|quello|isso|aquilo|det|to) (?:de|del|mit|von|van|met|di|med|o|z)\s+"
                    r"(?P<y>.+)$", re.IGNORECASE)


def _is_reference(span: str) -> bool:
    return not span or bool(_REFERENCE.match(span.strip(_PUNCT)))


# "that code", "this number": a short demonstrative noun phrase; refers to an earlier turn when there is one
_DEMONSTRATIVE = re.compile(r"^(?:that|this|those|these|his|her|their|ce|cet|cette|ces|este|esta|ese|esa|esto|eso|"
                            r"dieser|diese|dieses|diesen|questo|questa|quel|quella|esse|essa|deze|die)\s+"
                            r"(?!(?:i|you|he|she|we|they|it|my|your)\b)\w+(?:\s+\w+)?$"
                            # round 14: "his name and where he lives": a person named in an earlier turn
                            r"|^(?:his|her|their)\s+(?!(?:own)\b)[^\d@]+$"
                            # round 14: "the bakery thing", "that money business"
                            r"|^(?:the|that|this)\s+\w+(?:\s+\w+)?\s+(?:thing|stuff|business|story|matter)$",
                            re.IGNORECASE)


_KIND_ONLY = re.compile(r"^(?:my|our|mon|ma|mes|mi|mein|meine|meinen|mio|mia|il mio|la mia|meu|minha|o meu|a minha|"
                        r"mijn|the|that|this)\s+(?P<noun>[\w'’ -]{2,30})$", re.IGNORECASE)
_KIND_REF = re.compile(r"^(?:the|that|this)\s", re.IGNORECASE)  # round 15: "the door code" only names a kind
# "my login details from before", "the lyrics I pasted": the reference wording after the noun
_REF_SUFFIX = re.compile(r"\s+(?:(?:that )?i (?:just )?(?:pasted|posted|copied|sent(?: you)?|gave you|shared|typed|"
                         r"mentioned|told you)(?: (?:before|earlier|above))?|(?:from|frm) (?:before|earlier|above))$",
                         re.IGNORECASE)


def _value_turn(span: str, history: Iterable) -> str | None:
    """Round 13: "forget my email" after an earlier turn "my email is ana@x.org": the span only names the kind, the
    value is in the earlier turn, which is the target (the latest user turn holding the noun and a digit or "@")."""
    span = _REF_SUFFIX.sub("", span)
    m = _KIND_ONLY.match(span)
    if not m or _HAS_VALUE.search(span):
        return None
    noun = m.group("noun").split()[-1].casefold()
    kinds = [has for name, has in _KINDS if name.search(span)]
    if _KIND_REF.match(span) and not kinds:  # "the capital of France": not a kind of personal detail
        return None
    for turn in reversed(_user_turns(history)):
        named = re.search(r"\b" + re.escape(noun) + r"\b", turn.casefold())
        statement = not turn.rstrip().endswith("?")
        if _KIND_REF.match(span) and not (named and _HAS_VALUE.search(turn)):
            continue  # "the door code" -> only a turn that names the code and holds a value
        if (named and (_HAS_VALUE.search(turn) or statement)) or any(k.search(turn) for k in kinds):
            return _statement(turn) or None
    return None


# round 15: a question appended to a statement ("My NI number is QQ 12 34 56 C, can you check the format?")
_ASKED = re.compile(r"(?:,\s*|\s+[-–—]\s+|\s+and\s+)(?:(?:so|but|and)\s+)?(?:can|could|would|will|is|are|do|does|did|"
                    r"what|what's|how|why|should|shall|any|right|correct|puedes|podrías|peux-tu|kannst du|kun je|puoi|"
                    r"podes|pode)\b[^.!?]*\?\s*$", re.IGNORECASE)


def _statement(turn: str) -> str:
    """`turn` without a question appended after a comma, stripped of outer punctuation."""
    t = turn.strip(" .!?")
    cut = _ASKED.sub("", turn.strip()).strip(" .!?")
    return cut if cut and bool(_HAS_VALUE.search(cut)) == bool(_HAS_VALUE.search(t)) else t


_CLAUSE_BREAK = re.compile(r",\s*(?:but|though|although|and|so)\s+|;\s*|\s+[-–—]\s+", re.IGNORECASE)


def _about_clause(turn: str, hint: str) -> str:
    """Round 15: "what I told you about being pregnant" after "I'm pregnant, but I haven't told anyone at work yet":
    the one clause of the turn that shares a content word with the hint's "about X" (the whole turn otherwise)."""
    about = _ABOUT.search(hint)
    x = (about.group("x") or about.group("y")) if about else ""
    words = _words(x)
    clauses = [c.strip(" .!?,") for c in _CLAUSE_BREAK.split(turn) if c.strip(" .!?,")]
    if not words or len(clauses) < 2:
        return turn
    hits = [c for c in clauses if words & _words(c)]
    return hits[0] if len(hits) == 1 and len(hits[0].split()) >= 2 else turn


def _then_named(text: str, start: int, span: str, nxt: re.Match) -> bool:
    """True when `span` (object of the cue ending at `start`) is followed by ", <cue> <object>" naming something
    that is not a pronoun or reference."""
    i = text.find(span, start)
    if i < 0 or not re.fullmatch(r"[\s,;:.!?-]*(?:\b\w+\b[\s,]*){0,2}", text[i + len(span): nxt.start()]):
        return False
    if re.search(r"[.!?]\s", text[i + len(span): nxt.start()]):  # round 17: not in the next sentence ("... Testing
        return False  # the unlearning feature.")
    later = _object_after(text, nxt.end())
    return bool(later) and not _is_reference(later) and not _BARE_PRONOUN.match(later.strip(_PUNCT))


def extract_target(text: str, history: Iterable = ()) -> str | None:
    """The span of `text` (or of the last user turn in `history`) naming what to forget, or None.

    Round 15: a value in the next sentence ("my PIN? It's 4821", "meine IBAN vergessen? DE44 ...") makes the target
    "<descriptor>, <value>": two pieces of the text joined by ", " (each piece is checked against the text). A value
    after a comma stays one contiguous span with its wording ("my blood type, it's AB negative"), as before."""
    text = clean(text)
    if not text:
        return None
    span = _extract_span(text, history)
    if span is None:
        span = _tidy_23(_tidy_21(_tidy_18(None, text, history), text, history), text, history)
        return _tidy_24(span, text, history)
    span = _tidy_17(_tidy(_with_value(text, span), text), text, history)
    i = text.find(span)  # round 15: a quoted title keeps its closing quote ('the lyrics of "Yellow Submarine"')
    if i >= 0 and text[i + len(span): i + len(span) + 1] in ('"', "”", "»") and (
            span.count('"') % 2 == 1 or span.count("“") > span.count("”") or span.count("«") > span.count("»")):
        span = text[i: i + len(span) + 1]
    span = _tidy_23(_tidy_21(_tidy_18(span, text, history) or span, text, history), text, history)
    return _tidy_24(span, text, history)


def _extract_span(text: str, history: Iterable = ()) -> str | None:
    wants_history = False
    hints: list[str] = []  # the reference wording ("the address I mentioned earlier")
    ref_spans: list[tuple[int, int]] = []  # where the text refers to an earlier turn ("what I told you about ...")
    has_turns = bool(_user_turns(history))
    cues = list(_CUE.finditer(text))
    for k, m in enumerate(cues):
        span = _object_after(text, m.end())
        if span is not None and (_BARE_PRONOUN.match(_loose(span)) or _CLAIM_NP.match(span.strip(_PUNCT))
                                 or _PRONOUN_16.match(_loose(span))):
            claim = _claim_before(text[: m.start()])  # round 15: "You said X. That's a myth. Forget it."
            if claim:
                return claim
        if has_turns and _BARE_PRONOUN.match(_loose(span)) and span.strip(_PUNCT) != _loose(span):
            span = _loose(span)  # round 15: "Vergeet dat alsjeblieft weer." is a bare "dat"
        refers = _is_reference(span) or (has_turns and bool(_DEMONSTRATIVE.match(span)))
        if span and not refers and has_turns and (_MY_EARLIER.search(span) or _DEMONSTRATIVE_IN.search(span)):
            # round 15: "the song lyrics I pasted", "my login details from before", "the plot of that book"
            earlier = _value_turn(span, history) or _from_history(history, span, text)
            if earlier:
                return earlier
        if span and not refers and k + 1 < len(cues) and _then_named(text, m.end(), span, cues[k + 1]):
            continue  # round 14: "Stop storing my location, forget that I live in Bristol": the second names it
        if span and not refers and _contained(span, [text]):
            # round 16: "Vergeet mijn BSN alsjeblieft weer." after the turn that gave it
            earlier = (_value_turn(span, history) or _value_turn(_loose(span), history)) if has_turns else None
            return earlier or span
        if span and refers:
            wants_history = True
            hints.append(span)
            ref_spans.append((m.end(), m.end() + len(span) + 1))
    for m in [*_CONFESSION.finditer(text), *_ANTECEDENT.finditer(text)]:
        if any(a <= m.start() < b for a, b in ref_spans):
            continue
        if has_turns and re.match(r"about\b", m.group("t"), re.IGNORECASE):  # "the thing I told you about my X"
            continue
        span = _trim(text[m.start("t"): _extend_value(text, m.end("t"))])
        if (span and not _is_reference(span) and not _CUE.search(span) and not _VAGUE.match(span)
                and _contained(span, [text])):
            # round 14: "I shouldn't have mentioned my medication. Please forget it." after an earlier turn that
            # said it: the earlier turn holds what was mentioned (not when the value is in this message)
            if has_turns and _SAYING.search(m.group(0)[: m.start("t") - m.start()]) and not _HAS_VALUE.search(span):
                said = [t for t in _user_turns(history) if _words(span) & _words(t) or not t.rstrip().endswith("?")]
                if said:  # a turn sharing a word with the antecedent, else the latest statement (not a question)
                    shared = [t for t in said if _words(span) & _words(t)]
                    return (shared or said)[-1].strip(" .!?")
            return span
    for pattern in _PRE:
        m = pattern.search(text)
        if m:
            span = _trim(m.group("t"))
            if span and not _is_reference(span) and _contained(span, [text]):
                return span
    own = _antecedent_before_pronoun(text)
    # "what I said earlier about my job", "Das mit meiner Adresse vorhin - vergiss das": the earlier turn
    if own and not (has_turns and (_SAID.search(text) or _EARLIER.search(text))):
        return own
    turns = _user_turns(history)
    if turns and (wants_history or _CUE.search(text)):
        span = _from_history(history, " ".join(hints), text)
        if span and _contained(span, turns):
            return span
    for hint in hints:  # "everything I told you about my sister" and no earlier turn: "my sister"
        about = _ABOUT.search(hint)
        span = _trim(_REF_VERB_END.sub("", about.group("x") or about.group("y"))) if about else ""
        if span and not _is_reference(span) and _contained(span, [text]):
            return span
    return _fallback(text)


_BARE_PRONOUN = re.compile(r"^(?:it|that|this|all of it|all that|all of that|that too|it all|ça|cela|le|la|lo|l'|es|"
                           r"das|eso|esto|isso|isto|questo|het|dat|dit|det|det där|det här|to|tym|o tym|them)?$",
                           re.IGNORECASE)


def nothing_named(text: str) -> bool:
    """True when every cue verb's object is a bare pronoun ("forget it", "forget that") and no antecedent in the
    same message names anything: with no earlier turn there is nothing to forget ("Eh, forget it. Thanks!").
    An explicit reference ("forget what I just told you") is not bare: it stays a request (target None)."""
    text = clean(text)
    cues = list(_CUE.finditer(text))
    spans = [_object_after(text, m.end()) for m in cues]
    if not spans or not all(_BARE_PRONOUN.match(sp.strip(_PUNCT)) for sp in spans):
        return False
    if any(_trim(m.group("t")) for m in _ANTECEDENT.finditer(text)) or any(p.search(text) for p in _PRE):
        return False
    # round 12: words before the first "forget it" other than filler ("I regret mentioning my divorce. Please
    # forget it.", "Sorry, that was my real phone number - forget it") may be what "it" means: not vetoed
    return _light(text[: cues[0].start()])


_FILLER = frozenset("oh eh ah uh hmm hm ugh ok okay okey actually nah no wait well so anyway anyways never mind "
                    "on second thought thoughts you know what scratch that sorry just please and then now yeah yes "
                    "ach bah bof bon alors allez non bueno pues vale nada na nee nou ja jo oké dan en laat maar "
                    "laisse tomber lascia perdere stare deixa lá pra para schon gut egal whatever fine alright "
                    "right cool forget it that this ça es das eso het dat lo "
                    # round 14: Swedish / Polish / Danish fillers
                    "nieważne dobra spoko okej nie äsch äh strunt nej nåja aha nå".split())


def _light(prefix: str) -> bool:
    """True when `prefix` says nothing that a following "forget it" could refer to (fillers, "never mind")."""
    words = re.findall(r"[\w'’-]+", prefix.casefold())
    return len(words) <= 1 or all(w in _FILLER for w in words)


# a possessive noun phrase ("my divorce", "mon adresse", "mijn pincode") before a bare "forget it"
_POSSESSIVE = re.compile(
    r"\b(?P<t>(?:(?:the|that|a|an) [\w'’-]+(?: [\w'’-]+)? (?:of|for|to|at|from|in|with) )?"
    r"(?:my|our|mon|ma|mes|mi|mis|mein|meine|meinen|meinem|meiner|mio|mia|miei|mie|il mio|la mia|meu|minha|"
    r"meus|minhas|o meu|a minha|mijn)\s+[^.,;:!?\"()–—]+?)"
    r"(?=\s*(?:[.,;:!?\"()–—]|\s-+\s|$)|\s+(?:in (?:your |ur )?mind|and|but|to you|with you|by (?:mistake|accident)|"
    r"earlier|before|yesterday|just now|is|isn'?t|are|aren'?t|was|wasn'?t|were|to myself|around|from what)\b)",
    re.IGNORECASE)


# "my number is 07700 900123": a value with a digit or "@" after is / was / are (ends at a comma, "but", "and")
_IS_VALUE = re.compile(r"\s+(?:is|was|are|were|=)\s+(?:[^,;!?]*?[\d@]|(?-i:[A-Z]))[^,;!?]*?(?=\s*(?:[,;!?]|" + _ABBR
                       + r"\.(?:\s|$)|$|\s-+\s)|\s+(?:but|and|so)\b)", re.IGNORECASE)
# "that thing about X (is wrong)", "the claim that X": a named antecedent without a possessive
_THING_ABOUT = re.compile(r"\b(?P<t>(?:that|the|this) (?:thing|stuff|bit|claim|idea|fact|myth|story|rumou?r|part|"
                          r"info|information|nonsense) (?:about|that|on|regarding) [^.,;:!?\"()–—]+?)"
                          r"(?=\s*(?:[.,;:!?\"()–—]|\s-+\s|$)|\s+(?:is|isn'?t|was|wasn'?t|are|aren'?t)\b)",
                          re.IGNORECASE)
_CLAIM = re.compile(r"(?:\b(?:i was (?:wrong|mistaken)|it'?s not true|it isn'?t true|it is not true|i lied|"
                    r"i was joking)(?: when i said| about the fact)? that|\bsomething (?:false|wrong|untrue|incorrect|"
                    r"made up)\s*:)\s*(?P<t>[^;!?]+?)(?=\s*(?:[,;!?]|" + _ABBR
                    + r"\.(?:\s|$)|$|\s-+\s|\s+(?:so|and)\b))",
                    re.IGNORECASE)
_VERB_TAIL = re.compile(r"\s+(?:is|isn'?t|are|aren'?t|was|wasn'?t|were)\b.*$", re.IGNORECASE)
_SAYING = re.compile(r"\b(?:mentioned|mentioning|told|telling|shared|sharing|said|saying|typed|typing|wrote|gave|"
                     r"giving|posted|posting|brought up|bring up|mention|dicho|contado|conté|dije|dit|parlé|erzählt|"
                     r"detto|disse|contei|gezegd|verteld)\b", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|told|mentioned|wrote|shared|gave|typed|sent)\b", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:earlier|before|b4|just now|a moment ago|previously|vorhin|eben|gerade|tout à l'heure|"
                      r"avant|antes|hace un momento|hace rato|prima|poco fa|há pouco|eerder|zojuist|daarnet)\b",
                      re.IGNORECASE)
_VAGUE = re.compile(r"^(?:too much|too many|something|anything|stuff|a lot|so much|earlier|before|above|previously|"
                    r"just now|antes|avant|vorhin|prima|eerder|tidigare|wcześniej|før|tout à l'heure|há pouco)\b",
                    re.IGNORECASE)


def _antecedent_before_pronoun(text: str) -> str | None:
    """"I regret mentioning my divorce. Please forget it." -> "my divorce": when every cue verb's object is a bare
    pronoun and something is said before it, the last possessive noun phrase there (None otherwise)."""
    cues = list(_CUE.finditer(text))
    if not cues or not all(_BARE_PRONOUN.match(_object_after(text, m.end()).strip(_PUNCT)) for m in cues):
        return None
    prefix = text[: cues[0].start()]
    if _light(prefix):
        return None
    found = []
    for m in _POSSESSIVE.finditer(prefix):
        value = _IS_VALUE.match(prefix, m.end("t"))  # round 13: "My new number is 07700 900123, but forget it"
        end = value.end() if value else _extend_value(prefix, m.end("t"))
        found.append((m.start("t"), _trim(prefix[m.start("t"): end] if value else _VERB_TAIL.sub("", prefix[
            m.start("t"): end]))))
    for m in [*_THING_ABOUT.finditer(prefix), *_CLAIM.finditer(prefix)]:  # round 13: "That thing about bats being
        found.append((m.start("t"), _trim(m.group("t"))))  # blind is wrong, so unlearn it"; "I was wrong that X"
    found = [f for _, f in sorted(found) if f and _contained(f, [text])]
    return found[-1] if found else None


# ---- round 15 ------------------------------------------------------------------------------------------------------
# words after a pronoun object that do not name anything ("Vergeet dat alsjeblieft weer", "forget that too pls")
_LOOSE_TAIL = re.compile(r"(?:\s+(?:alsjeblieft|alstublieft|weer|opnieuw|wieder|bitte|again|too|also|pls|please|plz|"
                         r"por favor|porfa|otra vez|de nouveau|stp|svp|per favore|di nuovo|de novo|então|dann|then|"
                         r"now|jetzt|nu|maar|mal|doch|also|anyway|ok|okay))+$", re.IGNORECASE)


def _loose(span: str) -> str:
    return _LOOSE_TAIL.sub("", span.strip(_PUNCT)).strip(_PUNCT)


# a noun phrase that names an earlier claim ("esa idea", "questa storia", "that myth", "dat idee", "sie")
_CLAIM_NP = re.compile(r"^(?:(?:that|this|the) (?:claim|idea|myth|story|nonsense|belief|lie|rumou?r|statement|one)"
                       r"|(?:esa|esta|aquella) (?:idea|historia|afirmación|creencia|tontería|mentira|leyenda)"
                       r"|(?:questa|quella|sta) (?:storia|idea|cosa|affermazione|bufala|leggenda)"
                       r"|(?:cette|la) (?:idée|histoire|légende|affirmation|croyance)"
                       r"|(?:diese|die|das|dieses) (?:geschichte|idee|behauptung|aussage|märchen|legende)|sie"
                       r"|(?:dat|dit|die) (?:idee|verhaal|fabeltje|verhaaltje|bewering)"
                       r"|(?:essa|esta|aquela) (?:história|ideia|afirmação|crença|mentira|lenda))$", re.IGNORECASE)
# a claim stated before the request: "You said X.", "You keep telling people X.", "No es verdad que X.",
# "Die Aussage, dass X, ist falsch.", "Non è vero che X.", "Tu as dit que X.", "Het is niet waar dat X."
_CLAIM_BEFORE = re.compile(
    r"(?:\b(?:you|u) (?:(?:always |keep |kept )?(?:said|say|saying|told me|tell people|telling people|telling me|"
    r"claimed|claim|claiming|stated|wrote|mentioned|believe|think|seem to think|insisted)"
    r"|you'?ve been (?:saying|telling (?:people|everyone|me)))(?: (?:people|everyone|me|earlier|before))?(?: that)?"
    r"|\b(?:no es (?:verdad|cierto)|es falso|es mentira|(?:me )?dijiste|has dicho|afirmaste)(?: que)?"
    r"|\b(?:non è vero|è falso|hai detto|mi hai detto)(?: che)?"
    r"|\b(?:ce n'est pas vrai|c'est faux|tu as dit|tu m'as dit|vous avez dit|tu prétends)(?: que)?"
    r"|\b(?:es ist nicht wahr|es stimmt nicht|du hast gesagt|die aussage|die behauptung|du behauptest),? dass"
    r"|\b(?:não é verdade|é falso|é mentira|disseste|você disse|tu disseste)(?: que)?"
    r"|\b(?:het is niet waar|het klopt niet|je zei|je zegt|je beweerde)(?: dat)?"
    r")\s+(?P<t>[^.!?;]+?)\s*(?=,\s*(?:ist|is|est|es|è|é|war|was)\b|" + _ABBR + r"[.!?](?:\s|$)|$)",
    re.IGNORECASE)


def _claim_before(prefix: str) -> str | None:
    """The last claim stated in `prefix` (the text before a "forget it / that / esa idea"), or None."""
    found = [m for m in (*_CLAIM_BEFORE.finditer(prefix), *_WORRY_BEFORE.finditer(prefix))
             if len(m.group("t").split()) >= (2 if m.re is _WORRY_BEFORE else 3) and not _is_reference(m.group("t"))]
    if not found:
        return None
    last = max(found, key=lambda m: m.start("t"))
    t = last.group("t").strip(_PUNCT + " ")
    if last.re is _WORRY_BEFORE:  # "dass du meine Adresse kennst" -> "meine Adresse"
        t = re.sub(r"\s+(?:kennst|weißt|kennen|wissen|behältst|speicherst|erinnerst)$", "", t, flags=re.IGNORECASE)
    value = _WORRY_VALUE.match(prefix[last.end("t"):]) if last.re is _WORRY_BEFORE else None
    if t and value:  # round 16: "the name of my abuser, Craig Lomax." / "le numéro de ma fille, 07 81 22 40 19."
        t = f"{t}, {value.group('v')}"
    return t or None


# a value after a comma that ends the worry sentence: digits / an e-mail, or one to four capitalised words
_WORRY_VALUE = re.compile(r"^,\s+(?P<v>[^,.!?;]*[\d@][^,!?;]*?|(?-i:[A-Z][\w'-]+)(?: (?-i:[A-Z][\w'-]+)){0,3})"
                          r"\s*(?:[.!?;]|$)", re.IGNORECASE)


# "the lyrics I pasted", "my login details from before", "the plot of that book": an earlier turn is meant
_MY_EARLIER = re.compile(r"\b(?:(?:that )?i (?:just )?(?:pasted|posted|copied|sent(?: you)?|gave you|shared|typed|"
                         r"mentioned|told you)(?: (?:before|earlier|above))?|(?:from|frm) (?:before|earlier|above)|"
                         r"(?:you|u) (?:just )?(?:got|saw) from me)$", re.IGNORECASE)
_DEMONSTRATIVE_IN = re.compile(r"^(?:the|a) \w+ (?:of|from|in|about) (?:that|this|those)\s+\w+$", re.IGNORECASE)

# a value in the next sentence or after a question mark ("my PIN? It's 4821.", "meine IBAN vergessen? DE44 ...")
_NEXT_VALUE = re.compile(r"^(?:\s*[\w'’-]+){0,2}\s*[?.!:]\s+(?:(?:it'?s|its|it is|it was|that'?s|es el|es la|es|"
                         r"c'est le|c'est la|c'était|c'est|è|é o|é a|é|ist|het is|die is|dat is|is|ze is|sie ist|"
                         r"er ist|era)\s+)?"
                         r"(?P<v>[^\s.!?][^!?]{0,60}?)\s*[.!]?\s*$", re.IGNORECASE)
# a claim clause ("that X", "the rumour that X", "que X", "dass X") ends at a comma before a new clause without a value
_CLAIM_CLAUSE = re.compile(r"^(?:(?:the |this |that )?(?:false |wrong |old )?(?:fact|claim|idea|belief|notion|myth|"
                           r"rumou?r|statement|story) that|that|que|dass|che|dat|att|że)\s+\S+\s+\S+", re.IGNORECASE)
_COMMA_CLAUSE = re.compile(r",\s+(?=[^\d@,]*$)(?=(?:\S+\s+)+\S+)")


def _with_value(text: str, span: str) -> str:
    """`span`, or "<descriptor>, <value>" when a value is announced after it (see extract_target). Round 15: a claim
    clause loses a trailing clause after a comma ("the rumour that X, historians disagree" -> "the rumour that X")."""
    if _CLAIM_CLAUSE.match(span):
        cut = _COMMA_CLAUSE.search(span)
        if cut and len(span[: cut.start()].split()) >= 4:
            return span[: cut.start()]
    if _HAS_VALUE.search(span) or _is_reference(span):
        return span
    i = text.casefold().rfind(span.casefold())
    if i < 0:
        return span
    after = text[i + len(span):]
    # round 17: "my date of birth? It's 3 March 1988 and I'd rather ...", "my GP's name? It's Dr Hallworth.",
    # "my seed phrase? I pasted \"orbit lemon ...\" earlier", "my PIN? I said it was 8080.": the announced value up
    # to a new clause (tried first: it stops at "and ..." where the round-15 pattern runs to the sentence end)
    nxt = _NEXT_VALUE_17.match(after)
    if nxt:
        v = (nxt.group("v") or nxt.group("qv")).strip(_PUNCT + " ")
        if v and not _CUE.search(v) and len(v.split()) <= 8 and (_HAS_VALUE.search(v) or nxt.group("q")
                                                                 or re.match(r"(?-i:[A-Z])", v)):
            return f"{span}, {v}"
    nxt = _NEXT_VALUE.match(after)
    if nxt:
        v = nxt.group("v").strip(_PUNCT + " ")
        if v and _HAS_VALUE.search(v) and not _CUE.search(v) and len(v.split()) <= 8:
            return f"{span}, {v}"
    return span


_NEXT_VALUE_17 = re.compile(
    r"^\s*[?.!]\s+(?:(?:it'?s|its|it is|it was|that'?s|es|c'est|è|é|ist|het is|era|i said (?:it was|it's)|"
    r"i told you (?:it was|it's))\s+(?:(?:el|la|le|o|a|the)\s+)?"
    r"(?P<v>(?:[^.!?,;\"]|[.,](?=\d))+?)(?=\s*(?:[!?;]|[.,](?!\d)|\s(?:and|but|y|et|und|en|e|pero|mais|aber|maar|"
    r"ma|mas)\s|$))"
    r"|i (?:pasted|typed|gave you|sent you|said it was|wrote) (?P<q>[\"“])(?P<qv>[^\"”]{1,80})[\"”])", re.IGNORECASE)


def _fallback(text: str) -> str | None:
    """Remove every cue verb and request phrase; what is left (if anything sensible) is the target."""
    rest = _CUE.sub(" ", text)
    rest = re.sub(r"\b(?:please|pls|plz|can you|could you|would you|i want you to|i need you to|i'd like you to|"
                  r"you should|kindly|just|hey|ok|so|actually)\b", " ", rest, flags=re.IGNORECASE)
    rest = _trim(_WS.sub(" ", rest))
    if len(rest) < 2 or _is_reference(rest):
        return None
    # the leftover must be one contiguous span of the text to count
    return rest if _contained(rest, [text]) else None


# ---- round 16 ------------------------------------------------------------------------------------------------------
# more pronoun objects that point back to a claim or a worry stated first ("Please forget him.", "Oublie-le.",
# "Vergiss sie bitte.", "Forget that, bats can see.")
_PRONOUN_16 = re.compile(r"^[\s-]*(?:him|her|them|those|le|la|les|lo|sie|ihn|lui|ele|ela|hem|haar)?$", re.IGNORECASE)
# a worry or claim stated first ("Me preocupa que recuerdes que X.", "Mi dà fastidio che tu conosca X.", "Het is een
# fabeltje dat X.", "You are not supposed to know X.", "you told my kid that X", "Arrête de croire que X, ..."); the
# claim ends at the sentence end or at a comma
_WORRY_BEFORE = re.compile(
    r"(?:\b(?:i'?m (?:worried|scared|afraid|uncomfortable)|it (?:really )?(?:bothers|worries|scares) me)"
    r"(?: that)? (?:you|u) (?:still )?(?:know|remember|can recite|have|believe)(?: that)?"
    r"|\b(?:you|u) (?:are|'re) (?:still )?(?:not supposed to know|telling (?:me|people|everyone)(?: that)?)"
    r"|\b(?:i )?(?:don'?t|do not) want (?:you|u) to (?:know|remember)(?: that)?"
    r"|\b(?:you|u) told (?:my|our|his|her) \w+(?: that)?|\bthe model keeps (?:repeating|saying|claiming)(?: that)?"
    r"|\b(?:me preocupa|me molesta|me da miedo|tengo miedo de) que (?:recuerdes|sepas|creas|conozcas)(?: que)?"
    r"|\bno quiero que (?:recuerdes|sepas)(?: que)?"
    r"|\b(?:mi dà fastidio|mi preoccupa|ho paura) che tu (?:conosca|sappia|ricordi|creda)(?: che)?"
    r"|\b(?:è un mito|è una bufala|è una leggenda) che"
    r"|\b(?:tenho medo|me preocupa|me incomoda) que (?:você|tu) (?:se )?(?:lembre|saiba|conheça|lembres|saibas)"
    r"(?: de)?(?: que)?|\b(?:é (?:um )?mito|é mentira|é lenda) que"
    r"|\b(?:ça m'inquiète|ça me gêne|j'ai peur) que (?:tu|vous) (?:connaisses|saches|te souviennes|connaissiez)"
    r"(?: de)?(?: que)?|\b(?:arrête|arrêtez) de croire que|\bc'est (?:un mythe|une légende) que"
    r"|\bhet is een (?:fabeltje|mythe|broodjeaapverhaal) dat|\bik wil niet dat je (?:weet|onthoudt)(?: dat)?"
    r"|\bes ist ein (?:mythos|märchen),? dass|\b(?:mich stört|ich mache mir sorgen),? dass du"
    r")\s+(?P<t>[^.!?;,]+?)\s*(?=" + _ABBR + r"[.!?,](?:\s|$)|$)",
    re.IGNORECASE)

# the value announced after a descriptor: "my postcode please its BS3 4LT", "a minha senha, era X", "mon password
# s'il te plaît, c'est X" -> "<descriptor>, <value>" (two pieces of the text; detector._contained accepts the pair)
# (only with a politeness word in between or a past-tense announcer: the older sets' gold keeps "my adress, its X")
_ANNOUNCER = re.compile(r"^(?P<d>.+?)(?:\s*,?\s+(?:please|pls|plz|stp|svp|s'il te plaît|s'il vous plaît|por favor|"
                        r"per favore|bitte|alsjeblieft|alstublieft)\s*,?\s+(?:it'?s|its|it is|it was|c'est|c'était|"
                        r"era|es|è|é|ist|war|that'?s)|\s*,\s+(?:it was|c'était|era|war|was))\s+"
                        r"(?P<v>[^\s,;]*[\d@][^,;]*)$", re.IGNORECASE)
# what follows a target and names no part of it: a memory phrase, a reason clause after a comma without a value, a
# run-on clause ("i havent finished it and ...")
_TAIL_16 = re.compile(r"(?:\s+(?:from|out of) (?:your|ur) (?:memory|weights|knowledge|brain|mind|head|training data|"
                      r"system|database)\b.*"
                      r"|,\s+(?:it'?s|its|it is|c'est|that'?s|this is|es|è|é|ist|het is) (?:for|pour|para|per|für|"
                      r"voor|my|mon|ma|mi|mein|meine|mijn|un|une|a|an|uno|una|um|uma|ein|eine|een|de|del|della|"
                      r"secret|private|personal)\b[^\d@]*"
                      r"|\s+(?:i|je|yo|ich|io|eu|ik) (?:havent|haven'?t|have not|n'ai pas|no he|habe|non ho|não|heb)\b"
                      r"[^\d@]*)$", re.IGNORECASE)
_POLITE_VALUE = re.compile(r"^\s*,?\s*(?:please|pls|plz|stp|svp|s'il te plaît|s'il vous plaît|por favor|per favore|"
                           r"bitte|alsjeblieft|alstublieft)\s*,?\s+(?:it'?s|its|it is|it was|c'est|c'était|era|es|è|"
                           r"é|ist|war)\s+(?P<v>[^\s,;]*[\d@][^\s,;]*)\s*[.!]?\s*$", re.IGNORECASE)
_SCOPE_16 = re.compile(r"^(?:alles|all das),? was (?:du|sie) (?:über|von) (?P<x>.+?) (?:weißt|wissen|kennst)$",
                       re.IGNORECASE)


def _tidy(span: str, text: str) -> str:
    """Round 16: `span` without a trailing memory phrase / reason clause / run-on clause, German scope words ("alles
    was du über X weißt" -> X), "the misinformation that X" -> X, and an announced value after its descriptor as
    "<descriptor>, <value>" without the announcing word (see _ANNOUNCER)."""
    if not span:
        return span
    scope = _SCOPE_16.match(span)
    if scope:
        span = scope.group("x")
    cut = _TAIL_16.search(span)
    if cut and len(span[: cut.start()].split()) >= 2:
        span = span[: cut.start()].rstrip(_PUNCT + " ")
    if not _HAS_VALUE.search(span):  # "oublie mon password s'il te plaît, c'est Bonbon!77"
        i = text.casefold().rfind(span.casefold())
        after = _POLITE_VALUE.match(text[i + len(span):]) if i >= 0 else None
        if after:
            return f"{span}, {after.group('v')}"
    m = _ANNOUNCER.match(span)
    if m and len(m.group("d").split()) >= 2 and not _HAS_VALUE.search(m.group("d")):
        d, v = m.group("d").rstrip(_PUNCT + " "), m.group("v").strip(_PUNCT + " ")
        low = text.casefold()
        if d and v and d.casefold() in low and v.casefold() in low:
            return f"{d}, {v}"
    return span


# ---- round 17 (run-time only: nothing the features read) -----------------------------------------------------------
# a value announced after a comma, or after "c'est" / "I said it was": the target is "<descriptor>, <value>" without the
# announcing word. The spent sets' gold disagrees: fresh10-13 keep "it's / its / c'est le / es el / è / é" (10 rows),
# fresh14-16 drop it (8 rows, every one of the three latest sets); the latest writers' convention is followed.
_ANNOUNCER_17 = re.compile(r"^(?P<d>.+?)\s*,\s*(?:(?:and )?i said (?:it was|it's|its)|"
                           r"(?:it'?s|its|it is|it was|c'est|c’est|c'était|es|era|è|é|ist|war|er|är|to jest)"
                           r"(?: (?:el|la|le|o|a))?)\s+"
                           r"(?P<v>\S.*)$", re.IGNORECASE)
# the descriptor names a kind of personal detail (so "that X, it's a myth" or "my weight, it is embarrassing" stay)
_DESCRIPTOR = re.compile(r"^(?:my|our|mon|ma|mes|mi|mein\w*|mijn|il mio|la mia|mio|mia|o meu|a minha|meu|minha|mitt|"
                         r"min|mina|mit|mine|mój|moja|moje|moją|the|his|her|their)\b", re.IGNORECASE)
# scope words before the person's own name: "alles, was du über mich weißt, Jürgen Pfeiffer" -> the name
_SELF_THEN_NAME = re.compile(r"^.*?\b(?:about|on|of|über|von|sur|de|sobre|om|o|over|su di|di|regarding)\s+"
                             r"(?:me|mich|mig|moi|mí|mim|mnie|mij|"
                             r"myself)(?:\s+\w+){0,2}\s*,\s*(?P<n>(?-i:[A-ZÀ-Ý])[\w'’-]+"
                             r"(?:\s+(?-i:[A-ZÀ-Ý])[\w'’-]+){0,3})\s*$", re.IGNORECASE)
# a clause after a comma that says something about the situation, not about the target ("..., my book club hasn't
# finished it", "..., Raj sometimes borrows my laptop", "..., the clinic I used to work at", "..., if my boss ...")
_TRAILING_17 = re.compile(
    r",\s+(?!(?:the|a|an)\s|(?:which|who|that) (?:is|are|was)\b)"
    r"(?=(?:if|since|because|as|so|when|cause|cuz|si|porque|parce que|weil|perché|omdat|eftersom|fordi|bo)\b"
    r"|(?:[\w'’-]+\s+){0,4}?(?:i|i'm|i've|he|she|they|we|you|it's|hasn'?t|haven'?t|isn'?t|doesn'?t|don'?t|didn'?t|has|"
    r"have|had|is|are|was|were|will|would|can|could|does|did|sometimes|always|never|still|used to|no|ne|nicht|niet|non|"
    r"não|aún|encore|noch|ancora|ainda|nog|ha|hat|est|manchmal|parfois|a veces|a volte|às vezes|soms|aussi|auch|"
    r"también|anche|também|ook|liest|lit|lee|legge|lê|leest|utilise|usa|uses|benutzt|gebruikt)\b)[^\d@]*$",
    re.IGNORECASE)
_PLACE_AFTER = re.compile(r"^,\s*(?P<p>(?-i:[A-ZÀ-Ý])[\w'’-]+(?:\s+(?-i:[A-ZÀ-Ý])[\w'’-]+){0,2})\s*[.!]?\s*$")
_AGAIN = re.compile(r"\s+(?:igen|igjen|weer|wieder|di nuovo|de nuevo|à nouveau|de novo|znowu|again|también|too)$",
                    re.IGNORECASE)
# the earlier turn said "I told you that X" / "Je t'ai dit que X" / "Ik heb je verteld dat X": X is what was told
_TOLD_THAT = re.compile(r"^(?:i (?:already )?told you(?: that)?|je t'ai dit que|te dije que|"
                        r"ich habe dir (?:gesagt|erzählt),? dass|ti ho detto che|eu te disse que|disse-te que|"
                        r"ik heb je (?:verteld|gezegd) dat|jag sa att|"
                        r"jeg sagde,? at|mówiłem ci,? że)\s+", re.IGNORECASE)
_TAG_QUESTION = re.compile(r"\s*,\s*(?:right|toch|non|n'est-ce pas|¿?verdad|no|oder|vero|né|eller hur|ikke|prawda)"
                           r"\s*\??$", re.IGNORECASE)
# a wh-clause that names something the person told earlier ("who my therapist is", "where I keep the spare key")
_WH_REF = re.compile(r"^(?:who|where|what|when|how much|how old|wer|wo|qui|où|quién|dónde|chi|dove|quem|onde|wie|waar|"
                     r"vem|var|hvem|hvor|kto|gdzie)\s", re.IGNORECASE)
_PART_ABOUT = re.compile(r"^(?:the|that) (?:bit|part|thing|stuff|story) (?:about|on|regarding|with) (?P<x>.+)$",
                         re.IGNORECASE)


def _tidy_17(span: str, text: str, history: Iterable) -> str:
    """Round 17 (extraction only): announcer dropped, the person's name after scope words, a situational clause after
    a comma cut, and a few references to an earlier turn that only name a kind of detail or a wh-clause."""
    if not span:
        return span
    turns = _user_turns(history)
    in_text = _contained(span, [text])
    if in_text:
        name = _SELF_THEN_NAME.match(span)
        if name:
            return name.group("n")
        m = _ANNOUNCER_17.match(span)
        if m and _DESCRIPTOR.match(m.group("d")) and not _HAS_VALUE.search(m.group("d")):
            d, v = m.group("d").rstrip(_PUNCT + " "), m.group("v").strip(_PUNCT + " ")
            judged = _ANNOUNCED.match("it's " + v) is None
            if d and v and not judged and (_HAS_VALUE.search(v) or "," in span) and len(d.split()) >= 2:
                return f"{d}, {v}"
        if not _HAS_VALUE.search(span):
            cut = _TRAILING_17.search(span)
            if cut and len(span[: cut.start()].split()) >= 2 and len(span[cut.start():].split()) >= 3:
                span = span[: cut.start()].rstrip(_PUNCT + " ")
    if in_text and _HAS_VALUE.search(span):
        i = text.find(span)
        place = _PLACE_AFTER.match(text[i + len(span):]) if i >= 0 else None
        if place:
            span = text[i: i + len(span) + place.end("p")]
    if turns and in_text and not _HAS_VALUE.search(span):
        earlier = _earlier_for_17(span, turns)
        if earlier:
            return earlier
    if not in_text and any(span in t for t in turns):
        told = _TOLD_THAT.match(span)
        if told and len(span[told.end():].split()) >= 3:
            span = span[told.end():]
        span = _TAG_QUESTION.sub("", span).strip(_PUNCT + " ")
        # "My BSN is 123456782, moet ik dat invullen ...", "Il mio codice fiscale è X, mi serve per ...": a clause
        # appended after the value is not part of what was told
        head, sep, tail = span.partition(", ")
        if sep and _HAS_VALUE.search(head) and not _HAS_VALUE.search(tail) and len(head.split()) >= 3 and (
                _TASK_TAIL.search(tail)):
            span = head
        own = _own_object(text)
        if own:  # "scrub my badge number" after "I'm a nurse at X and my badge number is RN-448210": that clause
            words = _words(own)
            clauses = [c.strip(_PUNCT + " ") for c in _AND_CLAUSE.split(span) if c.strip(_PUNCT + " ")]
            hits = [c for c in clauses if words & _words(c)]
            if (len(clauses) > 1 and len(hits) == 1 and hits[0] != clauses[0] and len(hits[0].split()) >= 3
                    and _HAS_VALUE.search(hits[0])):  # only context before it is dropped
                span = hits[0]
    return span


_AND_CLAUSE = re.compile(r"\s+(?:and|y|et|und|en|e|och|og|ma|mais|aber|maar|pero|but)\s+", re.IGNORECASE)
# a request or question appended to what was told ("..., remind me of it if I ask later", "..., moet ik dat invullen
# bij de huisarts", "..., ¿cómo configuro ...", "..., mi serve per compilare il modulo")
_TASK_TAIL = re.compile(r"^\s*(?:¿|can you|could you|remind|how|what|cómo|qué|comment|wie|come|como|hoe|moet ik|"
                        r"muss ich|dois-je|debo|devo|mi serve|me hace falta|i need|ich brauche|j'en ai besoin|"
                        r"potrzebuję|jag behöver|jeg skal bruge)"
                        r"|\b(?:form|formulier|modulo|wniosek|formulaire|formulario|formular|blankett\w*|formular\w*|"
                        r"remind|recuérdamelo|ricordamelo|invullen|compilare|wypełnić|remplir|rellenar|ausfüllen|"
                        r"preencher|fylla i|udfylde)\b|\?\s*$", re.IGNORECASE)


def _own_object(text: str) -> str:
    """The object of the message's first cue verb ("" when there is none)."""
    m = _CUE.search(text)
    return (_object_after(text, m.end()) or "") if m else ""


def _earlier_for_17(span: str, turns: list[str]) -> str | None:
    """The earlier user turn (a statement holding a value or naming the same thing) a short reference means: "Glöm mitt
    personnummer" / "Glem min adresse igen" / "forget my reg plate" / "who my therapist is" / "the bit about my job
    interview"."""
    bare = _AGAIN.sub("", span).strip(_PUNCT + " ")
    statements = [t for t in turns if not t.rstrip().endswith("?") and not _ACK.match(t)]
    if not statements:
        return None
    kind = _KIND_ONLY_17.match(bare) or _KIND_ONLY.match(bare)
    if kind:
        noun = kind.group("noun").split()[-1].casefold()
        for t in reversed(statements):
            if re.search(r"\b" + re.escape(noun) + r"\b", t.casefold()) and _HAS_VALUE.search(t):
                return _statement(t) or None
        kinds = [has for name, has in _KINDS_17 if name.search(bare)]
        for t in reversed(statements):
            if any(k.search(t) for k in kinds):
                return _statement(t) or None
    part = _PART_ABOUT.match(bare)
    if _WH_REF.match(bare) or part:
        words = _words(part.group("x") if part else _WH_REF.sub("", bare))
        hits = [t for t in statements if words and words <= _words(t)]
        if hits:
            turn = _statement(hits[-1])
            return _about_clause(turn, "about " + (part.group("x") if part else bare)) or turn
    # "the party details", "mijn huisarts en mijn medicijn": a short noun phrase that shares a word with one earlier
    # statement (the latest such turn)
    if _SHORT_NP.match(bare):
        words = {w for w in _words(bare) if len(w) >= 5}
        hits = [t for t in statements if words & _words(t)]
        if hits:
            return _statement(hits[-1]) or None
    return None


_SHORT_NP = re.compile(r"^(?:the|that|this|those|my|mijn|mi|mon|ma|mes|mein\w*|il mio|la mia|o meu|a minha|min|mitt|"
                       r"mit|mój|moja)\s+[\w'’ -]{2,40}$", re.IGNORECASE)


_KIND_ONLY_17 = re.compile(r"^(?:mitt|min|mina|mit|mine|mój|moja|moje|moją|mojego|mojej|moich|moim)\s+"
                           r"(?P<noun>[\w'’ -]{2,30})$", re.IGNORECASE)
_KINDS_17 = [
    (re.compile(r"\b(?:plate|reg|registration|licen[cs]e|kenteken|nummerplade|registreringsnummer|rejestracja|"
                r"tablica)\b", re.IGNORECASE), re.compile(r"\b[A-Z]{1,3}\d{1,4}\s?[A-Z]{0,3}\b|\d{2,}")),
]


# ---- round 18 (run-time only: nothing the features read) -----------------------------------------------------------
# The fresh14-17 writers write targets as "<descriptor>, <value>" (a colon or brackets in the text become a comma),
# drop the noun of "the misinformation / lie / rumour / claim that X" (the target is X), and name a thing given to the
# model before a pronoun ("I'm a vet and I gave you a client's number, 612 448 019. Forget that number.") by what was
# given. These conventions are followed from round 18 on; fresh10-13 keep the colon and the claim noun (checked on every
# spent set: README, Round 18).
_POLITE_END = re.compile(r"\s+(?:please|pls|plz|alsjeblieft|alstublieft|bitte|por favor|porfa|s'il te plaît|svp|stp|"
                         r"per favore|snälla|proszę|thanks|thank you)$", re.IGNORECASE)
# "my passport number: 533812904", "mon adresse : 14 rue ...", "the name of my therapist (dr. helen marsh)"
_COLON_VALUE = re.compile(r"^(?P<d>[^:()]+?)\s*(?::|\()\s*(?P<v>[^()]+?)\s*\)?$")
# "my personal information: my name is X and my email is Y": the clause after the colon is what was said
_STATEMENT_AFTER = re.compile(r"^(?:my|mi|mon|ma|mein\w*|mijn|il mio|la mia|o meu|a minha|mitt|min|mój|moja)\s+"
                              r"[\w'’ -]{2,30}?\s+(?:is|are|es|est|ist|è|é|är|er|jest|to)\s", re.IGNORECASE)
_CLAIM_NOUN = re.compile(
    r"^(?:(?:the|this|that|a|la|el|le|l'|il|lo|o|a|het|de|den|die|das|dieses|diese|den här|det|esa|esta|cette|"
    r"aquela|aquella|aquele|essa|esse|ese|este|quella|questa|quel|ce|cet|deze|dat)\s*)?"
    r"(?:(?:fake|wrong|old|outdated|dangerous|stupid|ridiculous|silly|debunked|common|falsche[nr]?|fałszyw\w*)\s+)?"
    # only nouns that call the claim false (the spent sets keep "the claim / myth / fact / idea that X" as often as
    # they drop it, and such targets pass either way when the claim is long)
    r"(?:misinformation|disinformation|fake news|lie|hoax|rumou?r|falsehood|false info(?:rmation)?|"
    r"mentira|bulo|falsedad|rumor|información falsa|noticia falsa|intox|rumeur|mensonge|fausse info(?:rmation)?|"
    r"bufala|diceria|notizia falsa|informazione falsa|informação falsa|boato|leugen|gerucht|nepnieuws|Lüge|Gerücht|"
    r"Falschinformation|Falschmeldung|informacj\w*|kłamstw\w*|plotk\w*|lögnen|ryktet|løgnen|rygtet)"
    r"(?:\s*,)?\s+(?:that|que|de que|selon laquelle|selon lequel|selon quoi|secondo cui|secondo la quale|secondo il "
    r"quale|che|dass|dat|att|at|że|about how)\s+(?P<x>\S+\s+\S+\s+\S+.*)$", re.IGNORECASE)
# a leading "that / que / dass ..." before a statement ("that I've been seeing a therapist")
_THAT_LEAD = re.compile(r"^that\s+(?=(?:i|i'm|i've|i'd|i was|my|we|our|he|she|they|his|"
                        r"her|their|the|a|an|yo|je|j'|ich|io|eu|ik|jag|ja|mi|mis|mon|ma|mes|mein\w*|mijn|mio|mia|meu|"
                        r"minha|(?-i:[A-ZÀ-Ý]))\b)\S+(?:\s+\S+){3,}$", re.IGNORECASE)
# a name or claim between commas after the span: "mi jefa, Marisol Ortega, tiene un juicio por fraude"
_APPOSITION_THEN = re.compile(r"^,\s+(?P<a>(?:[\"“(]|(?-i:[A-ZÀ-Ý]))[^,.!?]{1,60}),\s+(?P<r>[^.!?:;]+?)\s*(?=[.!?:;]|"
                              r"$)")
# a wh-clause naming the kind of a value: "what my credit score is, 512" -> "my credit score, 512"
_WHAT_IS = re.compile(r"^(?:what|where|who|how much)\s+(?P<d>(?:my|our)\s[^,]+?)\s+(?:is|are|was|"
                      r"were)\s*,\s*(?P<v>.+)$",
                      re.IGNORECASE)
# "mi dirección, vivo en Calle ...", "my phone number, die 0157 ..." -> "<descriptor>, <value>"
_VALUE_LEAD = re.compile(r",\s+(?:(?:vivo en|vivo a|i live (?:at|in|on)|j'habite(?: au| à| rue)?|ich wohne (?:in|am|"
                         r"an der)|"
                         r"abito (?:in|a)|moro (?:na|em|no)|ik woon (?:op|in|aan)|jag bor på|jeg bor på|"
                         r"mieszkam (?:na|w))"
                         # a German article before a number in a mixed-language turn ("my phone number, die 0157 ...");
                         # the spent sets keep "the 3rd of June", "le 3 avril"
                         r"|(?:die|der|das)(?=\s+\d))\s+", re.IGNORECASE)
# a value in the next sentence after "anymore" or a memory phrase ("I don't want you to know where I work anymore. It's
# Brightwater Dental.", "I'd like my IBAN gone from your memory. GB33 ...")
_NEXT_VALUE_18 = re.compile(
    r"^(?:\s+(?:anymore|any more|now|either|at all|please|pls|gone|removed|erased|deleted|from|out of|your|ur|memory|"
    r"mind|head))*\s*[.?!]\s+(?:(?P<a>it'?s|its|it is|that'?s|c'est|es|è|é|ist|het is|das ist|era)\s+)?"
    r"(?P<v>[^.!?]+?)\s*(?:[.!?]\s*|$)", re.IGNORECASE)
# what the person gave the model, named before a pronoun or a demonstrative ("I gave you X by mistake. Forget that.")
_GAVE = [
    re.compile(r"\b(?:i|and)\s+(?:\w+ly\s+)?(?:gave|told|sent|typed|pasted|dictated|shared|wrote|mentioned|put|entered|"
               r"uploaded)\s+(?:(?:you|u)\s+|in here\s+|here\s+)?(?:(?:last week|yesterday|earlier|before|"
               r"the other day|"
               r"this morning)\s+)?(?:about\s+)?(?P<t>(?:the|a|an|my|our|one of|some of)\s[^.!?]+)", re.IGNORECASE),
    re.compile(r"\bte (?:di|pasé|escribí|mandé|envié|dicté|conté|dije|puse)\s+(?P<t>[^.!?]+)", re.IGNORECASE),
    re.compile(r"\bje (?:t'ai|vous ai) (?:\w+ )?(?:donné|dit|écrit|envoyé|passé|dicté|filé|collé)\s+(?P<t>[^.!?]+)",
               re.IGNORECASE),
    re.compile(r"\bti ho (?:\w+ )?(?:dato|scritto|detto|mandato|passato|dettato|incollato)\s+(?P<t>[^.!?]+)",
               re.IGNORECASE),
    re.compile(r"\b(?:dei-te|te dei|passei-te|te passei|escrevi-te|te escrevi|disse-te|te disse|mandei-te|te mandei|"
               r"contei-te|te contei)\s+(?P<t>[^.!?]+)", re.IGNORECASE),
    re.compile(r"\b(?:ik )?(?:gaf|stuurde|vertelde|typte) (?:je|jou|u)\s+(?P<t>[^.!?]+)", re.IGNORECASE),
    re.compile(r"\b(?:ik )?heb (?:je|jou|u) (?P<t>[^.!?]+?) (?:gegeven|gestuurd|verteld|gegeven)\b(?P<r>[^.!?]*)",
               re.IGNORECASE),
    re.compile(r"\b(?:habe|hab) (?:ich )?dir (?:(?:vorhin|eben|gerade|gestern|aus versehen|versehentlich|heute)\s+)*"
               r"(?P<t>[^.!?]+?)\s+(?:gegeben|genannt|geschrieben|geschickt|gesagt|diktiert)\b(?P<r>[^.!?]*)",
               re.IGNORECASE),
    re.compile(r"\bdir (?P<t>[^.!?,]+?) (?:gegeben|genannt|geschrieben|"
               r"gesagt) zu haben\b(?P<r>[^.!?]*)", re.IGNORECASE),
]
_DET = (r"(?=(?:the|a|an|my|our|one of|some of|el|la|los|las|un|una|mi|mis|le|les|l'|une|mon|ma|mes|il|lo|gli|il mio|"
        r"la mia|o|os|as|um|uma|o meu|a minha|de|het|een|mijn|die|den|das|der|einen|eine|meine|meinen|meinem|mein)\b)")
_GAVE_CUT = re.compile(r"\s+[-–—]+\s+.*$|,?\s+(?:and|but|so)\s+(?:i|I) (?:wish|regret|shouldn'?t|should not|really|"
                       r"feel|hope|"
                       r"hate|want|don'?t)\b.*$", re.IGNORECASE)
_GAVE_TAIL = re.compile(r"\s+(?:by (?:mistake|accident)|accidentally|earlier|before|just now|into you|in here|to you|"
                        r"in (?:an?|the|another|my) (?:(?:old|last|previous|other|earlier|different)\s+)?(?:chat|"
                        r"conversation|"
                        r"session|thread)|"
                        r"sin querer|por error|par erreur|per sbaglio|por engano|per ongeluk|aus versehen|"
                        r"tout à l'heure|hace un rato|poco fa|há pouco|eerder|vorhin)\b", re.IGNORECASE)
# the claim before "te l'ho detto" ("Mia suocera, X, ha il morbo di Parkinson: te l'ho detto ma non dovevo")
_TOLD_IT_AFTER = re.compile(r"(?:^|[.!?]\s+)(?P<t>[^.!?:;]+?)\s*[:;-]+\s*(?:te l'ho detto|ti l'ho detto|te lo dije|"
                            r"te lo "
                            r"conté|je te l'ai dit|ich habe (?:es|das) dir (?:gesagt|erzählt)|eu disse-te isso|"
                            r"i told you that|i told you|ik heb het je verteld)\b", re.IGNORECASE)
# a rumour / story stated before the request ("There's a rumour going round our school that X. ... Please forget it.")
_RUMOUR_BEFORE = re.compile(r"\b(?:there'?s|there is|there was|i heard|people (?:are )?(?:say|saying|spread\w*))\s+"
                            r"(?:a |this |that )?(?:rumou?r|story|lie|myth|gossip)\b[^.!?]{0,40}?\bthat\s+"
                            r"(?P<t>[^.!?,]+)", re.IGNORECASE)
_PRONOUN_OBJ = re.compile(r"^(?:it|that|this|them|him|her|those|these|ça|cela|le|la|les|lo|l'|es|das|die|sie|ihn|eso|"
                          r"esto|isso|isto|questo|het|dat|dit|det|to)?$", re.IGNORECASE)
# a short noun phrase that points back ("those coordinates", "ese número", "the settlement details", "dat adres")
_POINTER_NP = re.compile(r"^(?:that|this|those|these|the|ese|esa|esos|esas|este|esta|ce|cet|cette|ces|dieser|diese|"
                         r"dieses|diesen|die|den|das|quel|quella|quello|questo|questa|esse|essa|aquele|aquela|dat|die|"
                         r"deze|dit)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}$", re.IGNORECASE)
# an earlier turn named by a reference in other languages ("personnumret jag skrev nyss", "ten numer, który podałem
# wcześniej", "wie ich heiße und wo ich wohne")
_REF_TAIL_18 = re.compile(r"^(?:the|that|this|ten|tę|ta|to|den|det|die|das|el|la|le|il|o|a|het|de)?\s*(?P<n>[\w-]+)"
                          r"(?:,)?\s+(?:jag (?:skrev|gav dig|sa|nämnde)|som jeg (?:skrev|gav dig|sagde)|"
                          r"(?:który|którą|które|co) (?:ci )?(?:podał|napisał|dał)\w*(?: ci)?|den ich dir (?:gegeben|"
                          r"geschrieben) habe|que te (?:di|pasé|escribí)|que je t'ai (?:donné|écrit)|che ti ho (?:dato|"
                          r"scritto)|que te (?:dei|passei)|die ik (?:je )?(?:gaf|stuurde))\b.*$", re.IGNORECASE)
_WH_18 = re.compile(r"^(?:(?:auch|also|too|ook|även|też|aussi|también|anche|também)\s*,?\s*)?"
                    r"(?P<w>(?:wie|wo|was|wer|comment|où|qui|cómo|dónde|quién|come|dove|chi|como|onde|quem|hoe|waar|"
                    r"wie|"
                    r"hur|var|vem|jak|gdzie|kto|how|where|who|what)\s.+)$", re.IGNORECASE)
_EARLIER_18 = re.compile(r"\b(?:earlier|before|just now|a minute ago|about earlier|vorhin|tout à l'heure|antes|prima|"
                         r"eerder|tidigare|wcześniej|før)\b", re.IGNORECASE)


def _pieces_ok(span: str, text: str) -> bool:
    """True when `span` is in `text`, or is "<head>, <tail>" with both pieces in `text` (detector._contained)."""
    s, low = span.casefold(), text.casefold()
    if s in low:
        return True
    head, sep, tail = s.partition(", ")
    return bool(sep and head and tail) and head in low and tail in low


def _join(d: str, v: str, text: str) -> str | None:
    d, v = d.strip(_PUNCT + " "), v.strip(_PUNCT.replace("!", "") + " ")
    if not d or not v:
        return None
    joined = f"{d}, {v}"
    return joined if _pieces_ok(joined, text) else None


def _given(prefix: str, text: str) -> str | None:
    """What the person says they gave the model in `prefix` (the last such clause), as "<what>, <value>" when a value
    follows in brackets, after a colon or after a comma; None when there is none."""
    found = []
    for pattern in _GAVE:
        for m in pattern.finditer(prefix):
            found.append((m.start("t"), m))
    if not found:
        return None
    m = max(found, key=lambda f: f[0])[1]
    if not re.match(_DET, m.group("t"), re.IGNORECASE):
        return None
    t = _GAVE_CUT.sub("", m.group("t") + (m.groupdict().get("r") or ""))
    cut = _TRAILING_17.search(t)
    named = re.search(r",\s+(?-i:[A-ZÀ-Ý\"“])[^,]{0,40},\s+\S", t)  # "my landlord, Pete Hollis, is evicting us"
    if cut and not named and len(t[: cut.start()].split()) >= 2:  # "..., if you still have it please"
        t = t[: cut.start()]
    t = _GAVE_TAIL.sub("", t).strip(_PUNCT.replace("!", "").replace("(", "").replace(")", "") + " ")
    val = re.match(r"^(?P<d>[^(:]+?)\s*(?:\(|:)\s*(?P<v>[^()]+?)\s*\)?$", t)
    if val and len(val.group("d").split()) >= 2:
        return _join(_GAVE_TAIL.sub("", val.group("d")), val.group("v"), text)
    head, sep, tail = t.partition(", ")
    if sep and len(head.split()) >= 2 and (_HAS_VALUE.search(tail) or re.match(r"(?-i:[A-ZÀ-Ý])", tail)):
        return _join(head, tail, text)
    t = t.strip(_PUNCT + " ")
    return t if len(t.split()) >= 2 and _pieces_ok(t, text) else None


def _pronoun_mode(text: str) -> tuple[bool, int]:
    """(every cue verb's object is a pronoun or a pointing noun phrase, start of the first cue)."""
    cues = list(_CUE.finditer(text))
    if not cues:
        passive = _PASSIVE_PRONOUN.search(text)  # "I need that forgotten."
        return (True, passive.start()) if passive else (False, -1)
    for m in cues:
        obj = _loose(_object_after(text, m.end()) or "")
        if not (_PRONOUN_OBJ.match(obj) or _POINTER_NP.match(obj) or _BARE_PRONOUN.match(obj)):
            return False, -1
    return True, cues[0].start()


_PASSIVE_PRONOUN = re.compile(r"\b(?:i )?(?:need|want|would like|'d like)\s+(?:that|it|this|those)\s+(?:forgotten|"
                              r"deleted|"
                              r"erased|gone|wiped|removed)\b", re.IGNORECASE)
# the object of the round-18 request forms (features._EXTRA_18)
_OBJ_18 = [
    # "Take my bank PIN out of memory", "Streich meine Handynummer aus dem Gedächtnis", "pls drop it from memory"
    re.compile(r"\b(?:drop|wipe|clear|scrub|erase|delete|remove|take|get|strike|purge|cut|toss|kick|dump|ditch|bin|"
               r"chuck|"
               r"lose|streich\w*|lösch\w*|nimm|entfern\w*|haal|wis|verwijder)\s+(?P<t>[^.!?;]+?)\s+(?:from|out of|"
               r"outta|aus|"
               r"uit)\s+(?:the\s+|dem\s+|het\s+)?(?:memory|gedächtnis|speicher|geheugen)\b", re.IGNORECASE),
    # "Sácalo de la memoria: lo de mi despido", "Toglilo dalla memoria, il nome del mio avvocato"
    re.compile(r"\b(?:sác|sac|quít|quit|borr|elimín|elimin|tír|tir|togli|lev|cancell|rimuov)\w*\s+(?:de la|dalla) "
               r"(?:tua |tu )?memoria\s*[:,]\s*(?P<t>[^.!?;]+)", re.IGNORECASE),
    # "Meine Adresse bitte aus dem Gedächtnis löschen.", "Bitte den Namen meiner Ex wieder ... streichen.", "Mijn adres
    # graag meteen vergeten.", "Graag mijn geboortedatum vergeten, dank je."
    re.compile(r"^(?:(?P<lead>bitte|graag|alsjeblieft)\s+)?(?:(?P<das>das|die sache|die geschichte|dat) (?:mit|van|"
               r"over)\s+)?"
               r"(?P<t>(?!bitte\b|graag\b)(?:(?!\b(?:kannst|könnt\w*|kann|können|kun|kunt|wil|vraag|möchte|würd\w*|"
               r"soll\w*|muss\w*|moet)\b)[^.!?,;])+?)\s+(?(lead)|(?:bitte|graag|alsjeblieft|gerne|gern)\s+)"
               r"(?:(?:sofort|gleich|direkt|wieder|meteen|weer|ook|auch|einfach|endgültig|voorgoed|nu|jetzt|"
               r"aus (?:dem|deinem) "
               r"gedächtnis|uit je geheugen)\s+)*(?:(?:löschen|streichen|wissen|verwijderen) und\s+)?(?:vergessen|"
               r"löschen|"
               r"streichen|verlernen|vergeten|wissen|verwijderen|schrappen)\s*(?:[.!]|,?\s*(?:danke|dank je)|$)",
               re.IGNORECASE),
    # "make yourself not know X", "get yourself to not know X", "stop knowing X", "hacer que ya no sepas X", "ne plus
    # connaître X", "dass du X nicht mehr weißt"
    re.compile(r"\b(?:(?:make|get|force)\s+(?:yourself|urself|your self|ur self)\s+(?:to\s+)?(?:not|no longer|never)\s+"
               r"(?:know|remember|recall)|no longer know|make it so (?:that )?(?:you|u) (?:don'?t|do not|no "
               r"longer|won'?t) (?:know|remember)|hacer que (?:ya )?no (?:sepas|recuerdes|conozcas)|"
               r"ne plus (?:connaître|"
               r"savoir|te souvenir de))\s+(?P<t>[^.!?;]+?)(?:\s+(?:anymore|any more|please|pls|ever again|again))*\s*"
               r"(?:[.!?;]|$)", re.IGNORECASE),
    re.compile(r"\bdass du (?P<t>[^.!?;]+?) nicht mehr (?:weißt|kennst|speicherst)\b", re.IGNORECASE),
    # "Pretend I never told you X", "Haz como si no te hubiera dicho X", "Fais comme si je ne t'avais jamais dit X",
    # "Fai finta che non ti abbia mai detto X", "Finge que eu nunca te disse X", "Tu so, als hätte ich dir X nie
    # gesagt", "Doe alsof ik je X nooit heb gegeven", "Låtsas att jag aldrig sa X"
    re.compile(r"\b(?:(?:pretend|act (?:like|as if|as though)|behave as if)\s+(?:that\s+)?(?:i (?:never|didn'?t) "
               r"(?:told|tell|gave|give|sent|send|showed|show|mentioned|mention|shared|share|said|say|typed|type|"
               r"wrote|write)"
               r"(?:\s+(?:you|u))?(?:\s+about)?|(?:you|u) (?:never|didn'?t) (?:heard|hear|saw|see|read|got|get|"
               r"learn(?:ed|t)?|"
               r"knew|know)(?:\s+about)?|(?:you|u) (?:don'?t|do not) know)"
               r"|como si (?:yo )?(?:no|nunca) te (?:hubiera|hubiese|había) (?:dicho|contado|dado|escrito|pasado)"
               r"|comme si je ne t'avais (?:jamais |pas )?(?:dit|donné|raconté|écrit)"
               r"|finta (?:che|di) (?:non|io non) ti (?:abbia|avessi) (?:mai )?(?:detto|dato|raccontato|scritto)"
               r"|(?:finge|fingir|faz de conta|faça de conta) que (?:eu )?(?:nunca|não) te (?:disse|dei|contei|escrevi)"
               r"|låtsas att jag aldrig (?:sa|sagt|berättade|gav))\s+(?P<t>[^.!?;]+?)"
               r"(?:\s+(?:please|pls|ok|okay|thanks))?\s*(?:[.!?;,]|\s+(?:and|y|et|und|e|en|och)\s|\s[-–—]+\s|$)",
               re.IGNORECASE),
    re.compile(r"\b(?:als (?:hätte|ob) ich dir|alsof ik (?:je|u)) (?P<t>[^.!?;]+?) (?:nie|nooit) (?:heb |"
               r"had )?(?:gesagt|"
               r"erzählt|gegeben|geschrieben|verteld|gezegd|gestuurd)\b", re.IGNORECASE),
    # "Forget this one: my mum's maiden name, Okafor."
    re.compile(r"\b(?:forget|delete|erase|wipe|remove|unlearn)\s+(?:this|"
               r"that) one\s*:\s*(?P<t>[^.!?;]+)", re.IGNORECASE),
]
# "Forget that, please. My work email, X, that's what I mean." / "Olvídalo. Mi número ..., digo."
_MEANT_18 = re.compile(r"(?:^|[.!?:;]\s+|\s[-–—]\s+)(?P<t>(?:(?!\s[-–—]\s)[^.!?:;])+?)"
                       r"\s*,?\s*(?:that'?s what i mean[t]?|i mean[t]?|digo|"
                       r"quiero decir|me refiero|je veux dire|meine ich|ich meine|intendo|voglio dire|quero dizer|"
                       r"bedoel ik|menar jag|mener jeg|mam na myśli)\s*[.!]*\s*$", re.IGNORECASE)
# "lo de mi hermano olvídalo", "ce que je t'ai dit sur ma sœur, oublie-le", "La storia di mio cugino, cancellala"
_CLITIC_REF = re.compile(r"\b(?:lo|eso|esto|aquilo|isso|isto|quello|quella cosa|quella storia|la storia|ce truc|"
                         r"le truc|"
                         r"ce que je t'ai dit|das|die sache|die geschichte|dat|wat ik zei)\s+(?:de|del|do|da|di|dei|"
                         r"sur|"
                         r"à propos de|mit|über|van|over|con)\s+(?P<x>[^.!?,;]{2,60}?)\s*[,;:]?\s*(?=" + _CUE.pattern
                         + r"|(?:olvíd|olvid|bórr|borr|esquec|esqueç|dimentic|scord|cancell|oubli|effac|vergiss|"
                           r"vergeet)"
                         r"\w*)", re.IGNORECASE)
# "I don't want you to know X. <value>. Forget it." / "Ich will nicht, dass du X kennst. Frau Dr. Seidel. Vergiss ihn."
_NOT_KNOW_THEN_VALUE = re.compile(
    r"\b(?:i (?:don'?t|do not) want (?:you|u) to (?:know|remember)|ich (?:will|möchte) nicht,? dass du|no quiero que "
    r"(?:sepas|conozcas|recuerdes)|je ne veux pas que tu (?:saches|connaisses|retiennes)|non voglio che tu (?:sappia|"
    r"conosca|ricordi)|ik wil niet dat je)\s+(?P<t>[^.!?]+?)\s*(?:kennst|weißt|behältst|weet|kent)?\s*[.!?]\s+"
    r"(?P<v>[^.!?]{2,60}?)\s*[.!?]", re.IGNORECASE)
_ABOUT_BEFORE = re.compile(r"\b(?:told|telling|tell|mentioned|mentioning|shared|sharing)\s+(?:(?:you|u)\s+)?about\s+"
                           r"(?P<x>(?:my|our|the)\s[^.!?,;]+?)\s*(?=[,.;!?]|\s[-–—]\s|$)", re.IGNORECASE)


_REFERENCE_18 = re.compile(r"^(?:what|that|this|those|these|my (?:last|previous|first|opening|earlier) (?:message|msg|"
                           r"turn))\b",
                           re.IGNORECASE)


def _best_turn(words_of: str, turns: list[str]) -> str | None:
    """The earlier statement sharing the most content words with `words_of` (None when none shares one)."""
    statements = [t for t in turns if not t.rstrip().endswith("?") and not _ACK.match(t)]
    words = {w[:5] for w in re.findall(r"\w{3,}", words_of.casefold())}
    scored = sorted(((len(words & {w[:5] for w in re.findall(r"\w{3,}", t.casefold())}), i)
                     for i, t in enumerate(statements)), reverse=True)
    if scored and scored[0][0] >= 1:
        return _statement(statements[scored[0][1]])
    return _statement(statements[0]) if len(statements) == 1 else None


def _new_forms_18(text: str, turns: list[str]) -> str | None:
    """The target of the round-18 request forms (None when the text has none of them)."""
    ref = _CLITIC_REF.search(text)
    if ref:
        x = ref.group("x").strip(_PUNCT + " ")
        return _best_turn(x, turns) if turns else x  # no shared word: the earlier rules pick the turn
    meant = _MEANT_18.search(text)
    if meant and len(meant.group("t").split()) >= 2 and not _CUE.search(meant.group("t")):
        return meant.group("t").strip(_PUNCT + " ")
    for pattern in _OBJ_18:
        m = pattern.search(text)
        if not m:
            continue
        t = _loose(m.group("t"))
        if _BARE_PRONOUN.match(t) or _PRONOUN_OBJ.match(t):
            about = _ABOUT_BEFORE.search(text[: m.start("t")])
            if about:
                return about.group("x").strip(_PUNCT + " ")
            before = re.match(r"^\s*(?P<x>(?:my|mi|mon|ma|mein\w*|mijn|il mio|la mia|o meu|"
                              r"a minha)\s[^-–—]+?)\s+[-–—]+\s",
                              text)
            return before.group("x").strip(_PUNCT + " ") if before else None
        if turns and "das" in m.groupdict() and m.group("das"):
            return _best_turn(t, turns)
        if _is_reference(t) or _REFERENCE_18.match(t):
            return None
        return t
    return None


def _tidy_18(span: str | None, text: str, history: Iterable) -> str | None:
    """Round 18 (extraction only; see the comment above): what was given before a pronoun, the colon / bracket and
    "vivo en / die" before a value as a comma, the claim noun dropped, a name between commas kept with its claim,
    "what my X is, V" -> "my X, V", a value after "anymore." / a memory phrase, and references in sv / pl / de."""
    turns = _user_turns(history)
    new = _new_forms_18(text, turns)
    if new and (_pieces_ok(new, text) or any(new in t for t in turns)):
        return new
    pron, first = _pronoun_mode(text)
    if pron and first > 0:
        prefix = text[:first]
        rumour = _RUMOUR_BEFORE.search(prefix)
        told = _TOLD_IT_AFTER.search(prefix)
        given = _given(prefix, text)
        worry = _NOT_KNOW_THEN_VALUE.search(prefix)
        if worry and (_HAS_VALUE.search(worry.group("v")) or re.match(r"(?-i:[A-ZÀ-Ý])", worry.group("v"))):
            joined = _join(worry.group("t"), worry.group("v"), text)
            if joined and not _CUE.search(worry.group("v")):
                return joined
        if given and turns and not _HAS_VALUE.search(given):
            given = None  # "ce que je t'ai dit sur ma sœur, oublie-le": the earlier turn decides
        if told and len(told.group("t").split()) >= 3 and _pieces_ok(told.group("t"), text):
            return told.group("t").strip(_PUNCT + " ")
        if rumour and len(rumour.group("t").split()) >= 3:
            return rumour.group("t").strip(_PUNCT + " ")
        if given and (span is None or not (_HAS_VALUE.search(span) and not _HAS_VALUE.search(given))):
            return given
        if turns and span is not None and _EARLIER_18.search(prefix) and re.match(
                r"^(?:that|it|this)(?:\s+\w+)?$", _loose(span), re.IGNORECASE):
            statements = [t for t in turns if not t.rstrip().endswith("?") and not _ACK.match(t)]
            if statements:
                return _statement(statements[-1]) or span
    if span is None:
        return None
    if turns and not _HAS_VALUE.search(span):
        ref = _REF_TAIL_18.match(span)
        wh = _WH_18.match(span)
        statements = [t for t in turns if not t.rstrip().endswith("?") and not _ACK.match(t)]
        if ref and statements:
            stem = ref.group("n").casefold()[:6]
            hits = [t for t in statements if stem in t.casefold() and _HAS_VALUE.search(t)]
            hits = hits or [t for t in statements if _HAS_VALUE.search(t)]
            if hits:
                return _statement(hits[-1]) or span
        if wh and statements and not _contained(span, turns):
            words = _words(wh.group("w"))
            scored = sorted(((len(words & _words(t)), i) for i, t in enumerate(statements)), reverse=True)
            if scored and scored[0][0] >= 2:
                return _statement(statements[scored[0][1]]) or span
    if not _pieces_ok(span, text):
        return span
    i = text.find(span)
    after = re.match(r"^\s*:\s*(?P<v>(?:[^.!?]|\.(?=\S))+?)\s*[.!?]?\s*$", text[i + len(span):]) if i >= 0 else None
    if after and _STATEMENT_AFTER.match(after.group("v")):  # "my personal information: my name is X and ..."
        return after.group("v").strip(_PUNCT + " ")
    if re.fullmatch(r"[\w/#.-]*\d[\w/#.-]*", span) and i > 0:  # "... the door code for my mother's flat. Forget 2048B."
        about = re.search(r"\b(?:about|for|with)\s+(?P<d>(?:the|my|our)\s[^.!?,;]{3,60}?)\s*[.!?]\s", text[:i])
        if about:
            joined = _join(about.group("d"), span, text)
            if joined:
                return joined
    m = _COLON_VALUE.match(span)
    bracket_ok = m and "(" in span and "," not in m.group("v") and not re.fullmatch(r"(?:1[5-9]|20)\d\d",
                                                                                     m.group("v").strip())
    if m and ":" not in m.group("v") and (":" in span or bracket_ok):
        d = _POLITE_END.sub("", m.group("d").strip())
        v = m.group("v")
        if _STATEMENT_AFTER.match(v) and _pieces_ok(v, text):
            return v.strip(_PUNCT + " ")
        if len(d.split()) >= 2 and not _HAS_VALUE.search(d):
            joined = _join(d, v, text)
            if joined:
                return joined
    claim = _CLAIM_NOUN.match(span)
    if claim:
        span = claim.group("x").strip(_PUNCT + " ")
    lead = _THAT_LEAD.match(span)
    if lead:
        span = span.split(None, 1)[1]
    what = _WHAT_IS.match(span)
    if what:
        joined = _join(what.group("d"), what.group("v"), text)
        if joined:
            span = joined
    i = text.find(span)
    if i >= 0:
        app = _APPOSITION_THEN.match(text[i + len(span):])
        if app and not _HAS_VALUE.search(span) and len(span.split()) <= 6:
            span = text[i: i + len(span) + app.end()].strip(_PUNCT + " ")
            span = re.sub(r"^(?:that|que|dass|che|dat|att|że)\s+", "", span, flags=re.IGNORECASE)
        elif not _HAS_VALUE.search(span):
            nxt = _NEXT_VALUE_18.match(text[i + len(span):])
            if nxt and text[i + len(span): i + len(span) + 1] != "?":
                v = nxt.group("v").strip(_PUNCT + " ")
                if (v and not _CUE.search(v) and len(v.split()) <= 8
                        and (_HAS_VALUE.search(v) or (nxt.group("a") and re.match(r"(?-i:[A-ZÀ-Ý])", v)))):
                    joined = _join(span, v, text)
                    if joined:
                        span = joined
    lead_v = _VALUE_LEAD.search(span)
    if lead_v and _pieces_ok(span[: lead_v.start()], text):
        joined = _join(span[: lead_v.start()], span[lead_v.end():], text)
        if joined:
            span = joined
    return span


# Round 21 (extraction only): four kinds of wrong target seen in the spent fresh20 (categories, not its sentences).
# 1. the memory phrase is request wording, not part of the thing ("mi número de teléfono de tu memoria, 612 ...")
_MEMORY_WORDS_21 = (r"(?:(?:from|out of|in|frm) (?:your|ur|the) (?:memory|mind|head|system|brain)|"
                    r"aus (?:deinem|dem) (?:gedächtnis|speicher|kopf)|uit (?:je|jouw|het) geheugen|"
                    r"de (?:tu|la|ta|votre) (?:memoria|mémoire)|da (?:sua|tua) memória|dalla (?:tua )?memoria|"
                    r"ur (?:ditt|ditt eget) minne|fra (?:din|din egen) hukommelse|z (?:twojej )?pamięci)")
_MEMORY_21 = re.compile(r"\s+" + _MEMORY_WORDS_21 + r"(?=\s*(?:[,:]|$))", re.IGNORECASE)
# 2. a value announced after the descriptor by a colon or "its" / "Sie heißt" ("delete my email from your memory: X",
# "i need u to forget my password, its X", "den Namen meiner Tochter vergessen? Sie heißt X.")
_ANNOUNCE_21 = re.compile(
    r"^(?:\s+" + _MEMORY_WORDS_21 + r")?"
    r"(?:\s*:\s*|\s*,\s+[^,:;.!?\d@]{1,60}?\s*:\s*|\s*,\s*(?:its|it'?s|it is|c'est|es|è|é|is)\s+|"
    r"(?:\s+[\w'’-]+){0,2}\s*[.!?]\s+(?:(?:it|she|he)'?s|"
    r"(?:it|she|he) is|(?:sie|er|es) heißt|(?:il|elle) s'appelle|c'est|se llama|si chiama|chama-se|se chama|"
    r"(?:hij|zij|ze) heet|het is|(?:hon|han) heter|det är|nazywa się)\s+)"
    r"(?P<v>[^:;?]*?[^\s:;!?.,])\s*(?:[.!?]\s*)?$", re.IGNORECASE)
# only a descriptor takes an announced value ("my password, its X"), never a claim ("that Sydney is the capital of
# Australia, it's Canberra": the correction is not the thing to forget)
_DESCRIPTOR_21 = re.compile(r"^(?:my|our|mi|mis|mon|ma|mes|mein\w*|mijn|il mio|la mia|mio|mia|o meu|a minha|meu|"
                            r"minha|mitt|min|mit|moje|moja|mój|the|el|la|le|il|lo|o|a|de|het|den|die|das|der)\s+"
                            r"(?!.*\b(?:is|are|was|were|est|es|è|é|ist|är|er|jest|ser|sont|sind)\b)[^,:]{2,60}$",
                            re.IGNORECASE)
# "mi dirección, I don't want it stored: Calle Mayor 3" / "das Passwort, das ich eben getippt hab: X": the clause
# between the descriptor and the value is not part of the thing
_CLAUSE_COLON_21 = re.compile(r"^(?P<d>[^,:]+?),\s+(?P<c>[^,:]+?)\s*:\s*(?P<v>.+)$")
_PASSWORD_21 = re.compile(r"\b(?:password|passwort|mot de passe|contraseña|wachtwoord|senha|hasło|lösenord|"
                          r"adgangskode|passcode|passphrase)\b", re.IGNORECASE)
# 3. a reference by kind ("die Nummer von vorhin", "le code que je viens de te donner", "that conspiracy theory I
# brought up"): the noun, then the reference wording
_KIND_REF_21 = re.compile(
    r"^(?:the|that|this|die|das|den|der|le|la|l'|el|il|lo|o|a|de|het|dat|det|den)\s*"
    r"(?P<n>[\w'’-]+(?:\s+[\w'’-]+)?|[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:and|und|et|y|e|en|och)\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
    r"(?:(?:that |which )?i (?:just |already )?(?:gave you|gave|sent(?: you)?|typed|mentioned|told you|shared|pasted|"
    r"wrote|brought up)(?: (?:before|earlier|above|just now|at the (?:start|beginning)))?|"
    r"(?:from|frm) (?:before|earlier|above)|von (?:vorhin|"
    r"eben|gerade|vorher)|(?:das|die|den) ich (?:dir )?(?:eben |vorhin |gerade )?(?:gegeben|geschrieben|getippt|"
    r"gesagt|geschickt) (?:habe|hab)|que je (?:viens de|t'ai) (?:te )?(?:donner|donné|dire|dit|écrire|écrit)"
    r"(?: tout à l'heure)?|que te (?:di|dije|escribí|pasé|mandé)(?: antes)?|che ti ho (?:dato|detto|scritto|mandato)"
    r"(?: prima)?|que (?:eu )?te (?:dei|disse|passei|mandei)(?: antes)?|van (?:net|zonet|daarnet|eerder|straks)|"
    r"(?:die|dat) ik (?:je )?(?:net |zonet |eerder )?(?:gaf|heb gegeven|stuurde|noemde|typte)|"
    r"(?:som )?jag (?:just )?(?:gav dig|skrev|nämnde))$", re.IGNORECASE)
_ANSWER_REF_21 = re.compile(r"^(?:the|that) (?:answer|reply|response) (?:to|for) (?:my|the) (?:previous|last|earlier|"
                            r"first) question$", re.IGNORECASE)
# 4. "forget it completely, I don't want you knowing that at all": still a bare pronoun
# Round 22: a text being quoted or pasted (after a colon, or in quotes) is never cut at its own "?"
_QUOTED_22 = re.compile(r":\s+\S[^?.!]*\?|[\"“«][^\"”»]*\?", re.IGNORECASE)
_PRESENTER_22 = re.compile(r"^(?:here (?:are|is)|here's|voici|voilà|hier (?:ist|sind|is|zijn)|"
                           r"aquí (?:está|están|tienes)|aqui (?:está|estão)|ecco)\s+(?=\S)", re.IGNORECASE)
# a request after the statement in an earlier turn ("my ex's email is X, write him a short note ...", "mi novia se
# llama Carla Ruiz, help me write ...", "O meu NIF é X, preciso dele para a fatura")
_REQUEST_TAIL_22 = re.compile(
    r"(?:\s+(?=(?:can|could|would) you\b)|,\s+(?:(?:and|so|then|y|e|et|und|en)\s+)?)"
    r"(?:please|pls|plz|can you|could you|would you|help me|write|draft|compose|"
    r"make|create|give me|tell me|remind me|send|translate|use (?:it|this|that|them)|i need (?:it|this|that|them)|"
    r"i'?ll need (?:it|this|that|them)|preciso (?:dele|dela|disso)|necesito(?:lo|la)?|lo necesito|la necesito|"
    r"ich brauche (?:sie|ihn|es)|j'en ai besoin|ne ho bisogno|ik heb (?:het|hem|die) nodig|hilf mir|schreib|"
    r"aide-moi|écris|ayúdame|escribe|escríbe\w*|ajuda-me|escreve|aiutami|scrivi|help|schrijf)\b.*$", re.IGNORECASE)
_STATED_22 = re.compile(r"\b(?:is|are|was|es|est|ist|è|é|är|er|jest|heet|heißt|se llama|s'appelle|si chiama|"
                        r"se chama|chama-se)\b|\d|@", re.IGNORECASE)
_NOT_NOUN_22 = {"and", "und", "the", "een", "una", "uno", "des", "del", "der", "die", "das", "och", "with"}
# "dat nummer weer" ("weer" is loosened before), "that number again": a demonstrative + noun after earlier turns
_AGAIN_REF_22 = re.compile(r"^(?:that|this|dat|dit|die|deze|das|diese[ns]?|ce|cette|ese|esa|este|esta|quel|quella|"
                           r"questo|questa|esse|essa|den|det)\s+(?P<n>[\w'’-]+)(?:\s+(?:again|weer|nochmal|wieder|"
                           r"de nuevo|otra vez|à nouveau|di nuovo|de novo|igen))?$", re.IGNORECASE)
# "the book you just summarised" -> the title the user asked about ("what's the plot of X?" -> "X")
_SUMMARISED_22 = re.compile(r"^(?:the|that|this)\s+(?:book|film|movie|novel|song|article|story|show|series|poem|"
                            r"play|paper)\s+(?:that\s+)?you\s+(?:just\s+)?(?:summari[sz]ed|described|explained|"
                            r"told me about|talked about|recapped|outlined)$", re.IGNORECASE)
_ASKED_ABOUT_22 = re.compile(
    r"^\W*(?:(?:what'?s|what is|whats|tell me|can you (?:tell me|give me)|give me|please give me)\s+)?(?:the|a)?\s*"
    r"(?:plot|summary|story|synopsis|gist)\s+of\s+(?P<t>.+?)(?:,?\s+(?:please|pls))?\s*\??$"
    r"|^\W*(?:can you |could you |please )?(?:summari[sz]e|describe|recap)\s+(?P<u>.+?)"
    r"(?:,?\s+(?:please|pls|for me))?\s*\??$",
                             re.IGNORECASE)


def _resolve_summarised_22(span: str, turns: list[str]) -> str | None:
    """"the book you just summarised" -> the title in the last user turn that asked for it."""
    if not _SUMMARISED_22.match(span) or not turns:
        return None
    m = _ASKED_ABOUT_22.match(turns[-1].strip())
    if not m:
        return None
    return (m.group("t") or m.group("u")).strip(" ?.!")


_INTENSIFIER_21 = re.compile(r"\s+(?:at all|completely|entirely|for good|forever|altogether|totally)$", re.IGNORECASE)
# 5. request or regret wording after the thing ("my sister's name is X and honestly I'd prefer you", "meine Steuer-ID
# X, die hätte ich nicht schicken sollen")
_AFTER_THING_21 = re.compile(
    r"(?:\s+(?:and|but|so)\s+(?:(?:honestly|really|just|tbh|actually)\s+)?(?:i'?d (?:prefer|like|rather)|"
    r"i (?:would|want|need|wish)(?: like| prefer| rather)?|would|can|could|please)(?:\s+(?:you|u))?|"
    r",\s+(?:(?:die|das|den|der) (?:hätte|habe|hab) ich\b|i (?:shouldn'?t|should not|should never) have\b|"
    r"(?:no|nunca) (?:debí|debería)\b|je n'aurais (?:pas|jamais) dû\b|non avrei dovuto\b|eu não devia\b|"
    r"dat had ik\b|ik had (?:dat|het) niet\b).*)$", re.IGNORECASE)
_VALUE_STRIP_21 = " \t\"'“”‘’`.,;:?¿¡-–—"


def _join_21(d: str, v: str, text: str) -> str | None:
    """"<descriptor>, <value>" like `_join`, keeping a value's brackets ("(11) 98765-4321") and inner "!"."""
    d, v = d.strip(_PUNCT + " "), v.strip(_VALUE_STRIP_21)
    if v.endswith(")") and "(" not in v:
        v = v[:-1].rstrip()
    if v.startswith("(") and ")" not in v:
        v = v[1:].lstrip()
    if not d or not v:
        return None
    joined = f"{d}, {v}"
    return joined if _pieces_ok(joined, text) else None


def _drop_question_21(turn: str) -> str:
    """An earlier user turn without the question or request that follows the statement holding the thing ("My address
    is X. Can you suggest some parks ...?" -> "My address is X"; "Il PIN del bancomat è 9043, lo posso cambiare
    online?" -> "Il PIN del bancomat è 9043"); also `_statement`'s cut, whichever is shorter. Outer punctuation
    stripped; unchanged otherwise."""
    turn = _PRESENTER_22.sub("", turn.strip())  # round 22: "Here are the lyrics of X: ..." -> "the lyrics of X: ..."
    whole = turn.strip(" .!?")
    if _QUOTED_22.search(turn):  # round 22: never cut inside a quoted text (lyrics: "...: Is this the real life?")
        # round 23: a question after the closing quote is not part of the quoted text ('"... ?" What does it mean?')
        close = max(turn.rfind('"'), turn.rfind("”"), turn.rfind("»"))
        after = turn[close + 1:] if close > 0 and turn.count('"') != 1 else ""
        tail = [x for x in re.split(r"(?<=[.!?])\s+", after) if x.strip()]
        if tail and tail[-1].rstrip().endswith("?") and re.match(r"(?-i:[A-ZÀ-Ý¿])", tail[-1].lstrip()):
            while tail and tail[-1].rstrip().endswith("?"):
                first_question = tail.pop()
            return (turn[: close + 1] + after[: after.find(first_question)]).strip(" .!?").lstrip('"“«')
        return whole
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", turn.strip()) if s.strip()]
    kept = list(sentences)
    while len(kept) > 1 and kept[-1].rstrip().endswith("?"):
        kept.pop()  # a question sentence after the statement
    cut = " ".join(kept).strip(" .!?")
    if len(kept) == 1 and kept[0].rstrip().endswith("?") and _HAS_VALUE.search(kept[0]):
        clauses = re.split(r",\s+", kept[0].rstrip(" ?"))
        last = max((i for i, c in enumerate(clauses) if _HAS_VALUE.search(c)), default=-1)
        tail = clauses[last + 1:]
        if last >= 0 and tail and all(re.match(r"(?-i:[a-z¿])", c) for c in tail):
            cut = ", ".join(clauses[: last + 1]).strip(" .!?")
    request = _REQUEST_TAIL_22.search(cut)  # round 22: "X is Y, help me write ..." / ", preciso dele para a fatura"
    if request and _STATED_22.search(cut[: request.start()]):
        cut = cut[: request.start()].strip(" .!?,")
    options = [c for c in (cut, _statement(" ".join(kept)), whole) if c and c.casefold() in whole.casefold()]
    return min(options, key=len) if options else whole


def _resolve_kind_21(span: str, turns: list[str]) -> str | None:
    """The earlier statement a reference by kind means ("die Nummer von vorhin" -> the turn with a number, without its
    question); "the answer to my previous question" -> that question."""
    if _ANSWER_REF_21.match(span):
        questions = [t for t in turns if t.rstrip().endswith("?")]
        return questions[-1].strip(" ?¿") if questions else None
    m = _KIND_REF_21.match(span) or _AGAIN_REF_22.match(span)
    if not m:
        return _resolve_summarised_22(span, turns)
    turns = [t for t in turns if not _ACK.match(t)]
    noun = m.group("n").casefold()
    # round 22: any noun of "the employee ID and manager name" may name the earlier turn
    stems = [w[:5] for w in re.findall(r"[\w'’-]+", noun) if len(w) > 2 and w not in _NOT_NOUN_22]
    hits = [t for t in turns if any(st in t.casefold() for st in stems)]
    kinds = [has for name, has in _KINDS if name.search(noun)]
    hits = hits or [t for t in turns if any(k.search(t) for k in kinds)]
    hits = [t for t in hits if _HAS_VALUE.search(t)] or hits
    if not hits and len(turns) == 1:
        hits = turns  # one earlier user turn: the reference means it
    return _drop_question_21(hits[-1]) if hits else None


def _tidy_21(span: str | None, text: str, history: Iterable) -> str | None:
    """Round 21 (extraction only): the value kept when it follows the descriptor after a colon / "its" / "Sie heißt";
    the memory phrase and a clause between descriptor and value dropped; an earlier turn without its trailing
    question; a reference by kind resolved from the earlier turns."""
    if span is None:
        return None
    turns = _user_turns(history)
    in_text = _pieces_ok(span, text)
    if turns and in_text and not _HAS_VALUE.search(span):
        bare = _INTENSIFIER_21.sub("", _loose(span))
        if bare != _loose(span) and _BARE_PRONOUN.match(bare):  # "that at all"
            earlier = _from_history(history, "", text)
            return _drop_question_21(earlier) if earlier else span
        resolved = _resolve_kind_21(_loose(span), turns)
        if resolved and _contained(resolved, turns):
            return resolved
    if not in_text:  # from an earlier turn: drop the question after the statement
        for t in turns:
            if span.casefold() in t.casefold():
                cut = _drop_question_21(t)
                return cut if cut and cut.casefold() in span.casefold() else span
        return span
    after_thing = _AFTER_THING_21.search(span)
    if after_thing and len(span[: after_thing.start()].split()) >= 2:
        span = span[: after_thing.start()].strip(_PUNCT + " ")
    head, sep, tail = span.partition(", ")
    mem = _MEMORY_21.search(head)
    if sep and mem and tail:  # "mi número de teléfono de tu memoria, 612 345 678"
        span = _join_21(head[: mem.start()] + head[mem.end():], tail, text) or span
    mem = _MEMORY_21.search(span)
    if mem and ":" in span[mem.end():]:  # "meu número de celular da sua memória: (11) 98765-4321"
        span = _join_21(span[: mem.start()], span[mem.end():].split(":", 1)[1], text) or span
    clause = _CLAUSE_COLON_21.match(span)
    if clause and not _HAS_VALUE.search(clause.group("c")) and len(clause.group("v").split()) <= 8:
        span = _join_21(clause.group("d"), clause.group("v"), text) or span
    i = text.casefold().find(span.casefold())
    if i >= 0 and not _HAS_VALUE.search(span) and _DESCRIPTOR_21.match(span.strip(_PUNCT + " ")):
        after = _ANNOUNCE_21.match(text[i + len(span):])
        v = after.group("v").strip(_VALUE_STRIP_21) if after else ""
        if (v and len(v.split()) <= 8 and not _CUE.search(v)
                and (_HAS_VALUE.search(v) or re.match(r"(?-i:[A-ZÀ-Ý])", v))):
            span = _join_21(span, v, text) or span
    head, sep, tail = span.partition(", ")
    if sep and _PASSWORD_21.search(head) and " " not in tail and re.search(re.escape(tail) + r"!+\s*$", text):
        span = span + "!"  # "Olvida mi contraseña del banco: Girasol2024!": the "!" is part of the password
    return span


# ---- round 23 (extraction only): "<descriptor>, <value>" for a value stated, announced or written straight after the
# descriptor; request wording after the thing dropped; references with a "from before" tail resolved from history.
_POSS_23 = (r"(?:my|our|mi|mis|mon|ma|mes|mein|meine|meinen|meiner|mijn|il mio|la mia|i miei|le mie|o meu|a minha|"
            r"os meus|meu|minha|mitt|min|mina|mit|mine|mój|moja|moje|mojego)")
# the verb / announcer / mark between a descriptor and its value ("is", "c'est", "which is", " - ", ":", "(")
_SEP_23 = (r"(?:,?\s+(?:which is|that is|which was|que es|qui est|che è|que é|"
           r"is|ist|es|è|é|är|er|to|est|c'est|c’est|its|it's|it is|"
           r"das ist(?: der| die| das)?|lautet|heißt|se llama|si chiama|chama-se|heet)\s+|\s+[-–—]\s+|:\s+|\s+\(\s*|"
           r",\s+(?=(?:i'?m|i am)\s|[\"“«]))")
_STATED_23 = re.compile(r"^(?:and |but |also |und |et |y |e |en |og |och )?(?:the (?:info|information|fact) that )?"
                        r"(?P<d>" + _POSS_23 + r"\s+[^,:;()\-–—\d@]{2,50}?)" + _SEP_23 + r"(?P<v>\S.*)$", re.IGNORECASE)
# words that name a kind of value: a capitalised value after them is the value ("my son's school is St Aidan's")
_VALUE_NOUN_23 = re.compile(r"(?:name|naam|nom\b|nombre|nome|namn|navn|imię|nickname|handle|username|password|"
                            r"passwort|wachtwoord|contraseña|senha|lösenord|hasło|\bmdp\b|address|adresse|adres|"
                            r"dirección|indirizzo|endereço|school|surgery|religion|blood|maiden|landlord|email|e-mail|"
                            r"correo|wi-?fi|code|number|nummer|numéro|número|numero|pin\b|iban|id\b|date|datum|"
                            r"birthday|geburtsdatum|employer|doctor|bank|codice|código|kod\b|cpf|dni|nif|bsn|pesel|numer\b)",
                            re.IGNORECASE)
# after the value: a new clause or a remark, not part of the value
_VALUE_TAIL_23 = re.compile(r"(?:\s+(?:lol|lmao|haha|pls|please|bitte|por favor|s'il te plaît|stp|full stop|honestly|"
                            r"tbh|if you need it|in case you need it|but|aber|mais|pero|maar)\b|"
                            r",\s+(?:in case|just in case|if you|text|call|"
                            r"write|send|help|remind|tell|can you|could you)\b|"
                            r",\s+(?:he|she|it|they|i|we|il|elle|er|sie|es|ik|hij|zij|él|ella|lui|lei|ele|ela)\s+\w|"
                            r"\s+(?:and|en|und|et|y|e|og|och|i)\s+(?:the|my|i|ik|ich|je|yo|eu|jag|jeg|he|she|it|honestly|"
                            r"de|het|der|die|das|le|la|el|il|o|a)\b|"
                            r"(?<!\d)(?<!\bdr)(?<!\bmr)(?<!\bms)(?<!\bst)(?<!\bno)(?<!\bnr)(?<!\bmrs)(?<!\bprof)[.!?]\s+(?-i:[A-ZÀ-Ý])).*$",
                            re.IGNORECASE)
# a second item after the value ("my name is X and my email is Y"): the statement stays whole
_SECOND_ITEM_23 = re.compile(r"^\s*(?:and|und|et|y|e|en|og|och|i)\s+" + _POSS_23 + r"\s", re.IGNORECASE)
# "forget what I just told you (about ...)": the turn as it was told (the spec's own example)
_WHAT_TOLD_23 = re.compile(r"\b(?:what i (?:just )?(?:told|said|wrote|typed|mentioned)|the thing i (?:told|said)|"
                           r"ce que je t'ai dit|lo que te (?:dije|conté)|was ich (?:dir )?(?:gesagt|erzählt)|"
                           r"wat ik (?:je )?(?:vertelde|zei)|quello che ti ho detto|o que (?:eu )?(?:disse|te disse))"
                           r"\b", re.IGNORECASE)

# request / reason wording after the thing ("... i dont want spoilers leaking", ", porque lo comparto con mi ex")
_AFTER_23 = re.compile(r"(?:\s+i (?:dont|don't|do not) want\b|,?\s+(?:because|porque|parce que|weil|perché|omdat|"
                       r"eftersom|fordi|ponieważ)\b).*?(?=,\s+\S*[\d@]|$)",
                       re.IGNORECASE)
_SPECIFIC_23 = re.compile(r"^.*?,?\s+(?:specifically|namely|in particular|especially|nämlich|notamment|"
                          r"en concreto|in particolare|nomeadamente|namelijk)\s+(?=" + _POSS_23 + r"\s)", re.IGNORECASE)
# a descriptor before the verb, its value after ("meinen Namen vergisst: X", "mijn telefoonnummer vergeet, 06-...")
_DESC_BEFORE_23 = re.compile(r"\b(?P<d>" + _POSS_23 + r"\s+[\w'’-]+)\s+(?:[\w'’]+\s+){0,3}?[\w'’]+\s*[:,]\s*$",
                             re.IGNORECASE)
_FROM_BEFORE_23 = re.compile(r"^(?P<d>" + _POSS_23 + r"\s+[\w'’ -]{2,40}?)(?:\s+(?:van net|von eben|von vorhin|"
                             r"from before|from earlier|de antes|d'avant|di prima|de antes|från förut|fra før)|"
                             r",?\s+(?:który|którą|które) (?:podałem|podałam|ci podałem))$", re.IGNORECASE)
_NOT_VALUE_23 = re.compile(r"^(?:a|an|the|not|no|private|secret|very|so|too|really|wrong|old|new|fine|ok|okay|gone|"
                           r"here|there|in|on|at|from|with|for|to|of)\b", re.IGNORECASE)


def _names_kind_23(d: str, text: str) -> bool:
    """True when `text` names the kind of thing `d` describes (a word of it, or any value noun: "that NI number")."""
    words = [w[:5].casefold() for w in re.findall(r"[\w'’-]+", d)[1:] if len(w) > 2]
    return any(w in text.casefold() for w in words) or bool(_VALUE_NOUN_23.search(text))


def _asked_for_23(tail: str, text: str, v: str) -> bool:
    """True when the request (`text`, not holding the value) names a word of what follows the value ("forget the
    pregnancy thing and her name" after "... and she's pregnant")."""
    if v.casefold() in text.casefold():
        return False
    asked = {w[:5].casefold() for w in re.findall(r"\w+", text) if len(w) > 3}
    return any(w[:5].casefold() in asked for w in re.findall(r"\w+", tail) if len(w) > 3)


def _value_ok_23(d: str, v: str) -> bool:
    if len(v.split()) > 8:
        return False
    if _HAS_VALUE.search(v):
        return bool(_VALUE_NOUN_23.search(d)) or bool(re.match(r"(?-i:[\dA-ZÀ-Ý+(])", v))
    if _NOT_VALUE_23.match(v) or len(v.split()) > 6:
        return False
    return bool(_VALUE_NOUN_23.search(d)) and (bool(re.match(r"(?-i:[A-ZÀ-Ý])", v)) or len(v.split()) <= 2)


def _joined_23(d: str, v: str, sources: list[str], text: str) -> str | None:
    d = d.strip(_PUNCT + " ")
    tail = _VALUE_TAIL_23.search(v)
    if tail and (_SECOND_ITEM_23.match(tail.group(0)) or _asked_for_23(tail.group(0), text, v)):
        return None  # the statement holds a second thing, or the person asks about what follows the value
    v = (v[: tail.start()] if tail else v).strip(_VALUE_STRIP_21 + "«»")
    v = re.sub(r"^(?:de|of)\s+(?=\d)", "", v, flags=re.IGNORECASE)
    # round 24: "ist der 3.11.1988" -> "3.11.1988"
    v = re.sub(r"^(?:der|die|das|den|le|el)\s+(?=\d+[./]\d+\S*$)", "", v, flags=re.IGNORECASE)
    if ")" in v and "(" not in v and not v.endswith(")"):
        return None
    said_am = re.match(r"^(?:i'?m|i am|je suis|ich bin|soy)\s+", v, flags=re.IGNORECASE)
    v = v[said_am.end():] if said_am else v  # "my religion (i'm muslim)": the person says what they are
    if v.endswith(")") and "(" not in v:
        v = v[:-1].rstrip()
    if not d or not v or not (_value_ok_23(d, v) or (said_am and len(v.split()) <= 3)):
        return None
    joined = f"{d}, {v}"
    return joined if any(_pieces_ok(joined, s) for s in sources) else None


def _tidy_23(span: str | None, text: str, history: Iterable) -> str | None:
    """Round 23 (extraction only), a last pass: a value stated ("my X is Y", "Mi DNI es Y", "Mój PESEL to Y"),
    announced ("which is", " - ", "c'est", ":", brackets) or written straight after its descriptor ("my IBAN GB29 ...")
    becomes "<descriptor>, <value>" (the spec's example style); a descriptor written before the verb is kept with the
    value ("meinen Namen vergisst: X"); request / reason wording after the thing is dropped; "mijn BSN van net" is
    resolved from the earlier turn that gives it."""
    if span is None:
        return None
    turns = _user_turns(history)
    sources = [text, *turns]
    s = span.strip()
    m = _FROM_BEFORE_23.match(s)
    if m and turns:  # "mijn BSN van net" / "mój PESEL, który podałem": the earlier turn that gives it
        noun = m.group("d").split(None, 1)[1].casefold()
        hits = [t for t in turns if noun in t.casefold() and _HAS_VALUE.search(t)]
        if hits:
            s = _drop_question_21(hits[-1])
    spec = _SPECIFIC_23.match(s)
    if spec:
        s = s[spec.end():]
    s = re.sub(r"\s+(?:anymore|any more)(?=\s*[,:]|$)", "", s, flags=re.IGNORECASE)  # "my address anymore: X"
    after = _AFTER_23.search(s)
    if after and after.start() > 0 and len(s[: after.start()].split()) >= 2:
        s = (s[: after.start()] + s[after.end():]).strip(_PUNCT + " ")
    m = _STATED_23.match(s)
    # an earlier turn: only when the reference names the kind of thing ("the PIN I gave you", "el DNI que te di");
    # "forget what I told you" keeps the turn as it was told
    if m and (_pieces_ok(s, text) or (_names_kind_23(m.group("d"), text) and not _WHAT_TOLD_23.search(text))):
        s = _joined_23(m.group("d"), m.group("v"), sources, text) or s
    elif (_HAS_VALUE.search(s) or re.match(r"(?-i:[A-ZÀ-Ý])", s)) and not re.match(_POSS_23 + r"\s", s, re.IGNORECASE):
        i = text.find(s)
        d = _DESC_BEFORE_23.search(text[:i]) if i > 0 else None
        if d and s.count(" ") <= 6:
            s = _joined_23(d.group("d"), s, sources, text) or s
    return s if any(_pieces_ok(s, src) for src in sources) else span


# ---- round 24 (extraction only): marks not yet read ("=", "was", ", se llama", ", è", ", ze heet", "ist der"), a
# descriptor led by an article ("den Namen meiner Tochter – Lena"), a value after the memory phrase, "forget what I
# just told you" in the "<descriptor>, <value>" style, demonstrative / Danish / "before the X question" references.
_POSS_24 = r"(?:" + _POSS_23[3:-1] + r"|meines|meinem|mio|mia|miei|mie|mine|minha|meu)"
_SEP_24 = (r"(?:,?\s+(?:which is|that is|which was|que es|qui est|che è|que é|die is|der ist|som är)\s+|\s*=\s*|"
           r"\s+[-–—]\s+|,?\s+(?:was|war|era|était|var|is|ist|es|è|é|est|är|er|to|heet|heißt|se llama|"
           r"si chiama|s'appelle|chama-se|se chama)\s+|,\s+(?:ze|zij|hij|sie|er|she|he|il|elle|ella|él|lei|lui|ela|ele|"
           r"it)\s+(?:heet|heißt|is|ist|s'appelle|est|se llama|es|si chiama|è|se chama|é|chama-se)\s+)")
_DESC_24 = (r"(?:" + _POSS_24 + r"\s+[^,:;()\-–—=\d@]{2,50}?|(?:the|den|der|die|das|le|la|el|il|lo|o|a|de|het)\s+"
            r"[^,:;()\-–—=\d@]{0,30}?\b" + _POSS_24 + r"\s+[^,:;()\-–—=\d@]{2,30}?)")
_STATED_24 = re.compile(r"^(?P<d>" + _DESC_24 + r")" + _SEP_24 + r"(?P<v>\S.*)$", re.IGNORECASE)
# "forget what I just told you" and its kin: the earlier turn, in the "<descriptor>, <value>" style
_TOLD_24 = re.compile(r"\b(?:what i (?:just )?(?:told|said|wrote|typed|mentioned|gave)|the thing i (?:told|said)|"
                      r"ce que je (?:t'ai|viens de te) (?:dit|écrit)|lo que te (?:dije|conté|escribí)|"
                      r"was ich (?:dir )?(?:(?:gerade|eben) )?(?:gesagt|erzählt|geschrieben)|"
                      r"wat ik (?:je )?(?:net )?(?:vertelde|zei|schreef)|quello che ti ho (?:detto|scritto)|"
                      r"o que (?:eu )?(?:te )?(?:disse|escrevi)|det jag (?:nyss |just )?(?:skrev|sa|sade|berättade)|"
                      r"det jeg (?:lige )?(?:skrev|sagde)|to,? co (?:ci )?(?:napisałem|powiedziałem))\b", re.IGNORECASE)
# a value after the memory phrase ("erase my blood type from your knowledge, it's O negative", "remove my home
# address from the model: 5 Willow Crescent")
_MEMORY_24 = (r"(?:from|out of|in|frm) (?:your|ur|the) (?:memory|mind|head|system|brain|knowledge|model|training|"
              r"data|records?)")
_AFTER_MEMORY_24 = re.compile(r"^\s+" + _MEMORY_24 + r"\s*(?::\s*|,\s*(?:(?:it'?s|its|it is|which is)\s+)?)"
                              r"(?P<v>[^,;?]*?[^\s,;!?.])\s*[.!]?\s*$", re.IGNORECASE)
# a demonstrative or a Danish definite noun ("ese número que te di", "ten numer", "adressen jeg lige gav dig", "the
# number I gave you before the Tokyo question")
_REF_24 = re.compile(r"^(?:(?:ese|esa|este|esta|aquel|aquella|ce|cette|quel|quella|questo|questa|esse|essa|este|"
                     r"ten|ta|to|tę|that|this|the|dieses|diese|diesen)\s+)?(?P<n>[\w'’-]+)\s+(?:que te (?:di|dije|"
                     r"pasé|escribí)|(?:som |,\s*)?(?:jeg|jag) (?:lige |just |nyss )?(?:gav dig|skrev|nævnte|nämnde)|"
                     r"i gave you (?:before|after) (?:the|my) [\w' -]+?|,?\s*(?:który|którą|które) ci (?:podałem|"
                     r"podałam|dałem))$", re.IGNORECASE)
_POLITE_24 = re.compile(r"^(?:please|pls|plz|thanks|thank you|thx|bitte|danke|por favor|gracias|s'il te pla[iî]t|"
                        r"stp|merci|per favore|grazie|alsjeblieft|dank je|tack|tak|proszę|obrigad[oa])$", re.IGNORECASE)
_CLAIM_24 = re.compile(r"^(?:that|this|the) (?:claim|statement|thing) i (?:made|said|wrote)(?: earlier| before)?$",
                       re.IGNORECASE)
_TAG_Q_24 = re.compile(r",?\s+(?:right|isn'?t it|no|true|correct|n'est-ce pas|verdad|oder|nicht wahr|vero)\s*\?*\s*$",
                       re.IGNORECASE)


def _tidy_24(span: str | None, text: str, history: Iterable) -> str | None:
    """Round 24 (extraction only), a last pass after round 23's: see the block comment above."""
    if span is None:
        return None
    turns = [t for t in _user_turns(history) if not _ACK.match(t)]
    sources = [text, *_user_turns(history)]
    s = span.strip()
    if turns and _pieces_ok(s, text) and not _HAS_VALUE.search(s):
        ref = _REF_24.match(_loose(s))
        if ref:
            resolved = _resolve_kind_21(f"the {ref.group('n')} I gave you", turns)
            if resolved and _contained(resolved, turns):
                s = resolved
        elif _CLAIM_24.match(_loose(s)):
            s = _TAG_Q_24.sub("", turns[-1].strip()).strip(" ?.!")
    m = _STATED_24.match(s)
    # an earlier turn only when the request names its kind (round 23's condition); "forget what I just told you" keeps
    # the turn as told: the held-out gold does so ("Dimentica quello che ti ho detto." -> "My email is sam.k@...")
    if m and (_pieces_ok(s, text) or (_names_kind_23(m.group("d"), text) and not _TOLD_24.search(text))):
        s = _joined_23(m.group("d"), m.group("v"), sources, text) or s
    i = text.casefold().find(s.casefold())
    if i >= 0 and not _HAS_VALUE.search(s) and _DESCRIPTOR_21.match(s.strip(_PUNCT + " ")):
        after = _AFTER_MEMORY_24.match(text[i + len(s):])
        if after and not _POLITE_24.match(after.group("v")):
            s = _joined_23(s, after.group("v"), sources, text) or s
    mem = re.search(r"\s+" + _MEMORY_24 + r"(?=,)", s, re.IGNORECASE)
    if mem:
        head, _, tail = s[mem.end():].partition(", ")
        joined = _joined_23(s[: mem.start()], tail, sources, text) if not head.strip() else None
        s = joined or s
    return s if any(_pieces_ok(s, src) for src in sources) else span
