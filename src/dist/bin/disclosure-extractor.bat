@echo off
rem Runs disclosure-extractor from this distribution on Windows: finds java.exe (JAVA_HOME, then PATH),
rem switches the console to UTF-8 so Chinese names print correctly, and passes every argument on.
rem   JAVA_HOME                  the Java (17 or newer) to use
rem   JAVA_OPTS                  options for the Java virtual machine, e.g. -Xmx4g
rem   DISCLOSURE_EXTRACTOR_OPTS  the same, for this program only
setlocal
set "DE_HOME=%~dp0.."
set "DE_JAR=%DE_HOME%\lib\disclosure-extractor.jar"
if not exist "%DE_JAR%" goto nojar

if not defined JAVA_HOME goto javafrompath
set "DE_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%DE_JAVA%" goto run
echo disclosure-extractor: JAVA_HOME is %JAVA_HOME% but it has no bin\java.exe. Install Java 17 or newer (e.g. https://adoptium.net) and set JAVA_HOME to it. 1>&2
exit /b 1

:javafrompath
set "DE_JAVA=java.exe"
where java.exe >nul 2>&1
if not errorlevel 1 goto run
echo disclosure-extractor: needs Java 17 or newer, and no java.exe was found. Install Java 17 or newer (e.g. https://adoptium.net) or set JAVA_HOME to one. 1>&2
exit /b 1

:run
for /f "tokens=2 delims=:." %%c in ('chcp') do set "DE_CODEPAGE=%%c"
chcp 65001 >nul
"%DE_JAVA%" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %JAVA_OPTS% %DISCLOSURE_EXTRACTOR_OPTS% -jar "%DE_JAR%" %*
set "DE_STATUS=%ERRORLEVEL%"
if defined DE_CODEPAGE chcp %DE_CODEPAGE: =% >nul
exit /b %DE_STATUS%

:nojar
echo disclosure-extractor: %DE_JAR% is missing; unpack the whole distribution again. 1>&2
exit /b 1
