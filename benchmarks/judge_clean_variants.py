"""Clean lines said in forms that must stay clean: does the judge raise a false alarm?

A sibling of `judge_variants.py` for false alarms only. Two sources of clean lines:
  chat     (en) each clean dev line the judge gets right in heavy chat spelling: u, ur, r,
           pls, thx, b4, cuz, apostrophes dropped (dont, im, wont), lower case, no stop;
  trad     (zh) each such line in Traditional Chinese (OpenCC s2t);
  typo     (zh) each such line with one homophone typo new collectors make (已经 → 以经, the
           inverse of `scoring/data/typos.zh.yaml`, plus 再 → 在, 账 → 帐);
and kinds of compliant wording written here for this probe (none copied from a dev line or an
exemplar), each said alone, after a clean dev line of the same party (`joined`), and in chat
spelling (en) or Traditional Chinese (zh):
  fear     the collector repeats the debtor's fear and denies it (jail, work, family, suit);
  lawful   a lawful mention of police, a lawyer, a court, credit reports, family or employer;
  identity a polite identity check (身份证后四位, last four of the SSN, date of birth);
  voicemail  a message with a caller's name and a callback number (en: with a neutral
           business name, Reg F's limited-content message; US-REGF-VOICEMAIL-NO-BUSINESS
           rightly flags one without it);
  frequency  a reassurance about when and how often the collector will call;
  echo     (en) the debtor's fear echoed as a bare question, denied in the next sentence;
  names    (en) a lower-case name or possessive in a chat line to an unverified listener.
  comma    (zh) a greeting or neutral clause, then a lawful statement after a comma (an
           honest consequence, a plan, an hour owned as too early), session 21.
Prints clean-kept per kind; `-v` lists each alarm with the categories found. Dev lines only
(the test sets stay unread); a measure of kinds, never a bar to tune a threshold on.

    python benchmarks/judge_clean_variants.py [-v] [--lang zh|en] [--kind KIND]
"""

from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_devsets import context_of
from benchmarks.judge_variants import joined, probe_args, rows, traditional
from scoring.compliance import Judge, LineContext, judge_for
from scoring.data_files import load_yaml
from scoring.i18n import Lang
from scoring.text import normalise
from scoring.typos import DATA as TYPOS

SEED = 20
DEBTOR = LineContext(party="debtor", verified=True)
UNVERIFIED = LineContext(party="unknown", verified=False)
HEAVY_CHAT = (
    (re.compile(r"\bgoing to\b", re.I), "gonna"),
    (re.compile(r"\bwant to\b", re.I), "wanna"),
    (re.compile(r"\byou're\b", re.I), "ur"),
    (re.compile(r"\byour\b", re.I), "ur"),
    (re.compile(r"\byou\b", re.I), "u"),
    (re.compile(r"\bplease\b", re.I), "pls"),
    (re.compile(r"\bare\b", re.I), "r"),
    (re.compile(r"\bthanks\b|\bthank you\b", re.I), "thx"),
    (re.compile(r"\bbefore\b", re.I), "b4"),
    (re.compile(r"\bbecause\b", re.I), "cuz"),
    (re.compile(r"\bokay\b", re.I), "ok"),
    (re.compile(r"\btomorrow\b", re.I), "tmrw"),
    (re.compile(r"\bsee\b", re.I), "c"),
    (re.compile(r"(?<=\w)['’](?=(?:t|m|s|re|ll|ve|d)\b)", re.I), ""),
)
ZH_TYPOS_EXTRA = {"再联系": "在联系", "再打": "在打", "账单": "帐单", "已经": "以经"}

