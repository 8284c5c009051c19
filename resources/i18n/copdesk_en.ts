<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommentsPanel</name>
    <message numerus="yes">
        <source>%n suggestion(s) waiting</source>
        <translation>
            <numerusform>%n suggestion waiting</numerusform>
            <numerusform>%n suggestions waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message numerus="yes">
        <source>%n changed field(s): {title}</source>
        <translation>
            <numerusform>%n changed field: {title}</numerusform>
            <numerusform>%n changed fields: {title}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HiddenItemsDialog</name>
    <message numerus="yes">
        <source>%n answer(s) kept</source>
        <translation>
            <numerusform>%n answer kept</numerusform>
            <numerusform>%n answers kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <source>The report holds %n template correction(s): official wording, or items the template lacks. Keep them in your forms folder?</source>
        <translation>
            <numerusform>The report holds %n template correction: official wording, or an item the template lacks. Keep it in your forms folder?</numerusform>
            <numerusform>The report holds %n template corrections: official wording, or items the template lacks. Keep them in your forms folder?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnSummaryDialog</name>
    <message numerus="yes">
        <source>Use the report&apos;s wording for these %n item(s)</source>
        <translation>
            <numerusform>Use the report&apos;s wording for this item</numerusform>
            <numerusform>Use the report&apos;s wording for these %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n warning:</numerusform>
            <numerusform>%n warnings:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merge choice(s) pending: Review › Merge choices…</source>
        <translation>
            <numerusform>%n merge choice is pending: Review › Merge choices…</numerusform>
            <numerusform>%n merge choices are pending: Review › Merge choices…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message numerus="yes">
        <source>↻ %n answer(s) on this page were carried over from the previous period and need review. Edit them, or mark them reviewed when they still hold.</source>
        <translation>
            <numerusform>↻ %n answer on this page was carried over from the previous period and needs review. Edit it, or mark it reviewed when it still holds.</numerusform>
            <numerusform>↻ %n answers on this page were carried over from the previous period and need review. Edit them, or mark them reviewed when they still hold.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SliTableField</name>
    <message numerus="yes">
        <source>⚠ %n pasted row(s) did not fit: the table has one row per member state.</source>
        <translation>
            <numerusform>⚠ %n pasted row did not fit: the table has one row per member state.</numerusform>
            <numerusform>⚠ %n pasted rows did not fit: the table has one row per member state.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message numerus="yes">
        <source>%n measure(s) selected</source>
        <translation>
            <numerusform>%n measure selected</numerusform>
            <numerusform>%n measures selected</numerusform>
        </translation>
    </message>
</context>
</TS>
