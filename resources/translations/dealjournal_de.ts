<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>About Deal Journal</source>
        <translation>Über Deal Journal</translation>
    </message>
    <message>
        <source>Deal Journal logo</source>
        <translation>Logo von Deal Journal</translation>
    </message>
    <message>
        <source>Deal Journal</source>
        <translation>Deal Journal</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>A private, offline journal of your relationships: who has gone quiet, who has become one-sided.</source>
        <translation>Ein privates Offline-Journal Ihrer Beziehungen: wer still geworden ist und wo nur noch eine Seite aktiv ist.</translation>
    </message>
    <message>
        <source>Licence: GPL-3.0-or-later. Deal Journal is free software: you may share and change it under the terms of the GNU General Public License, version 3 or later. It comes with no warranty.</source>
        <translation>Lizenz: GPL-3.0-or-later. Deal Journal ist freie Software: Sie dürfen es unter den Bedingungen der GNU General Public License, Version 3 oder später, weitergeben und verändern. Es wird ohne jede Gewährleistung bereitgestellt.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Built with Qt for Python (PySide6), used under the GNU Lesser General Public License (LGPL-3.0).</source>
        <translation>Erstellt mit Qt for Python (PySide6), verwendet unter der GNU Lesser General Public License (LGPL-3.0).</translation>
    </message>
    <message>
        <source>Qt licence</source>
        <translation>Qt-Lizenz</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Journal file</source>
        <translation>Journaldatei</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>Si&amp;cherungen</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Versions of the libraries</source>
        <translation>Versionen der Bibliotheken</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt}, PySide6 {pyside}</source>
        <translation>Python {python}, Qt {qt}, PySide6 {pyside}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>{user} on {server}</source>
        <extracomment>An account&apos;s user on its server: &quot;ada@example.com on imap.example.com&quot;</extracomment>
        <translation>{user} auf {server}</translation>
    </message>
    <message>
        <source>Password for {account} ({where}):</source>
        <extracomment>The password prompt (no keyring, or none stored): the account&apos;s name, its user and server</extracomment>
        <translation>Passwort für {account} ({where}):</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Junk</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>All mail</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Work mail</source>
        <translation>Arbeits-Mail</translation>
    </message>
    <message>
        <source>IMAP (mail)</source>
        <translation>IMAP (Mail)</translation>
    </message>
    <message>
        <source>CalDAV (calendars)</source>
        <translation>CalDAV (Kalender)</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Months the first fetch reads</source>
        <translation>Monate, die der erste Abruf liest</translation>
    </message>
    <message>
        <source>Add &amp;matched touches without asking (people not in your journal still wait for you)</source>
        <translation>Zugeordnete Kontaktpunkte ohne Nachfrage &amp;hinzufügen (Menschen, die nicht in Ihrem Journal sind, warten weiter auf Sie)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>Si&amp;cherheit:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Folders:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Read the &amp;last</source>
        <translation>Beim ersten Mal die &amp;letzten</translation>
    </message>
    <message>
        <source>months the first time</source>
        <translation>Monate lesen</translation>
    </message>
    <message>
        <source>There is no keyring on this computer: you will be asked for the password each time.</source>
        <translation>Auf diesem Computer gibt es keinen Schlüsselbund: Sie werden jedes Mal nach dem Passwort gefragt.</translation>
    </message>
    <message>
        <source>Only for Test Connection</source>
        <translation>Nur für „Verbindung testen“</translation>
    </message>
    <message>
        <source>Kept in your system&apos;s keyring, never in the journal.</source>
        <translation>Im Schlüsselbund Ihres Systems aufbewahrt, nie im Journal.</translation>
    </message>
    <message>
        <source>Stored in your keyring — type to change it</source>
        <translation>Im Schlüsselbund gespeichert – zum Ändern neu eingeben</translation>
    </message>
    <message>
        <source>You trust this server&apos;s certificate with the SHA-256 fingerprint:</source>
        <translation>Sie vertrauen dem Zertifikat dieses Servers mit dem SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>&amp;Calendars:</source>
        <translation>&amp;Kalender:</translation>
    </message>
    <message>
        <source>Folders to read</source>
        <translation>Zu lesende Ordner</translation>
    </message>
    <message>
        <source>Calendars to read</source>
        <translation>Zu lesende Kalender</translation>
    </message>
    <message>
        <source>{port} (default)</source>
        <extracomment>The port box&apos;s hint: the port used when it is left empty</extracomment>
        <translation>{port} (Standard)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Test Connection lists the folders. None ticked: Inbox and Sent are read.</source>
        <translation>„Verbindung testen“ zeigt die Ordner. Keiner angehakt: Posteingang und Gesendet werden gelesen.</translation>
    </message>
    <message>
        <source>Test Connection lists the calendars. None ticked: every calendar is read.</source>
        <translation>„Verbindung testen“ zeigt die Kalender. Keiner angehakt: Alle Kalender werden gelesen.</translation>
    </message>
    <message>
        <source>None ticked: Inbox and Sent are read.</source>
        <translation>Keiner angehakt: Posteingang und Gesendet werden gelesen.</translation>
    </message>
    <message>
        <source>None ticked: every calendar is read.</source>
        <translation>Keiner angehakt: Alle Kalender werden gelesen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected: 1 folder.</source>
        <translation>Verbunden: 1 Ordner.</translation>
    </message>
    <message>
        <source>Connected: {n} folders.</source>
        <translation>Verbunden: {n} Ordner.</translation>
    </message>
    <message>
        <source>Connected: 1 calendar.</source>
        <translation>Verbunden: 1 Kalender.</translation>
    </message>
    <message>
        <source>Connected: {n} calendars.</source>
        <translation>Verbunden: {n} Kalender.</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>IMAP (mail)</source>
        <translation>IMAP (Mail)</translation>
    </message>
    <message>
        <source>CalDAV (calendars)</source>
        <translation>CalDAV (Kalender)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>User on server</source>
        <translation>Benutzer auf Server</translation>
    </message>
    <message>
        <source>Last fetch</source>
        <translation>Letzter Abruf</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>File ▸ Fetch Now reads what is new in your own mailboxes (IMAP) and calendars (CalDAV): the headers of your mail and your meetings, never the messages&apos; text, straight from your servers. Passwords are kept in your system&apos;s keyring.</source>
        <translation>Datei ▸ Jetzt abrufen liest, was in Ihren eigenen Postfächern (IMAP) und Kalendern (CalDAV) neu ist: die Kopfzeilen Ihrer Mails und Ihre Treffen, nie den Text der Nachrichten, direkt von Ihren Servern. Passwörter stehen im Schlüsselbund Ihres Systems.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>No accounts yet: Add… one to fetch your mail and meetings.</source>
        <translation>Noch keine Konten: Fügen Sie eines hinzu, um Ihre Mails und Treffen abzurufen.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;Fetch every</source>
        <translation>&amp;Abrufen alle</translation>
    </message>
    <message>
        <source>Minutes between automatic fetches</source>
        <translation>Minuten zwischen automatischen Abrufen</translation>
    </message>
    <message>
        <source>minutes while Deal Journal is open</source>
        <translation>Minuten, solange Deal Journal offen ist</translation>
    </message>
    <message>
        <source>An automatic fetch never interrupts you: accounts that add matched touches without asking do so; anything else waits for File ▸ Fetch Now, and the status bar says so.</source>
        <translation>Ein automatischer Abruf unterbricht Sie nie: Konten, die zugeordnete Kontaktpunkte ohne Nachfrage hinzufügen, tun das; alles andere wartet auf Datei ▸ Jetzt abrufen, und die Statusleiste sagt es.</translation>
    </message>
    <message>
        <source>Remove the account {name}?</source>
        <translation>Das Konto {name} entfernen?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>What was fetched from it stays in your journal. Its password is removed from your keyring.</source>
        <translation>Was davon abgerufen wurde, bleibt in Ihrem Journal. Sein Passwort wird aus Ihrem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Connecting to {account}…</source>
        <translation>Verbinde mit {account}…</translation>
    </message>
    <message>
        <source>{account}: connected; 1 calendar: {names}</source>
        <translation>{account}: verbunden; 1 Kalender: {names}</translation>
    </message>
    <message>
        <source>{account}: connected; {n} calendars: {names}</source>
        <translation>{account}: verbunden; {n} Kalender: {names}</translation>
    </message>
    <message>
        <source>{account}: connected; 1 folder: {names}</source>
        <translation>{account}: verbunden; 1 Ordner: {names}</translation>
    </message>
    <message>
        <source>{account}: connected; {n} folders: {names}</source>
        <translation>{account}: verbunden; {n} Ordner: {names}</translation>
    </message>
    <message>
        <source>{account}: {error}</source>
        <translation>{account}: {error}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>direction out / in / mutual / note</source>
        <translation>Richtung ausgehend / eingehend / beidseitig / Notiz</translation>
    </message>
    <message>
        <source>save from the details box</source>
        <translation>aus dem Detailfeld heraus speichern</translation>
    </message>
    <message>
        <source>&amp;New Journal…</source>
        <translation>&amp;Neues Journal…</translation>
    </message>
    <message>
        <source>&amp;Open Journal…</source>
        <translation>Journal ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Capture Conversations…</source>
        <translation>Unterhaltungen &amp;erfassen…</translation>
    </message>
    <message>
        <source>Capture a &amp;Maildir Folder…</source>
        <translation>&amp;Maildir-Ordner erfassen…</translation>
    </message>
    <message>
        <source>&amp;Fetch Now</source>
        <translation>Jetzt a&amp;brufen</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Send this journal&apos;s changes to your other computers and take theirs (Edit ▸ Preferences ▸ Sync)</source>
        <translation>Die Änderungen dieses Journals an Ihre anderen Computer senden und deren Änderungen übernehmen (Bearbeiten ▸ Einstellungen ▸ Sync)</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>Sync-&amp;Konflikte…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>New &amp;Contact…</source>
        <translation>Neuer &amp;Kontakt…</translation>
    </message>
    <message>
        <source>&amp;Log Interaction…</source>
        <translation>&amp;Interaktion erfassen…</translation>
    </message>
    <message>
        <source>&amp;Share Content…</source>
        <translation>Inhalt &amp;teilen…</translation>
    </message>
    <message>
        <source>&amp;Find Contact</source>
        <translation>Kontakt &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Deal Journal</source>
        <translation>&amp;Über Deal Journal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Deal Journal (*.sqlite3)</source>
        <translation>Deal Journal (*.sqlite3)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The sample journal does not sync: it is thrown away when you leave it.</source>
        <translation>Das Beispieljournal wird nicht synchronisiert: Es wird verworfen, wenn Sie es verlassen.</translation>
    </message>
    <message>
        <source>Choose a sync folder first: one that Syncthing, Dropbox or Nextcloud keeps the same on your computers.</source>
        <translation>Wählen Sie zuerst einen Sync-Ordner: einen, den Syncthing, Dropbox oder Nextcloud auf Ihren Computern gleich hält.</translation>
    </message>
    <message>
        <source>New journal</source>
        <translation>Neues Journal</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name.</source>
        <translation>{path} existiert bereits; bitte wählen Sie einen neuen Dateinamen.</translation>
    </message>
    <message>
        <source>Open journal</source>
        <translation>Journal öffnen</translation>
    </message>
    <message>
        <source>&amp;{number} {name} — {folder}</source>
        <extracomment>File ▸ Open Recent: a number (the key to press), the journal&apos;s file name, its folder</extracomment>
        <translation>&amp;{number} {name} — {folder}</translation>
    </message>
    <message>
        <source>No other journals yet</source>
        <translation>Noch keine anderen Journale</translation>
    </message>
    <message>
        <source>{journal} is open in another window, which was brought forward.</source>
        <translation>{journal} ist in einem anderen Fenster geöffnet; dieses wurde in den Vordergrund geholt.</translation>
    </message>
    <message>
        <source>The journal {path} could not be opened again: {error}</source>
        <translation>Das Journal {path} konnte nicht erneut geöffnet werden: {error}</translation>
    </message>
    <message>
        <source>Capture what is new in your mail and calendar accounts</source>
        <translation>Erfassen, was in Ihren Mail- und Kalenderkonten neu ist</translation>
    </message>
    <message>
        <source>Add your mail or calendar account in Edit ▸ Preferences ▸ Accounts first</source>
        <translation>Fügen Sie zuerst Ihr Mail- oder Kalenderkonto unter Bearbeiten ▸ Einstellungen ▸ Konten hinzu</translation>
    </message>
    <message>
        <source>{where}: {what}</source>
        <extracomment>Help ▸ Keyboard Shortcuts: a page&apos;s (or dialog&apos;s) name, then what a key does there</extracomment>
        <translation>{where}: {what}</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <extracomment>The Log Interaction dialog, as named in the keyboard shortcuts list</extracomment>
        <translation>Interaktion erfassen</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>You reached out</source>
        <translation>Sie haben sich gemeldet</translation>
    </message>
    <message>
        <source>They reached out or answered</source>
        <translation>Die Person hat sich gemeldet oder geantwortet</translation>
    </message>
    <message>
        <source>Both took part</source>
        <translation>Beide waren beteiligt</translation>
    </message>
    <message>
        <source>A private note, not a touch</source>
        <translation>Eine private Notiz, kein Kontaktpunkt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>A change of stage</source>
        <translation>Ein Phasenwechsel</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <source>Stage change</source>
        <translation>Phasenwechsel</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>Sent an e-mail</source>
        <translation>E-Mail gesendet</translation>
    </message>
    <message>
        <source>Logged an e-mail to {name} today. Undo: Ctrl+Z</source>
        <translation>Heute eine E-Mail an {name} erfasst. Rückgängig: Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Anruf</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Angerufen</translation>
    </message>
    <message>
        <source>Logged a call with {name} today. Undo: Ctrl+Z</source>
        <translation>Heute einen Anruf bei {name} erfasst. Rückgängig: Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>Sent a message</source>
        <translation>Nachricht gesendet</translation>
    </message>
    <message>
        <source>Logged a message to {name} today. Undo: Ctrl+Z</source>
        <translation>Heute eine Nachricht an {name} erfasst. Rückgängig: Ctrl+Z</translation>
    </message>
    <message>
        <source>Mee&amp;ting</source>
        <translation>&amp;Treffen</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Getroffen</translation>
    </message>
    <message>
        <source>Logged a meeting with {name} today. Undo: Ctrl+Z</source>
        <translation>Heute ein Treffen mit {name} erfasst. Rückgängig: Ctrl+Z</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>Mark this follow-up as done</source>
        <translation>Diese Wiedervorlage als erledigt markieren</translation>
    </message>
    <message>
        <source>Follo&amp;w back</source>
        <translation>Ebenfalls &amp;folgen</translation>
    </message>
    <message>
        <source>Start following them on this channel today</source>
        <translation>Ab heute auf diesem Kanal folgen</translation>
    </message>
    <message>
        <source>They follow &amp;back now</source>
        <translation>Folgt jetzt &amp;zurück</translation>
    </message>
    <message>
        <source>Record that they now follow you on this channel</source>
        <translation>Festhalten, dass der Kontakt Ihnen auf diesem Kanal jetzt folgt</translation>
    </message>
    <message>
        <source>&amp;Seen</source>
        <translation>&amp;Gesehen</translation>
    </message>
    <message>
        <source>&amp;Replied</source>
        <translation>Ge&amp;antwortet</translation>
    </message>
    <message>
        <source>&amp;Acted on it</source>
        <translation>&amp;Umgesetzt</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} Tag</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} Tage</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>No stale relationships — nice work.</source>
        <translation>Keine eingeschlafenen Beziehungen – gut gemacht.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>You&apos;re doing all the reaching out</source>
        <translation>Nur Sie melden sich</translation>
    </message>
    <message>
        <source>Nobody leaves all the reaching out to you.</source>
        <translation>Bei niemandem geht die Initiative nur von Ihnen aus.</translation>
    </message>
    <message>
        <source>They&apos;re waiting on you</source>
        <translation>Warten auf Sie</translation>
    </message>
    <message>
        <source>Nobody is waiting on you — all caught up.</source>
        <translation>Niemand wartet auf Sie – alles erledigt.</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Fällige Wiedervorlagen</translation>
    </message>
    <message>
        <source>No follow-ups due. Enjoy the calm.</source>
        <translation>Keine Wiedervorlagen fällig. Genießen Sie die Ruhe.</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Unanswered shares</source>
        <translation>Weitergaben ohne Reaktion</translation>
    </message>
    <message>
        <source>Every share in the window that is a week old or more has had a response.</source>
        <translation>Auf jede Weitergabe im Zeitraum, die eine Woche oder älter ist, gab es eine Reaktion.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Geteilt am</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Channels not followed back</source>
        <translation>Kanäle ohne gegenseitiges Folgen</translation>
    </message>
    <message>
        <source>No follow imbalance on any channel.</source>
        <translation>Auf keinem Kanal folgt nur eine Seite.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Handlungsbedarf</translation>
    </message>
    <message>
        <source>Who needs you today</source>
        <translation>Wer Sie heute braucht</translation>
    </message>
    <message>
        <source>Attention lists</source>
        <translation>Listen mit Handlungsbedarf</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>&amp;Response</source>
        <translation>&amp;Reaktion</translation>
    </message>
    <message>
        <source>Record what came of this share</source>
        <translation>Festhalten, was aus dieser Weitergabe wurde</translation>
    </message>
    <message>
        <source>Follow-up with {name} marked done.</source>
        <translation>Wiedervorlage für {name} als erledigt markiert.</translation>
    </message>
    <message>
        <source>Now following {name} on {network}.</source>
        <translation>Sie folgen jetzt {name} ({network}).</translation>
    </message>
    <message>
        <source>{name} follows you back on {network}.</source>
        <translation>{name} folgt Ihnen jetzt zurück ({network}).</translation>
    </message>
    <message>
        <source>Share with {name} marked “{response}”. Undo: Ctrl+Z</source>
        <translation>Weitergabe an {name} als „{response}“ markiert. Rückgängig: Ctrl+Z</translation>
    </message>
    <message>
        <source>Every relationship is in good shape — nice work.</source>
        <translation>Alle Beziehungen sind in gutem Zustand – gut gemacht.</translation>
    </message>
    <message>
        <source>{n} relationship could use a touch.</source>
        <translation>{n} Beziehung braucht Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>{n} relationships could use a touch.</source>
        <translation>{n} Beziehungen brauchen Aufmerksamkeit.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Deal Journal backs this journal up by itself whenever it changed: after opening it, every 30 minutes while it is open, on closing, and before every import or restore. Each backup is checked before it is kept.</source>
        <translation>Deal Journal sichert dieses Journal selbstständig, sobald es sich geändert hat: nach dem Öffnen, alle 30 Minuten, solange es geöffnet ist, beim Schließen sowie vor jedem Import und jeder Wiederherstellung. Jede Sicherung wird geprüft, bevor sie aufbewahrt wird.</translation>
    </message>
    <message>
        <source>Kept in:</source>
        <translation>Gespeichert in:</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Show &amp;Folder</source>
        <translation>&amp;Ordner anzeigen</translation>
    </message>
    <message>
        <source>Show the backup folder</source>
        <translation>Sicherungsordner anzeigen</translation>
    </message>
    <message>
        <source>&amp;Backups, newest first:</source>
        <translation>Sicherungen, &amp;neueste zuerst:</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Sicherungen, neueste zuerst</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>No backups yet. The first one is taken as soon as the journal holds something; &quot;Back Up Now&quot; takes one at once.</source>
        <translation>Noch keine Sicherungen. Die erste wird angelegt, sobald das Journal etwas enthält; „Jetzt sichern“ legt sofort eine an.</translation>
    </message>
    <message>
        <source>Back &amp;Up Now</source>
        <translation>&amp;Jetzt sichern</translation>
    </message>
    <message>
        <source>Back up the journal now</source>
        <translation>Journal jetzt sichern</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Ausgewählte Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Aufbewahren</translation>
    </message>
    <message>
        <source>Every backup of today, and the newest backup of each of the last:</source>
        <translation>Alle Sicherungen von heute sowie die jeweils neueste Sicherung der letzten:</translation>
    </message>
    <message>
        <source>Keep daily backups for this many days</source>
        <translation>Tägliche Sicherungen so viele Tage aufbewahren</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep weekly backups for this many weeks</source>
        <translation>Wöchentliche Sicherungen so viele Wochen aufbewahren</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>Keep monthly backups for this many months</source>
        <translation>Monatliche Sicherungen so viele Monate aufbewahren</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Older backups are deleted. An erased person stays in the backups taken before the erase until these are deleted.</source>
        <translation>Ältere Sicherungen werden gelöscht. Wer endgültig gelöscht wurde, bleibt in den zuvor angelegten Sicherungen enthalten, bis auch diese gelöscht sind.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>No backup was taken: {error}</source>
        <translation>Es wurde keine Sicherung erstellt: {error}</translation>
    </message>
    <message>
        <source>Journal backed up ({file})</source>
        <translation>Journal gesichert ({file})</translation>
    </message>
    <message>
        <source>Restore the backup taken {when}?</source>
        <translation>Die Sicherung vom {when} wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore the backup taken {when}, {n} contact?</source>
        <translation>Die Sicherung vom {when} mit {n} Kontakt wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore the backup taken {when}, {n} contacts?</source>
        <translation>Die Sicherung vom {when} mit {n} Kontakten wiederherstellen?</translation>
    </message>
    <message>
        <source>The journal as it is now is backed up first, so you can come back to it from this list. Changes made after this backup are then no longer in the journal.</source>
        <translation>Das Journal in seinem jetzigen Zustand wird zuerst gesichert, sodass Sie über diese Liste dorthin zurückkehren können. Änderungen, die nach dieser Sicherung vorgenommen wurden, sind danach nicht mehr im Journal.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo history is cleared.</source>
        <translation>Der Verlauf für „Rückgängig“ wird geleert.</translation>
    </message>
    <message>
        <source>Journal restored from the backup taken {when}</source>
        <translation>Journal aus der Sicherung vom {when} wiederhergestellt</translation>
    </message>
    <message>
        <source>The backup settings were not saved: {error}</source>
        <translation>Die Einstellungen für Sicherungen wurden nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <source>Capture Conversations</source>
        <translation>Unterhaltungen erfassen</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Erfassen</translation>
    </message>
    <message>
        <source>Reading {i} of {n}: {file}</source>
        <extracomment>Capture, while reading: &quot;Reading 2 of 3: All mail.mbox&quot;</extracomment>
        <translation>Lese {i} von {n}: {file}</translation>
    </message>
    <message>
        <source>None of these files can be captured</source>
        <translation>Keine dieser Dateien lässt sich erfassen</translation>
    </message>
    <message>
        <source>Nothing was written. Choose mailboxes (mbox, Maildir, .eml), calendars (.ics), a LinkedIn export or a WhatsApp or Telegram chat export.</source>
        <translation>Es wurde nichts geschrieben. Wählen Sie Postfächer (mbox, Maildir, .eml), Kalender (.ics), einen LinkedIn-Export oder einen WhatsApp- oder Telegram-Chatexport.</translation>
    </message>
    <message>
        <source>The files cannot be captured</source>
        <translation>Die Dateien lassen sich nicht erfassen</translation>
    </message>
    <message>
        <source>Nothing was written: the journal is exactly as it was.</source>
        <translation>Es wurde nichts geschrieben: Das Journal ist genau wie vorher.</translation>
    </message>
    <message>
        <source>Reading was stopped</source>
        <translation>Das Lesen wurde abgebrochen</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Taking a backup of the journal first…</source>
        <translation>Zuerst wird das Journal gesichert…</translation>
    </message>
    <message>
        <source>Nothing was captured</source>
        <translation>Es wurde nichts erfasst</translation>
    </message>
    <message>
        <source>No backup could be taken: {error}</source>
        <translation>Es konnte keine Sicherung angelegt werden: {error}</translation>
    </message>
    <message>
        <source>Writing to the journal…</source>
        <translation>Schreibe ins Journal…</translation>
    </message>
    <message>
        <source>A backup of the journal was taken first: {file}</source>
        <translation>Vorher wurde das Journal gesichert: {file}</translation>
    </message>
    <message>
        <source>The journal was empty before, so no backup was needed.</source>
        <translation>Das Journal war vorher leer, deshalb war keine Sicherung nötig.</translation>
    </message>
    <message>
        <source>Captured from {files}.</source>
        <translation>Erfasst aus {files}.</translation>
    </message>
    <message>
        <source>Captured entries are marked with where they came from (“mail”, “calendar”…) on the timelines and in the Journal, and can be edited or deleted like any other.</source>
        <translation>Erfasste Einträge tragen auf den Zeitleisten und im Journal ihre Herkunft („Mail“, „Kalender“…) und lassen sich wie alle anderen bearbeiten oder löschen.</translation>
    </message>
    <message>
        <source>Captured {files}: {summary}</source>
        <translation>{files} erfasst: {summary}</translation>
    </message>
    <message>
        <source>{n} touch added</source>
        <translation>{n} Kontaktpunkt hinzugefügt</translation>
    </message>
    <message>
        <source>{n} touches added</source>
        <translation>{n} Kontaktpunkte hinzugefügt</translation>
    </message>
    <message>
        <source>{n} already there</source>
        <translation>{n} schon vorhanden</translation>
    </message>
    <message>
        <source>{n} new contact</source>
        <translation>{n} neuer Kontakt</translation>
    </message>
    <message>
        <source>{n} new contacts</source>
        <translation>{n} neue Kontakte</translation>
    </message>
    <message>
        <source>{added}, {already}, {created}</source>
        <extracomment>After a capture: &quot;48 touches added&quot;, &quot;3 already there&quot;, &quot;2 new contacts&quot;</extracomment>
        <translation>{added}, {already}, {created}</translation>
    </message>
    <message>
        <source>The journal is exactly as it was.</source>
        <translation>Das Journal ist genau wie vorher.</translation>
    </message>
    <message>
        <source>Co&amp;ntinue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Capture conversations</source>
        <translation>Unterhaltungen erfassen</translation>
    </message>
    <message>
        <source>Choose a Maildir mail folder</source>
        <translation>Einen Maildir-Mailordner wählen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Mailboxes, calendars and chats (*.mbox *.mbx *.eml *.ics *.csv *.zip *.txt *.json)</source>
        <translation>Postfächer, Kalender und Chats (*.mbox *.mbx *.eml *.ics *.csv *.zip *.txt *.json)</translation>
    </message>
