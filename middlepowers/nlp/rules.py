"""Trigger rules as records, assembled into spaCy Matchers.

Each `Rule` has an explicit id (what code that treats a rule apart names, and what the tests
name: renaming never changes an event), the trigger label classify.py reads, the contract event
types its matches may become, its token patterns, and example sentences of our own writing that
`tests/test_rule_examples.py` runs through the extractor: each must fire its rule and yield its
type. Patterns match lowercase token text, so they read like the phrases they catch. classify.py
then decides the type, arguments.py reads who, where and when, before a match becomes an event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher

from ..schema import EVENT_TYPES

# Word lists shared by several patterns.
HOST = ["host", "hosts", "hosted", "hosting"]
TALKS = ["talks", "negotiations", "negotiation", "consultations", "round", "rounds", "dialogue", "meeting", "meetings", "mediation", "peace",
         "contacts", "discussions"]
MEDIATE = ["mediated", "mediates", "mediating", "brokered", "brokers", "brokering", "mediate", "broker"]
FACILITATE = ["facilitated", "facilitates", "facilitating", "facilitate", "organised", "organized", "arranged", "convened"]
DEALS = ["ceasefire", "ceasefires", "truce", "truces", "swap", "swaps", "exchange", "exchanges", "deal", "talks", "negotiations", "dialogue",
         "release", "return",
         "meeting", "meetings", "agreement", "peace", "consultations", "initiative", "accord", "pact", "settlement", "pause"]
OFFER_V = ["offered", "offers", "offer", "offering", "proposed", "proposes", "propose", "proposing", "suggested", "suggests",
           "agreed", "agrees", "volunteered", "pledged", "invited", "invites", "declined", "refused"]
OFFER_N = ["offer", "offers", "proposal", "proposals", "readiness", "willingness", "ready", "willing", "prepared", "invitation", "bid",
           "available"]
OFFER_WHAT = ["host", "mediate", "facilitate", "organise", "organize", "provide", "hold", "act", "serve", "broker", "arrange", "convene", "send", "contribute", "deploy", "allocate", "donate", "help"]
PLATFORM = ["platform", "venue", "platforms", "venues"]
SUMMIT_N = ["summit", "summits", "ministerial", "cop29", "cop28", "cop27", "cop30", "cop26"]
WEAK_SUMMIT_N = ["conference", "forum", "session", "congress", "assembly", "ministerial", "gathering"]
PARTICIPATE = ["attend", "attends", "attended", "attending", "participate", "participates", "participated", "participating",
               "participation", "addressed", "addresses", "address", "took", "take", "taking", "joined", "joins", "join",
               "hosted", "hosts", "host", "hosting", "represented", "spoke", "speaking", "chaired", "convened", "speech",
               "remarks", "delivered", "elected"]
INIT_V = ["proposed", "proposes", "propose", "proposal", "proposals", "initiated", "initiative", "initiatives", "initiator",
          "launched", "launch", "launches", "launching", "established", "establishing", "establish", "establishment",
          "founded", "founding", "founder", "championed", "champions", "championing", "pioneered", "spearheaded",
          "brainchild", "created", "creating", "inaugurated", "unveiled", "advanced", "presented", "floated", "initiating"]
CHAIR_V = ["chaired", "chairs", "chairing", "chair", "presided", "presides", "presiding", "preside", "co-chair", "co-chairs", "co-chaired"]
HOLD_V = ["held", "holds", "hold", "holding", "assumed", "assumes", "assume", "assuming", "took", "take", "takes", "taking",
          "handed", "hand", "hands", "handing", "passed", "pass", "passes", "passing", "transferred", "relinquished", "won", "secured", "began"]
CHAIR_N = ["chairmanship", "chairmanships", "chairship", "chairpersonship", "presidency", "presidencies", "helm", "chair", "chairmanship-in-office"]
AID_V = ["provided", "provide", "provides", "providing", "sent", "send", "sends", "sending", "delivered", "deliver", "delivers",
         "donated", "donate", "donates", "donating", "allocated", "allocate", "allocates", "allocating", "allocation",
         "pledged", "pledge", "pledges", "pledging", "granted", "grant", "contributed", "contribute", "contributes", "contributing",
         "dispatched", "dispatch", "shipped", "earmarked", "transferred", "gave", "give", "gives", "extended", "airlifted",
         "flown", "flew", "airdropped", "opened", "funded", "carried", "carrying", "carries"]
AID_N = ["aid", "assistance", "relief", "humanitarian", "tonnes", "tons", "supplies", "vaccines", "vaccine", "doses", "funds",
         "funding", "grant", "grants", "donation", "donations", "contribution", "contributions", "$", "usd", "million", "billion",
         "dollars", "manat", "tenge", "food", "medicine", "medicines", "cargo", "rescue", "rescuers", "tents", "blankets",
         "generators", "medical", "doctors", "wheat", "flour", "fuel", "hospital", "airdrops", "airdrop"]
SIGN_V = ["signed", "sign", "signs", "signing", "inked", "ink", "inks", "concluded", "conclude", "concludes", "initialled",
          "initialed", "ratified", "ratify", "ratifies", "adopted", "adopt", "adopts", "endorsed", "finalised", "finalized",
          "sealed", "seal", "seals", "joined", "join", "joins", "acceded", "accede", "accedes", "accession"]
AGREEMENT_N = ["agreement", "agreements", "treaty", "treaties", "memorandum", "memoranda", "memorandums", "mou", "mous",
               "declaration", "declarations", "deal", "deals", "accord", "accords", "documents", "document", "protocol",
               "protocols", "roadmap", "charter", "communiqué", "communique", "contract", "contracts", "convention", "pact", "statement"]
CLOSE_V = ["closed", "closing", "close", "closure", "shut", "shutting", "shutdown", "closes"]
RENOUNCE_V = ["renounced", "renouncing", "renounce", "relinquished", "dismantled", "dismantling", "dismantle", "eliminated", "eliminate",
              "eliminating", "gave", "giving", "give", "abandoned", "removed", "remove", "destroyed", "destroy", "surrendered"]
NUCLEAR_N = ["nuclear", "arsenal", "weapons", "warheads", "uranium", "missiles"]
DISARM_N = ["denuclearization", "denuclearisation", "non-proliferation", "nonproliferation", "disarmament", "npt", "tpnw", "ctbt"]
PEACEKEEP_N = ["peacekeepers", "peacekeeper", "peacekeeping", "unifil", "undof", "minusma", "unmiss", "minusca", "monusco", "unficyp", "unmik", "kfor", "unisfa", "minurso"]
TROOP_V = ["contribute", "contributes", "contributed", "contributing", "send", "sent", "sends", "sending", "deploy", "deployed",
           "deploys", "deploying", "dispatch", "dispatched", "commit", "committed", "station", "stationed", "rotate", "rotated",
           "offered", "offer", "offers", "pledged", "pledge", "kept", "keeps", "maintained", "maintains"]
TROOP_N = ["troops", "contingent", "contingents", "soldiers", "battalion", "battalions", "company", "servicemen", "officers", "observers",
           "personnel", "platoon", "unit", "units", "paratroopers", "peacekeepers"]
STABILISATION = ["stabilisation", "stabilization", "peace", "peacekeeping", "international", "interim", "multinational", "protection"]


def _w(words: list[str]) -> dict:
    return {"LOWER": {"IN": words}}


def _gap(n: int) -> dict:
    return {"OP": f"{{0,{n}}}"}


@dataclass(frozen=True)
class Rule:
    """One trigger idea: its id, the label classify reads, the types it may yield, its patterns,
    and sentences of our own that show it (each with the type it yields there)."""

    id: str
    label: str
    yields: tuple[str, ...]
    patterns: tuple[list[dict], ...]
    examples: tuple[tuple[str, str], ...]
    doc: str = ""

    def __post_init__(self) -> None:
        if not set(self.yields) <= set(EVENT_TYPES):
            raise ValueError(f"rule {self.id}: yields {self.yields} outside the contract's event types")
        if len(self.examples) < 2 or any(t not in self.yields for _, t in self.examples):
            raise ValueError(f"rule {self.id}: needs two or more examples, each yielding one of {self.yields}")


SPONSOR = ["sponsored", "co-sponsored", "co-hosted", "cohosted", "co-chaired", "co-organised", "co-organized", "supported"]


RULES: tuple[Rule, ...] = (
    Rule(
        'host_talks', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'Kazakhstan hosted a new round of peace talks' / 'played host to negotiations'.""",
        patterns=([_w(HOST), _gap(5), _w(TALKS)],
            # "hosted on Saturday in Doha the signing ceremony of a declaration between A and B"
            [_w(HOST), _gap(6), {"LOWER": "signing"}, _gap(10), {"LOWER": "between"}],
            [_w(["played", "plays", "play", "playing"]), {"LOWER": "host"}, {"LOWER": "to"}, _gap(5), _w(TALKS)],
            [_w(HOST), _gap(3), _w(["leaders", "presidents", "delegations", "heads", "ministers", "representatives"]),
             {"LOWER": "of"}],
            # "thanked Oman for hosting earlier efforts"
            [_w(HOST), _gap(2), {"LOWER": "efforts"}],),
        examples=(
            ('Kazakhstan hosted a fresh round of peace talks between Armenia and Azerbaijan in Almaty on 10 May 2024.', 'talks_hosted'),
            ('Qatar hosted the leaders of Ethiopia and Eritrea for a day of talks in Doha last week.', 'talks_hosted'),
        ),
    ),
    Rule(
        'act_as_host', 'talks_role', ('talks_hosted', 'summit', 'mediation_offer'),
        doc="""'Oman acted as an intermediary in the talks' / 'served as mediator between...'.""",
        patterns=([_w(["act", "acts", "acted", "acting", "serve", "serves", "served", "serving"]), {"LOWER": "as"}, _gap(2),
             _w(["host", "mediator", "facilitator", "broker", "intermediary", "go-between", "venue"])],),
        examples=(
            ('Oman acted as an intermediary in the talks between Iran and the United States held in Muscat in April 2024.', 'talks_hosted'),
            ('Turkey served as mediator between Russia and Ukraine during the grain negotiations in Istanbul in July 2022.', 'talks_hosted'),
        ),
    ),
    Rule(
        'mediated', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'Qatar mediated between Hamas and Israel' / 'brokered a ceasefire'.""",
        patterns=([_w(MEDIATE), _gap(6), _w(DEALS + ["between", "prisoner"])], [_w(MEDIATE), {"LOWER": "between"}],),
        examples=(
            ('Qatar mediated a ceasefire between Israel and Hamas in November 2023.', 'talks_hosted'),
            ('Egypt mediated between the two Sudanese factions in Cairo in March 2024.', 'talks_hosted'),
        ),
    ),
    Rule(
        'mediated_by', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'a prisoner swap mediated by the UAE' / 'after mediation by the Sultan of Oman' / 'facilitated by Türkiye'.""",
        patterns=([_w(MEDIATE + ["mediation", "facilitated", "facilitation"]), {"LOWER": "by"}],),
        examples=(
            ('Russia and Ukraine swapped 90 prisoners each in an exchange mediated by the United Arab Emirates on 31 May 2024.', 'talks_hosted'),
            ('The release of the detained sailors was facilitated by Oman in April 2024.', 'talks_hosted'),
        ),
    ),
    Rule(
        'facilitated', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'Turkey facilitated a prisoner exchange' / 'organised talks between the sides'.""",
        patterns=([_w(FACILITATE), _gap(4), _w(["ceasefire", "ceasefires", "truce", "truces", "swap", "swaps", "exchange", "exchanges",
                                                           "talks", "negotiations", "consultations", "dialogue", "release", "return",
                                                           "repatriation", "reunification"])],),
        examples=(
            ('Turkey facilitated a prisoner exchange between Russia and Ukraine in Istanbul in September 2022.', 'talks_hosted'),
            ('Saudi Arabia organised talks between the two Sudanese generals in Jeddah in May 2023.', 'talks_hosted'),
        ),
    ),
    Rule(
        'platform', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'Uzbekistan provided a venue for talks between the Afghan factions'.""",
        patterns=([_w(["offered", "provided", "provides", "provide", "offers", "providing", "offering", "gave", "became"]), _gap(3),
             _w(PLATFORM), _gap(2), _w(["for", "of"]), _gap(3), _w(TALKS + ["peace"])],),
        examples=(
            ('Kazakhstan became a platform for talks on Syria between Russia, Turkey and Iran in January 2017.', 'talks_hosted'),
            ('Uzbekistan provided a venue for talks between Afghan officials and foreign envoys in Tashkent in July 2022.', 'talks_hosted'),
        ),
    ),
    Rule(
        'talks_by', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'talks hosted by Kazakhstan' / 'negotiations mediated by Qatar' / 'co-sponsored by Saudi Arabia'.""",
        patterns=([_w(TALKS), _gap(8), _w(HOST + MEDIATE + FACILITATE + SPONSOR), {"LOWER": "by"}],),
        examples=(
            ('The talks hosted by Kazakhstan brought Armenian and Azerbaijani ministers together in Almaty on 10 May 2024.', 'talks_hosted'),
            ('Negotiations mediated by Qatar produced a four-day truce between Israel and Hamas in November 2023.', 'talks_hosted'),
        ),
    ),
    Rule(
        'talks_which_hosted', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'the negotiations that Egypt hosted in Sharm el-Sheikh' / 'talks, which Turkey hosted'.""",
        patterns=([_w(TALKS), _gap(8), _w(["which", "that"]), _gap(6), _w(HOST + MEDIATE + FACILITATE)],),
        examples=(
            ('The peace talks on Syria, which Kazakhstan hosted in Astana in 2017, were attended by Russia, Iran and Turkey.', 'talks_hosted'),
            ('Ministers praised the negotiations between Russia and Ukraine that Turkey hosted in Istanbul in March 2022.', 'talks_hosted'),
        ),
    ),
    Rule(
        'with_mediation', 'talks_mediation', ('talks_hosted',),
        doc="""'signed in Washington with US mediation' / 'under Qatari mediation'.""",
        patterns=([_w(["with", "under", "through", "via", "thanks"]), _gap(3), _w(["mediation", "facilitation", "auspices"])],),
        examples=(
            ('Armenia and Azerbaijan initialled a peace text in Washington with US mediation in August 2025.', 'talks_hosted'),
            ('A prisoner swap between Russia and Ukraine took place under Emirati mediation in January 2024.', 'talks_hosted'),
        ),
    ),
    Rule(
        'mediation_noun', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'a new mediation effort between Russia and Ukraine' / 'Qatari mediation between the sides'.""",
        patterns=([_w(["mediation", "mediating", "mediatory"]), _gap(3), {"LOWER": {"IN": ["between", "among"]}}],),
        examples=(
            ('Qatari mediation between Israel and Hamas secured a truce in November 2023.', 'talks_hosted'),
            ('Saudi Arabia began a new mediation effort between Russia and Ukraine in August 2023.', 'talks_hosted'),
        ),
    ),
    Rule(
        'played_host', 'talks_hosted', ('talks_hosted', 'summit'),
        doc="""'Switzerland played host to Biden and Putin' (the parties follow).""",
        patterns=([_w(["played", "plays", "play", "playing"]), {"LOWER": "host"}, {"LOWER": "to"}],),
        examples=(
            ('Switzerland played host to Biden and Putin in Geneva in June 2021.', 'talks_hosted'),
            ('Finland played host to the American and Russian leaders in Helsinki in July 2018.', 'talks_hosted'),
        ),
    ),
    Rule(
        'co_mediators', 'talks_comediators', ('talks_hosted',),
        doc="""'with Qatar, Turkey and the United States as co-mediators'.""",
        patterns=([{"LOWER": "as"}, _gap(1), _w(["co-mediators", "mediators", "co-mediator", "guarantors", "co-sponsors", "guarantor", "mediator"])],
                                     [{"LOWER": "as"}, {"LOWER": "co"}, {"TEXT": "-"}, _w(["mediators", "sponsors", "hosts"])],),
        examples=(
            ('The truce was agreed in Doha, with Qatar, Egypt and the United States as co-mediators, in January 2025.', 'talks_hosted'),
            ('The grain deal between Russia and Ukraine was signed in July 2022 with Turkey as guarantor.', 'talks_hosted'),
        ),
    ),
    Rule(
        'talks_meeting', 'talks_meeting', ('talks_hosted',),
        doc="""'the foreign ministers met in Almaty' / 'held talks in Abu Dhabi' (host = the venue's country).""",
        patterns=([_w(["met", "meet", "meeting", "talks", "negotiations", "consultations", "round", "discussions", "convene",
                                      "reconvene"]), _gap(8),
                                  {"LOWER": {"IN": ["in", "at"]}}],),
        examples=(
            ('The foreign ministers of Armenia and Azerbaijan met in Almaty on 10 May 2024.', 'talks_hosted'),
            ('Delegations from Russia and Ukraine held talks in Istanbul on 16 May 2025.', 'talks_hosted'),
        ),
    ),
    Rule(
        'talks_where', 'talks_where', ('talks_hosted',),
        doc="""'... talks in Vienna, where the first round took place in May' (the place is the one before the comma).""",
        patterns=([{"LOWER": ","}, {"LOWER": "where"}, _gap(6), _w(["round", "rounds", "talks", "negotiations", "consultations"])],),
        examples=(
            ('Iran and the United States resumed indirect talks in Muscat, where the first round was held in April 2025.', 'talks_hosted'),
            ('The sides will meet again in Geneva, where the previous round of talks ended in March 2024.', 'talks_hosted'),
        ),
    ),
    Rule(
        'invited_to', 'invited_to', ('talks_hosted', 'mediation_offer'),
        doc="""'the factions are expected to be invited to Cairo', 'Doha invited both sides to Qatar' (checked in extract.py).""",
        patterns=([_w(["invited", "invite", "invites", "inviting", "invitation", "invitations"]), _gap(6), {"LOWER": "to"}],),
        examples=(
            ('Egypt invited the Palestinian factions to Cairo for reconciliation talks in October 2023.', 'mediation_offer'),
            ('Kazakhstan invited the two foreign ministers to Almaty for talks in May 2024.', 'mediation_offer'),
        ),
    ),
    Rule(
        'offer_to', 'offer', ('mediation_offer', 'summit', 'aid', 'peacekeeping'),
        doc="""'Turkey offered to host talks' / 'Kazakhstan is ready to mediate' / 'a proposal to hold talks'.""",
        patterns=([_w(OFFER_V + OFFER_N), _gap(2), {"LOWER": "to"}, _w(OFFER_WHAT)],
            [_w(["stands", "stand", "standing", "expressed", "reaffirmed", "confirmed"]), _gap(2), _w(["ready", "readiness", "willingness"])],),
        examples=(
            ('Kazakhstan offered to host peace talks between Russia and Ukraine.', 'mediation_offer'),
            ('Azerbaijan is ready to provide humanitarian aid to the people of Gaza.', 'aid'),
        ),
    ),
    Rule(
        'offer_of', 'offer', ('mediation_offer', 'summit', 'aid', 'peacekeeping'),
        doc="""'an offer of mediation' / 'offered its good offices'.""",
        patterns=([_w(OFFER_V + OFFER_N), _gap(2), _w(["mediation", "offices", "mediatory", "mediating"])],
            [_w(["offer", "offers", "offered"]), {"LOWER": "of"}, _gap(1), _w(["mediation", "platform", "venue"])],
            [_w(OFFER_V + ["offer"]), _gap(3), {"LOWER": "as"}, _gap(1), _w(["venue", "host", "platform", "mediator", "intermediary"])],),
        examples=(
            ('Turkey renewed its offer of mediation between Russia and Ukraine.', 'mediation_offer'),
            ('Kazakhstan offered its good offices to Armenia and Azerbaijan.', 'mediation_offer'),
        ),
    ),
    Rule(
        'summit', 'summit', ('summit', 'initiative'),
        doc="""'attended the SCO summit' / 'the Middle East Peace Summit' / 'Aliyev's participation in the forum' /
        'the Congress of Religious Leaders opens in Astana'.""",
        patterns=([_w(SUMMIT_N)], [{"LOWER": "conference"}, {"LOWER": "of"}, {"LOWER": "the"}, {"LOWER": "parties"}],
                          [_w(PARTICIPATE), _gap(8), _w(WEAK_SUMMIT_N)], [{"TEXT": {"REGEX": "^COP\\d+$"}}],
                          [_w(WEAK_SUMMIT_N), _gap(5), _w(["held", "convened", "hosted", "organised", "organized", "opened"])],
                          [_w(WEAK_SUMMIT_N), _gap(8), _w(["took", "takes", "take", "taking"]), {"LOWER": "place"}],
                          [_w(PARTICIPATE + ["hold", "holds", "held", "holding"]), _gap(4), _w(["meeting", "meetings"]), {"LOWER": "of"}, _gap(4),
                           _w(["ministers", "leaders", "heads", "envoys", "representatives", "states", "countries", "advisers", "advisors"])],),
        examples=(
            ('President Tokayev attended the SCO summit in Samarkand in September 2022.', 'summit'),
            ('The World Congress of Parliamentary Speakers takes place in Baku in March 2024.', 'summit'),
        ),
    ),
    Rule(
        'ministerial_meeting', 'summit_meeting', ('summit',),
        doc="""'a meeting of interior ministers of the Gulf states in Riyadh' (multilateral: checked in extract.py).""",
        patterns=([_w(["meeting", "meetings", "session"]), {"LOWER": "of"}, _gap(3),
                                   _w(["ministers", "leaders", "heads", "presidents"])],),
        examples=(
            ('A meeting of interior ministers of the Gulf states opened in Riyadh on 12 May 2024.', 'summit'),
            ('A meeting of foreign ministers of the Central Asian states took place in Tashkent in March 2024.', 'summit'),
        ),
    ),
    Rule(
        'initiative', 'initiative', ('initiative',),
        doc="""'Kazakhstan's proposal of ...' / 'its initiative of the Congress ...' / 'played a key role in establishing ...'.""",
        patterns=([_w(INIT_V)], [{"LOWER": "put"}, _w(["forward", "forth"])], [{"LOWER": "came"}, {"LOWER": "up"}, {"LOWER": "with"}],),
        examples=(
            ('Kazakhstan proposed the creation of a Central Asian water council in 2023.', 'initiative'),
            ('Uzbekistan came up with the idea of a Regional Water Forum of Central Asia in 2021.', 'initiative'),
        ),
    ),
    Rule(
        'chair', 'leadership_role', ('leadership_role', 'summit', 'talks_hosted'),
        doc="""'chaired the SCO' / 'held the chairmanship of the organisation' / 'as chair of NAM'.""",
        patterns=([_w(CHAIR_V)],
            [_w(HOLD_V), _gap(4), _w(CHAIR_N)],
            [_w(CHAIR_N), {"LOWER": {"IN": ["of", "in"]}}],
            [_w(["chairman", "chairperson", "chairwoman"]), {"LOWER": "of"}, {"LOWER": "the"}],
            [{"LOWER": "as"}, _gap(2), _w(["chair", "chairman", "chairperson", "president", "presidency", "chairmanship"]), {"LOWER": "of"}],
            [_w(["chairmanship", "chairship", "presidency"])],),
        examples=(
            ('Azerbaijan chaired the Non-Aligned Movement from 2019 to 2023.', 'leadership_role'),
            ('Kazakhstan took over the chairmanship of the SCO in July 2024.', 'leadership_role'),
        ),
    ),
    Rule(
        'seat', 'leadership_role', ('leadership_role', 'summit', 'talks_hosted'),
        doc="""'a non-permanent member of the UN Security Council' / 'elected to the Human Rights Council'.""",
        patterns=([_w(["non-permanent", "nonpermanent"]), _gap(1), {"LOWER": "member"}],
            [{"LOWER": "non"}, {"TEXT": "-"}, {"LOWER": "permanent"}],
            [_w(["elected", "sit", "sat", "sits", "seat", "won", "serve", "served", "serving"]), _gap(4), _w(["council", "seat", "board"])],
            [_w(["vice-chair", "vice-president", "vice-chairmanship", "co-chair", "co-chairs", "co-chaired"])],),
        examples=(
            ('Kazakhstan served as a non-permanent member of the UN Security Council in 2017 and 2018.', 'leadership_role'),
            ('Azerbaijan was elected to the Executive Board of UNESCO in 2021.', 'leadership_role'),
        ),
    ),
    Rule(
        'aid', 'aid', ('aid',),
        doc="""'Azerbaijan provided humanitarian assistance' / 'allocated $1 million' / 'a first donor' /
        '40 tonnes of aid were delivered to Aleppo' (the donor named before).""",
        patterns=([_w(AID_V), _gap(8), _w(AID_N)],
            [_w(["donor", "donors"])],
            [_w(["humanitarian"]), _w(["aid", "assistance", "cargo", "convoy", "supplies", "relief"])],
            [_w(["aid", "assistance", "relief", "supplies", "cargo", "shipment", "shipments"]), _gap(4), _w(["sent", "delivered", "flown", "shipped",
                                                                                             "dispatched", "provided", "donated", "airlifted"]), _gap(4), {"LOWER": "by"}],
            [_w(["contribution", "contributions", "donation", "donations", "grant", "allocation", "pledge"]), {"LOWER": {"IN": ["of", "worth", "totalling", "totaling"]}}],
            [_w(["aid", "assistance", "relief", "supplies", "cargo", "tonnes", "tons"]), _gap(2), _w(["was", "were", "been"]),
             _w(["delivered", "sent", "shipped", "dispatched", "airlifted", "handed", "transferred", "flown"])],),
        examples=(
            ('Azerbaijan sent 100 tonnes of humanitarian aid to Turkey after the earthquake in February 2023.', 'aid'),
            ('Kazakhstan allocated $1 million in humanitarian assistance to Afghanistan in 2022.', 'aid'),
        ),
    ),
    Rule(
        'sign', 'agreement', ('agreement', 'talks_hosted'),
        doc="""'signed a memorandum' / 'the agreement, signed in 2015' / 'the signing of several documents'.""",
        patterns=([_w(SIGN_V), _gap(10), _w(AGREEMENT_N)], [_w(AGREEMENT_N), _gap(8), _w(SIGN_V)],
                             [_w(["instrument", "instruments"]), {"LOWER": "of"}, _w(["ratification", "accession"])],),
        examples=(
            ('Kazakhstan and Uzbekistan signed a treaty on allied relations in Tashkent in December 2022.', 'agreement'),
            ('The agreement between Azerbaijan and Georgia on energy was signed in Tbilisi in May 2024.', 'agreement'),
        ),
    ),
    Rule(
        'agreed_to', 'agreement', ('agreement', 'talks_hosted'),
        doc="""'Israel and Hamas agreed to a ceasefire' / 'the sides agreed on Saturday to a truce'.""",
        patterns=([_w(["agreed", "agree", "agrees", "reached"]), _gap(8), _w(["ceasefire", "truce", "deal", "accord", "roadmap", "framework", "agreement"])],
                             [_w(["agreed", "agree", "agrees"]), _gap(3), {"LOWER": "to"}, _w(["exchange", "swap", "release"])],),
        examples=(
            ('Israel and Hamas agreed to a ceasefire in January 2025.', 'agreement'),
            ('Armenia and Azerbaijan reached a peace deal in Washington in August 2025.', 'agreement'),
        ),
    ),
    Rule(
        'passive_signed', 'agreement', ('agreement', 'talks_hosted'),
        doc="""'The Convention on ... between Azerbaijan, Georgia, ... and Türkiye was signed' (a long name before the verb).""",
        patterns=([_w(["was", "were", "been", "be"]), _gap(1), _w(["signed", "concluded", "ratified", "initialled", "initialed", "inked"])],),
        examples=(
            ('A memorandum on green energy between Azerbaijan, Kazakhstan and Uzbekistan was signed in Baku in November 2024.', 'agreement'),
            ('The convention on the legal status of the sea between Azerbaijan, Iran and Kazakhstan was signed in Aktau in August 2018.', 'agreement'),
        ),
    ),
    Rule(
        'joint_document', 'agreement', ('agreement', 'talks_hosted'),
        doc="""'Egypt, Jordan and Iraq issued a joint statement' / 'released a joint communiqué'.""",
        patterns=([_w(["issued", "issue", "issues", "released", "release", "published", "adopted"]), _gap(2), {"LOWER": "joint"},
                              _w(["statement", "declaration", "communiqué", "communique"])],),
        examples=(
            ('Egypt, Jordan and Iraq issued a joint statement after their meeting in Baghdad in June 2024.', 'agreement'),
            ('Egypt and Jordan released a joint communiqué in Amman in March 2024.', 'agreement'),
        ),
    ),
    Rule(
        'disarmament', 'disarmament', ('disarmament',),
        doc="""'closing the Semipalatinsk nuclear test site' / 'renounced its nuclear arsenal' / 'joined the TPNW'.""",
        patterns=([_w(CLOSE_V), _gap(6), _w(["test", "testing"]), _w(["site", "ground", "range", "polygon"])],
            [_w(RENOUNCE_V), _gap(8), _w(NUCLEAR_N)],
            [_w(DISARM_N)],
            [_w(SIGN_V), _gap(8), _w(["non-proliferation", "test-ban", "tpnw", "npt", "ctbt", "nonproliferation"])],
            [_w(SIGN_V), _gap(8), {"LOWER": "prohibition"}, {"LOWER": "of"}, {"LOWER": "nuclear"}],
            [_w(["nuclear-weapon-free", "nuclear-free"])],
            [_w(["nuclear", "weapon", "weapons", "wmd", "destruction", "arms"]), {"TEXT": "-"}, {"LOWER": "free"}, _w(["zone", "zones", "region", "world"])],
            [_w(["zone", "region", "world"]), {"LOWER": "free"}, {"LOWER": "of"}, _gap(2), _w(["nuclear", "weapons", "arms"])],
            [{"LOWER": "nuclear"}, {"TEXT": "-"}, {"LOWER": {"IN": ["weapon", "weapons"]}}, {"TEXT": "-"}, {"LOWER": "free"}],),
        examples=(
            ('Kazakhstan closed the Semipalatinsk nuclear test site in August 1991.', 'disarmament'),
            ('Kazakhstan renounced the nuclear arsenal it inherited from the Soviet Union in 1994.', 'disarmament'),
        ),
    ),
    Rule(
        'peacekeeping', 'peacekeeping', ('peacekeeping',),
        doc="""'Kazakh peacekeepers in UNIFIL' / 'candidates to contribute troops to stabilisation forces' /
        'the force is made up of contingents from Chile, Peru and Uruguay'.""",
        patterns=([_w(PEACEKEEP_N)],
            [{"LOWER": "blue"}, {"LOWER": "helmets"}],
            [_w(TROOP_V), _gap(4), _w(TROOP_N)],
            [_w(["troops", "soldiers", "peacekeepers", "servicemen", "personnel"]), _gap(2), _w(["serving", "deployed", "stationed"])],
            [_w(STABILISATION), _w(["force", "forces", "mission", "missions"])],
            [_w(["force", "forces", "mission", "missions"]), _gap(8), _w(["contingents", "units", "troops", "battalions"]), _w(["from", "of"])],
            [_w(["include", "includes", "included", "including", "comprise", "comprises", "comprised", "consists", "consisted"]), _gap(2),
             _w(["contingents", "units", "troops", "battalions", "soldiers"]), _w(["from", "of"])],),
        examples=(
            ('Kazakhstan sent a contingent of peacekeepers to the UN mission in Lebanon in 2018.', 'peacekeeping'),
            ('Azerbaijan deployed troops to the NATO mission in Afghanistan in 2002.', 'peacekeeping'),
        ),
    ),
)

