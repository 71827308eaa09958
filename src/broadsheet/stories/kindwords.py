"""The words that mark a speaker's kind, shared by the rules (``speakers``, ``officials``) and by
the reading of the titles a story writes around a name (``titles``): an office (``OFFICE``, with a
member of Congress's ``PARTY``), an expert's word or body (``EXPERT``), a time past (``FORMER``).

Pure: no I/O.
"""

from __future__ import annotations

import re

FORMER = re.compile(r"\b(?:former|ex-|ex\s|retired|one-time|onetime|erstwhile)", re.I)


_BODY = (r"county|city|state|federal|municipal|provincial|national|regional|public|government|"
         r"league|federation|association|commission|committee|council|board|agency|ministry|"
         r"department|authority|union|party")
_BODY_TITLES = (r"(?:director|head|chief|officer|executive|administrator|manager|spokes\w+|official|"
                r"chair(?:man|woman|person)?|leader|secretary(?!-treasurer))")
PARTY = r"(?:Republican|Democrat|Independent)"  # a member of Congress's, with "of" and a state
OFFICE = re.compile(
    # a secretary-treasurer is a body's officer (a union's, a company's), no office: the body decides
    r"\b(?:president|vice president|prime minister|minister|secretary(?!-treasurer)|senator|sen\.|"
    r"representative|rep\.|congress(?:man|woman)?|lawmaker|legislator|governor|gov\.|mayor|"
    r"spokes(?:person|man|woman)|ambassador|envoy|diplomat|officials?|commissioner|"
    r"(?:attorney|surgeon|inspector|secretary|solicitor|major|brigadier|lieutenant) general|"
    r"general\s+[A-Z]|gen\.|prosecutor|judge|magistrate|chancellor|chief of staff|"
    # a justice: the word alone, after an article or a court, or a title before a name ("Justice
    # Kennedy", "the Justice Department"); not a surname ("Jim Justice") nor a field ("the Center of
    # Media Justice", "an environmental justice group")
    r"(?:^|(?<=\bthe )|(?<=\ba )|(?<=\bsome )|(?<=\bchief )|(?<=\bassociate )|(?<=\bcourt ))justices?|"
    r"(?-i:Justice(?=\s+[A-Z]))|"
    r"(?:majority|minority) leader|(?-i:Senate|House|Assembly) (?:[\w-]+ ){0,2}leader|"
    # a member of Congress written by party and state ("Republican of Kentucky")
    rf"(?-i:{PARTY} of(?= [A-Z]))|"
    # a member of Congress's party and state ("R-Ky.", "D-Calif.", "R-Utah", "R-S.C.")
    r"(?-i:(?<![\w-])[RDI]-(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2}|Utah|Iowa|Ohio|Maine|Texas|Idaho|Alaska|Hawaii))|"
    r"(?:police|fire|army|navy|defen[cs]e|deputy|transit) chief|disease (?:prevention|control)|"
    r"chief (?:justice|constable|whip)|(?-i:Constable)|sergeant|sgt\.|"
    r"admiral|colonel|col\.|lt\.|maj\.|commander|cmdr\.|superintendent|police|sheriff|white house|pentagon|"
    # a police detective or an inspector ("ex-NYPD detective", "Area Commander Inspector", "Insp Holt")
    r"detectives?|inspectors?|(?-i:Insp)\.?|"
    r"(?:chief|trade|peace) negotiator|(?:special|independent) counsel|"
    r"state department|kremlin|parliament|"
    r"mp|cabinet|king|queen|premier|opposition leader|party leader|speaker of|whip|mayor|"
    r"(?:house|assembly|senate) speaker|(?:public )?prosecution|"
    r"(?<!keynote )(?<!guest )(?<!featured )(?<!motivational )(?<!public )(?-i:Speaker)|"
    r"(?-i:Office of (?:the )?[A-Z][\w'’.-]*)|(?:senate|house) (?:[\w-]+ ){0,3}committee|"
    r"(?:army|police|military|naval|navy|border|customs|correctional|probation|patrol) officers?|"
    r"highway patrol|state troopers?|"
    r"fbi|cia|nsa|national intelligence|united nations|nato|nasa|cdc|world health organi[sz]ation|"
    r"joint chiefs|"
    # the United Nations' agencies by their initials ("UNHCR spokesman Ada Holt")
    r"(?-i:UN(?:HCR|ICEF|ESCO|RWA|DP|EP|FPA|CTAD|IDO|AIDS|OCHA)|OCHA)|"
    r"international monetary fund|imf|world bank|world trade organi[sz]ation|"
    r"centers? for disease control|(?:department|ministry|bureau|secretary) of|ombudsman|"
    r"(?:u\.?s\.?|district|state|county|city|prosecuting) attorney|"
    # a body's title ("county manager", "agency director"); a national or a regional one with "of" and a
    # name after it is that body's, which decides ("national manager of Plains Voters for Reform")
    rf"(?:(?!national\b|regional\b)(?:{_BODY})|(?:national|regional)(?=\s+(?:\w+\s+)?{_BODY_TITLES}"
    r"(?!\s+of\s+(?:the\s+)?(?-i:[A-Z]))))\s+(?:\w+\s+)?" + _BODY_TITLES + "|"
    # a state's, a county's or a city's auditor, treasurer or comptroller ("State Auditor")
    r"(?:state|county|city|municipal)\s+(?:auditor|treasurer|comptroller|controller)|"
    r"(?:auditor|comptroller)[- ]general|"
    r"(?:head|director|chief|administrator) of (?:the )?(?:[\w'’.-]+ ){0,3}(?:ministry|government))(?!\w)",
    re.I,
)
EXPERT = re.compile(
    r"\b(?:analyst|professor|prof\.|economist|researcher|\w*scientist|historian|scholar|expert|"
    r"fellow|lecturer|strategist|consultant|physician|surgeon|psychiatrist|doctor|dr\.|engineer|statistician|"
    r"\w+ologists?|university|college|institute|institution|think tank|foundation|center|"
    r"centre|school of|laboratory|observatory|national weather service|weather service|"
    r"research (?:director|firm|group)|market research|(?:senior|lead|study|co-?)\s*author|"
    r"(?:head|director|chief) of (?:\w+\s+)?research)(?!\w)",
    re.I,
)


ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
