@echo off
rem The provider plugin's executable on Windows, where the engine runs the plugin's name.exe or name.cmd. As the
rem POSIX launcher beside it: Node.js on PATH first, then launcher.js. The same file serves the npm package and
rem the Windows release archives (scripts/packPlugin.sh copies it).
where node >nul 2>nul || (echo pulumi-resource-tencentcloud-purge needs Node.js 20+ on PATH: no node was found there 1>&2 & exit /b 1)
node "%~dp0launcher.js" %*
