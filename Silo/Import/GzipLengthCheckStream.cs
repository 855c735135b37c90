using System.Globalization;

namespace Frontline.Silo.Import;

/// <summary>
/// Reads a decompressing stream and, at its end, compares the byte count with the gzip trailer's ISIZE. .NET's
/// <see cref="System.IO.Compression.GZipStream"/> ends silently on a truncated file; for path imports, which replace
/// a scope, that would quietly store part of the file, so a mismatch throws instead.
/// </summary>
internal sealed class GzipLengthCheckStream(Stream decompressed, uint expectedLength) : Stream
{
    private ulong _read;
    private bool _checked;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = decompressed.Read(buffer);
        _read += (ulong)read;
        if (read == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;

            // ISIZE is the length modulo 2^32. A multi-member file only records its last member, so it fails here too.
            if ((uint)_read != expectedLength)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"decompressed {_read} bytes but the trailer says {expectedLength}; the file is truncated, corrupt or several gzip files joined"));
            }
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}
