using System.Buffers.Binary;
using System.IO.Compression;

namespace Frontline.Silo.Import;

/// <summary>Opens input files, decompressing gzip transparently.</summary>
public static class InputFile
{
    // 10-byte header, at least an empty deflate block, 8-byte trailer (CRC-32, ISIZE).
    private const int MinGzipLength = 20;

    /// <summary>
    /// Opens <paramref name="path"/> for reading; a gzip file (recognised by its magic bytes 1f 8b, not its name, since
    /// analysts rename files freely) is decompressed on the fly and checked against its trailer's length at the end.
    /// </summary>
    /// <exception cref="InvalidDataException">A gzip file too short to be one (more follow while reading a truncated one).</exception>
    public static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            if (file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
            {
                file.Position = 0;
                return file;
            }

            if (file.Length < MinGzipLength) throw new InvalidDataException($"{file.Length} bytes is too short for gzip data");
            Span<byte> size = stackalloc byte[4];
            file.Position = file.Length - size.Length;
            file.ReadExactly(size);
            file.Position = 0;
            return new GzipLengthCheckStream(new GZipStream(file, CompressionMode.Decompress), BinaryPrimitives.ReadUInt32LittleEndian(size));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