</context>
<context>
    <name>CaptureReview</name>
    <message>
        <source>{n} mailing-list or bulk message</source>
        <translation>{n} Nachricht einer Mailingliste oder Massenmail</translation>
    </message>
    <message>
        <source>{n} mailing-list or bulk messages</source>
        <translation>{n} Nachrichten von Mailinglisten oder Massenmails</translation>
    </message>
    <message>
        <source>{n} automatic message (auto-reply, notification)</source>
        <translation>{n} automatische Nachricht (Abwesenheitsnotiz, Benachrichtigung)</translation>
    </message>
    <message>
        <source>{n} automatic messages (auto-replies, notifications)</source>
        <translation>{n} automatische Nachrichten (Abwesenheitsnotizen, Benachrichtigungen)</translation>
    </message>
    <message>
        <source>{n} message from a no-reply address</source>
        <translation>{n} Nachricht von einer No-Reply-Adresse</translation>
    </message>
    <message>
        <source>{n} messages from no-reply addresses</source>
        <translation>{n} Nachrichten von No-Reply-Adressen</translation>
    </message>
    <message>
        <source>{n} message or event with more than 20 people</source>
        <translation>{n} Nachricht oder Treffen mit mehr als 20 Personen</translation>
    </message>
    <message>
        <source>{n} messages or events with more than 20 people</source>
        <translation>{n} Nachrichten oder Treffen mit mehr als 20 Personen</translation>
    </message>
    <message>
        <source>{n} message in Spam, Trash or Drafts</source>
        <translation>{n} Nachricht in Spam, Papierkorb oder Entwürfen</translation>
    </message>
    <message>
        <source>{n} messages in Spam, Trash or Drafts</source>
        <translation>{n} Nachrichten in Spam, Papierkorb oder Entwürfen</translation>
    </message>
    <message>
        <source>{n} system line or sponsored message (“… added …”, “Messages are end-to-end encrypted”)</source>
        <translation>{n} Systemzeile oder gesponserte Nachricht („… hat … hinzugefügt“, „Nachrichten sind Ende-zu-Ende-verschlüsselt“)</translation>
    </message>
    <message>
        <source>{n} system lines or sponsored messages (“… added …”, “Messages are end-to-end encrypted”)</source>
        <translation>{n} Systemzeilen oder gesponserte Nachrichten („… hat … hinzugefügt“, „Nachrichten sind Ende-zu-Ende-verschlüsselt“)</translation>
    </message>
    <message>
        <source>{n} LinkedIn message from a sender without a profile</source>
        <translation>{n} LinkedIn-Nachricht von einem Absender ohne Profil</translation>
    </message>
    <message>
        <source>{n} LinkedIn messages from senders without a profile</source>
        <translation>{n} LinkedIn-Nachrichten von Absendern ohne Profil</translation>
    </message>
    <message>
        <source>{n} declined event</source>
        <translation>{n} abgelehntes Treffen</translation>
    </message>
    <message>
        <source>{n} declined events</source>
        <translation>{n} abgelehnte Treffen</translation>
    </message>
    <message>
        <source>{n} cancelled event</source>
        <translation>{n} abgesagtes Treffen</translation>
    </message>
    <message>
        <source>{n} cancelled events</source>
        <translation>{n} abgesagte Treffen</translation>
    </message>
    <message>
        <source>{n} event that hasn&apos;t happened yet</source>
        <translation>{n} Treffen, das noch nicht stattgefunden hat</translation>
    </message>
    <message>
        <source>{n} events that haven&apos;t happened yet</source>
        <translation>{n} Treffen, die noch nicht stattgefunden haben</translation>
    </message>
    <message>
        <source>{n} record without a usable date or sender</source>
        <translation>{n} Eintrag ohne brauchbares Datum oder Absender</translation>
    </message>
    <message>
        <source>{n} records without a usable date or sender</source>
        <translation>{n} Einträge ohne brauchbares Datum oder Absender</translation>
    </message>
    <message>
        <source>{n} × {reason}</source>
        <extracomment>An ignored count whose reason has no words yet: the count, then the reason&apos;s code</extracomment>
        <translation>{n} × {reason}</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archiviert)</translation>
    </message>
    <message>
        <source>Type a contact&apos;s name…</source>
        <translation>Namen eines Kontakts eingeben…</translation>
    </message>
    <message>
        <source>The contact this person is</source>
        <translation>Der Kontakt, der dieser Mensch ist</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <source>Add Channel</source>
        <translation>Kanal hinzufügen</translation>
    </message>
    <message>
        <source>Edit Channel</source>
        <translation>Kanal bearbeiten</translation>
    </message>
</context>
<context>
    <name>ChannelEdit</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Netzwerk:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>e.g. adabyron</source>
        <translation>z. B. adabyron</translation>
    </message>
    <message>
        <source>Profile &amp;URL:</source>
        <translation>Profil-&amp;URL:</translation>
    </message>
    <message>
        <source>Profile URL</source>
        <translation>Profil-URL</translation>
    </message>
    <message>
        <source>You:</source>
        <translation>Sie:</translation>
    </message>
    <message>
        <source>&amp;I follow them since</source>
        <translation>&amp;Ich folge seit</translation>
    </message>
    <message>
        <source>I follow them</source>
        <translation>Ich folge dieser Person</translation>
    </message>
    <message>
        <source>Following since</source>
        <translation>Gefolgt seit</translation>
    </message>
    <message>
        <source>They follow &amp;back:</source>
        <translation>Folgt &amp;zurück:</translation>
    </message>
    <message>
        <source>They follow you back</source>
        <translation>Folgt Ihnen zurück</translation>
    </message>
</context>
<context>
    <name>ChannelModel</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>You follow</source>
        <translation>Sie folgen</translation>
    </message>
    <message>
        <source>They follow</source>
        <translation>Folgt Ihnen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Double-click to change whether they follow you back</source>
        <translation>Doppelklicken, um zu ändern, ob der Kontakt Ihnen zurückfolgt</translation>
    </message>
    <message>
        <source>You follow them since {day}</source>
        <translation>Sie folgen seit {day}</translation>
    </message>
    <message>
        <source>You don&apos;t follow them here; tick to follow from today</source>
        <translation>Sie folgen hier nicht; ankreuzen, um ab heute zu folgen</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Open ↗</source>
        <translation>Öffnen ↗</translation>
    </message>
    <message>
        <source>not a web link</source>
        <translation>kein Weblink</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync Conflicts</source>
        <translation>Sync-Konflikte</translation>
    </message>
    <message>
        <source>These values were changed on two devices before they synced. Choose the one to keep; the next sync gives it to every device.</source>
        <translation>Diese Werte wurden auf zwei Geräten geändert, bevor diese synchronisiert wurden. Wählen Sie den Wert, der bleiben soll; die nächste Synchronisierung gibt ihn an jedes Gerät weiter.</translation>
    </message>
    <message>
        <source>Show &amp;all conflicts</source>
        <translation>&amp;Alle Konflikte zeigen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>&amp;Other value:</source>
        <translation>&amp;Anderer Wert:</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Anderer Wert</translation>
    </message>
    <message>
        <source>&amp;Use This Value</source>
        <translation>Diesen Wert &amp;verwenden</translation>
    </message>
    <message>
        <source>Use the chosen value</source>
        <translation>Den gewählten Wert verwenden</translation>
    </message>
    <message>
        <source>The conflicts of {name}.</source>
        <translation>Die Konflikte von {name}.</translation>
    </message>
    <message>
        <source>No conflicts of {name}: every synced value is settled.</source>
        <translation>Keine Konflikte bei {name}: Jeder synchronisierte Wert ist geklärt.</translation>
    </message>
    <message>
        <source>No conflicts: every synced value is settled.</source>
        <translation>Keine Konflikte: Jeder synchronisierte Wert ist geklärt.</translation>
    </message>
    <message>
        <source>Keep it, with the edits made here</source>
        <translation>Behalten, mit den hier gemachten Änderungen</translation>
    </message>
    <message>
        <source>Delete it, as the other device did</source>
        <translation>Löschen, wie auf dem anderen Gerät</translation>
    </message>
    <message>
        <source>Conflict settled; the next sync gives the value to every device.</source>
        <translation>Konflikt geklärt; die nächste Synchronisierung gibt den Wert an jedes Gerät weiter.</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>The certificate was not trusted, so Deal Journal did not connect.</source>
        <translation>Dem Zertifikat wurde nicht vertraut, daher hat Deal Journal keine Verbindung aufgebaut.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New Contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Edit Contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
</context>
<context>
    <name>ContactEdit</name>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Required, e.g. Ada Byron</source>
        <translation>Pflichtfeld, z. B. Ada Byron</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Famil&amp;y name:</source>
        <translation>Na&amp;chname:</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>Title or position</source>
        <translation>Titel oder Position</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Locat&amp;ion:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Schlagwörter:</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>comma separated, e.g. fintech, cfo</source>
        <translation>durch Kommas getrennt, z. B. fintech, cfo</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>Ph&amp;ase:</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>&amp;Keep in touch every:</source>
        <translation>&amp;Kontakt halten alle:</translation>
    </message>
    <message>
        <source>Keep-in-touch cadence in days</source>
        <translation>Kontaktrhythmus in Tagen</translation>
    </message>
    <message>
        <source>How often you mean to be in touch. Stage default uses the preferences; 0 never flags the contact as quiet.</source>
        <translation>Wie oft Sie in Kontakt sein möchten. „Standard der Phase“ übernimmt den Wert aus den Einstellungen; bei 0 wird der Kontakt nie als überfällig markiert.</translation>
    </message>
    <message>
        <source>Stage default</source>
        <translation>Standard der Phase</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Buying style:</source>
        <translation>Ka&amp;ufverhalten:</translation>
    </message>
    <message>
        <source>Buying style</source>
        <translation>Kaufverhalten</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>&amp;Herkunft:</translation>
    </message>
    <message>
        <source>How you met</source>
        <translation>Wie Sie sich kennengelernt haben</translation>
    </message>
    <message>
        <source>how you met, e.g. conference</source>
        <translation>wie Sie sich kennengelernt haben, z. B. Konferenz</translation>
    </message>
    <message>
        <source>&amp;E-mails:</source>
        <translation>&amp;E-Mails:</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Add e-mail</source>
        <translation>E-Mail-Adresse hinzufügen</translation>
    </message>
    <message>
        <source>Remove e-mail</source>
        <translation>E-Mail-Adresse entfernen</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>Telefonnummer hinzufügen</translation>
    </message>
    <message>
        <source>Remove phone</source>
        <translation>Telefonnummer entfernen</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>Not&amp;izen:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>Letzter Kontaktpunkt</translation>
    </message>
    <message>
        <source>Days quiet</source>
        <translation>Tage ohne Kontakt</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(this row could not be loaded)</source>
        <translation>(diese Zeile konnte nicht geladen werden)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>edit the contact</source>
        <translation>den Kontakt bearbeiten</translation>
    </message>
    <message>
        <source>open the timeline entry for editing</source>
        <translation>den Chronik-Eintrag zum Bearbeiten öffnen</translation>
    </message>
    <message>
        <source>mark the entry&apos;s follow-up or reminder done</source>
        <translation>die Wiedervorlage oder Erinnerung des Eintrags als erledigt markieren</translation>
    </message>
    <message>
        <source>delete the timeline entry</source>
        <translation>den Chronik-Eintrag löschen</translation>
    </message>
    <message>
        <source>Timeline and details</source>
        <translation>Chronik und Details</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Chronik</translation>
    </message>
    <message>
        <source>D&amp;etails: reach, channels, goals</source>
        <translation>&amp;Details: Erreichbarkeit, Kanäle, Ziele</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Name des Kontakts</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit this contact ({keys})</source>
        <translation>Diesen Kontakt bearbeiten ({keys})</translation>
    </message>
    <message>
        <source>&amp;Log interaction…</source>
        <translation>&amp;Interaktion erfassen…</translation>
    </message>
    <message>
        <source>Log an interaction with this contact ({keys})</source>
        <translation>Eine Interaktion mit diesem Kontakt erfassen ({keys})</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Mehr</translation>
    </message>
    <message>
        <source>More actions for this contact</source>
        <translation>Weitere Aktionen für diesen Kontakt</translation>
    </message>
    <message>
        <source>E&amp;xport Everything About This Person…</source>
        <translation>Alles über diese Person e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Merge Into Another Contact…</source>
        <translation>In einen anderen Kontakt &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>Erase This &amp;Person…</source>
        <translation>Diese &amp;Person endgültig löschen…</translation>
    </message>
    <message>
        <source>Company and title</source>
        <translation>Firma und Position</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>&amp;Phase:</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Move this contact to another stage (undoable)</source>
        <translation>Diesen Kontakt in eine andere Phase verschieben (lässt sich rückgängig machen)</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Phasenverlauf</translation>
    </message>
    <message>
        <source>Cadence, buying style and tags</source>
        <translation>Kontaktrhythmus, Kaufstil und Schlagwörter</translation>
    </message>
    <message>
        <source>Relationship health</source>
        <translation>Beziehungsstatus</translation>
    </message>
    <message>
        <source>Settle the values that differ between your computers</source>
        <translation>Die Werte klären, die sich zwischen Ihren Computern unterscheiden</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronik</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Log an interaction ({keys}) or share something.</source>
        <translation>Noch nichts erfasst. Erfassen Sie eine Interaktion ({keys}) oder geben Sie etwas weiter.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>No contact is open. Choose one on the Contacts page.</source>
        <translation>Kein Kontakt geöffnet. Wählen Sie einen auf der Seite „Kontakte“ aus.</translation>
    </message>
    <message>
        <source>This contact was deleted.
Undo ({keys}) brings it back.</source>
        <translation>Dieser Kontakt wurde gelöscht.
Mit „Rückgängig“ ({keys}) holen Sie ihn zurück.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>{n} day ago</source>
        <translation>vor {n} Tag</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>vor {n} Tagen</translation>
    </message>
    <message>
        <source>Never flagged (stage default)</source>
        <translation>Nie als überfällig markiert (Standard der Phase)</translation>
    </message>
    <message>
        <source>Keep in touch every {n} day (stage default)</source>
        <translation>Kontaktrhythmus: {n} Tag (Standard der Phase)</translation>
    </message>
    <message>
        <source>Keep in touch every {n} days (stage default)</source>
        <translation>Kontaktrhythmus: {n} Tage (Standard der Phase)</translation>
    </message>
    <message>
        <source>Never flagged as quiet</source>
        <translation>Nie als überfällig markiert</translation>
    </message>
    <message>
        <source>Keep in touch every {n} day</source>
        <translation>Kontaktrhythmus: {n} Tag</translation>
    </message>
    <message>
        <source>Keep in touch every {n} days</source>
        <translation>Kontaktrhythmus: {n} Tage</translation>
    </message>
    <message>
        <source>{n} sync conflict: settle…</source>
        <translation>{n} Sync-Konflikt: klären…</translation>
    </message>
    <message>
        <source>{n} sync conflicts: settle…</source>
        <translation>{n} Sync-Konflikte: klären…</translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation>{name}  (archiviert)</translation>
    </message>
    <message>
        <source>No company or title</source>
        <translation>Keine Firma oder Position</translation>
    </message>
    <message>
        <source>{before} → {after} on {day}</source>
        <translation>{before} → {after} am {day}</translation>
    </message>
    <message>
        <source>{stage} on {day}</source>
        <translation>{stage} am {day}</translation>
    </message>
    <message>
        <source>History: {steps}</source>
        <translation>Verlauf: {steps}</translation>
    </message>
    <message>
        <source>{stage} since added on {day}</source>
        <translation>{stage} seit dem Hinzufügen am {day}</translation>
    </message>
    <message>
        <source>Added on {day}</source>
        <translation>Hinzugefügt am {day}</translation>
    </message>
    <message>
        <source>buying style: {style}</source>
        <translation>Kaufstil: {style}</translation>
    </message>
    <message>
        <source>tags: {tags}</source>
        <translation>Schlagwörter: {tags}</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Archivierung &amp;aufheben</translation>
    </message>
    <message>
        <source>Archived: left out of every health view.</source>
        <translation>Archiviert: wird in keiner Statusansicht berücksichtigt.</translation>
    </message>
    <message>
        <source>Needs attention:</source>
        <translation>Braucht Aufmerksamkeit:</translation>
    </message>
    <message>
        <source>In good shape: last touch {when} ({day}).</source>
        <translation>Alles in Ordnung: letzter Kontaktpunkt {when} ({day}).</translation>
    </message>
    <message>
        <source>In good shape: last touch {when} ({day}), cadence {n} day.</source>
        <translation>Alles in Ordnung: letzter Kontaktpunkt {when} ({day}), Kontaktrhythmus {n} Tag.</translation>
    </message>
    <message>
        <source>In good shape: last touch {when} ({day}), cadence {n} days.</source>
        <translation>Alles in Ordnung: letzter Kontaktpunkt {when} ({day}), Kontaktrhythmus {n} Tage.</translation>
    </message>
    <message>
        <source>In good shape: added {when}, no touches yet.</source>
        <translation>Alles in Ordnung: hinzugefügt {when}, noch keine Kontaktpunkte.</translation>
    </message>
    <message>
        <source>Delete {name} and everything recorded about them ({n} timeline entry, their channels and goals)? You can undo this with {keys}.</source>
        <translation>{name} und alles, was über diese Person erfasst ist, löschen ({n} Chronik-Eintrag, Kanäle und Ziele)? Sie können dies mit {keys} rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete {name} and everything recorded about them ({n} timeline entries, their channels and goals)? You can undo this with {keys}.</source>
        <translation>{name} und alles, was über diese Person erfasst ist, löschen ({n} Chronik-Einträge, Kanäle und Ziele)? Sie können dies mit {keys} rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Merged {name} into this contact (a backup was taken first).</source>
        <translation>{name} wurde in diesen Kontakt zusammengeführt (zuvor wurde eine Sicherung angelegt).</translation>
    </message>
</context>
<context>
    <name>ContactSide</name>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>No channels yet. Add where you follow them (LinkedIn, X, a blog…).</source>
        <translation>Noch keine Kanäle. Fügen Sie hinzu, wo Sie der Person folgen (LinkedIn, X, ein Blog …).</translation>
    </message>
    <message>
        <source>Add channel…</source>
        <translation>Kanal hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Profile ↗</source>
        <translation>Profil ↗</translation>
    </message>
    <message>
        <source>Open the selected channel&apos;s profile in your browser</source>
        <translation>Profil des ausgewählten Kanals im Browser öffnen</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>No goals yet. What is this person trying to achieve?</source>
        <translation>Noch keine Ziele. Was möchte diese Person erreichen?</translation>
    </message>
    <message>
        <source>Add goal…</source>
        <translation>Ziel hinzufügen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>&amp;Achieved</source>
        <translation>&amp;Erreicht</translation>
    </message>
    <message>
        <source>&amp;Dropped</source>
        <translation>&amp;Verworfen</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>Close the selected goal as achieved or dropped, or reopen it</source>
        <translation>Ausgewähltes Ziel als erreicht oder verworfen abschließen oder wieder öffnen</translation>
    </message>
    <message>
        <source>Touches per month</source>
        <translation>Kontaktpunkte pro Monat</translation>
    </message>
    <message>
        <source>Remove the {network} channel {handle}?</source>
        <translation>Kanal {handle} ({network}) entfernen?</translation>
    </message>
    <message>
        <source>Remove the {network} channel?</source>
        <translation>Diesen Kanal ({network}) entfernen?</translation>
    </message>
    <message>
        <source>That profile link is not a web address, so it was not opened.</source>
        <translation>Dieser Profil-Link ist keine Webadresse und wurde daher nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>open the first match (in the search box)</source>
        <translation>den ersten Treffer öffnen (im Suchfeld)</translation>
    </message>
    <message>
        <source>Search names, companies, notes and tags…</source>
        <translation>Namen, Firmen, Notizen und Schlagwörter durchsuchen…</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Kontakte durchsuchen</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>Nach Phase filtern</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle Phasen</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>Filter by health</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Any health</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Show archived contacts instead</source>
        <translation>Stattdessen archivierte Kontakte anzeigen</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>select several contacts</source>
        <translation>mehrere Kontakte auswählen</translation>
    </message>
    <message>
        <source>select every contact of the list</source>
        <translation>alle Kontakte der Liste auswählen</translation>
    </message>
    <message>
        <source>delete the selected contacts</source>
        <translation>die ausgewählten Kontakte löschen</translation>
    </message>
    <message>
        <source>triage: keep in touch every 7 / 14 / 30 / 60 / 90 days</source>
        <translation>Sichten: Kontakt halten alle 7 / 14 / 30 / 60 / 90 Tage</translation>
    </message>
    <message>
        <source>triage: not now / archive</source>
        <translation>Sichten: jetzt nicht / archivieren</translation>
    </message>
    <message>
        <source>triage: back to the previous contact (undo)</source>
        <translation>Sichten: zurück zum vorherigen Kontakt (rückgängig)</translation>
    </message>
    <message>
        <source>triage: stop</source>
        <translation>Sichten: beenden</translation>
    </message>
    <message>
        <source>Triage…</source>
        <translation>Sichten…</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Sammelaktionen</translation>
    </message>
    <message>
        <source>Change the selected contacts</source>
        <translation>Die ausgewählten Kontakte ändern</translation>
    </message>
    <message>
        <source>{n} imported contact waits for a keep-in-touch decision</source>
        <extracomment>Tooltip of the Contacts page&apos;s Triage… button</extracomment>
        <translation>{n} importierter Kontakt wartet auf eine Entscheidung zum Kontaktrhythmus</translation>
    </message>
    <message>
        <source>{n} imported contacts wait for a keep-in-touch decision</source>
        <translation>{n} importierte Kontakte warten auf eine Entscheidung zum Kontaktrhythmus</translation>
    </message>
    <message>
        <source>{n} contact match</source>
        <translation>{n} passender Kontakt</translation>
    </message>
    <message>
        <source>{n} contacts match</source>
        <translation>{n} passende Kontakte</translation>
    </message>
    <message>
        <source>{n} contact</source>
        <translation>{n} Kontakt</translation>
    </message>
    <message>
        <source>{n} contacts</source>
        <translation>{n} Kontakte</translation>
    </message>
    <message>
        <source>No contact matches. Clear the search or the filters.</source>
        <translation>Kein Kontakt passt. Leeren Sie die Suche oder setzen Sie die Filter zurück.</translation>
    </message>
    <message>
        <source>No archived contacts.</source>
        <translation>Keine archivierten Kontakte.</translation>
    </message>
    <message>
        <source>No contacts yet. Add one with New Contact (Ctrl+N), or import your contacts.</source>
        <translation>Noch keine Kontakte. Fügen Sie einen mit „Neuer Kontakt“ (Ctrl+N) hinzu oder importieren Sie Ihre Kontakte.</translation>
    </message>
    <message>
        <source>{count} · {n} selected</source>
        <extracomment>Contacts page, under the list: the count of contacts, then how many of them are selected</extracomment>
        <translation>{count} · {n} ausgewählt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>Schlagwort hinzufügen…</translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation>Schlagwort entfernen…</translation>
    </message>
    <message>
        <source>Set stage</source>
        <translation>Phase festlegen</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>Kontakt halten</translation>
    </message>
    <message>
        <source>Every {n} days</source>
        <translation>Alle {n} Tage</translation>
    </message>
    <message>
        <source>Every … days…</source>
        <translation>Alle … Tage…</translation>
    </message>
    <message>
        <source>Stage default</source>
        <translation>Standard der Phase</translation>
    </message>
    <message>
        <source>Don&apos;t flag (0)</source>
        <translation>Nicht markieren (0)</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Archivierung aufheben</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>None of the selected contacts has a tag.</source>
        <translation>Keiner der ausgewählten Kontakte hat ein Schlagwort.</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Schlagwort entfernen</translation>
    </message>
    <message>
        <source>Tag of the selected contact:</source>
        <translation>Schlagwort des ausgewählten Kontakts:</translation>
    </message>
    <message>
        <source>Tag of the {n} selected contacts:</source>
        <translation>Schlagwort der {n} ausgewählten Kontakte:</translation>
    </message>
    <message>
        <source>Keep in touch every how many days?</source>
        <translation>In welchem Abstand (in Tagen) möchten Sie Kontakt halten?</translation>
    </message>
    <message>
        <source>Delete {name} and everything recorded about them?</source>
        <translation>{name} und alles, was über diese Person erfasst ist, löschen?</translation>
    </message>
    <message>
        <source>Delete this contact and everything recorded about them?</source>
        <translation>Diesen Kontakt und alles, was darüber erfasst ist, löschen?</translation>
    </message>
    <message>
        <source>Delete {n} contacts and everything recorded about them?</source>
        <translation>{n} Kontakte und alles, was über sie erfasst ist, löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>Dies lässt sich mit Bearbeiten ▸ Rückgängig zurücknehmen.</translation>
    </message>
</context>
<context>
    <name>ContentDialog</name>
    <message>
        <source>Edit content item</source>
        <translation>Inhalt bearbeiten</translation>
    </message>
    <message>
        <source>Add content item</source>
        <translation>Inhalt hinzufügen</translation>
    </message>
</context>
<context>
    <name>ContentEdit</name>
    <message>
        <source>Content item</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>What is it called?</source>
        <translation>Wie lautet der Titel?</translation>
    </message>
    <message>
        <source>&amp;Link or file</source>
        <translation>&amp;Link oder Datei</translation>
    </message>
    <message>
        <source>Link or file</source>
        <translation>Link oder Datei</translation>
    </message>
    <message>
        <source>https://… or a file path</source>
        <translation>https://… oder ein Dateipfad</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>&amp;Origin</source>
        <translation>&amp;Herkunft</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>&amp;Author or source</source>
        <translation>A&amp;utor oder Quelle</translation>
    </message>
    <message>
        <source>Author or source</source>
        <translation>Autor oder Quelle</translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <translation>The&amp;men</translation>
    </message>
    <message>
        <source>Topics, separated by commas</source>
        <translation>Themen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>fintech, finance, hiring</source>
        <translation>Fintech, Finanzen, Recruiting</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>What it says and who it helps</source>
        <translation>Worum es geht und wem es hilft</translation>
    </message>
