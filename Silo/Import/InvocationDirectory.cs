namespace Frontline.Silo.Import;

/// <summary>The directory the user ran the command from, which relative paths on the command line are relative to.</summary>
public static class InvocationDirectory
{
    /// <summary>
    /// Usually the process's current directory. But <c>dotnet run</c> on a Web SDK project starts the app in the
    /// project directory (<c>RunWorkingDirectory</c> defaults to it so the server finds its content root), which
    /// would make <c>--crm ../shared/data</c> resolve against <c>Silo/</c>. When the current directory is that
    /// project directory, the shell's own directory survives only in <c>PWD</c>, so it is used instead.
    /// </summary>
    public static string Get()
    {
        var current = Environment.CurrentDirectory;
        var shell = Environment.GetEnvironmentVariable("PWD");
        var movedByDotnetRun = File.Exists(Path.Combine(current, "Silo.csproj"));
        return movedByDotnetRun && shell is not null && Path.IsPathFullyQualified(shell) && Directory.Exists(shell)
            ? shell
            : current;
    }
}
