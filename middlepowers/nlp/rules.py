"""Trigger patterns, one small function per idea, assembled into spaCy Matchers.

Each `pattern_*()` returns (rule name, token patterns). The rule name says which event type
the trigger proposes; `extract.py` then checks the sentence around it (an actor, an
organisation, a named initiative) before it becomes an event. Patterns match lowercase token
text, so they read like the phrases they catch.
"""

from __future__ import annotations

from spacy.matcher import Matcher

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


def pattern_host_talks():
    """'Kazakhstan hosted a new round of peace talks' / 'played host to negotiations'."""
    return "talks_hosted", [
        [_w(HOST), _gap(5), _w(TALKS)],
        # "hosted on Saturday in Doha the signing ceremony of a declaration between A and B"
        [_w(HOST), _gap(6), {"LOWER": "signing"}, _gap(10), {"LOWER": "between"}],
        [_w(["played", "plays", "play", "playing"]), {"LOWER": "host"}, {"LOWER": "to"}, _gap(5), _w(TALKS)],
        [_w(HOST), _gap(3), _w(["leaders", "presidents", "delegations", "heads", "ministers", "representatives"]),
         {"LOWER": "of"}],
    ]


def pattern_act_as_host():
    """'Oman acted as an intermediary in the talks' / 'served as mediator between...'."""
    return "talks_role", [
        [_w(["act", "acts", "acted", "acting", "serve", "serves", "served", "serving"]), {"LOWER": "as"}, _gap(2),
         _w(["host", "mediator", "facilitator", "broker", "intermediary", "go-between", "venue"])],
    ]


def pattern_mediated():
    """'Qatar mediated between Hamas and Israel' / 'brokered a ceasefire'."""
    return "talks_hosted", [[_w(MEDIATE), _gap(6), _w(DEALS + ["between", "prisoner"])], [_w(MEDIATE), {"LOWER": "between"}]]


def pattern_mediated_by():
    """'a prisoner swap mediated by the UAE' / 'after mediation by the Sultan of Oman' / 'facilitated by Türkiye'."""
    return "talks_hosted", [[_w(MEDIATE + ["mediation", "facilitated", "facilitation"]), {"LOWER": "by"}]]


def pattern_facilitated():
    """'Turkey facilitated a prisoner exchange' / 'organised talks between the sides'."""
    return "talks_hosted", [[_w(FACILITATE), _gap(4), _w(["ceasefire", "ceasefires", "truce", "truces", "swap", "swaps", "exchange", "exchanges",
                                                       "talks", "negotiations", "consultations", "dialogue", "release", "return",
                                                       "repatriation", "reunification"])]]


def pattern_platform():
    """'Uzbekistan provided a venue for talks between the Afghan factions'."""
    return "talks_hosted", [
        [_w(["offered", "provided", "provides", "provide", "offers", "providing", "offering", "gave", "became"]), _gap(3),
         _w(PLATFORM), _gap(2), _w(["for", "of"]), _gap(3), _w(TALKS + ["peace"])],
    ]


SPONSOR = ["sponsored", "co-sponsored", "co-hosted", "cohosted", "co-chaired", "co-organised", "co-organized", "supported"]


def pattern_talks_by():
    """'talks hosted by Kazakhstan' / 'negotiations mediated by Qatar' / 'co-sponsored by Saudi Arabia'."""
    return "talks_hosted", [[_w(TALKS), _gap(8), _w(HOST + MEDIATE + FACILITATE + SPONSOR), {"LOWER": "by"}]]


def pattern_talks_which_hosted():
    """'the negotiations that Egypt hosted in Sharm el-Sheikh' / 'talks, which Turkey hosted'."""
    return "talks_hosted", [[_w(TALKS), _gap(8), _w(["which", "that"]), _gap(6), _w(HOST + MEDIATE + FACILITATE)]]


def pattern_with_mediation():
    """'signed in Washington with US mediation' / 'under Qatari mediation'."""
    return "talks_mediation", [[_w(["with", "under", "through", "via", "thanks"]), _gap(3), _w(["mediation", "facilitation", "auspices"])]]


