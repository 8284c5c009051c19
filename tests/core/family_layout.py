"""Three per-service reports of one fictional platform, in the layout of the filed example (shared/examples):
each service's name as the cover line, the title, the status as filed, then chapter by chapter. Most of
the text is the same in all three; some answers differ, every member-state table differs, and the chat
service signs fewer measures. Written for these tests; no filed report's answers.

`lines(service)` is each report's paragraph sequence (a table's cells, row by row, where the table is), and
`write(folder)` types them into plain Word files (python-docx's default template: no heading styles), as
an officer's earlier Word reports may be.
"""

from __future__ import annotations

from pathlib import Path

SERVICES = ["Lumen Social", "Lumen Video", "Lumen Chat"]
TITLE = "Report September 2026"
Q1 = ("In line with this commitment, did you deploy new implementation measures (e.g. changes to your terms of "
      "service, new tools, new policies, etc)?")
Q2 = "If yes, list these implementation measures here"
Q3 = ("Do you plan to put further implementation measures in place in the next 6 months to substantially "
      "improve the maturity of the implementation of this commitment?")
Q4 = "If yes, which further implementation measures do you plan to put in place in the next 6 months?"
SIGNED = "We signed up to the following measures of this commitment"

DESCRIPTION = "Lumen is a fictional group of online services made up for copdesk's tests."
C14_Q2 = "We rewrote the rules on fake engagement and published them in all EU languages."
M14_1 = "Our policies on inauthentic behaviour apply to every Lumen service alike."
QRE_14_1_1 = {
    "Lumen Social": "Profiles that mass-follow within minutes are reviewed by a person before removal.",
    "Lumen Video": "Channels that buy views lose their monetisation and are then reviewed.",
    "Lumen Chat": "Accounts that message thousands of strangers in an hour are limited at once.",
}
QRE_14_1_2 = "A yearly external audit checks how the rules are enforced."
SLI_14_1_1_TEXT = "Accounts removed for inauthentic behaviour, per member state:"
M17_1 = "We run media-literacy prompts before users share a link they have not opened."
QRE_17_1_1 = "The prompt appears on shares of articles older than a year."
M17_2 = "Partnerships with schools in five member states."
QRE_17_2_1 = "The sessions reached 2,000 pupils."
CRISIS_TITLE = "Elections in Freedonia 2026"
THREATS = "Coordinated networks reposting the same fabricated poll."
MITIGATIONS = {
    "Lumen Social": "A dedicated review queue during the campaign.",
    "Lumen Video": "Election information panels on videos about the vote.",
    "Lumen Chat": "Forwarding limits on messages about the vote.",
}
NOTE = ("[Note: Signatories are requested to provide information relevant to their particular response to the "
        "threats and challenges they observed on their service(s). They ensure that the information below "
        "provides an accurate and complete report of their relevant actions. As operational responses to "
        "crisis/election situations can vary from service to service, an absence of information should not be "
        "considered a priori a shortfall in the way a particular service has responded. Impact metrics are "
        "accurate to the best of signatories’ abilities to measure them].")
OUTLINE = ("Outline approaches pertinent to this chapter, highlighting similarities/commonalities and differences "
           "with regular enforcement.")
CRISIS_OUTLINE = "The same review teams worked on the election as on the rest of the year."
CRISIS_M14_1 = "Networks found in the election period were removed within a day."


def table(service: str) -> list[list[str]]:
    """Each service's own figures (fictional)."""
    n = {"Lumen Social": (1204, 87), "Lumen Video": (311, 42), "Lumen Chat": (5021, 610)}[service]
    return [["Member State", "Accounts removed", "Appeals"],
            ["Austria", f"{n[0]:,}", str(n[1])],
            ["Belgium", f"{n[0] * 2:,}", str(n[1] * 2)],
            ["Total EU", f"{n[0] * 3:,}", str(n[1] * 3)]]


def blocks(service: str) -> list[str | list[list[str]]]:
    """The report's paragraphs in order; a table is a list of rows where it stands."""
    chat = service == "Lumen Chat"
    out: list = [service, TITLE, "Submitted", "Your organisation description", DESCRIPTION,
                 "Integrity of Services", "Commitment 14", SIGNED, "Measure 14.1",
                 Q1, "Yes", Q2, C14_Q2, Q3, "No", Q4, "No",
                 "Measure 14.1", M14_1, "QRE 14.1.1", QRE_14_1_1[service], "QRE 14.1.2", QRE_14_1_2,
                 "SLI 14.1.1", SLI_14_1_1_TEXT, table(service)]
    if not chat:  # a messaging service signs fewer measures
        video = service == "Lumen Video"
        out += ["Empowering Users", "Commitment 17", SIGNED, "Measure 17.1 Measure 17.2",
                Q1, "No", Q2, "No", Q3, "Yes", Q4,
                "Short explanations of recommendations." if video else "A fact-check panel beside trending posts.",
                "Measure 17.1", M17_1, "QRE 17.1.1", QRE_17_1_1, "SLI 17.1.1",
                "Prompts shown: 41,000." if video else "Prompts shown: 230,000.",
                "Measure 17.2", M17_2, "QRE 17.2.1", QRE_17_2_1, "SLI 17.2.1", "Sessions held: 40."]
    out += ["Crisis and Elections Response", CRISIS_TITLE, NOTE,
            "Threats observed or anticipated", THREATS, "Mitigations in place", MITIGATIONS[service],
            "Integrity of Services", OUTLINE, CRISIS_OUTLINE, "Measure 14.1", CRISIS_M14_1]
    return out


def lines(service: str) -> list[str]:
    """The paragraphs a reader sees, table cells row by row (what an export must keep, in order)."""
    out = []
    for block in blocks(service):
        out += [c for row in block for c in row if c] if isinstance(block, list) else [block]
    return out


def write(folder: Path) -> dict[str, Path]:
    """One plain Word file per service; returns service -> path."""
    import docx
    out = {}
    for service in SERVICES:
        document = docx.Document()
        for block in blocks(service):
            if isinstance(block, list):
                grid = document.add_table(rows=len(block), cols=len(block[0]))
                for r, row in enumerate(block):
                    for c, value in enumerate(row):
                        grid.cell(r, c).text = value
            else:
                document.add_paragraph(block)
        path = folder / f"{service.split()[-1].lower()}.docx"
        document.save(path)
        out[service] = path
    return out