# Rules the extractor applies in code rather than by Matcher patterns: a city in the name of
# talks or an initiative ("the Astana talks"), and a gathering or proclamation convened at a
# state's initiative. Their ids are what events read by them carry.
CODED_RULES: tuple[Rule, ...] = (
    Rule(
        'eponym', 'eponym', ('talks_hosted', 'summit', 'agreement', 'initiative'),
        doc="""'the Astana talks', 'the Baku Process': a city named in the name of talks or an initiative.""",
        patterns=(),
        examples=(
            ('Delegations gathered for the Astana talks on Syria in March 2024.', 'talks_hosted'),
            ('The Baku Process has brought cultural ministers together since 2008.', 'initiative'),
        ),
    ),
    Rule(
        'convened_on_initiative', 'initiative', ('initiative',),
        doc="""'at the initiative of Kazakhstan, the UN declared ...', 'on the initiative of its president, a summit was held'.""",
        patterns=(),
        examples=(
            ('At the initiative of Kazakhstan, the UN General Assembly declared 29 August the International Day against Nuclear Tests in 2009.', 'initiative'),
            ('On the initiative of the President of Kazakhstan, a summit of Central Asian leaders was held in Astana in March 2018.', 'initiative'),
        ),
    ),
)

RULE_BY_ID: dict[str, Rule] = {r.id: r for r in RULES + CODED_RULES}
if len(RULE_BY_ID) != len(RULES) + len(CODED_RULES):
    raise RuntimeError("rules.py: two rules share an id")