def pattern_mediation_noun():
    """'a new mediation effort between Russia and Ukraine' / 'Qatari mediation between the sides'."""
    return "talks_hosted", [[_w(["mediation", "mediating", "mediatory"]), _gap(3), {"LOWER": {"IN": ["between", "among"]}}]]


def pattern_played_host():
    """'Switzerland played host to Biden and Putin' (the parties follow)."""
    return "talks_hosted", [[_w(["played", "plays", "play", "playing"]), {"LOWER": "host"}, {"LOWER": "to"}]]


def pattern_co_mediators():
    """'with Qatar, Turkey and the United States as co-mediators'."""
    return "talks_comediators", [[{"LOWER": "as"}, _gap(1), _w(["co-mediators", "mediators", "co-mediator", "guarantors", "co-sponsors", "guarantor", "mediator"])],
                                 [{"LOWER": "as"}, {"LOWER": "co"}, {"TEXT": "-"}, _w(["mediators", "sponsors", "hosts"])]]


def pattern_talks_meeting():
    """'the foreign ministers met in Almaty' / 'held talks in Abu Dhabi' (host = the venue's country)."""
    return "talks_meeting", [[_w(["met", "meet", "meeting", "talks", "negotiations", "consultations", "round", "discussions", "convene",
                                  "reconvene"]), _gap(8),
                              {"LOWER": {"IN": ["in", "at"]}}]]


def pattern_talks_where():
    """'... talks in Vienna, where the first round took place in May' (the place is the one before the comma)."""
    return "talks_where", [[{"LOWER": ","}, {"LOWER": "where"}, _gap(6), _w(["round", "rounds", "talks", "negotiations", "consultations"])]]


def pattern_invited_to():
    """'the factions are expected to be invited to Cairo', 'Doha invited both sides to Qatar' (checked in extract.py)."""
    return "invited_to", [[_w(["invited", "invite", "invites", "inviting", "invitation", "invitations"]), _gap(6), {"LOWER": "to"}]]


def pattern_offer_to():
    """'Turkey offered to host talks' / 'Kazakhstan is ready to mediate' / 'a proposal to hold talks'."""
    return "offer", [
        [_w(OFFER_V + OFFER_N), _gap(2), {"LOWER": "to"}, _w(OFFER_WHAT)],
        [_w(["stands", "stand", "standing", "expressed", "reaffirmed", "confirmed"]), _gap(2), _w(["ready", "readiness", "willingness"])],
    ]


def pattern_offer_of():
    """'an offer of mediation' / 'offered its good offices'."""
    return "offer", [
        [_w(OFFER_V + OFFER_N), _gap(2), _w(["mediation", "offices", "mediatory", "mediating"])],
        [_w(["offer", "offers", "offered"]), {"LOWER": "of"}, _gap(1), _w(["mediation", "platform", "venue"])],
        [_w(OFFER_V + ["offer"]), _gap(3), {"LOWER": "as"}, _gap(1), _w(["venue", "host", "platform", "mediator", "intermediary"])],
    ]


def pattern_summit():
    """'attended the SCO summit' / 'the Middle East Peace Summit' / 'Aliyev's participation in the forum' /
    'the Congress of Religious Leaders opens in Astana'."""
    return "summit", [[_w(SUMMIT_N)], [{"LOWER": "conference"}, {"LOWER": "of"}, {"LOWER": "the"}, {"LOWER": "parties"}],
                      [_w(PARTICIPATE), _gap(8), _w(WEAK_SUMMIT_N)], [{"TEXT": {"REGEX": "^COP\\d+$"}}],
                      [_w(WEAK_SUMMIT_N), _gap(5), _w(["held", "convened", "hosted", "organised", "organized", "opened"])],
                      [_w(WEAK_SUMMIT_N), _gap(8), _w(["took", "takes", "take", "taking"]), {"LOWER": "place"}],
                      [_w(PARTICIPATE + ["hold", "holds", "held", "holding"]), _gap(4), _w(["meeting", "meetings"]), {"LOWER": "of"}, _gap(4),
                       _w(["ministers", "leaders", "heads", "envoys", "representatives", "states", "countries", "advisers", "advisors"])]]


def pattern_ministerial_meeting():
    """'a meeting of interior ministers of the Gulf states in Riyadh' (multilateral: checked in extract.py)."""
    return "summit_meeting", [[_w(["meeting", "meetings", "session"]), {"LOWER": "of"}, _gap(3),
                               _w(["ministers", "leaders", "heads", "presidents"])]]


