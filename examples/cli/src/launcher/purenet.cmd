@echo off
rem The purenet command line on Windows: runs purenet.jar, which lies beside this script, in a JVM
rem that has the vector API (--add-modules jdk.incubator.vector), so that matrix products take the
rem vector kernels. Same results, bit for bit, as "java -jar purenet.jar"; see docs/command-line.md.
rem
rem   JAVA_HOME          the Java (17 or later) to run: %JAVA_HOME%\bin\java.exe; without it, java on the PATH
rem   PURENET_JAVA_OPTS  more options for the JVM, separated by spaces, such as -Xmx4g
rem
rem The exit code is the JVM's. A symbolic link to this file is not followed: call the script from
rem another .cmd file instead (call "C:\path to\purenet.cmd" %*).
setlocal
set "PURENET_JAR=%~dp0purenet.jar"
if exist "%PURENET_JAR%" goto run
echo purenet: "%PURENET_JAR%" is missing: the launcher runs the purenet.jar beside it 1>&2
exit /b 1
:run
set "PURENET_JAVA=java"
if defined JAVA_HOME set "PURENET_JAVA=%JAVA_HOME%\bin\java.exe"
"%PURENET_JAVA%" --add-modules=jdk.incubator.vector %PURENET_JAVA_OPTS% -jar "%PURENET_JAR%" %*
exit /b %ERRORLEVEL%