</context>
<context>
    <name>ContentModel</name>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Weitergaben</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Reaktionsquote</translation>
    </message>
    <message>
        <source>Last shared</source>
        <translation>Zuletzt weitergegeben</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Never shared</source>
        <translation>Nie weitergegeben</translation>
    </message>
    <message>
        <source>{responded} of {n} share got a response</source>
        <translation>Reaktion auf {responded} von {n} Weitergabe</translation>
    </message>
    <message>
        <source>{responded} of {n} shares got a response</source>
        <translation>Reaktion auf {responded} von {n} Weitergaben</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Content</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>delete the selected item</source>
        <translation>den ausgewählten Eintrag löschen</translation>
    </message>
    <message>
        <source>Search title, author or topic…</source>
        <translation>Titel, Autor oder Thema suchen…</translation>
    </message>
    <message>
        <source>Search the content library</source>
        <translation>Inhaltsbibliothek durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Open &amp;link</source>
        <translation>Link ö&amp;ffnen</translation>
    </message>
    <message>
        <source>S&amp;hare with…</source>
        <translation>&amp;Weitergeben an…</translation>
    </message>
    <message>
        <source>Content library</source>
        <translation>Inhaltsbibliothek</translation>
    </message>
    <message>
        <source>Summary of the item</source>
        <translation>Zusammenfassung des Eintrags</translation>
    </message>
    <message>
        <source>Who it was shared with</source>
        <translation>An wen der Eintrag weitergegeben wurde</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Weitergegeben an</translation>
    </message>
    <message>
        <source>Nothing in the library matches your search.</source>
        <translation>Nichts in der Bibliothek passt zu Ihrer Suche.</translation>
    </message>
    <message>
        <source>Your content library is empty. Add articles, videos or e-books worth sharing with “Add…”.</source>
        <translation>Ihre Inhaltsbibliothek ist leer. Fügen Sie mit „Hinzufügen…“ Artikel, Videos oder E-Books hinzu, die sich zum Weitergeben lohnen.</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>Kein Eintrag ausgewählt</translation>
    </message>
    <message>
        <source>by {author}</source>
        <translation>von {author}</translation>
    </message>
    <message>
        <source>topics: {topics}</source>
        <translation>Themen: {topics}</translation>
    </message>
    <message>
        <source>No link</source>
        <translation>Kein Link</translation>
    </message>
    <message>
        <source>No summary.</source>
        <translation>Keine Zusammenfassung.</translation>
    </message>
    <message>
        <source>Not shared with anyone yet — use “Share with…”.</source>
        <translation>Noch an niemanden weitergegeben – verwenden Sie „Weitergeben an…“.</translation>
    </message>
    <message>
        <source>Shared {n} time ({rate} got a response) — double-click to open the contact</source>
        <translation>{n} Mal weitergegeben ({rate} mit Reaktion) – Doppelklick öffnet den Kontakt</translation>
    </message>
    <message>
        <source>Shared {n} times ({rate} got a response) — double-click to open the contact</source>
        <translation>{n} Mal weitergegeben ({rate} mit Reaktion) – Doppelklick öffnet den Kontakt</translation>
    </message>
    <message>
        <source>It was never shared.</source>
        <translation>Der Eintrag wurde nie weitergegeben.</translation>
    </message>
    <message>
        <source>It was shared {n} time; that share goes with it.</source>
        <translation>Der Eintrag wurde {n} Mal weitergegeben; diese Weitergabe wird mit gelöscht.</translation>
    </message>
    <message>
        <source>It was shared {n} times; those shares go with it.</source>
        <translation>Der Eintrag wurde {n} Mal weitergegeben; diese Weitergaben werden mit gelöscht.</translation>
    </message>
    <message>
        <source>Delete “{title}” from the library?</source>
        <translation>„{title}“ aus der Bibliothek löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>This item&apos;s link is not a web address (http:// or https://), so Deal Journal does not open it.</source>
        <translation>Der Link dieses Eintrags ist keine Webadresse (http:// oder https://), daher öffnet Deal Journal ihn nicht.</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <source>Computer</source>
        <extracomment>Told after Preferences ▸ Sync saved; the main window connects its syncer to it.</extracomment>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Change files</source>
        <translation>Änderungsdateien</translation>
    </message>
    <message>
        <source>{name} (this computer)</source>
        <translation>{name} (dieser Computer)</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The contacts are in your journal.</source>
        <translation>Die Kontakte sind jetzt in Ihrem Journal.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>der Datei</translation>
    </message>
    <message>
        <source>Imported from {file}: {summary}.</source>
        <translation>Importiert aus {file}: {summary}.</translation>
    </message>
    <message>
        <source>A backup of the journal was taken first: {file}</source>
        <translation>Vorher wurde eine Sicherung des Journals erstellt: {file}</translation>
    </message>
    <message>
        <source>The journal was empty before, so no backup was needed.</source>
        <translation>Das Journal war vorher leer, daher war keine Sicherung nötig.</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>Do</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Fetching</name>
    <message>
        <source>no password given</source>
        <translation>kein Passwort angegeben</translation>
    </message>
    <message>
        <source>{n} touch</source>
        <translation>{n} Kontaktpunkt</translation>
    </message>
    <message>
        <source>{n} touches</source>
        <translation>{n} Kontaktpunkte</translation>
    </message>
    <message>
        <source>1 person in your calendars isn&apos;t in your journal — File ▸ Fetch Now to review</source>
        <translation>1 Mensch aus Ihren Kalendern ist nicht in Ihrem Journal – zum Durchsehen: Datei ▸ Jetzt abrufen</translation>
    </message>
    <message>
        <source>{n} people in your calendars aren&apos;t in your journal — File ▸ Fetch Now to review</source>
        <translation>{n} Menschen aus Ihren Kalendern sind nicht in Ihrem Journal – zum Durchsehen: Datei ▸ Jetzt abrufen</translation>
    </message>
    <message>
        <source>1 person in your mail isn&apos;t in your journal — File ▸ Fetch Now to review</source>
        <translation>1 Mensch aus Ihren Mails ist nicht in Ihrem Journal – zum Durchsehen: Datei ▸ Jetzt abrufen</translation>
    </message>
    <message>
        <source>{n} people in your mail aren&apos;t in your journal — File ▸ Fetch Now to review</source>
        <translation>{n} Menschen aus Ihren Mails sind nicht in Ihrem Journal – zum Durchsehen: Datei ▸ Jetzt abrufen</translation>
    </message>
    <message>
        <source>1 person in your mail and calendars isn&apos;t in your journal — File ▸ Fetch Now to review</source>
        <translation>1 Mensch aus Ihren Mails und Kalendern ist nicht in Ihrem Journal – zum Durchsehen: Datei ▸ Jetzt abrufen</translation>
    </message>
    <message>
        <source>{n} people in your mail and calendars aren&apos;t in your journal — File ▸ Fetch Now to review</source>
        <translation>{n} Menschen aus Ihren Mails und Kalendern sind nicht in Ihrem Journal – zum Durchsehen: Datei ▸ Jetzt abrufen</translation>
    </message>
    <message>
        <source>Fetched {touches} from {accounts}</source>
        <translation>{touches} abgerufen aus {accounts}</translation>
    </message>
    <message>
        <source>Fetch Now</source>
        <translation>Jetzt abrufen</translation>
    </message>
    <message>
        <source>Fetching {account}… ({n} read)</source>
        <extracomment>Fetch Now, while reading an account: its name, then how many messages or events were read</extracomment>
        <translation>Rufe {account} ab… ({n} gelesen)</translation>
    </message>
    <message>
        <source>Fetching {account}…</source>
        <translation>Rufe {account} ab…</translation>
    </message>
    <message>
        <source>{text} — {i} of {n}</source>
        <extracomment>Fetch Now with several accounts: &quot;Fetching Work mail… — 1 of 2&quot;</extracomment>
        <translation>{text} – {i} von {n}</translation>
    </message>
    <message>
        <source>Nothing could be fetched</source>
        <translation>Es konnte nichts abgerufen werden</translation>
    </message>
    <message>
        <source>Nothing was written. Check the account in Edit ▸ Preferences ▸ Accounts (Test Connection says what is wrong), or try again when you are online.</source>
        <translation>Es wurde nichts geschrieben. Prüfen Sie das Konto unter Bearbeiten ▸ Einstellungen ▸ Konten („Verbindung testen“ sagt, was nicht stimmt), oder versuchen Sie es wieder, wenn Sie online sind.</translation>
    </message>
    <message>
        <source>Nothing was written: the journal is exactly as it was.</source>
        <translation>Es wurde nichts geschrieben: Das Journal ist genau wie vorher.</translation>
    </message>
    <message>
        <source>{fetched} without asking</source>
        <translation>{fetched} ohne Nachfrage</translation>
    </message>
    <message>
        <source>{account} — not fetched: {reason}</source>
        <extracomment>Fetch Now&apos;s review, an account that could not be read: its name, then why</extracomment>
        <translation>{account} – nicht abgerufen: {reason}</translation>
    </message>
    <message>
        <source>{account} — {touches} added without asking, {already} already there</source>
        <translation>{account} – {touches} ohne Nachfrage hinzugefügt, {already} schon vorhanden</translation>
    </message>
    <message>
        <source>; the people below wait for you</source>
        <translation>; die Menschen unten warten auf Sie</translation>
    </message>
    <message>
        <source>{account} — {format}: {added} to add, {already} already there, {ignored} ignored</source>
        <extracomment>Fetch Now&apos;s review, one line per account: its name, its kind, what capture does with it</extracomment>
        <translation>{account} – {format}: {added} hinzuzufügen, {already} schon vorhanden, {ignored} ausgelassen</translation>
    </message>
    <message>
        <source>{account} — the people below wait for you</source>
        <translation>{account} – die Menschen unten warten auf Sie</translation>
    </message>
    <message>
        <source>{account}: nothing new</source>
        <translation>{account}: nichts Neues</translation>
    </message>
    <message>
        <source>{touches} added without asking</source>
        <translation>{touches} ohne Nachfrage hinzugefügt</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>Nichts Neues</translation>
    </message>
    <message>
        <source>Nothing was written for the accounts that were not fetched.</source>
        <translation>Für die Konten, die nicht abgerufen wurden, wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Fetched from {accounts}.</source>
        <translation>Abgerufen aus {accounts}.</translation>
    </message>
    <message>
        <source>{account} — not written: {reason}</source>
        <translation>{account} – nicht geschrieben: {reason}</translation>
    </message>
    <message>
        <source>Fetched {accounts}: {summary}</source>
        <translation>{accounts} abgerufen: {summary}</translation>
    </message>
    <message>
        <source>Last fetch failed: {account} — {reason}</source>
        <extracomment>The status bar after a fetch that failed: the account and why</extracomment>
        <translation>Letzter Abruf fehlgeschlagen: {account} – {reason}</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>Fetched {when}</source>
        <extracomment>The status bar: when the accounts were last fetched (&quot;Fetched 10:42&quot;)</extracomment>
        <translation>Abgerufen {when}</translation>
    </message>
    <message>
        <source>{account}: {when}</source>
        <translation>{account}: {when}</translation>
    </message>
    <message>
        <source>never fetched</source>
        <translation>nie abgerufen</translation>
    </message>
    <message>
        <source>Automatic fetch: say who you are first — File ▸ Fetch Now asks</source>
        <translation>Automatischer Abruf: Sagen Sie zuerst, wer Sie sind – Datei ▸ Jetzt abrufen fragt danach</translation>
    </message>
    <message>
        <source>Automatic fetch: no backup could be taken, so nothing was written: {error}</source>
        <translation>Automatischer Abruf: Es konnte keine Sicherung angelegt werden, daher wurde nichts geschrieben: {error}</translation>
    </message>
    <message>
        <source>New touches are waiting in {accounts} — File ▸ Fetch Now shows them</source>
        <translation>In {accounts} warten neue Kontaktpunkte – Datei ▸ Jetzt abrufen zeigt sie</translation>
    </message>
    <message>
        <source>Automatic fetch: {account} — {reason}</source>
        <translation>Automatischer Abruf: {account} – {reason}</translation>
    </message>
    <message>
        <source>Automatic fetch failed: {error}</source>
        <translation>Automatischer Abruf fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>The format is detected from the file; change it if the guess is wrong.</source>
        <translation>Das Format wird anhand der Datei erkannt; ändern Sie es, falls die Erkennung falsch ist.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Contact files (*.vcf *.vcard *.csv *.json *.txt);;vCard (*.vcf *.vcard);;CSV (*.csv);;Deal Journal JSON (*.json);;All files (*)</source>
        <translation>Kontaktdateien (*.vcf *.vcard *.csv *.json *.txt);;vCard (*.vcf *.vcard);;CSV (*.csv);;Deal Journal JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>There is no file at this place.</source>
        <translation>An diesem Ort gibt es keine Datei.</translation>
    </message>
    <message>
        <source>This is a folder; choose a file.</source>
        <translation>Dies ist ein Ordner; bitte wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>{file} cannot be read.</source>
        <translation>{file} kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>It will be read as {format}.</source>
        <translation>Sie wird als {format} gelesen.</translation>
    </message>
    <message>
        <source>Detected: {format} ({size}).</source>
        <translation>Erkannt: {format} ({size}).</translation>
    </message>
    <message>
        <source>On the next page you say which column holds what.</source>
        <translation>Auf der nächsten Seite legen Sie fest, welche Spalte was enthält.</translation>
    </message>
</context>
<context>
    <name>FollowUpReminder</name>
    <message>
        <source>1 follow-up or reminder is due today.</source>
        <translation>Heute ist 1 Wiedervorlage oder Erinnerung fällig.</translation>
    </message>
    <message>
        <source>{count} follow-ups or reminders are due today.</source>
        <translation>Heute sind {count} Wiedervorlagen oder Erinnerungen fällig.</translation>
    </message>
    <message>
        <source>{app}: {text}</source>
        <extracomment>The tray icon&apos;s tooltip: the application&apos;s name, then the reminder</extracomment>
        <translation>{app}: {text}</translation>
    </message>
    <message>
        <source>Show Follow-ups</source>
        <translation>Wiedervorlagen anzeigen</translation>
    </message>
    <message>
        <source>Hide This Icon</source>
        <translation>Dieses Symbol ausblenden</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>New Goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Edit Goal</source>
        <translation>Ziel bearbeiten</translation>
    </message>
</context>
<context>
    <name>GoalEdit</name>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>What are they trying to achieve?</source>
        <translation>Was möchte die Person erreichen?</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Termin:</translation>
    </message>
    <message>
        <source>&amp;Target date</source>
        <translation>&amp;Datum festlegen</translation>
    </message>
    <message>
        <source>Has a target date</source>
        <translation>Hat einen Zieltermin</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Zieltermin</translation>
    </message>
    <message>
        <source>&amp;Key drivers and details:</source>
        <translation>&amp;Beweggründe und Details:</translation>
    </message>
    <message>
        <source>Key drivers and details</source>
        <translation>Beweggründe und Details</translation>
    </message>
</context>
<context>
    <name>GoalModel</name>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>{day} — overdue</source>
        <translation>{day} – überfällig</translation>
    </message>
    <message>
        <source>Set on {day}</source>
        <translation>Festgelegt am {day}</translation>
    </message>
</context>
<context>
    <name>GoalsModel</name>
    <message>
        <source>achieved {day}</source>
        <translation>erreicht am {day}</translation>
    </message>
    <message>
        <source>achieved</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>dropped {day}</source>
        <translation>verworfen am {day}</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>overdue by {n} day</source>
        <translation>seit {n} Tag überfällig</translation>
    </message>
    <message>
        <source>overdue by {n} days</source>
        <translation>seit {n} Tagen überfällig</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>kein Zieldatum</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>in {n} day</source>
        <translation>in {n} Tag</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>in {n} Tagen</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The target date {day} has passed.</source>
        <translation>Das Zieldatum {day} ist überschritten.</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <source>Open goals</source>
        <translation>Offene Ziele</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>All goals</source>
        <translation>Alle Ziele</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>mark the selected goal achieved</source>
        <translation>ausgewähltes Ziel als erreicht markieren</translation>
    </message>
    <message>
        <source>Show which goals</source>
        <translation>Welche Ziele angezeigt werden</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <source>&amp;Open contact</source>
        <translation>&amp;Kontakt öffnen</translation>
    </message>
    <message>
        <source>Mark &amp;achieved</source>
        <translation>Als &amp;erreicht markieren</translation>
    </message>
    <message>
        <source>Mark &amp;dropped</source>
        <translation>Als &amp;verworfen markieren</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>No open goals. Add what a customer is trying to achieve on their page.</source>
        <translation>Keine offenen Ziele. Tragen Sie auf der Seite eines Kunden ein, was er erreichen möchte.</translation>
    </message>
    <message>
        <source>No goal achieved yet.</source>
        <translation>Noch kein Ziel erreicht.</translation>
    </message>
    <message>
        <source>No dropped goals.</source>
        <translation>Keine verworfenen Ziele.</translation>
    </message>
    <message>
        <source>No goals yet.</source>
        <translation>Noch keine Ziele.</translation>
    </message>
    <message>
        <source>Reopened: {goal}</source>
        <translation>Wieder geöffnet: {goal}</translation>
    </message>
    <message>
        <source>Achieved: {goal}</source>
        <translation>Erreicht: {goal}</translation>
    </message>
    <message>
        <source>Dropped: {goal}</source>
        <translation>Verworfen: {goal}</translation>
    </message>
</context>
<context>
    <name>HealthKeeper</name>
    <message>
        <source>Updating relationship health…</source>
        <translation>Beziehungsstatus wird aktualisiert…</translation>
    </message>
    <message>
        <source>Could not update relationship health (see the log)</source>
        <translation>Beziehungsstatus konnte nicht aktualisiert werden (siehe Protokoll)</translation>
    </message>
</context>
<context>
    <name>ImportDone</name>
    <message>
        <source>What was imported</source>
        <translation>Was importiert wurde</translation>
    </message>
    <message>
        <source>Backup taken before the import</source>
        <translation>Vor dem Import angelegte Sicherung</translation>
    </message>
    <message>
        <source>Show &amp;contacts</source>
        <translation>&amp;Kontakte anzeigen</translation>
    </message>
    <message>
        <source>Close and show the contacts</source>
        <translation>Schließen und Kontakte anzeigen</translation>
    </message>
</context>
<context>
    <name>ImportFile</name>
    <message>
        <source>Bring in contacts from a vCard file (phones, Apple Contacts, Thunderbird), LinkedIn&apos;s Connections.csv, a Google Contacts or Outlook export, any other CSV file with a header row, or a Deal Journal JSON file. Nothing is written until you have seen a preview.</source>
        <translation>Importieren Sie Kontakte aus einer vCard-Datei (Telefone, Apple Kontakte, Thunderbird), der Connections.csv von LinkedIn, einem Export aus Google Kontakte oder Outlook, einer beliebigen anderen CSV-Datei mit Kopfzeile oder einer JSON-Datei von Deal Journal. Es wird nichts geschrieben, bevor Sie eine Vorschau gesehen haben.</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>Choose a file, or drop one on the window</source>
        <translation>Datei auswählen oder auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>Detected format</source>
        <translation>Erkanntes Format</translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source>Say which column of the file holds what. The guesses come from the column names; choose &quot;(not in the file)&quot; for a field the file lacks. Several e-mails or phones in one cell may be separated by ; or ,</source>
        <translation>Geben Sie an, welche Spalte der Datei was enthält. Die Vorschläge stammen aus den Spaltennamen; wählen Sie „(nicht in der Datei)“ für ein Feld, das die Datei nicht enthält. Mehrere E-Mail-Adressen oder Telefonnummern in einer Zelle können durch ; oder , getrennt sein</translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>Column for Full name</source>
        <translation>Spalte für den vollständigen Namen</translation>
    </message>
    <message>
        <source>F&amp;irst name:</source>
        <translation>Vo&amp;rname:</translation>
    </message>
    <message>
        <source>Column for First name</source>
        <translation>Spalte für den Vornamen</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>Column for Last name</source>
        <translation>Spalte für den Nachnamen</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>Column for Company</source>
        <translation>Spalte für die Firma</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>Column for Job title</source>
        <translation>Spalte für die Position</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Column for E-mail</source>
        <translation>Spalte für die E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Column for Phone</source>
        <translation>Spalte für die Telefonnummer</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>We&amp;bsite:</translation>
    </message>
    <message>
        <source>Column for Website</source>
        <translation>Spalte für die Website</translation>
    </message>
    <message>
        <source>Loc&amp;ation:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>Column for Location</source>
        <translation>Spalte für den Ort</translation>
    </message>
    <message>
        <source>Note&amp;s:</source>
        <translation>Not&amp;izen:</translation>
    </message>
    <message>
        <source>Column for Notes</source>
        <translation>Spalte für die Notizen</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Sc&amp;hlagwörter:</translation>
    </message>
    <message>
        <source>Column for Tags</source>
        <translation>Spalte für die Schlagwörter</translation>
    </message>
    <message>
        <source>LinkedIn p&amp;rofile:</source>
        <translation>&amp;LinkedIn-Profil:</translation>
    </message>
    <message>
        <source>Column for LinkedIn profile</source>
        <translation>Spalte für das LinkedIn-Profil</translation>
    </message>
    <message>
        <source>What is still missing</source>
        <translation>Was noch fehlt</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Import summary</source>
        <translation>Zusammenfassung des Imports</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Datei wird gelesen</translation>
    </message>
    <message>
        <source>&amp;Stop reading</source>
        <translation>&amp;Lesen abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the file</source>
        <translation>Lesen der Datei abbrechen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Duplicates:</source>
        <translation>&amp;Duplikate:</translation>
    </message>
    <message>
        <source>What to do with duplicates</source>
        <translation>Umgang mit Duplikaten</translation>
    </message>
    <message>
        <source>Merge into the contact already there</source>
        <translation>Mit dem vorhandenen Kontakt zusammenführen</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Add them as new contacts</source>
        <translation>Als neue Kontakte hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Schlagwörter:</translation>
    </message>
    <message>
        <source>Tags for the new contacts</source>
        <translation>Schlagwörter für die neuen Kontakte</translation>
    </message>
    <message>
        <source>separated by commas, e.g. conference-2026, fintech</source>
        <translation>durch Kommas getrennt, z. B. konferenz-2026, fintech</translation>
    </message>
    <message>
        <source>St&amp;age:</source>
        <translation>Ph&amp;ase:</translation>
    </message>
    <message>
        <source>Stage of the new contacts</source>
        <translation>Phase der neuen Kontakte</translation>
    </message>
    <message>
        <source>&amp;Keep in touch:</source>
        <translation>&amp;Kontakt halten:</translation>
    </message>
    <message>
        <source>How often to keep in touch with the new contacts</source>
        <translation>Wie oft Sie mit den neuen Kontakten in Kontakt bleiben</translation>
    </message>
    <message>
        <source>Days between touches</source>
        <translation>Tage zwischen Kontaktpunkten</translation>
    </message>
    <message>
        <source>They are not flagged as quiet meanwhile. Contacts ▸ Triage… then asks, one key per contact, how often to keep in touch.</source>
        <translation>Bis dahin werden sie nicht als überfällig markiert. Unter Kontakte ▸ Sichten… legen Sie danach mit einer Taste pro Kontakt fest, wie oft Sie in Kontakt bleiben.</translation>
    </message>
    <message>
        <source>&amp;Rows of the file and what happens to each (click a column title to sort):</source>
        <translation>Z&amp;eilen der Datei und was mit jeder geschieht (zum Sortieren auf einen Spaltentitel klicken):</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>A&amp;nzeigen:</translation>
    </message>
    <message>
        <source>Which rows to list</source>
        <translation>Welche Zeilen aufgeführt werden</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Zeilen der Datei</translation>
    </message>
    <message>
        <source>&amp;Warnings:</source>
        <translation>Warn&amp;ungen:</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Import state</source>
        <translation>Importstatus</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>&amp;Stop import</source>
        <translation>Import &amp;stoppen</translation>
    </message>
    <message>
        <source>Stop the import; nothing is written</source>
        <translation>Import stoppen; es wird nichts geschrieben</translation>
    </message>
    <message>
        <source>The import is written all at once: stopping it leaves the journal exactly as it was.</source>
        <translation>Der Import wird in einem Schritt geschrieben: Wenn Sie ihn stoppen, bleibt das Journal genau so, wie es war.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>The import was stopped. Nothing was written: the journal is exactly as it was.</source>
        <translation>Der Import wurde abgebrochen. Es wurde nichts geschrieben: Das Journal ist unverändert.</translation>
    </message>
    <message>
        <source>&amp;Rows of the file and what happens to each (click a column title to sort):</source>
        <translation>Z&amp;eilen der Datei und was mit jeder geschieht (zum Sortieren auf einen Spaltentitel klicken):</translation>
    </message>
    <message>
        <source>Stage default</source>
        <translation>Standard der Phase</translation>
    </message>
    <message>
        <source>Every …</source>
        <translation>Alle …</translation>
    </message>
    <message>
        <source>Don&apos;t flag (0)</source>
        <translation>Nicht markieren (0)</translation>
    </message>
    <message>
        <source>Don&apos;t flag until I choose (triage them later)</source>
        <translation>Nicht markieren, bis ich entscheide (später sichten)</translation>
    </message>
    <message>
        <source>Import Contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>All activity</source>
        <translation>Alle Aktivitäten</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interaktionen</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Weitergaben</translation>
    </message>
    <message>
        <source>Stage changes</source>
        <translation>Phasenwechsel</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zeitraum wählen…</translation>
    </message>
    <message>
        <source>Any direction</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>→ Out (you reached out)</source>
        <translation>→ Ausgehend (Sie haben sich gemeldet)</translation>
    </message>
    <message>
        <source>← In (they reached out)</source>
        <translation>← Eingehend (die Person hat sich gemeldet)</translation>
    </message>
    <message>
        <source>↔ Mutual</source>
        <translation>↔ Beidseitig</translation>
    </message>
    <message>
        <source>· Notes</source>
        <translation>· Notizen</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>open the entry for editing (a stage change: its contact)</source>
        <translation>den Eintrag zum Bearbeiten öffnen (bei einem Phasenwechsel: den Kontakt)</translation>
    </message>
    <message>
        <source>delete the entry</source>
        <translation>den Eintrag löschen</translation>
    </message>
    <message>
        <source>Recent activity across everyone, newest first</source>
        <translation>Letzte Aktivitäten aller Kontakte, neueste zuerst</translation>
    </message>
    <message>
        <source>Show which kind of activity</source>
        <translation>Angezeigte Art von Aktivität</translation>
    </message>
    <message>
        <source>Show which direction</source>
        <translation>Angezeigte Richtung</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Search what was said: summaries, details, share notes</source>
        <translation>Durchsuchen, was gesagt wurde: Zusammenfassungen, Details, Notizen zu Weitergaben</translation>
    </message>
    <message>
        <source>Search the journal</source>
        <translation>Journal durchsuchen</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Show which period</source>
        <translation>Angezeigter Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Journaleinträge</translation>
    </message>
    <message>
        <source>Nothing matches this filter.</source>
        <translation>Nichts entspricht diesem Filter.</translation>
    </message>
    <message>
        <source>The journal is empty. Log an interaction (Ctrl+L) or share content to start it.</source>
        <translation>Das Journal ist leer. Erfassen Sie eine Interaktion (Ctrl+L) oder geben Sie Inhalte weiter, um es zu beginnen.</translation>
    </message>
    <message>
        <source>Open &amp;Contact</source>
        <translation>&amp;Kontakt öffnen</translation>
    </message>
</context>
<context>
    <name>LinkButton</name>
    <message>
        <source>Open {url}</source>
        <translation>{url} öffnen</translation>
    </message>
</context>
<context>
    <name>LogInteraction</name>
    <message>
        <source>Log Interaction</source>
        <translation>Interaktion erfassen</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Kontakt:</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Type part of a name or company</source>
        <translation>Teil eines Namens oder einer Firma eingeben</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Richtung:</translation>
    </message>
    <message>
        <source>&amp;Out → I reached out</source>
        <translation>Aus&amp;gehend → ich habe mich gemeldet</translation>
    </message>
    <message>
        <source>Direction: out, I reached out</source>
        <translation>Richtung: ausgehend, ich habe mich gemeldet</translation>
    </message>
    <message>
        <source>&amp;In ← they did</source>
        <translation>&amp;Eingehend ← die Person hat sich gemeldet</translation>
    </message>
    <message>
        <source>Direction: in, they reached out or answered</source>
        <translation>Richtung: eingehend, die Person hat sich gemeldet oder geantwortet</translation>
    </message>
    <message>
        <source>&amp;Mutual ⇄</source>
        <translation>&amp;Beidseitig ⇄</translation>
    </message>
    <message>
        <source>Direction: mutual, both took part</source>
        <translation>Richtung: beidseitig, beide waren beteiligt</translation>
    </message>
    <message>
        <source>&amp;Note ✎</source>
        <translation>&amp;Notiz ✎</translation>
    </message>
    <message>
        <source>Direction: private note, not a touch</source>
        <translation>Richtung: private Notiz, kein Kontaktpunkt</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Datum und Uhrzeit:</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>What happened, in a line</source>
        <translation>Was geschehen ist, in einer Zeile</translation>
    </message>
    <message>
        <source>De&amp;tails:</source>
        <translation>De&amp;tails:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Optional. Ctrl+Enter saves.</source>
        <translation>Optional. Ctrl+Enter speichert.</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>Z&amp;iel:</translation>
    </message>
    <message>
        <source>Goal this serves</source>
        <translation>Ziel, dem dies dient</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Wiedervorlage:</translation>
    </message>
    <message>
        <source>&amp;Follow up on</source>
        <translation>&amp;Wiedervorlage am</translation>
    </message>
    <message>
        <source>Plan a follow-up</source>
        <translation>Wiedervorlage planen</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Datum der Wiedervorlage</translation>
    </message>
</context>
<context>
    <name>LogInteractionDialog</name>
    <message>
        <source>{contact} (archived)</source>
        <extracomment>The direction a kind suggests while the user has not picked one (any other kind: out).</extracomment>
        <translation>{contact} (archiviert)</translation>
    </message>
    <message>
        <source>Add “{name}” as a new contact</source>
        <translation>„{name}“ als neuen Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Edit Interaction</source>
        <translation>Interaktion bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>No single contact matches “{text}”: pick one from the list.</source>
        <translation>Kein Kontakt passt eindeutig zu „{text}“: Bitte wählen Sie einen aus der Liste.</translation>
    </message>
    <message>
        <source>Interaction saved.</source>
        <translation>Interaktion gespeichert.</translation>
    </message>
    <message>
        <source>Choose the contact this entry is about.</source>
        <translation>Wählen Sie den Kontakt, um den es in diesem Eintrag geht.</translation>
    </message>
    <message>
        <source>No contact is called “{name}”. Add them as a new contact and log this entry for them?</source>
        <translation>Es gibt keinen Kontakt namens „{name}“. Als neuen Kontakt hinzufügen und diesen Eintrag dafür erfassen?</translation>
    </message>
    <message>
        <source>Add Contact and Log</source>
        <translation>Kontakt hinzufügen und erfassen</translation>
    </message>
    <message>
        <source>Interaction logged.</source>
        <translation>Interaktion erfasst.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Automatic backup failed: {error}</source>
        <translation>Automatische Sicherung fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>{journal} — {app}</source>
        <extracomment>The window title: the journal&apos;s file name, then the application&apos;s name</extracomment>
        <translation>{journal} — {app}</translation>
    </message>
    <message>
        <source>{state} · {n} conflict</source>
        <translation>{state} · {n} Konflikt</translation>
    </message>
    <message>
        <source>{state} · {n} conflicts</source>
        <translation>{state} · {n} Konflikte</translation>
    </message>
    <message>
        <source>{state} · update Deal Journal to read all changes</source>
        <translation>{state} · Deal Journal aktualisieren, um alle Änderungen zu lesen</translation>
    </message>
    <message>
        <source>Settle the values that differ between your computers</source>
        <translation>Die Werte klären, die sich zwischen Ihren Computern unterscheiden</translation>
    </message>
    <message>
        <source>Sync now ({keys})</source>
        <translation>Jetzt synchronisieren ({keys})</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Relationship map</source>
        <translation>Beziehungskarte</translation>
    </message>
    <message>
        <source>Point at a dot to see who it is; click it to open the contact.</source>
        <translation>Zeigen Sie auf einen Punkt, um zu sehen, wer es ist; klicken Sie darauf, um den Kontakt zu öffnen.</translation>
    </message>
    <message>
        <source>Showing the {drawn} contact that needs you most, of {total}.</source>
        <translation>Gezeigt wird der {drawn} von {total} Kontakten, der Sie am dringendsten braucht.</translation>
    </message>
    <message>
        <source>Showing the {drawn} contacts that need you most, of {total}.</source>
        <translation>Gezeigt werden die {drawn} von {total} Kontakten, die Sie am dringendsten brauchen.</translation>
    </message>
    <message>
        <source>{total} contact.</source>
        <translation>{total} Kontakt.</translation>
    </message>
    <message>
        <source>{total} contacts.</source>
        <translation>{total} Kontakte.</translation>
    </message>
    <message>
        <source>Hollow dots: no touch in the window.</source>
        <translation>Hohle Punkte: kein Kontaktpunkt im Zeitraum.</translation>
    </message>
    <message>
        <source>{n} with a cadence of 0 (never stale) is not drawn.</source>
        <translation>{n} Kontakt mit Kontaktrhythmus 0 (nie überfällig) wird nicht eingezeichnet.</translation>
    </message>
    <message>
        <source>{n} with a cadence of 0 (never stale) are not drawn.</source>
        <translation>{n} Kontakte mit Kontaktrhythmus 0 (nie überfällig) werden nicht eingezeichnet.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>(not in the file)</source>
        <translation>(nicht in der Datei)</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <source>Which column holds the name, the e-mail, the company…?</source>
        <translation>Welche Spalte enthält den Namen, die E-Mail-Adresse, die Firma …?</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>Choose the column of the full name, the first or last name, or the e-mail.</source>
        <translation>Wählen Sie die Spalte mit dem vollständigen Namen, dem Vor- oder Nachnamen oder der E-Mail-Adresse.</translation>
    </message>
</context>
<context>
    <name>MePage</name>
    <message>
        <source>Is this you?</source>
        <translation>Sind Sie das?</translation>
    </message>
    <message>
        <source>Addresses and names that may be yours</source>
        <translation>Adressen und Namen, die Ihnen gehören könnten</translation>
    </message>
    <message>
        <source>&amp;Other addresses, numbers or chat names of yours (one per line):</source>
        <translation>&amp;Weitere eigene Adressen, Nummern oder Chatnamen (eine pro Zeile):</translation>
    </message>
    <message>
        <source>Other identities of yours, one per line</source>
        <translation>Weitere eigene Identitäten, eine pro Zeile</translation>
    </message>
    <message>
        <source>What you sent counts as “out”, what others sent you as “in”. Your identities are kept in Edit ▸ Preferences ▸ Me.</source>
        <translation>Was Sie gesendet haben, zählt als „ausgehend“, was andere Ihnen gesendet haben, als „eingehend“. Ihre Identitäten stehen unter Bearbeiten ▸ Einstellungen ▸ Ich.</translation>
    </message>
    <message>
        <source>Your accounts say the addresses below are yours. Untick any that are not you, and add others you use.</source>
        <translation>Laut Ihren Konten gehören Ihnen die Adressen unten. Entfernen Sie den Haken bei allen, die nicht Sie sind, und ergänzen Sie weitere, die Sie verwenden.</translation>
    </message>
    <message>
        <source>These files say the addresses below are yours. Untick any that are not you, and add others you use.</source>
        <translation>Laut diesen Dateien gehören Ihnen die Adressen unten. Entfernen Sie den Haken bei allen, die nicht Sie sind, und ergänzen Sie weitere, die Sie verwenden.</translation>
    </message>
    <message>
        <source>Deal Journal doesn&apos;t know your own addresses yet. Tick the ones below that are you, or type them.</source>
        <translation>Deal Journal kennt Ihre eigenen Adressen noch nicht. Haken Sie unten die an, die Sie sind, oder tippen Sie sie ein.</translation>
    </message>
    <message>
        <source>Deal Journal doesn&apos;t know your own addresses yet. Type the ones you use.</source>
        <translation>Deal Journal kennt Ihre eigenen Adressen noch nicht. Tippen Sie die ein, die Sie verwenden.</translation>
    </message>
</context>
<context>
    <name>MergeContactDialog</name>
    <message>
        <source>Merge Into Another Contact</source>
        <translation>In einen anderen Kontakt zusammenführen</translation>
    </message>
    <message>
        <source>{name} goes into the contact you choose: that contact keeps its own fields, takes the ones it lacks, and gets every e-mail, phone, tag, channel, goal, touch and share of {name}. A backup is taken first; a merge cannot be undone with Undo.</source>
        <translation>{name} geht in dem Kontakt auf, den Sie wählen: Dieser behält seine eigenen Felder, übernimmt die ihm fehlenden und erhält jede E-Mail, Telefonnummer, jedes Schlagwort, jeden Kanal, jedes Ziel, jeden Kontaktpunkt und jede Weitergabe von {name}. Zuvor wird eine Sicherung angelegt; eine Zusammenführung lässt sich nicht mit Rückgängig aufheben.</translation>
    </message>
    <message>
        <source>Type a name or company</source>
        <translation>Einen Namen oder eine Firma eingeben</translation>
    </message>
    <message>
        <source>The contact that stays</source>
        <translation>Der Kontakt, der bleibt</translation>
    </message>
    <message>
        <source>&amp;Into:</source>
        <translation>&amp;In:</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <source>Capturing</source>
        <translation>Erfassen</translation>
    </message>
</context>
<context>
    <name>MonthlyTouchChart</name>
    <message>
        <source>Touches per month, inbound and outbound</source>
        <translation>Kontaktpunkte pro Monat, eingehend und ausgehend</translation>
    </message>
    <message>
        <source>{inbound} inbound and {outbound} outbound touches in the last month.</source>
        <translation>Kontaktpunkte im letzten Monat: {inbound} eingehend, {outbound} ausgehend.</translation>
    </message>
    <message>
        <source>{inbound} inbound and {outbound} outbound touches in the last {months} months.</source>
        <translation>Kontaktpunkte in den letzten {months} Monaten: {inbound} eingehend, {outbound} ausgehend.</translation>
    </message>
    <message>
        <source>{month}: {inbound} in, {outbound} out</source>
        <translation>{month}: {inbound} eingehend, {outbound} ausgehend</translation>
    </message>
    <message>
        <source>No touches in the last 12 months</source>
        <translation>Keine Kontaktpunkte in den letzten 12 Monaten</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>{month}: {inbound} inbound, {outbound} outbound</source>
        <translation>{month}: {inbound} eingehend, {outbound} ausgehend</translation>
    </message>
</context>
<context>
    <name>OrderPage</name>
    <message>
        <source>Day first or month first?</source>
        <translation>Zuerst der Tag oder zuerst der Monat?</translation>
    </message>
    <message>
        <source>&amp;Day first: 03/04 is the 3rd of April</source>
        <translation>&amp;Tag zuerst: 03/04 ist der 3. April</translation>
    </message>
    <message>
        <source>&amp;Month first: 03/04 is March 4th</source>
        <translation>&amp;Monat zuerst: 03/04 ist der 4. März</translation>
    </message>
    <message>
        <source>Dates in the file:</source>
        <translation>Daten in der Datei:</translation>
    </message>
</context>
<context>
    <name>PagedModel</name>
    <message>
        <source>(cannot show this entry)</source>
        <translation>(dieser Eintrag kann nicht angezeigt werden)</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Add as a contact</source>
        <translation>Als Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Address or handle</source>
        <translation>Adresse oder Kennung</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Is one of my contacts</source>
        <translation>Ist einer meiner Kontakte</translation>
    </message>
    <message>
        <source>Double-click (or {keys}) and type the name of the contact this person is</source>
        <translation>Doppelklicken (oder {keys}) und den Namen des Kontakts eingeben, der dieser Mensch ist</translation>
    </message>
    <message>
        <source>Tick to add {name} as a contact</source>
        <translation>Anhaken, um {name} als Kontakt hinzuzufügen</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Preference pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;Health</source>
        <translation>&amp;Beziehungsstatus</translation>
    </message>
    <message>
        <source>Relationship health</source>
        <translation>Beziehungsstatus</translation>
    </message>
    <message>
        <source>Loo&amp;k back over the last</source>
        <translation>&amp;Rückblick auf die letzten</translation>
    </message>
    <message>
        <source>Health window in days</source>
        <translation>Zeitraum in Tagen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep in touch at least every … (0 = never flag)</source>
        <translation>Mindestens alle … in Kontakt bleiben (0 = nie markieren)</translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation>&amp;Lead</translation>
    </message>
    <message>
        <source>Lead cadence in days</source>
        <translation>Kontaktrhythmus für Leads in Tagen</translation>
    </message>
    <message>
        <source>&amp;Engaged</source>
        <translation>&amp;Im Gespräch</translation>
    </message>
    <message>
        <source>Engaged cadence in days</source>
        <translation>Kontaktrhythmus für „Im Gespräch“ in Tagen</translation>
    </message>
    <message>
        <source>&amp;Opportunity</source>
        <translation>&amp;Chance</translation>
    </message>
    <message>
        <source>Opportunity cadence in days</source>
        <translation>Kontaktrhythmus für Chancen in Tagen</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>Customer cadence in days</source>
        <translation>Kontaktrhythmus für Kunden in Tagen</translation>
    </message>
    <message>
        <source>&amp;Advocate</source>
        <translation>&amp;Fürsprecher</translation>
    </message>
    <message>
        <source>Advocate cadence in days</source>
        <translation>Kontaktrhythmus für Fürsprecher in Tagen</translation>
    </message>
    <message>
        <source>&amp;Reminders</source>
        <translation>&amp;Erinnerungen</translation>
    </message>
    <message>
        <source>Follow-up reminders</source>
        <translation>Erinnerungen an Wiedervorlagen</translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when follow-ups or reminders are due</source>
        <translation>Desktop-Be&amp;nachrichtigung anzeigen, wenn Wiedervorlagen oder Erinnerungen fällig sind</translation>
    </message>
    <message>
        <source>Follow-up notifications</source>
        <translation>Benachrichtigungen zu Wiedervorlagen</translation>
    </message>
    <message>
        <source>Also while Deal Journal is &amp;closed (a small helper starts when you log in)</source>
        <translation>Auch wenn Deal Journal &amp;geschlossen ist (beim Anmelden startet ein kleines Hilfsprogramm)</translation>
    </message>
    <message>
        <source>Remind while the window is closed</source>
        <translation>Auch bei geschlossenem Fenster erinnern</translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation>Uhr&amp;zeit:</translation>
    </message>
    <message>
        <source>Notification time of day</source>
        <translation>Uhrzeit der Benachrichtigung</translation>
    </message>
    <message>
        <source>Once a day, at or after this time. The notification says only how many follow-ups and reminders are due, never who they are with. Clicking it opens Today.</source>
        <translation>Einmal täglich, zu oder nach dieser Uhrzeit. Die Benachrichtigung nennt nur die Anzahl der fälligen Wiedervorlagen und Erinnerungen, nie die Personen, um die es geht. Ein Klick darauf öffnet „Heute“.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Sprache der Benutzeroberfläche</translation>
    </message>
    <message>
        <source>The language changes the next time Deal Journal starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Deal Journal.</translation>
    </message>
    <message>
        <source>This desktop has no system tray: the reminder appears in the window&apos;s status bar and title instead.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich: Die Erinnerung erscheint stattdessen in der Statusleiste und im Titel des Fensters.</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sicherungen</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Aufzubewahrende Sicherungen</translation>
    </message>
    <message>
        <source>Deal Journal backs the journal up when it has changed: on opening, every 30 minutes and on closing. It keeps all of today&apos;s backups and, of the older ones, the newest of each of the last:</source>
        <translation>Deal Journal sichert das Journal, wenn es sich geändert hat: beim Öffnen, alle 30 Minuten und beim Schließen. Es behält alle Sicherungen von heute und von den älteren jeweils die neueste der letzten:</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Tage</translation>
    </message>
    <message>
        <source>Daily backups to keep</source>
        <translation>Aufzubewahrende tägliche Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Weeks</source>
        <translation>&amp;Wochen</translation>
    </message>
    <message>
        <source>Weekly backups to keep</source>
        <translation>Aufzubewahrende wöchentliche Sicherungen</translation>
    </message>
    <message>
        <source>&amp;Months</source>
        <translation>&amp;Monate</translation>
    </message>
    <message>
        <source>Monthly backups to keep</source>
        <translation>Aufzubewahrende monatliche Sicherungen</translation>
    </message>
    <message>
        <source>Backups keep a deleted contact&apos;s data until they are thinned out: keeping fewer makes it disappear sooner.</source>
        <translation>Sicherungen enthalten die Daten gelöschter Kontakte, bis sie ausgedünnt werden: Je weniger Sie aufbewahren, desto früher sind diese Daten verschwunden.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>&amp;Same as the system</source>
        <translation>&amp;Vom System übernehmen</translation>
    </message>
    <message>
        <source>System theme</source>
        <translation>Design des Systems</translation>
    </message>
    <message>
        <source>L&amp;ight</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>Helles Design</translation>
    </message>
    <message>
        <source>Dar&amp;k</source>
        <translation>D&amp;unkel</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dunkles Design</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Me</source>
        <translation>&amp;Ich</translation>
    </message>
    <message>
        <source>Acco&amp;unts</source>
        <translation>Kont&amp;en</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>Your own e-mail addresses, phone numbers, profile URLs (LinkedIn) and the names you have in chats. When Deal Journal captures conversations, a message from one of them is yours (out); a message to you is the other person&apos;s (in).</source>
        <translation>Ihre eigenen E-Mail-Adressen, Telefonnummern, Profiladressen (LinkedIn) und die Namen, die Sie in Chats tragen. Wenn Deal Journal Unterhaltungen erfasst, ist eine Nachricht von einer davon Ihre (ausgehend); eine Nachricht an Sie gehört dem anderen Menschen (eingehend).</translation>
    </message>
    <message>
        <source>&amp;Identities (one per line):</source>
        <translation>&amp;Identitäten (eine pro Zeile):</translation>
    </message>
    <message>
        <source>Your identities, one per line</source>
        <translation>Ihre Identitäten, eine pro Zeile</translation>
    </message>
    <message>
        <source>Phone region</source>
        <translation>Telefonregion</translation>
    </message>
    <message>
        <source>&amp;Phone numbers without +country are in:</source>
        <translation>&amp;Telefonnummern ohne +Land gelten für:</translation>
    </message>
    <message>
        <source>Numbers are compared in their international form (+49…), so &quot;0170 1234567&quot; in a chat and &quot;+49 170 1234567&quot; on a contact are the same number.</source>
        <translation>Nummern werden in internationaler Form (+49…) verglichen, daher sind „0170 1234567“ in einem Chat und „+49 170 1234567“ bei einem Kontakt dieselbe Nummer.</translation>
    </message>
    <message>
        <source>From your system&apos;s region ({country})</source>
        <translation>Aus der Region Ihres Systems ({country})</translation>
    </message>
    <message>
        <source>From your system&apos;s region (none set: numbers need +country)</source>
        <translation>Aus der Region Ihres Systems (keine eingestellt: Nummern brauchen +Land)</translation>
    </message>
    <message>
        <source>{country} ({code})</source>
        <extracomment>Preferences ▸ Me ▸ phone region: a country&apos;s name and its two-letter code</extracomment>
        <translation>{country} ({code})</translation>
    </message>
    <message>
        <source>The reminder helper could not be set up: {error}</source>
        <translation>Das Hilfsprogramm für Erinnerungen konnte nicht eingerichtet werden: {error}</translation>
    </message>
    <message>
        <source>Open a journal first: most preferences are kept in the journal.</source>
        <translation>Öffnen Sie zuerst ein Journal: Die meisten Einstellungen werden im Journal gespeichert.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Check what the import will do.</source>
        <translation>Noch wurde nichts geschrieben. Prüfen Sie, was der Import bewirken wird.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source> day</source>
        <extracomment>After the number in the new contacts&apos; &quot;Keep in touch: Every … [30] days&quot; box</extracomment>
        <translation> Tag</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>The new contact gets</source>
        <translation>Der neue Kontakt erhält</translation>
    </message>
    <message>
        <source>The {n} new contacts get</source>
        <translation>Die {n} neuen Kontakte erhalten</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Duplikate werden gesucht…</translation>
    </message>
    <message>
        <source>{title} ({n}):</source>
        <translation>{title} ({n}):</translation>
    </message>
    <message>
        <source>A valid Deal Journal file. Every record in it is added as a new one: importing the same file twice gives every contact twice.</source>
        <translation>Eine gültige Deal-Journal-Datei. Jeder Datensatz darin wird neu hinzugefügt: Wenn Sie dieselbe Datei zweimal importieren, ist jeder Kontakt doppelt vorhanden.</translation>
    </message>
    <message>
        <source>{summary} — nothing to import.</source>
        <translation>{summary} – nichts zu importieren.</translation>
    </message>
    <message>
        <source>The file holds no contacts.</source>
        <translation>Die Datei enthält keine Kontakte.</translation>
    </message>
    <message>
        <source>{n} contact</source>
        <translation>{n} Kontakt</translation>
    </message>
    <message>
        <source>{n} contacts</source>
        <translation>{n} Kontakte</translation>
    </message>
    <message>
        <source>{n} content item</source>
        <translation>{n} Inhalt</translation>
    </message>
    <message>
        <source>{n} content items</source>
        <translation>{n} Inhalte</translation>
    </message>
    <message>
        <source>{n} share</source>
        <translation>{n} Weitergabe</translation>
    </message>
    <message>
        <source>{n} shares</source>
        <translation>{n} Weitergaben</translation>
    </message>
    <message>
        <source>{n} interaction</source>
        <translation>{n} Interaktion</translation>
    </message>
    <message>
        <source>{n} interactions</source>
        <translation>{n} Interaktionen</translation>
    </message>
    <message>
        <source>{n} goal</source>
        <translation>{n} Ziel</translation>
    </message>
    <message>
        <source>{n} goals</source>
        <translation>{n} Ziele</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>Nothing can be imported.</source>
        <translation>Es kann nichts importiert werden.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Go back to choose another file or format.</source>
        <translation>Gehen Sie zurück, um eine andere Datei oder ein anderes Format zu wählen.</translation>
    </message>
    <message>
        <source>Reading was stopped.</source>
        <translation>Das Lesen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Nothing was read or written. Go back to choose another file, or press Next again.</source>
        <translation>Es wurde nichts gelesen oder geschrieben. Gehen Sie zurück, um eine andere Datei zu wählen, oder klicken Sie erneut auf „Weiter“.</translation>
    </message>
</context>
<context>
    <name>ReachBox</name>
    <message>
        <source>Reach</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>met via</source>
        <translation>kennengelernt über</translation>
    </message>
    <message>
        <source>No e-mail or phone yet — Edit ({keys}) to add them.</source>
        <translation>Noch keine E-Mail-Adresse oder Telefonnummer – zum Hinzufügen bearbeiten ({keys}).</translation>
    </message>
</context>
<context>
    <name>ReadingPage</name>
    <message>
        <source>Reading the files…</source>
        <translation>Die Dateien werden gelesen…</translation>
    </message>
    <message>
        <source>Fetching from your accounts…</source>
        <translation>Rufe aus Ihren Konten ab…</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>Fortschritt beim Lesen</translation>
    </message>
    <message>
        <source>Fetching progress</source>
        <translation>Fortschritt des Abrufs</translation>
    </message>
    <message>
        <source>Only the headers of your mail and your calendars&apos; events are read. Nothing is written until you have seen what was fetched, except the touches of accounts you set to add them without asking. Cancel stops fetching.</source>
        <translation>Gelesen werden nur die Kopfzeilen Ihrer Mails und die Termine Ihrer Kalender. Nichts wird geschrieben, bevor Sie gesehen haben, was abgerufen wurde – außer den Kontaktpunkten von Konten, die sie ohne Nachfrage hinzufügen sollen. „Abbrechen“ beendet den Abruf.</translation>
    </message>
    <message>
        <source>Nothing is written until you have seen what the files hold. Cancel stops reading.</source>
        <translation>Nichts wird geschrieben, bevor Sie gesehen haben, was die Dateien enthalten. „Abbrechen“ beendet das Lesen.</translation>
    </message>
</context>
<context>
    <name>RelationshipMap</name>
    <message>
        <source>Relationship map</source>
        <translation>Beziehungskarte</translation>
    </message>
    <message>
        <source>One dot per contact: to the right, quieter than its cadence; low, you do the talking; high, they do. Click a dot to open the contact.</source>
        <translation>Ein Punkt pro Kontakt: je weiter rechts, desto länger über dem Kontaktrhythmus; unten melden Sie sich, oben meldet sich die Gegenseite. Klicken Sie auf einen Punkt, um den Kontakt zu öffnen.</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}&#xa0;%</translation>
    </message>
    <message>
        <source>no touch in the window</source>
        <translation>kein Kontaktpunkt im Zeitraum</translation>
    </message>
    <message>
        <source>{percent}% of touches from them</source>
        <translation>{percent}&#xa0;% der Kontaktpunkte von der Gegenseite</translation>
    </message>
    <message>
        <source>{n} day quiet, cadence {cadence}</source>
        <translation>{n} Tag ohne Kontakt, Kontaktrhythmus {cadence}</translation>
    </message>
    <message>
        <source>{n} days quiet, cadence {cadence}</source>
        <translation>{n} Tage ohne Kontakt, Kontaktrhythmus {cadence}</translation>
    </message>
    <message>
        <source>No contacts to map yet.</source>
        <translation>Noch keine Kontakte für die Karte.</translation>
    </message>
    <message>
        <source>Quiet: past the cadence</source>
        <translation>Ruhig: Kontaktrhythmus überschritten</translation>
    </message>
    <message>
        <source>They do all the reaching out</source>
        <translation>Nur die Gegenseite meldet sich</translation>
    </message>
    <message>
        <source>You do all the reaching out</source>
        <translation>Nur Sie melden sich</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Days quiet ÷ cadence</source>
        <translation>Tage ohne Kontakt ÷ Kontaktrhythmus</translation>
    </message>
    <message>
        <source>Touches from them</source>
        <translation>Kontaktpunkte der Gegenseite</translation>
    </message>
</context>
<context>
    <name>ReminderAgent</name>
    <message>
        <source>Deal Journal reminders</source>
        <translation>Erinnerungen von Deal Journal</translation>
    </message>
    <message>
        <source>Notifies of due follow-ups and reminders while Deal Journal is closed</source>
        <translation>Benachrichtigt über fällige Wiedervorlagen und Erinnerungen, während Deal Journal geschlossen ist</translation>
    </message>
    <message>
        <source>&amp;Open Deal Journal</source>
        <translation>Deal Journal ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit Reminders</source>
        <translation>Erinnerungen &amp;beenden</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>A reminder about {name}: it shows on Today when it is due (it is not a touch).</source>
        <translation>Eine Erinnerung zu {name}: Sie erscheint unter „Heute“, sobald sie fällig ist (sie ist kein Kontaktpunkt).</translation>
    </message>
    <message>
        <source>New Reminder</source>
        <translation>Neue Erinnerung</translation>
    </message>
    <message>
        <source>Edit Reminder</source>
        <translation>Erinnerung bearbeiten</translation>
    </message>
</context>
<context>
    <name>ReminderEdit</name>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Remind me &amp;to:</source>
        <translation>&amp;Woran erinnern:</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>e.g. send the revised proposal</source>
        <translation>z. B. das überarbeitete Angebot senden</translation>
    </message>
    <message>
        <source>&amp;On:</source>
        <translation>&amp;Am:</translation>
    </message>
    <message>
        <source>Reminder date</source>
        <translation>Datum der Erinnerung</translation>
    </message>
</context>
<context>
    <name>ResponseEditor</name>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Response date</source>
        <translation>Datum der Reaktion</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Touches to add</source>
        <translation>Hinzuzufügende Kontaktpunkte</translation>
    </message>
    <message>
        <source>Touches to add, by contact</source>
        <translation>Hinzuzufügende Kontaktpunkte, nach Kontakt</translation>
    </message>
    <message>
        <source>Ignored — not touches</source>
        <translation>Ausgelassen – keine Kontaktpunkte</translation>
    </message>
    <message>
        <source>People you talk to who aren&apos;t in your journal</source>
        <translation>Menschen, mit denen Sie sprechen, die nicht in Ihrem Journal sind</translation>
    </message>
    <message>
        <source>People who aren&apos;t in your journal</source>
        <translation>Menschen, die nicht in Ihrem Journal sind</translation>
    </message>
    <message>
        <source>Tick the people to add as contacts (with their address or handle). If someone is already in your journal under another address or name, say which contact they are instead.</source>
        <translation>Haken Sie die Menschen an, die als Kontakte hinzugefügt werden sollen (mit ihrer Adresse oder Kennung). Steht jemand schon unter einer anderen Adresse oder einem anderen Namen in Ihrem Journal, sagen Sie stattdessen, welcher Kontakt das ist.</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>&amp;Keine auswählen</translation>
    </message>
    <message>
        <source>&amp;This Is One of My Contacts…</source>
        <translation>&amp;Das ist einer meiner Kontakte…</translation>
    </message>
    <message>
        <source>Name the contact the selected person is; their touches go to that contact, and the name or address is remembered</source>
        <translation>Nennen Sie den Kontakt, der der ausgewählte Mensch ist; seine Kontaktpunkte gehen an diesen Kontakt, und der Name oder die Adresse wird gemerkt</translation>
    </message>
    <message>
        <source>People you talk to who aren&apos;t in your journal ({n})</source>
        <translation>Menschen, mit denen Sie sprechen, die nicht in Ihrem Journal sind ({n})</translation>
    </message>
    <message>
        <source>Nothing was ignored.</source>
        <translation>Nichts wurde ausgelassen.</translation>
    </message>
    <message>
        <source>Ignored — not touches ({n})</source>
        <translation>Ausgelassen – keine Kontaktpunkte ({n})</translation>
    </message>
    <message>
        <source>{file} — {format}: {added} to add, {already} already there, {ignored} ignored</source>
        <extracomment>Capture review, one line per file: its name, its format, then what capture does with it</extracomment>
        <translation>{file} – {format}: {added} hinzuzufügen, {already} schon vorhanden, {ignored} ausgelassen</translation>
    </message>
    <message>
        <source>{file} — not read: {reason}</source>
        <translation>{file} – nicht gelesen: {reason}</translation>
    </message>
    <message>
        <source>Already in your journal: {n} touch of what was fetched.</source>
        <translation>Schon in Ihrem Journal: {n} Kontaktpunkt des Abgerufenen.</translation>
    </message>
    <message>
        <source>Already in your journal: {n} touches of what was fetched.</source>
        <translation>Schon in Ihrem Journal: {n} Kontaktpunkte des Abgerufenen.</translation>
    </message>
    <message>
        <source>Already in your journal: nothing from these files yet.</source>
        <translation>Schon in Ihrem Journal: noch nichts aus diesen Dateien.</translation>
    </message>
    <message>
        <source>Already in your journal: {n} touch from these files.</source>
        <translation>Schon in Ihrem Journal: {n} Kontaktpunkt aus diesen Dateien.</translation>
    </message>
    <message>
        <source>Already in your journal: {n} touches from these files.</source>
        <translation>Schon in Ihrem Journal: {n} Kontaktpunkte aus diesen Dateien.</translation>
    </message>
    <message>
        <source>Nothing new for the contacts in your journal.</source>
        <translation>Nichts Neues für die Kontakte in Ihrem Journal.</translation>
    </message>
    <message>
        <source>No one fetched is in your journal yet: tick the people below to add them.</source>
        <translation>Niemand aus dem Abgerufenen ist schon in Ihrem Journal: Haken Sie unten die Menschen an, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>No one in these files is in your journal yet: tick the people below to add them.</source>
        <translation>Niemand aus diesen Dateien ist schon in Ihrem Journal: Haken Sie unten die Menschen an, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Nothing fetched is a touch with anyone.</source>
        <translation>Nichts Abgerufenes ist ein Kontaktpunkt mit jemandem.</translation>
    </message>
    <message>
        <source>Nothing in these files is a touch with anyone.</source>
        <translation>Nichts in diesen Dateien ist ein Kontaktpunkt mit jemandem.</translation>
    </message>
    <message>
        <source>Capture adds {n} touch</source>
        <translation>Das Erfassen fügt {n} Kontaktpunkt hinzu</translation>
    </message>
    <message>
        <source>Capture adds {n} touches</source>
        <translation>Das Erfassen fügt {n} Kontaktpunkte hinzu</translation>
    </message>
    <message>
        <source>{text} for {n} contact</source>
        <translation>{text} für {n} Kontakt</translation>
    </message>
    <message>
        <source>{text} for {n} contacts</source>
        <translation>{text} für {n} Kontakte</translation>
    </message>
    <message>
        <source>{text}, and 1 new contact</source>
        <translation>{text} und 1 neuen Kontakt</translation>
    </message>
    <message>
        <source>{text}, and {n} new contacts</source>
        <translation>{text} und {n} neue Kontakte</translation>
    </message>
    <message>
        <source>Everything fetched is already in your journal.</source>
        <translation>Alles Abgerufene ist schon in Ihrem Journal.</translation>
    </message>
    <message>
        <source>Everything in these files is already in your journal.</source>
        <translation>Alles aus diesen Dateien ist schon in Ihrem Journal.</translation>
    </message>
    <message>
        <source>Everything with your contacts is already in your journal.</source>
        <translation>Alles mit Ihren Kontakten ist schon in Ihrem Journal.</translation>
    </message>
    <message>
        <source>No one fetched is in your journal yet.</source>
        <translation>Niemand aus dem Abgerufenen ist schon in Ihrem Journal.</translation>
    </message>
    <message>
        <source>No one in these files is in your journal yet.</source>
        <translation>Niemand aus diesen Dateien ist schon in Ihrem Journal.</translation>
    </message>
    <message>
        <source>There is nothing new to capture in your accounts.</source>
        <translation>In Ihren Konten gibt es nichts Neues zu erfassen.</translation>
    </message>
    <message>
        <source>There is nothing to capture in these files.</source>
        <translation>In diesen Dateien gibt es nichts zu erfassen.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Writing to the journal.</source>
        <translation>Daten werden ins Journal geschrieben.</translation>
    </message>
    <message>
        <source>Taking a backup of the journal first…</source>
        <translation>Zuerst wird eine Sicherung des Journals angelegt…</translation>
    </message>
    <message>
        <source>Nothing was imported: no backup could be taken. {error}</source>
        <translation>Nichts wurde importiert: Es konnte keine Sicherung angelegt werden. {error}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>Stopping… nothing will be written.</source>
        <translation>Wird abgebrochen… es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>der Datei</translation>
    </message>
    <message>
        <source>Imported {file}: {summary}</source>
        <translation>Aus {file} importiert: {summary}</translation>
    </message>
</context>
<context>
    <name>SampleBar</name>
    <message>
        <source>Sample journal</source>
        <translation>Beispieljournal</translation>
    </message>
    <message>
        <source>This is a sample — changes are thrown away.</source>
        <translation>Dies ist ein Beispiel — Änderungen werden verworfen.</translation>
    </message>
    <message>
        <source>&amp;Back to my journal</source>
        <translation>&amp;Zurück zu meinem Journal</translation>
    </message>
</context>
<context>
    <name>SectionView</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Open the contact (Enter)</source>
        <translation>Kontakt öffnen (Enter)</translation>
    </message>
    <message>
        <source>&amp;Log a touch</source>
        <translation>&amp;Kontaktpunkt erfassen</translation>
    </message>
    <message>
        <source>Log a touch</source>
        <translation>Kontaktpunkt erfassen</translation>
    </message>
    <message>
        <source>Log that you reached out today, in one step (undoable)</source>
        <translation>In einem Schritt erfassen, dass Sie sich heute gemeldet haben (lässt sich rückgängig machen)</translation>
    </message>
    <message>
        <source>…and {more} more (the {shown} that need you most are listed).</source>
        <comment>one more</comment>
        <translation>…und {more} weiterer Eintrag (aufgeführt sind die {shown} dringendsten).</translation>
    </message>
    <message>
        <source>…and {more} more (the {shown} that need you most are listed).</source>
        <comment>several more</comment>
        <translation>…und {more} weitere Einträge (aufgeführt sind die {shown} dringendsten).</translation>
    </message>
    <message>
        <source>Open contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <source>Share content</source>
        <translation>Inhalt weitergeben</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Weitergeben</translation>
    </message>
    <message>
        <source>Content item to share</source>
        <translation>Weiterzugebender Inhalt</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>An wen</translation>
    </message>
    <message>
        <source>&amp;Find a contact (Enter adds the highlighted one)</source>
        <translation>&amp;Kontakt suchen (Enter fügt den markierten hinzu)</translation>
    </message>
    <message>
        <source>Find a contact by name or company</source>
        <translation>Kontakt nach Name oder Firma suchen</translation>
    </message>
    <message>
        <source>Type a name or company…</source>
        <translation>Name oder Firma eingeben…</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>Passende Kontakte</translation>
    </message>
    <message>
        <source>Suggested for this item</source>
        <translation>Vorschläge für diesen Inhalt</translation>
    </message>
    <message>
        <source>S&amp;uggestions: their tags or open goals match its topics</source>
        <translation>&amp;Vorschläge: Schlagwörter oder offene Ziele passen zu den Themen des Inhalts</translation>
    </message>
    <message>
        <source>Suggested contacts</source>
        <translation>Vorgeschlagene Kontakte</translation>
    </message>
    <message>
        <source>Sharing &amp;with</source>
        <translation>Weitergeben &amp;an</translation>
    </message>
    <message>
        <source>Contacts to share with (uncheck to remove)</source>
        <translation>Kontakte, an die weitergegeben wird (Häkchen entfernen, um sie zu entfernen)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Date shared</source>
        <translation>Datum der Weitergabe</translation>
    </message>
    <message>
        <source>&amp;Via</source>
        <translation>&amp;Über</translation>
    </message>
    <message>
        <source>Shared via</source>
        <translation>Weitergegeben über</translation>
    </message>
    <message>
        <source>&amp;Goal it serves</source>
        <translation>&amp;Ziel, dem es dient</translation>
    </message>
    <message>
        <source>Goal it serves (one contact only)</source>
        <translation>Ziel, dem es dient (nur bei einem einzigen Kontakt)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Note: why I thought of you</source>
        <translation>Notiz: warum ich an Sie gedacht habe</translation>
    </message>
    <message>
        <source>Why I thought of you…</source>
        <translation>Warum ich an Sie gedacht habe…</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>No contact matches “{text}”.</source>
        <translation>Kein Kontakt passt zu „{text}“.</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Noch keine Kontakte.</translation>
    </message>
    <message>
        <source>No contact&apos;s tags or open goals match this item&apos;s topics.</source>
        <translation>Kein Kontakt hat Schlagwörter oder offene Ziele, die zu den Themen dieses Inhalts passen.</translation>
    </message>
    <message>
        <source>Nobody yet: find or check a contact above.</source>
        <translation>Noch niemand: Suchen Sie oben einen Kontakt oder haken Sie einen an.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>Share with {n}</source>
        <translation>Mit {n} teilen</translation>
    </message>
    <message>
        <source>A goal fits one contact only</source>
        <translation>Ein Ziel passt nur zu einem Kontakt</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>No open goals</source>
        <translation>Keine offenen Ziele</translation>
    </message>
    <message>
        <source>{goal} ({priority}, by {day})</source>
        <translation>{goal} ({priority}, bis {day})</translation>
    </message>
    <message>
        <source>{goal} ({priority})</source>
        <translation>{goal} ({priority})</translation>
    </message>
    <message>
        <source>Choose what to share.</source>
        <translation>Wählen Sie aus, was Sie teilen möchten.</translation>
    </message>
    <message>
        <source>Choose at least one contact to share with.</source>
        <translation>Wählen Sie mindestens einen Kontakt, mit dem Sie teilen möchten.</translation>
    </message>
    <message>
        <source>Shared with {n} contact.</source>
        <translation>Mit {n} Kontakt geteilt.</translation>
    </message>
    <message>
        <source>Shared with {n} contacts.</source>
        <translation>Mit {n} Kontakten geteilt.</translation>
    </message>
    <message>
        <source>The content library is empty. Add the item you want to share now?</source>
        <translation>Die Inhaltsbibliothek ist leer. Den Inhalt, den Sie weitergeben möchten, jetzt hinzufügen?</translation>
    </message>
    <message>
        <source>Add Content…</source>
        <translation>Inhalt hinzufügen…</translation>
    </message>
</context>
<context>
    <name>ShareEdit</name>
    <message>
        <source>Edit Share</source>
        <translation>Weitergabe bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Date shared</source>
        <translation>Datum der Weitergabe</translation>
    </message>
    <message>
        <source>&amp;Via:</source>
        <translation>&amp;Über:</translation>
    </message>
    <message>
        <source>Shared via</source>
        <translation>Weitergegeben über</translation>
    </message>
    <message>
        <source>&amp;Goal it serves:</source>
        <translation>&amp;Ziel, dem es dient:</translation>
    </message>
    <message>
        <source>Goal it serves</source>
        <translation>Ziel, dem es dient</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Note: why I thought of you</source>
        <translation>Notiz: warum ich an Sie gedacht habe</translation>
    </message>
    <message>
        <source>&amp;Response:</source>
        <translation>&amp;Reaktion:</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>&amp;on</source>
        <translation>a&amp;m</translation>
    </message>
    <message>
        <source>Response date</source>
        <translation>Datum der Reaktion</translation>
    </message>
</context>
<context>
    <name>ShareEditDialog</name>
    <message>
        <source>“{title}”, shared with {name}</source>
        <translation>„{title}“, weitergegeben an {name}</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Kein Ziel</translation>
    </message>
</context>
<context>
    <name>SharesModel</name>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Shared on</source>
        <translation>Geteilt am</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SnoozeDateDialog</name>
    <message>
        <source>Snooze Until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>Leave this contact out of Today until:</source>
        <translation>Diesen Kontakt unter „Heute“ ausblenden bis:</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>Keep this journal the same on your other computers: choose a folder that Syncthing, Dropbox or Nextcloud keeps in step (not the journal&apos;s own folder). Each computer writes its changes there as small files; the journal file itself is never synced.</source>
        <translation>Halten Sie dieses Journal auf Ihren anderen Computern gleich: Wählen Sie einen Ordner, den Syncthing, Dropbox oder Nextcloud abgleicht (nicht den Ordner des Journals). Jeder Computer schreibt seine Änderungen dort als kleine Dateien; die Journaldatei selbst wird nie synchronisiert.</translation>
    </message>
    <message>
        <source>Open a journal first: the sync settings are kept in the journal.</source>
        <translation>Öffnen Sie zuerst ein Journal: Die Sync-Einstellungen werden im Journal gespeichert.</translation>
    </message>
    <message>
        <source>None: sync is off</source>
        <translation>Keiner: Sync ist aus</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Sync-Ordner</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>&amp;Turn Off</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>Stop syncing this journal (the files in the folder stay)</source>
        <translation>Dieses Journal nicht mehr synchronisieren (die Dateien im Ordner bleiben)</translation>
    </message>
    <message>
        <source>This computer&apos;s name</source>
        <translation>Name dieses Computers</translation>
    </message>
    <message>
        <source>Shown to your other computers, for example in conflicts.</source>
        <translation>Wird Ihren anderen Computern gezeigt, etwa bei Konflikten.</translation>
    </message>
    <message>
        <source>Sync &amp;automatically</source>
        <translation>&amp;Automatisch synchronisieren</translation>
    </message>
    <message>
        <source>When the journal opens, when the folder changes, after your
edits and every 5 minutes. Otherwise only File ▸ Sync Now syncs.</source>
        <translation>Beim Öffnen des Journals, wenn sich der Ordner ändert, nach Ihren
Änderungen und alle 5 Minuten. Sonst nur mit Datei ▸ Synchronisieren.</translation>
    </message>
    <message>
        <source>Computers seen</source>
        <translation>Gesehene Computer</translation>
    </message>
    <message>
        <source>None yet: the first sync publishes this journal.</source>
        <translation>Noch keine: Die erste Synchronisierung veröffentlicht dieses Journal.</translation>
    </message>
    <message>
        <source>Sync &amp;folder:</source>
        <translation>Sync-&amp;Ordner:</translation>
    </message>
    <message>
        <source>This computer&apos;s &amp;name:</source>
        <translation>&amp;Name dieses Computers:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Letzte Synchronisierung:</translation>
    </message>
    <message>
        <source>Computers seen:</source>
        <translation>Gesehene Computer:</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>Konflikte:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{n} to settle (Edit ▸ Sync Conflicts…)</source>
        <translation>{n} zu klären (Bearbeiten ▸ Sync-Konflikte…)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>The sync folder cannot be the journal&apos;s own folder or a folder inside it ({journal}): the sync service would copy the journal file while it is in use, and that damages it. Choose another folder.</source>
        <translation>Der Sync-Ordner darf weder der Ordner des Journals noch ein Ordner darin sein ({journal}): Der Sync-Dienst würde die Journaldatei kopieren, während sie benutzt wird, und sie damit beschädigen. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The sync folder {folder} holds the journal&apos;s own folder ({journal}): the sync service would copy the journal file while it is in use, and that damages it. Choose a folder of its own.</source>
        <translation>Der Sync-Ordner {folder} enthält den Ordner des Journals ({journal}): Der Sync-Dienst würde die Journaldatei kopieren, während sie benutzt wird, und sie damit beschädigen. Wählen Sie einen eigenen Ordner.</translation>
    </message>
    <message>
        <source>Choose the sync folder</source>
        <translation>Den Sync-Ordner wählen</translation>
    </message>
</context>
<context>
    <name>Syncer</name>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Sync failed ({error}); the journal is as it was. The log has the details.</source>
        <translation>Synchronisierung fehlgeschlagen ({error}); das Journal ist unverändert. Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Sync fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>Synchronisiert {when}</translation>
    </message>
    <message>
        <source>Synced: {n} change sent</source>
        <translation>Synchronisiert: {n} Änderung gesendet</translation>
    </message>
    <message>
        <source>Synced: {n} changes sent</source>
        <translation>Synchronisiert: {n} Änderungen gesendet</translation>
    </message>
    <message>
        <source>{n} received</source>
        <translation>{n} empfangen</translation>
    </message>
    <message>
        <source>{n} conflict to settle (Edit ▸ Sync Conflicts…)</source>
        <translation>{n} Konflikt zu klären (Bearbeiten ▸ Sync-Konflikte…)</translation>
    </message>
    <message>
        <source>{n} conflicts to settle (Edit ▸ Sync Conflicts…)</source>
        <translation>{n} Konflikte zu klären (Bearbeiten ▸ Sync-Konflikte…)</translation>
    </message>
    <message>
        <source>{n} file from a newer Deal Journal held until you update this one</source>
        <translation>{n} Datei eines neueren Deal Journal zurückgehalten, bis Sie dieses aktualisieren</translation>
    </message>
    <message>
        <source>{n} files from a newer Deal Journal held until you update this one</source>
        <translation>{n} Dateien eines neueren Deal Journal zurückgehalten, bis Sie dieses aktualisieren</translation>
    </message>
    <message>
        <source>{n} file still arriving</source>
        <translation>{n} Datei kommt noch an</translation>
    </message>
    <message>
        <source>{n} files still arriving</source>
        <translation>{n} Dateien kommen noch an</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Response / follow-up</source>
        <translation>Reaktion / Wiedervorlage</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>outbound</source>
        <extracomment>How a screen reader says each direction (the column shows an arrow and a short word).</extracomment>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>mutual</source>
        <translation>beidseitig</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>stage change</source>
        <translation>Phasenwechsel</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <source>done {day}</source>
        <translation>erledigt am {day}</translation>
    </message>
    <message>
        <source>overdue {day}</source>
        <translation>überfällig seit {day}</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>fällig am {day}</translation>
    </message>
    <message>
        <source>added as {stage}</source>
        <translation>hinzugefügt, Phase: {stage}</translation>
    </message>
    <message>
        <source>(no summary)</source>
        <translation>(keine Zusammenfassung)</translation>
    </message>
    <message>
        <source>no response yet</source>
        <translation>noch keine Reaktion</translation>
    </message>
    <message>
        <source>Double-click (or {keys}) to record their response</source>
        <translation>Doppelklicken (oder {keys}), um die Reaktion zu erfassen</translation>
    </message>
    <message>
        <source>Reminder for {day}, done. Untick to open it again.</source>
        <translation>Erinnerung für {day}, erledigt. Häkchen entfernen, um sie wieder zu öffnen.</translation>
    </message>
    <message>
        <source>Reminder for {day}, not done yet. Tick when it is done.</source>
        <translation>Erinnerung für {day}, noch nicht erledigt. Abhaken, wenn sie erledigt ist.</translation>
    </message>
    <message>
        <source>Follow-up planned for {day}, done. Tick when it is done.</source>
        <translation>Wiedervorlage für {day} geplant, erledigt. Abhaken, wenn sie erledigt ist.</translation>
    </message>
    <message>
        <source>Follow-up planned for {day}, not done yet. Tick when it is done.</source>
        <translation>Wiedervorlage für {day} geplant, noch nicht erledigt. Abhaken, wenn sie erledigt ist.</translation>
    </message>
    <message>
        <source>content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Shared {kind}: {title}</source>
        <translation>Weitergegeben ({kind}): {title}</translation>
    </message>
    <message>
        <source>Via: {via}</source>
        <translation>Über: {via}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
    <message>
        <source>Reminder: {text}</source>
        <translation>Erinnerung: {text}</translation>
    </message>
    <message>
        <source>Channel: {channel}</source>
        <translation>Kanal: {channel}</translation>
    </message>
    <message>
        <source>Goal: {goal}</source>
        <translation>Ziel: {goal}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>Reach out</source>
        <translation>Kontakt aufnehmen</translation>
    </message>
    <message>
        <source>For 1 &amp;day</source>
        <translation>Für 1 &amp;Tag</translation>
    </message>
    <message>
        <source>For 1 &amp;week</source>
        <translation>Für 1 &amp;Woche</translation>
    </message>
    <message>
        <source>For 1 &amp;month</source>
        <translation>Für 1 &amp;Monat</translation>
    </message>
    <message>
        <source>Reminder: {text}</source>
        <translation>Erinnerung: {text}</translation>
    </message>
    <message>
        <source>Follow-up: {text}</source>
        <translation>Wiedervorlage: {text}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>open the contact</source>
        <translation>den Kontakt öffnen</translation>
    </message>
    <message>
        <source>log a touch</source>
        <translation>einen Kontaktpunkt erfassen</translation>
    </message>
    <message>
        <source>snooze the entry</source>
        <translation>den Eintrag zurückstellen</translation>
    </message>
    <message>
        <source>mark the follow-up or reminder done</source>
        <translation>die Wiedervorlage oder Erinnerung als erledigt markieren</translation>
    </message>
    <message>
        <source>add a reminder</source>
        <translation>eine Erinnerung hinzufügen</translation>
    </message>
    <message>
        <source>What to do today</source>
        <translation>Was heute zu tun ist</translation>
    </message>
    <message>
        <source>Nothing to do today: nobody is waiting on you, no follow-up is due, and no relationship has gone quiet or one-sided.</source>
        <translation>Heute gibt es nichts zu tun: Niemand wartet auf Sie, keine Wiedervorlage ist fällig, und keine Beziehung ist eingeschlafen oder einseitig geworden.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Log a Touch…</source>
        <translation>&amp;Kontaktpunkt erfassen…</translation>
    </message>
    <message>
        <source>Log an interaction with this contact (L)</source>
        <translation>Eine Interaktion mit diesem Kontakt erfassen (L)</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;Zurückstellen</translation>
    </message>
    <message>
        <source>Leave this contact out of Today for a while (S); it comes back by itself, or as soon as they get in touch</source>
        <translation>Diesen Kontakt eine Weile nicht unter „Heute“ anzeigen (S); er erscheint von selbst wieder oder sobald sich die Person meldet</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>Mark the oldest due follow-up or reminder of this contact done (D)</source>
        <translation>Die älteste fällige Wiedervorlage oder Erinnerung dieses Kontakts als erledigt markieren (D)</translation>
    </message>
    <message>
        <source>&amp;Remind Me…</source>
        <translation>E&amp;rinnerung hinzufügen…</translation>
    </message>
    <message>
        <source>Add a reminder for this contact (R)</source>
        <translation>Eine Erinnerung für diesen Kontakt hinzufügen (R)</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Demnächst</translation>
    </message>
    <message>
        <source>Nothing planned in the next two weeks. Add a reminder with R, or a follow-up date when you log a touch.</source>
        <translation>In den nächsten zwei Wochen ist nichts geplant. Fügen Sie mit R eine Erinnerung hinzu oder legen Sie beim Erfassen eines Kontaktpunkts eine Wiedervorlage fest.</translation>
    </message>
    <message>
        <source>Working out today&apos;s list…</source>
        <translation>Die Liste für heute wird erstellt…</translation>
    </message>
    <message>
        <source>Upcoming: the next 14 days ({n})</source>
        <translation>Demnächst: die nächsten 14 Tage ({n})</translation>
    </message>
    <message>
        <source>All clear for today.</source>
        <translation>Für heute ist alles erledigt.</translation>
    </message>
    <message>
        <source>{n} contact needs you: {reply} waiting on a reply, {due} with a follow-up due, {stale} gone quiet, {giving} one-sided.</source>
        <translation>{n} Kontakt braucht Sie: {reply} mit ausstehender Antwort, {due} mit fälliger Wiedervorlage, {stale} eingeschlafen, {giving} einseitig.</translation>
    </message>
    <message>
        <source>{n} contacts need you: {reply} waiting on a reply, {due} with a follow-up due, {stale} gone quiet, {giving} one-sided.</source>
        <translation>{n} Kontakte brauchen Sie: {reply} mit ausstehender Antwort, {due} mit fälliger Wiedervorlage, {stale} eingeschlafen, {giving} einseitig.</translation>
    </message>
    <message>
        <source>The {shown} that need you most are listed.</source>
        <translation>Die {shown} dringendsten stehen in der Liste.</translation>
    </message>
    <message>
        <source>&amp;Until…</source>
        <translation>&amp;Bis…</translation>
    </message>
    <message>
        <source>{name} is snoozed until {day}, or until they get in touch. Undo: Ctrl+Z</source>
        <translation>{name} ist bis {day} zurückgestellt oder bis sich die Person meldet. Rückgängig: Ctrl+Z</translation>
    </message>
    <message>
        <source>Marked done: {what}. Undo: Ctrl+Z</source>
        <translation>Als erledigt markiert: {what}. Rückgängig: Ctrl+Z</translation>
    </message>
    <message>
        <source>Open Contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
    <message>
        <source>Log a Touch…</source>
        <translation>Kontaktpunkt erfassen…</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Mark Done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Remind Me…</source>
        <translation>Erinnerung hinzufügen…</translation>
    </message>
    <message>
        <source>Edit Reminder…</source>
        <translation>Erinnerung bearbeiten…</translation>
    </message>
    <message>
        <source>Delete Reminder</source>
        <translation>Erinnerung löschen</translation>
    </message>
</context>
<context>
    <name>TouchesModel</name>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Schon vorhanden</translation>
    </message>
    <message>
        <source>{name} (new contact)</source>
        <translation>{name} (neuer Kontakt)</translation>
    </message>
    <message>
        <source>A new contact, with their address or handle.</source>
        <translation>Ein neuer Kontakt, mit Adresse oder Kennung.</translation>
    </message>
    <message>
        <source>Includes: {names}</source>
        <translation>Darunter: {names}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <source>Triage Imported Contacts</source>
        <translation>Importierte Kontakte sichten</translation>
    </message>
    <message>
        <source>Contacts left to triage</source>
        <translation>Noch zu sichtende Kontakte</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>About the contact</source>
        <translation>Angaben zum Kontakt</translation>
    </message>
    <message>
        <source>Keep in touch how often? Press a key:</source>
        <translation>Wie oft möchten Sie in Kontakt bleiben? Drücken Sie eine Taste:</translation>
    </message>
    <message>
        <source>N — Not now (don&apos;t flag)</source>
        <translation>N — Jetzt nicht (nicht markieren)</translation>
    </message>
    <message>
        <source>A — Archive</source>
        <translation>A — Archivieren</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Undo the last decision and show that contact again (Backspace)</source>
        <translation>Die letzte Entscheidung rückgängig machen und diesen Kontakt wieder anzeigen (Rücktaste)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Stop here; the decisions made so far stay (Esc)</source>
        <translation>Hier aufhören; die bisherigen Entscheidungen bleiben erhalten (Esc)</translation>
    </message>
</context>
<context>
    <name>TriageDialog</name>
    <message>
        <source>{key} — every {n} days</source>
        <extracomment>The keep-in-touch choices, on the keys 1, 2, 3… A triage choice: the key to press, then the cadence it sets (&quot;1 — every 7 days&quot;)</extracomment>
        <translation>{key} — alle {n} Tage</translation>
    </message>
    <message>
        <source>{n} contact left to triage</source>
        <translation>Noch {n} Kontakt zu sichten</translation>
    </message>
    <message>
        <source>{n} contacts left to triage</source>
        <translation>Noch {n} Kontakte zu sichten</translation>
    </message>
    <message>
        <source>Every imported contact has been triaged.</source>
        <translation>Alle importierten Kontakte sind gesichtet.</translation>
    </message>
    <message>
        <source>Set a keep-in-touch cadence on a contact&apos;s page, or for a selection with Bulk ▸ Keep in touch.</source>
        <translation>Legen Sie den Kontaktrhythmus auf der Seite eines Kontakts fest oder für eine Auswahl über Sammelaktionen ▸ Kontakt halten.</translation>
    </message>
    <message>
        <source>Connected on LinkedIn on {day}</source>
        <translation>Am {day} auf LinkedIn vernetzt</translation>
    </message>
</context>
<context>
    <name>TrustQuestion</name>
    <message>
        <source>The certificate of {account} ({server}) cannot be verified.</source>
        <extracomment>The certificate question: the account&apos;s name, then its server</extracomment>
        <translation>Das Zertifikat von {account} ({server}) lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <source>Its SHA-256 fingerprint is:</source>
        <translation>Sein SHA-256-Fingerabdruck ist:</translation>
    </message>
    <message>
        <source>Trust it only if this is your own server&apos;s certificate: compare the fingerprint with the one your provider or whoever runs the server gives. Deal Journal then connects to this server only while it shows exactly this certificate.</source>
        <translation>Vertrauen Sie ihm nur, wenn es das Zertifikat Ihres eigenen Servers ist: Vergleichen Sie den Fingerabdruck mit dem, den Ihr Anbieter oder der Betreiber des Servers nennt. Deal Journal verbindet sich dann nur mit diesem Server, solange er genau dieses Zertifikat zeigt.</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
</context>
<context>
    <name>UpcomingModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>{day} (tomorrow)</source>
        <translation>{day} (morgen)</translation>
    </message>
    <message>
        <source>{day} (in {n} days)</source>
        <translation>{day} (in {n} Tagen)</translation>
    </message>
</context>
<context>
    <name>WarningBar</name>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Dismiss the warning</source>
        <translation>Warnung schließen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Deal Journal</source>
        <translation>Willkommen bei Deal Journal</translation>
    </message>
    <message>
        <source>Keep the journal of your relationships: who you follow and who follows back, what you gave whom and what came of it, what each customer is trying to achieve — and see at a glance which relationships have gone quiet or one-sided.

Your journal is empty. Start with your contacts, or look around a sample journal first (it opens as a separate copy; your journal stays as it is).</source>
        <translation>Führen Sie das Journal Ihrer Geschäftsbeziehungen: wem Sie folgen und wer Ihnen zurückfolgt, was Sie wem gegeben haben und was daraus wurde, was jeder Kunde erreichen möchte – und sehen Sie auf einen Blick, welche Beziehungen eingeschlafen oder einseitig sind.

Ihr Journal ist leer. Beginnen Sie mit Ihren Kontakten oder sehen Sie sich zuerst ein Beispiel-Journal an (es wird als separate Kopie geöffnet; Ihr Journal bleibt unverändert).</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Kontakte importieren…</translation>
    </message>
    <message>
        <source>Explore a sample journal</source>
        <translation>Beispiel-Journal ansehen</translation>
    </message>
    <message>
        <source>Add a contact…</source>
        <translation>Kontakt hinzufügen…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong inside Deal Journal. Your journal is safe; the details are in the log.</source>
        <translation>In Deal Journal ist ein Fehler aufgetreten. Ihr Journal ist sicher; die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>The journal {journal} is damaged and cannot be opened.</source>
        <translation>Das Journal {journal} ist beschädigt und kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The damaged file was kept as {file}, in case you need it.</source>
        <translation>Die beschädigte Datei wurde als {file} aufbewahrt, falls Sie sie brauchen.</translation>
    </message>
    <message>
        <source>The damaged file could not be moved aside.</source>
        <translation>Die beschädigte Datei konnte nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>Restore the newest good backup ({backup} taken {when})?</source>
        <translation>Die neueste intakte Sicherung wiederherstellen ({backup} vom {when})?</translation>
    </message>
    <message>
        <source>Restore the newest good backup ({backup})?</source>
        <translation>Die neueste intakte Sicherung wiederherstellen ({backup})?</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Changes made after that backup are not in it.</source>
        <translation>Änderungen nach dieser Sicherung sind darin nicht enthalten.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {error}</source>
        <translation>Die Sicherung konnte nicht wiederhergestellt werden: {error}</translation>
    </message>
    <message>
        <source>Start again with an empty journal?</source>
        <translation>Mit einem leeren Journal neu beginnen?</translation>
    </message>
    <message>
        <source>Start again with an empty journal instead?</source>
        <translation>Stattdessen mit einem leeren Journal neu beginnen?</translation>
    </message>
    <message>
        <source>Start Empty Journal</source>
        <translation>Leeres Journal beginnen</translation>
    </message>
    <message>
        <source>The backups stay in File ▸ Backups…</source>
        <translation>Die Sicherungen bleiben erhalten unter Datei ▸ Sicherungen…</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>On opening</source>
        <translation>Beim Öffnen</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>Beim Schließen</translation>
    </message>
    <message>
        <source>Every 30 minutes</source>
        <translation>Alle 30 Minuten</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>Von Hand gesichert</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Vor einem Import</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Vor einer Aktualisierung</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Archive {name}</source>
        <translation>{name} archivieren</translation>
    </message>
    <message>
        <source>Unarchive {name}</source>
        <translation>{name} aus dem Archiv holen</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} löschen</translation>
    </message>
    <message>
        <source>e-mail with {name}</source>
        <extracomment>An interaction in an undo text, by kind; e-mails and messages say which way they went.</extracomment>
        <translation>E-Mail mit {name}</translation>
    </message>
    <message>
        <source>call with {name}</source>
        <translation>Anruf mit {name}</translation>
    </message>
    <message>
        <source>meeting with {name}</source>
        <translation>Treffen mit {name}</translation>
    </message>
    <message>
        <source>message with {name}</source>
        <translation>Nachricht mit {name}</translation>
    </message>
    <message>
        <source>social touch with {name}</source>
        <translation>Social-Media-Kontakt mit {name}</translation>
    </message>
    <message>
        <source>event with {name}</source>
        <translation>Veranstaltung mit {name}</translation>
    </message>
    <message>
        <source>note about {name}</source>
        <translation>Notiz zu {name}</translation>
    </message>
    <message>
        <source>e-mail to {name}</source>
        <translation>E-Mail an {name}</translation>
    </message>
    <message>
        <source>message to {name}</source>
        <translation>Nachricht an {name}</translation>
    </message>
    <message>
        <source>e-mail from {name}</source>
        <translation>E-Mail von {name}</translation>
    </message>
    <message>
        <source>message from {name}</source>
        <translation>Nachricht von {name}</translation>
    </message>
    <message>
        <source>Log {entry}</source>
        <extracomment>Edit ▸ Undo text after logging (&quot;Log e-mail to Ada Byron&quot;)</extracomment>
        <translation>{entry} erfassen</translation>
    </message>
    <message>
        <source>Edit {entry}</source>
        <extracomment>Edit ▸ Undo text after editing an interaction (&quot;Edit meeting with Ada Byron&quot;)</extracomment>
        <translation>{entry} bearbeiten</translation>
    </message>
    <message>
        <source>Delete {entry} ({day})</source>
        <extracomment>Edit ▸ Undo text after deleting an interaction (&quot;Delete call with Ada Byron (2026-12-03)&quot;)</extracomment>
        <translation>{entry} ({day}) löschen</translation>
    </message>
    <message>
        <source>Share “{title}” with {name}</source>
        <extracomment>Edit ▸ Undo text after sharing (&quot;Share “Closing the books” with Ada Byron&quot;, &quot;… with 3 contacts&quot;)</extracomment>
        <translation>„{title}“ an {name} weitergeben</translation>
    </message>
    <message>
        <source>Share “{title}” with {n} contacts</source>
        <translation>„{title}“ an {n} Kontakte weitergeben</translation>
    </message>
    <message>
        <source>Change share response ({name})</source>
        <extracomment>Edit ▸ Undo text (&quot;Change share response (Ada Byron)&quot;)</extracomment>
        <translation>Reaktion auf Weitergabe ändern ({name})</translation>
    </message>
    <message>
        <source>Edit share of “{title}” with {name}</source>
        <extracomment>The share fields :func:`dealjournal.ops.edit_share` takes, and the column each is read from. Edit ▸ Undo text (&quot;Edit share of “Closing the books” with Ada Byron&quot;)</extracomment>
        <translation>Weitergabe von „{title}“ an {name} bearbeiten</translation>
    </message>
    <message>
        <source>Delete share of “{title}” with {name} ({day})</source>
        <extracomment>Edit ▸ Undo text (&quot;Delete share of “Closing the books” with Ada Byron (2026-12-03)&quot;)</extracomment>
        <translation>Weitergabe von „{title}“ an {name} ({day}) löschen</translation>
    </message>
    <message>
        <source>Move {name} to {stage}</source>
        <extracomment>Edit ▸ Undo text after changing a contact&apos;s stage (&quot;Move Ada Byron to Customer&quot;)</extracomment>
        <translation>{name} in die Phase {stage} verschieben</translation>
    </message>
    <message>
        <source>Snooze {name} until {day}</source>
        <extracomment>Edit ▸ Undo text after snoozing a contact on Today (&quot;Snooze Ada Byron until 2026-12-10&quot;)</extracomment>
        <translation>{name} bis {day} zurückstellen</translation>
    </message>
    <message>
        <source>Mark reminder for {name} done</source>
        <extracomment>Edit ▸ Undo text (&quot;Mark reminder for Ada Byron done&quot;, &quot;Reopen reminder for Ada Byron&quot;)</extracomment>
        <translation>Erinnerung für {name} als erledigt markieren</translation>
    </message>
    <message>
        <source>Reopen reminder for {name}</source>
        <translation>Erinnerung für {name} wieder öffnen</translation>
    </message>
    <message>
        <source>Mark follow-up with {name} done</source>
        <translation>Wiedervorlage für {name} als erledigt markieren</translation>
    </message>
    <message>
        <source>Reopen follow-up with {name}</source>
        <translation>Wiedervorlage für {name} wieder öffnen</translation>
    </message>
    <message>
        <source>Add reminder for {name}</source>
        <extracomment>Edit ▸ Undo text (&quot;Add reminder for Ada Byron&quot;)</extracomment>
        <translation>Erinnerung für {name} hinzufügen</translation>
    </message>
    <message>
        <source>Delete reminder for {name}</source>
        <translation>Erinnerung für {name} löschen</translation>
    </message>
    <message>
        <source>Edit reminder for {name}</source>
        <translation>Erinnerung für {name} bearbeiten</translation>
    </message>
    <message>
        <source>Add contact {name}</source>
        <extracomment>Edit ▸ Undo text (&quot;Add contact Ada Byron&quot;)</extracomment>
        <translation>Kontakt {name} hinzufügen</translation>
    </message>
    <message>
        <source>Change tags of {name}</source>
        <extracomment>Edit ▸ Undo text (&quot;Change tags of Ada Byron&quot;, &quot;Edit contact Ada Byron&quot;)</extracomment>
        <translation>Schlagwörter von {name} ändern</translation>
    </message>
    <message>
        <source>Edit contact {name}</source>
        <translation>Kontakt {name} bearbeiten</translation>
    </message>
    <message>
        <source>Add {network} channel for {name}</source>
        <extracomment>Edit ▸ Undo text (&quot;Add LinkedIn channel for Ada Byron&quot;)</extracomment>
        <translation>{network}-Kanal für {name} hinzufügen</translation>
    </message>
    <message>
        <source>Follow {name} on {network}</source>
        <extracomment>Edit ▸ Undo text (&quot;Follow Ada Byron on LinkedIn&quot;, &quot;Unfollow Ada Byron on LinkedIn&quot;)</extracomment>
        <translation>{name} auf {network} folgen</translation>
    </message>
    <message>
        <source>Unfollow {name} on {network}</source>
        <translation>{name} auf {network} nicht mehr folgen</translation>
    </message>
    <message>
        <source>Change whether {name} follows back on {network}</source>
        <translation>Ändern, ob {name} auf {network} zurückfolgt</translation>
    </message>
    <message>
        <source>Edit {network} channel of {name}</source>
        <translation>{network}-Kanal von {name} bearbeiten</translation>
    </message>
    <message>
        <source>Remove {network} channel of {name}</source>
        <extracomment>Edit ▸ Undo text (&quot;Remove LinkedIn channel of Ada Byron&quot;)</extracomment>
        <translation>{network}-Kanal von {name} entfernen</translation>
    </message>
    <message>
        <source>Add goal “{title}” for {name}</source>
        <extracomment>Edit ▸ Undo text (&quot;Add goal “Cut month-end close” for Ada Byron&quot;)</extracomment>
        <translation>Ziel „{title}“ für {name} hinzufügen</translation>
    </message>
    <message>
        <source>Edit goal “{title}” of {name}</source>
        <extracomment>Edit ▸ Undo text (&quot;Edit goal “Cut month-end close” of Ada Byron&quot;)</extracomment>
        <translation>Ziel „{title}“ von {name} bearbeiten</translation>
    </message>
    <message>
        <source>Mark goal “{title}” of {name} achieved</source>
        <extracomment>Edit ▸ Undo text after closing or reopening a goal, by its new status</extracomment>
        <translation>Ziel „{title}“ von {name} als erreicht markieren</translation>
    </message>
    <message>
        <source>Mark goal “{title}” of {name} dropped</source>
        <translation>Ziel „{title}“ von {name} als verworfen markieren</translation>
    </message>
    <message>
        <source>Reopen goal “{title}” of {name}</source>
        <translation>Ziel „{title}“ von {name} wieder öffnen</translation>
    </message>
    <message>
        <source>Add “{title}” to the library</source>
        <extracomment>Edit ▸ Undo text (&quot;Add “Closing the books faster” to the library&quot;)</extracomment>
        <translation>„{title}“ zur Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <extracomment>Edit ▸ Undo text (&quot;Edit “Closing the books faster”&quot;)</extracomment>
        <translation>„{title}“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete “{title}” from the library</source>
        <extracomment>Edit ▸ Undo text (&quot;Delete “Closing the books faster” from the library&quot;)</extracomment>
        <translation>„{title}“ aus der Bibliothek löschen</translation>
    </message>
    <message>
        <source>Change the health window and cadences</source>
        <extracomment>Edit ▸ Undo text after Preferences changed the health window or a stage&apos;s cadence</extracomment>
        <translation>Zeitraum und Kontaktrhythmen ändern</translation>
    </message>
    <message>
        <source>Change your identities</source>
        <extracomment>Edit ▸ Undo text after Preferences ▸ Me changed your identities or the phone region</extracomment>
        <translation>Ihre Identitäten ändern</translation>
    </message>
    <message>
        <source>stage default</source>
        <translation>Standard der Phase</translation>
    </message>
    <message>
        <source>don&apos;t flag</source>
        <translation>nicht markieren</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>alle {n} Tage</translation>
    </message>
    <message>
        <source>Tag {n} contact “{tag}”</source>
        <extracomment>Edit ▸ Undo text after tagging a selection (&quot;Tag 37 contacts “fintech”&quot;)</extracomment>
        <translation>Schlagwort „{tag}“ zu {n} Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Tag {n} contacts “{tag}”</source>
        <translation>Schlagwort „{tag}“ zu {n} Kontakten hinzufügen</translation>
    </message>
    <message>
        <source>Remove tag “{tag}” from {n} contact</source>
        <extracomment>Edit ▸ Undo text (&quot;Remove tag “fintech” from 37 contacts&quot;)</extracomment>
        <translation>Schlagwort „{tag}“ von {n} Kontakt entfernen</translation>
    </message>
    <message>
        <source>Remove tag “{tag}” from {n} contacts</source>
        <translation>Schlagwort „{tag}“ von {n} Kontakten entfernen</translation>
    </message>
    <message>
        <source>Keep in touch with {n} contact: {cadence}</source>
        <extracomment>Edit ▸ Undo text (&quot;Keep in touch with 37 contacts: every 30 days&quot;)</extracomment>
        <translation>Kontaktrhythmus für {n} Kontakt: {cadence}</translation>
    </message>
    <message>
        <source>Keep in touch with {n} contacts: {cadence}</source>
        <translation>Kontaktrhythmus für {n} Kontakte: {cadence}</translation>
    </message>
    <message>
        <source>Archive {n} contact</source>
        <translation>{n} Kontakt archivieren</translation>
    </message>
    <message>
        <source>Archive {n} contacts</source>
        <translation>{n} Kontakte archivieren</translation>
    </message>
    <message>
        <source>Unarchive {n} contact</source>
        <translation>{n} Kontakt aus dem Archiv holen</translation>
    </message>
    <message>
        <source>Unarchive {n} contacts</source>
        <translation>{n} Kontakte aus dem Archiv holen</translation>
    </message>
    <message>
        <source>Delete {n} contact</source>
        <translation>{n} Kontakt löschen</translation>
    </message>
    <message>
        <source>Delete {n} contacts</source>
        <translation>{n} Kontakte löschen</translation>
    </message>
    <message>
        <source>Move {n} contact to {stage}</source>
        <extracomment>Edit ▸ Undo text (&quot;Move 37 contacts to Customer&quot;)</extracomment>
        <translation>{n} Kontakt in die Phase {stage} verschieben</translation>
    </message>
    <message>
        <source>Move {n} contacts to {stage}</source>
        <translation>{n} Kontakte in die Phase {stage} verschieben</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archivieren</translation>
    </message>
    <message>
        <source>not now</source>
        <translation>jetzt nicht</translation>
    </message>
    <message>
        <source>Triage {name}: {decision}</source>
        <extracomment>Edit ▸ Undo text after a triage decision (&quot;Triage Ada Byron: every 30 days&quot;)</extracomment>
        <translation>{name} sichten: {decision}</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <source>deleted on another device while edited here</source>
        <translation>auf einem anderen Gerät gelöscht, während hier bearbeitet</translation>
    </message>
    <message>
        <source>{kind}: {what}</source>
        <translation>{kind}: {what}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>No journal is open.</source>
        <translation>Es ist kein Journal geöffnet.</translation>
    </message>
    <message>
        <source>Cannot create the backup folder {folder}: {reason}.</source>
        <translation>Der Sicherungsordner {folder} kann nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>A backup cannot be taken in the middle of a change; try again.</source>
        <translation>Während einer Änderung kann keine Sicherung erstellt werden; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The backup just written failed its integrity check and was deleted ({problem}). The journal itself is unchanged; check the disk and try again.</source>
        <translation>Die soeben geschriebene Sicherung hat die Integritätsprüfung nicht bestanden und wurde gelöscht ({problem}). Das Journal selbst ist unverändert; prüfen Sie den Datenträger und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot write the backup in {folder}: {reason}.</source>
        <translation>Die Sicherung kann nicht in {folder} geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full: no backup was taken. Free some space and try again.</source>
        <translation>Der Datenträger mit {folder} ist voll: Es wurde keine Sicherung erstellt. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot write a backup into {folder}: the folder is read-only or not accessible.</source>
        <translation>In {folder} kann keine Sicherung geschrieben werden: Der Ordner ist schreibgeschützt oder nicht zugänglich.</translation>
    </message>
    <message>
        <source>The backup into {folder} failed: {problem}.</source>
        <translation>Die Sicherung in {folder} ist fehlgeschlagen: {problem}.</translation>
    </message>
    <message>
        <source>No journal is open to restore into.</source>
        <translation>Es ist kein Journal geöffnet, in das wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Cannot replace the journal {path}: {reason}. It was not changed.</source>
        <translation>Das Journal {path} kann nicht ersetzt werden: {reason}. Es wurde nicht verändert.</translation>
    </message>
    <message>
        <source>There is no backup file at {path}.</source>
        <translation>Unter {path} gibt es keine Sicherungsdatei.</translation>
    </message>
    <message>
        <source>{path} is the journal itself, not a backup of it.</source>
        <translation>{path} ist das Journal selbst, keine Sicherung davon.</translation>
    </message>
    <message>
        <source>Cannot read the backup {path}: {reason}.</source>
        <translation>Die Sicherung {path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>{path} is not a Deal Journal backup (it is not an SQLite database).</source>
        <translation>{path} ist keine Sicherung von Deal Journal (es ist keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <source>The backup {path} cannot be restored: {problem}.</source>
        <translation>Die Sicherung {path} kann nicht wiederhergestellt werden: {problem}.</translation>
    </message>
    <message>
        <source>The backup {path} cannot be restored: it is damaged or not a journal ({problem}). The journal was not changed.</source>
        <translation>Die Sicherung {path} kann nicht wiederhergestellt werden: Sie ist beschädigt oder kein Journal ({problem}). Das Journal wurde nicht verändert.</translation>
    </message>
    <message>
        <source>cannot open: {problem}</source>
        <translation>kann nicht geöffnet werden: {problem}</translation>
    </message>
    <message>
        <source>not a Deal Journal file</source>
        <translation>keine Datei von Deal Journal</translation>
    </message>
    <message>
        <source>written by a newer version of Deal Journal (journal format {version})</source>
        <translation>von einer neueren Version von Deal Journal geschrieben (Journalformat {version})</translation>
    </message>
    <message>
        <source>No journal is open to import into.</source>
        <translation>Es ist kein Journal geöffnet, in das importiert werden kann.</translation>
    </message>
    <message>
        <source>the import was cancelled; nothing was written</source>
        <translation>der Import wurde abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>… and {n} more problem</source>
        <translation>… und {n} weiteres Problem</translation>
    </message>
    <message>
        <source>Nothing was captured: {reason}.</source>
        <translation>Es wurde nichts erfasst: {reason}.</translation>
    </message>
    <message>
        <source>the journal is in use by another program; close it and try again</source>
        <translation>das Journal wird von einem anderen Programm verwendet; schließen Sie es und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the journal file or its folder is read-only</source>
        <translation>die Journaldatei oder ihr Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>der Datenträger ist voll; geben Sie Speicherplatz frei und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}.</source>
        <translation>Es wurde nichts importiert: {reason}.</translation>
    </message>
    <message>
        <source>{new:,} new, {merged:,} merged, {skipped:,} skipped</source>
        <translation>{new:,} neu, {merged:,} zusammengeführt, {skipped:,} übersprungen</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>gleiche E-Mail-Adresse</translation>
    </message>
    <message>
        <source>same LinkedIn profile</source>
        <translation>gleiches LinkedIn-Profil</translation>
    </message>
    <message>
        <source>same name, company and connection date</source>
        <translation>gleicher Name, gleiche Firma und gleiches Verbindungsdatum</translation>
    </message>
    <message>
        <source>very similar name at the same company</source>
        <translation>sehr ähnlicher Name bei derselben Firma</translation>
    </message>
    <message>
        <source>same name (one of them has no company)</source>
        <translation>gleicher Name (bei einem der beiden fehlt die Firma)</translation>
    </message>
    <message>
        <source>empty row</source>
        <translation>leere Zeile</translation>
    </message>
    <message>
        <source>the row has no name</source>
        <translation>die Zeile hat keinen Namen</translation>
    </message>
    <message>
        <source>{reason} (added anyway)</source>
        <translation>{reason} (trotzdem hinzugefügt)</translation>
    </message>
    <message>
        <source>{why} as line {line}</source>
        <translation>{why} wie Zeile {line}</translation>
    </message>
    <message>
        <source>{why} as an existing contact (archived)</source>
        <translation>{why} wie ein vorhandener Kontakt (archiviert)</translation>
    </message>
    <message>
        <source>{why} as an existing contact</source>
        <translation>{why} wie ein vorhandener Kontakt</translation>
    </message>
    <message>
        <source>{text} is not a date (YYYY-MM-DD)</source>
        <translation>{text} ist kein Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>{text} is not a real date</source>
        <translation>{text} ist kein gültiges Datum</translation>
    </message>
    <message>
        <source>{text} is not a date or date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)</source>
        <translation>{text} ist weder ein Datum noch ein Datum mit Uhrzeit (JJJJ-MM-TT oder JJJJ-MM-TTThh:mm)</translation>
    </message>
    <message>
        <source>{text} is not a real date and time</source>
        <translation>{text} ist kein gültiges Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>… and {n} more problems</source>
        <translation>… und {n} weitere Probleme</translation>
    </message>
    <message>
        <source>Unknown export format {format}; choose one of {formats}.</source>
        <translation>Unbekanntes Exportformat {format}; wählen Sie eines der Formate {formats}.</translation>
    </message>
    <message>
        <source>Cannot tell the export format from the name {name}; use .json, .csv, .vcf or .ics (or choose a format).</source>
        <translation>Das Exportformat lässt sich aus dem Namen {name} nicht erkennen; verwenden Sie .json, .csv, .vcf oder .ics (oder wählen Sie ein Format).</translation>
    </message>
    <message>
        <source>Cannot write to the folder {folder}: {reason}.</source>
        <translation>In den Ordner {folder} kann nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>{path} kann nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>their blog</source>
        <translation>ihrem Blog</translation>
    </message>
    <message>
        <source>their newsletter</source>
        <translation>ihrem Newsletter</translation>
    </message>
    <message>
        <source>their podcast</source>
        <translation>ihrem Podcast</translation>
    </message>
    <message>
        <source>their website</source>
        <translation>ihrer Website</translation>
    </message>
    <message>
        <source>another channel</source>
        <translation>einem anderen Kanal</translation>
    </message>
    <message>
        <source>the last {n} days</source>
        <translation>die letzten {n} Tage</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>der letzte Tag</translation>
    </message>
    <message>
        <source>{days} days since last contact, cadence {cadence}</source>
        <translation>{days} Tage seit dem letzten Kontakt, Kontaktrhythmus {cadence}</translation>
    </message>
    <message>
        <source>{days} days since added, with no contact yet, cadence {cadence}</source>
        <translation>{days} Tage seit dem Hinzufügen, noch kein Kontakt, Kontaktrhythmus {cadence}</translation>
    </message>
    <message>
        <source>{n} messages in a row without reply</source>
        <translation>{n} Nachrichten in Folge ohne Antwort</translation>
    </message>
    <message>
        <source>only {n} of {total} touches in {window} came from them</source>
        <translation>nur {n} von {total} Kontaktpunkten kamen vom Kontakt ({window})</translation>
    </message>
    <message>
        <source>only {n} of {total} touches in {window} came from you</source>
        <translation>nur {n} von {total} Kontaktpunkten kamen von Ihnen ({window})</translation>
    </message>
    <message>
        <source>they reached out {days} days ago and you have not replied</source>
        <translation>der Kontakt hat sich vor {days} Tagen gemeldet, und Sie haben noch nicht geantwortet</translation>
    </message>
    <message>
        <source>{n} share in {window} with no response</source>
        <translation>{n} Weitergabe ohne Reaktion ({window})</translation>
    </message>
    <message>
        <source>{n} shares in {window} with no response</source>
        <translation>{n} Weitergaben ohne Reaktion ({window})</translation>
    </message>
    <message>
        <source>not followed back on {network}</source>
        <translation>folgt auf {network} nicht zurück</translation>
    </message>
    <message>
        <source>they follow you on {network} but you don&apos;t follow back</source>
        <translation>folgt Ihnen auf {network}, aber Sie folgen nicht zurück</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file is empty (it holds no text)</source>
        <translation>die Datei ist leer (sie enthält keinen Text)</translation>
    </message>
    <message>
        <source>unknown file format &apos;{format}&apos;; expected one of {formats}</source>
        <translation>unbekanntes Dateiformat „{format}“; erwartet wird eines der Formate {formats}</translation>
    </message>
    <message>
        <source>the file contains no contacts (it is empty)</source>
        <translation>die Datei enthält keine Kontakte (sie ist leer)</translation>
    </message>
    <message>
        <source>the file could not be read ({error})</source>
        <translation>die Datei konnte nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>line {line}: an over-long line was cut short</source>
        <translation>Zeile {line}: eine überlange Zeile wurde gekürzt</translation>
    </message>
    <message>
        <source>the file could not be opened: {reason}</source>
        <translation>die Datei konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>this is a vCard file, not a CSV file</source>
        <translation>dies ist eine vCard-Datei, keine CSV-Datei</translation>
    </message>
    <message>
        <source>… and {n} more warning like this ({kind})</source>
        <translation>… und {n} weitere Warnung dieser Art ({kind})</translation>
    </message>
    <message>
        <source>… and {n} more warnings like this ({kind})</source>
        <translation>… und {n} weitere Warnungen dieser Art ({kind})</translation>
    </message>
    <message>
        <source>line {line}: a value longer than {limit:,} characters was cut short</source>
        <translation>Zeile {line}: ein Wert mit mehr als {limit:,} Zeichen wurde gekürzt</translation>
    </message>
    <message>
        <source>line {line}: the notes were cut short</source>
        <translation>Zeile {line}: die Notizen wurden gekürzt</translation>
    </message>
    <message>
        <source>the row is not valid CSV ({error})</source>
        <translation>die Zeile ist kein gültiges CSV ({error})</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is a ZIP archive (perhaps an Excel workbook): save it as CSV first</source>
        <translation>keine vCard- oder CSV-Datei: es ist ein ZIP-Archiv (vielleicht eine Excel-Arbeitsmappe): speichern Sie die Datei zuerst als CSV</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is a PDF document</source>
        <translation>keine vCard- oder CSV-Datei: es ist ein PDF-Dokument</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is an old Office file (.xls/.msg): save it as CSV first</source>
        <translation>keine vCard- oder CSV-Datei: es ist eine ältere Office-Datei (.xls/.msg): speichern Sie die Datei zuerst als CSV</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is a PNG image</source>
        <translation>keine vCard- oder CSV-Datei: es ist ein PNG-Bild</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is a JPEG image</source>
        <translation>keine vCard- oder CSV-Datei: es ist ein JPEG-Bild</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is a GIF image</source>
        <translation>keine vCard- oder CSV-Datei: es ist ein GIF-Bild</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is a gzip archive: unpack it first</source>
        <translation>keine vCard- oder CSV-Datei: es ist ein gzip-Archiv: entpacken Sie es zuerst</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it is an SQLite database</source>
        <translation>keine vCard- oder CSV-Datei: es ist eine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: it contains binary data</source>
        <translation>keine vCard- oder CSV-Datei: sie enthält Binärdaten</translation>
    </message>
    <message>
        <source>the file could not be read: {reason}</source>
        <translation>die Datei konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>the file must be opened in binary mode (&apos;rb&apos;)</source>
        <translation>die Datei muss im Binärmodus (&apos;rb&apos;) geöffnet werden</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>a vCard file</source>
        <translation>einer vCard-Datei</translation>
    </message>
    <message>
        <source>a LinkedIn Connections.csv</source>
        <translation>einer Connections.csv von LinkedIn</translation>
    </message>
    <message>
        <source>a Google Contacts CSV</source>
        <translation>einer CSV-Datei aus Google Kontakte</translation>
    </message>
    <message>
        <source>an Outlook CSV</source>
        <translation>einer CSV-Datei aus Outlook</translation>
    </message>
    <message>
        <source>a CSV file</source>
        <translation>einer CSV-Datei</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: its text could not be decoded</source>
        <translation>keine vCard- oder CSV-Datei: der Text konnte nicht dekodiert werden</translation>
    </message>
    <message>
        <source>not a vCard or CSV file: there is no BEGIN:VCARD line and no row of column names</source>
        <translation>keine vCard- oder CSV-Datei: es gibt keine Zeile BEGIN:VCARD und keine Zeile mit Spaltennamen</translation>
    </message>
    <message>
        <source>this does not look like {wanted}: it is a vCard file</source>
        <translation>dies sieht nicht nach {wanted} aus: es ist eine vCard-Datei</translation>
    </message>
    <message>
        <source>this does not look like a vCard file: there is no BEGIN:VCARD line</source>
        <translation>dies sieht nicht nach einer vCard-Datei aus: es gibt keine Zeile BEGIN:VCARD</translation>
    </message>
    <message>
        <source>this does not look like {wanted}: no &apos;Connected On&apos; column</source>
        <translation>dies sieht nicht nach {wanted} aus: keine Spalte „Connected On“</translation>
    </message>
    <message>
        <source>this does not look like {wanted}: no &apos;Labels&apos;, &apos;Group Membership&apos; or &apos;E-mail 1 - Value&apos; column</source>
        <translation>dies sieht nicht nach {wanted} aus: keine Spalte „Labels“, „Group Membership“ oder „E-mail 1 - Value“</translation>
    </message>
    <message>
        <source>this does not look like {wanted}: no &apos;First Name&apos; / &apos;E-mail Address&apos; (or &apos;Vorname&apos; / &apos;E-Mail-Adresse&apos;) columns</source>
        <translation>dies sieht nicht nach {wanted} aus: keine Spalten „First Name“ / „E-mail Address“ (oder „Vorname“ / „E-Mail-Adresse“)</translation>
    </message>
    <message>
        <source>no column for the name, company, e-mail or phone was recognised in this CSV file; choose the columns by hand</source>
        <translation>in dieser CSV-Datei wurde keine Spalte für Name, Firma, E-Mail oder Telefon erkannt; wählen Sie die Spalten von Hand</translation>
    </message>
    <message>
        <source>unknown field &apos;{field}&apos; in the column choice; known fields: {fields}</source>
        <translation>unbekanntes Feld „{field}“ in der Spaltenauswahl; bekannte Felder: {fields}</translation>
    </message>
    <message>
        <source>the column &apos;{column}&apos; chosen for {field} is not in the file</source>
        <translation>die für {field} gewählte Spalte „{column}“ ist nicht in der Datei</translation>
    </message>
    <message>
        <source>choose at least one column for the name, company, e-mail or phone</source>
        <translation>wählen Sie mindestens eine Spalte für Name, Firma, E-Mail oder Telefon</translation>
    </message>
    <message>
        <source>the row has no name, company, e-mail address or phone number</source>
        <translation>die Zeile enthält weder Namen noch Firma, E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>the contact has no name, company, e-mail address or phone number</source>
        <translation>der Kontakt hat weder Namen noch Firma, E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>line {line}: the date &apos;{date}&apos; in &apos;Connected On&apos; was not understood and was left empty</source>
        <translation>Zeile {line}: das Datum „{date}“ in „Connected On“ wurde nicht erkannt und leer gelassen</translation>
    </message>
    <message>
        <source>the connection has no name, company, e-mail or profile address (LinkedIn hides members who left or limited their data)</source>
        <translation>die Verbindung hat weder Namen noch Firma, E-Mail- oder Profiladresse (LinkedIn verbirgt Mitglieder, die ausgetreten sind oder ihre Daten eingeschränkt haben)</translation>
    </message>
    <message>
        <source>the file has no First Name / Last Name columns (anonymised export?); connections are named after their position and company</source>
        <translation>die Datei hat keine Spalten First Name / Last Name (anonymisierter Export?); Verbindungen werden nach Position und Firma benannt</translation>
    </message>
    <message>
        <source>Windows-1252 (Western)</source>
        <translation>Windows-1252 (Westeuropäisch)</translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251 (Kyrillisch)</translation>
    </message>
    <message>
        <source>Windows-1253 (Greek)</source>
        <translation>Windows-1253 (Griechisch)</translation>
    </message>
    <message>
        <source>Windows-1255 (Hebrew)</source>
        <translation>Windows-1255 (Hebräisch)</translation>
    </message>
    <message>
        <source>line {line}: unknown character set &apos;{charset}&apos; ignored; the text was read as UTF-8 or a guessed Windows code page</source>
        <translation>Zeile {line}: unbekannter Zeichensatz „{charset}“ ignoriert; der Text wurde als UTF-8 oder in einer vermuteten Windows-Codepage gelesen</translation>
    </message>
    <message>
        <source>line {line}: an over-long value was cut short</source>
        <translation>Zeile {line}: ein überlanger Wert wurde gekürzt</translation>
    </message>
    <message>
        <source>line {line}: a {property} property could not be read and was ignored</source>
        <translation>Zeile {line}: eine Eigenschaft {property} konnte nicht gelesen werden und wurde ignoriert</translation>
    </message>
    <message>
        <source>line {line}: the card has too many properties; {n} were ignored</source>
        <translation>Zeile {line}: die Karte hat zu viele Eigenschaften; {n} wurden ignoriert</translation>
    </message>
    <message>
        <source>the vCard has no name, organisation, e-mail address or phone number</source>
        <translation>die vCard hat weder Namen noch Organisation, E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>the vCard is cut off (no END:VCARD) and has no name, organisation, e-mail address or phone number</source>
        <translation>die vCard ist abgeschnitten (kein END:VCARD) und hat weder Namen noch Organisation, E-Mail-Adresse oder Telefonnummer</translation>
    </message>
    <message>
        <source>line {line}: the vCard starting here has no END:VCARD; what could be read was kept</source>
        <translation>Zeile {line}: der hier beginnenden vCard fehlt END:VCARD; was gelesen werden konnte, wurde übernommen</translation>
    </message>
    <message>
        <source>text outside any vCard was ignored (line {lines} and {n} more)</source>
        <translation>Text außerhalb einer vCard wurde ignoriert (Zeile {lines} und {n} weitere)</translation>
    </message>
    <message>
        <source>text outside any vCard was ignored (line {lines})</source>
        <translation>Text außerhalb einer vCard wurde ignoriert (Zeile {lines})</translation>
    </message>
    <message>
        <source>some text was not UTF-8 and was read as {codepage}</source>
        <translation>ein Teil des Textes war kein UTF-8 und wurde als {codepage} gelesen</translation>
    </message>
    <message>
        <source>the file contains no vCard (no BEGIN:VCARD line)</source>
        <translation>die Datei enthält keine vCard (keine Zeile BEGIN:VCARD)</translation>
    </message>
    <message>
        <source>{contacts}, {content}, {shares} and {interactions}</source>
        <translation>{contacts}, {content}, {shares} und {interactions}</translation>
    </message>
    <message>
        <source>{n:,} contact</source>
        <translation>{n:,} Kontakt</translation>
    </message>
    <message>
        <source>{n:,} contacts</source>
        <translation>{n:,} Kontakte</translation>
    </message>
    <message>
        <source>{n:,} content item</source>
        <translation>{n:,} Inhalt</translation>
    </message>
    <message>
        <source>{n:,} content items</source>
        <translation>{n:,} Inhalte</translation>
    </message>
    <message>
        <source>{n:,} share</source>
        <translation>{n:,} Weitergabe</translation>
    </message>
    <message>
        <source>{n:,} shares</source>
        <translation>{n:,} Weitergaben</translation>
    </message>
    <message>
        <source>{n:,} interaction</source>
        <translation>{n:,} Interaktion</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} Interaktionen</translation>
    </message>
    <message>
        <source>{summary} (and the file&apos;s settings)</source>
        <translation>{summary} (und die Einstellungen der Datei)</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>{path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>not UTF-8 text (invalid byte at offset {offset}); a Deal Journal file is JSON saved as UTF-8</source>
        <translation>kein UTF-8-Text (ungültiges Byte an Position {offset}); eine Datei von Deal Journal ist als UTF-8 gespeichertes JSON</translation>
    </message>
    <message>
        <source>not valid JSON: {error} at line {line}, column {column}</source>
        <translation>kein gültiges JSON: {error} in Zeile {line}, Spalte {column}</translation>
    </message>
    <message>
        <source>not valid JSON: {error}</source>
        <translation>kein gültiges JSON: {error}</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level, got a list</source>
        <translation>JSON-Objekt auf oberster Ebene erwartet, aber eine Liste gefunden</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level, got a {type}</source>
        <translation>JSON-Objekt auf oberster Ebene erwartet, aber Typ {type} gefunden</translation>
    </message>
    <message>
        <source>{name} is not a number JSON allows</source>
        <translation>{name} ist keine in JSON zulässige Zahl</translation>
    </message>
    <message>
        <source>contains text that is not valid Unicode</source>
        <translation>enthält Text, der kein gültiges Unicode ist</translation>
    </message>
    <message>
        <source>the journal is damaged ({error}); restore it from a backup</source>
        <translation>das Journal ist beschädigt ({error}); stellen Sie es aus einer Sicherung wieder her</translation>
    </message>
    <message>
        <source>(stopped after {n} problems; fix these and try again)</source>
        <translation>(nach {n} Problemen abgebrochen; beheben Sie diese und versuchen Sie es erneut)</translation>
    </message>
    <message>
        <source>expected a JSON object at the top level, got {value}</source>
        <translation>JSON-Objekt auf oberster Ebene erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>required key is missing (expected {expected})</source>
        <translation>erforderlicher Schlüssel fehlt (erwartet: {expected})</translation>
    </message>
    <message>
        <source>expected {format}, got {value}: this is not a Deal Journal file</source>
        <translation>{format} erwartet, aber {value} gefunden: dies ist keine Datei von Deal Journal</translation>
    </message>
    <message>
        <source>expected the whole number {version}, got {value}</source>
        <translation>ganze Zahl {version} erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>this file was written by a newer Deal Journal (format version {version}); this version reads format version {supported}. Update Deal Journal to import it</source>
        <translation>diese Datei wurde von einer neueren Version von Deal Journal geschrieben (Formatversion {version}); diese Version liest Formatversion {supported}. Aktualisieren Sie Deal Journal, um sie zu importieren</translation>
    </message>
    <message>
        <source>{version} is not a format version Deal Journal knows (expected {supported})</source>
        <translation>{version} ist keine Formatversion, die Deal Journal kennt (erwartet: {supported})</translation>
    </message>
    <message>
        <source>expected text or null, got {value}</source>
        <translation>Text oder null erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>{stage} is not a stage (expected one of: {stages})</source>
        <translation>{stage} ist keine Phase (erlaubt: {stages})</translation>
    </message>
    <message>
        <source>expected a two-letter country code or null, got {value}</source>
        <translation>erwartet wurde ein zweibuchstabiger Ländercode oder null, gefunden {value}</translation>
    </message>
    <message>
        <source>{value} is already an alias of {other}</source>
        <translation>{value} ist schon ein anderer Name von {other}</translation>
    </message>
    <message>
        <source>{closed} is before the goal&apos;s created_on {created}</source>
        <translation>{closed} liegt vor dem Datum created_on {created} des Ziels</translation>
    </message>
    <message>
        <source>expected a date and time (YYYY-MM-DDTHH:MM), got {value}</source>
        <translation>Datum mit Uhrzeit (JJJJ-MM-TTThh:mm) erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>a share whose response is &apos;none&apos; cannot have a response date</source>
        <translation>eine Weitergabe mit der Reaktion „none“ kann kein Reaktionsdatum haben</translation>
    </message>
    <message>
        <source>{responded} is before the share&apos;s date {on}</source>
        <translation>{responded} liegt vor dem Datum {on} der Weitergabe</translation>
    </message>
    <message>
        <source>{value} is the source of another interaction of this contact</source>
        <translation>{value} ist die Quelle einer anderen Interaktion dieses Kontakts</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>(document)</source>
        <translation>(Dokument)</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>required key is missing</source>
        <translation>erforderlicher Schlüssel fehlt</translation>
    </message>
    <message>
        <source>must not be longer than {limit:,} characters</source>
        <translation>darf nicht länger als {limit:,} Zeichen sein</translation>
    </message>
    <message>
        <source>{value} is not the id of any contact in this file</source>
        <translation>{value} ist nicht die ID eines Kontakts in dieser Datei</translation>
    </message>
    <message>
        <source>{value} is not the id of any content item in this file</source>
        <translation>{value} ist nicht die ID eines Inhalts in dieser Datei</translation>
    </message>
    <message>
        <source>expected the text id of a contact, got {value}</source>
        <translation>Text-ID eines Kontakts erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected the text id of a content item, got {value}</source>
        <translation>Text-ID eines Inhalts erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>unknown key (expected one of: {keys})</source>
        <translation>unbekannter Schlüssel (erlaubt: {keys})</translation>
    </message>
    <message>
        <source>this key appears more than once in the same object</source>
        <translation>dieser Schlüssel kommt im selben Objekt mehrfach vor</translation>
    </message>
    <message>
        <source>expected an object, got {value}</source>
        <translation>Objekt erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected a list, got {value}</source>
        <translation>Liste erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected text, got {value}</source>
        <translation>Text erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>must not contain the NUL character (\u0000)</source>
        <translation>darf kein NUL-Zeichen (\u0000) enthalten</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>{value} is used twice</source>
        <translation>{value} wird doppelt verwendet</translation>
    </message>
    <message>
        <source>expected a non-empty text identifier, got {value}</source>
        <translation>nicht leere Text-ID erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <translation>{value} ist nicht zulässig (erlaubt: {choices})</translation>
    </message>
    <message>
        <source>expected one of {choices}, got {value}</source>
        <translation>einer der Werte {choices} erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected a date (YYYY-MM-DD), got {value}</source>
        <translation>Datum (JJJJ-MM-TT) erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected a date or date and time (YYYY-MM-DDTHH:MM), got {value}</source>
        <translation>Datum oder Datum mit Uhrzeit (JJJJ-MM-TTThh:mm) erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected true or false, got {value}</source>
        <translation>true oder false erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>{value} is out of range ({low} to {high})</source>
        <translation>{value} liegt außerhalb des zulässigen Bereichs ({low} bis {high})</translation>
    </message>
    <message>
        <source>expected a whole number from {low} to {high} or null, got {value}</source>
        <translation>ganze Zahl von {low} bis {high} oder null erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected a whole number from {low} to {high}, got {value}</source>
        <translation>ganze Zahl von {low} bis {high} erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>{value} is not the id of any goal in this file</source>
        <translation>{value} ist nicht die ID eines Ziels in dieser Datei</translation>
    </message>
    <message>
        <source>goal {goal} belongs to contact {contact}, not to {other}</source>
        <translation>das Ziel {goal} gehört zum Kontakt {contact}, nicht zu {other}</translation>
    </message>
    <message>
        <source>expected the text id of a goal or null, got {value}</source>
        <translation>Text-ID eines Ziels oder null erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>expected non-empty text, got {value}</source>
        <translation>nicht leerer Text erwartet, aber {value} gefunden</translation>
    </message>
    <message>
        <source>{value} is listed twice</source>
        <translation>{value} ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>contains a character that is not valid Unicode (a lone surrogate)</source>
        <translation>enthält ein Zeichen, das kein gültiges Unicode ist (ein einzelnes Surrogat)</translation>
    </message>
    <message>
        <source>{field} must be text, not {type}.</source>
        <translation>Das Feld „{field}“ muss Text enthalten, nicht {type}.</translation>
    </message>
    <message>
        <source>{field} is too long ({size} characters; the limit is {limit}).</source>
        <translation>Das Feld „{field}“ ist zu lang ({size} Zeichen; erlaubt sind höchstens {limit}).</translation>
    </message>
    <message>
        <source>{field} contains a NUL character, which cannot be stored.</source>
        <translation>Das Feld „{field}“ enthält ein NUL-Zeichen, das nicht gespeichert werden kann.</translation>
    </message>
    <message>
        <source>{field} cannot be empty.</source>
        <translation>Das Feld „{field}“ darf nicht leer sein.</translation>
    </message>
    <message>
        <source>{field} {value} is not one of {allowed}.</source>
        <translation>Der Wert {value} ist für „{field}“ nicht zulässig (erlaubt: {allowed}).</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>Das Feld „{field}“ muss ausgefüllt werden.</translation>
    </message>
    <message>
        <source>{field}: {problem}.</source>
        <translation>{field}: {problem}.</translation>
    </message>
    <message>
        <source>The keep-in-touch cadence must be a whole number of days (0 or more), not {value}.</source>
        <translation>Der Kontaktrhythmus muss eine ganze Zahl von Tagen sein (0 oder mehr), nicht {value}.</translation>
    </message>
    <message>
        <source>{field} label</source>
        <translation>{field}-Bezeichnung</translation>
    </message>
    <message>
        <source>There is no contact #{id} (it may have been deleted).</source>
        <translation>Kontakt #{id} existiert nicht (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>There is no goal #{id}.</source>
        <translation>Ziel #{id} existiert nicht.</translation>
    </message>
    <message>
        <source>The goal “{title}” belongs to another contact.</source>
        <translation>Das Ziel „{title}“ gehört zu einem anderen Kontakt.</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Datum der Wiedervorlage</translation>
    </message>
    <message>
        <source>Unknown interaction field: {key}.</source>
        <translation>Unbekanntes Interaktionsfeld: {key}.</translation>
    </message>
    <message>
        <source>There is no journal entry #{id} (it may have been deleted).</source>
        <translation>Journaleintrag #{id} existiert nicht (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>Choose at least one contact to share with.</source>
        <translation>Wählen Sie mindestens einen Kontakt, mit dem geteilt werden soll.</translation>
    </message>
    <message>
        <source>Share date</source>
        <translation>Datum der Weitergabe</translation>
    </message>
    <message>
        <source>Shared via</source>
        <translation>Geteilt über</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>A goal belongs to one contact: share with one contact to link a goal.</source>
        <translation>Ein Ziel gehört zu genau einem Kontakt: Um ein Ziel zu verknüpfen, teilen Sie mit nur einem Kontakt.</translation>
    </message>
    <message>
        <source>There is no content item #{id} to share (it may have been deleted).</source>
        <translation>Inhalt #{id} existiert nicht und kann nicht geteilt werden (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>There is no share #{id} (it may have been deleted).</source>
        <translation>Weitergabe #{id} existiert nicht (vielleicht wurde sie gelöscht).</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Response date</source>
        <translation>Datum der Reaktion</translation>
    </message>
    <message>
        <source>The response date {responded} is before the share itself ({shared}).</source>
        <translation>Das Datum der Reaktion ({responded}) liegt vor der Weitergabe selbst ({shared}).</translation>
    </message>
    <message>
        <source>Unknown share field: {key}.</source>
        <translation>Unbekanntes Weitergabefeld: {key}.</translation>
    </message>
    <message>
        <source>The share date {shared} is after its response ({responded}).</source>
        <translation>Das Datum der Weitergabe ({shared}) liegt nach der Reaktion ({responded}).</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Buying style</source>
        <translation>Kaufstil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Created date</source>
        <translation>Anlagedatum</translation>
    </message>
    <message>
        <source>Unknown contact field(s): {fields}.</source>
        <translation>Nicht bekannt als Kontaktfeld: {fields}.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>A contact is named by its number, not {value}.</source>
        <extracomment>The reserved tag of contacts waiting for a keep-in-touch decision (stored as it is, like every tag: the journal&apos;s own word, not translated).</extracomment>
        <translation>Ein Kontakt wird über seine Nummer angegeben, nicht über {value}.</translation>
    </message>
    <message>
        <source>No contact is selected.</source>
        <translation>Es ist kein Kontakt ausgewählt.</translation>
    </message>
    <message>
        <source>{n} of the selected contacts no longer exists (it may have been deleted).</source>
        <translation>{n} der ausgewählten Kontakte existiert nicht mehr (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>{n} of the selected contacts no longer exist (they may have been deleted).</source>
        <translation>{n} der ausgewählten Kontakte existieren nicht mehr (vielleicht wurden sie gelöscht).</translation>
    </message>
    <message>
        <source>Date of the stage change</source>
        <translation>Datum des Phasenwechsels</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Profile URL</source>
        <translation>Profil-URL</translation>
    </message>
    <message>
        <source>Following since</source>
        <translation>Gefolgt seit</translation>
    </message>
    <message>
        <source>Follows back</source>
        <translation>Folgt zurück</translation>
    </message>
    <message>
        <source>Unknown channel field: {key}.</source>
        <translation>Unbekanntes Kanalfeld: {key}.</translation>
    </message>
    <message>
        <source>There is no channel #{id}.</source>
        <translation>Kanal #{id} existiert nicht.</translation>
    </message>
    <message>
        <source>That stage change no longer exists.</source>
        <translation>Dieser Phasenwechsel existiert nicht mehr.</translation>
    </message>
    <message>
        <source>URL or file</source>
        <translation>URL oder Datei</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>There is no content item #{id} (it may have been deleted).</source>
        <translation>Inhalt #{id} existiert nicht (vielleicht wurde er gelöscht).</translation>
    </message>
    <message>
        <source>Unknown content field: {key}.</source>
        <translation>Unbekanntes Inhaltsfeld: {key}.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>There is no goal #{id} (it may have been deleted).</source>
        <translation>Ziel #{id} existiert nicht (vielleicht wurde es gelöscht).</translation>
    </message>
    <message>
        <source>Unknown goal field: {key}.</source>
        <translation>Unbekanntes Zielfeld: {key}.</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>Zielstatus</translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>The closing date {closed} is before the goal was set ({created}).</source>
        <translation>Das Abschlussdatum {closed} liegt vor dem Tag, an dem das Ziel gesetzt wurde ({created}).</translation>
    </message>
    <message>
        <source>The health window must be between 1 and 3650 days, not {days}.</source>
        <translation>Der Zeitraum für den Beziehungsstatus muss zwischen 1 und 3650 Tagen liegen, nicht {days}.</translation>
    </message>
    <message>
        <source>The cadence for {stage} must be 0 or more days, not {days}.</source>
        <translation>Der Kontaktrhythmus für die Phase {stage} muss 0 oder mehr Tage betragen, nicht {days}.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>The phone region must be a two-letter country code (like DE or GB), not {region}.</source>
        <translation>Die Telefonregion muss ein zweibuchstabiger Ländercode sein (etwa DE oder GB), nicht {region}.</translation>
    </message>
    <message>
        <source>That interaction no longer exists.</source>
        <translation>Diese Interaktion existiert nicht mehr.</translation>
    </message>
    <message>
        <source>That share no longer exists.</source>
        <translation>Diese Weitergabe existiert nicht mehr.</translation>
    </message>
    <message>
        <source>That channel no longer exists.</source>
        <translation>Dieser Kanal existiert nicht mehr.</translation>
    </message>
    <message>
        <source>That goal no longer exists.</source>
        <translation>Dieses Ziel existiert nicht mehr.</translation>
    </message>
    <message>
        <source>That reminder no longer exists.</source>
        <translation>Diese Erinnerung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>This can no longer be undone: the journal has changed since ({problem}).</source>
        <translation>Das lässt sich nicht mehr rückgängig machen: Das Journal wurde inzwischen geändert ({problem}).</translation>
    </message>
    <message>
        <source>There is no contact #{id}.</source>
        <translation>Kontakt #{id} existiert nicht.</translation>
    </message>
    <message>
        <source>A person cannot be erased in the middle of another change.</source>
        <translation>Eine Person kann nicht während einer anderen Änderung endgültig gelöscht werden.</translation>
    </message>
    <message>
        <source>The person was erased, but another program is reading the journal, so the freed space could not be overwritten yet. Close that program and compact the journal.</source>
        <translation>Die Person wurde gelöscht, aber ein anderes Programm liest gerade das Journal, daher konnte der freigewordene Speicherplatz noch nicht überschrieben werden. Schließen Sie dieses Programm und komprimieren Sie das Journal.</translation>
    </message>
    <message>
        <source>you do all the reaching out</source>
        <translation>nur Sie melden sich</translation>
    </message>
    <message>
        <source>they do all the reaching out</source>
        <translation>nur die andere Seite meldet sich</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <source>{n} day overdue (due {due})</source>
        <translation>{n} Tag überfällig (fällig am {due})</translation>
    </message>
    <message>
        <source>{n} days overdue (due {due})</source>
        <translation>{n} Tage überfällig (fällig am {due})</translation>
    </message>
    <message>
        <source>shared today, no response yet</source>
        <translation>heute geteilt, noch keine Reaktion</translation>
    </message>
    <message>
        <source>{n} day without a response</source>
        <translation>{n} Tag ohne Reaktion</translation>
    </message>
    <message>
        <source>{n} days without a response</source>
        <translation>{n} Tage ohne Reaktion</translation>
    </message>
    <message>
        <source>not followed back on {network} since {since}</source>
        <translation>folgt seit {since} auf {network} nicht zurück</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>One-sided</source>
        <translation>Einseitig</translation>
    </message>
    <message>
        <source>You do all the reaching out</source>
        <translation>Nur Sie melden sich</translation>
    </message>
    <message>
        <source>They&apos;re waiting on you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>stale +{n}d</source>
        <translation>überfällig +{n} Tg.</translation>
    </message>
    <message>
        <source>one-sided (you)</source>
        <translation>einseitig (Sie)</translation>
    </message>
    <message>
        <source>waiting on you</source>
        <translation>wartet auf Sie</translation>
    </message>
    <message>
        <source>unanswered share</source>
        <translation>unbeantwortete Weitergabe</translation>
    </message>
    <message>
        <source>unanswered shares</source>
        <translation>unbeantwortete Weitergaben</translation>
    </message>
    <message>
        <source>follow imbalance</source>
        <translation>einseitiges Folgen</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>tag: {tag}</source>
        <translation>Schlagwort: {tag}</translation>
    </message>
    <message>
        <source>goal: {goal}</source>
        <translation>Ziel: {goal}</translation>
    </message>
    <message>
        <source>no response yet</source>
        <translation>noch keine Reaktion</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>gesehen</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>geantwortet</translation>
    </message>
    <message>
        <source>acted</source>
        <translation>umgesetzt</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>engaged</source>
        <translation>im Gespräch</translation>
    </message>
    <message>
        <source>opportunity</source>
        <translation>Chance</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>advocate</source>
        <translation>Fürsprecher</translation>
    </message>
    <message>
        <source>Shared “{title}” via {via} — {answer}</source>
        <translation>„{title}“ über {via} geteilt — {answer}</translation>
    </message>
    <message>
        <source>Shared “{title}” — {answer}</source>
        <translation>„{title}“ geteilt — {answer}</translation>
    </message>
    <message>
        <source>Stage: {old} → {new}</source>
        <translation>Phase: {old} → {new}</translation>
    </message>
    <message>
        <source>Stage: started as {stage}</source>
        <translation>Phase: zu Beginn {stage}</translation>
    </message>
    <message>
        <source>The journal {path} is in use by another Deal Journal (process {process}). Close it there first, or open a different journal.</source>
        <translation>Das Journal {path} ist bereits in einer anderen Instanz von Deal Journal geöffnet (Prozess {process}). Schließen Sie es zuerst dort oder öffnen Sie ein anderes Journal.</translation>
    </message>
    <message>
        <source>The journal {path} is in use by another Deal Journal. Close it there first, or open a different journal.</source>
        <translation>Das Journal {path} ist bereits in einer anderen Instanz von Deal Journal geöffnet. Schließen Sie es zuerst dort oder öffnen Sie ein anderes Journal.</translation>
    </message>
    <message>
        <source>The journal {path} is being opened by another program; try again.</source>
        <translation>Das Journal {path} wird gerade von einem anderen Programm geöffnet; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The journal {path} cannot be opened for writing: its folder is read-only or not accessible ({reason}).</source>
        <translation>Das Journal {path} kann nicht zum Schreiben geöffnet werden: Sein Ordner ist schreibgeschützt oder nicht zugänglich ({reason}).</translation>
    </message>
    <message>
        <source>a cloud storage service</source>
        <translation>ein Cloud-Speicherdienst</translation>
    </message>
    <message>
        <source>This journal is inside a {service} folder. File-sync services copy a database file while it is being written, and copy it separately from its &quot;-wal&quot; companion file, which can corrupt the journal or lose recent changes, especially when two computers use it. Keep the journal in a local folder that is not synced (the default location is fine) and let the service sync the backups or exported JSON files instead.</source>
        <translation>Dieses Journal liegt in einem Ordner, den {service} synchronisiert. Dateisynchronisierungsdienste kopieren eine Datenbankdatei, während in sie geschrieben wird, und getrennt von ihrer Begleitdatei „-wal“. Dadurch kann das Journal beschädigt werden oder es gehen die letzten Änderungen verloren, besonders wenn zwei Computer es verwenden. Bewahren Sie das Journal in einem lokalen Ordner auf, der nicht synchronisiert wird (der Standardort ist geeignet), und lassen Sie stattdessen die Sicherungen oder exportierten JSON-Dateien synchronisieren.</translation>
    </message>
    <message>
        <source>the journal</source>
        <translation>(Pfad unbekannt)</translation>
    </message>
    <message>
        <source>Cannot create the folder for the journal {folder}: {reason}</source>
        <translation>Der Ordner {folder} für das Journal kann nicht angelegt werden: {reason}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a journal file.</source>
        <translation>{path} ist ein Ordner, keine Journaldatei.</translation>
    </message>
    <message>
        <source>There is no journal at {path}.</source>
        <translation>Unter {path} gibt es kein Journal.</translation>
    </message>
    <message>
        <source>{path} is not a Deal Journal file (it is not an SQLite database).</source>
        <translation>{path} ist keine Datei von Deal Journal (es ist keine SQLite-Datenbank).</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a Deal Journal file.</source>
        <translation>{path} ist eine SQLite-Datenbank, aber keine Datei von Deal Journal.</translation>
    </message>
    <message>
        <source>The journal {path} is damaged and was moved to {moved}.</source>
        <translation>Das Journal {path} ist beschädigt und wurde nach {moved} verschoben.</translation>
    </message>
    <message>
        <source>The journal {path} is damaged.</source>
        <translation>Das Journal {path} ist beschädigt.</translation>
    </message>
    <message>
        <source>The newest good backup is {name}, taken {taken}; restore it to continue.</source>
        <translation>Die neueste intakte Sicherung ist {name} vom {taken}; stellen Sie sie wieder her, um fortzufahren.</translation>
    </message>
    <message>
        <source>The newest good backup is {name}; restore it to continue.</source>
        <translation>Die neueste intakte Sicherung ist {name}; stellen Sie sie wieder her, um fortzufahren.</translation>
    </message>
    <message>
        <source>No good backup was found.</source>
        <translation>Es wurde keine intakte Sicherung gefunden.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Deal Journal (journal format {version}); this version reads formats up to {supported}. Install the newer Deal Journal to open it; the file has not been changed.</source>
        <translation>{path} wurde von einer neueren Version von Deal Journal geschrieben (Journalformat {version}); diese Version liest Formate bis {supported}. Installieren Sie die neuere Version von Deal Journal, um die Datei zu öffnen; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The journal {path} is in use by another program; close it and try again.</source>
        <translation>Das Journal {path} wird von einem anderen Programm verwendet; schließen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The journal {path} cannot be written: the file or its folder is read-only.</source>
        <translation>Das Journal {path} kann nicht geschrieben werden: Die Datei oder ihr Ordner ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; free some space and try again. Nothing was saved.</source>
        <translation>Der Datenträger mit dem Journal {path} ist voll; geben Sie Speicherplatz frei und versuchen Sie es erneut. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The journal {path} is damaged ({problem}). Close it and restore a backup.</source>
        <translation>Das Journal {path} ist beschädigt ({problem}). Schließen Sie es und stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The journal {path} cannot be opened: check that its folder exists and is writable.</source>
        <translation>Das Journal {path} kann nicht geöffnet werden: Prüfen Sie, ob sein Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>The journal {path} could not be read or written (disk error: {problem}). Nothing was saved.</source>
        <translation>Das Journal {path} konnte nicht gelesen oder geschrieben werden (Datenträgerfehler: {problem}). Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The journal {path} cannot be opened: {problem}</source>
        <translation>Das Journal {path} kann nicht geöffnet werden: {problem}</translation>
    </message>
    <message>
        <source>(no summary)</source>
        <translation>(keine Zusammenfassung)</translation>
    </message>
    <message>
        <source>reminder due today: {text}</source>
        <translation>Erinnerung heute fällig: {text}</translation>
    </message>
    <message>
        <source>reminder {n} day overdue: {text}</source>
        <translation>Erinnerung {n} Tag überfällig: {text}</translation>
    </message>
    <message>
        <source>reminder {n} days overdue: {text}</source>
        <translation>Erinnerung {n} Tage überfällig: {text}</translation>
    </message>
    <message>
        <source>follow-up due today: {text}</source>
        <translation>Wiedervorlage heute fällig: {text}</translation>
    </message>
    <message>
        <source>follow-up {n} day overdue: {text}</source>
        <translation>Wiedervorlage {n} Tag überfällig: {text}</translation>
    </message>
    <message>
        <source>follow-up {n} days overdue: {text}</source>
        <translation>Wiedervorlage {n} Tage überfällig: {text}</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Zurückgestellt bis</translation>
    </message>
    <message>
        <source>Snoozed since</source>
        <translation>Zurückgestellt seit</translation>
    </message>
    <message>
        <source>Snooze until a day after today ({day} is not).</source>
        <translation>Zurückstellen ist nur bis zu einem Tag nach heute möglich ({day} liegt nicht danach).</translation>
    </message>
    <message>
        <source>Reminder date</source>
        <translation>Datum der Erinnerung</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Done date</source>
        <translation>Erledigungsdatum</translation>
    </message>
    <message>
        <source>Unknown reminder field: {key}.</source>
        <translation>Unbekanntes Erinnerungsfeld: {key}.</translation>
    </message>
    <message>
        <source>There is no reminder #{id} (it may have been deleted).</source>
        <translation>Erinnerung #{id} existiert nicht (vielleicht wurde sie gelöscht).</translation>
    </message>
    <message>
        <source>{n:,} added</source>
        <translation>{n:,} hinzugefügt</translation>
    </message>
    <message>
        <source>{n:,} already there</source>
        <translation>{n:,} schon vorhanden</translation>
    </message>
    <message>
        <source>{n:,} new contact</source>
        <translation>{n:,} neuer Kontakt</translation>
    </message>
    <message>
        <source>{n:,} new contacts</source>
        <translation>{n:,} neue Kontakte</translation>
    </message>
    <message>
        <source>No journal is open to capture into.</source>
        <translation>Es ist kein Journal geöffnet, in das erfasst werden kann.</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>{file} lässt sich nicht lesen: {error}</translation>
    </message>
    <message>
        <source>{file} is not a calendar: it has no BEGIN:VCALENDAR line.</source>
        <translation>{file} ist kein Kalender: Die Datei hat keine Zeile BEGIN:VCALENDAR.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} ist leer.</translation>
    </message>
    <message>
        <source>{file} is not a mailbox (mbox, Maildir, .eml), a calendar (.ics), a LinkedIn export, a WhatsApp chat or a Telegram export.</source>
        <translation>{file} ist weder ein Postfach (mbox, Maildir, .eml) noch ein Kalender (.ics), ein LinkedIn-Export, ein WhatsApp-Chat oder ein Telegram-Export.</translation>
    </message>
    <message>
        <source>{file} is not a readable zip archive (it may be cut off: download it again).</source>
        <translation>{file} ist kein lesbares Zip-Archiv (es ist vielleicht abgeschnitten: laden Sie es erneut herunter).</translation>
    </message>
    <message>
        <source>{file} holds neither messages.csv nor Invitations.csv: it is not a LinkedIn data export.</source>
        <translation>{file} enthält weder messages.csv noch Invitations.csv: Das ist kein LinkedIn-Datenexport.</translation>
    </message>
    <message>
        <source>{member} in {file} cannot be read (the archive may be damaged: download it again).</source>
        <translation>{member} in {file} lässt sich nicht lesen (das Archiv ist vielleicht beschädigt: laden Sie es erneut herunter).</translation>
    </message>
    <message>
        <source>{file} has no header LinkedIn writes (CONVERSATION ID, FROM, DATE, … or From, To, Sent At, Direction, …).</source>
        <translation>{file} hat keine Kopfzeile, wie LinkedIn sie schreibt (CONVERSATION ID, FROM, DATE, … oder From, To, Sent At, Direction, …).</translation>
    </message>
    <message>
        <source>LinkedIn invitation</source>
        <translation>LinkedIn-Einladung</translation>
    </message>
    <message>
        <source>{file} is not an mbox mailbox: it does not begin with a &quot;From &quot; line.</source>
        <translation>{file} ist kein mbox-Postfach: Die Datei beginnt nicht mit einer Zeile „From “.</translation>
    </message>
    <message>
        <source>{file} is not a complete Telegram export: its JSON is cut off or damaged.</source>
        <translation>{file} ist kein vollständiger Telegram-Export: Sein JSON ist abgeschnitten oder beschädigt.</translation>
    </message>
    <message>
        <source>{file} is not a Telegram export: its JSON is nested more than {depth} levels deep.</source>
        <translation>{file} ist kein Telegram-Export: sein JSON ist mehr als {depth} Ebenen tief verschachtelt.</translation>
    </message>
    <message>
        <source>WhatsApp chat</source>
        <translation>WhatsApp-Chat</translation>
    </message>
    <message>
        <source>{file} is not a WhatsApp chat export: no line starts with a date and time.</source>
        <translation>{file} ist kein WhatsApp-Chatexport: Keine Zeile beginnt mit Datum und Uhrzeit.</translation>
    </message>
    <message>
        <source>{file}: every date in the chat reads both as day/month and as month/day; choose the order the chat uses.</source>
        <translation>{file}: Jedes Datum im Chat lässt sich als Tag/Monat wie als Monat/Tag lesen; wählen Sie die Reihenfolge, die der Chat verwendet.</translation>
    </message>
    <message>
        <source>{file} cannot be read: the chat in it is encrypted or compressed in an unknown way ({error}).</source>
        <translation>{file} lässt sich nicht lesen: Der Chat darin ist verschlüsselt oder auf unbekannte Weise komprimiert ({error}).</translation>
    </message>
    <message>
        <source>{file} holds no WhatsApp chat: there is no _chat.txt or chat text file in it.</source>
        <translation>{file} enthält keinen WhatsApp-Chat: Darin gibt es keine _chat.txt und keine Chat-Textdatei.</translation>
    </message>
    <message>
        <source>{file} is damaged: the chat in it cannot be read to the end ({error}).</source>
        <translation>{file} ist beschädigt: Der Chat darin lässt sich nicht bis zum Ende lesen ({error}).</translation>
    </message>
    <message>
        <source>{server} is not an https:// address: Deal Journal reads calendars over TLS only.</source>
        <translation>{server} ist keine https://-Adresse: Deal Journal liest Kalender nur über TLS.</translation>
    </message>
    <message>
        <source>{server} is not a server address.</source>
        <translation>{server} ist keine Serveradresse.</translation>
    </message>
    <message>
        <source>{server} did not answer within {n} second. Try again later.</source>
        <translation>{server} hat nicht innerhalb von {n} Sekunde geantwortet. Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>{server} did not answer within {n} seconds. Try again later.</source>
        <translation>{server} hat nicht innerhalb von {n} Sekunden geantwortet. Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>{server} cannot be reached. Check the address and that you are online.</source>
        <translation>{server} ist nicht erreichbar. Prüfen Sie die Adresse und ob Sie online sind.</translation>
    </message>
    <message>
        <source>{server} does not let {user} read the calendar {calendar}.</source>
        <translation>{server} lässt {user} den Kalender {calendar} nicht lesen.</translation>
    </message>
    <message>
        <source>{server} refused the user name or password of {user}. Check them (some providers want an app password).</source>
        <translation>{server} hat den Benutzernamen oder das Passwort von {user} abgelehnt. Prüfen Sie beides (manche Anbieter verlangen ein App-Passwort).</translation>
    </message>
    <message>
        <source>The calendar {calendar} is no longer on {server}: choose the calendars again in the account&apos;s settings.</source>
        <translation>Der Kalender {calendar} ist nicht mehr auf {server}: Wählen Sie die Kalender in den Einstellungen des Kontos neu.</translation>
    </message>
    <message>
        <source>{server} does not answer as a CalDAV server. Check the address (your provider&apos;s help names it, often ending in /dav/ or /caldav/).</source>
        <translation>{server} antwortet nicht wie ein CalDAV-Server. Prüfen Sie die Adresse (die Hilfe Ihres Anbieters nennt sie, oft endet sie auf /dav/ oder /caldav/).</translation>
    </message>
    <message>
        <source>{server} does not speak TLS (https) on this port. Check the address.</source>
        <translation>{server} spricht auf diesem Port kein TLS (https). Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>The certificate of {server} cannot be verified (it is self-signed, expired, or made out to another name). Its SHA-256 fingerprint is {fingerprint}: trust it only if that is your server&apos;s.</source>
        <translation>Das Zertifikat von {server} lässt sich nicht prüfen (es ist selbst signiert, abgelaufen oder auf einen anderen Namen ausgestellt). Sein SHA-256-Fingerabdruck ist {fingerprint}: Vertrauen Sie ihm nur, wenn das der Ihres Servers ist.</translation>
    </message>
    <message>
        <source>Cannot reach {server}: the server name is not known (check it, and whether you are online).</source>
        <translation>{server} ist nicht erreichbar: Der Servername ist unbekannt (bitte prüfen, auch ob eine Internetverbindung besteht).</translation>
    </message>
    <message>
        <source>Cannot reach {server}: connection refused (check the server and port).</source>
        <translation>{server} ist nicht erreichbar: Verbindung abgelehnt (bitte Server und Port prüfen).</translation>
    </message>
    <message>
        <source>Cannot reach {server}: no answer within {seconds} s.</source>
        <translation>{server} ist nicht erreichbar: keine Antwort innerhalb von {seconds} s.</translation>
    </message>
    <message>
        <source>Cannot reach {server}: {reason}.</source>
        <translation>{server} ist nicht erreichbar: {reason}.</translation>
    </message>
    <message>
        <source>{server} refused the user name or password.</source>
        <translation>{server} hat den Benutzernamen oder das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>A secure connection to {server} failed: {reason}.</source>
        <translation>Die sichere Verbindung zu {server} ist fehlgeschlagen: {reason}.</translation>
    </message>
    <message>
        <source>{server} closed the connection: {reason}.</source>
        <translation>{server} hat die Verbindung beendet: {reason}.</translation>
    </message>
    <message>
        <source>{server} answered with an error: {reason}.</source>
        <translation>{server} hat mit einem Fehler geantwortet: {reason}.</translation>
    </message>
    <message>
        <source>{server} stopped answering (nothing for {seconds} s); try again later.</source>
        <translation>{server} antwortet nicht mehr (seit {seconds} s nichts); bitte später erneut versuchen.</translation>
    </message>
    <message>
        <source>{server} does not offer STARTTLS, and a password is never sent unencrypted: choose SSL/TLS (usually port 993).</source>
        <translation>{server} bietet kein STARTTLS an, und ein Passwort wird nie unverschlüsselt gesendet: Bitte wählen Sie SSL/TLS (meist Port 993).</translation>
    </message>
    <message>
        <source>The certificate of {server} cannot be verified ({reason}). Trust it only if its SHA-256 fingerprint is the one your provider gives: {fingerprint}</source>
        <translation>Das Zertifikat von {server} lässt sich nicht prüfen ({reason}). Vertrauen Sie ihm nur, wenn sein SHA-256-Fingerabdruck der ist, den Ihr Anbieter nennt: {fingerprint}</translation>
    </message>
    <message>
        <source>The certificate of {server} is no longer the one you chose to trust; its SHA-256 fingerprint is now {fingerprint}. Trust it only if your provider says it changed.</source>
        <translation>Das Zertifikat von {server} ist nicht mehr das, dem Sie vertraut haben; sein SHA-256-Fingerabdruck ist jetzt {fingerprint}. Vertrauen Sie ihm nur, wenn Ihr Anbieter den Wechsel bestätigt.</translation>
    </message>
    <message>
        <source>{server} has no folder {folder}.</source>
        <translation>{server} hat keinen Ordner {folder}.</translation>
    </message>
    <message>
        <source>There is no account {name}.</source>
        <translation>Es gibt kein Konto {name}.</translation>
    </message>
    <message>
        <source>An account is IMAP or CalDAV, not {kind}.</source>
        <translation>Ein Konto ist IMAP oder CalDAV, nicht {kind}.</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>Ein Konto braucht einen Namen.</translation>
    </message>
    <message>
        <source>An account needs a server.</source>
        <translation>Ein Konto braucht einen Server.</translation>
    </message>
    <message>
        <source>A CalDAV account needs the server&apos;s https:// address, not {host}.</source>
        <translation>Ein CalDAV-Konto braucht die https://-Adresse des Servers, nicht {host}.</translation>
    </message>
    <message>
        <source>An account needs a user name.</source>
        <translation>Ein Konto braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <source>The connection is SSL/TLS or STARTTLS, not {security}.</source>
        <translation>Die Verbindung ist SSL/TLS oder STARTTLS, nicht {security}.</translation>
    </message>
    <message>
        <source>{port} is not a port number.</source>
        <translation>{port} ist keine Portnummer.</translation>
    </message>
    <message>
        <source>The first fetch reads 1 to 120 months back, not {months}.</source>
        <translation>Der erste Abruf liest 1 bis 120 Monate zurück, nicht {months}.</translation>
    </message>
    <message>
        <source>There is already an account called {name}.</source>
        <translation>Es gibt schon ein Konto namens {name}.</translation>
    </message>
    <message>
        <source>The sync folder {folder} does not exist (or is not mounted).</source>
        <translation>Den Sync-Ordner {folder} gibt es nicht (oder er ist nicht eingehängt).</translation>
    </message>
    <message>
        <source>No sync folder yet: choose one (the command line: --folder DIR; it is remembered).</source>
        <translation>Noch kein Sync-Ordner: Wählen Sie einen (auf der Befehlszeile: --folder ORDNER; er wird gemerkt).</translation>
    </message>
    <message>
        <source>The sync folder {folder} does not exist (or is not mounted); nothing was changed.</source>
        <translation>Den Sync-Ordner {folder} gibt es nicht (oder er ist nicht eingehängt); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Sync with {folder} failed: {error}. The journal is as it was.</source>
        <translation>Synchronisierung mit {folder} fehlgeschlagen: {error}. Das Journal ist unverändert.</translation>
    </message>
</context>
<context>
    <name>entries</name>
    <message>
        <source>mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Captured from a mailbox (mbox)</source>
        <translation>Erfasst aus einem Postfach (mbox)</translation>
    </message>
    <message>
        <source>Captured from a Maildir mail folder</source>
        <translation>Erfasst aus einem Maildir-Mailordner</translation>
    </message>
    <message>
        <source>Captured from a saved e-mail (.eml)</source>
        <translation>Erfasst aus einer gespeicherten E-Mail (.eml)</translation>
    </message>
    <message>
        <source>Captured from a calendar (.ics)</source>
        <translation>Erfasst aus einem Kalender (.ics)</translation>
    </message>
    <message>
        <source>Captured from a LinkedIn data export</source>
        <translation>Erfasst aus einem LinkedIn-Datenexport</translation>
    </message>
    <message>
        <source>Captured from a WhatsApp chat export</source>
        <translation>Erfasst aus einem WhatsApp-Chatexport</translation>
    </message>
    <message>
        <source>Captured from a Telegram export</source>
        <translation>Erfasst aus einem Telegram-Export</translation>
    </message>
    <message>
        <source>Fetched from an IMAP account</source>
        <translation>Aus einem IMAP-Konto abgerufen</translation>
    </message>
    <message>
        <source>Fetched from a CalDAV account</source>
        <translation>Aus einem CalDAV-Konto abgerufen</translation>
    </message>
    <message>
        <source>{change}. Undo: {keys}</source>
        <extracomment>Status bar after deleting a timeline entry (&quot;Delete call with Ada Byron (2026-12-03). Undo: Ctrl+Z&quot;)</extracomment>
        <translation>{change}. Rückgängig: {keys}</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Mark &amp;Not Done</source>
        <translation>Als &amp;nicht erledigt markieren</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Captured from a file ({kind})</source>
        <translation>Erfasst aus einer Datei ({kind})</translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation>aus {source}</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Deal Journal JSON — everything, re-importable (*.json)</source>
        <translation>Deal Journal JSON — alles, wieder importierbar (*.json)</translation>
    </message>
    <message>
        <source>CSV — contacts with their health, for spreadsheets (*.csv)</source>
        <translation>CSV — Kontakte mit Beziehungsstatus, für Tabellenkalkulationen (*.csv)</translation>
    </message>
    <message>
        <source>vCard 4.0 — contacts for address books (*.vcf *.vcard)</source>
        <translation>vCard 4.0 — Kontakte für Adressbücher (*.vcf *.vcard)</translation>
    </message>
    <message>
        <source>iCalendar — open follow-ups for calendars (*.ics)</source>
        <translation>iCalendar — offene Wiedervorlagen für Kalender (*.ics)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exported the journal ({n} contact) to {file}</source>
        <translation>Journal ({n} Kontakt) nach {file} exportiert</translation>
    </message>
    <message>
        <source>Exported the journal ({n} contacts) to {file}</source>
        <translation>Journal ({n} Kontakte) nach {file} exportiert</translation>
    </message>
    <message>
        <source>Exported {n} open follow-up to {file}</source>
        <translation>{n} offene Wiedervorlage nach {file} exportiert</translation>
    </message>
    <message>
        <source>Exported {n} open follow-ups to {file}</source>
        <translation>{n} offene Wiedervorlagen nach {file} exportiert</translation>
    </message>
    <message>
        <source>Exported {n} contact to {file}</source>
        <translation>{n} Kontakt nach {file} exportiert</translation>
    </message>
    <message>
        <source>Exported {n} contacts to {file}</source>
        <translation>{n} Kontakte nach {file} exportiert</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Export nach {file}…</translation>
    </message>
    <message>
        <source>Could not export to {path}:

{reason}</source>
        <translation>Der Export nach {path} ist fehlgeschlagen:

{reason}</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Deal Journal JSON</source>
        <translation>Deal Journal JSON</translation>
    </message>
    <message>
        <source>vCard (.vcf)</source>
        <translation>vCard (.vcf)</translation>
    </message>
    <message>
        <source>LinkedIn connections (CSV)</source>
        <translation>LinkedIn-Kontakte (CSV)</translation>
    </message>
    <message>
        <source>Google Contacts (CSV)</source>
        <translation>Google Kontakte (CSV)</translation>
    </message>
    <message>
        <source>Outlook (CSV)</source>
        <translation>Outlook (CSV)</translation>
    </message>
    <message>
        <source>Other CSV — choose the columns</source>
        <translation>Andere CSV – Spalten selbst wählen</translation>
    </message>
    <message>
        <source>a Deal Journal JSON file</source>
        <translation>JSON-Datei von Deal Journal</translation>
    </message>
    <message>
        <source>a vCard file</source>
        <translation>vCard-Datei</translation>
    </message>
    <message>
        <source>a Google Contacts export (CSV)</source>
        <translation>Export aus Google Kontakte (CSV)</translation>
    </message>
    <message>
        <source>an Outlook export (CSV)</source>
        <translation>Export aus Outlook (CSV)</translation>
    </message>
    <message>
        <source>a CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}.</source>
        <translation>{file} kann nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>{n} byte</source>
        <translation>{n} Byte</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} Byte</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{file} cannot be imported: {reason}.</source>
        <translation>{file} kann nicht importiert werden: {reason}.</translation>
    </message>
    <message>
        <source>{file} is not a valid Deal Journal file; nothing can be imported from it.</source>
        <translation>{file} ist keine gültige Datei von Deal Journal; daraus kann nichts importiert werden.</translation>
    </message>
    <message>
        <source>Something went wrong ({error}); nothing was changed. The log has the details.</source>
        <translation>Etwas ist schiefgegangen ({error}); es wurde nichts geändert. Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Added anyway</source>
        <translation>Trotzdem hinzugefügt</translation>
    </message>
    <message>
        <source>Every row ({n})</source>
        <translation>Alle Zeilen ({n})</translation>
    </message>
    <message>
        <source>New ({n})</source>
        <translation>Neu ({n})</translation>
    </message>
    <message>
        <source>Merged ({n})</source>
        <translation>Zusammengeführt ({n})</translation>
    </message>
    <message>
        <source>Skipped ({n})</source>
        <translation>Übersprungen ({n})</translation>
    </message>
    <message>
        <source>into {name}</source>
        <translation>mit {name}</translation>
    </message>
    <message>
        <source>into line {line}</source>
        <translation>mit Zeile {line}</translation>
    </message>
    <message>
        <source>{reason} → {into}</source>
        <extracomment>Import preview, &quot;Why&quot; column: the reason for merging, then which contact it merges into</extracomment>
        <translation>{reason} → {into}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Chance</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>Fürsprecher</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-Mails</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Treffen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Socials</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>out</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>in</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>mutual</source>
        <translation>beidseitig</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>Blogbeitrag</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>E-book</source>
        <translation>E-Book</translation>
    </message>
    <message>
        <source>Whitepaper</source>
        <translation>Whitepaper</translation>
    </message>
    <message>
        <source>Infographic</source>
        <translation>Infografik</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Fallstudie</translation>
    </message>
    <message>
        <source>Podcast</source>
        <translation>Podcast</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>Webinar</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Von mir</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>Von Dritten</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>Keine Reaktion</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Geantwortet</translation>
    </message>
    <message>
        <source>Acted on it</source>
        <translation>Umgesetzt</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Transactional</source>
        <translation>Transaktionsorientiert</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Beziehungsorientiert</translation>
    </message>
    <message>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Newsletter</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
