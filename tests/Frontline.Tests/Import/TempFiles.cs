namespace Frontline.Tests.Import;

/// <summary>A scratch directory of small CSV files, deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    /// <summary>The directory.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("frontline-import-").FullName;

    /// <summary>Writes <paramref name="lines"/> with CRLF endings (as the Maven export has) and returns the path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
