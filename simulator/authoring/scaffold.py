"""`collectsim new`: a small, valid, linted scenario with a starter golden test that passes."""

from __future__ import annotations

from pathlib import Path
from string import Template

from simulator.engine.loader import SUFFIX

_ZH = Template("""\
# yaml-language-server: $$schema=../schemas/scenario.schema.json
version: 1
id: $id
title: {zh: 新场景（请修改标题）, en: New scenario (edit the title)}
summary:
  zh: 一位忘记还款的信用卡客户。在这里写下人物背景，给培训师看。
  en: A credit-card customer who forgot to pay. Describe the persona here for trainers.
language: zh-CN
jurisdiction: $jurisdiction
difficulty: 1
tags: [draft]
call: {local_time: "2026-11-20T10:00:00", channel: phone, max_turns: 20}
ledger:
  debtor: 张三
  creditor: 某银行信用卡中心
  product: 信用卡
  product_type: credit_card
  account_last4: "1234"
  currency: CNY
  principal: 3000.00
  interest: 90.00
  late_fee: 30.00
  overdue_total: 3120.00
  minimum_payment: 312.00
  due_date: 2026-11-05
  days_overdue: 15
  channels: [手机银行, 支付宝, 微信支付]
  plans: [{months: 3, fee_rate: 0.0}]
persona: {name: 张三, mood: 60, hangs_up_below: 10, traits: [forgetful]}
initial: opening
states:
  opening:
    say: ["喂，你好，哪位？"]
  verified:
    say: ["对，我是张三。什么事？"]
  informed:
    say: ["啊，逾期了？我忘了。怎么还？"]
  knows_how:
    say: ["好的，那我今天就用手机银行还。"]
  offended:
    say: {calm: ["你好好说话行不行？"], angry: ["你再这样我挂了！"]}
  promise_to_pay:
    ending: promise_to_pay
    say: ["行，今天还上。再见。"]
  hung_up:
    ending: hung_up
    say: ["（对方挂断了电话）"]
transitions:
  - {from: opening, on: verify_identity, to: verified, actions: [mark_verified]}
  - {from: opening, on: [state_amount, state_overdue], to: offended, mood: -10}
  - {from: verified, on: [state_purpose, state_amount, state_overdue], to: informed}
  - {from: informed, on: explain_channels, to: knows_how}
  - {from: knows_how, on: [confirm_arrangement, thank, close], to: promise_to_pay, actions: [record_promise]}
  - {from: offended, on: [apologize, verify_identity], to: verified, actions: [mark_verified]}
  - {from: "*", on: [threaten, insult], to: offended, mood: -25}
objectives: [verify_identity, state_amount, explain_channels, get_promise_to_pay]
rubric: {pass_mark: 80}
""")

_EN = Template("""\
# yaml-language-server: $$schema=../schemas/scenario.schema.json
version: 1
id: $id
title: {zh: 新场景（请修改标题）, en: New scenario (edit the title)}
summary:
  zh: 一位忘记还款的客户。在这里写下人物背景，给培训师看。
  en: A customer who forgot to pay. Describe the persona here for trainers.
language: en-US
jurisdiction: $jurisdiction
difficulty: 1
tags: [draft]
call: {local_time: "2026-11-20T10:00:00", channel: phone, max_turns: 20}
ledger:
  debtor: Sam Lee
  creditor: Example Bank
  agency: Example Recovery Services
  collector: Alex Chen
  product: credit card
  product_type: agency
  account_last4: "1234"
  currency: USD
  principal: 900.00
  interest: 45.00
  late_fee: 25.00
  overdue_total: 970.00
  minimum_payment: 97.00
  due_date: 2026-11-05
  days_overdue: 15
  channels: [online portal, debit card, bank transfer]
  plans: [{months: 3, fee_rate: 0.0}]
persona: {name: Sam, mood: 60, hangs_up_below: 10, traits: [forgetful]}
initial: opening
states:
  opening:
    say: ["Hello? Who's this?"]
  verified:
    say: ["Yeah, this is Sam. What's this about?"]
  informed:
    say: ["Oh, I missed it? I totally forgot. How do I pay?"]
  knows_how:
    say: ["Okay, I'll pay online today."]
  offended:
    say: {calm: ["Hey, no need to talk to me like that."], angry: ["One more word like that and I'm hanging up."]}
  promise_to_pay:
    ending: promise_to_pay
    say: ["Alright, it'll be done today. Bye."]
  hung_up:
    ending: hung_up
    say: ["(The line goes dead.)"]
transitions:
  - {from: opening, on: verify_identity, to: verified, actions: [mark_verified]}
  - {from: opening, on: [state_amount, state_overdue], to: offended, mood: -10}
  - {from: verified, on: [state_purpose, state_amount, state_overdue], to: informed}
  - {from: informed, on: explain_channels, to: knows_how}
  - {from: knows_how, on: [confirm_arrangement, thank, close], to: promise_to_pay, actions: [record_promise]}
  - {from: offended, on: [apologize, verify_identity], to: verified, actions: [mark_verified]}
  - {from: "*", on: [threaten, insult], to: offended, mood: -25}
objectives: [verify_identity, state_amount, explain_channels, get_promise_to_pay]
rubric: {pass_mark: 80}
""")

_TEST_ZH = Template("""\
# yaml-language-server: $$schema=../../schemas/golden.schema.json
scenario: $id
conversations:
  - name: starter — a polite call ends with a promise
    steps:
      - say: 您好，我是某银行信用卡中心的客服小王，请问是张三先生本人吗？
        expect: {state: verified}
      - say: 您的信用卡逾期15天了，逾期金额是3120元。
        expect: {state: informed}
      - say: 您可以通过手机银行或者支付宝还款。
        expect: {state: knows_how}
      - say: 好的，谢谢您的配合，再见。
        expect: {ending: promise_to_pay}
    end: {ending: promise_to_pay, no_critical: true}
""")

_TEST_EN = Template("""\
# yaml-language-server: $$schema=../../schemas/golden.schema.json
scenario: $id
conversations:
  - name: starter — a polite call ends with a promise
    steps:
      - say: Hi, this is Alex calling from Example Bank. Am I speaking with Sam Lee?
        expect: {state: verified}
      - say: I'm calling about your credit card account; the past due balance is $$970.00.
        expect: {state: informed}
      - say: You can pay online through our portal or by debit card.
        expect: {state: knows_how}
      - say: Thank you, have a good day.
        expect: {ending: promise_to_pay}
    end: {ending: promise_to_pay, no_critical: true}
""")


def scaffold(directory: Path, scenario_id: str, lang: str, jurisdiction: str) -> tuple[Path, Path]:
    """Write `<id>.scenario.yaml` and `tests/<id>.test.yaml`; refuse to overwrite."""
    scenario_path = directory / f"{scenario_id}{SUFFIX}"
    test_path = directory / "tests" / f"{scenario_id}.test.yaml"
    for path in (scenario_path, test_path):
        if path.exists():
            raise FileExistsError(str(path))
    values = {"id": scenario_id, "jurisdiction": jurisdiction}
    body, test = (_ZH, _TEST_ZH) if lang == "zh" else (_EN, _TEST_EN)
    test_path.parent.mkdir(parents=True, exist_ok=True)
    scenario_path.write_text(body.substitute(values), encoding="utf-8")
    test_path.write_text(test.substitute(values), encoding="utf-8")
    return scenario_path, test_path