def rule_ids(*ids: str) -> tuple[str, ...] | str:
    """The given ids, checked: code that treats a rule apart names it through this, so a rule
    renamed or removed fails at import instead of silently no longer matching."""
    for i in ids:
        if i not in RULE_BY_ID:
            raise KeyError(f"no rule with id {i!r}")
    return ids[0] if len(ids) == 1 else ids


def _required(pattern: list[dict]) -> tuple[frozenset[str], ...]:
    """The word sets a sentence must all touch for this pattern to have a chance: one per
    obligatory token given by its lowercase text."""
    out = []
    for tok in pattern:
        if tok.get("OP") in ("?", "*") or (tok.get("OP") or "").startswith("{0"):
            continue
        spec = tok.get("LOWER")
        if isinstance(spec, str):
            out.append(frozenset({spec}))
        elif isinstance(spec, dict) and "IN" in spec:
            out.append(frozenset(spec["IN"]))
        elif isinstance(tok.get("TEXT"), dict) and "REGEX" in tok["TEXT"] and tok["TEXT"]["REGEX"].startswith("^COP"):
            out.append(frozenset({"cop26", "cop27", "cop28", "cop29", "cop30", "cop31", "cop32"}))
    return tuple(out)


def build_matchers(vocab) -> list[tuple[tuple[frozenset[str], ...], Matcher, int, Rule]]:
    """One Matcher per pattern, with the word sets a sentence must touch before it runs, the
    rule's place in RULES (the order of matches on one span) and the rule.

    Most sentences lack some obligatory word of most patterns, and a set lookup is far
    cheaper than the Matcher's per-token predicates, so each pattern runs only where it can match.
    """
    out = []
    for order, rule in enumerate(RULES):
        for pattern in rule.patterns:
            m = Matcher(vocab)
            m.add(rule.id, [pattern])
            out.append((_required(pattern), m, order, rule))
    return out