<context>
    <name>privacy_actions</name>
    <message>
        <source>{name} (personal data).json</source>
        <translation>{name} (personenbezogene Daten).json</translation>
    </message>
    <message>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Export everything about this person</source>
        <translation>Alles über diese Person exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Could not export to {file}: {error}</source>
        <translation>Export nach {file} nicht möglich: {error}</translation>
    </message>
    <message>
        <source>Exported everything about {name} to {file}</source>
        <translation>Alles über {name} nach {file} exportiert</translation>
    </message>
    <message>
        <source>Erase {name} for good?</source>
        <translation>{name} endgültig löschen?</translation>
    </message>
    <message>
        <source>Everything recorded about them is removed: contact details, channels, goals, timeline entries and shares, and the space they took in the journal file is overwritten. This cannot be undone, not even with Undo.</source>
        <translation>Alles, was über diese Person erfasst ist, wird entfernt: Kontaktdaten, Kanäle, Ziele, Chronik-Einträge und Weitergaben; der Platz, den diese Daten in der Journal-Datei belegten, wird überschrieben. Dies kann nicht rückgängig gemacht werden, auch nicht mit „Rückgängig“.</translation>
    </message>
    <message>
        <source>Erase for Good</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Backups taken before now still hold them until thinning deletes those backups (File ▸ Backups… shows how long they are kept). To keep a copy of their data, export it first.</source>
        <translation>Bereits erstellte Sicherungen enthalten die Daten weiterhin, bis diese Sicherungen beim Ausdünnen gelöscht werden (unter Datei ▸ Sicherungen… sehen Sie, wie lange sie aufbewahrt werden). Wenn Sie eine Kopie der Daten behalten möchten, exportieren Sie sie zuerst.</translation>
    </message>
    <message>
        <source>The person was erased.</source>
        <translation>Die Person wurde endgültig gelöscht.</translation>
    </message>
</context>
</TS>