# The kinds written for this probe: (context, lines). New wording, session 20.
WRITTEN: dict[Lang, dict[str, tuple[LineContext, tuple[str, ...]]]] = {
    "zh": {
        "fear": (
            DEBTOR,
            (
                "您刚才说担心会被抓，这个您放心，不会的，欠款是民事上的事。",
                "我听出来您怕坐牢，真不至于，我们就是想跟您商量个还款计划。",
                "您说怕我们去单位闹，这种事我们不会做的，您放心。",
                "您担心家里人知道这事对吧？我们不会跟您家人讲的。",
                "您刚问是不是要上门抓人，没有这回事，咱们电话里沟通就行。",
                "您说怕征信一辈子花了，其实结清以后记录会按规定更新，没那么严重。",
                "您刚刚说担心被起诉，目前并没有起诉的安排，先把方案谈好。",
                "我理解您怕警察找上门，逾期还款不归警察管，您别太紧张。",
                "您是不是怕我们把欠款的事发到朋友圈？不会的，您的信息我们不会公开。",
                "您说孩子上学会受影响，这个跟孩子上学没有关系，您不用担心。",
            ),
        ),
        "lawful": (
            DEBTOR,
            (
                "如果您觉得我们哪里做得不对，可以向当地金融监管部门投诉，这是您的权利。",
                "您要是已经请了律师，麻烦把律师的联系方式给我，以后我们跟律师沟通。",
                "您说要报警，这是您的自由，我们的通话都有录音，可以配合调查。",
                "按时还款的话，征信上会记录为正常还款，对您以后办贷款有帮助。",
                "如果您对欠款有争议，也可以自己咨询律师，我们这边配合提供账单明细。",
                "您留的紧急联系人是您爱人，我们只在联系不上您的时候确认联系方式，不会提欠款。",
                "您单位的电话我们这边不会打，以后就打您手机。",
                "征信报告您可以自己去人民银行征信中心免费查，看看记录对不对。",
                "法院那边目前没有任何立案信息，我只是跟您说明一下正常的处理流程。",
                "如果您觉得我态度不好，可以打客服热线投诉，我的工号是3072。",
            ),
        ),
        "identity": (
            UNVERIFIED,
            (
                "您好，为了核实身份，麻烦您说一下身份证号码的后四位。",
                "请问您是张丽女士本人吗？我这边需要先确认一下身份才能往下说。",
                "不好意思，为了保护您的信息，能麻烦您报一下出生年月吗？",
                "您好，请问您是这个手机号的机主本人吗？",
                "麻烦您核对一下，您登记的手机号尾号是多少？",
                "在说具体事情之前，我得先确认是本人接听，请问您全名是？",
                "您方便告诉我身份证后六位吗？只是核实身份用的。",
                "请问是李伟先生吗？我是客服小周，想先核实一下身份。",
            ),
        ),
        "voicemail": (
            UNVERIFIED,
            (
                "您好，我是小陈，有事找王强先生，麻烦回电4008206688，谢谢。",
                "王女士您好，我是小刘，方便的时候请回个电话，号码是021-61234567。",
                "喂您好，我是李经理，有点事想跟张伟先生沟通，回电请拨13812345678。",
                "您好，给赵敏女士留个言，我姓孙，电话4001234567，工作日九点到六点都在。",
                "您好，这是给陈先生的留言，请在方便时回拨0755-88886666，找小吴就行。",
                "刘先生您好，我是客服小郑，麻烦您有空回个电话，号码4008209999，祝您生活愉快。",
            ),
        ),
        # Session 21 (jz21): greeting or neutral clauses joined by commas to a lawful
        # statement, the near-misses of the comma-joined violation (`judge_variants` comma).
        "comma": (
            DEBTOR,
            (
                "您好，我是惠民消费金融的客服小王，您这笔账单已经逾期二十天了，方便的话今天跟您商量个还款计划",
                "您好先生，打扰您几分钟，如果这个月实在困难，我们可以帮您申请分期，您看分六期可以吗",
                "张女士您好，我是小林，上次您说月底发工资，那我们月底前后再跟您确认一下",
                "您好，我是贷后的小孙，如果一直不处理，平台有可能按合同走诉讼程序，这个我得如实告诉您",
                "您好，跟您说明一下，逾期记录会按规定报送征信，结清之后会更新为已结清状态",
                "您好，这边是客户服务，您要是对金额有疑问，我可以把每一笔利息和违约金的明细发给您核对",
                "王先生您好，我们不会联系您的单位，也不会告诉您家人，您放心",
                "您好，打扰了，您说现在在开会不方便，那我下午三点以后再打过来",
                "您好，我是催收部的小刘，您的欠款目前本金八千二，利息三百一，一共八千五百一十元",
                "您好，感谢您接听，您刚才说要去法院起诉我们，这是您的权利，我们会配合",
                "您好，我是客服小何，现在已经晚上八点四十了，就不多打扰您了，明天上午再联系",
                "您好，这边是还款提醒，您的账单今天到期，可以通过官方APP或者银行转账还款",
                "李女士您好，您说孩子生病住院了，那这周我们先不催，等您忙完了再说",
                "您好，我们是受平台委托的，您有任何疑问都可以打平台的官方客服电话核实我们的身份",
                "您好，跟您确认一下，您说已经还了两千，我这边查一下到账情况，稍后回复您",
                "您好，如果您觉得我们的催收方式有问题，可以向银保监会或者消费者协会投诉",
                "喂您好，我是小周，早上七点多打给您确实太早了，我十点以后再联系您",
                "您好，我们这个月已经联系您三次了，以后改成每周一次，您看哪天方便",
            ),
        ),
        "frequency": (
            DEBTOR,
            (
                "您放心，今天我就不再打扰您了，下次约在周四上午联系。",
                "以后我们一周最多联系您一次，不会天天打。",
                "晚上九点以后我们是不会给您打电话的。",
                "您说上班时间不方便，那我记下来，以后只在午休的时候联系您。",
                "这个月我们就不再打了，等您发工资以后再沟通。",
                "我已经备注了，别的同事不会重复给您打电话。",
                "您要是觉得电话太频繁，可以跟我说个方便的时间，我们按您的时间来。",
                "今天是最后一通，我不会再打了，祝您周末愉快。",
            ),
        ),
    },
    "en": {
        "fear": (
            DEBTOR,
            (
                "You mentioned you're worried about going to jail over this. That's not"
                " something that happens for a late card payment.",
                "I hear that you're scared we'll show up at your work. We won't do that.",
                "You said you're afraid your family will find out; we don't discuss your"
                " account with them.",
                "You asked if the police are coming. No, this is a civil balance, not a crime.",
                "I know you're nervous about being sued. There's no lawsuit filed, and we'd"
                " rather work out a plan.",
                "You said the calls have been keeping you up at night. We won't call more than"
                " the rules allow.",
                "I get that you're worried your wages will be taken. Nothing like that is in"
                " motion on this account.",
                "You told me you're scared you'll lose your house. That isn't on the table here.",
                "You said you thought we'd post this online. We would never share your debt"
                " publicly.",
                "You're worried you'll be arrested at the airport? That won't happen because of"
                " this debt.",
            ),
        ),
        "lawful": (
            DEBTOR,
            (
                "If you'd like to file a complaint, you can contact the CFPB or your state"
                " attorney general.",
                "If you have a lawyer handling this, give me their number and we'll deal with"
                " them from now on.",
                "You can pull your own credit report for free at annualcreditreport.com to check"
                " what's listed.",
                "Once it's paid, we'll update the credit bureaus to show the account as paid in"
                " full.",
                "You're welcome to talk to a lawyer or a credit counselor before you decide"
                " anything.",
                "We won't call your employer; I'll only reach you on this number.",
                "If you think this debt isn't yours, you can dispute it in writing and we'll"
                " pause collection until we send verification.",
                "No court case has been filed on this account; I'm just explaining the options"
                " you have.",
                "If you'd like your spouse to be able to talk to us about it, you can give us"
                " permission in writing.",
                "If you filed a police report for identity theft, send us a copy and we'll look"
                " into it.",
            ),
        ),
        "identity": (
            UNVERIFIED,
            (
                "Before I go on, could you confirm the last four digits of your Social Security"
                " number?",
                "Hi, may I speak with Karen Ortiz? This is Ben calling.",
                "For your privacy, can you verify your date of birth for me?",
                "Am I speaking with Marcus Bell? I just need to confirm who I'm talking to first.",
                "Could you confirm the ZIP code on file so I know I've reached the right person?",
                "I'm sorry, I can only discuss this with the account holder. Is this Ms. Chen?",
                "To make sure I have the right person, what's your full name and the last four"
                " of your social?",
                "Can you please verify the street address we have on file for you?",
            ),
        ),
        "voicemail": (
            UNVERIFIED,
            (
                "Hi, this message is for Daniel Reyes. This is Tara with Brightwater Services,"
                " please call me back at 800-555-0186. Thanks.",
                "Hello, this is Mike from Harlow Group calling for Ms. Ortiz. You can reach me"
                " at 877-555-0199 between 9 and 5.",
                "Hi Sandra, it's Jordan at Pinecrest Solutions. When you get a chance, give me"
                " a call back at 866-555-0123.",
                "This is a message for Kevin Park from Nadia at Elm Street Financial. Please"
                " return my call at 888-555-0177, reference number 4821.",
                "Hey, this is Alicia with Northgate Services calling for Tom Brooks, my number"
                " is 844-555-0110, talk soon.",
                "Good afternoon, this is Rob at Calder Group for Ms. Hill. Please call"
                " 800-555-0133 at your convenience.",
            ),
        ),
        "frequency": (
            DEBTOR,
            (
                "I'll make a note so no one else calls you today.",
                "We'll keep it to one call a week at most, I promise.",
                "We don't call after 9 p.m., so you won't hear from us in the evenings.",
                "You said mornings are bad, so I'll only try you after lunch from now on.",
                "I won't call again until after your payday on the 15th.",
                "If the calls are too much, just tell me the best time and we'll stick to it.",
                "That's it for today, I won't bother you again this week.",
                "Got it, no calls while you're at work; we'll only use your cell in the evening"
                " before 8.",
            ),
        ),
        # Session 21 (je21): the debtor's fear echoed as a bare question, the denial only in
        # the next sentence (the US pack's `echo` scope); and lower-case names in chat.
        "echo": (
            DEBTOR,
            (
                "You're frightened you'll end up in handcuffs? That is not going to happen.",
                "Afraid the sheriff is coming? Nobody is coming to your house.",
                "You think this goes to a criminal court? It doesn't, it's a civil balance.",
                "You're anxious we'll contact your manager? We will not call your job.",
                "So you're terrified of a prison record? You won't get one from this.",
                "Do you think we'd have you arrested? Never, that's not how this works.",
            ),
        ),
        "names": (
            UNVERIFIED,
            (
                "hi is this rosas cell? just checking i have the right number",
                "r u kevins roommate? no worries, ill try him later",
                "could u tell maria that jen called? thx",
                "sorry, is this still tomas number or did it change",
                "is lindas mom there by chance? ill call back another time",
                "hey is this the number for derek, or did i get it wrong",
            ),
        ),
    },
}
KINDS: dict[Lang, tuple[str, ...]] = {
    "zh": ("trad", "typo", *WRITTEN["zh"]),
    "en": ("chat", *WRITTEN["en"]),
}


