"""A report in the layout of the filed example (shared/examples): chapters 12, 13, 14, 39 and a Crisis and
Elections Response sub-section, with fictional text written for these tests.

`expected_paragraphs(template)` is the paragraph sequence a reader of the exported document must see,
written out by hand in the example's order (it does not call the exporter).
"""

from __future__ import annotations

MEASURES = ["12.1", "12.3", "13.1", "13.2", "13.3", "14.3", "39"]

Q1_12 = ("Northwind has made unlabelled issue ads one of its research themes.\n"
         "We trained partner newsrooms on spotting them.")
M12_1 = ("We monitored ad libraries in six member states. Our reports pointed to two gaps:\n"
         "- sponsors evading labels by **rotating** page names,\n"
         "- state-funded outlets' ads shown without a *political* label.\n\n"
         "Both were raised with the platforms; see [our note](https://example.org/northwind/ads).")
SLI_16_TABLE = [["Member State", "Alerts sent", "Platforms told"],
                ["Austria", "1,204", "3"],
                ["Belgium", None, "N/A"],
                ["Czech Republic", "-"],  # a short row: the missing cell exports empty
                ["Total EU", "1,204", "3"]]
SLI_17_TABLE = [["Member State", "Workshops organised", "People taking part", "Reach of the campaign",
                 "Languages covered", "Share of the population"],
                ["Ireland", "4", "120", "40,000", "2", "12.5%"],
                ["Portugal", "2", "65", "12,000", "1", "3.1%"]]

ANSWERS = {
    "header.description": "Northwind Civic Lab is a fictional research group. Contact: <https://example.org/northwind>",
    "Commitment 12 Q1": Q1_12,
    "Commitment 12 Q2": "Training sessions on issue-ad labelling for 14 newsrooms.",
    "Commitment 12 Q3": "No",
    "Commitment 12 Q4": "No",
    "Measure 12.1": M12_1,
    "QRE 12.1.1": "In 2025 we logged 233 issue ads that ran without a label.",
    "Measure 12.3": "We alerted fellow signatories to two labelling gaps.",
    "Commitment 13 Q1": "No", "Commitment 13 Q2": "No", "Commitment 13 Q3": "No", "Commitment 13 Q4": "No",
    "Measure 13.1": "We joined the Task-force sub-group on political advertising.",
    "QRE 13.1.1": "Two workshops with the sub-group on risks in issue advertising.",
    "Measure 13.2": "We took part in the consultation on pre-election quiet periods.",
    "Measure 13.3": "N/A",
    "Commitment 14 Q1": "No", "Commitment 14 Q2": "No", "Commitment 14 Q3": "No", "Commitment 14 Q4": "No",
    "Measure 14.3": "We mapped 41 tactics seen in influence operations \U0001F50E and shared them.",
    "Commitment 39 Q1": "No", "Commitment 39 Q2": "", "Commitment 39 Q3": "No", "Commitment 39 Q4": "No",
    "Crisis 1/title": "Elections 2024",
    "Crisis 1/threats": "Threats observed at the time of reporting:\n\n- AI-made images in campaigns\n"
                        "  - mostly unlabelled\n- bought engagement",
    "Crisis 1/mitigations": "We ran a monitoring room with partners during the campaign.",
    "Crisis 1/Measure 16.1": "We shared 37 incident alerts through the rapid response system.",
    "Crisis 1/QRE 16.1.1": "A one-page case template helped readers see the tactics quickly.",
    "Crisis 1/SLI 16.1.1": "Number of alerts by country:",
    "Crisis 1/Measure 16.2": "Alerts described how tactics changed over time.",
    "Crisis 1/QRE 16.2.1": "Platforms received the alerts about their own services.",
    "Crisis 1/Measure 17.2": "Media-literacy sessions before the vote.",
    "Crisis 1/QRE 17.2.1": "Sixteen workshops and one public campaign.",
    "Crisis 1/SLI 17.2.1": "Sessions per member state:",
    "Crisis 1/Measure 30.1": "Agreements with fact-checking organisations in the region.",
    "Crisis 1/SLI 30.1.1": "Agreements signed: 10.",
    "Crisis 1/Measure 30.3": "Cross-border collaboration between fact-checkers.",
    "Crisis 1/QRE 30.3.1": "",
}
CRISIS_ITEMS = ["Chapter IV", "QRE 16.1.1", "SLI 16.1.1", "Measure 16.2", "QRE 16.2.1", "Chapter V",
                "Measure 17.2", "QRE 17.2.1", "SLI 17.2.1", "Chapter VII", "Measure 30.1", "SLI 30.1.1",
                "Measure 30.3", "QRE 30.3.1"]


