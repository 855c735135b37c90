using Spectre.Console;

namespace Frontline.Silo.Import;

/// <summary>Live progress bars on a terminal: one task per kind.</summary>
public sealed class SpectreImportProgress(ProgressContext context) : IImportProgress
{
    private readonly Dictionary<ImportKind, ProgressTask> _tasks = [];

    /// <inheritdoc />
    public void Register(ImportKind kind, int total) =>
        _tasks[kind] = context.AddTask(kind.ToString(), autoStart: true, maxValue: Math.Max(total, 1));

    /// <inheritdoc />
    public void Advance(ImportKind kind, int items) => _tasks[kind].Increment(items);

    /// <inheritdoc />
    public void Complete(ImportKind kind) => _tasks[kind].StopTask();
}