def pattern_initiative():
    """'Kazakhstan's proposal of ...' / 'its initiative of the Congress ...' / 'played a key role in establishing ...'."""
    return "initiative", [[_w(INIT_V)], [{"LOWER": "put"}, _w(["forward", "forth"])], [{"LOWER": "came"}, {"LOWER": "up"}, {"LOWER": "with"}]]


def pattern_chair():
    """'chaired the SCO' / 'held the chairmanship of the organisation' / 'as chair of NAM'."""
    return "leadership_role", [
        [_w(CHAIR_V)],
        [_w(HOLD_V), _gap(4), _w(CHAIR_N)],
        [_w(CHAIR_N), {"LOWER": {"IN": ["of", "in"]}}],
        [_w(["chairman", "chairperson", "chairwoman"]), {"LOWER": "of"}, {"LOWER": "the"}],
        [{"LOWER": "as"}, _gap(2), _w(["chair", "chairman", "chairperson", "president", "presidency", "chairmanship"]), {"LOWER": "of"}],
        [_w(["chairmanship", "chairship", "presidency"])],
    ]


def pattern_seat():
    """'a non-permanent member of the UN Security Council' / 'elected to the Human Rights Council'."""
    return "leadership_role", [
        [_w(["non-permanent", "nonpermanent"]), _gap(1), {"LOWER": "member"}],
        [{"LOWER": "non"}, {"TEXT": "-"}, {"LOWER": "permanent"}],
        [_w(["elected", "sit", "sat", "sits", "seat", "won", "serve", "served", "serving"]), _gap(4), _w(["council", "seat", "board"])],
        [_w(["vice-chair", "vice-president", "vice-chairmanship", "co-chair", "co-chairs", "co-chaired"])],
    ]


def pattern_aid():
    """'Azerbaijan provided humanitarian assistance' / 'allocated $1 million' / 'a first donor' /
    '40 tonnes of aid were delivered to Aleppo' (the donor named before)."""
    return "aid", [
        [_w(AID_V), _gap(8), _w(AID_N)],
        [_w(["donor", "donors"])],
        [_w(["humanitarian"]), _w(["aid", "assistance", "cargo", "convoy", "supplies", "relief"])],
        [_w(["aid", "assistance", "relief", "supplies", "cargo", "shipment", "shipments"]), _gap(4), _w(["sent", "delivered", "flown", "shipped",
                                                                                         "dispatched", "provided", "donated", "airlifted"]), _gap(4), {"LOWER": "by"}],
        [_w(["contribution", "contributions", "donation", "donations", "grant", "allocation", "pledge"]), {"LOWER": {"IN": ["of", "worth", "totalling", "totaling"]}}],
        [_w(["aid", "assistance", "relief", "supplies", "cargo", "tonnes", "tons"]), _gap(2), _w(["was", "were", "been"]),
         _w(["delivered", "sent", "shipped", "dispatched", "airlifted", "handed", "transferred", "flown"])],
    ]


def pattern_sign():
    """'signed a memorandum' / 'the agreement, signed in 2015' / 'the signing of several documents'."""
    return "agreement", [[_w(SIGN_V), _gap(10), _w(AGREEMENT_N)], [_w(AGREEMENT_N), _gap(8), _w(SIGN_V)],
                         [_w(["instrument", "instruments"]), {"LOWER": "of"}, _w(["ratification", "accession"])]]


def pattern_agreed_to():
    """'Israel and Hamas agreed to a ceasefire' / 'the sides agreed on Saturday to a truce'."""
    return "agreement", [[_w(["agreed", "agree", "agrees", "reached"]), _gap(8), _w(["ceasefire", "truce", "deal", "accord", "roadmap", "framework", "agreement"])],
                         [_w(["agreed", "agree", "agrees"]), _gap(3), {"LOWER": "to"}, _w(["exchange", "swap", "release"])]]


def pattern_passive_signed():
    """'The Convention on ... between Azerbaijan, Georgia, ... and Türkiye was signed' (a long name before the verb)."""
    return "agreement", [[_w(["was", "were", "been", "be"]), _gap(1), _w(["signed", "concluded", "ratified", "initialled", "initialed", "inked"])]]


