"""Variants of the dev set's judge lines: does the judge keep its verdict on a line said
another way?

Each dev judge line the judge gets right (a violating line flagged, a compliant line clean) is
said again, its meaning and verdict unchanged, as
  pad      wrapped in polite padding ("您好，打扰一下哈，…", "Hi, sorry to bother you, …"):
           a violation inside a courteous sentence is still one, a clean line stays clean;
  trad     (zh) in Traditional Chinese (OpenCC s2t);
  chat     (en) chat spelling: you → u, your → ur, going to → gonna, please → pls, lower
           case, no final stop;
  nopunct  its punctuation dropped or spaced (zh) / a run-on (en);
  joined   after an ordinary clean dev line of the same context (the violation second), and a
           clean line after another clean line (which must stay clean),
with a fixed seed choosing the padding, the spacing and the partner line; and
  comma    (zh) violations written for this probe (session 21, none a dev line or an
           exemplar): a greeting or a neutral clause, then the violation after a comma with no
           sentence end between ("您好，我是…的小王，…我们就去你公司当着你同事的面要"),
           said to the verified debtor. A violating variant
the judge no longer flags, or a clean one it flags, names a kind of wording to fix in general.
Dev lines only (the test sets stay unread); a measure of kinds, never a claim about real
trainee lines.

    python benchmarks/judge_variants.py [-v] [--lang zh|en] [--kind KIND]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import opencc

from benchmarks.eval_devsets import context_of
from benchmarks.vector_cache import remember
from scoring.compliance import Judge, LineContext, judge_for
from scoring.i18n import Lang
from scoring.text import normalise

ROOT = Path(__file__).resolve().parent.parent
SEED = 19
VECTORS = Path("/tmp") / "collectsim-judge-variants-vectors.npz"
KINDS: dict[Lang, tuple[str, ...]] = {
    "zh": ("pad", "trad", "nopunct", "joined", "comma"),
    "en": ("pad", "chat", "nopunct", "joined"),
}
PREFIXES: dict[Lang, tuple[str, ...]] = {
    "zh": ("您好，打扰一下哈，", "不好意思啊，跟您说一下，", "喂，您好，"),
    "en": ("Hi, sorry to bother you, ", "Hello there, hope you're well. ", "Hey, quick one, "),
}
SUFFIXES: dict[Lang, tuple[str, ...]] = {
    "zh": ("，麻烦您理解一下，谢谢", "，您看可以吗？", "，好吧，就这样，谢谢您"),
    "en": (" Thanks, have a good one.", " Thank you for your time.", " Appreciate it, bye now."),
}
ZH_STOPS = "。！？，；：、…~!?,;:"
ZH_PUNCT = re.compile(r"[。！？，；：、…~!?,;:（）()“”\"'《》【】\s]+")
EN_PUNCT = re.compile(r"\s*[.,;:!?…—–]+(?=\s|$)\s*|\s*[—–]\s*")
CHAT = (
    (re.compile(r"\bgoing to\b", re.I), "gonna"),
    (re.compile(r"\bwant to\b", re.I), "wanna"),
    (re.compile(r"\byour\b", re.I), "ur"),
    (re.compile(r"\byou're\b", re.I), "ur"),
    (re.compile(r"\byou\b", re.I), "u"),
    (re.compile(r"\bplease\b", re.I), "pls"),
    (re.compile(r"\bare\b", re.I), "r"),
)


DEBTOR = LineContext(party="debtor", verified=True)
COMMA_JOINED: dict[Lang, tuple[str, ...]] = {
    "zh": (
        "您好，我是诚信金融的小王，这个月底前不把钱打过来我们就去你公司当着你同事的面要",
        "李先生您好打扰了，拖了这么久还不还，信不信我找人去你家门口堵你",
        "您好，我这边是贷后部的，你再装死下个星期就把你的事印成传单贴满你们小区",
        "喂您好，我姓周，今天再见不到钱，晚上派人去你老家跟你爸妈聊聊",
        "您好，跟您核对一下账单，你这种人就是欠收拾，脸都不要了",
        "您好我是客服小赵，今晚十二点前不到账我们直接报案让警察去你单位抓你",
        "不好意思打扰您了，您的欠款已经移交给我们法务部，明天法院的传票就寄到你家",
        "王女士您好，这边是还款提醒，不处理的话我们会把你的欠款情况群发给你通讯录里所有人",
        "您好，我是平台的催收专员，再不还钱你全家以后坐火车飞机都不行，孩子也上不了学",
        "您好，跟您说一下，从今天开始我们每小时给你打一次，打到你还为止",
        "您好我是小李，今天不还的话明天起每天多收两百块的催收服务费",
        "您好，打扰一下，你欠的钱我已经跟你们公司领导说了，他说会从你工资里扣",
        "您好，我们是受委托的，你老婆那边我们也通知了，让她替你还",
        "您好，我是催收部的，你要是不还我们就天天去你孩子学校门口等着",
        "您好，我们这边是贷后的，你这个情况已经够得上诈骗罪了，等着坐牢吧",
        "您好，今天是最后通知，逾期的事我们会发到你的朋友圈和单位群里",
        "您好我是阳光信贷的小吴，你别以为换了号我们就找不到你，你住哪我们都知道",
        "喂，您好，我们是律师事务所的，已经对你立案了，明天就冻结你所有银行卡",
        "您好，还款的事跟您沟通一下，建议您去借点网贷或者刷信用卡先把这笔还上",
        "您好打扰了，你要是再拖，我们就让你在老家抬不起头",
        "您好，打扰您几分钟，我是惠民消费金融的客服，麻烦您理解一下，下午之前没消息的话我们同事就直接去你单位前台等你",
        "您好先生，今天天气不错，跟您确认一下还款的事，您要是一直拖着，您老家那边的亲戚我们也会一个个打过去",
        "张女士您好，我是小林，上次跟您聊得挺好的，这次再不处理，我们就只能上门去您小区找物业聊聊了",
        "您好，我是贷后的小孙，知道您最近也不容易，不过今天不还的话，你这辈子都别想再贷到一分钱",
        "您好，我们这边是账单中心，提醒您一下还款日，过了今晚就算你恶意逃债，直接移送公安",
        "您好，打扰了，跟您核实一下信息，您在单位是财务对吧，那我们就直接跟你们老板说一下这个事",
        "您好，我是客服小何，您的情况我们都了解，要是还不上，你可以把你爸妈的房子抵押一下嘛",
        "您好，感谢您接听，我这边是还款专员，你今天不给个准话，我们明天一天给你打五十个电话",
        "您好，我是信用卡中心的，您这个账单我帮您看了一下，现在要多交三千块的上门催收费",
        "您好，这边是客户服务，我理解您的难处，但是你不还钱的事我们已经发给你所有同学了",
        "王先生您好，这是关于您贷款的提醒，您的亲属我们已经告知了，您欠了我们两万多",
        "您好，我是小刘，跟您说一下我们的流程，下周我们会联合当地派出所对你进行上门调查",
        "您好，我们是XX银行的，您的情况比较特殊，已经被列入法院的黑名单了，出门坐车都不行了",
        "您好，我是平安普惠的，麻烦您接一下电话，您这种不还钱的人活着也是浪费空气",
        "李女士，您好，我是催收员小高，您的孩子在实验小学上学对吧，放学的时候我们可能会去看看他",
        "您好，这边是贷后服务，您上个月答应的没做到，我们只好把你的照片挂到网上了",
        "您好，请问是陈先生吗，是这样的，您再不还款，我们就把您的资料转给外面讨债公司，他们手段可不像我们这么温柔",
        "您好啊，我是客服小美，我看您朋友圈挺热闹的，要不要我们帮你在下面留个言提醒大家你欠钱的事",
    ),
    "en": (),
}


def rows(lang: Lang) -> list[dict[str, Any]]:
    text = (ROOT / "devsets" / f"judge.{lang}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def flagged(judge: Judge, text: str, ctx: LineContext) -> bool:
    return bool(judge.judge_line(text, ctx, norm=normalise(text)))


def padded(text: str, lang: Lang, rng: random.Random) -> str:
    """The line after a polite opening, before a polite close, or both."""
    how = rng.choice(("prefix", "suffix", "both"))
    head = rng.choice(PREFIXES[lang]) if how != "suffix" else ""
    tail = rng.choice(SUFFIXES[lang]) if how != "prefix" else ""
    if tail and lang == "zh" and text.endswith(tuple(ZH_STOPS)):
        tail = tail.lstrip("，")
    if tail and lang == "en" and not text.rstrip().endswith((".", "!", "?")):
        text = text.rstrip() + "."
    if head and lang == "en" and text[:1].isupper() and not text.startswith(("I ", "I'")):
        text = text[0].lower() + text[1:]
    return head + text + tail


_TRADITIONAL: list[opencc.OpenCC] = []


def traditional(text: str) -> str:
    if not _TRADITIONAL:
        _TRADITIONAL.append(opencc.OpenCC("s2t"))
    return str(_TRADITIONAL[0].convert(text))


def chat(text: str) -> str:
    for pattern, short in CHAT:
        text = pattern.sub(short, text)
    return text.lower().rstrip().rstrip(".!")


def unpunctuated(text: str, lang: Lang, rng: random.Random) -> str:
    """zh: punctuation dropped or spaced (one choice a line); en: a run-on."""
    if lang == "zh":
        gap = rng.choice(("", " "))
        return ZH_PUNCT.sub(gap, text).strip()
    return re.sub(r"\s+", " ", EN_PUNCT.sub(" ", text)).strip()


def joined(first: str, second: str, lang: Lang) -> str:
    if lang == "zh":
        return first + ("" if first.endswith(tuple(ZH_STOPS)) else "，") + second
    return first + ("" if first.rstrip().endswith((".", "!", "?")) else ".") + " " + second


def variants(
    row: dict[str, Any], lang: Lang, clean: list[dict[str, Any]], rng: random.Random
) -> dict[str, str]:
    """Each kind's variant of one right line (a kind that changes nothing is left out)."""
    text = row["text"]
    out: dict[str, str] = {"pad": padded(text, lang, rng)}
    if lang == "zh":
        out["trad"] = traditional(text)
    else:
        out["chat"] = chat(text)
    out["nopunct"] = unpunctuated(text, lang, rng)
    ctx = context_of(row)
    partners = [r for r in clean if r["id"] != row["id"] and context_of(r) == ctx]
    if partners:
        out["joined"] = joined(rng.choice(partners)["text"], text, lang)
    return {kind: said for kind, said in out.items() if said != text}


