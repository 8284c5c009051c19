; Inno Setup script: a per-user installer for the one-folder bundle (no admin rights, no UAC prompt).
; Build the bundle first (see NOTES.md), then: iscc packaging\windows\copdesk.iss
#define AppVersion GetEnv("COPDESK_VERSION")
[Setup]
AppId={{6F2C5C1E-8E0B-4F0E-9A51-63704453C0DE}
AppName=copdesk
AppVersion={#AppVersion}
AppPublisher=copdesk
DefaultDirName={localappdata}\Programs\copdesk
DefaultGroupName=copdesk
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=copdesk-{#AppVersion}-setup
SetupIconFile=copdesk.ico
UninstallDisplayIcon={app}\copdesk.exe
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
; SignTool=copdesk_sign   (define it in the Inno Setup IDE or with /S, see NOTES.md "Code signing")

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Files]
Source: "..\..\dist\copdesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\copdesk"; Filename: "{app}\copdesk.exe"

[Registry]
; HKCU (per user, since PrivilegesRequired=lowest maps HKA to HKCU): .copdesk opens with copdesk.
Root: HKA; Subkey: "Software\Classes\.copdesk"; ValueType: string; ValueData: "copdesk.report"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\copdesk.report"; ValueType: string; ValueData: "copdesk report"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\copdesk.report\DefaultIcon"; ValueType: string; ValueData: "{app}\copdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\copdesk.report\shell\open\command"; ValueType: string; ValueData: """{app}\copdesk.exe"" ""%1"""
