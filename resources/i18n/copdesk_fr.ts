<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About copdesk</source>
        <translation>À propos de copdesk</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>yes ({path})</source>
        <translation>oui ({path})</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Desktop bundle</source>
        <translation>Application empaquetée</translation>
    </message>
    <message>
        <source>Your data folder</source>
        <translation>Votre dossier de données</translation>
    </message>
    <message>
        <source>Template corrections</source>
        <translation>Corrections du modèle</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Fichier de réglages</translation>
    </message>
    <message>
        <source>Program files</source>
        <translation>Fichiers du programme</translation>
    </message>
    <message>
        <source>Draft, review and export reports under the EU Code of Conduct on Disinformation, offline.</source>
        <translation>Rédiger, relire et exporter les rapports au titre du code de conduite de l’UE sur la désinformation, hors ligne.</translation>
    </message>
</context>
<context>
    <name>AddElementDialog</name>
    <message>
        <source>Add a QRE or SLI here</source>
        <translation>Ajouter un QRE ou un SLI ici</translation>
    </message>
    <message>
        <source>A QRE or SLI of {measure} that your official template has and copdesk lacks. Its code:</source>
        <translation>Un QRE ou un SLI de {measure} que votre modèle officiel comporte et qui manque à copdesk. Son code :</translation>
    </message>
    <message>
        <source>QRE (described in words)</source>
        <translation>QRE (décrit en mots)</translation>
    </message>
    <message>
        <source>SLI (figures, a table)</source>
        <translation>SLI (chiffres, un tableau)</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>(Ctrl+Enter saves)</source>
        <translation>(Ctrl+Entrée enregistre)</translation>
    </message>
    <message>
        <source>copdesk reports (*.copdesk)</source>
        <translation>Rapports copdesk (*.copdesk)</translation>
    </message>
    <message>
        <source>{path} exists already.</source>
        <translation>{path} existe déjà.</translation>
    </message>
    <message>
        <source>Choose a new name: copdesk never writes a new report over an existing file.</source>
        <translation>Choisissez un autre nom : copdesk n’écrit jamais un nouveau rapport par-dessus un fichier existant.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>{time} — damaged, cannot be restored</source>
        <translation>{time} — endommagée, impossible à restaurer</translation>
    </message>
    <message>
        <source>{time} — {answers} answers, {tables} tables, last change {last}</source>
        <translation>{time} — {answers} réponses, {tables} tableaux, dernière modification {last}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Save the restored report as</source>
        <translation>Enregistrer le rapport restauré sous</translation>
    </message>
    <message>
        <source>There is no backup of {name} yet.</source>
        <translation>Il n’existe pas encore de sauvegarde de {name}.</translation>
    </message>
    <message>
        <source>copdesk makes one when a report opens and every few minutes of editing.</source>
        <translation>copdesk en fait une à l’ouverture d’un rapport puis toutes les quelques minutes de travail.</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>○ Missing</source>
        <translation>○ Manquant</translation>
    </message>
    <message>
        <source>✖ Invalid</source>
        <translation>✖ Non valide</translation>
    </message>
    <message>
        <source>⚠ Warning</source>
        <translation>⚠ Avertissement</translation>
    </message>
    <message>
        <source>Show checks</source>
        <translation>Vérifications à afficher</translation>
    </message>
    <message>
        <source>Checks: what the report still lacks</source>
        <translation>Vérifications : ce qui manque encore au rapport</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message numerus="yes">
        <source>Everything (%n)</source>
        <translation>
            <numerusform>Tout (%n)</numerusform>
            <numerusform>Tout (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing (%n)</source>
        <translation>
            <numerusform>Manquant (%n)</numerusform>
            <numerusform>Manquants (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Invalid (%n)</source>
        <translation>
            <numerusform>Non valide (%n)</numerusform>
            <numerusform>Non valides (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Avertissement (%n)</numerusform>
            <numerusform>Avertissements (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing in any service (%n)</source>
        <translation>
            <numerusform>Manquant dans un service (%n)</numerusform>
            <numerusform>Manquants dans un service (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n manquant</numerusform>
            <numerusform>%n manquants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid</source>
        <translation>
            <numerusform>%n non valide</numerusform>
            <numerusform>%n non valides</numerusform>
        </translation>
    </message>
    <message>
        <source>To do for {service}: {items}.</source>
        <translation>À faire pour {service} : {items}.</translation>
    </message>
    <message>
        <source>✔ {service}: nothing missing, nothing invalid.</source>
        <translation>✔ {service} : rien ne manque, rien d’invalide.</translation>
    </message>
    <message>
        <source>To do: {items}.</source>
        <translation>À faire : {items}.</translation>
    </message>
    <message>
        <source>✔ Nothing missing, nothing invalid.</source>
        <translation>✔ Rien ne manque, rien n’est non valide.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) worth a look.</source>
        <translation>
            <numerusform>%n avertissement à regarder.</numerusform>
            <numerusform>%n avertissements à regarder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Missing in any service: %n (Show › Missing in any service).</source>
        <translation>
            <numerusform>Manquant dans un service : %n (Afficher › Manquant dans un service).</numerusform>
            <numerusform>Manquants dans un service : %n (Afficher › Manquant dans un service).</numerusform>
        </translation>
    </message>
    <message>
        <source>All {n} services</source>
        <translation>Les {n} services</translation>
    </message>
    <message>
        <source>shared answer</source>
        <translation>réponse commune</translation>
    </message>
    <message>
        <source>its own answer</source>
        <translation>sa propre réponse</translation>
    </message>
    <message>
        <source>Report header</source>
        <translation>En-tête du rapport</translation>
    </message>
    <message>
        <source>Not in the template</source>
        <translation>Absent du modèle</translation>
    </message>
</context>
<context>
    <name>Comments</name>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Comment on {code}, cell {cell}</source>
        <translation>Commentaire sur {code}, cellule {cell}</translation>
    </message>
    <message>
        <source>Comment on {code}</source>
        <translation>Commentaire sur {code}</translation>
    </message>
    <message>
        <source>Your comment:</source>
        <translation>Votre commentaire&#xa0;:</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>&amp;Open only</source>
        <translation>&amp;Ouverts seulement</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>Les &amp;miens</translation>
    </message>
    <message>
        <source>Show comments of chapter</source>
        <translation>Afficher les commentaires du chapitre</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Selected comment</source>
        <translation>Commentaire sélectionné</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Répondre…</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>Ré&amp;soudre</translation>
    </message>
    <message>
        <source>Reo&amp;pen</source>
        <translation>Rou&amp;vrir</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accepter</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>&amp;Tout accepter</translation>
    </message>
    <message>
        <source>Put the reviewer&apos;s text in the answer (Undo takes it back)</source>
        <translation>Mettre le texte du relecteur dans la réponse (Annuler le retire)</translation>
    </message>
    <message>
        <source>Keep your text</source>
        <translation>Garder votre texte</translation>
    </message>
    <message>
        <source>Accept every suggestion waiting, as one step</source>
        <translation>Accepter toutes les suggestions en attente, en une seule étape</translation>
    </message>
    <message>
        <source>resolved by {name}</source>
        <translation>résolu par {name}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>{shown} of {total} comment threads shown</source>
        <translation>{shown} fils de commentaires affichés sur {total}</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) waiting</source>
        <translation>
            <numerusform>%n suggestion en attente</numerusform>
            <numerusform>%n suggestions en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <source>tracked</source>
        <translation>modifications suivies</translation>
    </message>
    <message>
        <source>edited without tracking</source>
        <translation>modifiée sans suivi</translation>
    </message>
    <message>
        <source>Suggested change — {anchor}, {author}, {time} ({how}; {state})</source>
        <translation>Modification suggérée — {anchor}, {author}, {time} ({how}&#xa0;; {state})</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>relecteur</translation>
    </message>
    <message>
        <source>Only the formatting changes:</source>
        <translation>Seule la mise en forme change&#xa0;:</translation>
    </message>
    <message>
        <source>Struck through: deleted. Underlined: inserted.</source>
        <translation>Barré&#xa0;: supprimé. Souligné&#xa0;: inséré.</translation>
    </message>
    <message>
        <source>(no change)</source>
        <translation>(aucun changement)</translation>
    </message>
</context>
<context>
    <name>CommitmentPage</name>
    <message>
        <source>Answer “Yes” above to fill this in.</source>
        <translation>Répondez «&#xa0;Oui&#xa0;» ci-dessus pour remplir ce champ.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>table</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>subscription</source>
        <translation>souscription</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Compare from</source>
        <translation>Comparer depuis</translation>
    </message>
    <message>
        <source>Compare to</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Version “{name}” ({time}, {by})</source>
        <translation>Version «&#xa0;{name}&#xa0;» ({time}, {by})</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>Champs modifiés</translation>
    </message>
    <message>
        <source>Changes of the selected field</source>
        <translation>Modifications du champ sélectionné</translation>
    </message>
    <message>
        <source>Export to &amp;Word…</source>
        <translation>Exporter vers &amp;Word…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>à&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n changed field(s): {title}</source>
        <translation>
            <numerusform>%n champ modifié&#xa0;: {title}</numerusform>
            <numerusform>%n champs modifiés&#xa0;: {title}</numerusform>
        </translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Aucune différence.</translation>
    </message>
    <message>
        <source>Subscribed.</source>
        <translation>Souscrit.</translation>
    </message>
    <message>
        <source>No longer subscribed.</source>
        <translation>Plus souscrit.</translation>
    </message>
    <message>
        <source>Struck through: deleted. Underlined: inserted.</source>
        <translation>Barré&#xa0;: supprimé. Souligné&#xa0;: inséré.</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Exporter la comparaison</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Merge choices</source>
        <translation>Choix de fusion</translation>
    </message>
    <message>
        <source>Answers changed on both sides</source>
        <translation>Réponses modifiées des deux côtés</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Leur version</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>Prendre la &amp;leur</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>La vôtre</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>La leur</translation>
    </message>
    <message>
        <source>Both you and the reviewer changed these answers. Choose which to keep; the other stays in the report&apos;s history.</source>
        <translation>Vous et le relecteur avez tous deux modifié ces réponses. Choisissez celle à garder&#xa0;; l’autre reste dans l’historique du rapport.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>Before either change: {text}</source>
        <translation>Avant les deux modifications&#xa0;: {text}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Every choice is made.</source>
        <translation>Tous les choix sont faits.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Open report</source>
        <translation>Ouvrir un rapport</translation>
    </message>
    <message>
        <source>copdesk reports (*.copdesk);;All files (*)</source>
        <translation>Rapports copdesk (*.copdesk);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>Copies</name>
    <message>
        <source>This is the sample report of a fictional platform, to look around in. It is a throwaway copy in a temporary folder: it is not in your recent reports, and the sample opens fresh next time. To keep your changes, save a copy.</source>
        <translation>Voici le rapport d’exemple d’une plateforme fictive, pour découvrir copdesk. C’est une copie jetable dans un dossier temporaire : elle ne figure pas dans vos rapports récents et l’exemple s’ouvre à neuf la prochaine fois. Pour garder vos modifications, enregistrez-en une copie.</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Enregistrer une &amp;copie sous…</translation>
    </message>
    <message>
        <source>Save a copy of the report as</source>
        <translation>Enregistrer une copie du rapport sous</translation>
    </message>
    <message>
        <source>{path} exists already.</source>
        <translation>{path} existe déjà.</translation>
    </message>
    <message>
        <source>Choose a new name: copdesk never writes over a report.</source>
        <translation>Choisissez un autre nom : copdesk n’écrase jamais un rapport.</translation>
    </message>
    <message>
        <source>Saved a copy at {path}</source>
        <translation>Copie enregistrée : {path}</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>Copie enregistrée</translation>
    </message>
    <message>
        <source>Saved a copy at {path}. Open the copy?</source>
        <translation>Copie enregistrée : {path}. Ouvrir la copie ?</translation>
    </message>
</context>
<context>
    <name>CrisisOverviewPage</name>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Add a sub-section per election or crisis you report on, for example {examples}.</source>
        <translation>Ajoutez une sous-section par élection ou par crise dont vous rendez compte, par exemple {examples}.</translation>
    </message>
    <message>
        <source>Add sub-section…</source>
        <translation>Ajouter une sous-section…</translation>
    </message>
    <message>
        <source>Sub-section {n}</source>
        <translation>Sous-section {n}</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Remove sub-section {title}</source>
        <translation>Supprimer la sous-section {title}</translation>
    </message>
    <message>
        <source>Add sub-section</source>
        <translation>Ajouter une sous-section</translation>
    </message>
    <message>
        <source>Name of the sub-section:</source>
        <translation>Nom de la sous-section&#xa0;:</translation>
    </message>
    <message>
        <source>Remove sub-section</source>
        <translation>Supprimer la sous-section</translation>
    </message>
    <message>
        <source>Remove “{title}” and everything written in it? (Edit › Undo brings all of it back.)</source>
        <translation>Supprimer «&#xa0;{title}&#xa0;» et tout ce qui y est écrit&#xa0;? (Édition › Annuler rétablit le tout.)</translation>
    </message>
</context>
<context>
    <name>CrisisSectionPage</name>
    <message>
        <source>Name of the sub-section</source>
        <translation>Nom de la sous-section</translation>
    </message>
    <message>
        <source>Block to add to this sub-section</source>
        <translation>Bloc à ajouter à cette sous-section</translation>
    </message>
    <message>
        <source>{chapter} (chapter outline)</source>
        <translation>{chapter} (plan du chapitre)</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>Ajouter le bloc</translation>
    </message>
    <message>
        <source>Add:</source>
        <translation>Ajouter&#xa0;:</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>⚠ Write the date as YYYY-MM-DD, for example 2025-12-31.</source>
        <translation>⚠ Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2025-12-31.</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <source>Choose a date</source>
        <translation>Choisir une date</translation>
    </message>
    <message>
        <source>Choose a date (Alt+Down)</source>
        <translation>Choisir une date (Alt+Bas)</translation>
    </message>
    <message>
        <source>Calendar for {field}</source>
        <translation>Calendrier pour {field}</translation>
    </message>
</context>
<context>
    <name>DraftSession</name>
    <message>
        <source>Read-only: this report is open in another copdesk. Nothing you type here is kept.</source>
        <translation>Lecture seule&#xa0;: ce rapport est ouvert dans un autre copdesk. Rien de ce que vous tapez ici n’est conservé.</translation>
    </message>
    <message>
        <source>Not saved: {error} Your edits are kept and copdesk will try again.</source>
        <translation>Non enregistré&#xa0;: {error} Vos modifications sont gardées et copdesk réessaiera.</translation>
    </message>
    <message>
        <source>deleted or moved away</source>
        <translation>supprimé ou déplacé</translation>
    </message>
    <message>
        <source>replaced by another file</source>
        <translation>remplacé par un autre fichier</translation>
    </message>
    <message>
        <source>The report file was {what} while open. copdesk wrote it again, with everything saved so far, at {path}.</source>
        <translation>Le fichier du rapport a été {what} pendant qu’il était ouvert. copdesk l’a réécrit, avec tout ce qui était enregistré jusque-là, à l’emplacement {path}.</translation>
    </message>
    <message>
        <source>Read-only: this report is open in another copdesk. Nothing can be changed here.</source>
        <translation>Lecture seule&#xa0;: ce rapport est ouvert dans un autre copdesk. Rien ne peut être modifié ici.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
</context>
<context>
    <name>FamilyControls</name>
    <message>
        <source>Service shown</source>
        <translation>Service affiché</translation>
    </message>
    <message>
        <source>&amp;Service shown:</source>
        <translation>&amp;Service affiché :</translation>
    </message>
    <message>
        <source>One draft for {n} services. {shared} marks a shared answer (written once, in every service&apos;s report), {own} one that is this service&apos;s own.</source>
        <translation>Un brouillon pour {n} services. {shared} marque une réponse commune (écrite une fois, dans le rapport de chaque service), {own} une réponse propre à ce service.</translation>
    </message>
    <message>
        <source>Next ser&amp;vice</source>
        <translation>Ser&amp;vice suivant</translation>
    </message>
    <message>
        <source>Previous servi&amp;ce</source>
        <translation>Servi&amp;ce précédent</translation>
    </message>
    <message>
        <source>Make this answer the service&apos;s &amp;own</source>
        <translation>Rendre cette réponse &amp;propre au service</translation>
    </message>
    <message>
        <source>Use the s&amp;hared answer again</source>
        <translation>Reprendre la réponse &amp;commune</translation>
    </message>
    <message>
        <source>Export every service to Wor&amp;d…</source>
        <translation>Exporter chaque service vers Wor&amp;d…</translation>
    </message>
    <message>
        <source>Showing {service}&apos;s report.</source>
        <translation>Rapport de {service} affiché.</translation>
    </message>
    <message>
        <source>This answer is {service}&apos;s own already.</source>
        <translation>Cette réponse est déjà propre à {service}.</translation>
    </message>
    <message>
        <source>This answer is shared already.</source>
        <translation>Cette réponse est déjà commune.</translation>
    </message>
    <message>
        <source>Put the cursor in an answer first.</source>
        <translation>Placez d’abord le curseur dans une réponse.</translation>
    </message>
    <message>
        <source>Export every service to Word: choose a folder</source>
        <translation>Exporter chaque service vers Word : choisir un dossier</translation>
    </message>
    <message>
        <source>Exporting every service to Word…</source>
        <translation>Export de chaque service vers Word…</translation>
    </message>
    <message>
        <source>Exported {n} documents to {folder}</source>
        <translation>{n} documents exportés dans {folder}</translation>
    </message>
    <message>
        <source>Exported {n} documents to {folder}:</source>
        <translation>{n} documents exportés dans {folder} :</translation>
    </message>
</context>
<context>
    <name>FamilyHeader</name>
    <message>
        <source>{services} (this page: {service})</source>
        <translation>{services} (cette page : {service})</translation>
    </message>
    <message>
        <source>Services covered: {services}</source>
        <translation>Services couverts : {services}</translation>
    </message>
    <message>
        <source>One draft for {n} services: each service&apos;s document names that service alone. Choose the service shown above the navigator.</source>
        <translation>Un brouillon pour {n} services : le document de chaque service ne nomme que ce service. Choisissez le service affiché au-dessus du navigateur.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{service}&lt;/b&gt;: commitments {commitments}, measures {measures}</source>
        <translation>&lt;b&gt;{service}&lt;/b&gt; : engagements {commitments}, mesures {measures}</translation>
    </message>
    <message>
        <source>; not {codes}</source>
        <translation> ; pas {codes}</translation>
    </message>
    <message>
        <source>What each service signs:</source>
        <translation>Ce que signe chaque service :</translation>
    </message>
    <message>
        <source>Each service&apos;s report lists the commitments and measures it signs. Change them with: copdesk subscribe FILE --service NAME --measures 21.1 (or unsubscribe).</source>
        <translation>Le rapport de chaque service liste les engagements et mesures qu’il signe. Pour les changer : copdesk subscribe FICHIER --service NOM --measures 21.1 (ou unsubscribe).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed by each service&lt;/b&gt; (tick to sign, untick to stop)</source>
        <translation>&lt;b&gt;Signé par chaque service&lt;/b&gt; (cocher pour signer, décocher pour arrêter)</translation>
    </message>
    <message>
        <source>{service} signs {code}</source>
        <translation>{service} signe {code}</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <source>Find in report…</source>
        <translation>Rechercher dans le rapport…</translation>
    </message>
    <message>
        <source>Find in report</source>
        <translation>Rechercher dans le rapport</translation>
    </message>
    <message>
        <source>Find results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message numerus="yes">
        <source> (%n matches)</source>
        <translation>
            <numerusform> (%n occurrence)</numerusform>
            <numerusform> (%n occurrences)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpGuard</name>
    <message>
        <source>&amp;Keep the text</source>
        <translation>&amp;Garder le texte</translation>
    </message>
    <message>
        <source>Print this answer after the “No” in the export</source>
        <translation>Imprimer cette réponse après le « Non » dans l’export</translation>
    </message>
    <message>
        <source>C&amp;lear the text</source>
        <translation>&amp;Effacer le texte</translation>
    </message>
    <message>
        <source>Remove this answer (Edit › Undo brings it back)</source>
        <translation>Retirer cette réponse (Édition › Annuler la rétablit)</translation>
    </message>
    <message>
        <source>⚑ Kept after “No”: the export prints this answer.</source>
        <translation>⚑ Gardée après « Non » : l’export imprime cette réponse.</translation>
    </message>
    <message>
        <source>⚠ The question above is answered “No”, but this answer still holds text. The export leaves it out until you keep it or clear it.</source>
        <translation>⚠ La question ci-dessus a pour réponse « Non », mais cette réponse contient encore du texte. L’export l’omet tant que vous ne l’avez ni gardée ni effacée.</translation>
    </message>
</context>
<context>
    <name>HeaderPage</name>
    <message>
        <source>Report header</source>
        <translation>En-tête du rapport</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (facultatif)</translation>
    </message>
</context>
<context>
    <name>HiddenItemsDialog</name>
    <message>
        <source>Hidden items</source>
        <translation>Éléments masqués</translation>
    </message>
    <message>
        <source>Items you took out of your template (“Not in my template”). They are left out of the navigator, the checks and the exports; their answers stay in the report file.</source>
        <translation>Éléments retirés de votre modèle (« Absent de mon modèle »). Ils n’apparaissent plus dans le navigateur, les vérifications ni les exports ; leurs réponses restent dans le fichier du rapport.</translation>
    </message>
    <message>
        <source>Answers kept for the hidden item</source>
        <translation>Réponses conservées pour l’élément masqué</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Put the item back in your template (Edit › Undo takes it out again)</source>
        <translation>Remettre l’élément dans votre modèle (Édition › Annuler le retire de nouveau)</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) kept</source>
        <translation>
            <numerusform>%n réponse conservée</numerusform>
            <numerusform>%n réponses conservées</numerusform>
        </translation>
    </message>
    <message>
        <source>no answers</source>
        <translation>aucune réponse</translation>
    </message>
    <message>
        <source>Nothing is hidden.</source>
        <translation>Rien n’est masqué.</translation>
    </message>
    <message>
        <source>Taken out in this window.</source>
        <translation>Retiré dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Taken out by {file} in your forms folder: edit that file to bring it back.</source>
        <translation>Retiré par {file} dans votre dossier de modèles : modifiez ce fichier pour le rétablir.</translation>
    </message>
    <message>
        <source>(a table of {rows} rows)</source>
        <translation>(un tableau de {rows} lignes)</translation>
    </message>
    <message>
        <source>This report holds no answer for it.</source>
        <translation>Ce rapport ne contient aucune réponse pour lui.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Earlier reports (*.docx *.json);;Word documents (*.docx);;JSON (*.json);;All files (*)</source>
        <translation>Rapports antérieurs (*.docx *.json);;Documents Word (*.docx);;JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Importation de {name}…</translation>
    </message>
    <message>
        <source>Start from an earlier report</source>
        <translation>Partir d’un rapport antérieur</translation>
    </message>
    <message>
        <source>Save the new report as</source>
        <translation>Enregistrer le nouveau rapport sous</translation>
    </message>
    <message>
        <source>Corrections kept</source>
        <translation>Corrections conservées</translation>
    </message>
    <message>
        <source>Saved to {path}. They apply from the next start.</source>
        <translation>Enregistrées dans {path}. Elles s’appliquent au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <source>A copdesk export: every field was restored.</source>
        <translation>Un export copdesk&#xa0;: tous les champs ont été restaurés.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported {name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name} importé&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every paragraph found its place.</source>
        <translation>Chaque paragraphe a trouvé sa place.</translation>
    </message>
    <message>
        <source>Import details: unplaced content and items not in the template</source>
        <translation>Détails de l’importation&#xa0;: contenu non placé et éléments absents du modèle</translation>
    </message>
    <message numerus="yes">
        <source>The report holds %n template correction(s): official wording, or items the template lacks. Keep them in your forms folder?</source>
        <translation>
            <numerusform>Le rapport contient %n correction du modèle&#xa0;: texte officiel, ou élément absent du modèle. La garder dans votre dossier de modèles&#xa0;?</numerusform>
            <numerusform>Le rapport contient %n corrections du modèle&#xa0;: texte officiel, ou éléments absents du modèle. Les garder dans votre dossier de modèles&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the corrections</source>
        <translation>Garder les corrections</translation>
    </message>
</context>
<context>
    <name>Learn</name>
    <message>
        <source>Published reports (*.json *.docx);;Transparency Centre JSON (*.json);;Word documents (*.docx);;All files (*)</source>
        <translation>Rapports publiés (*.json *.docx);;JSON du Centre de transparence (*.json);;Documents Word (*.docx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Every report on the Transparency Centre has a JSON download, and any signatory&apos;s filed report carries the full wording of the items it covers: load one, and copdesk shows that official wording in every report and export.</source>
        <translation>Chaque rapport du Centre de transparence peut être téléchargé en JSON, et le rapport déposé de tout signataire contient le libellé complet des éléments qu’il couvre : chargez-en un, et copdesk affiche ce libellé officiel dans chaque rapport et chaque export.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <source>Load official wording from a published report</source>
        <translation>Charger le libellé officiel d’un rapport publié</translation>
    </message>
    <message>
        <source>Load official wording from {name}</source>
        <translation>Charger le libellé officiel de {name}</translation>
    </message>
</context>
<context>
    <name>LearnSummaryDialog</name>
    <message>
        <source>Official wording loaded</source>
        <translation>Libellé officiel chargé</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>Rien de nouveau</translation>
    </message>
    <message>
        <source>Stored as your template corrections: every report on this template edition shows this wording, in the window and in every export.</source>
        <translation>Enregistré dans vos corrections du modèle : chaque rapport de cette édition du modèle affiche ce libellé, dans la fenêtre et dans chaque export.</translation>
    </message>
    <message>
        <source>Edit › Undo takes it back.</source>
        <translation>Édition › Annuler le retire.</translation>
    </message>
    <message>
        <source>copdesk had all of it already.</source>
        <translation>copdesk avait déjà tout.</translation>
    </message>
    <message>
        <source>What was learned, conflicts and what was refused</source>
        <translation>Ce qui a été appris, les conflits et ce qui a été refusé</translation>
    </message>
    <message numerus="yes">
        <source>Use the report&apos;s wording for these %n item(s)</source>
        <translation>
            <numerusform>Prendre le libellé du rapport pour %n élément</numerusform>
            <numerusform>Prendre le libellé du rapport pour ces %n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>État de l’enregistrement</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Next incomplete</source>
        <translation>Prochain incomplet</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New report…</source>
        <translation>&amp;Nouveau rapport…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un rapport &amp;récent</translation>
    </message>
    <message>
        <source>Start from an &amp;earlier report…</source>
        <translation>Partir d’un rapport &amp;antérieur…</translation>
    </message>
    <message>
        <source>New report for the next &amp;period from this one…</source>
        <translation>Nouveau rapport pour la &amp;période suivante à partir de celui-ci…</translation>
    </message>
    <message>
        <source>&amp;Start screen</source>
        <translation>&amp;Écran d’accueil</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Enregistrer une &amp;copie sous…</translation>
    </message>
    <message>
        <source>Export to &amp;Word…</source>
        <translation>Exporter vers &amp;Word…</translation>
    </message>
    <message>
        <source>Export to &amp;PDF…</source>
        <translation>Exporter vers Exporter en &amp;PDF…amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find in report…</source>
        <translation>Rec&amp;hercher dans le rapport…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Gras</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Italique</translation>
    </message>
    <message>
        <source>B&amp;ullet list</source>
        <translation>Liste à p&amp;uces</translation>
    </message>
    <message>
        <source>&amp;Nest bullet</source>
        <translation>&amp;Imbriquer la puce</translation>
    </message>
    <message>
        <source>&amp;Un-nest bullet</source>
        <translation>&amp;Désimbriquer la puce</translation>
    </message>
    <message>
        <source>Insert &amp;link…</source>
        <translation>Insérer un &amp;lien…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Next &amp;incomplete</source>
        <translation>Prochain élément &amp;incomplet</translation>
    </message>
    <message>
        <source>&amp;Checks</source>
        <translation>&amp;Vérifications</translation>
    </message>
    <message>
        <source>Address of the page to link to (https://…):</source>
        <translation>Adresse de la page à lier (https://…) :</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About copdesk</source>
        <translation>À &amp;propos de copdesk</translation>
    </message>
    <message>
        <source>Insert link</source>
        <translation>Insérer un lien</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Période suivante</translation>
    </message>
    <message>
        <source>Title of the new report:</source>
        <translation>Titre du nouveau rapport&#xa0;:</translation>
    </message>
    <message>
        <source>Save the new report as</source>
        <translation>Enregistrer le nouveau rapport sous</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} sur {total}</translation>
    </message>
    <message>
        <source>Every item is complete.</source>
        <translation>Tous les éléments sont complets.</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Enregistré à {time}</translation>
    </message>
    <message>
        <source>⚠ Not saved — edits kept in memory</source>
        <translation>⚠ Non enregistré — modifications gardées en mémoire</translation>
    </message>
    <message>
        <source>Export to Word</source>
        <translation>Exporter vers Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
    <message>
        <source>Exporting to Word…</source>
        <translation>Exportation vers Word…</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Exporter vers PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting to PDF…</source>
        <translation>Export en PDF…</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exporté vers {path}.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n avertissement&#xa0;:</numerusform>
            <numerusform>%n avertissements&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporté vers {path}</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportation terminée</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>Ouvrir le document</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message numerus="yes">
        <source>%n merge choice(s) pending: Review › Merge choices…</source>
        <translation>
            <numerusform>%n choix de fusion en attente&#xa0;: Relecture › Choix de fusion…</numerusform>
            <numerusform>%n choix de fusion en attente&#xa0;: Relecture › Choix de fusion…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>copdesk cannot write {path}:
{error}

Close anyway and lose the edits made since the last save?</source>
        <translation>copdesk ne peut pas écrire {path}&#xa0;:
{error}

Fermer quand même et perdre les modifications faites depuis le dernier enregistrement&#xa0;?</translation>
    </message>
</context>
<context>
    <name>MeasurePage</name>
    <message>
        <source>{code}: your answer</source>
        <translation>{code}&#xa0;: votre réponse</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Merge a reviewer&apos;s copy</source>
        <translation>Fusionner la copie d’un relecteur</translation>
    </message>
    <message>
        <source>copdesk reports (*.copdesk)</source>
        <translation>Rapports copdesk (*.copdesk)</translation>
    </message>
    <message>
        <source>Save the merged report as</source>
        <translation>Enregistrer le rapport fusionné sous</translation>
    </message>
    <message>
        <source>Merged: {answers} answers from their copy, {comments} comments, {choices} choices pending.</source>
        <translation>Fusionné&#xa0;: {answers} réponses reprises de leur copie, {comments} commentaires, {choices} choix en attente.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>copdesk: unexpected error</source>
        <translation>copdesk&#xa0;: erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong inside copdesk. Your report was saved before this message.</source>
        <translation>Un problème est survenu dans copdesk. Votre rapport a été enregistré avant ce message.</translation>
    </message>
    <message>
        <source>Please send the details to whoever supports copdesk for you.</source>
        <translation>Merci d’envoyer les détails à la personne qui assure le support de copdesk pour vous.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>NamePrompt</name>
    <message>
        <source>Your name for comments and reviews</source>
        <translation>Votre nom pour les commentaires et la relecture</translation>
    </message>
    <message>
        <source>Comments and review statuses are signed with your name, so colleagues know who wrote them. copdesk asks once; Edit › Preferences changes it.</source>
        <translation>Les commentaires et les statuts de relecture sont signés de votre nom, pour que vos collègues sachent qui les a écrits. copdesk le demande une fois ; Édition › Préférences permet de le changer.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your initials</source>
        <translation>Vos initiales</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>Your &amp;initials:</source>
        <translation>Vos &amp;initiales :</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) typed as this box opened were not used. Type your name now.</source>
        <translation>
            <numerusform>%n touche tapée à l’ouverture de cette fenêtre n’a pas été prise en compte. Tapez votre nom maintenant.</numerusform>
            <numerusform>%n touches tapées à l’ouverture de cette fenêtre n’ont pas été prises en compte. Tapez votre nom maintenant.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigatorView</name>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complet</translation>
    </message>
    <message>
        <source>carried over, to review</source>
        <translation>reporté, à relire</translation>
    </message>
    <message>
        <source>Report navigator</source>
        <translation>Navigateur du rapport</translation>
    </message>
</context>
<context>
    <name>NewReportWizard</name>
    <message>
        <source>New report</source>
        <translation>Nouveau rapport</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>Open a copy</source>
        <translation>Ouvrir une copie</translation>
    </message>
    <message>
        <source>Work on a local copy</source>
        <translation>Travailler sur une copie locale</translation>
    </message>
    <message>
        <source>Open here anyway</source>
        <translation>Ouvrir ici quand même</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Read-only report</source>
        <translation>Rapport en lecture seule</translation>
    </message>
    <message>
        <source>{name} cannot be changed: the file or its folder is read-only, or you may not write there.</source>
        <translation>{name} ne peut pas être modifié&#xa0;: le fichier ou son dossier est en lecture seule, ou vous n’avez pas le droit d’y écrire.</translation>
    </message>
    <message>
        <source>Read it without changing it, or work on a copy in your data folder.</source>
        <translation>Lisez-le sans le modifier, ou travaillez sur une copie dans votre dossier de données.</translation>
    </message>
    <message>
        <source>Read-only: {name} cannot be written. Nothing you type here is kept.</source>
        <translation>Lecture seule&#xa0;: {name} ne peut pas être écrit. Rien de ce que vous tapez ici n’est conservé.</translation>
    </message>
    <message>
        <source>This is a copy of the read-only {original}, saved as {path}.</source>
        <translation>Ceci est une copie de {original}, en lecture seule, enregistrée sous {path}.</translation>
    </message>
    <message>
        <source>Unsafe place for a report</source>
        <translation>Emplacement risqué pour un rapport</translation>
    </message>
    <message>
        <source>SQLite, which holds the report, can lose or damage data on network shares and in folders a sync client rewrites. copdesk can copy the report to this computer and open the copy; copy it back (or export it) when you are done.</source>
        <translation>SQLite, qui contient le rapport, peut perdre ou abîmer des données sur les partages réseau et dans les dossiers qu’un client de synchronisation réécrit. copdesk peut copier le rapport sur cet ordinateur et ouvrir la copie&#xa0;; recopiez-la (ou exportez-la) une fois terminé.</translation>
    </message>
    <message>
        <source>This is a local working copy of {original}, made because that place is unsafe for a report. It is saved here: {path}. Copy it back when you are done.</source>
        <translation>Ceci est une copie de travail locale de {original}, faite parce que cet emplacement est risqué pour un rapport. Elle est enregistrée ici&#xa0;: {path}. Recopiez-la une fois terminé.</translation>
    </message>
    <message>
        <source>Report already open</source>
        <translation>Rapport déjà ouvert</translation>
    </message>
    <message>
        <source>Two people typing in one report overwrite each other. Read it without changing it, or work on a copy of it as it is now.</source>
        <translation>Deux personnes qui écrivent dans un même rapport écrasent mutuellement leur travail. Lisez-le sans le modifier, ou travaillez sur une copie de son état actuel.</translation>
    </message>
    <message>
        <source>Read-only: {name} is open in another copdesk ({holder}). Nothing you type here is kept.</source>
        <translation>Lecture seule&#xa0;: {name} est ouvert dans un autre copdesk ({holder}). Rien de ce que vous tapez ici n’est conservé.</translation>
    </message>
    <message>
        <source>This is a copy of {name} (open in another copdesk), saved as {path}.</source>
        <translation>Ceci est une copie de {name} (ouvert dans un autre copdesk), enregistrée sous {path}.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Make {code} {service}&apos;s own</source>
        <translation>Rendre {code} propre à {service}</translation>
    </message>
    <message>
        <source>Use the shared {code} for {service}</source>
        <translation>Reprendre {code} commun pour {service}</translation>
    </message>
    <message>
        <source>Mark as reviewed</source>
        <translation>Marquer comme revu</translation>
    </message>
    <message>
        <source>Subscribe {codes}</source>
        <translation>Souscrire à {codes}</translation>
    </message>
    <message>
        <source>Unsubscribe {codes}</source>
        <translation>Retirer {codes}</translation>
    </message>
    <message>
        <source>Add sub-section “{title}”</source>
        <translation>Ajouter la sous-section «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Remove sub-section “{title}”</source>
        <translation>Supprimer la sous-section «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Add {blocks} to sub-section {n}</source>
        <translation>Ajouter {blocks} à la sous-section {n}</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Comment on {code}</source>
        <translation>Commentaire sur {code}</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>Résoudre le commentaire</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>Rouvrir le commentaire</translation>
    </message>
    <message>
        <source>Review status of {section}: {status}</source>
        <translation>Statut de relecture de {section}&#xa0;: {status}</translation>
    </message>
    <message>
        <source>Freeze for review</source>
        <translation>Figer pour relecture</translation>
    </message>
    <message>
        <source>Lift the freeze</source>
        <translation>Lever le gel</translation>
    </message>
    <message>
        <source>Final approval recorded by {name}; the report is frozen. Earlier changes can no longer be undone (the file&apos;s history keeps them).</source>
        <translation>Approbation finale enregistrée par {name}&#xa0;; le rapport est figé. Les modifications antérieures ne peuvent plus être annulées (l’historique du fichier les garde).</translation>
    </message>
    <message>
        <source>Save version “{name}”</source>
        <translation>Enregistrer la version «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Merge choice for {code}: {side}</source>
        <translation>Choix de fusion pour {code}&#xa0;: {side}</translation>
    </message>
    <message>
        <source>Stop keeping the text of {code}</source>
        <translation>Ne plus garder le texte de {code}</translation>
    </message>
    <message>
        <source>Bring back {name}</source>
        <translation>Reprendre {name}</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>ready for review</source>
        <translation>prêt pour relecture</translation>
    </message>
    <message>
        <source>changes requested</source>
        <translation>modifications demandées</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <source>copdesk&apos;s guidance, not the official wording: {guidance}</source>
        <translation>Indications de copdesk, pas le libellé officiel : {guidance}</translation>
    </message>
    <message>
        <source>No official wording for this item yet: File › Load official wording from a published report…</source>
        <translation>Pas encore de libellé officiel pour cet élément : Fichier › Charger le libellé officiel d’un rapport publié…</translation>
    </message>
    <message>
        <source>Frozen for review by {name} on {time}: answers are read-only, comments stay open (Review › Freeze for review to lift).</source>
        <translation>Figé pour relecture par {name} le {time}&#xa0;: les réponses sont en lecture seule, les commentaires restent ouverts (Relecture › Figer pour relecture pour lever).</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>Review status of {section}</source>
        <translation>État de relecture de {section}</translation>
    </message>
    <message>
        <source>set by {name}, {time}</source>
        <translation>défini par {name}, {time}</translation>
    </message>
    <message>
        <source>Review status:</source>
        <translation>État de relecture&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>↻ %n answer(s) on this page were carried over from the previous period and need review. Edit them, or mark them reviewed when they still hold.</source>
        <translation>
            <numerusform>↻ %n réponse de cette page a été reportée de la période précédente et doit être relue. Modifiez-la, ou marquez-la comme relue si elle reste valable.</numerusform>
            <numerusform>↻ %n réponses de cette page ont été reportées de la période précédente et doivent être relues. Modifiez-les, ou marquez-les comme relues si elles restent valables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as &amp;reviewed</source>
        <translation>Marquer comme &amp;relu</translation>
    </message>
    <message>
        <source>Comments: {n} open</source>
        <translation>Commentaires&#xa0;: {n} ouvert(s)</translation>
    </message>
    <message>
        <source>Comments: resolved</source>
        <translation>Commentaires&#xa0;: résolus</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commenter</translation>
    </message>
    <message>
        <source>Comments on {code}: {open} open of {total}</source>
        <translation>Commentaires sur {code}&#xa0;: {open} ouvert(s) sur {total}</translation>
    </message>
    <message>
        <source>Read the comments on this answer, or write one (Review › Comment on this answer, Ctrl+Alt+M)</source>
        <translation>Lire les commentaires sur cette réponse, ou en écrire un (Relecture › Commenter cette réponse, Ctrl+Alt+M)</translation>
    </message>
    <message>
        <source>{code} (methodology and answer)</source>
        <translation>{code} (méthodologie et réponse)</translation>
    </message>
</context>
<context>
    <name>PeriodPage</name>
    <message>
        <source>Report title and period</source>
        <translation>Titre et période du rapport</translation>
    </message>
    <message>
        <source>The period the report covers; the calendar button (or Alt+Down) picks a day.</source>
        <translation>La période couverte par le rapport ; le bouton calendrier (ou Alt+Bas) permet de choisir un jour.</translation>
    </message>
    <message>
        <source>Report title</source>
        <translation>Titre du rapport</translation>
    </message>
    <message>
        <source>Reporting period start</source>
        <translation>Début de la période couverte</translation>
    </message>
    <message>
        <source>Reporting period end</source>
        <translation>Fin de la période couverte</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Report &amp;title:</source>
        <translation>&amp;Titre du rapport&#xa0;:</translation>
    </message>
    <message>
        <source>Period &amp;start:</source>
        <translation>&amp;Début de la période&#xa0;:</translation>
    </message>
    <message>
        <source>Period &amp;end:</source>
        <translation>&amp;Fin de la période&#xa0;:</translation>
    </message>
    <message>
        <source>⚠ Write both dates as YYYY-MM-DD.</source>
        <translation>⚠ Écrivez les deux dates sous la forme AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>⚠ The period ends before it starts.</source>
        <translation>⚠ La période se termine avant de commencer.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your initials</source>
        <translation>Vos initiales</translation>
    </message>
    <message>
        <source>Your name is recorded with every change you make, so reviewers know who wrote what.</source>
        <translation>Votre nom est enregistré avec chacune de vos modifications, pour que les relecteurs sachent qui a écrit quoi.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <source>Your &amp;initials:</source>
        <translation>Vos &amp;initiales&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Spell checking:</source>
        <translation>&amp;Orthographe&#xa0;:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <source>Applies the next time copdesk starts. Reports and the template wording are never translated.</source>
        <translation>S’applique au prochain démarrage de copdesk. Les rapports et le texte du modèle ne sont jamais traduits.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Spell-checking dictionary</source>
        <translation>Dictionnaire de correction orthographique</translation>
    </message>
    <message>
        <source>Applies to the pages opened from now on.</source>
        <translation>S’applique aux pages ouvertes à partir de maintenant.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Who is reporting</source>
        <translation>Qui fait rapport</translation>
    </message>
    <message>
        <source>The signatory or service this report is for.</source>
        <translation>Le signataire ou le service concerné par ce rapport.</translation>
    </message>
    <message>
        <source>e.g. Example Video or Example Fact-Check</source>
        <translation>p. ex. Example Video ou Example Fact-Check</translation>
    </message>
    <message>
        <source>optional, e.g. Example Video, Example Shorts</source>
        <translation>facultatif, p. ex. Example Video, Example Shorts</translation>
    </message>
    <message>
        <source>Platform service</source>
        <translation>Service de plateforme</translation>
    </message>
    <message>
        <source>Other signatory</source>
        <translation>Autre signataire</translation>
    </message>
    <message>
        <source>Signatory kind: {kind}</source>
        <translation>Type de signataire&#xa0;: {kind}</translation>
    </message>
    <message>
        <source>Template edition</source>
        <translation>Édition du modèle</translation>
    </message>
    <message>
        <source>Signatory or service name</source>
        <translation>Nom du signataire ou du service</translation>
    </message>
    <message>
        <source>Services covered</source>
        <translation>Services couverts</translation>
    </message>
    <message>
        <source>Template &amp;edition:</source>
        <translation>É&amp;dition du modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Template edition:</source>
        <translation>Édition du modèle :</translation>
    </message>
    <message>
        <source>&amp;Signatory or service name:</source>
        <translation>Nom du &amp;signataire ou du service&#xa0;:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Services &amp;covered:</source>
        <translation>Services &amp;couverts&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;One draft, a report for each of these services</source>
        <translation>&amp;Un brouillon, un rapport pour chacun de ces services</translation>
    </message>
    <message>
        <source>For platforms that file one report per service: most answers are written once and shared, a service can have its own answer, its own tables and its own measures, and each service gets its own document.</source>
        <translation>Pour les plateformes qui déposent un rapport par service : la plupart des réponses sont écrites une fois et communes, un service peut avoir sa propre réponse, ses propres tableaux et ses propres mesures, et chaque service reçoit son propre document.</translation>
    </message>
    <message>
        <source>&amp;Load official wording from a published report…</source>
        <translation>&amp;Charger le libellé officiel d’un rapport publié…</translation>
    </message>
    <message>
        <source>A report for each service needs at least two services.</source>
        <translation>Un rapport par service demande au moins deux services.</translation>
    </message>
    <message>
        <source>Name them in “Services covered”, separated by commas, or untick the box.</source>
        <translation>Nommez-les dans « Services couverts », séparés par des virgules, ou décochez la case.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>copdesk keeps the last few versions of this report. Choose one to open it as a new file; the current file is not changed.</source>
        <translation>copdesk conserve les dernières versions de ce rapport. Choisissez-en une pour l’ouvrir comme nouveau fichier&#xa0;; le fichier actuel n’est pas modifié.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Relecture</translation>
    </message>
    <message>
        <source>&amp;Comment on this answer…</source>
        <translation>&amp;Commenter cette réponse…</translation>
    </message>
    <message>
        <source>Show c&amp;omments</source>
        <translation>Afficher les c&amp;ommentaires</translation>
    </message>
    <message>
        <source>&amp;Freeze for review</source>
        <translation>&amp;Figer pour relecture</translation>
    </message>
    <message>
        <source>&amp;Approve the final report…</source>
        <translation>&amp;Approuver le rapport final…</translation>
    </message>
    <message>
        <source>Save a &amp;version…</source>
        <translation>Enregistrer une &amp;version…</translation>
    </message>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>Co&amp;mparer…</translation>
    </message>
    <message>
        <source>Merge a &amp;reviewer&apos;s copy…</source>
        <translation>Fusionner la copie d’un &amp;relecteur…</translation>
    </message>
    <message>
        <source>Bring back a reviewed &amp;Word document…</source>
        <translation>Reprendre un document &amp;Word relu…</translation>
    </message>
    <message>
        <source>Merge c&amp;hoices…</source>
        <translation>C&amp;hoix de fusion…</translation>
    </message>
    <message>
        <source>Comments saved</source>
        <translation>Commentaires enregistrés</translation>
    </message>
    <message>
        <source>Review status saved</source>
        <translation>Statut de relecture enregistré</translation>
    </message>
    <message>
        <source>{what} at {time}</source>
        <translation>{what} à {time}</translation>
    </message>
    <message>
        <source>Put the cursor in an answer to comment on it.</source>
        <translation>Placez le curseur dans une réponse pour la commenter.</translation>
    </message>
    <message>
        <source>Record your final approval, {name}? The report is frozen and its export says Final.</source>
        <translation>Enregistrer votre approbation finale, {name}&#xa0;? Le rapport est figé et son export indique Final.</translation>
    </message>
    <message>
        <source>Not every section is approved yet: {sections}.</source>
        <translation>Toutes les sections ne sont pas encore approuvées&#xa0;: {sections}.</translation>
    </message>
    <message>
        <source>Final approval</source>
        <translation>Approbation finale</translation>
    </message>
    <message>
        <source>Save a version</source>
        <translation>Enregistrer une version</translation>
    </message>
    <message>
        <source>Name of this version (e.g. “sent to legal”):</source>
        <translation>Nom de cette version (p. ex. «&#xa0;envoyée au service juridique&#xa0;»)&#xa0;:</translation>
    </message>
    <message>
        <source>Saved version “{name}”.</source>
        <translation>Version «&#xa0;{name}&#xa0;» enregistrée.</translation>
    </message>
    <message>
        <source>Merge choices</source>
        <translation>Choix de fusion</translation>
    </message>
    <message>
        <source>No merge choices are pending in this report.</source>
        <translation>Aucun choix de fusion n’est en attente dans ce rapport.</translation>
    </message>
</context>
<context>
    <name>ReviewImport</name>
    <message>
        <source>Bring back a reviewed Word document</source>
        <translation>Reprendre un document Word relu</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
    <message>
        <source>Reviewed document brought back</source>
        <translation>Document relu repris</translation>
    </message>
    <message>
        <source>The suggestions are listed with the comments: select one to see its changes, then Accept or Reject.</source>
        <translation>Les suggestions sont listées avec les commentaires&#xa0;: sélectionnez-en une pour voir ses modifications, puis Accepter ou Rejeter.</translation>
    </message>
    <message>
        <source>Answers you changed since the export that the reviewer changed too wait in Review › Merge choices…</source>
        <translation>Les réponses que vous avez modifiées depuis l’export et que le relecteur a modifiées aussi attendent dans Relecture › Choix de fusion…</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <source>Where to save the report</source>
        <translation>Où enregistrer le rapport</translation>
    </message>
    <message>
        <source>copdesk saves every change to this file as you type.</source>
        <translation>copdesk enregistre chaque modification dans ce fichier au fil de la frappe.</translation>
    </message>
    <message>
        <source>Report file</source>
        <translation>Fichier du rapport</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Create report</source>
        <translation>&amp;Créer le rapport</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>Enregistrer le rapport sous</translation>
    </message>
</context>
<context>
    <name>ServiceMark</name>
    <message>
        <source>Shared table: every service without its own shows it</source>
        <translation>Tableau commun : chaque service sans tableau propre l’affiche</translation>
    </message>
    <message>
        <source>Shared by all {n} services</source>
        <translation>Commune aux {n} services</translation>
    </message>
    <message>
        <source>Shared by {services}</source>
        <translation>Commune à {services}</translation>
    </message>
    <message>
        <source>; {services} show their own</source>
        <translation> ; {services} ont leur propre réponse</translation>
    </message>
    <message>
        <source>; {service} shows its own</source>
        <translation> ; {service} a sa propre réponse</translation>
    </message>
    <message>
        <source>What you write here changes the report of every service that has no answer of its own. Make it {service}&apos;s own to write something for {service} alone.</source>
        <translation>Ce que vous écrivez ici change le rapport de chaque service qui n’a pas sa propre réponse. Rendez-la propre à {service} pour écrire quelque chose pour {service} seul.</translation>
    </message>
    <message>
        <source>{service}&apos;s own table</source>
        <translation>Tableau propre à {service}</translation>
    </message>
    <message>
        <source>Only in {service}&apos;s report</source>
        <translation>Seulement dans le rapport de {service}</translation>
    </message>
    <message>
        <source>{service}&apos;s report shows this instead of the shared one; the other services show the shared one.</source>
        <translation>Le rapport de {service} affiche ceci au lieu de la réponse commune ; les autres services affichent la réponse commune.</translation>
    </message>
    <message>
        <source>{service}&apos;s own table (member-state tables are per service)</source>
        <translation>Tableau propre à {service} (les tableaux par État membre sont propres à chaque service)</translation>
    </message>
    <message>
        <source>Each service fills in its own figures.</source>
        <translation>Chaque service remplit ses propres chiffres.</translation>
    </message>
    <message>
        <source>Make it {service}&apos;s own</source>
        <translation>La rendre propre à {service}</translation>
    </message>
    <message>
        <source>{service} gets its own copy of this answer to change; the other services keep the shared one (Ctrl+Alt+O).</source>
        <translation>{service} reçoit sa propre copie de cette réponse à modifier ; les autres services gardent la réponse commune (Ctrl+Alt+O).</translation>
    </message>
    <message>
        <source>Use the shared one again</source>
        <translation>Reprendre la réponse commune</translation>
    </message>
    <message>
        <source>{service}&apos;s own text is set aside and the shared one shows (Edit › Undo brings it back; Ctrl+Alt+H).</source>
        <translation>Le texte propre à {service} est mis de côté et la réponse commune s’affiche (Édition › Annuler le rétablit ; Ctrl+Alt+H).</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>In an answer</source>
        <translation>Dans une réponse</translation>
    </message>
    <message>
        <source>Next / previous answer (in a list: nest / un-nest the item)</source>
        <translation>Réponse suivante / précédente (dans une liste : imbriquer / désimbriquer l’élément)</translation>
    </message>
    <message>
        <source>At the start of a line: start a bullet list</source>
        <translation>En début de ligne : commencer une liste à puces</translation>
    </message>
    <message>
        <source>Bold / italic</source>
        <translation>Gras / italique</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10</source>
        <translation>Touche Menu ou Maj+F10</translation>
    </message>
    <message>
        <source>Spelling suggestions and more</source>
        <translation>Suggestions d’orthographe et plus</translation>
    </message>
    <message>
        <source>In a table</source>
        <translation>Dans un tableau</translation>
    </message>
    <message>
        <source>Arrows, Enter</source>
        <translation>Flèches, Entrée</translation>
    </message>
    <message>
        <source>Move between cells; Enter or typing edits</source>
        <translation>Passer d’une cellule à l’autre ; Entrée ou la saisie modifie</translation>
    </message>
    <message>
        <source>Copy / paste cells (a block from Excel or LibreOffice)</source>
        <translation>Copier / coller des cellules (un bloc d’Excel ou de LibreOffice)</translation>
    </message>
    <message>
        <source>Columns, not available, import CSV, comment on the cell</source>
        <translation>Colonnes, non disponible, import CSV, commentaire sur la cellule</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Open the calendar</source>
        <translation>Ouvrir le calendrier</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Effet</translation>
    </message>
</context>
<context>
    <name>SliTableField</name>
    <message>
        <source>{code}: member-state table</source>
        <translation>{code}&#xa0;: tableau par État membre</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Add column…</source>
        <translation>Ajouter une colonne…</translation>
    </message>
    <message>
        <source>Rename column…</source>
        <translation>Renommer la colonne…</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>Supprimer la colonne</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <source>Replace the table with a CSV file</source>
        <translation>Remplacer le tableau par un fichier CSV</translation>
    </message>
    <message>
        <source>Not available…</source>
        <translation>Non disponible…</translation>
    </message>
    <message>
        <source>Mark the selected cells as not available, with a reason</source>
        <translation>Marquer les cellules sélectionnées comme non disponibles, avec une raison</translation>
    </message>
    <message>
        <source>Figures not available in {code}</source>
        <translation>Chiffres non disponibles dans {code}</translation>
    </message>
    <message numerus="yes">
        <source>Why are the %n selected figure(s) not available?</source>
        <translation>
            <numerusform>Pourquoi le chiffre sélectionné (%n) n’est-il pas disponible ?</numerusform>
            <numerusform>Pourquoi les %n chiffres sélectionnés ne sont-ils pas disponibles ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>Colonne {n}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… et {n} de plus</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Modifier la cellule</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pasted row(s) did not fit: the table has one row per member state.</source>
        <translation>
            <numerusform>⚠ %n ligne collée ne tenait pas&#xa0;: le tableau a une ligne par État membre.</numerusform>
            <numerusform>⚠ %n lignes collées ne tenaient pas&#xa0;: le tableau a une ligne par État membre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Ajouter une colonne</translation>
    </message>
    <message>
        <source>Name of the new metric column:</source>
        <translation>Nom de la nouvelle colonne d’indicateur&#xa0;:</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Add, rename or remove a metric column</source>
        <translation>Ajouter, renommer ou supprimer une colonne d’indicateur</translation>
    </message>
    <message>
        <source>Rename “{name}”…</source>
        <translation>Renommer « {name} »…</translation>
    </message>
    <message>
        <source>Remove “{name}”</source>
        <translation>Supprimer « {name} »</translation>
    </message>
    <message>
        <source>Rename the column “{name}”</source>
        <translation>Renommer la colonne « {name} »</translation>
    </message>
    <message>
        <source>Remove the column “{name}” and its figures</source>
        <translation>Supprimer la colonne « {name} » et ses chiffres</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Couper</translation>
    </message>
    <message>
        <source>Add a column to {code}</source>
        <translation>Ajouter une colonne à {code}</translation>
    </message>
    <message>
        <source>Rename a column of {code}</source>
        <translation>Renommer une colonne de {code}</translation>
    </message>
    <message>
        <source>New name for the column “{name}”:</source>
        <translation>Nouveau nom de la colonne « {name} » :</translation>
    </message>
    <message>
        <source>Rename column</source>
        <translation>Renommer la colonne</translation>
    </message>
    <message>
        <source>Mark not available</source>
        <translation>Marquer comme non disponible</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>Importer un CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Mark not available…</source>
        <translation>Marquer comme non disponible…</translation>
    </message>
    <message>
        <source>Comment on this cell…</source>
        <translation>Commenter cette cellule…</translation>
    </message>
</context>
<context>
    <name>SpellMenu</name>
    <message>
        <source>No suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>Add “{word}” to dictionary</source>
        <translation>Ajouter «&#xa0;{word}&#xa0;» au dictionnaire</translation>
    </message>
    <message>
        <source>Correct spelling</source>
        <translation>Corriger l’orthographe</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>{name} (missing)
{folder}</source>
        <translation>{name} (introuvable)
{folder}</translation>
    </message>
    <message>
        <source>{name} (cannot be read)
{folder}</source>
        <translation>{name} (illisible)
{folder}</translation>
    </message>
    <message>
        <source>services: {names}</source>
        <translation>services : {names}</translation>
    </message>
    <message>
        <source>{title}
{name} · changed {when} · {folder}</source>
        <translation>{title}
{name} · modifié le {when} · {folder}</translation>
    </message>
    <message>
        <source>Draft, review and export your report under the Code of Conduct on Disinformation. Everything you type is saved to the report file as you go.</source>
        <translation>Rédigez, relisez et exportez votre rapport au titre du code de conduite sur la désinformation. Tout ce que vous tapez est enregistré dans le fichier du rapport au fur et à mesure.</translation>
    </message>
    <message>
        <source>&amp;New report…</source>
        <translation>&amp;Nouveau rapport…</translation>
    </message>
    <message>
        <source>Create a report for a new period</source>
        <translation>Créer un rapport pour une nouvelle période</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>&amp;Ouvrir un rapport…</translation>
    </message>
    <message>
        <source>Open a .copdesk file</source>
        <translation>Ouvrir un fichier .copdesk</translation>
    </message>
    <message>
        <source>Start from an &amp;earlier report…</source>
        <translation>Partir d’un rapport &amp;antérieur…</translation>
    </message>
    <message>
        <source>Import last period&apos;s Word report or Transparency Centre JSON</source>
        <translation>Importer le rapport Word de la période précédente ou le JSON du Centre de transparence</translation>
    </message>
    <message>
        <source>Open the &amp;sample report</source>
        <translation>Ouvrir le rapport d’&amp;exemple</translation>
    </message>
    <message>
        <source>A fictional platform&apos;s report, to look around</source>
        <translation>Le rapport d’une plateforme fictive, pour découvrir</translation>
    </message>
    <message>
        <source>&amp;Load official wording from a published report…</source>
        <translation>&amp;Charger le libellé officiel d’un rapport publié…</translation>
    </message>
    <message>
        <source>A Transparency Centre JSON download, a filed Word report or a copdesk JSON export</source>
        <translation>Un téléchargement JSON du Centre de transparence, un rapport Word déposé ou un export JSON de copdesk</translation>
    </message>
    <message>
        <source>Recent reports</source>
        <translation>Rapports récents</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent reports&lt;/b&gt; (double-click or Enter to open)</source>
        <translation>&lt;b&gt;Rapports récents&lt;/b&gt; (double-clic ou Entrée pour ouvrir)</translation>
    </message>
    <message>
        <source>No recent reports yet.</source>
        <translation>Pas encore de rapport récent.</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message>
        <source>Commitments and measures you signed up to</source>
        <translation>Engagements et mesures souscrits</translation>
    </message>
    <message>
        <source>Tick a chapter or a commitment to take everything under it.</source>
        <translation>Cochez un chapitre ou un engagement pour prendre tout ce qu’il contient.</translation>
    </message>
    <message>
        <source>Filter, e.g. 14 or fact-check</source>
        <translation>Filtrer, p. ex. 14 ou fact-check</translation>
    </message>
    <message>
        <source>Filter commitments and measures</source>
        <translation>Filtrer les engagements et les mesures</translation>
    </message>
    <message>
        <source>Commitments and measures</source>
        <translation>Engagements et mesures</translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s) selected</source>
        <translation>
            <numerusform>%n mesure sélectionnée</numerusform>
            <numerusform>%n mesures sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n not shown by the filter)</source>
        <translation>
            <numerusform>(%n non affichée par le filtre)</numerusform>
            <numerusform>(%n non affichées par le filtre)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Template</name>
    <message>
        <source>Add a QRE or SLI here…</source>
        <translation>Ajouter un QRE ou un SLI ici…</translation>
    </message>
    <message>
        <source>Not in my template</source>
        <translation>Absent de mon modèle</translation>
    </message>
    <message>
        <source>Rename the code…</source>
        <translation>Renommer le code…</translation>
    </message>
    <message>
        <source>Template corrections for {code}</source>
        <translation>Corrections du modèle pour {code}</translation>
    </message>
    <message>
        <source>Correct the template for {code}</source>
        <translation>Corriger le modèle pour {code}</translation>
    </message>
    <message>
        <source>The template was corrected in another window; this window&apos;s undo history was cleared.</source>
        <translation>Le modèle a été corrigé dans une autre fenêtre ; l’historique d’annulation de cette fenêtre a été vidé.</translation>
    </message>
    <message>
        <source>Write a {kind} code, for example {example}.</source>
        <translation>Écrivez un code de {kind}, par exemple {example}.</translation>
    </message>
    <message>
        <source>That is its code already.</source>
        <translation>C’est déjà son code.</translation>
    </message>
    <message>
        <source>{code} exists already.</source>
        <translation>{code} existe déjà.</translation>
    </message>
    <message>
        <source>A measure stays under its commitment: Measure {n}.…</source>
        <translation>Une mesure reste sous son engagement : Measure {n}.…</translation>
    </message>
    <message>
        <source>A {kind} stays under its measure: {kind} {n}.…</source>
        <translation>Un {kind} reste sous sa mesure : {kind} {n}.…</translation>
    </message>
    <message>
        <source>Write a QRE or SLI code of {measure}, for example QRE {n}.2.</source>
        <translation>Écrivez un code de QRE ou de SLI de {measure}, par exemple QRE {n}.2.</translation>
    </message>
    <message>
        <source>{code} is hidden: bring it back from Template › Hidden items.</source>
        <translation>{code} est masqué : rétablissez-le depuis Modèle › Éléments masqués.</translation>
    </message>
    <message>
        <source>“{what}” could not be undone or redone: {error} The undo history was cleared.</source>
        <translation>«&#xa0;{what}&#xa0;» n’a pas pu être annulé ni rétabli&#xa0;: {error} L’historique d’annulation a été vidé.</translation>
    </message>
    <message>
        <source>Your template corrections file was changed outside this window, so “{what}” cannot be undone; the undo history was cleared.</source>
        <translation>Votre fichier de corrections du modèle a été modifié hors de cette fenêtre : « {what} » ne peut pas être annulé ; l’historique d’annulation a été vidé.</translation>
    </message>
    <message>
        <source>This correction is not in copdesk&apos;s correction file any more.</source>
        <translation>Cette correction ne figure plus dans le fichier de corrections de copdesk.</translation>
    </message>
    <message>
        <source>Read-only: this report is open in another copdesk; the template is not changed here.</source>
        <translation>Lecture seule : ce rapport est ouvert dans un autre copdesk ; le modèle n’est pas modifié ici.</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <source>&amp;Load official wording from a published report…</source>
        <translation>&amp;Charger le libellé officiel d’un rapport publié…</translation>
    </message>
    <message>
        <source>Every report on the Transparency Centre has a JSON download, and any signatory&apos;s report carries the full wording of the items it covers</source>
        <translation>Chaque rapport du Centre de transparence peut être téléchargé en JSON, et le rapport de tout signataire contient le libellé complet des éléments qu’il couvre</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>&amp;Add a QRE or SLI here…</source>
        <translation>&amp;Ajouter un QRE ou un SLI ici…</translation>
    </message>
    <message>
        <source>&amp;Not in my template</source>
        <translation>A&amp;bsent de mon modèle</translation>
    </message>
    <message>
        <source>&amp;Rename the code…</source>
        <translation>&amp;Renommer le code…</translation>
    </message>
    <message>
        <source>&amp;Hidden items…</source>
        <translation>Éléments &amp;masqués…</translation>
    </message>
    <message>
        <source>Open a measure, QRE or SLI first: the correction applies to the item of the current page.</source>
        <translation>Ouvrez d’abord une mesure, un QRE ou un SLI : la correction s’applique à l’élément de la page affichée.</translation>
    </message>
    <message>
        <source>Not in my template: {code}</source>
        <translation>Absent de mon modèle : {code}</translation>
    </message>
    <message>
        <source>{code} is out of your template; its answers stay in the file (Template › Hidden items; Edit › Undo brings it back).</source>
        <translation>{code} est retiré de votre modèle ; ses réponses restent dans le fichier (Modèle › Éléments masqués ; Édition › Annuler le rétablit).</translation>
    </message>
    <message>
        <source>Rename the code</source>
        <translation>Renommer le code</translation>
    </message>
    <message>
        <source>New code for {code} (as the official template numbers it):</source>
        <translation>Nouveau code de {code} (tel que le modèle officiel le numérote) :</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>Renommer {old} en {new}</translation>
    </message>
    <message>
        <source>Add {code} under {measure}</source>
        <translation>Ajouter {code} sous {measure}</translation>
    </message>
    <message>
        <source>Bring back {code}</source>
        <translation>Rétablir {code}</translation>
    </message>
</context>
<context>
    <name>Uncertain</name>
    <message>
        <source>◌ Not yet confirmed: copdesk has not seen this id in a published report, so the official template may number it differently or not have it. Loading the official wording (File › Load official wording from a published report…) confirms it; “Not in my template” and “Rename the code” correct it.</source>
        <translation>◌ Pas encore confirmé : copdesk n’a pas vu cet identifiant dans un rapport publié ; le modèle officiel peut le numéroter autrement ou ne pas l’avoir. Charger le libellé officiel (Fichier › Charger le libellé officiel d’un rapport publié…) le confirme ; « Absent de mon modèle » et « Renommer le code » le corrigent.</translation>
    </message>
    <message>
        <source>, not yet confirmed</source>
        <translation>, pas encore confirmé</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Edit {field}</source>
        <translation>Modifier {field}</translation>
    </message>
    <message>
        <source>Edit table {code}</source>
        <translation>Modifier le tableau {code}</translation>
    </message>
    <message>
        <source>“{action}” could not be undone or redone: {error} The undo history was cleared; the report holds what it showed before.</source>
        <translation>«&#xa0;{action}&#xa0;» n’a pas pu être annulé ni rétabli&#xa0;: {error} L’historique d’annulation a été vidé&#xa0;; le rapport contient ce qu’il affichait avant.</translation>
    </message>
    <message>
        <source>Keep the text of {code}</source>
        <translation>Garder le texte de {code}</translation>
    </message>
</context>
<context>
    <name>WindowSafety</name>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <source>copdesk stopped on an error; what it was doing is in {path} (please send that file to whoever supports copdesk for you).</source>
        <translation>copdesk s’est arrêté sur une erreur ; ce qu’il faisait est noté dans {path} (merci d’envoyer ce fichier à la personne qui assure le support de copdesk pour vous).</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <source>Backup not made: {error}</source>
        <translation>Sauvegarde non faite&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>YesNoField</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>S.O.</translation>
    </message>
    <message>
        <source>Answer as written: “{text}”</source>
        <translation>Réponse telle qu’écrite&#xa0;: «&#xa0;{text}&#xa0;»</translation>
    </message>
</context>
</TS>
