@echo off
rem The workshop command on Windows: workshop run step-0, workshop diff step-0 step-1, workshop doctor, ...
rem Finds a JDK 17 or newer, builds the command (workshop-kit\cli) when its sources changed, then runs it.
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\workshop-kit\cli\target\workshop-cli-1.0.0-SNAPSHOT.jar"

rem Java: JAVA_HOME first, then the PATH.
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
	echo error: no Java found. Install JDK 17 or newer and set JAVA_HOME. 1>&2
	exit /b 1
)
set "JAVA_VERSION="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr version') do set "JAVA_VERSION=%%~v"
set "JAVA_MAJOR=0"
for /f "delims=." %%m in ("%JAVA_VERSION%") do set "JAVA_MAJOR=%%m"
if %JAVA_MAJOR% LSS 17 (
	echo error: %JAVA% is Java %JAVA_VERSION%; the workshop needs 17 or newer. Install one and point JAVA_HOME at it. 1>&2
	exit /b 1
)

rem Build the command when its jar is missing or older than its sources (or those of the infra module it uses).
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
	"$jar = Get-Item -LiteralPath $env:JAR -ErrorAction SilentlyContinue;" ^
	"if (-not $jar -or -not (Test-Path (Join-Path $env:ROOT 'workshop-kit\cli\target\lib'))) { exit 1 }" ^
	"$sources = 'workshop-kit\cli\src\main', 'workshop-kit\cli\pom.xml', 'workshop-kit\infra\src\main', 'workshop-kit\infra\pom.xml', 'pom.xml' | ForEach-Object { Join-Path $env:ROOT $_ };" ^
	"$newer = Get-ChildItem -LiteralPath $sources -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -gt $jar.LastWriteTime } | Select-Object -First 1;" ^
	"if (-not $newer) { exit 0 }" ^
	"$session = Join-Path $env:ROOT '.workshop\session.json';" ^
	"if ((Test-Path $session) -and (Get-Process -Id (Get-Content -Raw $session | ConvertFrom-Json).pid -ErrorAction SilentlyContinue)) { exit 2 }" ^
	"exit 1"
rem 2: a step is running with the built command, which holds its jar: rebuild once that run stops.
if errorlevel 2 (
	echo note: the workshop command's sources changed; it is rebuilt once the step that runs now stops. 1>&2
) else if errorlevel 1 (
	echo Building the workshop command ^(once, and after its sources change^)... 1>&2
	call "%ROOT%\mvnw.cmd" -q -B -f "%ROOT%\pom.xml" -pl workshop-kit/cli -am package -DskipTests -Dspring-javaformat.validate.skip=true > "%TEMP%\workshop-build.log" 2>&1
	if errorlevel 1 (
		type "%TEMP%\workshop-build.log" 1>&2
		echo error: building the workshop command failed ^(output above^). 1>&2
		exit /b 1
	)
)

"%JAVA%" -Dworkshop.root="%ROOT%" -cp "%JAR%;%ROOT%\workshop-kit\cli\target\lib\*" workshop.cli.WorkshopCommand %*
exit /b %ERRORLEVEL%
