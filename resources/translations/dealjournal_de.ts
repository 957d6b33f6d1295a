<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>About Deal Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal Journal logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private, offline journal of your relationships: who has gone quiet, who has become one-sided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: GPL-3.0-or-later. Deal Journal is free software: you may share and change it under the terms of the GNU General Public License, version 3 or later. It comes with no warranty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt for Python (PySide6), used under the GNU Lesser General Public License (LGPL-3.0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions of the libraries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal Journal backs this journal up by itself whenever it changed: after opening it, every 30 minutes while it is open, on closing, and before every import or restore. Each backup is checked before it is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups, newest first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet. The first one is taken as soon as the journal holds something; &quot;Back Up Now&quot; takes one at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back &amp;Up Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the journal now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every backup of today, and the newest backup of each of the last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep daily backups for this many days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep weekly backups for this many weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep monthly backups for this many months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older backups are deleted. An erased person stays in the backups taken before the erase until these are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelEdit</name>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linkedin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>facebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>youtube</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiktok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mastodon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>github</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newsletter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>podcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. adabyron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;I follow them since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I follow them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They follow &amp;back:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They follow you back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactEdit</name>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. Ada Byron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Famil&amp;y name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title or position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locat&amp;ion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma separated, e.g. fintech, cfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>advocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep in touch every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-in-touch cadence in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often you mean to be in touch. Stage default uses the preferences; 0 never flags the contact as quiet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Buying style:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buying style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transactional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How you met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how you met, e.g. conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentEdit</name>
    <message>
        <source>Content item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is it called?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… or a file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author or source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author or source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fintech, finance, hiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it says and who it helps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalEdit</name>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What are they trying to achieve?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a target date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key drivers and details:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key drivers and details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDone</name>
    <message>
        <source>What was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup taken before the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and show the contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFile</name>
    <message>
        <source>Bring in contacts from a vCard file (phones, Apple Contacts, Thunderbird), LinkedIn&apos;s Connections.csv, a Google Contacts or Outlook export, any other CSV file with a header row, or a Deal Journal JSON file. Nothing is written until you have seen a preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file, or drop one on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected format</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source>Say which column of the file holds what. The guesses come from the column names; choose &quot;(not in the file)&quot; for a field the file lacks. Several e-mails or phones in one cell may be separated by ; or ,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;irst name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loc&amp;ation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note&amp;s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkedIn p&amp;rofile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column for LinkedIn profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is still missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Import summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>color: #a03030;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do with duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into the contact already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add them as new contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rows that are merged or skipped (click a column title to sort):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows merged or skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warnings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Import state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import; nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import is written all at once: stopping it leaves the journal exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogInteraction</name>
    <message>
        <source>Log Interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name or company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Out → I reached out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: out, I reached out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In ← they did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: in, they reached out or answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mutual ⇄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: mutual, both took part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note ✎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: private note, not a touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, in a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;tails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Ctrl+Enter saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal this serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preference pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loo&amp;k back over the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health window in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in touch at least every … (0 = never flag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead cadence in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engaged cadence in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity cadence in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer cadence in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Advocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advocate cadence in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when follow-ups are due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day, at or after this time, while Deal Journal is running. The notification says only how many follow-ups are due, never who they are with. Clicking it opens the Attention page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray: the reminder appears in the window&apos;s status bar and title instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal Journal backs the journal up when it has changed: on opening, every 30 minutes and on closing. It keeps all of today&apos;s backups and, of the older ones, the newest of each of the last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backups to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly backups to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly backups to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups keep a deleted contact&apos;s data until they are thinned out: keeping fewer makes it disappear sooner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dar&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <source>Share content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content item to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a contact (Enter adds the highlighted one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a contact by name or company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name or company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;uggestions: their tags or open goals match its topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing &amp;with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts to share with (uncheck to remove)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goal it serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal it serves (one contact only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: why I thought of you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why I thought of you…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mutual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whitepaper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infographic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acted on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blog</source>
        <extracomment>Networks as a column or a menu names them; brand names stay as they are.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
