namespace Frontline.Silo.Storage;

/// <summary>Crash-safe whole-file replacement shared by the grain storage and the reminder table.</summary>
internal static class AtomicFile
{
    /// <summary>Suffix of in-flight files; readers ignore them, so a crash mid-write leaves the old file intact.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> so that a reader (or a restart after
    /// kill -9 or power loss) sees either the old file or the new one, never a torn mix: the bytes go to
    /// a temp file in the same directory (a rename is only atomic within one file system), are flushed
    /// to the device, and the temp file is then renamed over the target.
    /// </summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var tempPath = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);

                // FlushAsync only empties .NET's buffer; Flush(true) also asks the OS to fsync, without
                // which the rename below could reach the disk before the data does.
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, path, overwrite: true);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>Reads a whole file, or returns null if it does not exist (also when deleted concurrently).</summary>
    public static async Task<byte[]?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is ignored by readers.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