def pattern_joint_document():
    """'Egypt, Jordan and Iraq issued a joint statement' / 'released a joint communiqué'."""
    return "agreement", [[_w(["issued", "issue", "issues", "released", "release", "published", "adopted"]), _gap(2), {"LOWER": "joint"},
                          _w(["statement", "declaration", "communiqué", "communique"])]]


def pattern_disarmament():
    """'closing the Semipalatinsk nuclear test site' / 'renounced its nuclear arsenal' / 'joined the TPNW'."""
    return "disarmament", [
        [_w(CLOSE_V), _gap(6), _w(["test", "testing"]), _w(["site", "ground", "range", "polygon"])],
        [_w(RENOUNCE_V), _gap(8), _w(NUCLEAR_N)],
        [_w(DISARM_N)],
        [_w(SIGN_V), _gap(8), _w(["non-proliferation", "test-ban", "tpnw", "npt", "ctbt", "nonproliferation"])],
        [_w(SIGN_V), _gap(8), {"LOWER": "prohibition"}, {"LOWER": "of"}, {"LOWER": "nuclear"}],
        [_w(["nuclear-weapon-free", "nuclear-free"])],
        [_w(["nuclear", "weapon", "weapons", "wmd", "destruction", "arms"]), {"TEXT": "-"}, {"LOWER": "free"}, _w(["zone", "zones", "region", "world"])],
        [_w(["zone", "region", "world"]), {"LOWER": "free"}, {"LOWER": "of"}, _gap(2), _w(["nuclear", "weapons", "arms"])],
        [{"LOWER": "nuclear"}, {"TEXT": "-"}, {"LOWER": {"IN": ["weapon", "weapons"]}}, {"TEXT": "-"}, {"LOWER": "free"}],
    ]


def pattern_peacekeeping():
    """'Kazakh peacekeepers in UNIFIL' / 'candidates to contribute troops to stabilisation forces' /
    'the force is made up of contingents from Chile, Peru and Uruguay'."""
    return "peacekeeping", [
        [_w(PEACEKEEP_N)],
        [{"LOWER": "blue"}, {"LOWER": "helmets"}],
        [_w(TROOP_V), _gap(4), _w(TROOP_N)],
        [_w(["troops", "soldiers", "peacekeepers", "servicemen", "personnel"]), _gap(2), _w(["serving", "deployed", "stationed"])],
        [_w(STABILISATION), _w(["force", "forces", "mission", "missions"])],
        [_w(["force", "forces", "mission", "missions"]), _gap(8), _w(["contingents", "units", "troops", "battalions"]), _w(["from", "of"])],
        [_w(["include", "includes", "included", "including", "comprise", "comprises", "comprised", "consists", "consisted"]), _gap(2),
         _w(["contingents", "units", "troops", "battalions", "soldiers"]), _w(["from", "of"])],
    ]


RULES = [
    pattern_host_talks, pattern_act_as_host, pattern_mediated, pattern_mediated_by, pattern_facilitated, pattern_platform, pattern_talks_by,
    pattern_talks_which_hosted, pattern_with_mediation, pattern_mediation_noun, pattern_played_host, pattern_co_mediators,
    pattern_talks_meeting, pattern_talks_where, pattern_invited_to, pattern_offer_to, pattern_offer_of, pattern_summit, pattern_ministerial_meeting, pattern_initiative, pattern_chair,
    pattern_seat, pattern_aid, pattern_sign, pattern_agreed_to, pattern_passive_signed, pattern_joint_document, pattern_disarmament, pattern_peacekeeping,
]


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


def build_matchers(vocab) -> list[tuple[tuple[frozenset[str], ...], Matcher]]:
    """One Matcher per pattern, with the word sets a sentence must touch before it runs.

    Most sentences lack some obligatory word of most patterns, and a set lookup is far
    cheaper than the Matcher's per-token predicates, so each pattern runs only where it can match.
    """
    out = []
    for fn in RULES:
        label, patterns = fn()
        for pattern in patterns:
            m = Matcher(vocab)
            m.add(f"{label}:{fn.__name__}", [pattern])
            out.append((_required(pattern), m))
    return out
