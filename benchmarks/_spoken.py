"""Numbers said the ways collectors say them (zh and en), for the accuracy grid.

Each renderer turns an amount into one spoken or written form, or None when the form does
not fit the amount (a "4万5" needs a round figure of at least ten thousand). Approximate
forms return the figure the words name, so the grid knows the range it is read as."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CN_DIGITS = "零一二三四五六七八九"
CN_CAPS = "零壹贰叁肆伍陆柒捌玖"
CN_UNITS = ("", "十", "百", "千")
CN_CAP_UNITS = ("", "拾", "佰", "仟")

ONES = tuple(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
)
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def cn_int(n: int, *, caps: bool = False, liang: bool = True) -> str:
    """四万一千五百二十八; 两千; 十八 (no 一 before a leading 十); 大写 with caps."""
    if n == 0:
        return "零"
    digits = CN_CAPS if caps else CN_DIGITS
    units = CN_CAP_UNITS if caps else CN_UNITS

    def section(v: int, leading: bool) -> str:
        out = ""
        zero = False
        for power in (3, 2, 1, 0):
            d = (v // 10**power) % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += digits[0]
                zero = False
            if d == 2 and liang and power >= 2 and not caps and not out:
                word = "两"
            elif d == 1 and power == 1 and leading and not out and not caps:
                word = ""
            else:
                word = digits[d]
            out += word + units[power]
        return out

    high, low = divmod(n, 10000)
    if not high:
        return section(low, True)
    head = ("两" if high == 2 and liang and not caps else section(high, True)) + "万"
    if not low:
        return head
    tail = section(low, False)
    return head + (digits[0] if low < 1000 else "") + tail


def cn_kuai(value: Decimal, *, yuan: bool = False, caps: bool = False, fen: bool = True) -> str:
    """五千二百三十块五毛 / 五百二十三元零五分 / 伍仟贰佰叁拾元伍角; `fen=False` says the last
    digit bare after 毛 (四毛八), as people do."""
    whole = int(value)
    cents = int((value - whole) * 100)
    jiao, fen_d = divmod(cents, 10)
    digits = CN_CAPS if caps else CN_DIGITS
    text = cn_int(whole, caps=caps) + ("元" if yuan or caps else "块")
    if jiao:
        text += digits[jiao] + ("角" if yuan or caps else "毛")
    elif fen_d:
        text += digits[0]
    if fen_d:
        text += digits[fen_d] + ("分" if (fen or not jiao) else "")
    if caps and not cents:
        text += "整"
    return text


def cn_elided(value: Decimal) -> str | None:
    """两千四 / 一万八千五 / 五千二百三十块五: the last unit left unsaid, exact."""
    whole = int(value)
    cents = int((value - whole) * 100)
    if cents and cents % 10 == 0:
        return cn_int(whole) + "块" + CN_DIGITS[cents // 10]
    if cents or whole < 100:
        return None
    text = cn_int(whole)
    last_units = ("千", "百", "十")
    s = str(whole)
    nonzero = [i for i, c in enumerate(s) if c != "0"]
    if len(nonzero) < 2 or nonzero != list(range(len(nonzero))):
        return None  # only figures like 2400, 18500 (digits from the top, then zeros)
    for unit in last_units:
        if text.endswith(unit) and not text.endswith("万"):
            cut = text[: -len(unit)]
            return cut[:-1] + "二" if cut.endswith("两") and len(cut) > 1 else cut
    return None


def cn_wan(value: Decimal) -> tuple[str, Decimal] | None:
    """4.15万 (exact when it is), else None."""
    if value < 10000:
        return None
    wan = value / 10000
    if wan == wan.quantize(Decimal("0.01")) and (value % 100 == 0):
        return f"{wan.normalize():f}万", value
    return None


def cn_wan_mix(value: Decimal) -> str | None:
    """4万5 / 1万8千5 / 4万1528块78: 万 with digits after it."""
    if value < 10000:
        return None
    whole = int(value)
    high, low = divmod(whole, 10000)
    cents = int((value - whole) * 100)
    if not low and not cents:
        return f"{high}万"
    if not cents and low % 1000 == 0:
        return f"{high}万{low // 1000}"
    if not cents and low % 100 == 0:
        return f"{high}万{low // 1000}千{(low // 100) % 10}" if low >= 1000 else None
    tail = f"{low}块{cents:02d}" if cents else f"{low}"
    return f"{high}万{tail}" if low >= 1000 else None


def approx_floor(value: Decimal) -> Decimal:
    """The round figure "X多" names: the value cut to its two leading digits."""
    whole = int(value)
    if whole < 100:
        return Decimal(whole)
    step = 10 ** (len(str(whole)) - 2)
    return Decimal(whole // step * step)


def approx_near(value: Decimal) -> Decimal:
    """The round figure "about X" names: the value rounded to its two leading digits."""
    whole = int(value)
    if whole < 100:
        return Decimal(whole)
    step = Decimal(10 ** (len(str(whole)) - 2))
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def en_int(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{ONES[hundreds]} hundred" + (f" {en_int(rest)}" if rest else "")
    for value, name in ((10**6, "million"), (1000, "thousand")):
        if n >= value:
            high, rest = divmod(n, value)
            return f"{en_int(high)} {name}" + (f" {en_int(rest)}" if rest else "")
    raise AssertionError(n)


def en_cents(value: Decimal) -> int:
    return int((value - int(value)) * 100)


def en_words(value: Decimal) -> str:
    """four thousand three hundred ninety-four dollars and sixty-two cents"""
    cents = en_cents(value)
    text = f"{en_int(int(value))} dollars"
    return text + (f" and {en_int(cents)} cents" if cents else "")


def en_hundreds(value: Decimal) -> str | None:
    """forty-three hundred ninety-four dollars and sixty-two cents (twenty-four hundred)"""
    whole = int(value)
    if not 1100 <= whole < 10000 or (whole // 100) % 10 == 0:
        return None
    rest = whole % 100
    text = f"{en_int(whole // 100)} hundred" + (f" {en_int(rest)}" if rest else "")
    cents = en_cents(value)
    return text + (f" dollars and {en_int(cents)} cents" if cents else " dollars")


def en_mixed(value: Decimal) -> str:
    """4 thousand 3 hundred 94 dollars and 62 cents / 6 hundred 47 dollars"""
    whole = int(value)
    parts: list[str] = []
    thousands, rest = divmod(whole, 1000)
    hundreds, rest = divmod(rest, 100)
    if thousands:
        parts.append(f"{thousands} thousand")
    if hundreds:
        parts.append(f"{hundreds} hundred")
    if rest:
        parts.append(str(rest))
    cents = en_cents(value)
    return " ".join(parts) + " dollars" + (f" and {cents} cents" if cents else "")


def en_pairs(value: Decimal) -> str | None:
    """forty-three ninety-four sixty-two / six forty-seven forty / forty-four hundred"""
    whole = int(value)
    cents = en_cents(value)
    if whole < 100 or whole >= 10000:
        return None
    if whole < 1000:
        head, tail = divmod(whole, 100)
        text = f"{ONES[head]} " + (en_int(tail) if tail >= 10 else f"oh {ONES[tail]}")
    else:
        head, tail = divmod(whole, 100)
        if tail == 0:
            text = f"{en_int(head)} hundred"
        else:
            text = f"{en_int(head)} " + (en_int(tail) if tail >= 10 else f"oh {ONES[tail]}")
    if cents:
        text += " " + (en_int(cents) if cents >= 10 else f"oh {ONES[cents]}")
    return text


def en_k(value: Decimal) -> str | None:
    """$4.4k when exact (a round figure), else None."""
    if value < 1000 or value % 100:
        return None
    return f"${(value / 1000).normalize():f}k"


def floor_unit(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_DOWN)