def build(new_report):
    r = new_report(measures=MEASURES, signatory="Northwind Civic Lab", title="Report March 2026")
    for code, text in ANSWERS.items():
        r.set_text(code, text)
    r.set_table("Crisis 1/SLI 16.1.1", SLI_16_TABLE)
    r.set_table("Crisis 1/SLI 17.2.1", SLI_17_TABLE)
    for code in CRISIS_ITEMS:
        r.add_crisis_item(1, code)
    return r


def _questions(t, c: str, answers: list[str]) -> list[str]:
    out = []
    for q, a in zip(t.questions, answers):
        out += [q.text, *a]
    return out


def expected_paragraphs(t) -> list[str]:
    """Every paragraph of the body in order (list items one each; a blank answer is one empty paragraph)."""
    wording = {code: t.index[code].wording for code in ("Commitment 12", "Measure 12.1", "Commitment 13",
                                                        "Measure 13.1", "QRE 13.1.1", "Commitment 14",
                                                        "Measure 14.3", "Commitment 39")}
    assert all(wording.values()), "the template lost official wording the example shows"
    signed, crisis = t.signed_measures_label, t.crisis
    return [
        "Northwind Civic Lab", "Report March 2026", "Draft",
        "Your organisation description",
        "Northwind Civic Lab is a fictional research group. Contact: https://example.org/northwind",
        "Political Advertising",
        "Commitment 12", wording["Commitment 12"], signed, "Measure 12.1 Measure 12.3",
        *_questions(t, "12", [[Q1_12], ["Training sessions on issue-ad labelling for 14 newsrooms."], ["No"], ["No"]]),
        "Measure 12.1", wording["Measure 12.1"],
        "We monitored ad libraries in six member states. Our reports pointed to two gaps:",
        "sponsors evading labels by rotating page names,",
        "state-funded outlets' ads shown without a political label.",
        "Both were raised with the platforms; see our note.",
        "QRE 12.1.1", "In 2025 we logged 233 issue ads that ran without a label.",
        "Measure 12.3", "We alerted fellow signatories to two labelling gaps.",
        "QRE 12.3.1", "",  # the empty slot a draft shows
        "Commitment 13", wording["Commitment 13"], signed, "Measure 13.1 Measure 13.2 Measure 13.3",
        *_questions(t, "13", [["No"]] * 4),
        "Measure 13.1", wording["Measure 13.1"], "We joined the Task-force sub-group on political advertising.",
        "QRE 13.1.1", wording["QRE 13.1.1"], "Two workshops with the sub-group on risks in issue advertising.",
        "Measure 13.2", "We took part in the consultation on pre-election quiet periods.", "QRE 13.2.1", "",
        "Measure 13.3", "N/A", "QRE 13.3.1", "",
        "Integrity of Services",
        "Commitment 14", wording["Commitment 14"], signed, "Measure 14.3",
        *_questions(t, "14", [["No"]] * 4),
        "Measure 14.3", wording["Measure 14.3"],
        "We mapped 41 tactics seen in influence operations \U0001F50E and shared them.", "QRE 14.3.1", "",
        "Monitoring of the Code",
        "Commitment 39", wording["Commitment 39"], signed, "",
        *_questions(t, "39", [["No"], [""], ["No"], ["No"]]),
        crisis.title, "Elections 2024", crisis.note,
        crisis.threats_label, "Threats observed at the time of reporting:", "AI-made images in campaigns",
        "mostly unlabelled", "bought engagement",
        crisis.mitigations_label, "We ran a monitoring room with partners during the campaign.",
        "Integrity of Services", crisis.outline_prompt, "",
        "Measure 16.1", "We shared 37 incident alerts through the rapid response system.",
        "QRE 16.1.1", "A one-page case template helped readers see the tactics quickly.",
        "SLI 16.1.1", "Number of alerts by country:",
        "Measure 16.2", "Alerts described how tactics changed over time.",
        "QRE 16.2.1", "Platforms received the alerts about their own services.",
        "Empowering Users", crisis.outline_prompt, "",
        "Measure 17.2", "Media-literacy sessions before the vote.",
        "QRE 17.2.1", "Sixteen workshops and one public campaign.",
        "SLI 17.2.1", "Sessions per member state:",
        "Empowering the Fact-Checking Community", crisis.outline_prompt, "",
        "Measure 30.1", "Agreements with fact-checking organisations in the region.",
        "SLI 30.1.1", "Agreements signed: 10.",
        "Measure 30.3", "Cross-border collaboration between fact-checkers.",
        "QRE 30.3.1", "",
    ]