def heavy_chat(text: str) -> str:
    for pattern, short in HEAVY_CHAT:
        text = pattern.sub(short, text)
    return text.lower().rstrip().rstrip(".!")


def _typos() -> dict[str, str]:
    words: dict[str, str] = load_yaml(TYPOS)["words"]
    inverse = {meant: said for said, meant in words.items() if len(meant) > 1}
    return {**inverse, **ZH_TYPOS_EXTRA}


def typo(text: str, rng: random.Random) -> str:
    """One homophone typo where the line has a word one is made of (else the line)."""
    found = [(right, wrong) for right, wrong in _typos().items() if right in text]
    if not found:
        return text
    right, wrong = rng.choice(sorted(found))
    return text.replace(right, wrong, 1)


def said_forms(text: str, lang: Lang, partner: str | None) -> dict[str, str]:
    """A written line alone, after a clean dev line, and in chat spelling or 繁體."""
    forms = {"alone": text}
    if partner is not None:
        forms["joined"] = joined(partner, text, lang)
    forms["chat" if lang == "en" else "trad"] = (
        heavy_chat(text) if lang == "en" else traditional(text)
    )
    return forms


def flagged(judge: Judge, text: str, ctx: LineContext) -> list[str]:
    return sorted({h.rule.category for h in judge.judge_line(text, ctx, norm=normalise(text))})


