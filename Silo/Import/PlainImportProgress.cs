namespace Frontline.Silo.Import;

/// <summary>
/// Progress for redirected output (CI logs, pipes): a plain line per kind at most every few seconds and when it
/// finishes, since redrawn bars would only fill a log with control codes.
/// </summary>
public sealed class PlainImportProgress(TextWriter output, TimeProvider time) : IImportProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<ImportKind, (int Done, int Total)> _counts = [];
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public void Register(ImportKind kind, int total) => _counts[kind] = (0, total);

    /// <inheritdoc />
    public void Advance(ImportKind kind, int items)
    {
        var (done, total) = _counts[kind];
        _counts[kind] = (done + items, total);
        var now = time.GetUtcNow();
        if (now - _lastWrite < Interval) return;
        _lastWrite = now;
        Write(kind, "sending");
    }

    /// <inheritdoc />
    public void Complete(ImportKind kind) => Write(kind, _counts[kind].Done == _counts[kind].Total ? "done" : "stopped");

    private void Write(ImportKind kind, string state)
    {
        var (done, total) = _counts[kind];
        output.WriteLine($"{kind.ToString().ToLowerInvariant()}: {done}/{total} sent ({state})");
    }
}
