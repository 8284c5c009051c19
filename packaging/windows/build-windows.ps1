# Build the one-folder Windows bundle (dist\copdesk\copdesk.exe) and, when Inno Setup is installed, the
# per-user installer. Run from a clone in PowerShell:  powershell -File packaging\windows\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3 -m venv .venv }
.venv\Scripts\python -m pip install -q -e ".[package]"
.venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\copdesk.spec
& dist\copdesk\copdesk.exe --version
$env:QT_QPA_PLATFORM = "offscreen"; & dist\copdesk\copdesk.exe --smoke; Remove-Item Env:QT_QPA_PLATFORM
$env:COPDESK_VERSION = (.venv\Scripts\python -c "import copdesk; print(copdesk.__version__)")
if (Get-Command iscc -ErrorAction SilentlyContinue) { iscc packaging\windows\copdesk.iss }