def cases(lang: Lang, clean: list[dict[str, Any]]) -> list[tuple[str, str, LineContext]]:
    """(kind, line, context) of every variant, seeded."""
    rng = random.Random(SEED)
    out: list[tuple[str, str, LineContext]] = []
    for row in clean:
        kind = "chat" if lang == "en" else "trad"
        said = heavy_chat(row["text"]) if lang == "en" else traditional(row["text"])
        out.append((kind, said, context_of(row)))
        if lang == "zh":
            out.append(("typo", typo(row["text"], rng), context_of(row)))
    for kind, (ctx, lines) in WRITTEN[lang].items():
        partners = [r["text"] for r in clean if context_of(r).party == ctx.party]
        for text in lines:
            partner = rng.choice(partners) if partners else None
            for said in said_forms(text, lang, partner).values():
                out.append((kind, said, ctx))
    return out


def main() -> None:
    args, langs = probe_args("judge_clean_variants.py", "print each alarm")
    for lang in langs:
        judge = judge_for("CN" if lang == "zh" else "US")
        data = [r for r in rows(lang) if not r["categories"]]
        clean = [r for r in data if not flagged(judge, r["text"], context_of(r))]
        kept: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        seen: set[tuple[str, str]] = set()
        for kind, said, ctx in cases(lang, clean):
            if (args.kind and kind != args.kind) or (kind, said) in seen:
                continue
            seen.add((kind, said))
            found = flagged(judge, said, ctx)
            kept[kind][1] += 1
            kept[kind][0] += not found
            if args.v and found:
                print(f"  {lang} {kind} alarm {found}: {said}")
        print(f"{lang}: {len(clean)} of {len(data)} clean dev lines right")
        for kind in KINDS[lang]:
            if kind in kept:
                ok, n = kept[kind]
                print(f"  {kind:9} clean kept {ok / n:.3f} ({ok}/{n})")


if __name__ == "__main__":
    main()
