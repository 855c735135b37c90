namespace Frontline.Silo.Import;

/// <summary>The directory the user ran the command from, which relative paths on the command line are relative to.</summary>
public static class InvocationDirectory
{
    /// <summary>
    /// The process's current directory. <c>dotnet run --project Silo</c> keeps the caller's directory because
    /// Silo.csproj sets <c>RunWorkingDirectory</c> to it (the Web SDK would otherwise start in <c>Silo/</c>).
    /// </summary>
    public static string Get() => Environment.CurrentDirectory;
}
