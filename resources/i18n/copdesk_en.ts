<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChecksPanel</name>
    <message numerus="yes">
        <source>Everything (%n)</source>
        <translation>
            <numerusform>Everything (%n)</numerusform>
            <numerusform>Everything (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing (%n)</source>
        <translation>
            <numerusform>Missing (%n)</numerusform>
            <numerusform>Missing (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Invalid (%n)</source>
        <translation>
            <numerusform>Invalid (%n)</numerusform>
            <numerusform>Invalid (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Warning (%n)</numerusform>
            <numerusform>Warnings (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing in any service (%n)</source>
        <translation>
            <numerusform>Missing in any service (%n)</numerusform>
            <numerusform>Missing in any service (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid</source>
        <translation>
            <numerusform>%n invalid</numerusform>
            <numerusform>%n invalid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) worth a look.</source>
        <translation>
            <numerusform>%n warning worth a look.</numerusform>
            <numerusform>%n warnings worth a look.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing in any service: %n (Show › Missing in any service).</source>
        <translation>
            <numerusform>Missing in any service: %n (Show › Missing in any service).</numerusform>
            <numerusform>Missing in any service: %n (Show › Missing in any service).</numerusform>
        </translation>
    </message>
</context>
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
        <source> (%n matches)</source>
        <translation>
            <numerusform> (%n match)</numerusform>
            <numerusform> (%n matches)</numerusform>
        </translation>
    </message>
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
    <name>NamePrompt</name>
    <message numerus="yes">
        <source>%n key(s) typed as this box opened were not used. Type your name now.</source>
        <translation>
            <numerusform>%n key typed as this box opened was not used. Type your name now.</numerusform>
            <numerusform>%n keys typed as this box opened were not used. Type your name now.</numerusform>
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
    <message numerus="yes">
        <source>Why are the %n selected figure(s) not available?</source>
        <translation>
            <numerusform>Why is the selected figure not available?</numerusform>
            <numerusform>Why are the %n selected figures not available?</numerusform>
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
    <message numerus="yes">
        <source>(%n not shown by the filter)</source>
        <translation>
            <numerusform>(%n not shown by the filter)</numerusform>
            <numerusform>(%n not shown by the filter)</numerusform>
        </translation>
    </message>
</context>
</TS>
