"""Deciding event_type / sub_event_type from a mention's trigger kinds and its actors.

CODEBOOK section 5's rules: the weapon decides remote violence (an air strike that kills is an
air strike); fighting between armed sides is a battle; deliberate harm to unarmed civilians is
violence against civilians; a raid that only ends in arrests is an arrest; protests and riots
go by the crowd. Order of ``_PRIORITY`` is the order in which kinds win.
"""

from __future__ import annotations

from .lexicons import kinds as kind_table

_PRIORITY = ["protest_force", "protest_intervention", "riot", "mob", "protest", "suicide",
             "chemical", "air", "ied", "grenade", "clash", "shelling", "regain", "overtake",
             "abduction", "sexual", "vac"]
_PROTEST = {"protest_force", "protest_intervention", "riot", "mob", "protest"}
_GENERIC_VIOLENCE = {"kill", "attack", "injure", "explosion", "operation", "shelling"}
_LATER = ["arrest", "disrupted", "agreement", "change", "base", "looting", "transfer", "other"]
_ARMED_INTER = {1, 2, 3, 4, 8}

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence",
    "Strategic developments": "Strategic developments",
}


# what an act by a force of one arm is, when the words name no weapon of their own ("هجوم نفذته
# القوات الجوية الأفغانية"، "طائرات إسرائيلية أطلقت صواريخ"): the sub-types each arm replaces
_ARM = {"air": ("air", {"Armed clash", "Attack", "Shelling/artillery/missile attack"}),
        "artillery": ("shelling", {"Armed clash", "Attack"})}
# named kinds that keep their own type whoever acts (a ground battle with air support is a battle)
_ARM_KEEPS = _PROTEST | {"clash", "regain", "overtake", "abduction", "sexual", "suicide", "ied",
                         "grenade", "chemical", "arrest", "disrupted"}


def decide_type(kinds: set[str], strengths: dict[str, int], victim_civilian: bool,
                victim_armed: bool, deaths: int, arm: str = "") -> tuple[str, str, str]:
    """(event_type, sub_event_type, rule); ``arm`` is the acting force's arm (air, artillery),
    when its actor names one."""
    et, st, rule = _decide(kinds, strengths, victim_civilian, victim_armed, deaths)
    if arm in _ARM and st in _ARM[arm][1] and not {k for k in kinds if strengths.get(k, 0) >= 2} & _ARM_KEEPS \
            and not kinds & _PROTEST:
        kind = _ARM[arm][0]
        return (*kind_table()[kind], f"the acting force is its {arm} arm: {rule}")
    return et, st, rule


def _decide(kinds: set[str], strengths: dict[str, int], victim_civilian: bool,
            victim_armed: bool, deaths: int) -> tuple[str, str, str]:
    table = kind_table()
    protest = kinds & {"protest", "protest_force", "protest_intervention"}
    remote = kinds & {"suicide", "air", "ied", "shelling", "chemical", "grenade"}
    if protest and not remote and ("clash" in kinds or "riot" in kinds or "attack" in kinds):
        # clashing, stone-throwing or storming a building (اقتحام) crowds riot
        return (*table["riot"], "protesters clashing or throwing stones: a violent demonstration")
    if protest and not remote and ("kill" in kinds or deaths):
        return (*table["protest_force"], "protesters killed")
    if protest and not remote and "injure" in kinds:
        # wounded, none killed: the police intervened (lethal force is ACLED's "excessive force")
        return (*table["protest_intervention"], "protesters wounded, none killed")
    if protest and not remote and "disrupted" in kinds:
        # "الشرطة تحبط محاولة المتظاهرين اقتحام مبنى": a crowd stopped, not a weapon
        return (*table["protest_intervention"], "a protest stopped by the police")
    if protest and not remote and "arrest" in kinds and "protest_force" not in kinds:
        # "اعتقلت الشرطة أكثر من ألف متظاهر": protesters arrested, none killed (CODEBOOK 5: اعتقال
        # متظاهرين is a protest with intervention; what a protest is against is no act of it)
        return (*table["protest_intervention"], "protesters arrested")
    if strengths.get("disrupted", 0) >= 2 and "arrest" not in kinds:
        return (*table["disrupted"], "weapons intercepted, defused or seized")
    named = {k for k in kinds if strengths.get(k, 0) >= 2}
    for k in _PRIORITY:
        if k not in named or (protest and k in _PROTEST and remote):
            continue
        if k == "shelling" and strengths.get(k, 0) < 2 and (kinds & {"air"}):
            continue
        if k == "vac" and victim_armed and not victim_civilian:
            return (*table["clash"], "assassination/attack on a combatant is a battle")
        if k == "shelling" and strengths.get(k, 0) < 2 and not deaths and "clash" in kinds:
            continue
        return (*table[k], f"trigger kind '{k}'")
    violent = kinds & _GENERIC_VIOLENCE
    if violent and (deaths or kinds & {"kill", "injure", "attack", "explosion"}):
        if "explosion" in kinds:
            return (*table["explosion"], "explosion")
        if "shelling" in kinds and deaths and not victim_armed:
            # "قتل فلسطيني في قصف إسرائيلي": a bombardment that kills, the weapon unnamed, is
            # remote violence (against civilians), not a shooting
            return (*table["shelling"], "bombardment with no weapon named, killing people")
        if not victim_armed and (victim_civilian or kinds & {"attack", "kill"}):
            # no armed side is hit: people, an office, a market (gunmen storming an oil company)
            return (*table["vac"], "violence with no armed side hit: against civilians")
        if "arrest" in kinds and not deaths and not kinds & {"kill", "injure"}:
            return (*table["arrest"], "operation ended in arrests")
        return (*table["clash"], "violence between armed sides")
    for k in _LATER:
        if k in kinds:
            return (*table[k], f"trigger kind '{k}'")
    for k in _PRIORITY:
        if k in kinds:
            return (*table[k], f"trigger kind '{k}' (generic word)")
    if "operation" in kinds:
        return (*table["clash"], "security operation")
    k = next(iter(kinds))
    return (*table[k], f"trigger kind '{k}'")
