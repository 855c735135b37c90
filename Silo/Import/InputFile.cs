using System.IO.Compression;

namespace Frontline.Silo.Import;

/// <summary>Opens input files, decompressing gzip transparently.</summary>
public static class InputFile
{
    /// <summary>
    /// Opens <paramref name="path"/> for reading; a gzip file (recognised by its magic bytes 1f 8b, not its name, since
    /// analysts rename files freely) is decompressed on the fly.
    /// </summary>
    public static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            file.Position = 0;
            return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