def probe_args(prog: str, verbose: str) -> tuple[argparse.Namespace, list[Lang]]:
    """The judge probes' command line (-v, --lang, --kind) and the languages it asks for;
    line vectors are kept between runs from here on."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("-v", action="store_true", help=verbose)
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument("--kind")
    args = parser.parse_args()
    remember(VECTORS)
    return args, [args.lang] if args.lang else ["zh", "en"]


def main() -> None:
    args, langs = probe_args("judge_variants.py", "print each variant that flips")
    for lang in langs:
        judge = judge_for("CN" if lang == "zh" else "US")
        data = rows(lang)
        right = [
            r for r in data if flagged(judge, r["text"], context_of(r)) == bool(r["categories"])
        ]
        clean = [r for r in right if not r["categories"]]
        rng = random.Random(SEED)
        kept: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
        for row in right:
            violating = bool(row["categories"])
            for kind, said in variants(row, lang, clean, rng).items():
                if args.kind and kind != args.kind:
                    continue
                got = flagged(judge, said, context_of(row))
                tally = kept[(kind, violating)]
                tally[1] += 1
                tally[0] += got == violating
                if args.v and got != violating:
                    what = "missed" if violating else "alarm"
                    print(f"  {lang} {kind} {what} {row['id']} {row['categories']}: {said}")
        if not args.kind or args.kind == "comma":
            for said in COMMA_JOINED[lang]:
                got = flagged(judge, said, DEBTOR)
                kept[("comma", True)][1] += 1
                kept[("comma", True)][0] += got
                if args.v and not got:
                    print(f"  {lang} comma missed: {said}")
        print(f"{lang}: {len(right)} of {len(data)} dev lines right")
        for kind in KINDS[lang]:
            if args.kind and kind != args.kind:
                continue
            flag, fn = kept[(kind, True)], kept[(kind, False)]
            print(
                f"  {kind:8} violating still flagged {share(flag)} ({flag[0]}/{flag[1]}), "
                f"clean still clean {share(fn)} ({fn[0]}/{fn[1]})"
            )


def share(tally: list[int]) -> str:
    return f"{tally[0] / tally[1]:.3f}" if tally[1] else "  -  "


if __name__ == "__main__":
    main()
