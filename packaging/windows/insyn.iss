; Inno Setup script: wraps the one-folder build (dist\insyn) into InsynSetup-<version>.exe.
; Build on Windows: see packaging/README.md, "Windows". Installs per machine, for all users.
#define AppVersion GetEnv("INSYN_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7B0E3C2A-5D1F-4E8B-9A57-3C6F1D2E8B41}
AppName=Insyn
AppVersion={#AppVersion}
AppPublisher=Insyn
DefaultDirName={autopf}\Insyn
DefaultGroupName=Insyn
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=InsynSetup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\insyn.exe

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\insyn\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Dirs]
; The machine-wide configuration lives here; IT places insyn.toml (see packaging/README.md).
Name: "{commonappdata}\Insyn"; Permissions: users-readexec

[Icons]
Name: "{group}\Insyn"; Filename: "{app}\insyn.exe"
Name: "{commondesktop}\Insyn"; Filename: "{app}\insyn.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\insyn.exe"; Parameters: "--version"; Flags: runhidden waituntilterminated
